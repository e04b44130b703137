package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// The plan in presentation mode: what is to be done, who does it and by
// when, one action a row in a centred table, settled actions dimmed and
// overdue ones marked; no legend and no details.

// presentCols are the widths of the plan's columns in presentation mode
// and the margin that centres them.
type presentCols struct {
	what, who, margin int
}

// presentColumns sizes the what/who/when table to its content within the
// width: who at most a quarter of it, what the rest.
func (t *planTable) presentColumns() presentCols {
	sh, w := t.sh, max(t.w, 1)
	c := presentCols{what: ansi.StringWidth(sh.tr("Åtgärd", "Action")), who: ansi.StringWidth(sh.tr("Ansvarig", "Responsible"))}
	for _, x := range t.actions {
		c.what = max(c.what, ansi.StringWidth(oneLine(x.What)))
		c.who = max(c.who, ansi.StringWidth(oneLine(x.Who)))
	}
	c.who = min(c.who, max(w/4, 8))
	// Cursor, mark and a space, then what, who and the date, three cells
	// apart.
	fixed := 3 + 3 + c.who + 3 + 10
	c.what = max(min(c.what, w-fixed-2), 8)
	c.margin = max((w-fixed-c.what)/2, 0)
	return c
}

// presentView renders the heading and the rows, centred.
func (t *planTable) presentView() string {
	st, tr, c := t.sh.styles, t.sh.tr, t.cols.present
	if len(t.actions) == 0 {
		return "\n" + centre([]string{st.Present.Render(tr("Inga åtgärder ännu.", "No actions yet."))}, t.w)[0]
	}
	head := strings.Repeat(" ", c.margin+3) + pad(tr("Åtgärd", "Action"), c.what) + "   " + pad(tr("Ansvarig", "Responsible"), c.who) + "   " + tr("Klart senast", "Due")
	return strings.Join(append([]string{"", st.Area.Render(head)}, t.list.Lines()...), "\n")
}

// presentRow draws row i in presentation mode: a group heading, or an
// action's what, who and due date.
func (t *planTable) presentRow(i int, selected bool) string {
	st, tr, c := t.sh.styles, t.sh.tr, t.cols.present
	margin := strings.Repeat(" ", c.margin)
	if t.rows[i] < 0 {
		if t.heads[i] {
			return margin + st.Subtle.Render(tr("Från tidigare APT", "From earlier meetings"))
		}
		return margin + st.Subtle.Render(tr("Denna APT", "This meeting"))
	}
	r := t.sh.writes.latestAction(t.actions[t.rows[i]])
	cur, mark, due, overdue := t.rowStart(r, selected)
	line := cur + mark + " " + pad(oneLine(r.What), c.what) + "   " + pad(oneLine(r.Who), c.who) + "   " + due
	switch {
	case selected:
		return margin + st.Selected.Render(line)
	case !r.Status.Open():
		return margin + st.Subtle.Render(line)
	case overdue:
		return margin + st.Overdue.Render(line)
	}
	return margin + st.Present.Render(line)
}
