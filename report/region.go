package report

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"samkoll/checklist"
)

// The region report's built-in templates, which are also the file names an
// organisation uses to override them.
const (
	// RegionTemplate lays out the region's picture as markdown.
	RegionTemplate = "region.md.tmpl"
	// RegionHTMLTemplate lays it out as one self-contained HTML document.
	RegionHTMLTemplate = "region.html.tmpl"
)

// RegionSource is what the region report reads; *store.Store satisfies it.
type RegionSource interface {
	// RegionReport returns the region's picture of year; today decides
	// what is overdue; max bounds the list of items most often short.
	RegionReport(ctx context.Context, year int, today checklist.Date, max int) (checklist.Region, error)
}

// RegionData is what the region templates receive. In the markdown
// template every string holds escaped markdown, in the HTML template
// escaped HTML text: both are text/templates, as for the plan. See
// docs/export-template.md.
type RegionData struct {
	// Lang is "sv" or "en"; Today the report date; Year the year reported.
	Lang, Today string
	Year        int
	// Core names the core areas, joined.
	Core string
	// Totals are the region's figures.
	Totals RegionTotals
	// Attention are the units that need attention first: most serious
	// risks without an action, then most overdue actions.
	Attention []RegionUnitRow
	// Units are all units, by name.
	Units []RegionUnitRow
	// Escalated are the open actions escalated to the samverkansgrupp or
	// the manager's manager, by unit.
	Escalated []EscalatedRow
	// Shortfalls are the items most units found short in the year.
	Shortfalls []ShortfallRow
	// PersonalData names each place (a unit's name, an escalated action's
	// text) with what looks like a personnummer, as in the plan's check:
	// "Akuten, åtgärd: Samtal med ÅÅMMDD-XXXX: åtgärd".
	PersonalData []string
	// NoPersonalData reports a clean scan: only then may the report say
	// that it concerns work groups only.
	NoPersonalData bool
}

// RegionTotals are the region's figures; the shares are percentages of
// all units, as text ("75 %").
type RegionTotals struct {
	Units, Meetings                            int
	Held, AllCore, Followup                    int
	HeldShare, AllCoreShare, FollowupShare     string
	SeriousWith, SeriousWithout, Overdue, Esc  int
	UnitsSeriousWithout, UnitsOverdue, UnitsNo int
	// AtSerious and AtOverdue say at how many units: "1 enhet", "3 units".
	AtSerious, AtOverdue string
}

// RegionUnitRow is one unit's line.
type RegionUnitRow struct {
	// Name is the unit; Last its latest APT or "–"; Followup the date of
	// the year's follow-up or "Nej"/"No".
	Name, Last, Followup string
	// Meetings counts the year's APTs.
	Meetings int
	// Core is "3/4", the core areas taken this year; Missing names those
	// not taken, with "försenat" where the year plan's month has passed.
	Core, Missing string
	// Planned says whether the unit has a year plan for the year.
	Planned string
	// SeriousWith, SeriousWithout, Overdue and Escalated are counts.
	SeriousWith, SeriousWithout, Overdue, Escalated int
}

// EscalatedRow is one escalated action.
type EscalatedRow struct {
	// Unit, Item ("Area, punkt 3" or "–"), What, To (the escalation), Since
	// (the APT that decided it) and Due ("–" when none).
	Unit, Item, What, To, Since, Due string
}

// ShortfallRow is one item many units found short.
type ShortfallRow struct {
	// Area is the area's title; Item "punkt 3"; Statement the statement.
	Area, Item, Statement string
	// Units counts the units; Delvis and Nej the answers.
	Units, Delvis, Nej int
}

// maxAttention bounds the list of units that need attention first.
const maxAttention = 10

// Region writes the region report of year as markdown to w.
func Region(ctx context.Context, w io.Writer, src RegionSource, year int, cat *checklist.Catalog, opt Options) error {
	r, err := src.RegionReport(ctx, year, opt.Today, 0)
	if err != nil {
		return err
	}
	return render(w, RegionTemplate, RegionOf(r, cat, opt, markdownFormat), opt)
}

// RegionHTML writes the region report of year as one HTML document to w.
func RegionHTML(ctx context.Context, w io.Writer, src RegionSource, year int, cat *checklist.Catalog, opt Options) error {
	r, err := src.RegionReport(ctx, year, opt.Today, 0)
	if err != nil {
		return err
	}
	return render(w, RegionHTMLTemplate, RegionOf(r, cat, opt, htmlFormat), opt)
}

// RegionOf builds the template data of r with text in format f.
func RegionOf(r checklist.Region, cat *checklist.Catalog, opt Options, f *format) RegionData {
	lang := opt.lang()
	tr := func(sv, en string) string { return checklist.Text{SV: sv, EN: en}.In(lang) }
	var core []string
	if cat != nil {
		core = cat.CoreAreaIDs()
	}
	d := RegionData{Lang: string(lang), Today: opt.Today.String(), Year: r.Year}
	titles := make([]string, 0, len(core))
	for _, id := range core {
		titles = append(titles, f.inline(areaTitle(cat, id, lang)))
	}
	d.Core = strings.Join(titles, ", ")

	t := &d.Totals
	t.Units = len(r.Units)
	for _, u := range r.Units {
		states := checklist.CoreAreaStates(core, r.Year, u.Plan, u.Covered, opt.Today)
		row := RegionUnitRow{
			Name:           f.cell(u.Unit.Name),
			Last:           dateOr(u.Last),
			Meetings:       u.Meetings,
			SeriousWith:    u.SeriousWithAction,
			SeriousWithout: u.SeriousWithoutAction,
			Overdue:        u.Overdue,
			Escalated:      len(u.Escalated),
			Followup:       tr("Nej", "No"),
			Planned:        tr("Nej", "No"),
		}
		if len(u.Plan.Entries) > 0 {
			row.Planned = tr("Ja", "Yes")
		}
		if !u.Followup.IsZero() {
			row.Followup = u.Followup.String()
			t.Followup++
		}
		taken := 0
		var missing []string
		for _, c := range states {
			if c.State == checklist.CoreCovered {
				taken++
				continue
			}
			m := f.inline(areaTitle(cat, c.AreaID, lang))
			if c.State == checklist.CoreOverdue {
				m += " (" + strings.ToLower(c.State.Label(lang)) + ")"
			}
			missing = append(missing, m)
		}
		row.Core = fmt.Sprintf("%d/%d", taken, len(states))
		row.Missing = "–"
		if len(missing) > 0 {
			row.Missing = strings.Join(missing, ", ")
		}
		if u.Meetings > 0 {
			t.Held++
		} else {
			t.UnitsNo++
		}
		if taken == len(states) && len(states) > 0 {
			t.AllCore++
		}
		t.Meetings += u.Meetings
		t.SeriousWith += u.SeriousWithAction
		t.SeriousWithout += u.SeriousWithoutAction
		t.Overdue += u.Overdue
		t.Esc += len(u.Escalated)
		if u.SeriousWithoutAction > 0 {
			t.UnitsSeriousWithout++
		}
		if u.Overdue > 0 {
			t.UnitsOverdue++
		}
		d.Units = append(d.Units, row)
		unit := maskPersonnummer(oneLine(u.Unit.Name))
		if checklist.ContainsPersonnummer(u.Unit.Name) {
			d.PersonalData = append(d.PersonalData, f.inline(Finding{unit, tr("enhet", "unit")}.String()))
		}
		for _, x := range u.Escalated {
			if checklist.ContainsPersonnummer(x.What) {
				where := unit + ", " + tr("åtgärd: ", "action: ") + clip(maskPersonnummer(oneLine(x.What)), 40)
				d.PersonalData = append(d.PersonalData, f.inline(Finding{where, tr("åtgärd", "action")}.String()))
			}
			d.Escalated = append(d.Escalated, EscalatedRow{
				Unit:  row.Name,
				Item:  f.cell(itemName(cat, x.Area, x.Item, lang)),
				What:  f.cell(x.What),
				To:    x.To.Label(lang),
				Since: x.Since.String(),
				Due:   dateOr(x.Due),
			})
		}
	}
	d.NoPersonalData = len(d.PersonalData) == 0
	t.HeldShare, t.AllCoreShare, t.FollowupShare = share(t.Held, t.Units), share(t.AllCore, t.Units), share(t.Followup, t.Units)
	t.AtSerious, t.AtOverdue = unitCount(t.UnitsSeriousWithout, lang), unitCount(t.UnitsOverdue, lang)

	for _, u := range d.Units {
		if u.SeriousWithout > 0 || u.Overdue > 0 || u.Meetings == 0 {
			d.Attention = append(d.Attention, u)
		}
	}
	// sort, not slices: a generic sort copies the sorting code into the
	// binary once per element type (docs/performance.md, "Binary size").
	order := func(a, b RegionUnitRow) int {
		if c := b.SeriousWithout - a.SeriousWithout; c != 0 {
			return c
		}
		return b.Overdue - a.Overdue
	}
	sort.SliceStable(d.Attention, func(i, j int) bool { return order(d.Attention[i], d.Attention[j]) < 0 })
	if len(d.Attention) > maxAttention {
		d.Attention = d.Attention[:maxAttention]
	}

	for _, s := range r.Shortfalls {
		area := lookupArea(cat, s.Item.AreaID)
		it, num := lookupItemNumber(area, s.Item.ItemID)
		row := ShortfallRow{Area: f.cell(areaTitle(cat, s.Item.AreaID, lang)), Item: itemRef(num, lang),
			Statement: "–", Units: s.Units, Delvis: s.Delvis, Nej: s.Nej}
		if it != nil {
			row.Statement = f.cell(it.Statement.In(lang))
		}
		d.Shortfalls = append(d.Shortfalls, row)
	}
	return d
}

// areaTitle is the area's title in lang, or its id when the catalog does
// not have it.
func areaTitle(cat *checklist.Catalog, id string, lang checklist.Lang) string {
	if a := lookupArea(cat, id); a != nil {
		return a.Title.In(lang)
	}
	return id
}

// itemName is "Area, punkt 3" for an item, "–" for a free-standing action.
func itemName(cat *checklist.Catalog, area, item string, lang checklist.Lang) string {
	if area == "" {
		return ""
	}
	_, num := lookupItemNumber(lookupArea(cat, area), item)
	return areaTitle(cat, area, lang) + ", " + itemRef(num, lang)
}

// dateOr is d as YYYY-MM-DD, or "–" for the zero date.
func dateOr(d checklist.Date) string {
	if d.IsZero() {
		return "–"
	}
	return d.String()
}

// share is n of total as a whole percentage, "–" of nothing.
func share(n, total int) string {
	if total == 0 {
		return "–"
	}
	return fmt.Sprintf("%d %%", (n*100+total/2)/total)
}

// unitCount is "1 enhet", "3 enheter" (or "1 unit", "3 units").
func unitCount(n int, lang checklist.Lang) string {
	if n == 1 {
		return checklist.Text{SV: "1 enhet", EN: "1 unit"}.In(lang)
	}
	return fmt.Sprintf(checklist.Text{SV: "%d enheter", EN: "%d units"}.In(lang), n)
}
