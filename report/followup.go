package report

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"samkoll/checklist"
)

// FollowupTemplate lays out the yearly follow-up of the SAM work.
const FollowupTemplate = "arsuppfoljning.md.tmpl"

// FollowupSource is what the yearly follow-up reads; *store.Store
// satisfies it.
type FollowupSource interface {
	// Units returns all units by name.
	Units(ctx context.Context) ([]checklist.Unit, error)
	// UnitAssessments returns the unit's assessments of a year, oldest
	// first, fully loaded.
	UnitAssessments(ctx context.Context, unitID int64, year int) ([]checklist.Assessment, error)
	// YearPlan returns the unit's plan for the year.
	YearPlan(ctx context.Context, unitID int64, year int) (checklist.YearPlan, error)
	// UnitReevaluations returns the re-evaluations made in the year.
	UnitReevaluations(ctx context.Context, unitID int64, year int) ([]checklist.Reevaluation, error)
	// PastAnswer returns the answer to item k at assessment id with its
	// re-evaluations; ok is false where there is none.
	PastAnswer(ctx context.Context, id int64, k checklist.ItemKey) (p checklist.PastResponse, ok bool, err error)
}

// FollowupData is what the follow-up template receives. Every string
// field holds escaped markdown; see docs/export-template.md.
type FollowupData struct {
	// Lang is "sv" or "en"; Today the export date; Year the year followed
	// up.
	Lang, Today string
	Year        int
	// Unit names the unit asked for, "" for all units.
	Unit string
	// Units are the units followed up, by name.
	Units []FollowupUnit
	// PersonalData names each place of the report's user text (a unit, a
	// meeting's participants, an own item, an overdue action, a note on a
	// re-evaluation) with what looks like a personnummer, masked.
	PersonalData []string
	// NoPersonalData reports a clean scan: only then may the report say
	// that it holds no names and no individual cases.
	NoPersonalData bool
}

// FollowupUnit is the follow-up of one unit's year.
type FollowupUnit struct {
	// Name is the unit's name.
	Name string
	// Meetings are the year's APTs, oldest first; SafetyRepMeetings
	// counts those the skyddsombud took part in.
	Meetings          []MeetingRow
	SafetyRepMeetings int
	// Areas are the core areas and the planned ones, with what was done.
	Areas []PlanRow
	// Risks counts the risks found in the year by level.
	Risks RiskCounts
	// Serious lists the risks judged allvarlig.
	Serious []RiskRow
	// Actions counts the year's actions.
	Actions ActionCounts
	// OverdueActions lists the open actions past their due date.
	OverdueActions []ActionRow
	// Reevaluations are the risks re-evaluated in the year, with the
	// change.
	Reevaluations []ReevalRow
	// Steps are the four steps of the active measures against
	// discrimination (Diskrimineringslagen 3 kap).
	Steps []StepRow
	// Improve are points the year's data suggests for next year; the
	// group adds its own.
	Improve []string
	// personal are the places of the unit's text with what looks like a
	// personnummer (FollowupData.PersonalData).
	personal []string
}

// MeetingRow is one APT of the year.
type MeetingRow struct {
	// Date is YYYY-MM-DD; Areas the area titles, joined; Participants the
	// roles present or "–"; SafetyRep "Ja"/"Nej".
	Date, Areas, Participants, SafetyRep string
	// Answered counts the items answered; Shortcomings the Delvis/Nej.
	Answered, Shortcomings int
}

// PlanRow is one area against the year plan.
type PlanRow struct {
	// Title is the area's title; Core marks a core area.
	Title string
	Core  bool
	// Planned is the planned month's name or "–"; Covered the dates it
	// was taken or "–"; State covered, due or overdue (core areas) or
	// "–".
	Planned, Covered, State string
}

// RiskCounts counts risks by level.
type RiskCounts struct {
	MycketHog, Hog, Medel, Lag, NotAssessed, Total int
}

// RiskRow is one risk.
type RiskRow struct {
	// Date is the meeting date; Area the area title; Item the item id;
	// Problem the problem phrasing; Level the level label.
	Date, Area, Item, Problem, Level string
	// Action says whether an action addresses it: "Ja"/"Nej".
	Action string
}

// ActionCounts counts the actions followed in the year.
type ActionCounts struct {
	// Decided: created at the year's APTs. Done: done in the year.
	// Checked: checked in the year; Effective those with effect "ja".
	// Open: still planerad or pågår; Overdue: of those, past their due
	// date. Struck: struken.
	Decided, Done, Checked, Effective, Open, Overdue, Struck int
}

// ReevalRow is one re-evaluation.
type ReevalRow struct {
	// Date is the re-evaluation date; Area and Item the item; Problem its
	// problem phrasing; From and To the levels; Arrow ↑ or ↓ ("→" if the
	// same); Note the note or "–".
	Date, Area, Item, Problem, From, To, Arrow, Note string
}

// StepRow is one step of the active measures.
type StepRow struct {
	// Title is the step; Answers the group's answers to the step's item
	// this year ("2026-02-10: Ja", joined) or "–"; Done what the year's
	// data shows for the step.
	Title, Answers, Done string
}

// discriminationArea and its four step items (Diskrimineringslagen 3 kap).
const discriminationArea = "diskriminering"

var discriminationSteps = []struct {
	item  string
	title checklist.Text
}{
	{"undersoka", checklist.Text{SV: "Steg 1: undersöka risker och hinder", EN: "Step 1: investigate risks and obstacles"}},
	{"analysera", checklist.Text{SV: "Steg 2: analysera orsaker", EN: "Step 2: analyse causes"}},
	{"atgarder-tidsplan", checklist.Text{SV: "Steg 3: åtgärda med tidsplan", EN: "Step 3: take time-planned measures"}},
	{"folja-upp", checklist.Text{SV: "Steg 4: följa upp och utvärdera", EN: "Step 4: follow up and evaluate"}},
}

// Followup writes the yearly follow-up (AFS 2023:1 14 §) of the unit named
// unit, or of every unit with an APT in the year when unit is "", through
// the template FollowupTemplate (or opt.Template). An unknown unit is a
// *checklist.ValueError.
func Followup(ctx context.Context, w io.Writer, src FollowupSource, unit string, year int, cat *checklist.Catalog, opt Options) error {
	d, err := BuildFollowup(ctx, src, unit, year, cat, opt)
	if err != nil {
		return err
	}
	return render(w, FollowupTemplate, d, opt)
}

// BuildFollowup builds the template data of Followup.
func BuildFollowup(ctx context.Context, src FollowupSource, unit string, year int, cat *checklist.Catalog, opt Options) (FollowupData, error) {
	lang := opt.lang()
	d := FollowupData{Lang: string(lang), Today: opt.Today.String(), Year: year, Unit: Inline(strings.TrimSpace(unit))}
	units, err := src.Units(ctx)
	if err != nil {
		return d, err
	}
	found := false
	for _, u := range units {
		if unit != "" && !strings.EqualFold(strings.TrimSpace(unit), strings.TrimSpace(u.Name)) {
			continue
		}
		found = true
		fu, ok, err := followupUnit(ctx, src, u, year, cat, opt)
		if err != nil {
			return d, err
		}
		if ok || unit != "" {
			d.Units = append(d.Units, fu)
			d.PersonalData = append(d.PersonalData, fu.personal...)
		}
	}
	d.NoPersonalData = len(d.PersonalData) == 0
	if unit != "" && !found {
		return d, checklist.Errorf("det finns ingen enhet som heter %q", "there is no unit called %q", strings.TrimSpace(unit))
	}
	return d, nil
}

func followupUnit(ctx context.Context, src FollowupSource, u checklist.Unit, year int, cat *checklist.Catalog, opt Options) (FollowupUnit, bool, error) {
	lang := opt.lang()
	fu := FollowupUnit{Name: Inline(u.Name)}
	as, err := src.UnitAssessments(ctx, u.ID, year)
	if err != nil {
		return fu, false, err
	}
	plan, err := src.YearPlan(ctx, u.ID, year)
	if err != nil {
		return fu, false, err
	}
	reevals, err := src.UnitReevaluations(ctx, u.ID, year)
	if err != nil {
		return fu, false, err
	}
	yes, no := checklist.Text{SV: "Ja", EN: "Yes"}.In(lang), checklist.Text{SV: "Nej", EN: "No"}.In(lang)
	label := func(sv, en string) string { return checklist.Text{SV: sv, EN: en}.In(lang) }
	// scan notes a place whose text looks like it holds a personnummer,
	// once, as "Avd 7, APT 2026-03-10: deltagare".
	unitName := maskPersonnummer(oneLine(u.Name))
	seen := map[string]bool{}
	note := func(where, field string) {
		if f := Inline(Finding{unitName + where, field}.String()); !seen[f] {
			seen[f] = true
			fu.personal = append(fu.personal, f)
		}
	}
	scan := func(text, where, field string) {
		if checklist.ContainsPersonnummer(text) {
			note(where, field)
		}
	}
	scan(u.Name, "", label("enhet", "unit"))
	areaTitle := func(id string) string {
		if id == checklist.OwnArea {
			return Inline(checklist.OwnAreaTitle.In(lang))
		}
		if a := lookupArea(cat, id); a != nil {
			return Inline(a.Title.In(lang))
		}
		return Inline(id)
	}
	// itemNumber is "punkt 3", the item's number in its area as the app
	// shows it (own items after the checklist's), never its id.
	itemNumber := func(a *checklist.Assessment, k checklist.ItemKey) string {
		c := cat
		if a != nil {
			c = cat.WithOwnItems(a.OwnItems)
		}
		_, n := lookupItemNumber(lookupArea(c, k.AreaID), k.ItemID)
		return itemRef(n, lang)
	}
	problem := func(a *checklist.Assessment, k checklist.ItemKey) string {
		if o, ok := a.OwnItem(k.AreaID, k.ItemID); ok {
			p := o.Item().Problem.In(lang)
			scan(p, ", "+itemPlace(cat, k.AreaID, k.ItemID, lang), label("egen punkt", "own item"))
			return Inline(p)
		}
		if it, ok := lookupItem(lookupArea(cat, k.AreaID), k.ItemID); ok {
			return Inline(it.Problem.In(lang))
		}
		return Inline(k.ItemID)
	}

	// Meetings, and the dates each area was taken.
	covered := map[string][]checklist.Date{}
	ids := map[int64]bool{}
	for i := range as {
		a := &as[i]
		ids[a.ID] = true
		var titles []string
		for _, ref := range a.Areas {
			titles = append(titles, areaTitle(ref.ID))
			covered[ref.ID] = append(covered[ref.ID], a.Date)
		}
		m := MeetingRow{Date: a.Date.String(), Areas: strings.Join(titles, ", "), Participants: Cell(a.Participants), SafetyRep: no}
		scan(a.Participants, ", "+label("APT ", "meeting of ")+a.Date.String(), label("deltagare", "participants"))
		if a.SafetyRepPresent {
			m.SafetyRep = yes
			fu.SafetyRepMeetings++
		}
		for _, r := range a.Responses {
			if r.Answer != checklist.Unanswered {
				m.Answered++
			}
			if r.Answer.IsShortcoming() {
				m.Shortcomings++
			}
		}
		fu.Meetings = append(fu.Meetings, m)
	}

	// Areas against the plan: the core areas, then the other planned or
	// covered areas.
	var areaIDs []string
	core := map[string]bool{}
	if cat != nil {
		for _, id := range cat.CoreAreaIDs() {
			areaIDs = append(areaIDs, id)
			core[id] = true
		}
	}
	for _, e := range plan.Entries {
		if !slices.Contains(areaIDs, e.AreaID) {
			areaIDs = append(areaIDs, e.AreaID)
		}
	}
	for i := range as {
		for _, ref := range as[i].Areas {
			if !slices.Contains(areaIDs, ref.ID) {
				areaIDs = append(areaIDs, ref.ID)
			}
		}
	}
	states := checklist.CoreAreaStates(areaIDs, year, plan, covered, opt.Today)
	for _, st := range states {
		row := PlanRow{Title: areaTitle(st.AreaID), Core: core[st.AreaID], Planned: "–", Covered: "–", State: "–"}
		if st.Planned != 0 {
			row.Planned = monthName(st.Planned, lang)
		}
		var dates []string
		for _, dt := range covered[st.AreaID] {
			dates = append(dates, dt.String())
		}
		if len(dates) > 0 {
			row.Covered = strings.Join(dates, ", ")
		}
		if row.Core || st.Planned != 0 {
			row.State = st.State.Label(lang)
		}
		fu.Areas = append(fu.Areas, row)
	}

	// Risks found, and the actions followed.
	actions := map[int64]checklist.Action{}
	var actionOrder []int64
	addressed := map[checklist.ItemKey]bool{}
	for i := range as {
		for _, x := range as[i].Actions {
			if _, ok := actions[x.ID]; !ok {
				actionOrder = append(actionOrder, x.ID)
			}
			actions[x.ID] = x
			if x.AreaID != "" {
				addressed[checklist.ItemKey{AreaID: x.AreaID, ItemID: x.ItemID}] = true
			}
		}
	}
	for i := range as {
		a := &as[i]
		for _, r := range sortedResponses(a.Responses) {
			if !r.Answer.IsShortcoming() {
				continue
			}
			fu.Risks.Total++
			level := checklist.NoLevel
			if r.Risk != nil {
				level = r.Risk.Level
			}
			switch level {
			case checklist.MycketHog:
				fu.Risks.MycketHog++
			case checklist.Hog:
				fu.Risks.Hog++
			case checklist.Medel:
				fu.Risks.Medel++
			case checklist.Lag:
				fu.Risks.Lag++
			default:
				fu.Risks.NotAssessed++
			}
			if level.Serious() {
				row := RiskRow{Date: a.Date.String(), Area: areaTitle(r.AreaID), Item: itemNumber(a, r.Key()),
					Problem: problem(a, r.Key()), Level: level.Label(lang), Action: no}
				if row.Problem == Inline(r.ItemID) {
					row.Problem = "–" // an item the checklists no longer have: its id says nothing to a reader
				}
				if addressed[r.Key()] {
					row.Action = yes
				}
				fu.Serious = append(fu.Serious, row)
			}
		}
	}
	yearEnd := checklist.Date{Year: year + 1, Month: time.January, Day: 1}
	ref := opt.Today
	if ref.IsZero() || yearEnd.Before(ref) {
		ref = yearEnd
	}
	for _, id := range actionOrder {
		x := actions[id]
		inYear := func(dt checklist.Date) bool { return dt.Year == year }
		if ids[x.AssessmentID] {
			fu.Actions.Decided++
		}
		if x.Status == checklist.Klar && inYear(x.DoneOn) {
			fu.Actions.Done++
		}
		if inYear(x.CheckedOn) {
			fu.Actions.Checked++
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(x.Effect)), "ja") {
				fu.Actions.Effective++
			}
		}
		if x.Status == checklist.Struken {
			fu.Actions.Struck++
		}
		if x.Status.Open() {
			fu.Actions.Open++
			if x.Overdue(ref) {
				fu.Actions.Overdue++
				fu.OverdueActions = append(fu.OverdueActions, withArea(actionRow(x, x.RiskLevel, cat, ref, lang, markdownFormat), areaTitle(x.AreaID)))
				for _, f := range actionFindings(x, cat, lang) {
					note(", "+f.Where, f.Field)
				}
			}
		}
	}

	// Re-evaluations, with the level before each: the answer's, or the
	// re-evaluation's before it.
	type answerAt struct {
		id int64
		k  checklist.ItemKey
	}
	type pastAnswer struct {
		p  checklist.PastResponse
		ok bool
	}
	answers := map[answerAt]pastAnswer{}
	for _, e := range reevals {
		k := e.Key()
		a, seen := answers[answerAt{e.AssessmentID, k}]
		if !seen {
			if a.p, a.ok, err = src.PastAnswer(ctx, e.AssessmentID, k); err != nil {
				return fu, false, err
			}
			answers[answerAt{e.AssessmentID, k}] = a
		}
		from := checklist.NoLevel
		prob := Inline(k.ItemID)
		if a.ok {
			if a.p.Response.Risk != nil {
				from = a.p.Response.Risk.Level
			}
			for _, prev := range a.p.Reevaluations {
				if prev.ID == e.ID {
					break
				}
				from = prev.Risk.Level
			}
		}
		var evaluated *checklist.Assessment // the meeting whose answer was re-evaluated, or one with the own item
		for i := range as {
			if p := problem(&as[i], k); p != Inline(k.ItemID) {
				prob = p
				if _, own := as[i].OwnItem(k.AreaID, k.ItemID); own && evaluated == nil {
					evaluated = &as[i]
				}
				break
			}
		}
		for i := range as {
			if as[i].ID == e.AssessmentID {
				evaluated = &as[i]
			}
		}
		if prob == Inline(k.ItemID) {
			if it, ok := lookupItem(lookupArea(cat, k.AreaID), k.ItemID); ok {
				prob = Inline(it.Problem.In(lang))
			}
		}
		if prob == Inline(k.ItemID) {
			prob = "–"
		}
		arrow := "→"
		switch {
		case e.Risk.Level > from:
			arrow = "↑"
		case e.Risk.Level < from:
			arrow = "↓"
		}
		fu.Reevaluations = append(fu.Reevaluations, ReevalRow{Date: e.On.String(), Area: areaTitle(k.AreaID),
			Item: itemNumber(evaluated, k), Problem: prob, From: from.Label(lang), To: e.Risk.Level.Label(lang), Arrow: arrow,
			Note: Cell(e.Risk.Note)})
		scan(e.Risk.Note, ", "+itemPlace(cat, k.AreaID, k.ItemID, lang)+", "+label("omvärdering ", "re-evaluation of ")+e.On.String(),
			label("anteckning", "note"))
	}

	// The four steps of the active measures.
	fu.Steps = discriminationStepRows(as, actions, reevals, year, lang)

	// What to improve next year, from the data.
	tr := func(sv, en string, args ...any) string { return Inline(checklist.Textf(sv, en, args...).In(lang)) }
	for _, st := range states {
		if core[st.AreaID] && st.State != checklist.CoreCovered {
			fu.Improve = append(fu.Improve, tr("Kärnområdet %s togs inte upp på någon APT.", "The core area %s was not taken at any APT.",
				areaTitle(st.AreaID)))
		}
	}
	if n := unresolvedSerious(as); n > 0 {
		fu.Improve = append(fu.Improve, tr("%d allvarliga risker står kvar utan åtgärd eller ny bedömning.",
			"%d serious risks remain without an action or a new evaluation.", n))
	}
	if fu.Actions.Overdue > 0 {
		fu.Improve = append(fu.Improve, tr("%d åtgärder är försenade.", "%d actions are overdue.", fu.Actions.Overdue))
	}
	if len(as) > 0 && fu.SafetyRepMeetings < len(as) {
		fu.Improve = append(fu.Improve, tr("Skyddsombudet deltog i %d av %d APT.", "The safety representative took part in %d of %d APTs.",
			fu.SafetyRepMeetings, len(as)))
	}
	return fu, len(as) > 0 || len(reevals) > 0, nil
}

// unresolvedSerious counts the items whose latest answer of the year, or a
// risk carried into the year's last meeting, is serious and has no action.
func unresolvedSerious(as []checklist.Assessment) int {
	if len(as) == 0 {
		return 0
	}
	type state struct {
		serious, acted bool
	}
	latest := map[checklist.ItemKey]state{}
	acted := map[checklist.ItemKey]bool{}
	for i := range as {
		a := &as[i]
		for _, x := range a.Actions {
			if x.AreaID != "" {
				acted[checklist.ItemKey{AreaID: x.AreaID, ItemID: x.ItemID}] = true
			}
		}
		for _, c := range a.CarriedRisks {
			if _, seen := latest[c.Response.Key()]; !seen {
				latest[c.Response.Key()] = state{serious: c.Level().Serious()}
			}
		}
		for k, r := range a.Responses {
			if r.Answer != checklist.Unanswered {
				latest[k] = state{serious: r.Answer.IsShortcoming() && a.CurrentLevel(k).Serious()}
			}
		}
	}
	n := 0
	for k, st := range latest {
		if st.serious && !acted[k] {
			n++
		}
	}
	return n
}

// discriminationStepRows describes what the year's data shows for each of
// the four steps.
func discriminationStepRows(as []checklist.Assessment, actions map[int64]checklist.Action, reevals []checklist.Reevaluation, year int, lang checklist.Lang) []StepRow {
	var meetings []string
	answered, risks, serious := 0, 0, 0
	for i := range as {
		a := &as[i]
		took := false
		for _, ref := range a.Areas {
			if ref.ID == discriminationArea {
				took = true
			}
		}
		if took {
			meetings = append(meetings, a.Date.String())
		}
		for k, r := range a.Responses {
			if k.AreaID != discriminationArea {
				continue
			}
			if r.Answer != checklist.Unanswered {
				answered++
			}
			if r.Answer.IsShortcoming() && r.Risk != nil {
				risks++
				if r.Risk.Serious() {
					serious++
				}
			}
		}
	}
	decided, done, checked, effective := 0, 0, 0, 0
	for _, x := range actions {
		if x.AreaID != discriminationArea {
			continue
		}
		for i := range as {
			if as[i].ID == x.AssessmentID {
				decided++
			}
		}
		if x.Status == checklist.Klar && x.DoneOn.Year == year {
			done++
		}
		if x.CheckedOn.Year == year {
			checked++
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(x.Effect)), "ja") {
				effective++
			}
		}
	}
	reeval := 0
	for _, e := range reevals {
		if e.AreaID == discriminationArea {
			reeval++
		}
	}
	took := checklist.Text{SV: "området togs inte upp i år", EN: "the area was not taken this year"}.In(lang)
	if len(meetings) > 0 {
		took = checklist.Textf("området togs upp på %d APT (%s), %d punkter besvarade",
			"the area was taken at %d APT (%s), %d items answered", len(meetings), strings.Join(meetings, ", "), answered).In(lang)
	}
	done4 := []string{
		took,
		checklist.Textf("%d risker bedömda, varav %d allvarliga", "%d risks evaluated, %d of them serious", risks, serious).In(lang),
		checklist.Textf("%d åtgärder beslutade, %d klara", "%d actions decided, %d done", decided, done).In(lang),
		checklist.Textf("%d åtgärder kontrollerade (%d med effekt), %d risker omvärderade",
			"%d actions checked (%d effective), %d risks re-evaluated", checked, effective, reeval).In(lang),
	}
	var out []StepRow
	for i, st := range discriminationSteps {
		var ans []string
		for j := range as {
			if r, ok := as[j].Responses[checklist.ItemKey{AreaID: discriminationArea, ItemID: st.item}]; ok && r.Answer != checklist.Unanswered {
				ans = append(ans, fmt.Sprintf("%s: %s", as[j].Date, r.Answer.Label(lang)))
			}
		}
		row := StepRow{Title: Inline(st.title.In(lang)), Answers: "–", Done: Inline(done4[i])}
		if len(ans) > 0 {
			row.Answers = strings.Join(ans, ", ")
		}
		out = append(out, row)
	}
	return out
}

// sortedResponses returns the responses by area, then item in natural
// order.
func sortedResponses(m map[checklist.ItemKey]checklist.Response) []checklist.Response {
	out := make([]checklist.Response, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	// sort, not slices: a generic sort copies the sorting code into the
	// binary once per element type (docs/performance.md, "Binary size").
	order := func(a, b checklist.Response) int {
		if c := strings.Compare(a.AreaID, b.AreaID); c != 0 {
			return c
		}
		return strings.Compare(a.ItemID, b.ItemID)
	}
	sort.Slice(out, func(i, j int) bool { return order(out[i], out[j]) < 0 })
	return out
}

var monthNames = [13]checklist.Text{{}, {SV: "januari", EN: "January"}, {SV: "februari", EN: "February"},
	{SV: "mars", EN: "March"}, {SV: "april", EN: "April"}, {SV: "maj", EN: "May"}, {SV: "juni", EN: "June"},
	{SV: "juli", EN: "July"}, {SV: "augusti", EN: "August"}, {SV: "september", EN: "September"},
	{SV: "oktober", EN: "October"}, {SV: "november", EN: "November"}, {SV: "december", EN: "December"}}

// monthName returns the month's name in lang.
func monthName(m time.Month, lang checklist.Lang) string {
	if m < 1 || m > 12 {
		return "–"
	}
	return monthNames[m].In(lang)
}

// withArea returns row with its area title set to area.
func withArea(row ActionRow, area string) ActionRow {
	if row.areaID != "" {
		row.Area = area
	}
	return row
}
