package store

import (
	"context"
	"database/sql"
)

// latest_answers holds each unit's latest non-empty answer to each item
// (schema 9). Since schema 11 a new answer does not update it in its own
// commit: the trigger latest_pending_insert only notes the answer's
// assessment in latest_pending, and foldPending brings latest_answers up
// to date for the noted assessments later, in a transaction of its own
// (when the store is closed, after the check that follows an open, and at
// the end of an import). Emptying, removing or moving an answer and moving
// a meeting keep latest_answers exact as before, through their triggers,
// which read all answers.
//
// So latest_answers may lack what the pending assessments' answers add,
// and nothing else: every reader reads it through latestCTE, which is
// latest_answers with those answers merged in, and is right at every
// moment, also in a read-only export while samkoll writes elsewhere, or
// after a crash between an answer's commit and the fold.

// latestCTE is a common table expression "latest", with the columns of
// latest_answers: each unit's latest non-empty answer to each item, the
// newest meeting date first, then the newest assessment. It is
// latest_answers where no pending assessment has a later answer to the
// item, and the pending assessments' answers that nothing in either is
// later than. With latest_pending empty, as it is but during a session, it
// costs a look into an empty table per row.
const latestCTE = `latest (unit_id, area_id, item_id, assessment_id, meeting_date) AS (
	SELECT l.unit_id, l.area_id, l.item_id, l.assessment_id, l.meeting_date FROM latest_answers l
	WHERE NOT EXISTS (SELECT 1 FROM latest_pending p CROSS JOIN assessments a CROSS JOIN answers w
		WHERE a.id = p.assessment_id AND a.unit_id = l.unit_id
			AND w.assessment_id = a.id AND w.area_id = l.area_id AND w.item_id = l.item_id AND w.answer <> ''
			AND (a.meeting_date > l.meeting_date OR (a.meeting_date = l.meeting_date AND a.id > l.assessment_id)))
	UNION ALL
	SELECT a.unit_id, w.area_id, w.item_id, a.id, a.meeting_date
	FROM latest_pending p CROSS JOIN assessments a CROSS JOIN answers w
	WHERE a.id = p.assessment_id AND w.assessment_id = a.id AND w.answer <> ''
		AND NOT EXISTS (SELECT 1 FROM latest_answers l
			WHERE l.unit_id = a.unit_id AND l.area_id = w.area_id AND l.item_id = w.item_id
				AND (l.meeting_date > a.meeting_date OR (l.meeting_date = a.meeting_date AND l.assessment_id >= a.id)))
		AND NOT EXISTS (SELECT 1 FROM latest_pending q CROSS JOIN assessments b CROSS JOIN answers v
			WHERE b.id = q.assessment_id AND b.unit_id = a.unit_id
				AND v.assessment_id = b.id AND v.area_id = w.area_id AND v.item_id = w.item_id AND v.answer <> ''
				AND (b.meeting_date > a.meeting_date OR (b.meeting_date = a.meeting_date AND b.id > a.id))))`

// foldPending brings latest_answers up to date with the answers of the
// assessments in latest_pending and empties it, in tx. Each assessment's
// answers become the latest where none is recorded for the unit's item or
// the recorded one is of an earlier meeting: what the trigger before
// schema 11 did for each answer as it was saved. Folding an assessment
// twice changes nothing.
func foldPending(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT assessment_id FROM latest_pending ORDER BY assessment_id")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO latest_answers (unit_id, area_id, item_id, assessment_id, meeting_date)
			SELECT a.unit_id, w.area_id, w.item_id, a.id, a.meeting_date FROM assessments a CROSS JOIN answers w
			WHERE a.id = ? AND w.assessment_id = a.id AND w.answer <> '' AND NOT EXISTS (SELECT 1 FROM latest_answers l
				WHERE l.unit_id = a.unit_id AND l.area_id = w.area_id AND l.item_id = w.item_id)`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE latest_answers SET assessment_id = a.id, meeting_date = a.meeting_date
			FROM assessments a CROSS JOIN answers w
			WHERE a.id = ? AND w.assessment_id = a.id AND w.answer <> '' AND latest_answers.unit_id = a.unit_id
				AND latest_answers.area_id = w.area_id AND latest_answers.item_id = w.item_id
				AND (a.meeting_date > latest_answers.meeting_date
					OR (a.meeting_date = latest_answers.meeting_date AND a.id > latest_answers.assessment_id))`, id); err != nil {
			return err
		}
	}
	if len(ids) == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM latest_pending")
	return err
}

// foldPendingNow runs foldPending in a transaction of its own on the
// database, without waiting for the check of the pages (the caller has
// it). Nothing is written when nothing is pending.
func (s *Store) foldPendingNow(ctx context.Context) error {
	var pending bool
	if err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM latest_pending)").Scan(&pending); err != nil || !pending {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := foldPending(ctx, tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
