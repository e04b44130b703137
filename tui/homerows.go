package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// The start screen's table: its columns, heading and rows, and its title
// line with the scroll mark. Only the overdue count is in colour; closed
// assessments are calm. On a narrow window the number and the open count
// go, so that the unit, the date, the answered items and the overdue
// count show. In presentation mode the table is centred and in bold.

// homeNarrow is the width under which the start screen's table narrows.
const homeNarrow = 64

// columns sizes the unit column to the widest unit shown, within a third
// of the width, and the number and count columns to their values.
func (s *homeScreen) columns() {
	s.unitW = 4
	for _, a := range s.all {
		s.unitW = max(s.unitW, ansi.StringWidth(checklist.SanitizeLine(a.Unit)))
	}
	s.idW = 2
	s.openW = ansi.StringWidth(s.sh.tr("Öppna", "Open"))
	s.overdueW = ansi.StringWidth(s.overdueHead())
	for _, a := range s.all {
		s.idW = max(s.idW, len(fmt.Sprint(a.ID)))
		s.openW = max(s.openW, len(fmt.Sprint(a.OpenActions)))
		s.overdueW = max(s.overdueW, len(fmt.Sprint(a.OverdueActions)))
	}
	if s.w < homeNarrow {
		// Cursor, then unit, date, answered and overdue two cells apart.
		s.unitW = max(min(s.unitW, s.w-2-2-10-2-7-2-s.overdueW), 6)
		return
	}
	s.unitW = min(s.unitW, max(s.w/3, 8))
}

// overdueHead is the overdue column's heading, short when narrow.
func (s *homeScreen) overdueHead() string {
	if s.w < homeNarrow {
		return s.sh.tr("Sena", "Late")
	}
	return s.sh.tr("Försenade", "Overdue")
}

// heading is the table's column heading.
func (s *homeScreen) heading() string {
	tr := s.sh.tr
	if s.w < homeNarrow {
		return "  " + pad(tr("Enhet", "Unit"), s.unitW) + "  " + pad(tr("Datum", "Date"), 10) + "  " + pad(tr("Svar", "Done"), 7) + "  " + s.overdueHead()
	}
	// Nr is the number samkoll export takes.
	return "  " + pad(tr("Nr", "No"), s.idW) + "  " + pad(tr("Enhet", "Unit"), s.unitW) + "  " + pad(tr("Datum", "Date"), 10) + "  " +
		pad(tr("Besvarat", "Answered"), 9) + "  " + padLeft(tr("Öppna", "Open"), s.openW) + "  " + s.overdueHead()
}

// row draws assessment i of the filtered list. Only the overdue count is
// coloured, and only on an assessment still in progress; a closed one is
// drawn in the secondary colour, since its open actions are followed up in
// later assessments.
func (s *homeScreen) row(i int, selected bool) string {
	sh, st := s.sh, s.sh.styles
	a := s.all[i]
	closed := a.Status == checklist.Avslutad
	var line string
	if s.w < homeNarrow {
		line = pad(checklist.SanitizeLine(a.Unit), s.unitW) + "  " + pad(a.Date.String(), 10) + "  " + pad(s.answeredText(a), 7) + "  "
	} else {
		line = fmt.Sprintf("%*d", s.idW, a.ID) + "  " + pad(checklist.SanitizeLine(a.Unit), s.unitW) + "  " + pad(a.Date.String(), 10) + "  " +
			pad(s.answeredText(a), 9) + "  " + padLeft(fmt.Sprint(a.OpenActions), s.openW) + "  "
	}
	overdue := padLeft(fmt.Sprint(a.OverdueActions), s.overdueW)
	var status string
	if closed && s.w >= homeNarrow {
		// Narrow, a closed row is told by its colour alone, so that its
		// counts keep their place.
		status = "  " + a.Status.Label(sh.lang)
	}
	if sh.presenting {
		return s.presentRow(a, selected, line, overdue, status)
	}
	switch {
	case selected:
		return st.Selected.Render(cursorMark + " " + line + overdue + status)
	case closed:
		return "  " + st.Subtle.Render(line+overdue+status)
	case a.OverdueActions > 0:
		return "  " + line + st.Overdue.Render(overdue)
	}
	return "  " + line + overdue
}

// titleLine is the title with, when the list is longer than the window,
// which rows are shown ("1–26 av 40") at the right.
func (s *homeScreen) titleLine() string {
	title := s.sh.tr("samkoll – riskbedömningar i arbetsmiljön", "samkoll – work environment risk assessments")
	if !s.loaded {
		return titleWithRows(s.sh, title, s.w, s.list, 0)
	}
	return titleWithRows(s.sh, title, s.w, s.list, s.total)
}

// titleWithRows is a list screen's title line: the title, and at the
// right, when not all total rows show in l's window, which do ("1–26 av
// 40"). In presentation mode the title alone, centred.
func titleWithRows(sh *shared, title string, w int, l listWindow, total int) string {
	st := sh.styles
	if sh.presenting {
		return centre([]string{st.Title.Render(ansi.Truncate(title, w, "…"))}, w)[0]
	}
	var where string
	if shown := min(l.height, l.Len()-l.Offset()); total > shown && shown > 0 {
		where = fmt.Sprintf(sh.tr("%d–%d av %d", "%d–%d of %d"), l.Offset()+1, l.Offset()+shown, total)
	}
	room := w - ansi.StringWidth(where) - 2
	if where == "" || room < 8 {
		return st.Title.Render(ansi.Truncate(title, w, "…"))
	}
	title = ansi.Truncate(title, room, "…")
	return st.Title.Render(title) + strings.Repeat(" ", w-ansi.StringWidth(title)-ansi.StringWidth(where)) + st.Subtle.Render(where)
}

// presentMargin is the indent that centres the table in presentation
// mode, "" otherwise.
func (s *homeScreen) presentMargin() string {
	if !s.sh.presenting {
		return ""
	}
	width := ansi.StringWidth(s.heading()) + ansi.StringWidth(checklist.Avslutad.Label(s.sh.lang)) + 2
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
