package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// How the action form draws itself: the title with the item and its risk,
// the fields with their labels, the suggested measures, the focused field's
// hint and the error or warning line.

// View renders the form.
func (f *actionForm) View() string {
	st, tr := f.sh.styles, f.sh.tr
	lw := f.labelWidth()
	var b []string
	title := tr("Ny åtgärd", "New action")
	if f.base.ID != 0 {
		title = tr("Redigera åtgärd", "Edit action")
	}
	if f.item != nil {
		area, num := f.sh.ownAreaTitle(f.base.AreaID), f.item.ID
		if checklist.IsOwnItemID(num) {
			num = f.sh.tr("egen punkt", "own item")
		}
		if ar := f.sh.cat.Area(f.base.AreaID); ar != nil {
			area = ar.Title.In(f.sh.lang)
			for i, it := range ar.Items {
				if it.ID == f.item.ID {
					num = fmt.Sprintf("%s %d", f.sh.tr("punkt", "item"), i+1)
				}
			}
		}
		title += fmt.Sprintf(" · %s, %s", area, num)
		if f.level != checklist.NoLevel {
			title += " · " + f.level.Label(f.sh.lang)
			if f.serious {
				title += " (" + tr("allvarlig", "serious") + ")"
			}
		}
	}
	b = append(b, st.Title.Render(ansi.Truncate(title, f.w, "…")))
	if f.offer != nil {
		b = append(b, st.Warning.Render(wrap(f.sh.offerText(f.offer), f.w)))
	}
	for _, field := range f.shown {
		focused := field == f.field()
		if field == fieldPick {
			b = append(b, f.pickView(focused)...)
			continue
		}
		label := map[formField]string{
			fieldRisk:       tr("Risk", "Risk"),
			fieldWhat:       tr("Åtgärd", "Action"),
			fieldWho:        f.whoLabel(),
			fieldDue:        f.dueLabel(),
			fieldEscalation: tr("Eskalering", "Escalation"),
		}[field]
		ls := st.Label
		mark := "  "
		if focused {
			ls, mark = st.Focused, cursorMark+" "
		}
		value := "‹ " + f.esc.Label(f.sh.lang) + " ›"
		if field != fieldEscalation {
			value = f.inputs[field].View()
		}
		// A value over several lines goes on under its first line.
		for i, line := range strings.Split(value, "\n") {
			head := strings.Repeat(" ", lw)
			if i == 0 {
				head = ls.Render(pad(mark+label, lw))
			}
			b = append(b, ansi.Truncate(head+" "+line, f.w, "…"))
		}
	}
	if hint := f.hint(); hint != "" {
		b = append(b, st.Hint.Render(fitWords(hint, f.w)))
	}
	if in, ok := f.inputs[f.field()]; ok && in.Cut() {
		b = append(b, st.Warning.Render(wrap(cutText(f.sh, in.Limit()), f.w)))
	}
	switch {
	case f.err != "":
		b = append(b, st.Error.Render(ansi.Truncate(f.err, f.w, "…")))
	case f.warned:
		b = append(b, st.Warning.Render(ansi.Truncate(planPNWarning(f.sh), f.w, "…")))
	case f.caution != "":
		b = append(b, st.Warning.Render(wrap(f.caution, f.w)))
	}
	return strings.Join(b, "\n")
}

// whoLabel is the responsible's label, short where the labels are narrow.
func (f *actionForm) whoLabel() string {
	if f.w < 50 {
		return f.sh.tr("Ansvarig", "Who")
	}
	return f.sh.tr("Ansvarig", "Responsible")
}

// dueLabel is the due date's label, short where the labels are narrow.
func (f *actionForm) dueLabel() string {
	if f.w < 50 {
		return f.sh.tr("Senast", "Due")
	}
	return f.sh.tr("Klart senast", "Due")
}

// pickView renders the measures list.
func (f *actionForm) pickView(focused bool) []string {
	st, tr := f.sh.styles, f.sh.tr
	if !focused {
		s := fmt.Sprintf(tr("  Förslag: %d åtgärder (shift+tab för att välja)", "  Suggestions: %d measures (shift+tab to pick)"),
			len(f.measures))
		return []string{st.Subtle.Render(ansi.Truncate(s, f.w, "…"))}
	}
	return append([]string{st.Focused.Render(cursorMark + " " + fitWords(tr("Föreslagna åtgärder (1–9 eller ↑/↓ + enter, tab hoppar över)",
		"Suggested measures (1–9 or ↑/↓ + enter, tab skips)"), f.w-2))}, f.picks.Lines()...)
}

// pickRow draws suggested measure i, numbered 1–9.
func (f *actionForm) pickRow(i int, selected bool) string {
	line := fmt.Sprintf("  %d %s", i+1, oneLine(f.measures[i]))
	if i >= 9 {
		line = "    " + oneLine(f.measures[i])
	}
	if selected {
		return f.sh.styles.Selected.Render(ansi.Truncate(line, f.w, "…"))
	}
	return line
}

// hint returns the focused field's hint.
func (f *actionForm) hint() string {
	tr := f.sh.tr
	switch f.field() {
	case fieldRisk, fieldWhat:
		return tr("Skriv inte namn på enskilda medarbetare eller uppgifter om hälsa eller ärenden",
			"Do not write names of individual employees or details of health or cases")
	case fieldWho:
		return tr("Roll eller ansvarig chef – inte enskilda medarbetare", "A role or the responsible manager – not individual employees")
	case fieldDue:
		if f.serious {
			return tr("Allvarlig risk: åtgärda omedelbart eller sätt ett tidigt datum",
				"Serious risk: act at once or set an early date")
		}
		return tr("ÅÅÅÅ-MM-DD", "YYYY-MM-DD")
	case fieldEscalation:
		return tr("space/←/→: APT, samverkansgrupp eller närmaste chef", "space/←/→: meeting, joint group or next manager")
	}
	return ""
}
