package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MergeUnits makes the unit named from part of the unit named into, so that
// a unit whose name was written in two ways ("Avd 12" and "Avdelning 12")
// keeps one history. Its assessments, actions, own items and year plans
// move; its own items are numbered on after into's (E1 becomes E4 where
// into already has E1–E3), with their answers, actions, re-evaluations and
// carried risks. When into does not exist, from is only renamed. Names
// match as units always do: trimmed, any case. It reports whether from
// existed; merging a unit into itself changes nothing.
func (s *Store) MergeUnits(ctx context.Context, from, into string) (bool, error) {
	if strings.TrimSpace(into) == "" {
		return false, errors.New("the new unit name is empty")
	}
	found := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var fromID, intoID int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM units WHERE name_key = ?`, unitKey(from)).Scan(&fromID)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		err = tx.QueryRowContext(ctx, `SELECT id FROM units WHERE name_key = ?`, unitKey(into)).Scan(&intoID)
		switch {
		case errors.Is(err, sql.ErrNoRows), err == nil && intoID == fromID:
			_, err = tx.ExecContext(ctx, `UPDATE units SET name = ?, name_key = ? WHERE id = ?`,
				strings.TrimSpace(into), unitKey(into), fromID)
			return err
		case err != nil:
			return err
		}
		return mergeUnit(ctx, tx, fromID, intoID)
	})
	return found, err
}

// mergeUnit moves everything of unit fromID to intoID and removes fromID.
func mergeUnit(ctx context.Context, tx *sql.Tx, fromID, intoID int64) error {
	// Renumbering own items changes keys that other rows refer to; the
	// references are checked once all of them have moved.
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		return err
	}
	next, err := nextOwnItemNumber(ctx, tx, intoID)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT item_id FROM own_items WHERE unit_id = ?
		ORDER BY CAST(substr(item_id, 2) AS INTEGER)`, fromID)
	if err != nil {
		return err
	}
	var olds []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		olds = append(olds, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// Two passes, through temporary names, so that E2 → E3 never meets
	// the E3 that is about to become E4.
	renames, temp := make(map[string]string, len(olds)), make(map[string]string, len(olds))
	for i, old := range olds {
		renames[old] = "E" + strconv.Itoa(next+i)
		temp[old] = "E" + strconv.Itoa(900_000_000+i)
	}
	for _, pass := range []func(string) (string, string){
		func(old string) (string, string) { return old, temp[old] },
		func(old string) (string, string) { return temp[old], renames[old] },
	} {
		for _, old := range olds {
			a, b := pass(old)
			if err := renameOwnItem(ctx, tx, fromID, a, b); err != nil {
				return err
			}
		}
	}
	for _, q := range []string{
		`UPDATE own_items SET unit_id = ?2 WHERE unit_id = ?1`,
		`UPDATE assessments SET unit_id = ?2 WHERE unit_id = ?1`,
		`UPDATE actions SET unit_id = ?2 WHERE unit_id = ?1`,
		`INSERT OR IGNORE INTO year_plans (unit_id, year, area_id, month) SELECT ?2, year, area_id, month FROM year_plans WHERE unit_id = ?1`,
		`DELETE FROM year_plans WHERE unit_id = ?1`,
		`DELETE FROM units WHERE id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, fromID, intoID); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE assessments SET updated = ? WHERE unit_id = ?`,
		fmtTime(time.Now()), intoID)
	return err
}

// renameOwnItem gives the own item old of unit a new item id, in every row
// of the unit that refers to it.
func renameOwnItem(ctx context.Context, tx *sql.Tx, unitID int64, old, new string) error {
	for _, q := range []string{
		`UPDATE own_items SET item_id = ?3 WHERE unit_id = ?1 AND item_id = ?2`,
		`UPDATE answers SET item_id = ?3 WHERE item_id = ?2 AND assessment_id IN (SELECT id FROM assessments WHERE unit_id = ?1)`,
		`UPDATE reevaluations SET item_id = ?3 WHERE item_id = ?2 AND assessment_id IN (SELECT id FROM assessments WHERE unit_id = ?1)`,
		`UPDATE carried_risks SET item_id = ?3 WHERE item_id = ?2 AND from_assessment_id IN (SELECT id FROM assessments WHERE unit_id = ?1)`,
		`UPDATE actions SET item_id = ?3 WHERE unit_id = ?1 AND item_id = ?2`,
	} {
		if _, err := tx.ExecContext(ctx, q, unitID, old, new); err != nil {
			return fmt.Errorf("renumbering %s: %w", old, err)
		}
	}
	return nil
}
