package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// The start screen by unit (issue 16 point 8): each unit with its last
// APT, its open serious risks, its overdue actions and the core areas due
// this year, the unit with the newest APT first. The flat list of
// assessments is one key (u) away. The start screen opens on the units
// where the database holds more than one; with one unit (or none) it opens
// on the list of its assessments, which is all that view would lead to.
//
// The first frame shows the first units as read before it (RecentUnits:
// latest APT and overdue actions, as cheap as the first page of
// assessments); the open serious risks and the core areas, which need
// every answer and the checklists, follow once the checklists are loaded.

// unitStore is the by-unit view's part of the store; *store.Store
// satisfies it.
type unitStore interface {
	// UnitOverview returns the units with assessments, latest APT first;
	// core lists the core area ids.
	UnitOverview(ctx context.Context, today checklist.Date, core []string) ([]checklist.UnitRow, error)
	// RecentUnits returns the first n units in the same order, without
	// their open serious risks and core areas.
	RecentUnits(ctx context.Context, today checklist.Date, n int) ([]checklist.UnitRow, error)
}

// showUnitsMsg switches the start screen to the units; it waits for the
// checklists, which name the core areas (startup.go).
type showUnitsMsg struct{}

// refreshUnitsMsg reads the units shown since the first frame again, in
// full, once the checklists are there; it leaves the flat list alone.
type refreshUnitsMsg struct{}

// unitOverviewMsg carries the units.
type unitOverviewMsg struct{ rows []checklist.UnitRow }

// unitsView is the start screen's list by unit.
type unitsView struct {
	sh     *shared
	rows   []checklist.UnitRow
	loaded bool
	// full is set once the rows hold the open serious risks and the core
	// areas; until then those columns show "…".
	full  bool
	list  listWindow
	unitW int
	w, h  int
}

func newUnitsView(sh *shared) *unitsView {
	v := &unitsView{sh: sh}
	v.list = newListWindow(sh.keys.List, v.row)
	v.read()
	return v
}

// newUnitsViewOf is the view on the first units, read before the first
// frame; refreshUnitsMsg completes them.
func newUnitsViewOf(sh *shared, rows []checklist.UnitRow) *unitsView {
	v := &unitsView{sh: sh, rows: rows, loaded: true}
	v.list = newListWindow(sh.keys.List, v.row)
	v.list.SetLen(len(rows))
	sh.post(refreshUnitsMsg{})
	return v
}

// openOnUnits shows the first units read before the first frame, when
// there are more than one and the user has not chosen a list yet.
func (s *homeScreen) openOnUnits(rows []checklist.UnitRow) {
	if len(rows) > 1 && s.byUnit == nil && !s.loaded {
		s.byUnit = newUnitsViewOf(s.sh, rows)
		s.byUnit.SetSize(s.w, s.h)
	}
}

// read queues the read of the units, after the changes before it.
func (v *unitsView) read() {
	today := v.sh.today()
	var core []string
	if v.sh.cat != nil {
		for _, ar := range v.sh.cat.Areas {
			if ar.Core {
				core = append(core, ar.ID)
			}
		}
	}
	v.sh.readOrdered(func(ctx context.Context, s Store) (tea.Msg, error) {
		us, ok := s.(unitStore)
		if !ok {
			return nil, checklist.Errorf("databasen kan inte visa enheterna", "the database cannot show the units")
		}
		rows, err := us.UnitOverview(ctx, today, core)
		if err != nil {
			return nil, err
		}
		return unitOverviewMsg{rows}, nil
	})
}

// SetSize implements the component contract.
func (v *unitsView) SetSize(w, h int) {
	v.w, v.h = max(w, 1), max(h, 1)
	// Title, blank, heading, and two lines about the selected unit.
	v.list.SetSize(v.w, max(v.h-6, 1))
	v.columns()
}

// columns sizes the unit column to the widest unit, within a third of the
// width.
func (v *unitsView) columns() {
	v.unitW = 5
	for _, r := range v.rows {
		v.unitW = max(v.unitW, ansi.StringWidth(checklist.SanitizeLine(r.Unit.Name)))
	}
	v.unitW = min(v.unitW, max(v.w/3, 8))
}

// selected returns the unit under the cursor.
func (v *unitsView) selected() (checklist.UnitRow, bool) {
	if i := v.list.Cursor(); i < len(v.rows) {
		return v.rows[i], true
	}
	return checklist.UnitRow{}, false
}

// Update handles the view's messages and keys; ok is false for a key it
// leaves to the start screen.
func (v *unitsView) Update(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case unitOverviewMsg:
		sel, had := v.selected()
		v.rows, v.loaded, v.full = msg.rows, true, true
		v.list.SetLen(len(v.rows))
		v.columns()
		for i, r := range v.rows {
			if had && r.Unit.ID == sel.Unit.ID {
				v.list.Select(i)
			}
		}
		return nil, true
	case tea.KeyPressMsg:
		k := v.sh.keys.Home
		r, has := v.selected()
		switch {
		case key.Matches(msg, k.Open) && has:
			return v.sh.open(walkScreenID, r.LastID), true
		case key.Matches(msg, k.Plan) && has:
			return v.sh.open(planScreenID, r.LastID), true
		case key.Matches(msg, k.Summary) && has:
			return v.sh.open(summaryScreenID, r.LastID), true
		case key.Matches(msg, k.Followup) && has:
			return v.sh.openFollowup(r.Unit.Name, v.sh.today().Year), true
		case key.Matches(msg, k.YearPlan) && has:
			return v.sh.openYearPlan(r.Unit, v.sh.today().Year), true
		case key.Matches(msg, v.sh.keys.List.Up, v.sh.keys.List.Down, v.sh.keys.List.PageUp, v.sh.keys.List.PageDown,
			v.sh.keys.List.Home, v.sh.keys.List.End):
			v.list, _ = v.list.Update(msg)
			return nil, true
		}
	}
	return nil, false
}

// row draws unit i.
func (v *unitsView) row(i int, selected bool) string {
	sh, st := v.sh, v.sh.styles
	r := v.rows[i]
	due, overdue := r.CoreDue()
	serious, core := "…", "…"
	if v.full {
		serious, core = fmt.Sprint(r.OpenSerious), fmt.Sprintf("%d", due+overdue)
	}
	if overdue > 0 {
		core += fmt.Sprintf(sh.tr(" (%d sena)", " (%d late)"), overdue)
	}
	unit, date, late := checklist.SanitizeLine(r.Unit.Name), r.LastDate.String(), fmt.Sprint(r.Overdue)
	m := v.margin()
	if selected {
		return m + st.Selected.Render(cursorMark+" "+v.cells(unit, date, serious, late, core))
	}
	// Only the counts that need acting on are coloured, as on the list of
	// assessments: a wall of red says nothing.
	plain := func(x string) string { return x }
	if sh.presenting {
		plain = func(x string) string { return st.Present.Render(x) }
	}
	unit, date = plain(unit), plain(date)
	if v.full && r.OpenSerious > 0 {
		serious = st.Serious.Render(serious)
	} else {
		serious = plain(serious)
	}
	if r.Overdue > 0 {
		late = st.Overdue.Render(late)
	} else {
		late = plain(late)
	}
	if overdue > 0 {
		core = st.Overdue.Render(core)
	} else {
		core = plain(core)
	}
	return m + "  " + v.cells(unit, date, serious, late, core)
}

// heading is the line over the columns.
func (v *unitsView) heading() string {
	tr := v.sh.tr
	if v.narrow() {
		return "  " + v.cells(tr("Enhet", "Unit"), "", tr("Allv", "Ser"), tr("Sena", "Late"), tr("Kärnomr.", "Core"))
	}
	return "  " + v.cells(tr("Enhet", "Unit"), tr("Senaste", "Latest"), tr("Allv.risk", "Serious"),
		tr("Försenade", "Overdue"), tr("Kärnområden att ta", "Core areas due"))
}

// margin centres the table in presentation mode, as the list of
// assessments is.
func (v *unitsView) margin() string {
	if !v.sh.presenting {
		return ""
	}
	return strings.Repeat(" ", max((v.w-ansi.StringWidth(v.heading())-len(" (9 sena)"))/2, 0))
}

// narrow reports a window too narrow for every column: the date goes and
// the counts take less room.
func (v *unitsView) narrow() bool { return v.w < 60 }

// cells lays out one line of the columns.
func (v *unitsView) cells(unit, date, serious, overdue, core string) string {
	if v.narrow() {
		return pad(unit, v.unitW) + " " + pad(serious, 4) + " " + pad(overdue, 4) + " " + core
	}
	return pad(unit, v.unitW) + "  " + pad(date, 10) + "  " + pad(serious, 9) + "  " + pad(overdue, 9) + "  " + core
}

// View renders the units.
func (v *unitsView) View() string {
	sh, st := v.sh, v.sh.styles
	b := []string{titleWithRows(sh, sh.tr("samkoll – enheterna, senaste APT först", "samkoll – the units, latest APT first"), v.w, v.list, len(v.rows)), ""}
	switch {
	case !v.loaded:
		b = append(b, st.Subtle.Render(sh.tr("Läser in …", "Loading …")))
	case len(v.rows) == 0:
		b = append(b, wrap(sh.tr("Här finns inga enheter ännu. Tryck n för att starta en ny riskbedömning.",
			"There are no units yet. Press n to start a new risk assessment."), v.w))
	default:
		b = append(b, v.margin()+st.Subtle.Render(ansi.Truncate(v.heading(), v.w, "…")), v.list.View(), "")
		b = append(b, v.coreLines()...)
	}
	return strings.Join(b, "\n")
}

// coreLines name the selected unit's core areas still to take this year,
// with their planned month and whether they are late, in at most two
// lines.
func (v *unitsView) coreLines() []string {
	sh, st := v.sh, v.sh.styles
	r, ok := v.selected()
	if !ok {
		return nil
	}
	if !v.full {
		return []string{st.Subtle.Render(ansi.Truncate(sh.tr("Läser in risker och kärnområden …",
			"Loading risks and core areas …"), v.w, "…"))}
	}
	var due []string
	for _, c := range r.Core {
		if c.State == checklist.CoreCovered {
			continue
		}
		name := sh.ownAreaTitle(c.AreaID)
		var notes []string
		if c.Planned != 0 {
			notes = append(notes, sh.monthShort(c.Planned))
		}
		if c.State == checklist.CoreOverdue {
			notes = append(notes, sh.tr("försenat", "overdue"))
		}
		if len(notes) > 0 {
			name += " (" + strings.Join(notes, ", ") + ")"
		}
		due = append(due, name)
	}
	text := sh.tr("Alla kärnområden är tagna i år.", "Every core area is taken this year.")
	if len(due) > 0 {
		text = sh.tr("Kvar i år: ", "Still to take this year: ") + strings.Join(due, "; ")
	}
	lines := strings.Split(wrap(checklist.SanitizeLine(r.Unit.Name)+" · "+text, v.w), "\n")
	if len(lines) > 2 {
		lines = append(lines[:1], ansi.Truncate(lines[1], max(v.w-1, 1), "")+"…")
	}
	for i := range lines {
		lines[i] = st.Subtle.Render(lines[i])
	}
	return lines
}

// ShortHelp lists the keys that work now.
func (v *unitsView) ShortHelp() []key.Binding {
	k, g := v.keys(), v.sh.keys.Global
	return []key.Binding{k.Open, k.ByUnit, k.New, k.Followup, k.YearPlan, k.Region, g.Help, g.Back}
}

// FullHelp lists all keys.
func (v *unitsView) FullHelp() [][]key.Binding {
	k, g, l := v.keys(), v.sh.keys.Global, v.sh.keys.List
	return [][]key.Binding{{l.Up, l.Down, l.PageUp, l.PageDown}, {k.Open, k.Plan, k.Summary, k.New},
		{k.Followup, k.YearPlan, k.ByUnit, k.Region}, {g.Present, g.Help, g.Back, g.Quit}}
}

// keys returns the start screen's bindings with those that need a unit
// disabled when there is none.
func (v *unitsView) keys() HomeKeys {
	k := v.sh.keys.Home
	_, ok := v.selected()
	for _, b := range []*key.Binding{&k.Open, &k.Plan, &k.Summary, &k.Followup, &k.YearPlan} {
		b.SetEnabled(ok)
	}
	k.Region.SetEnabled(len(v.rows) > 1)
	k.Open.SetHelp(k.Open.Help().Key, v.sh.tr("senaste APT", "latest APT"))
	k.ByUnit.SetHelp(k.ByUnit.Help().Key, v.sh.tr("alla bedömningar", "all assessments"))
	return k
}

// updateByUnit gives a message to the list by unit while it is shown; ok
// is false for what the flat list handles (the list's reads, a resumed
// screen). u goes back to the flat list, n starts a new assessment, q
// quits.
func (s *homeScreen) updateByUnit(msg tea.Msg) (tea.Cmd, bool) {
	v := s.byUnit
	if m, ok := msg.(firstUnitsMsg); ok {
		s.openOnUnits(m.units)
		return nil, true
	}
	if v == nil {
		switch msg.(type) {
		case showUnitsMsg:
			s.byUnit = newUnitsView(s.sh)
			s.byUnit.SetSize(s.w, s.h)
			return nil, true
		case unitOverviewMsg, refreshUnitsMsg:
			return nil, true
		}
		return nil, false
	}
	switch msg := msg.(type) {
	case refreshUnitsMsg:
		v.read()
		return nil, true
	case resumedMsg, assessmentDeletedMsg:
		v.read()
		return nil, false
	case tea.KeyPressMsg:
		k := s.sh.keys.Home
		switch {
		case key.Matches(msg, k.ByUnit):
			s.byUnit = nil
			if !s.loaded {
				// The list behind the first units is read after the first
				// frame: u before then reads it now, and the keys after u
				// wait for it (hold.go), so that a quick u, enter opens
				// the newest assessment.
				s.sh.loadListOrdered(s.filter.Value(), listWindowSize)
				s.sh.openingOp()
			}
			return nil, true
		case key.Matches(msg, k.New):
			s.sh.post(newAssessmentMsg{})
			return nil, true
		case key.Matches(msg, k.Region) && len(v.rows) > 1:
			return s.sh.openRegion(s.sh.today().Year), true
		case key.Matches(msg, s.sh.keys.Input.Cancel):
			return nil, true
		case key.Matches(msg, s.sh.keys.Global.Back):
			return s.sh.back(), true
		}
	}
	cmd, ok := v.Update(msg)
	if _, key := msg.(tea.KeyPressMsg); key {
		return cmd, true
	}
	return cmd, ok
}
