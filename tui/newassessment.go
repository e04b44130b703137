package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// The fields of the new assessment form, in tab order.
const (
	fieldUnit = iota
	fieldDate
	fieldParticipants
	fieldSafetyRep
	fieldAreas
	fieldCount
)

// newScreen is the new assessment form: unit, meeting date, participants as
// roles, whether the skyddsombud is present, and the areas to include.
type newScreen struct {
	sh           *shared
	unit         *textField
	date         *textField
	participants *textField
	safetyRep    bool
	areas        []*checklist.Area
	chosen       map[string]bool
	list         listWindow // the areas
	focus        int
	errText      string
	creating     bool
	w, h         int
	// plan is what the unit's year plan preselected (cycle.go).
	plan yearPlanState
	// offer is the stored draft offered back (formdrafts.go); edited is
	// set once a key changed a text.
	offer  *draftOffer
	edited bool
}

func newNewScreen(sh *shared) *newScreen {
	s := &newScreen{
		sh:           sh,
		unit:         newTextField(sh, "", sh.tr("t.ex. Avdelning 12, kirurgen", "e.g. Ward 12, surgery"), 80),
		date:         newTextField(sh, "", "ÅÅÅÅ-MM-DD", 10),
		participants: newTextField(sh, "", sh.tr("t.ex. chef, 6 sjuksköterskor, skyddsombud", "e.g. manager, 6 nurses, safety rep"), 200),
		areas:        sh.cat.Areas,
		chosen:       map[string]bool{},
	}
	s.list = newListWindow(sh.keys.List, s.areaRow)
	s.list.SetLen(len(s.areas))
	s.date.SetDefault(sh.today().String())
	for _, id := range sh.cat.PreselectedAreaIDs() {
		s.chosen[id] = true
	}
	s.unit.Focus()
	return s
}

// init loads the known units for suggestions and the form's draft.
func (s *newScreen) init() tea.Cmd {
	s.sh.loadDraftsOrdered(0)
	return unitsCmd(s.sh.ctx, s.sh.store)
}

// Inputting reports whether a text field has focus.
func (s *newScreen) Inputting() bool { return s.focus <= fieldParticipants }

// SetSize stores the body size.
func (s *newScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	// A narrow form indents the field by two under its label.
	fw := max(w-max(labelWidth(w), 2), 4)
	s.unit.SetWidth(fw)
	s.date.SetWidth(fw)
	s.participants.SetWidth(fw)
	// The fields above the areas, with a hint and an error line; a short
	// window scrolls to the focused field instead (see View).
	rows := max(h-9, 1)
	if h < 16 {
		rows = max(h-3, 1)
	}
	s.list.SetSize(w, rows)
}

// labelWidth is the width of the label column.
func labelWidth(w int) int {
	if w < 60 {
		return 0
	}
	return 26
}

func (s *newScreen) field(i int) *textField {
	switch i {
	case fieldUnit:
		return s.unit
	case fieldDate:
		return s.date
	case fieldParticipants:
		return s.participants
	}
	return nil
}

func (s *newScreen) setFocus(i int) {
	if f := s.field(s.focus); f != nil {
		f.Blur()
	}
	if s.focus == fieldUnit || s.focus == fieldDate {
		s.askPlan()
	}
	s.focus = (i + fieldCount) % fieldCount
	if f := s.field(s.focus); f != nil {
		f.Focus()
	}
}

// Update handles the form.
func (s *newScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case unitsLoadedMsg:
		names := make([]string, 0, len(msg.units))
		for _, u := range msg.units {
			names = append(names, checklist.SanitizeLine(u.Name))
		}
		s.unit.SetSuggestions(names)
		return s, nil
	case plannedAreasMsg:
		s.planArrived(msg)
		return s, nil
	case draftsLoadedMsg:
		s.draftsArrived(msg)
		return s, nil
	case errMsg, writeFailedMsg:
		s.creating = false
		return s, nil
	case tea.KeyPressMsg:
		return s.updateKey(msg)
	case tea.PasteMsg:
		if f := s.field(s.focus); f != nil && f.edit(msg) {
			s.typed()
		}
	}
	return s, nil
}

func (s *newScreen) updateKey(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	k, g, in := s.sh.keys.New, s.sh.keys.Global, s.sh.keys.Input
	if s.creating {
		return s, nil
	}
	switch {
	case key.Matches(msg, in.Cancel) || (!s.Inputting() && key.Matches(msg, g.Back)):
		if s.edited {
			// Cancelled after typing: the draft goes too.
			s.sh.forgetDraft(0, newAssessmentField)
		}
		return s, s.sh.back()
	case key.Matches(msg, k.Create):
		return s, s.create()
	case s.offer != nil && key.Matches(msg, k.Submit):
		s.takeOffer()
		return s, nil
	case s.focus == fieldUnit && key.Matches(msg, k.Complete) && s.unit.Complete():
		s.typed()
		return s, nil
	case key.Matches(msg, k.Submit):
		if s.focus < fieldSafetyRep {
			s.setFocus(s.focus + 1)
			return s, nil
		}
		return s, s.create()
	case s.focus == fieldAreas && s.moveInAreas(msg):
		return s, nil
	case key.Matches(msg, k.Prev):
		s.setFocus(s.focus - 1)
		return s, nil
	case key.Matches(msg, k.Next):
		s.setFocus(s.focus + 1)
		return s, nil
	}
	switch s.focus {
	case fieldSafetyRep:
		switch {
		case key.Matches(msg, k.Yes):
			s.safetyRep = true
		case key.Matches(msg, k.No):
			s.safetyRep = false
		case key.Matches(msg, k.Toggle):
			s.safetyRep = !s.safetyRep
		}
	case fieldAreas:
		if key.Matches(msg, k.Toggle) && len(s.areas) > 0 {
			id := s.areas[s.list.Cursor()].ID
			s.chosen[id] = !s.chosen[id]
			s.plan.touched = true
		}
	default:
		if f := s.field(s.focus); f != nil && f.edit(msg) {
			s.typed()
		}
	}
	return s, nil
}

// moveInAreas moves in the list of areas and reports whether it did: up
// on the first area goes on to the previous field instead, down on the last
// stays.
func (s *newScreen) moveInAreas(msg tea.KeyPressMsg) bool {
	l := s.sh.keys.List
	switch {
	case key.Matches(msg, l.Up) && s.list.Cursor() == 0:
		return false
	case key.Matches(msg, l.Up, l.Down, l.PageUp, l.PageDown, l.Home, l.End):
		s.list, _ = s.list.Update(msg)
		return true
	}
	return false
}

// create validates the form and returns the command that saves it; on a bad
// field it sets the error and returns nil, changing nothing else.
func (s *newScreen) create() tea.Cmd {
	sh := s.sh
	unit := strings.TrimSpace(s.unit.Value())
	if unit == "" {
		s.errText = sh.tr("Skriv enhetens namn.", "Enter the unit's name.")
		s.setFocus(fieldUnit)
		return nil
	}
	d, err := checklist.ParseDate(s.date.Value())
	if err != nil {
		s.errText = sh.tr(
			fmt.Sprintf("Mötesdatumet %q finns inte. Skriv ÅÅÅÅ-MM-DD, t.ex. %s.", s.date.Value(), sh.today()),
			fmt.Sprintf("The meeting date %q is not a valid date. Write YYYY-MM-DD, e.g. %s.", s.date.Value(), sh.today()))
		s.setFocus(fieldDate)
		return nil
	}
	a := checklist.Assessment{Unit: unit, Date: d, Participants: strings.TrimSpace(s.participants.Value()), SafetyRepPresent: s.safetyRep}
	counts := map[string]int{}
	for _, ar := range s.areas {
		if s.chosen[ar.ID] {
			a.Areas = append(a.Areas, checklist.AreaRef{ID: ar.ID, Version: ar.Version, Hash: ar.Hash})
			counts[ar.ID] = len(ar.Items)
		}
	}
	if len(a.Areas) == 0 {
		s.errText = sh.tr("Välj minst ett område (space).", "Choose at least one area (space).")
		s.setFocus(fieldAreas)
		return nil
	}
	if checklist.ContainsPersonnummer(a.Unit) {
		s.errText = sh.tr("Enhetens namn ser ut att innehålla ett personnummer. Skriv arbetsgruppens namn, inte en person.",
			"The unit's name looks like it holds a personal identity number. Write the work group's name, not a person.")
		s.setFocus(fieldUnit)
		return nil
	}
	if checklist.ContainsPersonnummer(a.Participants) {
		s.errText = sh.tr("Deltagarfältet ser ut att innehålla ett personnummer. Skriv roller, inte personer.",
			"The participants field looks like it holds a personal identity number. Write roles, not people.")
		s.setFocus(fieldParticipants)
		return nil
	}
	s.errText = ""
	s.creating = true
	sh.createAssessment(a, counts)
	// After the assessment, in order: a create that fails keeps the draft.
	sh.forgetDraft(0, newAssessmentField)
	for _, f := range []*textField{s.unit, s.date, s.participants} {
		if f.Cut() {
			return statusCmd(cutText(sh, f.Limit()))
		}
	}
	return nil
}

// ShortHelp lists the keys that work now.
func (s *newScreen) ShortHelp() []key.Binding {
	k, g := s.sh.keys.New, s.sh.keys.Global
	switch s.focus {
	case fieldUnit:
		return []key.Binding{k.Next, k.Complete, k.Create, s.sh.keys.Input.Cancel}
	case fieldSafetyRep, fieldAreas:
		return []key.Binding{k.Toggle, k.Next, k.Prev, k.Create, g.Back}
	}
	return []key.Binding{k.Next, k.Prev, k.Create, s.sh.keys.Input.Cancel}
}

// FullHelp lists all keys.
func (s *newScreen) FullHelp() [][]key.Binding {
	k, g := s.sh.keys.New, s.sh.keys.Global
	return [][]key.Binding{{k.Next, k.Prev, k.Complete}, {k.Up, k.Down, k.Toggle}, {k.Create, g.Back, g.Quit}}
}
