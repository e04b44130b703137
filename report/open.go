package report

import (
	"io"
	"sort"
	"strings"

	"samkoll/checklist"
)

// OpenAction is one unfinished action for the open-actions export.
type OpenAction struct {
	// Unit is the name of the unit the action belongs to.
	Unit string
	// AssessmentDate is the meeting date of the assessment where the action
	// was created.
	AssessmentDate checklist.Date
	// Action is the action itself.
	Action checklist.Action
	// Level is the risk level of the action's item in that assessment, or
	// NoLevel.
	Level checklist.Level
}

// OpenData is what the open-actions template receives. Every string field
// holds escaped markdown; see docs/export-template.md.
type OpenData struct {
	// Lang is "sv" or "en".
	Lang string
	// Today is the export date, YYYY-MM-DD.
	Today string
	// Unit is the unit the export was made for; "" for all units.
	Unit string
	// Units are the units with unfinished actions, by name.
	Units []UnitGroup
	// Count, Overdue and Serious count all the actions, the overdue ones
	// and those with an allvarlig risk.
	Count, Overdue, Serious int
	// PersonalData names each place in the actions' text (unit, risk,
	// measure, responsible) with what looks like a personnummer, as in
	// PlanData.
	PersonalData []string
	// NoPersonalData reports a clean scan: only then may the export say
	// that it holds no names and no individual cases.
	NoPersonalData bool
}

// UnitGroup is the unfinished actions of one unit.
type UnitGroup struct {
	// Name is the unit's name.
	Name string
	// Actions are sorted by risk level (most serious first), then by due
	// date (undated last).
	Actions []ActionRow
	// Overdue and Serious count the overdue actions and those with an
	// allvarlig risk.
	Overdue, Serious int
}

// OpenActions writes the unfinished actions in rows, grouped by unit, to
// w. Finished rows (klar, struken) are left out. cat supplies area titles
// and the item texts in opt.Lang; it may be nil.
func OpenActions(w io.Writer, rows []OpenAction, cat *checklist.Catalog, opt Options) error {
	return render(w, OpenTemplate, Open(rows, cat, opt), opt)
}

// Open builds the template data of OpenActions.
func Open(rows []OpenAction, cat *checklist.Catalog, opt Options) OpenData {
	lang := opt.lang()
	d := OpenData{Lang: string(lang), Today: opt.Today.String(), Unit: Inline(opt.Unit)}
	var open []OpenAction
	for _, r := range rows {
		if r.Action.Status.Open() {
			open = append(open, r)
		}
	}
	sort.SliceStable(open, func(i, j int) bool {
		a, b := open[i], open[j]
		if ka, kb := unitKey(a.Unit), unitKey(b.Unit); ka != kb {
			return ka < kb
		}
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		if a.Level != b.Level {
			return a.Level > b.Level
		}
		if c := compareDue(a.Action.Due, b.Action.Due); c != 0 {
			return c < 0
		}
		return a.Action.ID < b.Action.ID
	})
	for i, r := range open {
		if i == 0 || unitKey(r.Unit) != unitKey(open[i-1].Unit) {
			d.Units = append(d.Units, UnitGroup{Name: Inline(r.Unit)})
		}
		g := &d.Units[len(d.Units)-1]
		row := actionRow(r.Action, r.Level, cat, opt.Today, lang, markdownFormat)
		row.Unit = Cell(r.Unit)
		row.From = Cell(r.AssessmentDate.String())
		g.Actions = append(g.Actions, row)
		d.Count++
		if row.Overdue {
			g.Overdue++
			d.Overdue++
		}
		if row.IsSerious {
			g.Serious++
			d.Serious++
		}
		if checklist.ContainsPersonnummer(r.Unit) {
			d.PersonalData = append(d.PersonalData, Inline(Finding{maskPersonnummer(oneLine(r.Unit)), checklist.Text{SV: "enhet", EN: "unit"}.In(lang)}.String()))
		}
		for _, f := range actionFindings(r.Action, cat, lang) {
			d.PersonalData = append(d.PersonalData, Inline(f.String()))
		}
	}
	d.NoPersonalData = len(d.PersonalData) == 0
	return d
}

// unitKey groups unit names as the store does: case and edge spaces do not
// matter.
func unitKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }
