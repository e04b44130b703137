package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// actionCounts counts the assessment's actions: open, overdue among the
// open, done, and checked.
func (s *summaryScreen) actionCounts() (open, overdue, done, checked int) {
	today := s.sh.today()
	for _, ac := range s.a.Actions {
		switch {
		case ac.Status.Open():
			open++
			if ac.Overdue(today) {
				overdue++
			}
		case ac.Status == checklist.Klar:
			done++
		}
		if !ac.CheckedOn.IsZero() {
			checked++
		}
	}
	return open, overdue, done, checked
}

// presentLines are the summary in presentation mode: the answers of all
// areas together, the serious risks and the actions, centred and spaced.
func (s *summaryScreen) presentLines() []string {
	st, tr, lang, w := s.sh.styles, s.sh.tr, s.sh.lang, max(s.w, 1)
	title := fmt.Sprintf("%s · %s · %s", tr("Sammanfattning", "Summary"), checklist.SanitizeLine(s.a.Unit), s.a.Date)
	out := centre([]string{st.Title.Render(ansi.Truncate(title, w, "…")), ""}, w)

	var total [5]int
	for _, c := range s.counts() {
		for ans, n := range c.answers {
			total[ans] += n
		}
	}
	var table []string
	for _, ans := range []checklist.Answer{checklist.Ja, checklist.Delvis, checklist.Nej, checklist.EjAktuellt, checklist.Unanswered} {
		label := ans.Label(lang)
		if ans == checklist.Unanswered {
			label = tr("Obesvarade", "Unanswered")
		}
		table = append(table, st.AnswersStrong[ans].Render(pad(label, 12))+st.Present.Render(fmt.Sprintf("%4d", total[ans])))
	}
	out = append(out, centreBlock(table, w)...)

	risks := s.seriousRisks()
	out = append(out, "", centre([]string{st.Area.Render(fmt.Sprintf("%s: %d", tr("Allvarliga risker", "Serious risks"), len(risks)))}, w)[0])
	var lines []string
	for _, r := range risks {
		lv := st.Levels[r.level].Render(r.level.Label(lang))
		lines = append(lines, hang(fmt.Sprintf("%s %s (%s)", lv, oneLine(r.problem), r.area), presentWidth(w), "", "  ")...)
	}
	out = append(out, centreBlock(lines, w)...)

	open, overdue, done, _ := s.actionCounts()
	acts := fmt.Sprintf("%s: %d %s · ", tr("Åtgärder", "Actions"), open, tr("öppna", "open"))
	if overdue > 0 {
		acts += st.Overdue.Render(fmt.Sprintf("%d %s", overdue, tr("försenade", "overdue")))
	} else {
		acts += fmt.Sprintf("0 %s", tr("försenade", "overdue"))
	}
	acts += fmt.Sprintf(" · %d %s", done, tr("klara", "done"))
	out = append(out, "", centre([]string{st.Present.Render(acts)}, w)[0])
	return trimTrailing(out)
}

// trimTrailing removes blank lines at the end.
func trimTrailing(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
