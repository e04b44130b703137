package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// homeScreen lists the assessments by unit and date. It holds the rows of
// the list read so far, under the filter (the store searches it), and
// reads more as the cursor nears their end.
type homeScreen struct {
	sh    *shared
	all   []Summary // the rows read so far, in the list's order
	total int       // how many rows match the filter in all
	query string    // the filter text the rows were read for
	// reading is set while more rows are being read.
	reading bool
	list    listWindow
	unitW   int // width of the unit column, in cells
	idW     int // width of the number column (samkoll export NR)
	// openW and overdueW are the widths of the two action counts.
	openW, overdueW int
	loaded          bool
	filter          *textField
	filterOn        bool
	confirm         bool // asking to confirm a delete
	// expired are the answers not to count (expired.go).
	expired expiredCounts
	// byUnit is the list by unit while it is shown (homeunits.go).
	byUnit *unitsView
	w, h   int
}

func newHomeScreen(sh *shared) *homeScreen {
	s := &homeScreen{sh: sh, filter: newTextField(sh, "/ ", sh.tr("enhet eller datum", "unit or date"), 60)}
	s.list = newListWindow(sh.keys.List, s.row)
	return s
}

// Inputting reports whether the filter has focus.
func (s *homeScreen) Inputting() bool { return s.filterOn }

// SetSize stores the body size.
func (s *homeScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.filter.SetWidth(max(w-4, 1))
	// Title, filter, column heading and the confirmation line.
	s.list.SetSize(w, max(h-4, 1))
	s.columns()
	if s.byUnit != nil {
		s.byUnit.SetSize(w, h)
	}
}

// selected returns the summary under the cursor.
func (s *homeScreen) selected() (Summary, bool) {
	if i := s.list.Cursor(); i < len(s.all) {
		return s.all[i], true
	}
	return Summary{}, false
}

// refilter reads the first rows of the list under the filter text; they
// arrive in a listWindowMsg.
func (s *homeScreen) refilter() {
	s.sh.loadListOrdered(s.filter.Value(), listWindowSize)
}

// reload reads the list again, as far as it was read, after a change.
func (s *homeScreen) reload() {
	s.sh.loadListOrdered(s.filter.Value(), max(len(s.all), listWindowSize))
}

// readMore reads the next rows when the cursor is within a screen of the
// end of those read.
func (s *homeScreen) readMore() {
	if !s.reading && len(s.all) < s.total && s.list.Cursor() >= len(s.all)-max(s.h, 1) {
		s.reading = true
		s.sh.loadWindowOrdered(s.query, len(s.all), listWindowSize)
	}
}

// setRows replaces (offset 0) or extends the rows read, keeping the cursor
// on the same assessment.
func (s *homeScreen) setRows(msg listWindowMsg) {
	s.reading = false
	if msg.filter != s.filter.Value() || (msg.offset != 0 && (msg.offset != len(s.all) || msg.filter != s.query)) {
		return // read for an earlier filter text, or no longer adjacent
	}
	sel, had := s.selected()
	if msg.offset == 0 {
		s.all = msg.list
	} else {
		s.all = append(s.all, msg.list...)
	}
	s.total, s.query, s.loaded = msg.total, msg.filter, true
	s.list.SetLen(len(s.all))
	s.columns()
	s.checkExpired()
	if had {
		for i, a := range s.all {
			if a.ID == sel.ID {
				s.list.Select(i)
				break
			}
		}
	}
}

// Update handles list, filter and confirmation keys.
func (s *homeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	sh := s.sh
	if cmd, ok := s.updateByUnit(msg); ok {
		return s, cmd
	}
	switch msg := msg.(type) {
	case assessmentsLoadedMsg:
		// The first page, before the first window of the list.
		s.setRows(listWindowMsg{filter: s.filter.Value(), total: len(msg.list), list: msg.list})
		return s, nil
	case expiredCountMsg:
		s.expired.set(msg.id, msg.n)
		return s, nil
	case listWindowMsg:
		s.setRows(msg)
		s.readMore()
		return s, nil
	case resumedMsg:
		s.reload()
		return s, nil
	case assessmentDeletedMsg:
		s.reload()
		return s, statusCmd(sh.tr("Riskbedömningen är borttagen", "The assessment was deleted"))
	case tea.KeyPressMsg:
		switch {
		case s.confirm:
			return s.updateConfirm(msg)
		case s.filterOn:
			return s.updateFilter(msg)
		}
		return s.updateList(msg)
	}
	if s.filterOn && s.filter.edit(msg) {
		s.refilter()
	}
	return s, nil
}

func (s *homeScreen) updateConfirm(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	k := s.sh.keys.Home
	switch {
	case key.Matches(msg, k.Confirm):
		s.confirm = false
		if a, ok := s.selected(); ok {
			s.sh.deleteAssessment(a.ID, checklist.SanitizeLine(a.Unit)+" "+a.Date.String())
		}
	case key.Matches(msg, k.Cancel):
		s.confirm = false
	}
	return s, nil
}

func (s *homeScreen) updateFilter(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	in, arrows := s.sh.keys.Input, s.sh.keys.ArrowList
	switch {
	case key.Matches(msg, in.Cancel):
		s.filter.SetValue("")
		s.filter.Blur()
		s.filterOn = false
		s.refilter()
		return s, nil
	case key.Matches(msg, in.Save):
		s.filter.Blur()
		s.filterOn = false
		return s, nil
	case key.Matches(msg, arrows.Up, arrows.Down, arrows.PageUp, arrows.PageDown):
		s.list, _ = s.list.Update(msg)
		s.readMore()
		return s, nil
	}
	s.filter.edit(msg)
	s.refilter()
	return s, nil
}

func (s *homeScreen) updateList(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	sh, k := s.sh, s.sh.keys.Home
	a, ok := s.selected()
	switch {
	case key.Matches(msg, k.Filter):
		s.filterOn = true
		s.filter.Focus()
	case key.Matches(msg, k.ByUnit):
		sh.post(showUnitsMsg{})
	case key.Matches(msg, k.Region) && s.severalUnits():
		return s, sh.openRegion(sh.today().Year)
	case key.Matches(msg, k.New):
		s.sh.post(newAssessmentMsg{})
		return s, nil
	case key.Matches(msg, k.Open) && ok:
		return s, s.sh.open(walkScreenID, a.ID)
	case key.Matches(msg, k.Plan) && ok:
		return s, s.sh.open(planScreenID, a.ID)
	case key.Matches(msg, k.Summary) && ok:
		return s, s.sh.open(summaryScreenID, a.ID)
	case key.Matches(msg, k.Followup) && ok:
		return s, sh.openFollowup(a.Unit, a.Date.Year)
	case key.Matches(msg, k.YearPlan) && ok:
		return s, sh.openYearPlan(checklist.Unit{ID: a.UnitID, Name: a.Unit}, sh.today().Year)
	case key.Matches(msg, k.Export) && ok:
		return s, exportCmd(sh.ctx, sh.exporter, sh.lang, a.ID, ExportRequest{})
	case key.Matches(msg, k.Delete) && ok:
		s.confirm = true
	case key.Matches(msg, sh.keys.Global.Back):
		if s.filter.Value() != "" {
			s.filter.SetValue("")
			s.refilter()
			return s, nil
		}
		if key.Matches(msg, sh.keys.Input.Cancel) {
			// Once too often on the start screen: esc never quits; q and
			// ctrl+c do.
			return s, nil
		}
		return s, s.sh.back()
	default:
		s.list, _ = s.list.Update(msg)
		s.readMore()
	}
	return s, nil
}

// View renders the list, the filter and the confirmation.
func (s *homeScreen) View() string {
	sh, st := s.sh, s.sh.styles
	if s.byUnit != nil {
		return s.byUnit.View()
	}
	var b strings.Builder
	b.WriteString(s.titleLine() + "\n")
	if s.filterOn || s.filter.Value() != "" {
		b.WriteString(s.filter.View())
	}
	b.WriteString("\n")
	switch {
	case !s.loaded:
		b.WriteString(st.Subtle.Render(sh.tr("Läser in …", "Loading …")))
		return b.String()
	case len(s.all) == 0 && s.query == "":
		b.WriteString(wrap(sh.tr("Här finns inga riskbedömningar ännu.", "There are no assessments yet."), s.w) + "\n")
		b.WriteString(wrap(sh.tr("Tryck n för att starta en ny riskbedömning för en enhet; allt sparas direkt.",
			"Press n to start a new risk assessment for a unit; everything is saved at once."), s.w))
		return b.String()
	case len(s.all) == 0:
		b.WriteString(st.Subtle.Render(sh.tr("Inget matchar filtret (esc rensar).", "Nothing matches the filter (esc clears).")))
		return b.String()
	}
	// Nr is the number samkoll export takes.
	b.WriteString(s.presentMargin() + st.Subtle.Render(s.heading()) + "\n")
	b.WriteString(s.list.View() + "\n")
	if s.confirm {
		if a, ok := s.selected(); ok {
			b.WriteString(st.Warning.Render(wrap(fmt.Sprintf(sh.tr("Ta bort %s %s med svar och åtgärder? Åtgärder som följs upp i senare bedömningar behålls. (y/n)",
				"Delete %s %s with its answers and actions? Actions followed up in later assessments are kept. (y/n)"), checklist.SanitizeLine(a.Unit), a.Date), s.w)))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// ShortHelp lists the keys that work now.
func (s *homeScreen) ShortHelp() []key.Binding {
	k, g := s.keys(), s.sh.keys.Global
	switch {
	case s.byUnit != nil:
		return s.byUnit.ShortHelp()
	case s.confirm:
		return []key.Binding{k.Confirm, k.Cancel}
	case s.filterOn:
		return []key.Binding{s.sh.keys.Input.Save, s.sh.keys.Input.Cancel}
	}
	// In order of importance: the footer drops the last that do not fit.
	// u (the units) shows where there are several.
	k.ByUnit.SetEnabled(s.severalUnits())
	return []key.Binding{k.Open, k.New, k.Plan, k.Summary, k.ByUnit, k.Filter, k.Export, k.Delete, g.Back, g.Help}
}

// FullHelp lists all keys.
func (s *homeScreen) FullHelp() [][]key.Binding {
	k, g := s.keys(), s.sh.keys.Global
	if s.byUnit != nil {
		return s.byUnit.FullHelp()
	}
	return [][]key.Binding{{k.Up, k.Down, k.Filter}, {k.New, k.Open, k.Plan, k.Summary}, {k.Export, k.Delete, k.Followup, k.YearPlan, k.ByUnit, k.Region}, {g.Present, g.Help, g.Back, g.Quit}}
}

// keys returns the start screen's bindings with those that need a selected
// assessment disabled when there is none; the shared KeyMap is not touched.
func (s *homeScreen) keys() HomeKeys {
	k := s.sh.keys.Home
	_, ok := s.selected()
	for _, b := range []*key.Binding{&k.Open, &k.Plan, &k.Summary, &k.Export, &k.Delete, &k.Followup, &k.YearPlan} {
		b.SetEnabled(ok)
	}
	k.Region.SetEnabled(s.severalUnits())
	return k
}
