package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// The start screen in presentation mode: the same table, centred, in
// bold, with only the overdue count in colour.

// presentMargin is the indent that centres the table in presentation
// mode, "" otherwise.
func (s *homeScreen) presentMargin() string {
	if !s.sh.presenting {
		return ""
	}
	closed := ansi.StringWidth(checklist.Avslutad.Label(s.sh.lang)) + 2
	width := 2 + s.idW + 2 + s.unitW + 2 + 10 + 2 + 9 + 2 + s.openW + 2 + s.overdueW + closed
	return strings.Repeat(" ", max((s.w-width)/2, 0))
}

// presentRow draws an assessment's row in presentation mode from the
// parts row built.
func (s *homeScreen) presentRow(a Summary, selected bool, line, overdue, status string) string {
	st, m := s.sh.styles, s.presentMargin()
	switch {
	case selected:
		return m + st.Selected.Render(cursorMark+" "+line+overdue+status)
	case a.Status == checklist.Avslutad:
		return m + "  " + st.Subtle.Render(line+overdue+status)
	case a.OverdueActions > 0:
		return m + "  " + st.Present.Render(line) + st.Overdue.Render(overdue)
	}
	return m + "  " + st.Present.Render(line+overdue)
}
