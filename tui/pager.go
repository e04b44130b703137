package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// pager shows text taller than its window in a bubbles viewport, moved by
// the list keys of the KeyMap: a line, a page, the top or the bottom.
type pager struct {
	vp   viewport.Model
	keys ListKeys
}

// newPager returns a pager moved by keys.
func newPager(keys ListKeys) pager {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{Up: keys.Up, Down: keys.Down, PageUp: keys.PageUp, PageDown: keys.PageDown}
	return pager{vp: vp, keys: keys}
}

// SetSize sets the window in cells.
func (p *pager) SetSize(w, h int) {
	p.vp.SetWidth(max(w, 1))
	p.vp.SetHeight(max(h, 1))
}

// SetLines replaces the text, keeping the scroll position where it can.
func (p *pager) SetLines(lines []string) { p.vp.SetContentLines(lines) }

// Offset returns the first line shown.
func (p pager) Offset() int { return p.vp.YOffset() }

// Update scrolls on the list keys.
func (p pager) Update(msg tea.Msg) (pager, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.keys.Home):
			p.vp.GotoTop()
			return p, nil
		case key.Matches(k, p.keys.End):
			p.vp.GotoBottom()
			return p, nil
		}
	}
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

// Position is the scroll mark when not every line shows: which lines do,
// with an arrow to where more are ("↓ 1–20 av 45"); "" when all show.
func (p pager) Position(sh *shared) string {
	return scrollMark(sh, p.vp.YOffset(), p.vp.Height(), p.vp.TotalLineCount())
}

// scrollMark says which of n lines show from off in a window h tall, with
// an arrow to where more are ("↓ 1–20 av 45"); "" when all show.
func scrollMark(sh *shared, off, h, n int) string {
	if n <= h {
		return ""
	}
	arrow := "↑↓"
	switch {
	case off == 0:
		arrow = "↓"
	case off+h >= n:
		arrow = "↑"
	}
	return fmt.Sprintf(sh.tr("%s %d–%d av %d", "%s %d–%d of %d"), arrow, off+1, min(off+h, n), n)
}

// View renders the lines in the window.
func (p pager) View() string { return p.vp.View() }

// ShortHelp implements help.KeyMap.
func (p pager) ShortHelp() []key.Binding { return []key.Binding{p.keys.Up, p.keys.Down} }

// FullHelp implements help.KeyMap.
func (p pager) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.keys.Up, p.keys.Down, p.keys.PageUp, p.keys.PageDown, p.keys.Home, p.keys.End}}
}
