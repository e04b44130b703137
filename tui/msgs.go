package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// Messages shared by the root and the screens. Commands build them from
// plain values and never touch a model.

// errMsg reports a failure; the root shows it in the status line.
type errMsg struct{ err error }

// statusMsg is an informational line for the status line.
type statusMsg struct{ text string }

// clearStatusMsg expires the status line set with the same id.
type clearStatusMsg struct{ id int }

// Navigation. A screen never builds another screen: it posts one of these
// (shared.open, shared.back, shared.post) and the root switches before the
// next key; keys typed while the new screen's assessment loads wait for it
// (Model.holding).

// open asks the root to open screen to for assessment id.
func (sh *shared) open(to screenID, id int64) tea.Cmd {
	return sh.openAt(to, id, checklist.ItemKey{})
}

// openAt asks the root to open screen to for assessment id at item focus.
func (sh *shared) openAt(to screenID, id int64, focus checklist.ItemKey) tea.Cmd {
	sh.post(openMsg{to: to, id: id, focus: focus})
	return nil
}

// back asks the root to go back.
func (sh *shared) back() tea.Cmd {
	sh.post(backMsg{})
	return nil
}

// openMsg asks the root to load assessment id and push the screen to on top.
// Focus, when set, is the item the screen should start at.
type openMsg struct {
	to    screenID
	id    int64
	focus checklist.ItemKey
}

// backMsg asks the root to pop the active screen (q / esc at the top level of
// a screen). Popping the last screen quits.
type backMsg struct{}

// resumedMsg is sent to a screen that becomes active again after the screen
// above it was popped: reload what may have changed.
type resumedMsg struct{}

// addActionMsg asks the root to open the plan screen for the assessment with
// the "add action" form for the item. The root loads the assessment, builds
// the plan screen and forwards this message to it.
type addActionMsg struct {
	AssessmentID   int64
	AreaID, ItemID string
}

// newAssessmentMsg asks the root to open the new assessment form.
type newAssessmentMsg struct{}

// Results of store calls.

// assessmentsLoadedMsg carries the start screen's first page.
type assessmentsLoadedMsg struct{ list []Summary }

// firstUnitsMsg carries the start screen's first units (homeunits.go),
// read first; none where they could not be read.
type firstUnitsMsg struct{ units []checklist.UnitRow }

// unitsLoadedMsg carries the known units for suggestions.
type unitsLoadedMsg struct{ units []checklist.Unit }

// assessmentLoadedMsg carries a loaded assessment and what it was loaded
// for: an openMsg (then the root builds the screen) or a refresh (open.to ==
// 0: forwarded to the active screen).
type assessmentLoadedMsg struct {
	a    checklist.Assessment
	open openMsg
	add  *addActionMsg
	// drafts are the assessment's drafts, by field, when they were read.
	drafts map[string]checklist.Draft
	// prev are the unit's previous answers by item (see cycle.go).
	prev map[checklist.ItemKey]checklist.PastResponse
}

// assessmentCreatedMsg reports a saved new assessment.
type assessmentCreatedMsg struct {
	a checklist.Assessment
	// prev are the unit's previous answers by item (see cycle.go).
	prev map[checklist.ItemKey]checklist.PastResponse
}

// assessmentDeletedMsg reports a deleted assessment.
type assessmentDeletedMsg struct{ id int64 }

// actionSavedMsg reports a saved action, with the store's id.
type actionSavedMsg struct{ a checklist.Action }

// actionDeletedMsg reports a deleted action.
type actionDeletedMsg struct{ id int64 }

// exportedMsg reports a written export file.
type exportedMsg struct {
	id      int64
	path    string
	warning error
	req     ExportRequest
	// text is the copied extract; personal the places that stopped the
	// export (see ExportResult).
	text     string
	personal []string
}

// statusDuration is how long a status line stays.
const statusDuration = 5 * time.Second

// statusCmd shows text in the status line.
func statusCmd(text string) tea.Cmd { return func() tea.Msg { return statusMsg{text} } }

// FirstPage is how many of the newest assessments the start screen loads
// before the rest: more than a screen holds, and cheap whatever the size of
// the database.
const FirstPage = 40

// listWindowSize is how many rows of the start screen's list are read at
// a time: several screens' worth. More are read as the cursor nears the
// end of what is loaded, so memory grows with how far the list is
// scrolled, not with the database.
const listWindowSize = 200

// listWindowMsg carries rows offset… of the start screen's list under the
// filter text filter, and how many match in all.
type listWindowMsg struct {
	filter        string
	offset, total int
	list          []Summary
}

// readListWindow reads rows offset to offset+n of the list under filter.
func readListWindow(ctx context.Context, s Store, today checklist.Date, filter string, offset, n int) (tea.Msg, error) {
	list, total, err := s.ListWindow(ctx, today, filter, offset, n)
	if err != nil {
		return nil, err
	}
	return listWindowMsg{filter: filter, offset: offset, total: total, list: list}, nil
}

// unitsCmd loads the known units.
func unitsCmd(ctx context.Context, s Store) tea.Cmd {
	return func() tea.Msg {
		units, err := s.Units(ctx)
		if err != nil {
			return errMsg{err}
		}
		return unitsLoadedMsg{units}
	}
}

// exportCmd writes the export req of assessment id. A nil exporter gives
// an explanatory error.
func exportCmd(ctx context.Context, e Exporter, lang checklist.Lang, id int64, req ExportRequest) tea.Cmd {
	return func() tea.Msg {
		if e == nil {
			return errMsg{errNoExporter(lang)}
		}
		res, err := e.ExportAssessment(ctx, id, req)
		if err != nil {
			return errMsg{err}
		}
		return exportedMsg{id: id, path: res.Path, warning: res.Warning, req: req, text: res.Text, personal: res.PersonalData}
	}
}
