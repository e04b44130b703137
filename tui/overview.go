package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// overview is the walk's list of items with their answers: the items of
// the current area, or of all areas under their headings. It finishes with
// an overviewDoneMsg.
type overview struct {
	sh    *shared
	items []walkItem
	// response returns the current answer of an item.
	response func(walkItem) checklist.Response
	// hasAction, when set, reports whether an action addresses the item.
	hasAction func(walkItem) bool
	all       bool
	// rows are the shown rows: an index into items, or -1 for the heading
	// of the area in heads.
	rows  []int
	heads map[int]*checklist.Area
	list  listWindow
	w, h  int
}

// overviewDoneMsg closes the overview; jump, when true, moves the walk to
// item idx.
type overviewDoneMsg struct {
	jump bool
	idx  int
}

// newOverview opens the overview on item idx.
func newOverview(sh *shared, items []walkItem, idx int, response func(walkItem) checklist.Response) *overview {
	o := &overview{sh: sh, items: items, response: response}
	o.list = newListWindow(sh.keys.List, o.row)
	o.list.heading = func(i int) bool { return o.rows[i] < 0 }
	o.build(idx)
	return o
}

// build lists the rows of the current mode with the cursor on item idx.
func (o *overview) build(idx int) {
	o.rows, o.heads = o.rows[:0], map[int]*checklist.Area{}
	area := o.items[idx].area
	var last *checklist.Area
	cursor := 0
	for i, wi := range o.items {
		if !o.all && wi.area != area {
			continue
		}
		if o.all && wi.area != last {
			o.heads[len(o.rows)] = wi.area
			o.rows = append(o.rows, -1)
			last = wi.area
		}
		if i == idx {
			cursor = len(o.rows)
		}
		o.rows = append(o.rows, i)
	}
	o.list.SetLen(len(o.rows))
	o.list.Select(cursor)
}

// current returns the index of the item under the cursor.
func (o *overview) current() int { return o.rows[o.list.Cursor()] }

// SetSize implements the component contract.
func (o *overview) SetSize(w, h int) {
	o.w, o.h = w, h
	o.list.SetSize(w, h-2)
}

// Update moves the cursor, switches between the area and all areas, and
// finishes on enter or back.
func (o *overview) Update(msg tea.Msg) (*overview, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return o, nil
	}
	keys := o.sh.keys.Overview
	switch {
	case key.Matches(k, o.sh.keys.Global.Back):
		o.sh.post(overviewDoneMsg{})
	case key.Matches(k, keys.Jump):
		o.sh.post(overviewDoneMsg{jump: true, idx: o.current()})
	case key.Matches(k, keys.AllAreas):
		o.all = !o.all
		o.build(o.current())
	case key.Matches(k, keys.NextOpen):
		o.nextOpen()
	default:
		o.list, _ = o.list.Update(k)
	}
	return o, nil
}

// row draws one row: an area heading, or an item with its answer and risk.
func (o *overview) row(i int, selected bool) string {
	sh, st := o.sh, o.sh.styles
	if o.rows[i] < 0 {
		return st.Area.Render(o.heads[i].Title.In(sh.lang))
	}
	wi := o.items[o.rows[i]]
	r := o.response(wi)
	label := pad(r.Answer.Label(sh.lang), 12)
	stmt := wi.item.Statement.In(sh.lang)
	// The level and the marks come before the statement, in columns of
	// their own, so that a long statement never cuts them off.
	level, lv := "", checklist.NoLevel
	if r.Risk != nil && r.Answer.IsShortcoming() {
		lv = r.Risk.Level
		level = lv.Label(sh.lang)
		if lv.Serious() {
			level += "!"
		}
	}
	marks := [2]string{" ", " "}
	if r.Comment != "" {
		marks[0] = sh.tr("K", "C")
	}
	if o.hasAction != nil && o.hasAction(wi) {
		marks[1] = sh.tr("Å", "A")
	}
	lvW := o.levelWidth()
	if selected {
		return st.Selected.Render(fmt.Sprintf("> %2d. %s %s %s%s %s", wi.num, label, pad(level, lvW), marks[0], marks[1], stmt))
	}
	return fmt.Sprintf("  %2d. %s %s %s%s %s", wi.num, st.Answers[r.Answer].Render(label),
		st.Levels[lv].Render(pad(level, lvW)), marks[0], marks[1], stmt)
}

// levelWidth is the width of the level column: the longest label and "!".
func (o *overview) levelWidth() int {
	w := 0
	for l := checklist.Lag; l <= checklist.MycketHog; l++ {
		w = max(w, ansi.StringWidth(l.Label(o.sh.lang))+1)
	}
	return w
}

// nextOpen moves the cursor to the next unanswered item, showing all areas
// when it lies in another.
func (o *overview) nextOpen() {
	cur := o.current()
	for i := 1; i <= len(o.items); i++ {
		j := (cur + i) % len(o.items)
		if o.response(o.items[j]).Answer != checklist.Unanswered {
			continue
		}
		if !o.all && o.items[j].area != o.items[cur].area {
			o.all = true
		}
		o.build(j)
		return
	}
}

// View renders the title and the rows.
func (o *overview) View() string {
	sh := o.sh
	title := sh.tr("Översikt: ", "Overview: ") + o.items[o.current()].area.Title.In(sh.lang)
	if o.all {
		title = sh.tr("Översikt: alla områden", "Overview: all areas")
	}
	if mark := o.list.Position(sh); mark != "" {
		title += "  " + sh.styles.Subtle.Render(mark)
	}
	return sh.styles.Title.Render(title) + "\n\n" + o.list.View()
}

// ShortHelp implements help.KeyMap.
func (o *overview) ShortHelp() []key.Binding {
	k := o.sh.keys.Overview
	return []key.Binding{o.sh.keys.List.Up, o.sh.keys.List.Down, k.Jump, k.NextOpen, k.AllAreas, o.sh.keys.Global.Back}
}

// FullHelp implements help.KeyMap.
func (o *overview) FullHelp() [][]key.Binding {
	k, g := o.sh.keys.Overview, o.sh.keys.Global
	return append(o.list.FullHelp(), []key.Binding{k.Jump, k.NextOpen, k.AllAreas}, []key.Binding{g.Back, g.Quit})
}
