package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"samkoll/checklist"
)

// Summary is one row of the start screen (see checklist.Summary).
type Summary = checklist.Summary

// timeFormat is how times are stored: UTC, sortable, with nanoseconds.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	var buf [len(timeFormat)]byte
	if b, ok := appendStoredTime(buf[:0], t.UTC()); ok {
		return string(b)
	}
	return t.UTC().Format(timeFormat)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, ok := parseStoredTime(s); ok {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %q", errBadTime, s)
	}
	return t, nil
}

// errBadTime marks a stored time that does not parse: the file was
// changed outside samkoll (see Explain).
var errBadTime = errors.New("databasen har en ogiltig tidpunkt")

// parseDate parses a date read from the database; one that does not
// parse is errBadTime, as a time is (a date given by the user or an
// import file goes through checklist.ParseDate, whose message asks for
// YYYY-MM-DD).
func parseDate(s string) (checklist.Date, error) {
	if s == "" {
		return checklist.Date{}, nil
	}
	d, err := checklist.ParseDate(s)
	if err != nil {
		return d, fmt.Errorf("%w: %q", errBadTime, s)
	}
	return d, nil
}

// unitKey is the name units are matched on: trimmed and lower-cased.
func unitKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// Units returns all units by name.
func (s *Store) Units(ctx context.Context) ([]checklist.Unit, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name FROM units ORDER BY name_key, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var us []checklist.Unit
	for rows.Next() {
		var u checklist.Unit
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		us = append(us, u)
	}
	return us, rows.Err()
}

// ensureUnit returns the id and stored name of the unit named name,
// creating it if new, and whether it was created.
func ensureUnit(ctx context.Context, tx querier, name string, now time.Time) (int64, string, bool, error) {
	name = strings.TrimSpace(name)
	var id int64
	var stored string
	err := tx.QueryRowContext(ctx, "SELECT id, name FROM units WHERE name_key = ?", unitKey(name)).Scan(&id, &stored)
	if err == nil {
		return id, stored, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, "", false, err
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO units (name, name_key, created) VALUES (?, ?, ?)",
		name, unitKey(name), fmtTime(now))
	if err != nil {
		return 0, "", false, err
	}
	id, err = res.LastInsertId()
	return id, name, true, err
}

// CreateAssessment saves a new assessment: it creates the unit if no unit
// has the same name (ignoring case and surrounding space), stores the areas
// with their item counts from itemCounts, and links the unit's unfinished
// actions from earlier assessments (carry-over) and its unresolved risks
// (see carryRisks). It returns the assessment as loaded back.
func (s *Store) CreateAssessment(ctx context.Context, a checklist.Assessment, itemCounts map[string]int) (checklist.Assessment, error) {
	if err := a.Validate(); err != nil {
		return checklist.Assessment{}, err
	}
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		unitID, _, _, err := ensureUnit(ctx, tx, a.Unit, now)
		if err != nil {
			return err
		}
		id, err = insertAssessment(ctx, tx, newUID(), unitID, a, now, now)
		if err != nil {
			return err
		}
		if err := insertAreas(ctx, tx, id, a.Areas, itemCounts, nil); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO assessment_actions (assessment_id, action_id)
			SELECT ?, id FROM actions
			WHERE unit_id = ? AND status IN ('planerad', 'pagar') AND assessment_id <> ?`, id, unitID, id)
		if err != nil {
			return err
		}
		return carryRisks(ctx, tx, unitID, id, a.Date)
	})
	if err != nil {
		return checklist.Assessment{}, err
	}
	return s.LoadAssessment(ctx, id)
}

func insertAssessment(ctx context.Context, tx querier, uid string, unitID int64, a checklist.Assessment, created, updated time.Time) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO assessments
		(uid, unit_id, meeting_date, participants, safety_rep, status, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		uid, unitID, a.Date.String(), a.Participants, a.SafetyRepPresent, a.Status.String(),
		fmtTime(created), fmtTime(updated))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// insertAreas inserts the areas of assessment id, with their item counts
// and answered counts (nil answered: none yet; the answers' triggers
// count them as answers are saved).
func insertAreas(ctx context.Context, tx querier, id int64, areas []checklist.AreaRef, itemCounts, answered map[string]int) error {
	for i, ar := range areas {
		if strings.TrimSpace(ar.ID) == "" {
			return errors.New("område utan id")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO assessment_areas
			(assessment_id, area_id, version, hash, items, position, answered) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, ar.ID, ar.Version, ar.Hash, max(itemCounts[ar.ID], 0), i, answered[ar.ID]); err != nil {
			return err
		}
	}
	return nil
}

// MeetingDates returns the meeting date of each assessment in ids that
// exists, by id; unknown ids are left out.
func (s *Store) MeetingDates(ctx context.Context, ids []int64) (map[int64]checklist.Date, error) {
	out := make(map[int64]checklist.Date, len(ids))
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT id, meeting_date FROM assessments WHERE id IN (?`+
			strings.Repeat(", ?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var date string
			if err := rows.Scan(&id, &date); err != nil {
				rows.Close()
				return nil, err
			}
			if out[id], err = parseDate(date); err != nil {
				rows.Close()
				return nil, err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// LoadAssessment returns the assessment with its areas, responses and
// actions: the carried-over actions first (oldest first), then its own in
// the order they were created. It returns ErrNotFound for an unknown id.
func (s *Store) LoadAssessment(ctx context.Context, id int64) (checklist.Assessment, error) {
	var a checklist.Assessment
	var date, status, created, updated string
	err := s.queryRow(ctx, `SELECT a.id, a.unit_id, u.name, a.meeting_date, a.participants,
		a.safety_rep, a.status, a.created, a.updated
		FROM assessments a JOIN units u ON u.id = a.unit_id WHERE a.id = ?`, id).
		Scan(&a.ID, &a.UnitID, &a.Unit, &date, &a.Participants, &a.SafetyRepPresent, &status, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("bedömning %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, err
	}
	if a.Date, err = parseDate(date); err != nil {
		return a, err
	}
	if a.Status, err = checklist.ParseAssessmentStatus(status); err != nil {
		return a, err
	}
	if a.Created, err = parseTime(created); err != nil {
		return a, err
	}
	if a.Updated, err = parseTime(updated); err != nil {
		return a, err
	}
	areas, _, err := s.loadAreas(ctx, id)
	if err != nil {
		return a, err
	}
	a.Areas = areas
	if a.Responses, err = s.loadResponses(ctx, id); err != nil {
		return a, err
	}
	a.Actions, err = s.queryActions(ctx, `SELECT `+actionCols+` FROM actions x
		JOIN assessment_actions l ON l.action_id = x.id
		JOIN assessments o ON o.id = x.assessment_id
		WHERE l.assessment_id = ?
		ORDER BY o.meeting_date, o.id, x.id`, id)
	if err != nil {
		return a, err
	}
	own, err := s.queryActions(ctx, `SELECT `+actionCols+` FROM actions x WHERE x.assessment_id = ? ORDER BY x.created, x.id`, id)
	if err != nil {
		return a, err
	}
	a.Actions = append(a.Actions, own...)
	if err := s.loadCycle(ctx, &a); err != nil {
		return a, err
	}
	return a, nil
}

func (s *Store) loadAreas(ctx context.Context, id int64) ([]checklist.AreaRef, map[string]int, error) {
	rows, err := s.query(ctx, `SELECT area_id, version, hash, items FROM assessment_areas
		WHERE assessment_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var refs []checklist.AreaRef
	counts := map[string]int{}
	for rows.Next() {
		var r checklist.AreaRef
		var n int
		if err := rows.Scan(&r.ID, &r.Version, &r.Hash, &n); err != nil {
			return nil, nil, err
		}
		refs = append(refs, r)
		counts[r.ID] = n
	}
	return refs, counts, rows.Err()
}

// UpdateAssessment saves the meeting date, participants, skyddsombud and
// status of an existing assessment. The unit and areas do not change.
func (s *Store) UpdateAssessment(ctx context.Context, a checklist.Assessment) error {
	if a.Date.IsZero() {
		return errors.New("mötesdatum saknas")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE assessments SET meeting_date = ?, participants = ?,
			safety_rep = ?, status = ?, updated = ? WHERE id = ?`,
			a.Date.String(), a.Participants, a.SafetyRepPresent, a.Status.String(), fmtTime(s.now()), a.ID)
		if err != nil {
			return err
		}
		return mustAffect(res, "bedömning", a.ID)
	})
}

// DeleteAssessment deletes an assessment with its answers and its own
// actions. Actions carried over into it stay with the assessment they came
// from.
func (s *Store) DeleteAssessment(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		// An action that later assessments carry over is still being
		// followed up: it moves to the earliest of them instead of going
		// with the deleted meeting.
		if _, err := tx.ExecContext(ctx, `UPDATE actions SET assessment_id = (
				SELECT l.assessment_id FROM assessment_actions l JOIN assessments a ON a.id = l.assessment_id
				WHERE l.action_id = actions.id AND l.assessment_id <> ?1
				ORDER BY a.meeting_date, a.id LIMIT 1)
			WHERE assessment_id = ?1
			AND EXISTS (SELECT 1 FROM assessment_actions l WHERE l.action_id = actions.id AND l.assessment_id <> ?1)`, id); err != nil {
			return err
		}
		if err := moveOwnItems(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM assessment_actions
			WHERE EXISTS (SELECT 1 FROM actions x WHERE x.id = assessment_actions.action_id AND x.assessment_id = assessment_actions.assessment_id)`); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM assessments WHERE id = ?", id)
		if err != nil {
			return err
		}
		return mustAffect(res, "bedömning", id)
	})
}

func mustAffect(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	return nil
}

// ListAssessments returns a summary of every assessment, newest meeting
// date first, then by unit name. Overdue counts are relative to today.
func (s *Store) ListAssessments(ctx context.Context, today checklist.Date) ([]Summary, error) {
	return s.listAssessments(ctx, today, 0)
}

// RecentAssessments returns the summaries of the n assessments with the
// latest meeting dates, in the order of ListAssessments. It reads only
// those n through indexes, so its cost does not grow with the database:
// the start screen shows them at once and loads the rest afterwards.
func (s *Store) RecentAssessments(ctx context.Context, today checklist.Date, n int) ([]Summary, error) {
	if n <= 0 {
		return nil, nil
	}
	return s.listAssessments(ctx, today, n)
}

// listAssessments lists the newest limit assessments, or all for limit 0.
func (s *Store) listAssessments(ctx context.Context, today checklist.Date, limit int) ([]Summary, error) {
	sqlLimit := -1
	if limit > 0 {
		sqlLimit = limit
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.unit_id, u.name, a.meeting_date, a.status, a.participants,
			a.safety_rep, a.updated
		FROM assessments a INDEXED BY assessments_by_date JOIN units u ON u.id = a.unit_id
		ORDER BY a.meeting_date DESC, a.id DESC LIMIT ?`, sqlLimit)
	if err != nil {
		return nil, err
	}
	var out []Summary
	for rows.Next() {
		var m Summary
		var date, status, updated string
		if err := rows.Scan(&m.ID, &m.UnitID, &m.Unit, &date, &status, &m.Participants, &m.SafetyRepPresent, &updated); err != nil {
			rows.Close()
			return nil, err
		}
		m.Date, _ = parseDate(date)
		m.Status, _ = checklist.ParseAssessmentStatus(status)
		m.Updated, _ = parseTime(updated)
		out = append(out, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.summarize(ctx, today, out, limit == 0); err != nil {
		return nil, err
	}
	sortSummaries(out)
	return out, nil
}

// summarize fills in the areas, the item and answer counts and the
// unfinished actions, own and carried over, of the summaries in out: with
// all set in one pass over every assessment (out is the whole list), else
// only for those in out.
func (s *Store) summarize(ctx context.Context, today checklist.Date, out []Summary, all bool) error {
	if len(out) == 0 {
		return nil
	}
	index := make(map[int64]int, len(out))
	for i := range out {
		index[out[i].ID] = i
		if out[i].AreaItems == nil {
			out[i].AreaItems = map[string]int{}
		}
	}
	areaQuery := `SELECT assessment_id, area_id, version, hash, items, answered FROM assessment_areas
		ORDER BY assessment_id, position`
	countQuery := `WITH open AS (SELECT id, assessment_id, (due <> '' AND due < ?1) AS late FROM actions
			WHERE status IN ('planerad', 'pagar'))
		SELECT aid, count(*), sum(late) FROM (
			SELECT assessment_id AS aid, late FROM open
			UNION ALL SELECT l.assessment_id, o.late FROM open o JOIN assessment_actions l ON l.action_id = o.id)
		GROUP BY aid`
	// The group's own items the walk offers at each assessment (as
	// loadCycle finds them, in the egen area or in an area the assessment
	// took), and how many of them are answered: they count with the rest.
	ownQuery := `SELECT a.id, count(*), coalesce(sum(w.answer IS NOT NULL AND w.answer <> ''), 0)
		FROM assessments a JOIN own_items o ON o.unit_id = a.unit_id AND o.since <= a.meeting_date
		LEFT JOIN answers w ON w.assessment_id = a.id AND w.area_id = o.area_id AND w.item_id = o.item_id
		WHERE (o.retired = '' OR o.retired > a.meeting_date OR o.assessment_id = a.id OR w.assessment_id IS NOT NULL)
			AND (o.area_id = 'egen' OR EXISTS (SELECT 1 FROM assessment_areas x WHERE x.assessment_id = a.id AND x.area_id = o.area_id))
			%s
		GROUP BY a.id`
	ownWhere := ""
	args := []any{today.String()}
	if !all {
		ids := make([]string, len(out))
		for i, m := range out {
			ids[i] = fmt.Sprint(m.ID)
		}
		in := "(" + strings.Join(ids, ",") + ")"
		ownWhere = "AND a.id IN " + in
		areaQuery = `SELECT assessment_id, area_id, version, hash, items, answered FROM assessment_areas
			WHERE assessment_id IN ` + in + ` ORDER BY assessment_id, position`
		countQuery = `SELECT aid, count(*), sum(late) FROM (
			SELECT assessment_id AS aid, (due <> '' AND due < ?1) AS late FROM actions INDEXED BY actions_open
				WHERE assessment_id IN ` + in + ` AND status IN ('planerad', 'pagar')
			UNION ALL SELECT l.assessment_id, (x.due <> '' AND x.due < ?1)
				FROM assessment_actions l JOIN actions x INDEXED BY actions_open_by_id ON x.id = l.action_id
				WHERE l.assessment_id IN ` + in + ` AND x.status IN ('planerad', 'pagar'))
			GROUP BY aid`
	}
	rows, err := s.db.QueryContext(ctx, areaQuery)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var r checklist.AreaRef
		var items, answered int
		if err := rows.Scan(&id, &r.ID, &r.Version, &r.Hash, &items, &answered); err != nil {
			rows.Close()
			return err
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		m := &out[i]
		m.Areas = append(m.Areas, r)
		m.AreaItems[r.ID] = items
		m.Total += items
		m.Answered += answered
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.db.QueryContext(ctx, fmt.Sprintf(ownQuery, ownWhere))
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var items, answered int
		if err := rows.Scan(&id, &items, &answered); err != nil {
			rows.Close()
			return err
		}
		if i, ok := index[id]; ok {
			out[i].Total += items
			out[i].Answered += answered
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.db.QueryContext(ctx, countQuery, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var open, late int
		if err := rows.Scan(&id, &open, &late); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			out[i].OpenActions, out[i].OverdueActions = open, late
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return nil
}

// sortSummaries orders the list: newest meeting date first, then by unit
// name, then newest first.
func sortSummaries(list []Summary) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if c := a.Date.Compare(b.Date); c != 0 {
			return c > 0
		}
		if ka, kb := unitKey(a.Unit), unitKey(b.Unit); ka != kb {
			return ka < kb
		}
		return a.ID > b.ID
	})
}
