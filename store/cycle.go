package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"samkoll/checklist"
)

// This file holds the SAM cycle: what each APT of a unit hands to the next.
// See docs/storage.md ("The SAM cycle").

// earlierCTE selects the assessments of unit ?1 held before assessment ?2
// on date ?3: an earlier meeting date, or the same date and a lower id.
const earlierCTE = `earlier AS (SELECT id, meeting_date FROM assessments
	WHERE unit_id = ?1 AND id <> ?2 AND (meeting_date < ?3 OR (meeting_date = ?3 AND id < ?2)))`

// carryRisks links the unresolved risks of the unit's earlier assessments
// to the new assessment id: for each item, its latest answer before id, if
// that is Delvis or Nej and either has no risk evaluation or got no action
// of the unit for the item at that meeting or later.
func carryRisks(ctx context.Context, tx *sql.Tx, unitID, id int64, date checklist.Date) error {
	_, err := tx.ExecContext(ctx, `WITH `+earlierCTE+`,
		latest AS (SELECT w.assessment_id, w.area_id, w.item_id, w.answer, w.risk_level, e.meeting_date,
			row_number() OVER (PARTITION BY w.area_id, w.item_id ORDER BY e.meeting_date DESC, e.id DESC) AS rn
			FROM answers w JOIN earlier e ON e.id = w.assessment_id WHERE w.answer <> '')
		INSERT OR IGNORE INTO carried_risks (assessment_id, from_assessment_id, area_id, item_id)
		SELECT ?2, l.assessment_id, l.area_id, l.item_id FROM latest l
		WHERE l.rn = 1 AND l.answer IN ('delvis', 'nej') AND (l.risk_level IS NULL OR NOT EXISTS (
			SELECT 1 FROM actions x JOIN assessments o ON o.id = x.assessment_id
			WHERE x.unit_id = ?1 AND x.area_id = l.area_id AND x.item_id = l.item_id
			AND (o.meeting_date > l.meeting_date OR (o.meeting_date = l.meeting_date AND o.id >= l.assessment_id))))`,
		unitID, id, date.String())
	return err
}

// reevalCols are the columns scanReevaluation reads, from reevaluations
// aliased r.
const reevalCols = `r.id, r.assessment_id, r.area_id, r.item_id, coalesce(r.action_id, 0), r.evaluated_on,
	r.probability, r.consequence, r.level, r.note, r.created`

func scanReevaluation(sc scanner) (checklist.Reevaluation, error) { return scanReevaluationWith(sc) }

// scanReevaluationWith reads reevalCols and then extra.
func scanReevaluationWith(sc scanner, extra ...any) (checklist.Reevaluation, error) {
	var e checklist.Reevaluation
	var on, level, created string
	if err := sc.Scan(append([]any{&e.ID, &e.AssessmentID, &e.AreaID, &e.ItemID, &e.ActionID, &on,
		&e.Risk.Probability, &e.Risk.Consequence, &level, &e.Risk.Note, &created}, extra...)...); err != nil {
		return e, err
	}
	var err error
	if e.On, err = parseDate(on); err != nil {
		return e, err
	}
	if e.Risk.Level, err = checklist.ParseLevel(level); err != nil {
		return e, err
	}
	e.Created, err = parseTime(created)
	return e, err
}

func (s *Store) queryReevaluations(ctx context.Context, query string, args ...any) ([]checklist.Reevaluation, error) {
	return queryAll(ctx, s, scanReevaluation, query, args...)
}

// reevalOrder orders re-evaluations oldest first.
const reevalOrder = ` ORDER BY r.evaluated_on, r.created, r.id`

// loadCycle fills in what an assessment receives from the cycle: its own
// items, carried risks and re-evaluations.
func (s *Store) loadCycle(ctx context.Context, a *checklist.Assessment) error {
	var err error
	if a.OwnItems, err = s.queryOwnItems(ctx, `SELECT `+ownItemCols+` FROM own_items o
		WHERE o.unit_id = ?1 AND o.since <= ?2 AND (o.retired = '' OR o.retired > ?2 OR o.assessment_id = ?3
			OR EXISTS (SELECT 1 FROM answers w WHERE w.assessment_id = ?3 AND w.area_id = o.area_id AND w.item_id = o.item_id))
		ORDER BY o.id`, a.UnitID, a.Date.String(), a.ID); err != nil {
		return err
	}
	if a.Reevaluations, err = s.queryReevaluations(ctx, `SELECT `+reevalCols+` FROM reevaluations r
		WHERE r.assessment_id = ?`+reevalOrder, a.ID); err != nil {
		return err
	}
	rows, err := s.query(ctx, `SELECT `+responseCols+`, o.id, o.meeting_date
		FROM carried_risks c JOIN answers w ON w.assessment_id = c.from_assessment_id AND w.area_id = c.area_id AND w.item_id = c.item_id
		JOIN assessments o ON o.id = c.from_assessment_id
		WHERE c.assessment_id = ? ORDER BY o.meeting_date, o.id, w.area_id, w.item_id`, a.ID)
	if err != nil {
		return err
	}
	var carried []checklist.CarriedRisk
	for rows.Next() {
		var c checklist.CarriedRisk
		var date string
		if c.Response, err = scanResponse(rows, &c.AssessmentID, &date); err != nil {
			rows.Close()
			return err
		}
		if c.Date, err = parseDate(date); err != nil {
			rows.Close()
			return err
		}
		carried = append(carried, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range carried {
		c := &carried[i]
		if c.Reevaluations, err = s.queryReevaluations(ctx, `SELECT `+reevalCols+` FROM reevaluations r
			WHERE r.assessment_id = ? AND r.area_id = ? AND r.item_id = ?`+reevalOrder,
			c.AssessmentID, c.Response.AreaID, c.Response.ItemID); err != nil {
			return err
		}
	}
	sortCarried(carried)
	a.CarriedRisks = carried
	return nil
}

// sortCarried orders carried risks by meeting date, then area, then item
// in natural order.
func sortCarried(list []checklist.CarriedRisk) {
	// sort, not slices: a generic sort copies the sorting code into the
	// binary once per element type (docs/performance.md, "Binary size").
	order := func(a, b checklist.CarriedRisk) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if a.AssessmentID != b.AssessmentID {
			return int(a.AssessmentID - b.AssessmentID)
		}
		if a.Response.AreaID != b.Response.AreaID {
			return strings.Compare(a.Response.AreaID, b.Response.AreaID)
		}
		return naturalCompare(a.Response.ItemID, b.Response.ItemID)
	}
	sort.SliceStable(list, func(i, j int) bool { return order(list[i], list[j]) < 0 })
}

// PreviousResponses returns, for every item the unit answered before the
// assessment id, the latest of those answers with its re-evaluations: what
// the walk shows as "Förra APT". The items come from latest (latest.go), one
// row per item the unit ever answered: where that latest answer is before
// id it is the one; otherwise (id or a later meeting answered the item)
// the unit's earlier meetings are walked newest first to the first that
// answered it. So opening the newest assessment does not read the unit's
// whole history.
func (s *Store) PreviousResponses(ctx context.Context, id int64) (map[checklist.ItemKey]checklist.PastResponse, error) {
	var unitID int64
	var date string
	err := s.queryRow(ctx, "SELECT unit_id, meeting_date FROM assessments WHERE id = ?", id).Scan(&unitID, &date)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("bedömning %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	list, err := s.queryPast(ctx, `WITH `+latestCTE+` SELECT `+responseCols+`, w.assessment_id, e.meeting_date FROM latest n
		JOIN answers w ON w.area_id = n.area_id AND w.item_id = n.item_id AND w.assessment_id = (
			CASE WHEN n.meeting_date < ?3 OR (n.meeting_date = ?3 AND n.assessment_id < ?2) THEN n.assessment_id
			ELSE (SELECT e2.id FROM assessments e2 CROSS JOIN answers w2
				ON w2.assessment_id = e2.id AND w2.area_id = n.area_id AND w2.item_id = n.item_id
				WHERE `+earlierAnswer+` ORDER BY e2.meeting_date DESC, e2.id DESC LIMIT 1) END)
		JOIN assessments e ON e.id = w.assessment_id
		WHERE n.unit_id = ?1`, unitID, id, date)
	if err != nil {
		return nil, err
	}
	out := byItem(list)
	if err := s.addReevaluations(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// earlierAnswer is the condition on e2, a meeting of unit ?1 before
// assessment ?2 of date ?3, and w2, its answer to an item: the walk of
// the unit's earlier meetings (through the unit/date index, newest first)
// stops at the first that answered the item.
const earlierAnswer = `e2.unit_id = ?1 AND e2.id <> ?2 AND (e2.meeting_date < ?3 OR (e2.meeting_date = ?3 AND e2.id < ?2))
	AND w2.answer <> ''`

// addReevaluations gives each earlier answer in prev its re-evaluations,
// read for the few meetings those answers come from in one query.
func (s *Store) addReevaluations(ctx context.Context, prev map[checklist.ItemKey]checklist.PastResponse) error {
	var ids []string
	seen := map[int64]bool{}
	for _, p := range prev {
		if !seen[p.AssessmentID] {
			seen[p.AssessmentID] = true
			ids = append(ids, strconv.FormatInt(p.AssessmentID, 10))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	list, err := s.queryReevaluations(ctx, `SELECT `+reevalCols+` FROM reevaluations r
		WHERE r.assessment_id IN (`+strings.Join(ids, ",")+`)`+reevalOrder)
	if err != nil {
		return err
	}
	for _, e := range list {
		if p, ok := prev[e.Key()]; ok && p.AssessmentID == e.AssessmentID {
			p.Reevaluations = append(p.Reevaluations, e)
			prev[e.Key()] = p
		}
	}
	return nil
}

// PreviousAnswers is PreviousResponses for the items assessment id itself
// answered, which is all an export of its plan compares ("Sedan förra
// APT"): for each, the unit's latest earlier answer, found by walking the
// unit's earlier meetings newest first, so that the cost does not grow
// with the unit's history. had reports whether the unit answered anything
// before id at all.
func (s *Store) PreviousAnswers(ctx context.Context, id int64) (prev map[checklist.ItemKey]checklist.PastResponse, had bool, err error) {
	var unitID int64
	var date string
	err = s.queryRow(ctx, "SELECT unit_id, meeting_date FROM assessments WHERE id = ?", id).Scan(&unitID, &date)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, fmt.Errorf("bedömning %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, false, err
	}
	if err := s.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM assessments e2 CROSS JOIN answers w2 ON w2.assessment_id = e2.id
		WHERE `+earlierAnswer+`)`, unitID, id, date).Scan(&had); err != nil {
		return nil, false, err
	}
	prev = map[checklist.ItemKey]checklist.PastResponse{}
	if !had {
		return prev, false, nil
	}
	list, err := s.queryPast(ctx, `SELECT `+responseCols+`, w.assessment_id, e.meeting_date FROM answers n
		JOIN answers w ON w.area_id = n.area_id AND w.item_id = n.item_id AND w.assessment_id = (
			SELECT e2.id FROM assessments e2 CROSS JOIN answers w2
				ON w2.assessment_id = e2.id AND w2.area_id = n.area_id AND w2.item_id = n.item_id
			WHERE `+earlierAnswer+` ORDER BY e2.meeting_date DESC, e2.id DESC LIMIT 1)
		JOIN assessments e ON e.id = w.assessment_id
		WHERE n.assessment_id = ?2`, unitID, id, date)
	if err != nil {
		return nil, false, err
	}
	prev = byItem(list)
	if err := s.addReevaluations(ctx, prev); err != nil {
		return nil, false, err
	}
	return prev, true, nil
}

// ItemHistory returns every answer the unit gave to one item, oldest
// first, each with its re-evaluations: date, answer, level and comment of
// every APT that took the item.
func (s *Store) ItemHistory(ctx context.Context, unitID int64, k checklist.ItemKey) ([]checklist.PastResponse, error) {
	out, err := s.queryPast(ctx, `SELECT `+responseCols+`, a.id, a.meeting_date
		FROM answers w JOIN assessments a ON a.id = w.assessment_id
		WHERE a.unit_id = ? AND w.area_id = ? AND w.item_id = ? AND w.answer <> ''
		ORDER BY a.meeting_date, a.id`, unitID, k.AreaID, k.ItemID)
	if err != nil {
		return nil, err
	}
	// The item's re-evaluations at all those meetings, in one query.
	re, err := s.queryReevaluations(ctx, `SELECT `+reevalCols+` FROM reevaluations r
		JOIN assessments a ON a.id = r.assessment_id
		WHERE a.unit_id = ? AND r.area_id = ? AND r.item_id = ?`+reevalOrder, unitID, k.AreaID, k.ItemID)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(out))
	for i, p := range out {
		at[p.AssessmentID] = i
	}
	for _, e := range re {
		if i, ok := at[e.AssessmentID]; ok {
			out[i].Reevaluations = append(out[i].Reevaluations, e)
		}
	}
	return out, nil
}

// PastAnswer returns the answer given to item k at assessment id, with
// its re-evaluations oldest first; ok is false where the item was not
// answered there. It is the one entry of ItemHistory that a re-evaluation
// needs, without reading the unit's whole history.
func (s *Store) PastAnswer(ctx context.Context, id int64, k checklist.ItemKey) (p checklist.PastResponse, ok bool, err error) {
	p, err = scanPast(s.queryRow(ctx, `SELECT `+responseCols+`, a.id, a.meeting_date
		FROM answers w JOIN assessments a ON a.id = w.assessment_id
		WHERE w.assessment_id = ? AND w.area_id = ? AND w.item_id = ? AND w.answer <> ''`, id, k.AreaID, k.ItemID))
	if errors.Is(err, sql.ErrNoRows) {
		return checklist.PastResponse{}, false, nil
	}
	if err != nil {
		return p, false, err
	}
	if p.Reevaluations, err = s.queryReevaluations(ctx, `SELECT `+reevalCols+` FROM reevaluations r
		WHERE r.assessment_id = ? AND r.area_id = ? AND r.item_id = ?`+reevalOrder, id, k.AreaID, k.ItemID); err != nil {
		return p, false, err
	}
	return p, true, nil
}

// scanPast reads responseCols, the answer's assessment and the meeting's
// date.
func scanPast(sc scanner) (p checklist.PastResponse, err error) {
	var d string
	if p.Response, err = scanResponse(sc, &p.AssessmentID, &d); err != nil {
		return p, err
	}
	p.Date, err = parseDate(d)
	return p, err
}

// queryPast runs query, which selects what scanPast reads, and returns
// its rows in order.
func (s *Store) queryPast(ctx context.Context, query string, args ...any) ([]checklist.PastResponse, error) {
	return queryAll(ctx, s, scanPast, query, args...)
}

// byItem keys past responses by their item.
func byItem(list []checklist.PastResponse) map[checklist.ItemKey]checklist.PastResponse {
	out := make(map[checklist.ItemKey]checklist.PastResponse, len(list))
	for _, p := range list {
		out[p.Response.Key()] = p
	}
	return out
}

// ownItemCols are the columns scanOwnItem reads, from own_items aliased o.
const ownItemCols = `o.id, o.unit_id, coalesce(o.assessment_id, 0), o.area_id, o.item_id, o.statement, o.guidance,
	o.since, o.created, o.updated`

func (s *Store) queryOwnItems(ctx context.Context, query string, args ...any) ([]checklist.OwnItem, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []checklist.OwnItem
	for rows.Next() {
		var o checklist.OwnItem
		var since, created, updated string
		if err := rows.Scan(&o.ID, &o.UnitID, &o.AssessmentID, &o.AreaID, &o.ItemID, &o.Statement, &o.Guidance,
			&since, &created, &updated); err != nil {
			return nil, err
		}
		if o.Since, err = parseDate(since); err != nil {
			return nil, err
		}
		if o.Created, err = parseTime(created); err != nil {
			return nil, err
		}
		if o.Updated, err = parseTime(updated); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// SaveOwnItem adds the group's own item to assessment o.AssessmentID when
// o.ID is 0, giving it the unit's next item id (E1, E2, ...), and
// otherwise updates its area, statement and guidance. It returns the item
// as stored.
func (s *Store) SaveOwnItem(ctx context.Context, o checklist.OwnItem) (checklist.OwnItem, error) {
	o.Statement = strings.TrimSpace(o.Statement)
	o.Guidance = strings.TrimSpace(o.Guidance)
	if err := o.Validate(); err != nil {
		return o, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := fmtTime(s.now())
		if o.ID != 0 {
			res, err := tx.ExecContext(ctx, `UPDATE own_items SET area_id = ?, statement = ?, guidance = ?, updated = ?
				WHERE id = ?`, o.AreaID, o.Statement, o.Guidance, now, o.ID)
			if err != nil {
				return err
			}
			return mustAffect(res, "egen punkt", o.ID)
		}
		var date string
		err := tx.QueryRowContext(ctx, "SELECT unit_id, meeting_date FROM assessments WHERE id = ?", o.AssessmentID).Scan(&o.UnitID, &date)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("bedömning %d: %w", o.AssessmentID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		n, err := nextOwnItemNumber(ctx, tx, o.UnitID)
		if err != nil {
			return err
		}
		o.ItemID = "E" + strconv.Itoa(n)
		res, err := tx.ExecContext(ctx, `INSERT INTO own_items (uid, unit_id, assessment_id, since, area_id, item_id,
			statement, guidance, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			newUID(), o.UnitID, o.AssessmentID, date, o.AreaID, o.ItemID, o.Statement, o.Guidance, now, now)
		if err != nil {
			return err
		}
		o.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return o, err
	}
	list, err := s.queryOwnItems(ctx, `SELECT `+ownItemCols+` FROM own_items o WHERE o.id = ?`, o.ID)
	if err != nil {
		return o, err
	}
	if len(list) == 0 {
		return o, fmt.Errorf("egen punkt %d: %w", o.ID, ErrNotFound)
	}
	return list[0], nil
}

// nextOwnItemNumber returns one more than the highest own item number of
// the unit.
func nextOwnItemNumber(ctx context.Context, tx *sql.Tx, unitID int64) (int, error) {
	rows, err := tx.QueryContext(ctx, "SELECT item_id FROM own_items WHERE unit_id = ?", unitID)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		if k, err := strconv.Atoi(strings.TrimPrefix(id, "E")); err == nil && k > n {
			n = k
		}
	}
	return n + 1, rows.Err()
}

// RetireOwnItem stops offering an own item at the unit's assessments held
// after date; answers already given stay.
func (s *Store) RetireOwnItem(ctx context.Context, id int64, date checklist.Date) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE own_items SET retired = ?, updated = ? WHERE id = ?",
			date.AddDays(1).String(), fmtTime(s.now()), id)
		if err != nil {
			return err
		}
		return mustAffect(res, "egen punkt", id)
	})
}

// SaveReevaluation stores a new evaluation of the risk of an answered item,
// beside the earlier ones, and returns it as stored. The answer must
// exist. Level is derived from probability × consequence when unset.
func (s *Store) SaveReevaluation(ctx context.Context, e checklist.Reevaluation) (checklist.Reevaluation, error) {
	if e.Risk.Level == checklist.NoLevel {
		e.Risk.Level = checklist.LevelFor(e.Risk.Probability, e.Risk.Consequence)
	}
	if err := e.Validate(); err != nil {
		return e, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM answers WHERE assessment_id = ? AND area_id = ? AND item_id = ?`,
			e.AssessmentID, e.AreaID, e.ItemID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return checklist.Errorf("punkten %s har inget svar att omvärdera", "the item %s has no answer to re-evaluate", e.ItemID)
		}
		// The assessment changed: an import elsewhere takes the new copy.
		if _, err := tx.ExecContext(ctx, "UPDATE assessments SET updated = ? WHERE id = ?", fmtTime(s.now()), e.AssessmentID); err != nil {
			return err
		}
		var action any
		if e.ActionID != 0 {
			action = e.ActionID
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO reevaluations (uid, assessment_id, area_id, item_id, action_id,
			evaluated_on, probability, consequence, level, serious, note, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			newUID(), e.AssessmentID, e.AreaID, e.ItemID, action, e.On.String(), e.Risk.Probability, e.Risk.Consequence,
			e.Risk.Level.String(), b2i(e.Risk.Serious()), e.Risk.Note, fmtTime(s.now()))
		if err != nil {
			return err
		}
		e.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return e, err
	}
	list, err := s.queryReevaluations(ctx, `SELECT `+reevalCols+` FROM reevaluations r WHERE r.id = ?`, e.ID)
	if err != nil || len(list) == 0 {
		return e, err
	}
	return list[0], nil
}

// YearPlan returns the unit's year plan for year, ordered by month and
// area; an empty plan when none is saved.
func (s *Store) YearPlan(ctx context.Context, unitID int64, year int) (checklist.YearPlan, error) {
	p := checklist.YearPlan{UnitID: unitID, Year: year}
	rows, err := s.db.QueryContext(ctx, `SELECT area_id, month FROM year_plans WHERE unit_id = ? AND year = ?
		ORDER BY month, area_id`, unitID, year)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var e checklist.PlanEntry
		if err := rows.Scan(&e.AreaID, &e.Month); err != nil {
			return p, err
		}
		p.Entries = append(p.Entries, e)
	}
	return p, rows.Err()
}

// SaveYearPlan replaces the unit's plan for p.Year.
func (s *Store) SaveYearPlan(ctx context.Context, p checklist.YearPlan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		return saveYearPlan(ctx, tx, p)
	})
}

func saveYearPlan(ctx context.Context, tx querier, p checklist.YearPlan) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM year_plans WHERE unit_id = ? AND year = ?", p.UnitID, p.Year); err != nil {
		return err
	}
	for _, e := range p.Entries {
		if _, err := tx.ExecContext(ctx, "INSERT INTO year_plans (unit_id, year, area_id, month) VALUES (?, ?, ?, ?)",
			p.UnitID, p.Year, e.AreaID, int(e.Month)); err != nil {
			return err
		}
	}
	return nil
}

// UnitByName returns the unit named name (matched as units are: ignoring
// case and surrounding space), or ErrNotFound.
func (s *Store) UnitByName(ctx context.Context, name string) (checklist.Unit, error) {
	var u checklist.Unit
	err := s.db.QueryRowContext(ctx, "SELECT id, name FROM units WHERE name_key = ?", unitKey(name)).Scan(&u.ID, &u.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("enheten %q: %w", strings.TrimSpace(name), ErrNotFound)
	}
	return u, err
}

// CoveredAreas returns, by area, the meeting dates in year of the unit's
// assessments that took the area.
func (s *Store) CoveredAreas(ctx context.Context, unitID int64, year int) (map[string][]checklist.Date, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.area_id, a.meeting_date FROM assessment_areas r
		JOIN assessments a ON a.id = r.assessment_id
		WHERE a.unit_id = ? AND a.meeting_date >= ? AND a.meeting_date < ?
		ORDER BY a.meeting_date`, unitID, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]checklist.Date{}
	for rows.Next() {
		var area, date string
		if err := rows.Scan(&area, &date); err != nil {
			return nil, err
		}
		d, err := parseDate(date)
		if err != nil {
			return nil, err
		}
		out[area] = append(out[area], d)
	}
	return out, rows.Err()
}

// PlannedAreas returns the areas a new assessment of the unit named unit
// on date should take by its year plan: those planned for date's month
// and those planned for an earlier month of the year that no assessment
// has taken yet. A unit without a plan (or a new unit) gets none.
func (s *Store) PlannedAreas(ctx context.Context, unit string, date checklist.Date) ([]string, error) {
	u, err := s.UnitByName(ctx, unit)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p, err := s.YearPlan(ctx, u.ID, date.Year)
	if err != nil {
		return nil, err
	}
	covered, err := s.CoveredAreas(ctx, u.ID, date.Year)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range p.Entries {
		taken := false
		for _, d := range covered[e.AreaID] {
			if d.Before(date) {
				taken = true
			}
		}
		if e.Month == date.Month || (e.Month < date.Month && !taken) {
			out = append(out, e.AreaID)
		}
	}
	return out, nil
}

// UnitAssessments returns the unit's assessments held in year (all years
// for 0), oldest first, fully loaded.
func (s *Store) UnitAssessments(ctx context.Context, unitID int64, year int) ([]checklist.Assessment, error) {
	lo, hi := "0000-00-00", "9999-99-99"
	if year != 0 {
		lo, hi = fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM assessments WHERE unit_id = ? AND meeting_date >= ? AND meeting_date < ?
		ORDER BY meeting_date, id`, unitID, lo, hi)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]checklist.Assessment, 0, len(ids))
	for _, id := range ids {
		a, err := s.LoadAssessment(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// UnitReevaluations returns every re-evaluation of the unit's answers made
// in year (all years for 0), oldest first.
func (s *Store) UnitReevaluations(ctx context.Context, unitID int64, year int) ([]checklist.Reevaluation, error) {
	lo, hi := "0000-00-00", "9999-99-99"
	if year != 0 {
		lo, hi = fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)
	}
	return s.queryReevaluations(ctx, `SELECT `+reevalCols+` FROM reevaluations r JOIN assessments a ON a.id = r.assessment_id
		WHERE a.unit_id = ? AND r.evaluated_on >= ? AND r.evaluated_on < ?`+reevalOrder, unitID, lo, hi)
}

// moveOwnItems keeps the own items added at assessment id when it is
// deleted: an item answered at another assessment of the unit stays (its
// origin is cleared by the schema); one answered nowhere else goes.
func moveOwnItems(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM own_items WHERE assessment_id = ?1 AND NOT EXISTS (
		SELECT 1 FROM answers w JOIN assessments a ON a.id = w.assessment_id
		WHERE a.unit_id = own_items.unit_id AND a.id <> ?1 AND w.area_id = own_items.area_id AND w.item_id = own_items.item_id)`, id)
	return err
}
