package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// listWindow is the window onto a list of rows: the cursor, the first row
// shown and the number of rows that fit. It moves with the ListKeys it is
// given and keeps to one scroll rule: the cursor row is always in the
// window, and a heading right above the cursor is shown with it. The owner
// draws the rows through row; listWindow only picks which and cuts each to
// the width in cells.
type listWindow struct {
	keys ListKeys
	// row draws row i; selected is set for the cursor row.
	row func(i int, selected bool) string
	// heading, when set, reports rows the cursor skips (group headings).
	heading func(i int) bool

	n, cursor, offset int
	width, height     int
}

// newListWindow returns a window moved by keys that draws rows with row.
func newListWindow(keys ListKeys, row func(i int, selected bool) string) listWindow {
	return listWindow{keys: keys, row: row, width: 80, height: 1}
}

// Cursor returns the index of the cursor row (0 for an empty list).
func (l listWindow) Cursor() int { return l.cursor }

// Offset returns the index of the first row shown.
func (l listWindow) Offset() int { return l.offset }

// Len returns the number of rows.
func (l listWindow) Len() int { return l.n }

// SetSize sets the width in cells and the number of rows shown.
func (l *listWindow) SetSize(w, h int) {
	l.width, l.height = max(w, 1), max(h, 1)
	l.scroll()
}

// SetLen sets the number of rows, keeping the cursor in the list.
func (l *listWindow) SetLen(n int) {
	l.n = max(n, 0)
	l.Select(l.cursor)
}

// Select moves the cursor to row i (clamped, and off a heading).
func (l *listWindow) Select(i int) {
	l.cursor = min(max(i, 0), max(l.n-1, 0))
	l.settle(1)
}

// settle moves the cursor off a heading in direction dir (±1), turning
// back at the end of the list, then scrolls.
func (l *listWindow) settle(dir int) {
	for _, d := range []int{dir, -dir} {
		i := l.cursor
		for i >= 0 && i < l.n && l.isHeading(i) {
			i += d
		}
		if i >= 0 && i < l.n {
			l.cursor = i
			break
		}
	}
	l.scroll()
}

func (l listWindow) isHeading(i int) bool { return l.heading != nil && l.heading(i) }

// scroll applies the scroll rule.
func (l *listWindow) scroll() {
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+l.height {
		l.offset = l.cursor - l.height + 1
	}
	if l.offset == l.cursor && l.cursor > 0 && l.isHeading(l.cursor-1) && l.height > 1 {
		l.offset--
	}
	l.offset = max(min(l.offset, l.n-l.height), 0)
}

// Update moves the cursor on the list keys.
func (l listWindow) Update(msg tea.Msg) (listWindow, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return l, nil
	}
	switch {
	case key.Matches(k, l.keys.Up):
		l.move(-1)
	case key.Matches(k, l.keys.Down):
		l.move(1)
	case key.Matches(k, l.keys.PageUp):
		l.move(-max(l.height-1, 1))
	case key.Matches(k, l.keys.PageDown):
		l.move(max(l.height-1, 1))
	case key.Matches(k, l.keys.Home):
		l.cursor = 0
		l.settle(1)
	case key.Matches(k, l.keys.End):
		l.cursor = max(l.n-1, 0)
		l.settle(-1)
	}
	return l, nil
}

// move moves the cursor by delta rows, skipping headings.
func (l *listWindow) move(delta int) {
	dir := 1
	if delta < 0 {
		dir = -1
	}
	from := l.cursor
	l.cursor = min(max(l.cursor+delta, 0), max(l.n-1, 0))
	for l.cursor != from && l.isHeading(l.cursor) && l.cursor+dir >= 0 && l.cursor+dir < l.n {
		l.cursor += dir
	}
	if l.isHeading(l.cursor) {
		l.cursor = from
	}
	l.scroll()
}

// Lines returns the rows in the window, each cut to the width.
func (l listWindow) Lines() []string {
	end := min(l.offset+l.height, l.n)
	out := make([]string, 0, max(end-l.offset, 0))
	for i := l.offset; i < end; i++ {
		out = append(out, ansi.Truncate(l.row(i, i == l.cursor), l.width, "…"))
	}
	return out
}

// Position is the scroll mark when not every row shows, as the pager's
// ("↓ 1–20 av 74"); "" when all show.
func (l listWindow) Position(sh *shared) string {
	return scrollMark(sh, l.offset, l.height, l.n)
}

// View renders the rows in the window.
func (l listWindow) View() string { return strings.Join(l.Lines(), "\n") }

// ShortHelp implements help.KeyMap.
func (l listWindow) ShortHelp() []key.Binding { return []key.Binding{l.keys.Up, l.keys.Down} }

// FullHelp implements help.KeyMap.
func (l listWindow) FullHelp() [][]key.Binding {
	k := l.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}}
}
