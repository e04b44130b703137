package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"samkoll/checklist"
)

// SaveResponse stores the answer to one item of an assessment with its
// comment, reason, time and risk evaluation, replacing what was there. A nil
// Risk removes the evaluation; a response with no answer, text or risk
// removes the row. It is the autosave target: one short transaction.
func (s *Store) SaveResponse(ctx context.Context, assessmentID int64, r checklist.Response) error {
	if strings.TrimSpace(r.AreaID) == "" || strings.TrimSpace(r.ItemID) == "" {
		return errors.New("svaret saknar område eller punkt")
	}
	if r.Answer < checklist.Unanswered || r.Answer > checklist.EjAktuellt {
		return fmt.Errorf("okänt svar %d", int(r.Answer))
	}
	var prob, cons, serious sql.NullInt64
	var level, note sql.NullString
	if r.Risk != nil {
		rk := *r.Risk
		if rk.Level == checklist.NoLevel {
			rk.Level = checklist.LevelFor(rk.Probability, rk.Consequence)
		}
		if err := rk.Validate(); err != nil {
			return err
		}
		if rk.Level < checklist.NoLevel || rk.Level > checklist.MycketHog {
			return fmt.Errorf("okänd risknivå %d", int(rk.Level))
		}
		prob = sql.NullInt64{Int64: int64(rk.Probability), Valid: true}
		cons = sql.NullInt64{Int64: int64(rk.Consequence), Valid: true}
		level = sql.NullString{String: rk.Level.String(), Valid: true}
		serious = sql.NullInt64{Int64: b2i(rk.Serious()), Valid: true}
		note = sql.NullString{String: rk.Note, Valid: true}
	}
	empty := r.Answer == checklist.Unanswered && r.Comment == "" && r.Reason == "" && r.Risk == nil && r.Measures == ""
	return s.keyTx(ctx, func(exec keyExec) error {
		res, err := exec("UPDATE assessments SET updated = ? WHERE id = ?", fmtTime(s.now()), assessmentID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, "bedömning", assessmentID); err != nil {
			return err
		}
		if empty {
			_, err := exec("DELETE FROM answers WHERE assessment_id = ? AND area_id = ? AND item_id = ?",
				assessmentID, r.AreaID, r.ItemID)
			return err
		}
		_, err = exec(`INSERT INTO answers (assessment_id, area_id, item_id, answer, comment, reason,
			answered_at, risk_probability, risk_consequence, risk_level, risk_serious, risk_note, measures)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (assessment_id, area_id, item_id) DO UPDATE SET answer = excluded.answer,
			comment = excluded.comment, reason = excluded.reason, answered_at = excluded.answered_at,
			risk_probability = excluded.risk_probability, risk_consequence = excluded.risk_consequence,
			risk_level = excluded.risk_level, risk_serious = excluded.risk_serious, risk_note = excluded.risk_note,
			measures = excluded.measures`,
			assessmentID, r.AreaID, r.ItemID, r.Answer.String(), r.Comment, r.Reason, fmtTime(r.AnsweredAt),
			prob, cons, level, serious, note, r.Measures)
		return err
	})
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (s *Store) loadResponses(ctx context.Context, id int64) (map[checklist.ItemKey]checklist.Response, error) {
	rows, err := s.query(ctx, `SELECT `+responseCols+` FROM answers w WHERE w.assessment_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[checklist.ItemKey]checklist.Response{}
	rs := newResponseScanner()
	for rows.Next() {
		r, err := rs.scan(rows)
		if err != nil {
			return nil, err
		}
		out[r.Key()] = r
	}
	return out, rows.Err()
}

// responseCols are the columns scanResponse reads, from answers aliased w.
const responseCols = `w.area_id, w.item_id, w.answer, w.comment, w.reason, w.answered_at,
	w.risk_probability, w.risk_consequence, w.risk_level, w.risk_note, w.measures`

// scanResponse reads responseCols and then extra.
func scanResponse(sc scanner, extra ...any) (checklist.Response, error) {
	return newResponseScanner(extra...).scan(sc)
}

// responseScanner reads responseCols and then extra into the same
// variables for every row: reading the answers of a whole export, the
// scan itself allocates nothing per row (scanResponse made nine
// allocations an answer, a quarter of an export's).
type responseScanner struct {
	r           checklist.Response
	answer, at  string
	prob, cons  sql.NullInt64
	level, note sql.NullString
	dest        []any
}

func newResponseScanner(extra ...any) *responseScanner {
	s := &responseScanner{}
	s.dest = append([]any{&s.r.AreaID, &s.r.ItemID, &s.answer, &s.r.Comment, &s.r.Reason, &s.at,
		&s.prob, &s.cons, &s.level, &s.note, &s.r.Measures}, extra...)
	return s
}

// scan reads the current row.
func (s *responseScanner) scan(sc scanner) (checklist.Response, error) {
	s.r = checklist.Response{}
	if err := sc.Scan(s.dest...); err != nil {
		return s.r, err
	}
	r := s.r
	var err error
	if r.Answer, err = checklist.ParseAnswer(s.answer); err != nil {
		return r, err
	}
	if r.AnsweredAt, err = parseTime(s.at); err != nil {
		return r, err
	}
	if s.level.Valid {
		l, err := checklist.ParseLevel(s.level.String)
		if err != nil {
			return r, err
		}
		r.Risk = &checklist.Risk{Probability: int(s.prob.Int64), Consequence: int(s.cons.Int64), Level: l, Note: s.note.String}
	}
	return r, nil
}
