package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"samkoll/checklist"
)

// The parts of the JSON format that carry the SAM cycle (format version 2):
// measures in place and re-evaluations on answers, own items and carried
// risks on assessments, and the units' year plans. See docs/json-format.md.

type jsonOwnItem struct {
	UID       string `json:"uid"`
	Origin    string `json:"origin,omitempty"`
	Since     string `json:"since"`
	Area      string `json:"area"`
	Item      string `json:"item"`
	Statement string `json:"statement"`
	Guidance  string `json:"guidance,omitempty"`
	Retired   string `json:"retired,omitempty"`
	Created   string `json:"created"`
	Updated   string `json:"updated"`
}

type jsonCarried struct {
	Origin string `json:"origin"`
	Area   string `json:"area"`
	Item   string `json:"item"`
}

type jsonReeval struct {
	UID         string `json:"uid"`
	Date        string `json:"date"`
	Probability int    `json:"probability"`
	Consequence int    `json:"consequence"`
	Level       string `json:"level"`
	Serious     bool   `json:"serious"`
	Note        string `json:"note,omitempty"`
	Action      string `json:"action,omitempty"`
	Created     string `json:"created"`
}

type jsonYearPlan struct {
	Unit  string          `json:"unit"`
	Year  int             `json:"year"`
	Areas []jsonPlanEntry `json:"areas"`
}

type jsonPlanEntry struct {
	Area  string `json:"area"`
	Month int    `json:"month"`
}

// exportYearPlans returns the year plans of the units with the given ids,
// or of all units for nil, ordered by unit name and year.
func exportYearPlans(ctx context.Context, q querier, units map[int64]bool) ([]jsonYearPlan, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.unit_id, u.name, p.year, p.area_id, p.month FROM year_plans p
		JOIN units u ON u.id = p.unit_id ORDER BY u.name_key, u.id, p.year, p.month, p.area_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []jsonYearPlan
	var lastUnit int64
	for rows.Next() {
		var unit int64
		var name, area string
		var year, month int
		if err := rows.Scan(&unit, &name, &year, &area, &month); err != nil {
			return nil, err
		}
		if units != nil && !units[unit] {
			continue
		}
		if n := len(out); n == 0 || lastUnit != unit || out[n-1].Year != year {
			out = append(out, jsonYearPlan{Unit: name, Year: year})
			lastUnit = unit
		}
		p := &out[len(out)-1]
		p.Areas = append(p.Areas, jsonPlanEntry{Area: area, Month: month})
	}
	return out, rows.Err()
}

// importCycle is the validated cycle data of one assessment in a file.
type importCycle struct {
	ownItems []importOwnItem
	carried  []jsonCarried
	reevals  []importReeval
}

type importOwnItem struct {
	j       jsonOwnItem
	since   checklist.Date
	created time.Time
	updated time.Time
}

type importReeval struct {
	j       jsonReeval
	area    string
	item    string
	e       checklist.Reevaluation
	created time.Time
}

// validateCycle checks the cycle fields of assessment ja at path at. seen
// holds the own items met so far in the file by uid, to check that copies
// agree. It returns the own item keys the answers may use.
func validateCycle(at string, ja jsonAssessment, seen map[string]jsonOwnItem) (importCycle, map[checklist.ItemKey]bool, error) {
	bad := func(path, sv, en string, args ...any) error {
		return &ImportError{Path: path, Msg: checklist.Textf(sv, en, args...)}
	}
	var c importCycle
	keys := map[checklist.ItemKey]bool{}
	for k, jo := range ja.OwnItems {
		p := fmt.Sprintf("%s.own_items[%d]", at, k)
		if !validUID(jo.UID) {
			return c, nil, bad(p+".uid", "ogiltigt uid %q", "invalid uid %q", jo.UID)
		}
		if jo.Origin != "" && !validUID(jo.Origin) {
			return c, nil, bad(p+".origin", "ogiltigt uid %q", "invalid uid %q", jo.Origin)
		}
		if prev, ok := seen[jo.UID]; ok && prev != jo {
			return c, nil, bad(p, "den egna punkten %s förekommer flera gånger med olika innehåll",
				"the own item %s occurs several times with different content", jo.UID)
		}
		seen[jo.UID] = jo
		if !checklist.IsOwnItemID(jo.Item) {
			return c, nil, bad(p+".item", "ogiltigt id för egen punkt %q (E1, E2, ...)", "invalid own item id %q (E1, E2, ...)", jo.Item)
		}
		o := checklist.OwnItem{AreaID: jo.Area, ItemID: jo.Item, Statement: jo.Statement, Guidance: jo.Guidance}
		if err := o.Validate(); err != nil {
			return c, nil, bad(p, "%v", "%v", err)
		}
		io := importOwnItem{j: jo}
		var err error
		if io.since, err = checklist.ParseDate(jo.Since); err != nil {
			return c, nil, bad(p+".since", "%v", "%v", err)
		}
		if jo.Retired != "" {
			if _, err := checklist.ParseDate(jo.Retired); err != nil {
				return c, nil, bad(p+".retired", "%v", "%v", err)
			}
		}
		if io.created, err = requiredTime(jo.Created); err != nil {
			return c, nil, bad(p+".created", "%v", "%v", err)
		}
		if io.updated, err = requiredTime(jo.Updated); err != nil {
			return c, nil, bad(p+".updated", "%v", "%v", err)
		}
		k := checklist.ItemKey{AreaID: jo.Area, ItemID: jo.Item}
		if keys[k] {
			return c, nil, bad(p+".item", "den egna punkten %s/%s förekommer två gånger", "the own item %s/%s occurs twice", jo.Area, jo.Item)
		}
		keys[k] = true
		c.ownItems = append(c.ownItems, io)
	}
	for k, jc := range ja.CarriedRisks {
		p := fmt.Sprintf("%s.carried_risks[%d]", at, k)
		if !validUID(jc.Origin) {
			return c, nil, bad(p+".origin", "ogiltigt uid %q", "invalid uid %q", jc.Origin)
		}
		if jc.Origin == ja.UID {
			return c, nil, bad(p+".origin", "en risk kan inte föras över till sin egen bedömning", "a risk cannot be carried into its own assessment")
		}
		if strings.TrimSpace(jc.Area) == "" || strings.TrimSpace(jc.Item) == "" {
			return c, nil, bad(p, "område eller punkt saknas", "the area or item is missing")
		}
		c.carried = append(c.carried, jc)
	}
	for i, jr := range ja.Answers {
		for k, je := range jr.Reevaluations {
			p := fmt.Sprintf("%s.answers[%d].reevaluations[%d]", at, i, k)
			if !validUID(je.UID) {
				return c, nil, bad(p+".uid", "ogiltigt uid %q", "invalid uid %q", je.UID)
			}
			if je.Action != "" && !validUID(je.Action) {
				return c, nil, bad(p+".action", "ogiltigt uid %q", "invalid uid %q", je.Action)
			}
			e := checklist.Reevaluation{AreaID: jr.Area, ItemID: jr.Item,
				Risk: checklist.Risk{Probability: je.Probability, Consequence: je.Consequence, Note: je.Note}}
			var err error
			if e.On, err = checklist.ParseDate(je.Date); err != nil {
				return c, nil, bad(p+".date", "%v", "%v", err)
			}
			if e.Risk.Level, err = checklist.ParseLevel(je.Level); err != nil {
				return c, nil, bad(p+".level", "%v", "%v", err)
			}
			if err := e.Validate(); err != nil {
				return c, nil, bad(p, "%v", "%v", err)
			}
			if je.Serious != e.Risk.Serious() {
				return c, nil, bad(p+".serious", "serious %v stämmer inte med nivån %q", "serious %v does not match the level %q", je.Serious, je.Level)
			}
			ir := importReeval{j: je, area: jr.Area, item: jr.Item, e: e}
			if ir.created, err = requiredTime(je.Created); err != nil {
				return c, nil, bad(p+".created", "%v", "%v", err)
			}
			c.reevals = append(c.reevals, ir)
		}
	}
	return c, keys, nil
}

// validateYearPlans checks the file's year plans.
func validateYearPlans(plans []jsonYearPlan) error {
	seen := map[string]bool{}
	for i, jp := range plans {
		p := fmt.Sprintf("year_plans[%d]", i)
		if strings.TrimSpace(jp.Unit) == "" {
			return &ImportError{Path: p + ".unit", Msg: checklist.Text{SV: "enheten saknar namn", EN: "the unit has no name"}}
		}
		k := fmt.Sprintf("%s/%d", unitKey(jp.Unit), jp.Year)
		if seen[k] {
			return &ImportError{Path: p, Msg: checklist.Textf("årshjulet för %s %d förekommer två gånger",
				"the year plan of %s %d occurs twice", strings.TrimSpace(jp.Unit), jp.Year)}
		}
		seen[k] = true
		yp := checklist.YearPlan{Year: jp.Year}
		for _, e := range jp.Areas {
			yp.Entries = append(yp.Entries, checklist.PlanEntry{AreaID: e.Area, Month: time.Month(e.Month)})
		}
		if err := yp.Validate(); err != nil {
			return &ImportError{Path: p, Msg: checklist.TextOf(err)}
		}
	}
	return nil
}

// applyOwnItems writes the own items of the file; they are matched on uid
// and replaced when the file's copy was updated later. origins maps
// assessment uids of the file to ids. It returns, as [own item uid,
// assessment uid], those it inserted whose origin is neither in origins
// nor in the database yet: it may come later in the file.
func applyOwnItems(ctx context.Context, tx querier, items []importOwnItem, unitID int64, origins map[string]int64) ([][2]string, error) {
	var later [][2]string
	for _, io := range items {
		var origin any
		if id, ok := origins[io.j.Origin]; ok {
			origin = id
		} else if io.j.Origin != "" {
			var id int64
			err := tx.QueryRowContext(ctx, "SELECT id FROM assessments WHERE uid = ?", io.j.Origin).Scan(&id)
			if err == nil {
				origin = id
			} else if !errors.Is(err, sql.ErrNoRows) {
				return nil, err
			}
		}
		var id int64
		var updated string
		err := tx.QueryRowContext(ctx, "SELECT id, updated FROM own_items WHERE uid = ?", io.j.UID).Scan(&id, &updated)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			var other string
			switch err := tx.QueryRowContext(ctx, "SELECT uid FROM own_items WHERE unit_id = ? AND item_id = ?",
				unitID, io.j.Item).Scan(&other); {
			case err == nil:
				return nil, checklist.Errorf(
					"enheten har redan en annan egen punkt %s (från en annan dator eller fil). Ge enheterna olika namn, eller slå ihop dem i en samkoll först",
					"the unit already has another own item %s (from another computer or file). Give the units different names, or merge them in one samkoll first",
					io.j.Item)
			case !errors.Is(err, sql.ErrNoRows):
				return nil, err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO own_items (uid, unit_id, assessment_id, since, area_id, item_id,
				statement, guidance, retired, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				io.j.UID, unitID, origin, io.since.String(), io.j.Area, io.j.Item, io.j.Statement, io.j.Guidance,
				io.j.Retired, fmtTime(io.created), fmtTime(io.updated)); err != nil {
				return nil, fmt.Errorf("egen punkt %s: %w", io.j.Item, err)
			}
			if origin == nil && io.j.Origin != "" {
				later = append(later, [2]string{io.j.UID, io.j.Origin})
			}
		case err != nil:
			return nil, err
		default:
			old, _ := parseTime(updated)
			if io.updated.After(old) {
				if _, err := tx.ExecContext(ctx, `UPDATE own_items SET area_id = ?, statement = ?, guidance = ?, retired = ?,
					updated = ? WHERE id = ?`, io.j.Area, io.j.Statement, io.j.Guidance, io.j.Retired, fmtTime(io.updated), id); err != nil {
					return nil, err
				}
			}
		}
	}
	return later, nil
}

// applyReevaluations inserts the re-evaluations of assessment id that the
// database lacks (matched on uid). It returns, as [reevaluation uid,
// action uid], those it inserted whose action is neither found by actionID nor
// in the database yet: the action may come later in the file.
func applyReevaluations(ctx context.Context, tx querier, id int64, reevals []importReeval, actionID func(string) (int64, bool)) ([][2]string, error) {
	var later [][2]string
	for _, ir := range reevals {
		var action any
		if ir.j.Action != "" {
			if aid, ok := actionID(ir.j.Action); ok {
				action = aid
			} else {
				var aid int64
				err := tx.QueryRowContext(ctx, "SELECT id FROM actions WHERE uid = ?", ir.j.Action).Scan(&aid)
				if err == nil {
					action = aid
				} else if !errors.Is(err, sql.ErrNoRows) {
					return nil, err
				}
			}
		}
		r := ir.e.Risk
		res, err := tx.ExecContext(ctx, `INSERT INTO reevaluations (uid, assessment_id, area_id, item_id, action_id,
			evaluated_on, probability, consequence, level, serious, note, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING`,
			ir.j.UID, id, ir.area, ir.item, action, ir.e.On.String(), r.Probability, r.Consequence, r.Level.String(),
			b2i(r.Serious()), r.Note, fmtTime(ir.created))
		if err != nil {
			return nil, err
		}
		if n, _ := res.RowsAffected(); n == 1 && action == nil && ir.j.Action != "" {
			later = append(later, [2]string{ir.j.UID, ir.j.Action})
		}
	}
	return later, nil
}

// applyCarried links the carried risks of assessment id whose earlier
// answer exists.
func applyCarried(ctx context.Context, tx querier, id int64, carried []jsonCarried, origins map[string]int64) error {
	args := []any{id}
	flush := func() error {
		n := (len(args) - 1) / 3
		if n == 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, repeated(`INSERT OR IGNORE INTO carried_risks (assessment_id, from_assessment_id, area_id, item_id)
			SELECT ?1, v.column1, v.column2, v.column3 FROM (VALUES `, "(?, ?, ?)", `) v
			WHERE EXISTS (SELECT 1 FROM answers w WHERE w.assessment_id = v.column1 AND w.area_id = v.column2 AND w.item_id = v.column3)`, n),
			args...)
		args = args[:1]
		return err
	}
	for _, jc := range carried {
		origin, ok := origins[jc.Origin]
		if !ok {
			err := tx.QueryRowContext(ctx, "SELECT id FROM assessments WHERE uid = ?", jc.Origin).Scan(&origin)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return err
			}
		}
		args = append(args, origin, jc.Area, jc.Item)
		if len(args) > 3*rowsPerStatement {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// carriedLinksTo returns the carried-risk links of later assessments that
// point at answers of assessment id, so that replacing its answers on
// import can restore them.
func carriedLinksTo(ctx context.Context, tx querier, id int64) ([][4]any, error) {
	rows, err := tx.QueryContext(ctx, "SELECT assessment_id, from_assessment_id, area_id, item_id FROM carried_risks WHERE from_assessment_id = ?", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][4]any
	for rows.Next() {
		var a, f int64
		var area, item string
		if err := rows.Scan(&a, &f, &area, &item); err != nil {
			return nil, err
		}
		out = append(out, [4]any{a, f, area, item})
	}
	return out, rows.Err()
}

// restoreCarriedLinks puts back the links whose answer still exists.
func restoreCarriedLinks(ctx context.Context, tx querier, links [][4]any) error {
	for _, l := range links {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO carried_risks (assessment_id, from_assessment_id, area_id, item_id)
			SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM answers WHERE assessment_id = ?2 AND area_id = ?3 AND item_id = ?4)`,
			l[0], l[1], l[2], l[3]); err != nil {
			return err
		}
	}
	return nil
}

// applyYearPlans replaces, for each plan in the file, the unit's plan of
// that year.
func applyYearPlans(ctx context.Context, tx querier, plans []jsonYearPlan, now time.Time) (int, error) {
	created := 0
	for _, jp := range plans {
		unitID, _, isNew, err := ensureUnit(ctx, tx, jp.Unit, now)
		if err != nil {
			return created, err
		}
		if isNew {
			created++
		}
		p := checklist.YearPlan{UnitID: unitID, Year: jp.Year}
		for _, e := range jp.Areas {
			p.Entries = append(p.Entries, checklist.PlanEntry{AreaID: e.Area, Month: time.Month(e.Month)})
		}
		if err := saveYearPlan(ctx, tx, p); err != nil {
			return created, err
		}
	}
	return created, nil
}

// answerJSON converts one answer.
func answerJSON(r checklist.Response) jsonAnswer {
	jr := jsonAnswer{Area: r.AreaID, Item: r.ItemID, Answer: r.Answer.String(), Comment: r.Comment,
		Reason: r.Reason, AnsweredAt: fmtTime(r.AnsweredAt), Measures: r.Measures}
	if r.Risk != nil {
		jr.Risk = &jsonRisk{Probability: r.Risk.Probability, Consequence: r.Risk.Consequence,
			Level: r.Risk.Level.String(), Serious: r.Risk.Serious(), Note: r.Risk.Note}
	}
	return jr
}
