// Package report writes samkoll's markdown exports: the action plan of one
// assessment, as an appendix to the APT minutes, and the unfinished actions
// of one or all units.
//
// The layout is a text/template (assets/templates), which an organisation
// can replace with its own file. Every piece of user text reaches the
// template already escaped (see Inline and Cell), so a template cannot
// forget to escape it. The output depends only on the data and Options:
// the same data gives byte-identical markdown.
//
// The package imports only the standard library, samkoll/checklist and
// samkoll/assets.
package report

import (
	"html"
	"io"
	"sort"
	"strconv"
	"strings"

	"samkoll/checklist"
)

// Options control an export.
type Options struct {
	// Lang is the language of the labels and of the checklist texts;
	// empty means Swedish.
	Lang checklist.Lang
	// Today is the export date, used to flag overdue actions and printed in
	// the header. The report never reads the clock.
	Today checklist.Date
	// Template is the path of an organisation's own template file; "" uses
	// the built-in one.
	Template string
	// Warn, if set, receives a *TemplateError when Template cannot be used;
	// the export then falls back to the built-in template.
	Warn func(error)
	// Origins describes, by action id, where carried-over actions come
	// from: the meeting date of the assessment where each was created and
	// the risk level its item got there. The level is used when the item
	// has no evaluated answer in the exported assessment.
	Origins map[int64]Origin
	// Previous holds the unit's previous answer to each item (from the
	// store's PreviousResponses), for the section "Sedan förra APT"; nil
	// leaves it out.
	Previous map[checklist.ItemKey]checklist.PastResponse
	// HadPrevious reports that the unit had an earlier APT when Previous
	// holds only the items this one answered (and may be empty).
	HadPrevious bool
	// Unit names the unit that OpenActions rows were selected for; ""
	// means all units.
	Unit string
	// Short asks for the extract for the minutes only, without the full
	// plan as its appendix.
	Short bool
}

// Origin is the assessment where a carried-over action was created.
type Origin struct {
	// Date is that assessment's meeting date.
	Date checklist.Date
	// Level is the risk level the action's item got there, or NoLevel.
	Level checklist.Level
}

func (o Options) lang() checklist.Lang {
	if o.Lang == checklist.English {
		return checklist.English
	}
	return checklist.Swedish
}

// PlanData is what the handlingsplan template receives. Every string field
// holds escaped markdown; see docs/export-template.md.
type PlanData struct {
	// Lang is "sv" or "en".
	Lang string
	// Today is the export date, YYYY-MM-DD.
	Today string
	// Unit is the unit's name.
	Unit string
	// Date is the meeting date, YYYY-MM-DD.
	Date string
	// Participants are the roles present, as entered ("" if none).
	Participants string
	// SafetyRepPresent is whether the skyddsombud took part.
	SafetyRepPresent bool
	// Status is pågående or avslutad, as a label.
	Status string
	// Areas are the areas covered, in the order chosen, with answer counts.
	Areas []AreaRow
	// Total sums the counts of all areas.
	Total AreaRow
	// Actions are the assessment's own actions, most serious level first,
	// then by due date (undated last).
	Actions []ActionRow
	// CarriedOver are unfinished actions from earlier assessments, sorted
	// the same way.
	CarriedOver []ActionRow
	// Serious are the risks judged allvarlig, with their actions.
	Serious []SeriousRow
	// Shortcomings are the items answered Nej or Delvis, in checklist order.
	Shortcomings []ItemRow
	// NotApplicable are the items answered Ej aktuellt, with reasons.
	NotApplicable []ItemRow
	// Expired counts the answers to items the checklists no longer have:
	// listed among the shortcomings and not applicable, never counted in
	// Areas or Total.
	Expired int
	// HasPrevious reports that the unit had an earlier APT to compare
	// with; SinceLast lists the items that moved since then ("Sedan förra
	// APT"): answers that changed, risks that rose or fell, shortcomings
	// then that are Ja now, new shortcomings.
	HasPrevious bool
	SinceLast   []ChangeRow
	// Unresolved are the risks of earlier APTs carried to this one
	// without an action or a risk evaluation ("Från tidigare APT, utan
	// åtgärd").
	Unresolved []UnresolvedRow
	// Overdue counts the open actions, own and carried over, past their due
	// date.
	Overdue int
	// Short is set when only the extract for the minutes is wanted; the
	// built-in template then leaves out the full plan.
	Short bool
	// PersonalData names, in the export language, each place in the user
	// text where a likely personnummer was found ("Område, punkt 2:
	// kommentar"); empty when the scan was clean.
	PersonalData []string
	// NoPersonalData reports a clean scan: only then may the export say
	// that it holds no names and no individual cases.
	NoPersonalData bool
}

// AreaRow is one area covered by an assessment, with its answer counts.
type AreaRow struct {
	// ID is the area id; Title its name (the id if the area is no longer
	// loaded).
	ID, Title string
	// Version is the area version the assessment used.
	Version int
	// Changed reports that the loaded area differs from the version used,
	// so the statements shown may be worded differently.
	Changed bool
	// Ja, Delvis, Nej and EjAktuellt count the answers; Unanswered the
	// items without an answer; Items all items.
	Ja, Delvis, Nej, EjAktuellt, Unanswered, Items int
}

// ActionRow is one row of a handlingsplan. Text fields are table cells:
// escaped, and "–" when empty.
type ActionRow struct {
	// Unit is the unit's name (open-actions export only).
	Unit string
	// Risk is the problem the action addresses.
	Risk string
	// What is the measure; Who the responsible role or person.
	What, Who string
	// Due is "klart senast", YYYY-MM-DD or "–".
	Due string
	// Status is the status label.
	Status string
	// Overdue reports an open action past its due date.
	Overdue bool
	// StatusText is Status with " (försenad)" added when Overdue: the
	// Status cell of the built-in templates.
	StatusText string
	// SeriousText is the Allvarlig cell of the built-in templates:
	// "**Ja** (Hög)", "Nej (Medel)", or "–" when not evaluated.
	SeriousText string
	// Level is the risk level label, or "" when the risk was not evaluated
	// (or the action is free-standing).
	Level string
	// IsSerious reports an allvarlig risk (hög or mycket hög).
	IsSerious bool
	// Escalation says who decides, as a label.
	Escalation string
	// Area is the linked item's area title and Item the item's number in
	// the area as the app shows it ("punkt 3"); both "" for a
	// free-standing action.
	Area, Item string
	// FollowUp sums up what happened to the action after it was planned:
	// done date, check date with the effect, and escalation when the APT
	// does not decide, e.g. "klar 2026-03-10; kontrollerad 2026-04-02,
	// effekt: fungerar; eskaleras till samverkansgrupp". A cell: "–" when
	// there is nothing yet.
	FollowUp string
	// From is the meeting date of the assessment where the action was
	// created, YYYY-MM-DD.
	From string
	// DoneOn and CheckedOn are dates or "–"; Effect is the recorded effect
	// or "–".
	DoneOn, CheckedOn, Effect string

	// areaID and itemID are the raw link, for grouping; level for sorting.
	areaID, itemID string
	level          checklist.Level
}

// ItemRow is one answered item.
type ItemRow struct {
	// AreaID and Area are the area's id and title; ItemID the item's id in
	// the checklist file. The ids are keys for a template, not text for
	// people: show Item instead.
	AreaID, Area, ItemID string
	// Number is the item's number in its area as the app shows it, from 1;
	// 0 for an item the loaded checklist no longer has. Item is the same as
	// text, "punkt 3" ("item 3"), or says that the item is no longer in
	// the checklist.
	Number int
	Item   string
	// Statement is the affirmative statement; Problem its problem phrasing.
	Statement, Problem string
	// Answer is the answer label.
	Answer string
	// Level is the risk level label ("" when not evaluated); IsSerious
	// reports an allvarlig risk.
	Level     string
	IsSerious bool
	// Probability and Consequence are 1–4, or 0 when not set.
	Probability, Consequence int
	// LevelText describes the evaluation in one phrase, e.g. "Hög –
	// **allvarlig risk** (sannolikhet 3 × konsekvens 3)" or "ej bedömd".
	LevelText string
	// Note explains the risk evaluation.
	Note string
	// Comment is the group's comment; Reason the Ej aktuellt reason.
	Comment, Reason string
	// Actions counts the actions, own and carried over, linked to the item.
	Actions int
}

// SeriousRow is one risk judged allvarlig.
type SeriousRow struct {
	// Level is the level label; Risk the problem.
	Level, Risk string
	// Area and Item locate the item ("punkt 3"); both "" for a
	// free-standing action.
	Area, Item string
	// CarriedOver is set for a risk from an earlier assessment; From is
	// then that meeting's date.
	CarriedOver bool
	From        string
	// Actions are the actions that address the risk.
	Actions []ActionRow

	rank checklist.Level
}

// Assessment writes the markdown action plan of a to w. cat supplies area
// titles and item texts; it may be nil, and areas or items missing from it
// are shown by id. With opt.Short only the extract for the minutes is
// written.
func Assessment(w io.Writer, a checklist.Assessment, cat *checklist.Catalog, opt Options) error {
	return render(w, PlanTemplate, Plan(a, cat, opt), opt)
}

// format is how user text becomes text of one output format: escaped
// markdown or escaped HTML.
type format struct {
	// inline makes text one safe line; cell does the same and gives "–"
	// for empty text.
	inline, cell func(string) string
	// strong marks a few words as important.
	strong func(string) string
}

// markdownFormat escapes for markdown.
var markdownFormat = &format{inline: Inline, cell: Cell, strong: func(s string) string { return "**" + s + "**" }}

// htmlFormat escapes for HTML text and quoted attribute values: text is
// sanitized, made one line and has < > & ' " escaped.
var htmlFormat = &format{inline: HTMLText, cell: HTMLCell, strong: func(s string) string { return "<strong>" + s + "</strong>" }}

// HTMLText turns user text into one line of HTML that shows the text itself
// and nothing else: sanitized, line breaks and runs of spaces made one
// space, and < > & ' " escaped, so that it is safe as element content and
// inside a quoted attribute value.
func HTMLText(s string) string { return html.EscapeString(oneLine(s)) }

// HTMLCell is HTMLText for a table cell: "–" for empty text.
func HTMLCell(s string) string { return html.EscapeString(plainCell(s)) }

// oneLine is s sanitized, with its lines and runs of spaces joined by one
// space.
func oneLine(s string) string {
	if isPlain(s) {
		return s
	}
	return strings.Join(strings.Fields(checklist.Sanitize(s)), " ")
}

// plainCell is oneLine, and "–" for empty text.
func plainCell(s string) string {
	if s = oneLine(s); s == "" {
		return "–"
	}
	return s
}

// Plan builds the template data of Assessment. It is exported for
// documentation and tests.
func Plan(a checklist.Assessment, cat *checklist.Catalog, opt Options) PlanData {
	return plan(a, cat, opt, markdownFormat)
}

// plan builds the data of the plan of a with text in format f.
func plan(a checklist.Assessment, cat *checklist.Catalog, opt Options, f *format) PlanData {
	lang := opt.lang()
	cat = cat.WithOwnItems(a.OwnItems)
	meetingDate := a.Date.String()
	d := PlanData{
		Lang:             string(lang),
		Today:            opt.Today.String(),
		Unit:             f.inline(a.Unit),
		Date:             meetingDate,
		Participants:     f.inline(a.Participants),
		SafetyRepPresent: a.SafetyRepPresent,
		Status:           a.Status.Label(lang),
		Short:            opt.Short,
	}
	for _, fd := range PersonalData(a, cat, lang) {
		d.PersonalData = append(d.PersonalData, f.inline(fd.String()))
	}
	d.NoPersonalData = len(d.PersonalData) == 0
	short, na := 0, 0
	for _, r := range a.Responses {
		switch r.Answer {
		case checklist.Delvis, checklist.Nej:
			short++
		case checklist.EjAktuellt:
			na++
		}
	}
	d.Shortcomings = make([]ItemRow, 0, short)
	if na > 0 {
		d.NotApplicable = make([]ItemRow, 0, na)
	}
	linked := map[checklist.ItemKey]int{}
	for _, x := range a.Actions {
		if x.AreaID != "" {
			linked[checklist.ItemKey{AreaID: x.AreaID, ItemID: x.ItemID}]++
		}
	}
	titles := map[string]string{}
	for _, ref := range withOwnArea(a) {
		area := lookupArea(cat, ref.ID)
		row := AreaRow{ID: f.inline(ref.ID), Title: f.inline(ref.ID), Version: ref.Version}
		if area != nil {
			row.Title = f.inline(area.Title.In(lang))
			row.Changed = area.Version != ref.Version || (ref.Hash != "" && area.Hash != "" && ref.Hash != area.Hash)
		}
		titles[ref.ID] = row.Title
		for _, r := range areaResponses(a.Responses, ref.ID, area) {
			it, num := lookupItemNumber(area, r.ItemID)
			if r.Answer == checklist.Unanswered {
				continue
			}
			// An answer to an item the checklists no longer have is
			// listed as such and not counted, as in the app.
			switch {
			case it == nil:
				d.Expired++
			case r.Answer == checklist.Ja:
				row.Ja++
			case r.Answer == checklist.Delvis:
				row.Delvis++
			case r.Answer == checklist.Nej:
				row.Nej++
			case r.Answer == checklist.EjAktuellt:
				row.EjAktuellt++
			}
			if r.Answer == checklist.Ja {
				continue
			}
			ir := itemRow(r, it, num, row.Title, lang, f)
			ir.Actions = linked[r.Key()]
			if r.Answer == checklist.EjAktuellt {
				d.NotApplicable = append(d.NotApplicable, ir)
			} else {
				d.Shortcomings = append(d.Shortcomings, ir)
			}
		}
		answered := row.Ja + row.Delvis + row.Nej + row.EjAktuellt
		row.Items = answered
		if area != nil && len(area.Items) > answered {
			row.Items = len(area.Items)
		}
		row.Unanswered = row.Items - answered
		d.Areas = append(d.Areas, row)
		d.Total.Ja += row.Ja
		d.Total.Delvis += row.Delvis
		d.Total.Nej += row.Nej
		d.Total.EjAktuellt += row.EjAktuellt
		d.Total.Unanswered += row.Unanswered
		d.Total.Items += row.Items
	}

	// Rows are built once, in a.Actions order; the sorted lists and the
	// per-item lists refer to them by index, so the large rows are not
	// copied while sorting.
	rows := make([]ActionRow, len(a.Actions))
	type ranked struct {
		level checklist.Level
		due   checklist.Date
		seq   int
	}
	own := make([]ranked, 0, len(a.Actions))
	var carried []ranked
	byItem := make(map[checklist.ItemKey][]int, len(a.Actions))
	for i, x := range a.Actions {
		level := checklist.NoLevel
		if r, ok := a.Responses[checklist.ItemKey{AreaID: x.AreaID, ItemID: x.ItemID}]; ok && x.AreaID != "" && r.Risk != nil {
			level = r.Risk.Level
		} else if o, ok := opt.Origins[x.ID]; ok {
			level = o.Level
		}
		row := &rows[i]
		*row = actionRow(x, level, cat, opt.Today, lang, f)
		if t := titles[x.AreaID]; t != "" {
			row.Area = t
		}
		if a.CarriedOver(x) {
			row.From = f.cell(opt.Origins[x.ID].Date.String())
			carried = append(carried, ranked{level, x.Due, i})
		} else {
			row.From = meetingDate
			own = append(own, ranked{level, x.Due, i})
		}
		if row.Overdue {
			d.Overdue++
		}
		if x.AreaID != "" {
			k := checklist.ItemKey{AreaID: x.AreaID, ItemID: x.ItemID}
			byItem[k] = append(byItem[k], i)
		}
	}
	sortRanked := func(rs []ranked) []ActionRow {
		sort.SliceStable(rs, func(i, j int) bool {
			if rs[i].level != rs[j].level {
				return rs[i].level > rs[j].level
			}
			if c := compareDue(rs[i].due, rs[j].due); c != 0 {
				return c < 0
			}
			return rs[i].seq < rs[j].seq
		})
		out := make([]ActionRow, len(rs))
		for i, r := range rs {
			out[i] = rows[r.seq]
		}
		return out
	}
	d.Actions = sortRanked(own)
	d.CarriedOver = sortRanked(carried)
	itemActions := func(k checklist.ItemKey) []ActionRow {
		idx := byItem[k]
		if len(idx) == 0 {
			return nil
		}
		out := make([]ActionRow, len(idx))
		for i, j := range idx {
			out[i] = rows[j]
		}
		return out
	}

	listed := map[checklist.ItemKey]bool{}
	for _, ir := range d.Shortcomings {
		if !ir.IsSerious {
			continue
		}
		k := checklist.ItemKey{AreaID: ir.AreaID, ItemID: ir.ItemID}
		listed[k] = true
		d.Serious = append(d.Serious, SeriousRow{
			Level: ir.Level, Risk: ir.Problem, Area: ir.Area, Item: ir.Item, Actions: itemActions(k),
			rank: a.Responses[k].Risk.Level,
		})
	}
	for _, row := range d.CarriedOver {
		k := checklist.ItemKey{AreaID: row.areaID, ItemID: row.itemID}
		if !row.IsSerious || (row.areaID != "" && listed[k]) {
			continue
		}
		d.Serious = append(d.Serious, SeriousRow{
			Level: row.Level, Risk: row.Risk, Area: row.Area, Item: row.Item,
			CarriedOver: true, From: row.From, Actions: []ActionRow{row}, rank: row.level,
		})
	}
	var carriedSerious []SeriousRow
	d.SinceLast, d.Unresolved, carriedSerious = cycleRows(a, cat, opt, f)
	d.HasPrevious = len(opt.Previous) > 0 || opt.HadPrevious
	d.Serious = append(d.Serious, carriedSerious...)
	// Most serious first; within a level, the order above: this meeting's
	// items in checklist order, then carried-over risks.
	sort.SliceStable(d.Serious, func(i, j int) bool { return d.Serious[i].rank > d.Serious[j].rank })
	return d
}

// itemRow builds the row of an answered item; num is its number in the
// area, 0 when the checklist no longer has it.
func itemRow(r checklist.Response, it *checklist.Item, num int, area string, lang checklist.Lang, f *format) ItemRow {
	ir := ItemRow{
		AreaID:    r.AreaID,
		Area:      area,
		ItemID:    f.inline(r.ItemID),
		Number:    num,
		Item:      itemRef(num, lang),
		Statement: f.inline(r.ItemID),
		Problem:   f.inline(r.ItemID),
		Answer:    r.Answer.Label(lang),
		Comment:   f.inline(r.Comment),
		Reason:    f.inline(r.Reason),
	}
	if it != nil {
		ir.Statement = f.inline(it.Statement.In(lang))
		ir.Problem = f.inline(it.Problem.In(lang))
	}
	if r.Risk != nil && r.Answer.IsShortcoming() {
		if r.Risk.Level != checklist.NoLevel {
			ir.Level = r.Risk.Level.Label(lang)
		}
		ir.IsSerious = r.Risk.Serious()
		ir.Probability = r.Risk.Probability
		ir.Consequence = r.Risk.Consequence
		ir.Note = f.inline(r.Risk.Note)
	}
	ir.LevelText = levelText(ir, lang, f)
	return ir
}

// itemRef is an item as people know it: "punkt 3" by its number in the
// area. Its id is never shown: an item the loaded checklist no longer has
// is called just that.
func itemRef(num int, lang checklist.Lang) string {
	if num > 0 {
		return checklist.Text{SV: "punkt ", EN: "item "}.In(lang) + strconv.Itoa(num)
	}
	return checklist.Text{SV: "punkt som inte längre finns i checklistan", EN: "an item no longer in the checklist"}.In(lang)
}

// actionRow builds the table row of an action. Area is the linked item's
// area title from cat, or its id.
func actionRow(x checklist.Action, level checklist.Level, cat *checklist.Catalog, today checklist.Date, lang checklist.Lang, f *format) ActionRow {
	row := ActionRow{
		Risk:       f.cell(riskText(x, cat, lang)),
		What:       f.cell(x.What),
		Who:        f.cell(x.Who),
		Due:        f.cell(x.Due.String()),
		Status:     x.Status.Label(lang),
		Overdue:    !today.IsZero() && x.Overdue(today),
		IsSerious:  level.Serious(),
		Escalation: x.Escalation.Label(lang),
		DoneOn:     f.cell(x.DoneOn.String()),
		CheckedOn:  f.cell(x.CheckedOn.String()),
		Effect:     f.cell(x.Effect),
		FollowUp:   followUp(x, lang, f),
		areaID:     x.AreaID,
		itemID:     x.ItemID,
		level:      level,
	}
	if x.AreaID != "" {
		area := lookupArea(cat, x.AreaID)
		row.Area = f.inline(x.AreaID)
		if area != nil {
			row.Area = f.inline(area.Title.In(lang))
		}
		_, num := lookupItemNumber(area, x.ItemID)
		row.Item = itemRef(num, lang)
	}
	if level != checklist.NoLevel {
		row.Level = level.Label(lang)
	}
	row.StatusText = row.Status
	if row.Overdue {
		row.StatusText += checklist.Text{SV: " (försenad)", EN: " (overdue)"}.In(lang)
	}
	switch {
	case row.IsSerious:
		row.SeriousText = f.strong(checklist.Text{SV: "Ja", EN: "Yes"}.In(lang)) + " (" + row.Level + ")"
	case row.Level != "":
		row.SeriousText = checklist.Text{SV: "Nej", EN: "No"}.In(lang) + " (" + row.Level + ")"
	default:
		row.SeriousText = "–"
	}
	return row
}

// followUp is ActionRow.FollowUp.
func followUp(x checklist.Action, lang checklist.Lang, f *format) string {
	var parts []string
	if !x.DoneOn.IsZero() {
		parts = append(parts, checklist.Text{SV: "klar ", EN: "done "}.In(lang)+x.DoneOn.String())
	}
	checked := ""
	if !x.CheckedOn.IsZero() {
		checked = checklist.Text{SV: "kontrollerad ", EN: "checked "}.In(lang) + x.CheckedOn.String()
	}
	if effect := f.inline(x.Effect); effect != "" {
		if checked != "" {
			checked += ", "
		}
		checked += checklist.Text{SV: "effekt: ", EN: "effect: "}.In(lang) + effect
	}
	if checked != "" {
		parts = append(parts, checked)
	}
	if x.Escalation != checklist.EscAPT {
		parts = append(parts, checklist.Text{SV: "eskaleras till ", EN: "escalated to "}.In(lang)+strings.ToLower(x.Escalation.Label(lang)))
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, "; ")
}

// levelText is ItemRow.LevelText.
func levelText(ir ItemRow, lang checklist.Lang, f *format) string {
	if ir.Level == "" {
		return checklist.Text{SV: "ej bedömd", EN: "not assessed"}.In(lang)
	}
	s := ir.Level
	if ir.IsSerious {
		s += " – " + f.strong(checklist.Text{SV: "allvarlig risk", EN: "serious risk"}.In(lang))
	}
	if ir.Probability > 0 && ir.Consequence > 0 {
		s += checklist.Text{SV: " (sannolikhet ", EN: " (probability "}.In(lang) + strconv.Itoa(ir.Probability) +
			checklist.Text{SV: " × konsekvens ", EN: " × consequence "}.In(lang) + strconv.Itoa(ir.Consequence) + ")"
	}
	return s
}

// riskText is the problem an action addresses, in lang: an unedited
// problem phrasing of the linked item is shown in lang, other text as
// entered.
func riskText(x checklist.Action, cat *checklist.Catalog, lang checklist.Lang) string {
	if x.AreaID == "" {
		return x.Risk
	}
	it, ok := lookupItem(lookupArea(cat, x.AreaID), x.ItemID)
	if !ok {
		return x.Risk
	}
	if x.Risk == "" || x.Risk == it.Problem.SV || x.Risk == it.Problem.EN {
		return it.Problem.In(lang)
	}
	return x.Risk
}

// compareDue orders due dates, undated last.
func compareDue(a, b checklist.Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

func lookupArea(cat *checklist.Catalog, id string) *checklist.Area {
	if cat == nil {
		return nil
	}
	return cat.Area(id)
}

func lookupItem(area *checklist.Area, id string) (*checklist.Item, bool) {
	if area == nil {
		return nil, false
	}
	for i := range area.Items {
		if area.Items[i].ID == id {
			return &area.Items[i], true
		}
	}
	return nil, false
}

// areaResponses returns the responses of area id in checklist order; those
// for items the loaded area no longer has follow, sorted by item id.
func areaResponses(responses map[checklist.ItemKey]checklist.Response, id string, area *checklist.Area) []checklist.Response {
	var out []checklist.Response
	found := 0
	if area != nil {
		for _, it := range area.Items {
			if r, ok := responses[checklist.ItemKey{AreaID: id, ItemID: it.ID}]; ok {
				out = append(out, r)
				found++
			}
		}
	}
	total := 0
	for k := range responses {
		if k.AreaID == id {
			total++
		}
	}
	if total == found {
		return out
	}
	var extra []checklist.Response
	for k, r := range responses {
		if k.AreaID != id {
			continue
		}
		if _, ok := lookupItem(area, k.ItemID); !ok {
			extra = append(extra, r)
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].ItemID < extra[j].ItemID })
	return append(out, extra...)
}

// lookupItemNumber returns the item id of area and its number in the area
// (from 1), or nil and 0.
func lookupItemNumber(area *checklist.Area, id string) (*checklist.Item, int) {
	if area == nil {
		return nil, 0
	}
	for i := range area.Items {
		if area.Items[i].ID == id {
			return &area.Items[i], i + 1
		}
	}
	return nil, 0
}
