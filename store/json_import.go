package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"samkoll/checklist"
)

// ImportResult counts what an import did.
type ImportResult struct {
	// UnitsCreated counts units that did not exist before.
	UnitsCreated int
	// AssessmentsCreated, AssessmentsUpdated and AssessmentsUnchanged count
	// the assessments in the file by outcome. An existing assessment (same
	// uid) is replaced only when the file's copy was updated later.
	AssessmentsCreated, AssessmentsUpdated, AssessmentsUnchanged int
	// ActionsCreated, ActionsUpdated and ActionsUnchanged do the same for
	// actions.
	ActionsCreated, ActionsUpdated, ActionsUnchanged int
}

// ImportError is a problem in an import file. Nothing was written.
type ImportError struct {
	// Line and Column locate a problem in the JSON text (1-based); 0 when
	// the problem is in a value.
	Line, Column int
	// Path locates a problem in a value by its field path, such as
	// assessments[2].answers[5].answer.
	Path string
	// Msg says what is wrong, in Swedish and English.
	Msg checklist.Text
}

// Error returns "rad L, kolumn C: msg" or "path: msg", in Swedish.
func (e *ImportError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("rad %d, kolumn %d: %s", e.Line, e.Column, e.Msg.SV)
	}
	return e.Path + ": " + e.Msg.SV
}

// Message says what is wrong in lang, without the location; Where gives
// that.
func (e *ImportError) Message(lang checklist.Lang) string { return e.Msg.In(lang) }

// Where locates the problem in file name: name:line:column for the JSON
// text, or name: path for a value. Both forms read the same in any
// language.
func (e *ImportError) Where(name string) string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d", name, e.Line, e.Column)
	}
	return name + ": " + e.Path
}

var uidPattern = regexp.MustCompile(`^[0-9a-f][0-9a-f-]{6,62}[0-9a-f]$`)

// ImportJSON reads a file written by ExportJSON and merges it into the
// database in one transaction. Assessments and actions are matched on their
// uid, so importing the same file twice changes nothing the second time.
// The whole file is checked first; any problem gives an *ImportError and
// leaves the database unchanged.
func (s *Store) ImportJSON(ctx context.Context, r io.Reader) (ImportResult, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return ImportResult{}, err
	}
	f, err := decodeJSON(data)
	if err != nil {
		return ImportResult{}, err
	}
	p, err := validateImport(f)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if res, err = p.apply(ctx, tx); err != nil {
			return err
		}
		// A file may be older than the checklists' item renames.
		return remapRetiredItems(ctx, tx, p.written, false, "")
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// decodeJSON parses strictly: unknown fields and trailing data are errors,
// located by line and column.
func decodeJSON(data []byte) (jsonFile, error) {
	var f jsonFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(&f)
	if err == nil && dec.More() {
		err = errExtraData
	}
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errExtraData
		}
	}
	if err == nil {
		return f, nil
	}
	off := dec.InputOffset()
	var msg checklist.Text
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset - 1
		msg = checklist.Textf("ogiltig JSON: %s", "invalid JSON: %s", strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ):
		off = typ.Offset
		msg = checklist.Textf("fel typ för %s: %s i stället för %s", "wrong type for %s: %s instead of %s", typ.Field, typ.Value, typ.Type)
	case errors.Is(err, io.EOF):
		msg = checklist.Text{SV: "filen är tom", EN: "the file is empty"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data))
		msg = checklist.Text{SV: "filen tar slut mitt i", EN: "the file ends in the middle"}
	case err == errExtraData:
		msg = checklist.Text{SV: "ogiltig JSON: extra data efter slutet", EN: "invalid JSON: extra data after the end"}
	default:
		text := strings.TrimPrefix(err.Error(), "json: ")
		if field, ok := strings.CutPrefix(text, "unknown field "); ok {
			msg = checklist.Textf("okänt fält %s", "unknown field %s", field)
		} else {
			msg = checklist.Textf("ogiltig JSON: %s", "invalid JSON: %s", text)
		}
	}
	line, col := lineCol(data, off)
	return f, &ImportError{Line: line, Column: col, Msg: msg}
}

// errExtraData marks data after the end of the JSON value.
var errExtraData = errors.New("extra data after the end")

func lineCol(data []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:]))) + 1
	return line, col
}

// importPlan is a validated file, ready to write.
type importPlan struct {
	yearPlans   []jsonYearPlan
	assessments []importAssessment
	actions     []importAction // one per uid, in first-seen order
	// written are the ids of the assessments apply created or replaced.
	written []int64
}

type importAssessment struct {
	j       jsonAssessment
	a       checklist.Assessment
	counts  map[string]int
	answers []checklist.Response
	created time.Time
	updated time.Time
	links   []string // uids of actions carried over into it
	cycle   importCycle
}

type importAction struct {
	a       checklist.Action
	uid     string
	origin  string // assessment uid
	first   string // uid of the first assessment that lists it
	created time.Time
	updated time.Time
}

func validateImport(f jsonFile) (*importPlan, error) {
	// bad formats the message with checklist.Textf; an error argument
	// keeps its English text.
	bad := func(path, sv, en string, args ...any) error {
		return &ImportError{Path: path, Msg: checklist.Textf(sv, en, args...)}
	}
	// badErr reports err as it is.
	badErr := func(path string, err error) error { return bad(path, "%v", "%v", err) }
	if f.Format != JSONFormat {
		return nil, bad("format", "%q är inte en samkoll-fil (väntade %q)", "%q is not a samkoll file (expected %q)", f.Format, JSONFormat)
	}
	if f.Version > JSONVersion {
		return nil, bad("version", "filen kommer från en nyare samkoll (format version %d; den här versionen läser till och med %d). Uppdatera samkoll och importera den igen",
			"the file comes from a newer samkoll (format version %d; this version reads up to %d). Update samkoll and import it again", f.Version, JSONVersion)
	}
	if f.Version < jsonOldestVersion {
		return nil, bad("version", "version %d stöds inte (den här versionen av samkoll läser version %d)",
			"version %d is not supported (this version of samkoll reads version %d)", f.Version, JSONVersion)
	}
	if f.Exported != "" {
		if _, err := parseTime(f.Exported); err != nil {
			return nil, bad("exported", "ogiltig tid %q", "invalid time %q", f.Exported)
		}
	}
	p := &importPlan{yearPlans: f.YearPlans}
	if err := validateYearPlans(f.YearPlans); err != nil {
		return nil, err
	}
	seenOwn := map[string]jsonOwnItem{}
	seenAssessment := map[string]string{}
	actionIndex := map[string]int{}
	actionJSON := map[string]jsonAction{}
	for i, ja := range f.Assessments {
		at := fmt.Sprintf("assessments[%d]", i)
		if !uidPattern.MatchString(ja.UID) {
			return nil, bad(at+".uid", "ogiltigt uid %q", "invalid uid %q", ja.UID)
		}
		if prev, ok := seenAssessment[ja.UID]; ok {
			return nil, bad(at+".uid", "samma uid som %s", "the same uid as %s", prev)
		}
		seenAssessment[ja.UID] = at
		ia := importAssessment{j: ja, counts: map[string]int{}}
		a := checklist.Assessment{Unit: strings.TrimSpace(ja.Unit), Participants: ja.Participants, SafetyRepPresent: ja.SafetyRepPresent}
		var err error
		if a.Unit == "" {
			return nil, bad(at+".unit", "enheten saknar namn", "the unit has no name")
		}
		if a.Date, err = checklist.ParseDate(ja.Date); err != nil {
			return nil, badErr(at+".date", err)
		}
		if a.Status, err = checklist.ParseAssessmentStatus(ja.Status); err != nil {
			return nil, bad(at+".status", "okänd status %q (pagaende, avslutad)", "unknown status %q (pagaende, avslutad)", ja.Status)
		}
		if ia.created, err = requiredTime(ja.Created); err != nil {
			return nil, badErr(at+".created", err)
		}
		if ia.updated, err = requiredTime(ja.Updated); err != nil {
			return nil, badErr(at+".updated", err)
		}
		areas := map[string]bool{}
		for k, ar := range ja.Areas {
			ap := fmt.Sprintf("%s.areas[%d]", at, k)
			if strings.TrimSpace(ar.ID) == "" {
				return nil, bad(ap+".id", "område utan id", "an area without an id")
			}
			if areas[ar.ID] {
				return nil, bad(ap+".id", "området %q förekommer två gånger", "the area %q occurs twice", ar.ID)
			}
			if ar.Version < 0 {
				return nil, bad(ap+".version", "negativ version %d", "negative version %d", ar.Version)
			}
			if ar.Items < 0 {
				return nil, bad(ap+".items", "negativt antal punkter %d", "negative number of items %d", ar.Items)
			}
			a.Areas = append(a.Areas, checklist.AreaRef{ID: ar.ID, Version: ar.Version, Hash: ar.Hash})
			ia.counts[ar.ID] = ar.Items
			areas[ar.ID] = true
		}
		if len(a.Areas) == 0 {
			return nil, bad(at+".areas", "inga områden (välj minst ett)", "no areas (choose at least one)")
		}
		if err := a.Validate(); err != nil {
			return nil, badErr(at, err)
		}
		ia.a = a
		cyc, ownKeys, err := validateCycle(at, ja, seenOwn)
		if err != nil {
			return nil, err
		}
		ia.cycle = cyc
		answerAreas := areas
		if len(ownKeys) > 0 {
			answerAreas = map[string]bool{}
			for k := range areas {
				answerAreas[k] = true
			}
			for k := range ownKeys {
				answerAreas[k.AreaID] = true
			}
		}
		seenAnswer := map[checklist.ItemKey]bool{}
		for k, jr := range ja.Answers {
			ap := fmt.Sprintf("%s.answers[%d]", at, k)
			if jr.Area == checklist.OwnArea && !ownKeys[checklist.ItemKey{AreaID: jr.Area, ItemID: jr.Item}] {
				return nil, bad(ap+".item", "den egna punkten %q finns inte i own_items", "the own item %q is not in own_items", jr.Item)
			}
			r, field, err := parseAnswer(jr, answerAreas)
			if err != nil {
				return nil, badErr(ap+field, err)
			}
			if seenAnswer[r.Key()] {
				return nil, bad(ap, "punkt %s/%s besvarad två gånger", "item %s/%s answered twice", r.AreaID, r.ItemID)
			}
			seenAnswer[r.Key()] = true
			ia.answers = append(ia.answers, r)
		}
		for k, jx := range ja.Actions {
			ap := fmt.Sprintf("%s.actions[%d]", at, k)
			if !uidPattern.MatchString(jx.UID) {
				return nil, bad(ap+".uid", "ogiltigt uid %q", "invalid uid %q", jx.UID)
			}
			if !uidPattern.MatchString(jx.Origin) {
				return nil, bad(ap+".origin", "ogiltigt uid %q", "invalid uid %q", jx.Origin)
			}
			if prev, ok := actionJSON[jx.UID]; ok {
				if prev != jx {
					return nil, bad(ap, "åtgärden %s förekommer flera gånger med olika innehåll",
						"the action %s occurs several times with different content", jx.UID)
				}
			} else {
				x, field, err := parseAction(jx)
				if err != nil {
					return nil, badErr(ap+field, err)
				}
				x.first = ja.UID
				actionJSON[jx.UID] = jx
				actionIndex[jx.UID] = len(p.actions)
				p.actions = append(p.actions, x)
			}
			if jx.Origin != ja.UID {
				ia.links = append(ia.links, jx.UID)
			}
		}
		p.assessments = append(p.assessments, ia)
	}
	if err := checkInvariants(f); err != nil {
		return nil, err
	}
	return p, nil
}

func requiredTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, checklist.Errorf("tid saknas", "the time is missing")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return t, checklist.Errorf("ogiltig tid %q (RFC 3339, t.ex. 2026-03-14T09:30:00Z)",
			"invalid time %q (RFC 3339, e.g. 2026-03-14T09:30:00Z)", s)
	}
	return t, nil
}

// parseAnswer converts one answer; field names the offending field.
func parseAnswer(jr jsonAnswer, areas map[string]bool) (checklist.Response, string, error) {
	r := checklist.Response{AreaID: jr.Area, ItemID: jr.Item, Comment: jr.Comment, Reason: jr.Reason, Measures: jr.Measures}
	if !areas[jr.Area] {
		return r, ".area", checklist.Errorf("området %q ingår inte i bedömningen", "the area %q is not part of the assessment", jr.Area)
	}
	if strings.TrimSpace(jr.Item) == "" {
		return r, ".item", checklist.Errorf("punkt saknas", "the item is missing")
	}
	var err error
	if r.Answer, err = checklist.ParseAnswer(jr.Answer); err != nil {
		return r, ".answer", err
	}
	if jr.AnsweredAt != "" {
		if r.AnsweredAt, err = requiredTime(jr.AnsweredAt); err != nil {
			return r, ".answered_at", err
		}
	}
	if jr.Risk != nil {
		rk := checklist.Risk{Probability: jr.Risk.Probability, Consequence: jr.Risk.Consequence, Note: jr.Risk.Note}
		if rk.Level, err = checklist.ParseLevel(jr.Risk.Level); err != nil {
			return r, ".risk.level", err
		}
		if err := rk.Validate(); err != nil {
			return r, ".risk", err
		}
		if jr.Risk.Serious != rk.Serious() {
			return r, ".risk.serious", checklist.Errorf("serious %v stämmer inte med nivån %q",
				"serious %v does not match the level %q", jr.Risk.Serious, jr.Risk.Level)
		}
		r.Risk = &rk
	}
	return r, "", nil
}

// parseAction converts one action; field names the offending field.
func parseAction(jx jsonAction) (importAction, string, error) {
	x := importAction{uid: jx.UID, origin: jx.Origin}
	a := checklist.Action{AreaID: jx.Area, ItemID: jx.Item, Risk: jx.Risk, What: jx.What, Who: jx.Who, Effect: jx.Effect}
	var err error
	if a.Due, err = parseDate(jx.Due); err != nil {
		return x, ".due", err
	}
	if a.DoneOn, err = parseDate(jx.DoneOn); err != nil {
		return x, ".done_on", err
	}
	if a.CheckedOn, err = parseDate(jx.CheckedOn); err != nil {
		return x, ".checked_on", err
	}
	if a.Status, err = checklist.ParseActionStatus(jx.Status); err != nil {
		return x, ".status", err
	}
	if a.Escalation, err = checklist.ParseEscalation(jx.Escalation); err != nil {
		return x, ".escalation", err
	}
	if x.created, err = requiredTime(jx.Created); err != nil {
		return x, ".created", err
	}
	if x.updated, err = requiredTime(jx.Updated); err != nil {
		return x, ".updated", err
	}
	if err := validAction(a); err != nil {
		return x, "", err
	}
	x.a = a
	return x, "", nil
}

// apply writes the plan inside tx.
func (p *importPlan) apply(ctx context.Context, tx *sql.Tx) (ImportResult, error) {
	var res ImportResult
	ids := map[string]int64{}   // assessment uid → id
	units := map[string]int64{} // assessment uid → unit id
	for _, ia := range p.assessments {
		unitID, _, created, err := ensureUnit(ctx, tx, ia.a.Unit, ia.created)
		if err != nil {
			return res, err
		}
		if created {
			res.UnitsCreated++
		}
		var id int64
		var updated string
		var keep [][4]any // carried-risk links to the answers replaced
		err = tx.QueryRowContext(ctx, "SELECT id, updated FROM assessments WHERE uid = ?", ia.j.UID).Scan(&id, &updated)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if id, err = insertAssessment(ctx, tx, ia.j.UID, unitID, ia.a, ia.created, ia.updated); err != nil {
				return res, err
			}
			res.AssessmentsCreated++
		case err != nil:
			return res, err
		default:
			old, _ := parseTime(updated)
			if !ia.updated.After(old) {
				res.AssessmentsUnchanged++
				var uid int64
				if err := tx.QueryRowContext(ctx, "SELECT unit_id FROM assessments WHERE id = ?", id).Scan(&uid); err != nil {
					return res, err
				}
				ids[ia.j.UID], units[ia.j.UID] = id, uid
				if err := applyOwnItems(ctx, tx, ia.cycle.ownItems, uid, ids); err != nil {
					return res, err
				}
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE assessments SET unit_id = ?, meeting_date = ?, participants = ?,
				safety_rep = ?, status = ?, updated = ? WHERE id = ?`, unitID, ia.a.Date.String(), ia.a.Participants,
				ia.a.SafetyRepPresent, ia.a.Status.String(), fmtTime(ia.updated), id); err != nil {
				return res, err
			}
			if keep, err = carriedLinksTo(ctx, tx, id); err != nil {
				return res, err
			}
			for _, q := range []string{"DELETE FROM assessment_areas WHERE assessment_id = ?", "DELETE FROM answers WHERE assessment_id = ?"} {
				if _, err := tx.ExecContext(ctx, q, id); err != nil {
					return res, err
				}
			}
			res.AssessmentsUpdated++
		}
		ids[ia.j.UID], units[ia.j.UID] = id, unitID
		p.written = append(p.written, id)
		if err := insertAreas(ctx, tx, id, ia.a.Areas, ia.counts); err != nil {
			return res, err
		}
		if err := insertAnswers(ctx, tx, id, ia.answers); err != nil {
			return res, err
		}
		if err := restoreCarriedLinks(ctx, tx, keep); err != nil {
			return res, err
		}
		if err := applyOwnItems(ctx, tx, ia.cycle.ownItems, unitID, ids); err != nil {
			return res, err
		}
	}
	actionIDs := map[string]int64{}
	for _, x := range p.actions {
		origin, ok := ids[x.origin]
		if !ok {
			err := tx.QueryRowContext(ctx, "SELECT id FROM assessments WHERE uid = ?", x.origin).Scan(&origin)
			if errors.Is(err, sql.ErrNoRows) {
				// The origin was not exported: the first assessment that
				// shows the action becomes its origin.
				origin, ok = ids[x.first], true
			} else if err != nil {
				return res, err
			}
		}
		var unitID int64
		if err := tx.QueryRowContext(ctx, "SELECT unit_id FROM assessments WHERE id = ?", origin).Scan(&unitID); err != nil {
			return res, err
		}
		var id int64
		var updated string
		err := tx.QueryRowContext(ctx, "SELECT id, updated FROM actions WHERE uid = ?", x.uid).Scan(&id, &updated)
		a := x.a
		switch {
		case errors.Is(err, sql.ErrNoRows):
			r, err := tx.ExecContext(ctx, `INSERT INTO actions (uid, unit_id, assessment_id, area_id, item_id, risk,
				what, who, due, status, done_on, checked_on, effect, escalation, created, updated)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				x.uid, unitID, origin, a.AreaID, a.ItemID, a.Risk, a.What, a.Who, a.Due.String(), a.Status.String(),
				a.DoneOn.String(), a.CheckedOn.String(), a.Effect, a.Escalation.String(), fmtTime(x.created), fmtTime(x.updated))
			if err != nil {
				return res, err
			}
			if id, err = r.LastInsertId(); err != nil {
				return res, err
			}
			res.ActionsCreated++
		case err != nil:
			return res, err
		default:
			old, _ := parseTime(updated)
			if x.updated.After(old) {
				if _, err := tx.ExecContext(ctx, `UPDATE actions SET area_id = ?, item_id = ?, risk = ?, what = ?,
					who = ?, due = ?, status = ?, done_on = ?, checked_on = ?, effect = ?, escalation = ?, updated = ?
					WHERE id = ?`, a.AreaID, a.ItemID, a.Risk, a.What, a.Who, a.Due.String(), a.Status.String(),
					a.DoneOn.String(), a.CheckedOn.String(), a.Effect, a.Escalation.String(), fmtTime(x.updated), id); err != nil {
					return res, err
				}
				res.ActionsUpdated++
			} else {
				res.ActionsUnchanged++
			}
		}
		actionIDs[x.uid] = id
	}
	for _, ia := range p.assessments {
		for _, uid := range ia.links {
			// An action is linked to later assessments of its own unit
			// only; its origin needs no link.
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO assessment_actions (assessment_id, action_id)
				SELECT ?1, x.id FROM actions x WHERE x.id = ?2 AND x.assessment_id <> ?1`,
				ids[ia.j.UID], actionIDs[uid]); err != nil {
				return res, err
			}
		}
		if err := applyReevaluations(ctx, tx, ids[ia.j.UID], ia.cycle.reevals, actionIDs); err != nil {
			return res, err
		}
		if err := applyCarried(ctx, tx, ids[ia.j.UID], ia.cycle.carried, ids); err != nil {
			return res, err
		}
	}
	n, err := applyYearPlans(ctx, tx, p.yearPlans, time.Now())
	if err != nil {
		return res, err
	}
	res.UnitsCreated += n
	return res, nil
}

// insertAnswers inserts the answers of assessment id, many rows to a
// statement: a call into SQLite per answer costs more than the insert.
func insertAnswers(ctx context.Context, tx *sql.Tx, id int64, rs []checklist.Response) error {
	const cols, perStatement = 13, 500
	for len(rs) > 0 {
		n := min(len(rs), perStatement)
		var q strings.Builder
		q.WriteString(`INSERT INTO answers (assessment_id, area_id, item_id, answer, comment, reason, answered_at,
			risk_probability, risk_consequence, risk_level, risk_serious, risk_note, measures) VALUES `)
		args := make([]any, 0, n*cols)
		for i, r := range rs[:n] {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			var prob, cons, serious sql.NullInt64
			var level, note sql.NullString
			if r.Risk != nil {
				prob = sql.NullInt64{Int64: int64(r.Risk.Probability), Valid: true}
				cons = sql.NullInt64{Int64: int64(r.Risk.Consequence), Valid: true}
				level = sql.NullString{String: r.Risk.Level.String(), Valid: true}
				serious = sql.NullInt64{Int64: b2i(r.Risk.Serious()), Valid: true}
				note = sql.NullString{String: r.Risk.Note, Valid: true}
			}
			args = append(args, id, r.AreaID, r.ItemID, r.Answer.String(), r.Comment, r.Reason, fmtTime(r.AnsweredAt),
				prob, cons, level, serious, note, r.Measures)
		}
		if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
			return err
		}
		rs = rs[n:]
	}
	return nil
}
