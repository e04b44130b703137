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
// export of years of meetings runs a fixed number of queries and holds one
// assessment in memory.
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
	write := func(ja *jsonAssessment, unitID int64) error {
		if planUnits != nil {
			planUnits[unitID] = true
		}
		buf = appendAssessmentJSON(buf[:0], ja)
		if n > 0 {
			bw.WriteString(",")
		}
		n++
		bw.WriteString("\n    ")
		_, err := bw.Write(buf)
		return err
	}
	if ids == nil {
		err = exportAssessments(ctx, conn, "", nil, own, write)
	}
	for _, id := range ids {
		if err = exportAssessments(ctx, conn, "WHERE a.id = ?", []any{id}, own, write); err != nil {
			break
		}
	}
	if err != nil {
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

// exportAssessments calls write for each assessment the filter chooses, in
// the order of the file.
func exportAssessments(ctx context.Context, q querier, filter string, args []any,
	own map[int64][]exportOwnItem, write func(*jsonAssessment, int64) error) error {
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
		reeval checklist.Reevaluation
		reUID  string
		reAct  string
		// Each cursor scans into its own variables: a row read ahead
		// waits there for its assessment.
		carriedAction, ownAction checklist.Action
		carriedUIDs, ownUIDs     [2]string // the action's uid, its origin's
		risk                     checklist.CarriedRisk
		rUID                     string
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
			answer, err = scanResponse(r, &id)
			return id, err
		}},
		{exportReevalsSQL, func(r *sql.Rows) (id int64, err error) {
			reeval, err = scanReevaluationWith(r, &reUID, &reAct, &id)
			return id, err
		}},
		{exportCarriedActionsSQL, func(r *sql.Rows) (id int64, err error) {
			carriedAction, err = scanAction(r, &carriedUIDs[0], &carriedUIDs[1], &id)
			return id, err
		}},
		{exportOwnActionsSQL, func(r *sql.Rows) (id int64, err error) {
			ownAction, err = scanAction(r, &ownUIDs[0], &ownUIDs[1], &id)
			return id, err
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
		var id, unitID int64
		var date, status, created, updated string
		ja := jsonAssessment{Areas: []jsonArea{}, Answers: []jsonAnswer{}, Actions: []jsonAction{}}
		if err := rows.Scan(&ja.UID, &unitID, &ja.Unit, &date, &ja.Participants, &ja.SafetyRepPresent, &status,
			&created, &updated, &id); err != nil {
			return err
		}
		if err := exportHeader(&ja, date, status, created, updated); err != nil {
			return err
		}
		if err := areas.take(id, func() { ja.Areas = append(ja.Areas, area) }); err != nil {
			return err
		}
		// The answers by area, in the order of the areas and then the
		// unit's own area, each area's by item in natural order; answers
		// to an area the assessment no longer has are not written.
		pos := make(map[string]int, len(ja.Areas)+1)
		for i, ar := range ja.Areas {
			pos[ar.ID] = i
		}
		if _, ok := pos[checklist.OwnArea]; !ok {
			pos[checklist.OwnArea] = len(ja.Areas)
		}
		responses := map[checklist.ItemKey]bool{}
		var list []checklist.Response
		if err := answers.take(id, func() {
			responses[answer.Key()] = true
			if _, ok := pos[answer.AreaID]; ok {
				list = append(list, answer)
			}
		}); err != nil {
			return err
		}
		slices.SortFunc(list, func(a, b checklist.Response) int {
			if c := pos[a.AreaID] - pos[b.AreaID]; c != 0 {
				return c
			}
			return naturalCompare(a.ItemID, b.ItemID)
		})
		for _, r := range list {
			ja.Answers = append(ja.Answers, answerJSON(r))
		}
		if err := carriedActions.take(id, func() {
			ja.Actions = append(ja.Actions, actionJSON(carriedAction, carriedUIDs[0], carriedUIDs[1]))
		}); err != nil {
			return err
		}
		if err := ownActions.take(id, func() {
			ja.Actions = append(ja.Actions, actionJSON(ownAction, ownUIDs[0], ownUIDs[1]))
		}); err != nil {
			return err
		}
		for _, o := range own[unitID] {
			answered := responses[checklist.ItemKey{AreaID: o.j.Area, ItemID: o.j.Item}]
			if o.since <= date && (o.j.Retired == "" || o.j.Retired > date || o.assessment == id || answered) {
				ja.OwnItems = append(ja.OwnItems, o.j)
			}
		}
		var carried []checklist.CarriedRisk
		uids := map[int64]string{}
		if err := carriedRisks.take(id, func() { carried = append(carried, risk); uids[risk.AssessmentID] = rUID }); err != nil {
			return err
		}
		sortCarried(carried)
		for _, cr := range carried {
			ja.CarriedRisks = append(ja.CarriedRisks, jsonCarried{Origin: uids[cr.AssessmentID], Area: cr.Response.AreaID, Item: cr.Response.ItemID})
		}
		byAnswer := map[checklist.ItemKey][]jsonReeval{}
		if err := reevals.take(id, func() {
			e := reeval
			byAnswer[e.Key()] = append(byAnswer[e.Key()], jsonReeval{UID: reUID, Date: e.On.String(),
				Probability: e.Risk.Probability, Consequence: e.Risk.Consequence, Level: e.Risk.Level.String(),
				Serious: e.Risk.Serious(), Note: e.Risk.Note, Action: reAct, Created: fmtTime(e.Created)})
		}); err != nil {
			return err
		}
		for i := range ja.Answers {
			jr := &ja.Answers[i]
			jr.Reevaluations = byAnswer[checklist.ItemKey{AreaID: jr.Area, ItemID: jr.Item}]
		}
		if err := write(&ja, unitID); err != nil {
			return err
		}
	}
	return rows.Err()
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
