package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"samkoll/checklist"
)

// This file moves what was saved under a retired item id to the item that
// replaces it (checklist.ItemRenames), so that an old assessment keeps
// showing every answer after the built-in checklists change. It runs once
// over the whole database in the migration that introduced the renames, and
// over each assessment an import writes, since an exported file may be
// older than the renames.

// migrationHooks are Go steps of migrations, keyed by the migration's name
// without its number, run in the migration's transaction after its SQL.
var migrationHooks = map[string]func(context.Context, *sql.Tx) error{
	"item_renames.sql": func(ctx context.Context, tx *sql.Tx) error { return remapRetiredItems(ctx, tx, nil, true, "2026-12") },
}

// migrationHook returns the Go step of the migration named name, if any.
func migrationHook(name string) func(context.Context, *sql.Tx) error {
	return migrationHooks[strings.TrimLeft(name, "0123456789_")]
}

// remapRetiredItems applies the renames of batch (all of
// checklist.ItemRenames when batch is "") to the assessments in ids, or to
// every assessment when all is set. For each rename, in order,
// and only in assessments that used a built-in version of the old item's
// area that had the old item:
//
//   - an answer to the old item becomes the answer to the new one, with its
//     risk, measures, re-evaluations and carry-over links. When the new item
//     was answered too, the answer that calls for more action wins (Nej,
//     Delvis, Ja, Ej aktuellt), and both comments are kept;
//   - when the assessment did not include the new item's area, the area is
//     added (version 0: added because answers moved there), so the answer
//     shows;
//   - the old area's item count drops by one, and the new area's rises where
//     the moved answer brought an item the assessment did not have, so that
//     progress stays right;
//   - actions and unsaved drafts follow the item.
//
// Every step is one statement over all the assessments concerned.
func remapRetiredItems(ctx context.Context, tx *sql.Tx, ids []int64, all bool, batch string) error {
	if !all && len(ids) == 0 {
		return nil
	}
	// Answers are the parents of re-evaluations and carry-over links; both
	// sides of the key move in this transaction.
	if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	for _, q := range []string{
		"CREATE TEMP TABLE IF NOT EXISTS remap_scope (id INTEGER PRIMARY KEY)",
		"CREATE TEMP TABLE IF NOT EXISTS remap_ids (id INTEGER PRIMARY KEY)",
		"CREATE TEMP TABLE IF NOT EXISTS remap_done (assessment_id INTEGER, area_id TEXT, batch TEXT, PRIMARY KEY (assessment_id, area_id, batch))",
		"DELETE FROM remap_scope",
		"DELETE FROM remap_done",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if all {
		if _, err := tx.ExecContext(ctx, "INSERT INTO remap_scope SELECT id FROM assessments"); err != nil {
			return err
		}
	}
	for rest := ids; len(rest) > 0; {
		n := min(len(rest), rowsPerStatement)
		args := make([]any, n)
		for i, id := range rest[:n] {
			args[i] = id
		}
		if _, err := tx.ExecContext(ctx, repeated("INSERT OR IGNORE INTO remap_scope VALUES ", "(?)", "", n), args...); err != nil {
			return err
		}
		rest = rest[n:]
	}
	renames, err := renamesThatMayApply(ctx, tx, batch)
	if err != nil {
		return err
	}
	for _, rn := range renames {
		if err := applyRename(ctx, tx, rn); err != nil {
			return err
		}
	}
	// An area whose answers moved records it in its hash, so that the same
	// batch never applies to it twice (an area version that had the old
	// item is recognised by its hash).
	if _, err := tx.ExecContext(ctx, `UPDATE assessment_areas SET hash = hash || (SELECT group_concat('+' || batch, '')
		FROM remap_done d WHERE d.assessment_id = assessment_areas.assessment_id AND d.area_id = assessment_areas.area_id)
		WHERE EXISTS (SELECT 1 FROM remap_done d WHERE d.assessment_id = assessment_areas.assessment_id
			AND d.area_id = assessment_areas.area_id)`); err != nil {
		return err
	}
	for _, q := range []string{"DROP TABLE remap_scope", "DROP TABLE remap_ids", "DROP TABLE remap_done"} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// hadHashes are the hashes of the versions of rn's old area that had the
// old item; none listed stands for the empty hash (an area added by an
// earlier rename).
func hadHashes(rn checklist.ItemRename) []string {
	if len(rn.Had) == 0 {
		return []string{""}
	}
	return rn.Had
}

// renamesThatMayApply returns the renames of batch (all when batch is "")
// in order, or none where no assessment in remap_scope has an area at a
// version that had an old item (an area with hash h where the rename's
// Had holds h, or h is "" and Had is empty), as applyRename selects them.
// Only a rename that applies adds areas, so where none applies at first,
// none applies later either: the usual case of an import of a file written
// since the renames, which then runs this one query instead of two
// statements for each rename.
func renamesThatMayApply(ctx context.Context, tx *sql.Tx, batch string) ([]checklist.ItemRename, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT area_id, hash FROM assessment_areas
		WHERE assessment_id IN (SELECT id FROM remap_scope)`)
	if err != nil {
		return nil, err
	}
	present := map[[2]string]bool{}
	for rows.Next() {
		var area, hash string
		if err := rows.Scan(&area, &hash); err != nil {
			rows.Close()
			return nil, err
		}
		present[[2]string{area, hash}] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []checklist.ItemRename
	applies := false
	for _, rn := range checklist.ItemRenames {
		if batch != "" && rn.Batch != batch {
			continue
		}
		out = append(out, rn)
		for _, h := range hadHashes(rn) {
			applies = applies || present[[2]string{rn.From.AreaID, h}]
		}
	}
	if !applies {
		return nil, nil
	}
	return out, nil
}

// answerRank orders answers by how much action they call for: the answer
// with the higher rank wins a merge (Nej, Delvis, Ja, Ej aktuellt, no
// answer).
func answerRank(col string) string {
	return "CASE " + col + " WHEN 'nej' THEN 4 WHEN 'delvis' THEN 3 WHEN 'ja' THEN 2 WHEN 'ej_aktuellt' THEN 1 ELSE 0 END"
}

func applyRename(ctx context.Context, tx *sql.Tx, rn checklist.ItemRename) error {
	f, t := rn.From, rn.To
	list := func(hs []string) (string, []any) {
		if len(hs) == 0 {
			return "''", nil
		}
		args := make([]any, len(hs))
		for i, h := range hs {
			args[i] = h
		}
		return strings.TrimSuffix(strings.Repeat("?,", len(hs)), ","), args
	}
	had, hadArgs := list(hadHashes(rn))
	lacked, lackedArgs := list(rn.ToLacked)
	// From: the old answer of an assessment in remap_ids; to: the new one.
	from := "SELECT 1 FROM answers f WHERE f.assessment_id = %s AND f.area_id = ? AND f.item_id = ?"
	fail := func(err error) error {
		return fmt.Errorf("%s/%s → %s/%s: %w", f.AreaID, f.ItemID, t.AreaID, t.ItemID, err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM remap_ids"); err != nil {
		return fail(err)
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO remap_ids SELECT assessment_id FROM assessment_areas
		WHERE area_id = ? AND hash IN (`+had+`) AND assessment_id IN (SELECT id FROM remap_scope)`,
		append([]any{f.AreaID}, hadArgs...)...)
	if err != nil {
		return fail(err)
	}
	// Every step below reaches only the assessments in remap_ids: where
	// there are none (written after the rename), none is prepared.
	if n, err := r.RowsAffected(); err != nil {
		return fail(err)
	} else if n == 0 {
		return nil
	}
	steps := []struct {
		q    string
		args []any
	}{
		{"INSERT OR IGNORE INTO remap_done SELECT id, ?, ? FROM remap_ids", []any{f.AreaID, rn.Batch}},
		// The old area lost the item.
		{`UPDATE assessment_areas SET items = max(items - 1, 0)
			WHERE area_id = ? AND assessment_id IN (SELECT id FROM remap_ids)`, []any{f.AreaID}},
		// The new area, where the assessment lacked it and has an answer to move.
		{`INSERT INTO assessment_areas (assessment_id, area_id, version, hash, items, position)
			SELECT r.id, ?, 0, '', 0, (SELECT coalesce(max(position), -1) + 1 FROM assessment_areas WHERE assessment_id = r.id)
			FROM remap_ids r
			WHERE EXISTS (` + fmt.Sprintf(from, "r.id") + `)
			AND NOT EXISTS (SELECT 1 FROM assessment_areas x WHERE x.assessment_id = r.id AND x.area_id = ?)`,
			[]any{t.AreaID, f.AreaID, f.ItemID, t.AreaID}},
		// A moved answer that brings a new item to the assessment counts it.
		{`UPDATE assessment_areas SET items = items + 1
			WHERE area_id = ? AND (version = 0 OR hash IN (` + lacked + `))
			AND assessment_id IN (SELECT id FROM remap_ids)
			AND EXISTS (` + fmt.Sprintf(from, "assessment_areas.assessment_id") + `)
			AND NOT EXISTS (SELECT 1 FROM answers w WHERE w.assessment_id = assessment_areas.assessment_id
				AND w.area_id = ? AND w.item_id = ?)`,
			append(append([]any{t.AreaID}, lackedArgs...), f.AreaID, f.ItemID, t.AreaID, t.ItemID)},
		// Both answered: the answer that calls for more action wins ...
		{`UPDATE answers SET (answer, reason, answered_at, risk_probability, risk_consequence, risk_level,
				risk_serious, risk_note, measures) = (SELECT f.answer, f.reason, f.answered_at, f.risk_probability,
				f.risk_consequence, f.risk_level, f.risk_serious, f.risk_note, f.measures FROM answers f
				WHERE f.assessment_id = answers.assessment_id AND f.area_id = ? AND f.item_id = ?)
			WHERE area_id = ? AND item_id = ? AND assessment_id IN (SELECT id FROM remap_ids)
			AND ` + answerRank("answer") + ` < (SELECT ` + answerRank("f.answer") + ` FROM answers f
				WHERE f.assessment_id = answers.assessment_id AND f.area_id = ? AND f.item_id = ?)`,
			[]any{f.AreaID, f.ItemID, t.AreaID, t.ItemID, f.AreaID, f.ItemID}},
		// ... and both comments are kept.
		{`UPDATE answers SET comment = trim(comment || char(10) || (SELECT f.comment FROM answers f
				WHERE f.assessment_id = answers.assessment_id AND f.area_id = ? AND f.item_id = ?), char(10))
			WHERE area_id = ? AND item_id = ? AND assessment_id IN (SELECT id FROM remap_ids)
			AND (SELECT f.comment FROM answers f WHERE f.assessment_id = answers.assessment_id
				AND f.area_id = ? AND f.item_id = ?) NOT IN ('', answers.comment)`,
			[]any{f.AreaID, f.ItemID, t.AreaID, t.ItemID, f.AreaID, f.ItemID}},
		// Not answered yet: the old row takes the new key.
		{`UPDATE answers SET area_id = ?, item_id = ?
			WHERE area_id = ? AND item_id = ? AND assessment_id IN (SELECT id FROM remap_ids)
			AND NOT EXISTS (SELECT 1 FROM answers w WHERE w.assessment_id = answers.assessment_id
				AND w.area_id = ? AND w.item_id = ?)`,
			[]any{t.AreaID, t.ItemID, f.AreaID, f.ItemID, t.AreaID, t.ItemID}},
		{`UPDATE reevaluations SET area_id = ?, item_id = ?
			WHERE area_id = ? AND item_id = ? AND assessment_id IN (SELECT id FROM remap_ids)`,
			[]any{t.AreaID, t.ItemID, f.AreaID, f.ItemID}},
		{`UPDATE OR IGNORE carried_risks SET area_id = ?, item_id = ?
			WHERE area_id = ? AND item_id = ? AND from_assessment_id IN (SELECT id FROM remap_ids)`,
			[]any{t.AreaID, t.ItemID, f.AreaID, f.ItemID}},
		// What is left under the old key: merged answers and carry-over links
		// the new item already had.
		{`DELETE FROM carried_risks WHERE area_id = ? AND item_id = ? AND from_assessment_id IN (SELECT id FROM remap_ids)`,
			[]any{f.AreaID, f.ItemID}},
		{`DELETE FROM answers WHERE area_id = ? AND item_id = ? AND assessment_id IN (SELECT id FROM remap_ids)`,
			[]any{f.AreaID, f.ItemID}},
		{`UPDATE actions SET area_id = ?, item_id = ?
			WHERE area_id = ? AND item_id = ? AND assessment_id IN (SELECT id FROM remap_ids)`,
			[]any{t.AreaID, t.ItemID, f.AreaID, f.ItemID}},
		// Drafts are named kind/area/item, e.g. comment/krankningar/3.2; a
		// draft already kept for the new item wins.
		{`UPDATE OR IGNORE drafts SET field = substr(field, 1, length(field) - length(?)) || ?
			WHERE substr(field, -length(?)) = ? AND assessment_id IN (SELECT id FROM remap_ids)`,
			[]any{"/" + f.AreaID + "/" + f.ItemID, "/" + t.AreaID + "/" + t.ItemID, "/" + f.AreaID + "/" + f.ItemID, "/" + f.AreaID + "/" + f.ItemID}},
		{`DELETE FROM drafts WHERE substr(field, -length(?)) = ? AND assessment_id IN (SELECT id FROM remap_ids)`,
			[]any{"/" + f.AreaID + "/" + f.ItemID, "/" + f.AreaID + "/" + f.ItemID}},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fail(err)
		}
	}
	return nil
}
