package tui

import (
	"fmt"
	"strings"
)

// How the new assessment form draws itself: the fields with their labels
// and hints, an offered draft, the areas to choose, the error line, and on
// a short window the part around the focused field.

// View renders the form.
func (s *newScreen) View() string {
	sh, st := s.sh, s.sh.styles
	lw := labelWidth(s.w)
	var lines []string
	lines = append(lines, st.Title.Render(sh.tr("Ny riskbedömning", "New risk assessment")))
	if s.offer != nil {
		lines = append(lines, st.Warning.Render(wrap(sh.offerText(s.offer), s.w)))
	} else {
		lines = append(lines, "")
	}
	focusLine := 0
	row := func(field int, label, value string) {
		ls := st.Label
		marker := "  "
		if s.focus == field {
			ls, marker = st.Focused, "> "
			focusLine = len(lines) + 1
		}
		if lw == 0 {
			lines = append(lines, ls.Render(marker+label), "  "+value)
			return
		}
		lines = append(lines, ls.Render(fmt.Sprintf("%-*s", lw, marker+label))+value)
	}
	indent := strings.Repeat(" ", max(lw, 2))
	row(fieldUnit, sh.tr("Enhet", "Unit"), s.unit.View())
	if s.focus == fieldUnit {
		if sug := s.matchingUnits(3); len(sug) > 0 {
			lines = append(lines, indent+st.Subtle.Render(sh.tr("finns: ", "known: ")+strings.Join(sug, ", ")+sh.tr(" (tab fyller i)", " (tab completes)")))
		}
	}
	row(fieldDate, sh.tr("Mötesdatum", "Meeting date"), s.date.View())
	row(fieldParticipants, sh.tr("Deltagare (roller)", "Participants (roles)"), s.participants.View())
	if s.focus == fieldParticipants {
		lines = append(lines, indent+st.Hint.Render(sh.tr("Skriv roller och antal, inte namn.", "Write roles and numbers, not names.")))
	}
	yes := "[ ] " + sh.tr("nej", "no")
	if s.safetyRep {
		yes = "[x] " + sh.tr("ja", "yes")
	}
	row(fieldSafetyRep, sh.tr("Skyddsombud närvarande", "Safety rep present"), yes)
	row(fieldAreas, sh.tr("Områden (space väljer)", "Areas (space toggles)"), "")
	if note := s.planNote(); note != "" {
		lines = append(lines, indent+st.Subtle.Render(wrapFirst(note, max(s.w-len(indent), 10))))
	}
	for i, row := range s.list.Lines() {
		if s.focus == fieldAreas && s.list.Offset()+i == s.list.Cursor() {
			focusLine = len(lines)
		}
		lines = append(lines, row)
	}
	if s.errText != "" {
		lines = append(lines, st.Error.Render(wrap(s.errText, s.w)))
	}
	if f := s.field(s.focus); f != nil && f.Cut() {
		lines = append(lines, st.Warning.Render(wrap(cutText(sh, f.Limit()), s.w)))
	}
	// On a short window, scroll so the focused field stays in view.
	if s.h > 0 && len(lines) > s.h && focusLine >= s.h-1 {
		start := min(focusLine-s.h+2, len(lines)-s.h)
		lines = lines[max(start, 0):]
	}
	return strings.Join(lines, "\n")
}

// areaRow draws area i with its check box.
func (s *newScreen) areaRow(i int, selected bool) string {
	sh, st := s.sh, s.sh.styles
	ar := s.areas[i]
	box := "[ ]"
	if s.chosen[ar.ID] {
		box = "[x]"
	}
	text := fmt.Sprintf("%s %s (%d)", box, ar.Title.In(sh.lang), len(ar.Items))
	if ar.Core {
		text += " " + st.Subtle.Render(sh.tr("kärnområde", "core"))
	}
	if s.focus == fieldAreas && selected {
		return "  " + st.Selected.Render("> "+text)
	}
	return "    " + text
}

// matchingUnits returns up to n known units that contain the typed text.
func (s *newScreen) matchingUnits(n int) []string {
	q := strings.ToLower(strings.TrimSpace(s.unit.Value()))
	var out []string
	for _, u := range s.unit.Suggestions() {
		if strings.Contains(strings.ToLower(u), q) && !strings.EqualFold(u, strings.TrimSpace(s.unit.Value())) {
			out = append(out, u)
			if len(out) == n {
				break
			}
		}
	}
	return out
}
