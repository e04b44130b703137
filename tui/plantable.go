package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// planTable is the table of an assessment's actions: the actions carried
// over from earlier meetings first, then this meeting's, each group under
// a heading; the column heading above and a legend below; and the details
// of the selected action.
type planTable struct {
	sh *shared
	a  *checklist.Assessment
	// actions are the actions in display order; rows index into it, -1
	// for a group heading (whose carried-over flag is in heads).
	actions []checklist.Action
	rows    []int
	heads   map[int]bool
	list    listWindow
	cols    planCols
	w, h    int
	// details is set when there is room for the selected action's details.
	details bool
}

// newPlanTable returns the table of a's actions; a is the plan screen's.
func newPlanTable(sh *shared, a *checklist.Assessment) *planTable {
	t := &planTable{sh: sh, a: a}
	t.list = newListWindow(sh.keys.ArrowList, t.row)
	t.list.heading = func(i int) bool { return t.rows[i] < 0 }
	t.rebuild(0)
	return t
}

// rebuild orders the actions into groups and puts the cursor on the action
// with id keep, when it is there.
func (t *planTable) rebuild(keep int64) {
	t.actions = t.actions[:0]
	t.rows, t.heads = t.rows[:0], map[int]bool{}
	for _, carried := range []bool{true, false} {
		first := true
		for _, x := range t.a.Actions {
			if t.a.CarriedOver(x) != carried {
				continue
			}
			if first {
				t.heads[len(t.rows)] = carried
				t.rows = append(t.rows, -1)
				first = false
			}
			t.rows = append(t.rows, len(t.actions))
			t.actions = append(t.actions, x)
		}
	}
	t.columns()
	cursor := t.list.Cursor()
	t.list.SetLen(len(t.rows))
	if i := slices.IndexFunc(t.actions, func(x checklist.Action) bool { return x.ID == keep }); keep != 0 && i >= 0 {
		cursor = slices.Index(t.rows, i)
	}
	t.list.Select(cursor)
}

// current returns the action under the cursor.
func (t *planTable) current() (checklist.Action, bool) {
	if c := t.list.Cursor(); c < len(t.rows) && t.rows[c] >= 0 {
		return t.actions[t.rows[c]], true
	}
	return checklist.Action{}, false
}

// replace puts a saved action into the assessment and the table.
func (t *planTable) replace(saved checklist.Action) {
	i := slices.IndexFunc(t.a.Actions, func(x checklist.Action) bool { return x.ID == saved.ID })
	if i >= 0 {
		t.a.Actions[i] = saved
	} else {
		t.a.Actions = append(t.a.Actions, saved)
	}
	t.rebuild(saved.ID)
}

// remove takes a deleted action out of the assessment and the table.
func (t *planTable) remove(id int64) {
	t.a.Actions = slices.DeleteFunc(t.a.Actions, func(x checklist.Action) bool { return x.ID == id })
	t.rebuild(0)
}

// SetSize sizes the columns and the window: title, column heading, legend
// and a spare line, and the details when the window is 16 lines or more.
func (t *planTable) SetSize(w, h int) {
	t.w, t.h = max(w, 1), max(h, 1)
	t.details = t.h >= 16
	rows := t.h - 4
	if t.details {
		rows -= 4
	}
	t.list.SetSize(t.w, max(rows, 1))
	t.columns()
}

// Update moves the cursor.
func (t *planTable) Update(msg tea.Msg) (*planTable, tea.Cmd) {
	t.list, _ = t.list.Update(msg)
	return t, nil
}

// planCols are the column widths of the table.
type planCols struct {
	status, due, who, what, level int
	wide                          bool
	// present holds the widths in presentation mode (planpresent.go).
	present presentCols
}

// columns sizes the columns to their content: status, due date, who and
// the risk level as wide as their widest value (who at most a quarter of
// the width), and what gets the rest.
func (t *planTable) columns() {
	sh, w := t.sh, t.w
	c := planCols{status: ansi.StringWidth(sh.tr("Status", "Status"))}
	for _, x := range t.actions {
		c.status = max(c.status, ansi.StringWidth(t.sh.writes.latestAction(x).Status.Label(sh.lang)))
	}
	c.due = max(10, ansi.StringWidth(sh.tr("Klart senast", "Due")))
	// Prefix: cursor, overdue mark and a space; then status and due date.
	fixed := 3 + c.status + 1 + c.due + 1
	if w >= 64 {
		c.wide = true
		c.who = ansi.StringWidth(sh.tr("Ansvarig", "Responsible"))
		c.level = ansi.StringWidth(sh.tr("Risk", "Risk"))
		for _, x := range t.actions {
			c.who = max(c.who, ansi.StringWidth(oneLine(x.Who)))
			if lv := t.levelOf(x); lv != checklist.NoLevel {
				c.level = max(c.level, ansi.StringWidth(lv.Label(sh.lang))+1)
			}
		}
		c.who = min(c.who, max(w/4, 8))
		c.what = max(w-fixed-c.who-1-c.level-1, 1)
	} else {
		c.what = max(w-fixed, 1)
	}
	c.present = t.presentColumns()
	t.cols = c
}

// View renders the column heading, the rows and the legend.
func (t *planTable) View() string {
	if t.sh.presenting {
		return t.presentView()
	}
	st, tr, c := t.sh.styles, t.sh.tr, t.cols
	head := "   " + pad(tr("Status", "Status"), c.status) + " " + pad(tr("Klart senast", "Due"), c.due) + " "
	if c.wide {
		head += pad(tr("Ansvarig", "Responsible"), c.who) + " " + pad(tr("Åtgärd", "Action"), c.what) + " " + tr("Risk", "Risk")
	} else {
		head += tr("Åtgärd", "Action")
	}
	b := []string{st.Subtle.Render(ansi.Truncate(head, t.w, ""))}
	if len(t.actions) == 0 {
		return strings.Join(append(b, "", ansi.Truncate(tr("Inga åtgärder ännu. Tryck a för att lägga till en.",
			"No actions yet. Press a to add one."), t.w, "…")), "\n")
	}
	b = append(b, t.list.Lines()...)
	n := 0
	if c := t.list.Cursor(); c < len(t.rows) {
		n = t.rows[c] + 1
	}
	// The legend names only the marks the table shows.
	var legend string
	today := t.sh.today()
	if slices.ContainsFunc(t.actions, func(x checklist.Action) bool { return t.sh.writes.latestAction(x).Overdue(today) }) {
		legend += tr("! försenad  ", "! overdue  ")
	}
	if c.wide && slices.ContainsFunc(t.actions, func(x checklist.Action) bool { return t.levelOf(x).Serious() }) {
		legend += tr("* allvarlig risk  ", "* serious risk  ")
	}
	b = append(b, st.Subtle.Render(ansi.Truncate(legend+fmt.Sprintf("%d/%d", n, len(t.actions)), t.w, "…")))
	return strings.Join(b, "\n")
}

// row draws row i: a group heading or an action.
func (t *planTable) row(i int, selected bool) string {
	st, tr := t.sh.styles, t.sh.tr
	if t.sh.presenting {
		return t.presentRow(i, selected)
	}
	if t.rows[i] < 0 {
		if t.heads[i] {
			return st.Area.Render(tr("Från tidigare APT", "From earlier meetings"))
		}
		return st.Area.Render(tr("Denna APT", "This meeting"))
	}
	r, c := t.actions[t.rows[i]], t.cols
	// A change not yet saved shows as it will be, marked as pending.
	pending := t.sh.writes.pendingAction(r.ID)
	r = t.sh.writes.latestAction(r)
	cur, mark, due, overdue := t.rowStart(r, selected)
	s := cur + mark + " " + pad(r.Status.Label(t.sh.lang), c.status) + " " + pad(due, c.due) + " "
	if overdue && !selected {
		// Only the mark and the date in colour: a plan with many late
		// actions is not a wall of red.
		s = cur + st.Overdue.Render(mark) + " " + pad(r.Status.Label(t.sh.lang), c.status) + " " + st.Overdue.Render(pad(due, c.due)) + " "
	}
	lv := t.levelOf(r)
	var level string
	if c.wide {
		level = "–"
		if lv != checklist.NoLevel {
			level = lv.Label(t.sh.lang)
			if lv.Serious() {
				level += "*"
			}
		}
		s += pad(oneLine(r.Who), c.who) + " " + pad(pendingMark(t.sh, pending)+oneLine(r.What), c.what) + " "
	} else {
		s += pendingMark(t.sh, pending) + oneLine(r.What)
	}
	s = ansi.Truncate(s, t.w-ansi.StringWidth(level), "…")
	switch {
	case selected:
		return st.Selected.Render(s + level)
	case !r.Status.Open():
		// Klar and Struken: done with, so drawn in the secondary colour.
		return st.Subtle.Render(s + level)
	}
	return s + st.Levels[lv].Render(level)
}

// levelOf returns the risk level of the item an action addresses: as
// assessed in this assessment, else as assessed where the action was
// created (carried-over actions), else NoLevel.
func (t *planTable) levelOf(a checklist.Action) checklist.Level {
	if a.ItemID == "" {
		return checklist.NoLevel
	}
	if r, ok := t.a.Responses[checklist.ItemKey{AreaID: a.AreaID, ItemID: a.ItemID}]; ok && r.Risk != nil {
		return r.Risk.Level
	}
	return a.RiskLevel
}

// Details renders the selected action's risk, escalation and check, when
// there is room for them.
func (t *planTable) Details() []string {
	r, ok := t.current()
	if !ok || !t.details || t.sh.presenting {
		return nil
	}
	st, tr := t.sh.styles, t.sh.tr
	line := func(label, value string) string {
		return ansi.Truncate(st.Label.Render(label+": ")+value, t.w, "…")
	}
	risk := oneLine(r.Risk)
	if risk == "" {
		risk = "–"
	}
	out := []string{"", line(tr("Risk", "Risk"), risk)}
	esc := line(tr("Eskalering", "Escalation"), r.Escalation.Label(t.sh.lang))
	if t.a.CarriedOver(r) {
		esc += st.Subtle.Render(" · " + tr("från tidigare APT", "from an earlier meeting"))
	}
	if r.Overdue(t.sh.today()) {
		esc += st.Overdue.Render(" · " + tr("försenad", "overdue"))
	}
	out = append(out, ansi.Truncate(esc, t.w, "…"))
	check := tr("ej kontrollerad", "not checked")
	if !r.CheckedOn.IsZero() {
		check = r.CheckedOn.String()
		if r.Effect != "" {
			check += " · " + tr("effekt", "effect") + ": " + oneLine(r.Effect)
		}
	}
	return append(out, line(tr("Kontrollerad", "Checked"), check))
}

// ShortHelp implements help.KeyMap.
func (t *planTable) ShortHelp() []key.Binding { return t.list.ShortHelp() }

// FullHelp implements help.KeyMap.
func (t *planTable) FullHelp() [][]key.Binding { return t.list.FullHelp() }

// rowStart is what both views of the plan begin an action's row with: the
// cursor where selected, "!" where the action is overdue, and its due date
// ("–" without one).
func (t *planTable) rowStart(r checklist.Action, selected bool) (cur, mark, due string, overdue bool) {
	cur, mark = " ", " "
	if selected {
		cur = cursorMark
	}
	overdue = r.Overdue(t.sh.today())
	if overdue {
		mark = "!"
	}
	due = r.Due.String()
	if due == "" {
		due = "–"
	}
	return cur, mark, due, overdue
}
