package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// homeScreen lists the assessments by unit and date.
type homeScreen struct {
	sh       *shared
	all      []Summary
	shown    []int // indexes into all after filtering
	cursor   int
	offset   int
	loaded   bool
	filter   input
	filterOn bool
	confirm  bool // asking to confirm a delete
	w, h     int
}

func newHomeScreen(sh *shared) *homeScreen {
	return &homeScreen{sh: sh, filter: newInput("/ ", sh.tr("enhet eller datum", "unit or date"), 60)}
}

// Inputting reports whether the filter has focus.
func (s *homeScreen) Inputting() bool { return s.filterOn }

// SetSize stores the body size.
func (s *homeScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.filter.SetWidth(max(w-4, 1))
	s.scroll()
}

// selected returns the summary under the cursor.
func (s *homeScreen) selected() (Summary, bool) {
	if s.cursor < 0 || s.cursor >= len(s.shown) {
		return Summary{}, false
	}
	return s.all[s.shown[s.cursor]], true
}

// refilter applies the filter text to the list.
func (s *homeScreen) refilter() {
	q := strings.ToLower(strings.TrimSpace(s.filter.Value()))
	s.shown = s.shown[:0]
	for i, a := range s.all {
		if q == "" || strings.Contains(strings.ToLower(a.Unit+" "+a.Date.String()+" "+a.Participants), q) {
			s.shown = append(s.shown, i)
		}
	}
	s.cursor = min(s.cursor, max(len(s.shown)-1, 0))
	s.scroll()
}

// listHeight is the number of rows the list can show.
func (s *homeScreen) listHeight() int { return max(s.h-4, 1) }

func (s *homeScreen) scroll() {
	n := s.listHeight()
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+n {
		s.offset = s.cursor - n + 1
	}
	s.offset = max(s.offset, 0)
}

// Update handles list, filter and confirmation keys.
func (s *homeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	sh := s.sh
	switch msg := msg.(type) {
	case assessmentsLoadedMsg:
		// Keep the cursor on the same assessment when the list is replaced,
		// as when the full list follows the first page.
		sel, had := s.selected()
		s.all, s.loaded = msg.list, true
		s.refilter()
		if had {
			for i, idx := range s.shown {
				if s.all[idx].ID == sel.ID {
					s.cursor = i
					s.scroll()
					break
				}
			}
		}
		return s, nil
	case resumedMsg:
		return s, loadListCmd(sh.ctx, sh.store, sh.today())
	case assessmentDeletedMsg:
		return s, tea.Batch(statusCmd(sh.tr("Riskbedömningen är borttagen", "The assessment was deleted")),
			loadListCmd(sh.ctx, sh.store, sh.today()))
	case tea.KeyPressMsg:
		switch {
		case s.confirm:
			return s.updateConfirm(msg)
		case s.filterOn:
			return s.updateFilter(msg)
		}
		return s.updateList(msg)
	}
	if s.filterOn && s.filter.Update(msg) {
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
			return s, deleteAssessmentCmd(s.sh.ctx, s.sh.store, a.ID)
		}
	case key.Matches(msg, k.Cancel):
		s.confirm = false
	}
	return s, nil
}

func (s *homeScreen) updateFilter(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	switch msg.String() {
	case "esc":
		s.filter.SetValue("")
		s.filter.Blur()
		s.filterOn = false
		s.refilter()
		return s, nil
	case "enter":
		s.filter.Blur()
		s.filterOn = false
		return s, nil
	case "up", "down":
		return s.updateList(msg)
	}
	s.filter.Update(msg)
	s.refilter()
	return s, nil
}

func (s *homeScreen) updateList(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	sh, k := s.sh, s.sh.keys.Home
	a, ok := s.selected()
	switch {
	case key.Matches(msg, k.Up):
		s.cursor = max(s.cursor-1, 0)
		s.scroll()
	case key.Matches(msg, k.Down):
		s.cursor = min(s.cursor+1, max(len(s.shown)-1, 0))
		s.scroll()
	case key.Matches(msg, k.Filter):
		s.filterOn = true
		s.filter.Focus()
	case key.Matches(msg, k.New):
		return s, func() tea.Msg { return newAssessmentMsg{} }
	case key.Matches(msg, k.Open) && ok:
		return s, openCmd(walkScreenID, a.ID)
	case key.Matches(msg, k.Plan) && ok:
		return s, openCmd(planScreenID, a.ID)
	case key.Matches(msg, k.Summary) && ok:
		return s, openCmd(summaryScreenID, a.ID)
	case key.Matches(msg, k.Export) && ok:
		return s, exportCmd(sh.ctx, sh.exporter, sh.lang, a.ID)
	case key.Matches(msg, k.Delete) && ok:
		s.confirm = true
	case key.Matches(msg, sh.keys.Global.Back):
		if s.filter.Value() != "" {
			s.filter.SetValue("")
			s.refilter()
			return s, nil
		}
		return s, backCmd
	}
	return s, nil
}

// View renders the list, the filter and the confirmation.
func (s *homeScreen) View() string {
	sh, st := s.sh, s.sh.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(sh.tr("samkoll – riskbedömningar i arbetsmiljön", "samkoll – work environment risk assessments")))
	b.WriteString("\n")
	if s.filterOn || s.filter.Value() != "" {
		b.WriteString(s.filter.View(st.Subtle))
	}
	b.WriteString("\n")
	switch {
	case !s.loaded:
		b.WriteString(st.Subtle.Render(sh.tr("Läser in …", "Loading …")))
		return b.String()
	case len(s.all) == 0:
		b.WriteString(wrap(sh.tr("Här finns inga riskbedömningar ännu.", "There are no assessments yet."), s.w) + "\n")
		b.WriteString(wrap(sh.tr("Tryck n för att starta en ny riskbedömning för en enhet; allt sparas direkt.",
			"Press n to start a new risk assessment for a unit; everything is saved at once."), s.w))
		return b.String()
	case len(s.shown) == 0:
		b.WriteString(st.Subtle.Render(sh.tr("Inget matchar filtret (esc rensar).", "Nothing matches the filter (esc clears).")))
		return b.String()
	}
	unitW := 4
	for _, i := range s.shown {
		unitW = max(unitW, len([]rune(checklist.SanitizeLine(s.all[i].Unit))))
	}
	unitW = min(unitW, max(s.w/3, 8))
	head := fmt.Sprintf("  %-*s  %-10s  %-9s  %s", unitW, sh.tr("Enhet", "Unit"), sh.tr("Datum", "Date"),
		sh.tr("Besvarat", "Answered"), sh.tr("Åtgärder öppna/försenade", "Actions open/overdue"))
	b.WriteString(st.Subtle.Render(head) + "\n")
	end := min(s.offset+s.listHeight(), len(s.shown))
	for row := s.offset; row < end; row++ {
		a := s.all[s.shown[row]]
		unit := []rune(checklist.SanitizeLine(a.Unit))
		if len(unit) > unitW {
			unit = append(unit[:unitW-1], '…')
		}
		progress := fmt.Sprintf("%d/%d", a.Answered, a.Total)
		actions := fmt.Sprintf("%d/%d", a.OpenActions, a.OverdueActions)
		line := fmt.Sprintf("%-*s  %-10s  %-9s  %s", unitW, string(unit), a.Date, progress, actions)
		if a.Status.String() == "avslutad" {
			line += "  " + a.Status.Label(sh.lang)
		}
		switch {
		case row == s.cursor:
			line = st.Selected.Render("> " + line)
		case a.OverdueActions > 0:
			line = "  " + st.Overdue.Render(line)
		default:
			line = "  " + line
		}
		b.WriteString(line + "\n")
	}
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
	k, g := s.sh.keys.Home, s.sh.keys.Global
	switch {
	case s.confirm:
		return []key.Binding{k.Confirm, k.Cancel}
	case s.filterOn:
		return []key.Binding{s.sh.keys.Input.Save, s.sh.keys.Input.Cancel}
	}
	s.enable()
	return []key.Binding{k.New, k.Open, k.Plan, k.Export, k.Delete, k.Filter, g.Help, g.Back}
}

// FullHelp lists all keys.
func (s *homeScreen) FullHelp() [][]key.Binding {
	k, g := s.sh.keys.Home, s.sh.keys.Global
	s.enable()
	return [][]key.Binding{{k.Up, k.Down, k.Filter}, {k.New, k.Open, k.Plan, k.Summary}, {k.Export, k.Delete}, {g.Present, g.Help, g.Back, g.Quit}}
}

// enable disables the bindings that need a selected assessment when there is
// none.
func (s *homeScreen) enable() {
	_, ok := s.selected()
	k := &s.sh.keys.Home
	for _, b := range []*key.Binding{&k.Open, &k.Plan, &k.Summary, &k.Export, &k.Delete} {
		b.SetEnabled(ok)
	}
}
