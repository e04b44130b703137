package store

import (
	"context"
	"errors"
	"strings"

	"samkoll/checklist"
)

// maxDraftText bounds a draft; the longest field of the app holds far less.
const maxDraftText = 16 << 10

// SaveDraft keeps text as the draft of field in assessment assessmentID (0
// for a field of no assessment), replacing the one before. Empty text
// removes the draft. It returns the draft as stored.
func (s *Store) SaveDraft(ctx context.Context, assessmentID int64, field, text string) (checklist.Draft, error) {
	if strings.TrimSpace(field) == "" {
		return checklist.Draft{}, errors.New("utkastet saknar fält")
	}
	if len(text) > maxDraftText {
		text = text[:maxDraftText]
	}
	d := checklist.Draft{AssessmentID: assessmentID, Field: field, Text: text, Saved: s.now()}
	err := s.keyTx(ctx, func(exec keyExec) error {
		if text == "" {
			_, err := exec("DELETE FROM drafts WHERE assessment_id = ? AND field = ?", assessmentID, field)
			return err
		}
		_, err := exec(`INSERT INTO drafts (assessment_id, field, text, saved) VALUES (?, ?, ?, ?)
			ON CONFLICT (assessment_id, field) DO UPDATE SET text = excluded.text, saved = excluded.saved`,
			assessmentID, field, text, fmtTime(d.Saved))
		return err
	})
	if err != nil {
		return checklist.Draft{}, err
	}
	return d, nil
}

// DeleteDraft removes the draft of field, if any.
func (s *Store) DeleteDraft(ctx context.Context, assessmentID int64, field string) error {
	_, err := s.SaveDraft(ctx, assessmentID, field, "")
	return err
}

// Drafts returns the drafts of assessment assessmentID, by field.
func (s *Store) Drafts(ctx context.Context, assessmentID int64) (map[string]checklist.Draft, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT field, text, saved FROM drafts WHERE assessment_id = ?", assessmentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]checklist.Draft{}
	for rows.Next() {
		d := checklist.Draft{AssessmentID: assessmentID}
		var saved string
		if err := rows.Scan(&d.Field, &d.Text, &saved); err != nil {
			return nil, err
		}
		if d.Saved, err = parseTime(saved); err != nil {
			return nil, err
		}
		out[d.Field] = d
	}
	return out, rows.Err()
}
