package tui

// Keys typed while a screen is on its way wait for it. Opening a screen
// reads its assessment first (an ordered read in the write queue), and a
// new assessment is created before its walk opens: a key typed in that
// moment belongs to the screen that opens, not to the one still shown, so
// the root holds it and hands it on, in order, once the screen is there
// (or the read failed). Quitting is never held.

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// holding reports whether a screen is on its way: the start screen's
// first units or page, a read or a creation that opens a screen in the
// write queue, or an open that waits for the catalog.
func (m *Model) holding() bool {
	return m.boot.waiting || m.sh.writes.opening() || len(m.boot.pending) > 0
}

// hold keeps a key or a paste that arrives while a screen is on its way,
// and reports whether it did.
func (m *Model) hold(msg tea.Msg) bool {
	if !m.holding() {
		return false
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, m.sh.keys.Global.Quit) {
			return false
		}
	case tea.PasteMsg:
	default:
		return false
	}
	m.held = append(m.held, msg)
	return true
}

// replay hands the held keys on, in order, once no screen is on its way;
// a key that opens another screen holds the rest again.
func (m *Model) replay() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.held) > 0 && !m.holding() {
		next := m.held[0]
		m.held = m.held[1:]
		_, cmd := m.Update(next)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}
