package store

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"

	"samkoll/checklist"
)

// jsonWriteBuffer is the size of the export's writes: 4 KB (bufio's
// default) made 100,000 writes of an export of 10,000 assessments.
const jsonWriteBuffer = 64 << 10

// ExportJSON writes the assessments with the given ids, or all of them when
// ids is nil, in the format of docs/json-format.md. Each assessment lists
// its answers and every action shown in it, its own and carried over.
//
// The file is written one assessment at a time as it is read: each part of
// an assessment (areas, answers, actions, ...) is read by one cursor over
// all assessments in the order of the file, in one read transaction, so an
// export of years of meetings runs a fixed number of queries. The reading
// runs ahead of the writing by at most exportQueue assessments
// (pipeline), so memory does not grow with the export.
func (s *Store) ExportJSON(ctx context.Context, w io.Writer, ids []int64) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// One snapshot for every cursor; nothing is written.
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
	for _, id := range ids {
		var n int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM assessments WHERE id = ?", id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("bedömning %d: %w", id, ErrNotFound)
		}
	}
	own, err := exportOwnItems(ctx, conn)
	if err != nil {
		return err
	}
	var planUnits map[int64]bool // nil: every unit's year plans
	if ids != nil {
		planUnits = map[int64]bool{}
	}
	// The bytes are those of encoding a jsonFile with two-space
	// indentation, with invisible characters escaped (jsonSafeWriter).
	bw := bufio.NewWriterSize(&jsonSafeWriter{w: w}, jsonWriteBuffer)
	head, err := json.Marshal(struct {
		Format   string `json:"format"`
		Version  int    `json:"version"`
		Exported string `json:"exported,omitempty"`
	}{JSONFormat, JSONVersion, fmtTime(s.now())})
	if err != nil {
		return err
	}
	var hb bytes.Buffer
	if err := json.Indent(&hb, head, "", "  "); err != nil {
		return err
	}
	// hb ends with "\n}": continue the object with the assessments.
	bw.Write(bytes.TrimSuffix(hb.Bytes(), []byte("\n}")))
	bw.WriteString(",\n  \"assessments\": [")
	var buf []byte
	n := 0
	write := func(x *exportRows) error {
		if planUnits != nil {
			planUnits[x.unitID] = true
		}
		buf = appendAssessmentJSON(buf[:0], x.assemble(own))
		if n > 0 {
			bw.WriteString(",")
		}
		n++
		bw.WriteString("\n    ")
		_, err := bw.Write(buf)
		return err
	}
	read := func(ctx context.Context, emit func(*exportRows) error) error {
		if ids == nil {
			return readAssessments(ctx, conn, "", nil, emit)
		}
		for _, id := range ids {
			if err := readAssessments(ctx, conn, "WHERE a.id = ?", []any{id}, emit); err != nil {
				return err
			}
		}
		return nil
	}
	if err := pipeline(ctx, exportQueue, read, write); err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]")
	plans, err := exportYearPlans(ctx, conn, planUnits)
	if err != nil {
		return err
	}
	if len(plans) > 0 {
		pb, err := json.MarshalIndent(plans, "  ", "  ")
		if err != nil {
			return err
		}
		bw.WriteString(",\n  \"year_plans\": ")
		bw.Write(pb)
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// exportQueue is how many assessments the reader of an export may be
// ahead of the writer: enough to ride out an assessment with many rows,
// few enough that memory does not grow with the export.
const exportQueue = 8

// pipeline runs read in a goroutine of its own and calls write, in the
// caller's goroutine, with each item read, in order; read may be at most
// depth items ahead. The export and the import use it: reading (the
// database, the file) and writing (the file, the database) overlap on a
// machine with two cores or more. When write fails, read is stopped
// through its context; the first error is returned, write's before
// read's, so a problem in writing an earlier item is the one reported.
func pipeline[T any](ctx context.Context, depth int, read func(context.Context, func(T) error) error,
	write func(T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan T, depth)
	done := make(chan error, 1)
	go func() {
		defer close(queue)
		done <- read(ctx, func(x T) error {
			select {
			case queue <- x:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var werr error
	for x := range queue {
		if werr == nil {
			if werr = write(x); werr != nil {
				cancel()
			}
		}
	}
	if rerr := <-done; werr == nil {
		return rerr
	}
	return werr
}

// The queries of an export: each reads one part of every assessment chosen
// by the filter (%s), in the order of the file (meeting date, id), with
// the assessment's id last. CROSS JOIN keeps the assessments the outer
// loop (through their date index), so that only the rows of one
// assessment are ever sorted, not the whole table.
const (
	exportAssessmentsSQL = `SELECT a.uid, a.unit_id, u.name, a.meeting_date, a.participants, a.safety_rep, a.status,
		a.created, a.updated, a.id FROM assessments a JOIN units u ON u.id = a.unit_id %s ORDER BY a.meeting_date, a.id`
	exportAreasSQL = `SELECT r.area_id, r.version, r.hash, r.items, a.id FROM assessments a
		CROSS JOIN assessment_areas r ON r.assessment_id = a.id %s ORDER BY a.meeting_date, a.id, r.position`
	exportAnswersSQL = `SELECT ` + responseCols + `, a.id FROM assessments a
		CROSS JOIN answers w ON w.assessment_id = a.id %s ORDER BY a.meeting_date, a.id`
	exportReevalsSQL = `SELECT ` + reevalCols + `, r.uid, coalesce(x.uid, ''), a.id FROM assessments a
		CROSS JOIN reevaluations r ON r.assessment_id = a.id LEFT JOIN actions x ON x.id = r.action_id %s
		ORDER BY a.meeting_date, a.id, r.evaluated_on, r.created, r.id`
	exportCarriedActionsSQL = `SELECT ` + actionColsNoLevel + `, x.uid, o.uid, a.id FROM assessments a
		CROSS JOIN assessment_actions l ON l.assessment_id = a.id JOIN actions x ON x.id = l.action_id
		JOIN assessments o ON o.id = x.assessment_id %s ORDER BY a.meeting_date, a.id, o.meeting_date, o.id, x.id`
	exportOwnActionsSQL = `SELECT ` + actionColsNoLevel + `, x.uid, a.uid, a.id FROM assessments a
		CROSS JOIN actions x ON x.assessment_id = a.id %s ORDER BY a.meeting_date, a.id, x.created, x.id`
	exportCarriedRisksSQL = `SELECT o.uid, o.id, o.meeting_date, c.area_id, c.item_id, a.id FROM assessments a
		CROSS JOIN carried_risks c ON c.assessment_id = a.id
		JOIN answers w ON w.assessment_id = c.from_assessment_id AND w.area_id = c.area_id AND w.item_id = c.item_id
		JOIN assessments o ON o.id = c.from_assessment_id %s ORDER BY a.meeting_date, a.id`
)

// actionColsNoLevel are actionCols without the risk level of the item's
// answer, which the file does not carry.
const actionColsNoLevel = `x.id, x.unit_id, x.assessment_id, x.area_id, x.item_id, x.risk, x.what, x.who, x.due,
	x.status, x.done_on, x.checked_on, x.effect, x.escalation, x.created, x.updated, ''`

// cursor reads the rows of one part of the assessments; rows of an
// assessment come together, in the order of the assessments.
type cursor struct {
	rows *sql.Rows
	// scan reads the current row and returns the id of its assessment.
	scan func(*sql.Rows) (int64, error)
	held int64 // the assessment id of a row read but not taken, or 0
}

// take calls use for each row of assessment id; scan has filled in the
// row for use to read.
func (c *cursor) take(id int64, use func()) error {
	for {
		if c.held == 0 {
			if !c.rows.Next() {
				return c.rows.Err()
			}
			var err error
			if c.held, err = c.scan(c.rows); err != nil {
				return err
			}
		}
		if c.held != id {
			return nil // a later assessment's
		}
		use()
		c.held = 0
	}
}

// exportRows are the rows the cursors read for one assessment, as stored:
// assemble puts them in the order and form of the file.
type exportRows struct {
	ja      jsonAssessment // the header and the areas filled in
	id      int64
	unitID  int64
	date    string // the stored meeting date
	answers []checklist.Response
	actions []jsonAction // carried over, then its own
	carried []checklist.CarriedRisk
	origins map[int64]string // the uid of each carried risk's assessment
	reevals []exportReeval
}

// exportReeval is a re-evaluation with its uid and its action's.
type exportReeval struct {
	e           checklist.Reevaluation
	uid, action string
}

// readAssessments calls emit with the rows of each assessment the filter
// chooses, in the order of the file.
func readAssessments(ctx context.Context, q querier, filter string, args []any, emit func(*exportRows) error) error {
	open := func(query string, scan func(*sql.Rows) (int64, error)) (*cursor, error) {
		rows, err := q.QueryContext(ctx, fmt.Sprintf(query, filter), args...)
		if err != nil {
			return nil, err
		}
		return &cursor{rows: rows, scan: scan}, nil
	}
	var (
		area   jsonArea
		answer checklist.Response
		reeval exportReeval
		// Each cursor scans into its own variables: a row read ahead
		// waits there for its assessment.
		carriedAction, ownAction checklist.Action
		carriedUIDs, ownUIDs     [2]string // the action's uid, its origin's
		risk                     checklist.CarriedRisk
		rUID                     string
		// The answers' and the actions' scanners read every row into the
		// same variables, the assessment's id last.
		answerID, carriedID, ownID int64
		answerRows                 = newResponseScanner(&answerID)
		carried                    = newActionScanner(&carriedUIDs[0], &carriedUIDs[1], &carriedID)
		own                        = newActionScanner(&ownUIDs[0], &ownUIDs[1], &ownID)
	)
	var cursors []*cursor
	defer func() {
		for _, c := range cursors {
			c.rows.Close()
		}
	}()
	for _, p := range []struct {
		query string
		scan  func(*sql.Rows) (int64, error)
	}{
		{exportAreasSQL, func(r *sql.Rows) (id int64, err error) {
			area = jsonArea{}
			err = r.Scan(&area.ID, &area.Version, &area.Hash, &area.Items, &id)
			return id, err
		}},
		{exportAnswersSQL, func(r *sql.Rows) (id int64, err error) {
			answer, err = answerRows.scan(r)
			return answerID, err
		}},
		{exportReevalsSQL, func(r *sql.Rows) (id int64, err error) {
			reeval.e, err = scanReevaluationWith(r, &reeval.uid, &reeval.action, &id)
			return id, err
		}},
		{exportCarriedActionsSQL, func(r *sql.Rows) (id int64, err error) {
			carriedAction, err = carried.scan(r)
			return carriedID, err
		}},
		{exportOwnActionsSQL, func(r *sql.Rows) (id int64, err error) {
			ownAction, err = own.scan(r)
			return ownID, err
		}},
		{exportCarriedRisksSQL, func(r *sql.Rows) (id int64, err error) {
			var date string
			risk = checklist.CarriedRisk{}
			if err = r.Scan(&rUID, &risk.AssessmentID, &date, &risk.Response.AreaID, &risk.Response.ItemID, &id); err != nil {
				return id, err
			}
			risk.Date, err = parseDate(date)
			return id, err
		}},
	} {
		c, err := open(p.query, p.scan)
		if err != nil {
			return err
		}
		cursors = append(cursors, c)
	}
	areas, answers, reevals, carriedActions, ownActions, carriedRisks := cursors[0], cursors[1], cursors[2], cursors[3], cursors[4], cursors[5]
	rows, err := q.QueryContext(ctx, fmt.Sprintf(exportAssessmentsSQL, filter), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		x := &exportRows{ja: jsonAssessment{Areas: []jsonArea{}, Answers: []jsonAnswer{}, Actions: []jsonAction{}}}
		var status, created, updated string
		if err := rows.Scan(&x.ja.UID, &x.unitID, &x.ja.Unit, &x.date, &x.ja.Participants, &x.ja.SafetyRepPresent, &status,
			&created, &updated, &x.id); err != nil {
			return err
		}
		if err := exportHeader(&x.ja, x.date, status, created, updated); err != nil {
			return err
		}
		id := x.id
		for _, step := range []struct {
			c   *cursor
			use func()
		}{
			{areas, func() { x.ja.Areas = append(x.ja.Areas, area) }},
			{answers, func() { x.answers = append(x.answers, answer) }},
			{carriedActions, func() {
				x.actions = append(x.actions, actionJSON(carriedAction, carriedUIDs[0], carriedUIDs[1]))
			}},
			{ownActions, func() { x.actions = append(x.actions, actionJSON(ownAction, ownUIDs[0], ownUIDs[1])) }},
			{carriedRisks, func() {
				x.carried = append(x.carried, risk)
				if x.origins == nil {
					x.origins = map[int64]string{}
				}
				x.origins[risk.AssessmentID] = rUID
			}},
			{reevals, func() { x.reevals = append(x.reevals, reeval) }},
		} {
			if err := step.c.take(id, step.use); err != nil {
				return err
			}
		}
		if err := emit(x); err != nil {
			return err
		}
	}
	return rows.Err()
}

// assemble returns the assessment as the file writes it, with the own
// items of its unit from own.
func (x *exportRows) assemble(own map[int64][]exportOwnItem) *jsonAssessment {
	ja := &x.ja
	// The answers by area, in the order of the areas and then the unit's
	// own area, each area's by item in natural order; answers to an area
	// the assessment no longer has are not written.
	pos := make(map[string]int, len(ja.Areas)+1)
	for i, ar := range ja.Areas {
		pos[ar.ID] = i
	}
	if _, ok := pos[checklist.OwnArea]; !ok {
		pos[checklist.OwnArea] = len(ja.Areas)
	}
	responses := make(map[checklist.ItemKey]bool, len(x.answers))
	list := x.answers[:0:0]
	for _, r := range x.answers {
		responses[r.Key()] = true
		if _, ok := pos[r.AreaID]; ok {
			list = append(list, r)
		}
	}
	// sort, not slices: a generic sort copies the sorting code into the
	// binary once per element type (docs/performance.md, "Binary size").
	order := func(a, b checklist.Response) int {
		if c := pos[a.AreaID] - pos[b.AreaID]; c != 0 {
			return c
		}
		return naturalCompare(a.ItemID, b.ItemID)
	}
	sort.Slice(list, func(i, j int) bool { return order(list[i], list[j]) < 0 })
	ja.Answers = slices.Grow(ja.Answers, len(list))
	for _, r := range list {
		ja.Answers = append(ja.Answers, answerJSON(r))
	}
	ja.Actions = append(ja.Actions, x.actions...)
	for _, o := range own[x.unitID] {
		answered := responses[checklist.ItemKey{AreaID: o.j.Area, ItemID: o.j.Item}]
		if o.since <= x.date && (o.j.Retired == "" || o.j.Retired > x.date || o.assessment == x.id || answered) {
			ja.OwnItems = append(ja.OwnItems, o.j)
		}
	}
	sortCarried(x.carried)
	for _, cr := range x.carried {
		ja.CarriedRisks = append(ja.CarriedRisks, jsonCarried{Origin: x.origins[cr.AssessmentID],
			Area: cr.Response.AreaID, Item: cr.Response.ItemID})
	}
	if len(x.reevals) > 0 {
		byAnswer := map[checklist.ItemKey][]jsonReeval{}
		for _, r := range x.reevals {
			e := r.e
			byAnswer[e.Key()] = append(byAnswer[e.Key()], jsonReeval{UID: r.uid, Date: e.On.String(),
				Probability: e.Risk.Probability, Consequence: e.Risk.Consequence, Level: e.Risk.Level.String(),
				Serious: e.Risk.Serious(), Note: e.Risk.Note, Action: r.action, Created: fmtTime(e.Created)})
		}
		for i := range ja.Answers {
			jr := &ja.Answers[i]
			jr.Reevaluations = byAnswer[checklist.ItemKey{AreaID: jr.Area, ItemID: jr.Item}]
		}
	}
	return ja
}

// exportHeader fills in the assessment's own fields as the file writes
// them.
func exportHeader(ja *jsonAssessment, date, status, created, updated string) error {
	d, err := parseDate(date)
	if err != nil {
		return err
	}
	st, err := checklist.ParseAssessmentStatus(status)
	if err != nil {
		return err
	}
	c, err := parseTime(created)
	if err != nil {
		return err
	}
	u, err := parseTime(updated)
	if err != nil {
		return err
	}
	ja.Date, ja.Status, ja.Created, ja.Updated = d.String(), st.String(), fmtTime(c), fmtTime(u)
	return nil
}

// actionJSON converts action x with its uid and its origin's.
func actionJSON(x checklist.Action, uid, origin string) jsonAction {
	return jsonAction{UID: uid, Origin: origin, Area: x.AreaID, Item: x.ItemID, Risk: x.Risk, What: x.What, Who: x.Who,
		Due: x.Due.String(), Status: x.Status.String(), DoneOn: x.DoneOn.String(), CheckedOn: x.CheckedOn.String(),
		Effect: x.Effect, Escalation: x.Escalation.String(), Created: fmtTime(x.Created), Updated: fmtTime(x.Updated)}
}

// exportOwnItem is an own item as the file writes it, with what chooses
// the assessments that show it.
type exportOwnItem struct {
	j          jsonOwnItem
	since      string // the stored date
	assessment int64  // the assessment it was added at, or 0
}

// exportOwnItems reads every own item, by unit, in the order of their ids.
// An assessment shows those of its unit added by its meeting date and not
// retired by then, and any it added or answered (as LoadAssessment).
func exportOwnItems(ctx context.Context, q querier) (map[int64][]exportOwnItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.unit_id, coalesce(o.assessment_id, 0), o.uid, coalesce(a.uid, ''), o.since,
		o.area_id, o.item_id, o.statement, o.guidance, o.retired, o.created, o.updated
		FROM own_items o LEFT JOIN assessments a ON a.id = o.assessment_id ORDER BY o.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]exportOwnItem{}
	for rows.Next() {
		var unit int64
		var o exportOwnItem
		var created, updated string
		if err := rows.Scan(&unit, &o.assessment, &o.j.UID, &o.j.Origin, &o.since, &o.j.Area, &o.j.Item,
			&o.j.Statement, &o.j.Guidance, &o.j.Retired, &created, &updated); err != nil {
			return nil, err
		}
		since, err := parseDate(o.since)
		if err != nil {
			return nil, err
		}
		c, err := parseTime(created)
		if err != nil {
			return nil, err
		}
		u, err := parseTime(updated)
		if err != nil {
			return nil, err
		}
		o.j.Since, o.j.Created, o.j.Updated = since.String(), fmtTime(c), fmtTime(u)
		out[unit] = append(out[unit], o)
	}
	return out, rows.Err()
}
