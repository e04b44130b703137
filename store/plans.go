package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"samkoll/checklist"
)

// UnitAction is an unfinished action with the unit it belongs to and the
// date of the assessment where it was created.
type UnitAction = checklist.UnitAction

// actionCols are the columns scanActions reads, from actions aliased x. The
// last is the risk level the action's item got in the action's own
// assessment.
const actionCols = `x.id, x.unit_id, x.assessment_id, x.area_id, x.item_id, x.risk, x.what, x.who, x.due,
	x.status, x.done_on, x.checked_on, x.effect, x.escalation, x.created, x.updated,
	coalesce((SELECT w.risk_level FROM answers w
		WHERE w.assessment_id = x.assessment_id AND w.area_id = x.area_id AND w.item_id = x.item_id), '')`

type scanner interface{ Scan(...any) error }

func scanAction(sc scanner, extra ...any) (checklist.Action, error) {
	return newActionScanner(extra...).scan(sc)
}

// actionScanner reads actionCols and then extra into the same variables
// for every row, as responseScanner does for answers.
type actionScanner struct {
	a                                                        checklist.Action
	due, status, done, checked, esc, created, updated, level string
	dest                                                     []any
}

func newActionScanner(extra ...any) *actionScanner {
	s := &actionScanner{}
	a := &s.a
	s.dest = append([]any{&a.ID, &a.UnitID, &a.AssessmentID, &a.AreaID, &a.ItemID, &a.Risk, &a.What, &a.Who, &s.due,
		&s.status, &s.done, &s.checked, &a.Effect, &s.esc, &s.created, &s.updated, &s.level}, extra...)
	return s
}

// scan reads the current row.
func (s *actionScanner) scan(sc scanner) (checklist.Action, error) {
	s.a = checklist.Action{}
	if err := sc.Scan(s.dest...); err != nil {
		return s.a, err
	}
	a := s.a
	var err error
	if a.Due, err = parseDate(s.due); err != nil {
		return a, err
	}
	if a.DoneOn, err = parseDate(s.done); err != nil {
		return a, err
	}
	if a.CheckedOn, err = parseDate(s.checked); err != nil {
		return a, err
	}
	if a.Status, err = checklist.ParseActionStatus(s.status); err != nil {
		return a, err
	}
	if a.Escalation, err = checklist.ParseEscalation(s.esc); err != nil {
		return a, err
	}
	if a.RiskLevel, err = checklist.ParseLevel(s.level); err != nil {
		return a, err
	}
	if a.Created, err = parseTime(s.created); err != nil {
		return a, err
	}
	a.Updated, err = parseTime(s.updated)
	return a, err
}

func (s *Store) queryActions(ctx context.Context, query string, args ...any) ([]checklist.Action, error) {
	as := newActionScanner()
	return queryAll(ctx, s, func(sc scanner) (checklist.Action, error) { return as.scan(sc) }, query, args...)
}

// validAction checks an action beyond checklist.Action.Validate: the enum
// values must be known ones.
func validAction(a checklist.Action) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if strings.TrimSpace(a.What) == "" {
		return errors.New("åtgärden saknar text (vad ska göras?)")
	}
	if a.Status < checklist.Planerad || a.Status > checklist.Struken {
		return fmt.Errorf("okänd status %d", int(a.Status))
	}
	if a.Escalation < checklist.EscAPT || a.Escalation > checklist.EscChef {
		return fmt.Errorf("okänd eskalering %d", int(a.Escalation))
	}
	return nil
}

// SaveAction inserts the action when its ID is 0 and updates it otherwise,
// and returns it as stored. A new action takes its unit from its
// assessment. When the status is klar and DoneOn is empty, DoneOn is set to
// today; any other status clears DoneOn (a reopened action is not done).
// The unit and origin assessment of an existing action never change.
func (s *Store) SaveAction(ctx context.Context, a checklist.Action) (checklist.Action, error) {
	if a.Status == checklist.Klar && a.DoneOn.IsZero() {
		a.DoneOn = checklist.DateOf(s.now())
	}
	if a.Status != checklist.Klar {
		a.DoneOn = checklist.Date{}
	}
	if err := validAction(a); err != nil {
		return a, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := fmtTime(s.now())
		if a.ID == 0 {
			var unitID int64
			err := tx.QueryRowContext(ctx, "SELECT unit_id FROM assessments WHERE id = ?", a.AssessmentID).Scan(&unitID)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("bedömning %d: %w", a.AssessmentID, ErrNotFound)
			}
			if err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO actions (uid, unit_id, assessment_id, area_id, item_id, risk,
				what, who, due, status, done_on, checked_on, effect, escalation, created, updated)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				newUID(), unitID, a.AssessmentID, a.AreaID, a.ItemID, a.Risk, a.What, a.Who, a.Due.String(),
				a.Status.String(), a.DoneOn.String(), a.CheckedOn.String(), a.Effect, a.Escalation.String(), now, now)
			if err != nil {
				return err
			}
			a.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE actions SET area_id = ?, item_id = ?, risk = ?, what = ?, who = ?,
			due = ?, status = ?, done_on = ?, checked_on = ?, effect = ?, escalation = ?, updated = ? WHERE id = ?`,
			a.AreaID, a.ItemID, a.Risk, a.What, a.Who, a.Due.String(), a.Status.String(), a.DoneOn.String(),
			a.CheckedOn.String(), a.Effect, a.Escalation.String(), now, a.ID)
		if err != nil {
			return err
		}
		return mustAffect(res, "åtgärd", a.ID)
	})
	if err != nil {
		return a, err
	}
	return s.loadAction(ctx, a.ID)
}

func (s *Store) loadAction(ctx context.Context, id int64) (checklist.Action, error) {
	a, err := scanAction(s.db.QueryRowContext(ctx, "SELECT "+actionCols+" FROM actions x WHERE x.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("åtgärd %d: %w", id, ErrNotFound)
	}
	return a, err
}

// DeleteAction deletes an action everywhere it is shown.
func (s *Store) DeleteAction(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM actions WHERE id = ?", id)
		if err != nil {
			return err
		}
		return mustAffect(res, "åtgärd", id)
	})
}

// OpenActions returns every unfinished action (planerad or pågår) of the
// unit named unit, or of all units when unit is "", sorted by unit, due
// date (undated last) and id.
func (s *Store) OpenActions(ctx context.Context, unit string) ([]UnitAction, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+actionCols+`, u.name, o.meeting_date
		FROM actions x JOIN units u ON u.id = x.unit_id JOIN assessments o ON o.id = x.assessment_id
		WHERE x.status IN ('planerad', 'pagar') AND (?1 = '' OR u.name_key = ?1)
		ORDER BY u.name_key, x.due = '', x.due, x.id`, unitKey(unit))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UnitAction
	for rows.Next() {
		var ua UnitAction
		var date string
		if ua.Action, err = scanAction(rows, &ua.Unit, &date); err != nil {
			return nil, err
		}
		if ua.AssessmentDate, err = parseDate(date); err != nil {
			return nil, err
		}
		out = append(out, ua)
	}
	return out, rows.Err()
}
