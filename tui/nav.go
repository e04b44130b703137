package tui

import (
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// onStack returns the position of the screen of kind to for assessment id
// on the stack, or -1.
func (m *Model) onStack(to screenID, id int64) int {
	for i, s := range m.stack {
		var sid int64
		switch s := s.(type) {
		case *walkScreen:
			sid = s.a.ID
		case *planScreen:
			sid = s.a.ID
		case *summaryScreen:
			sid = s.a.ID
		default:
			continue
		}
		if sid == id && screenKind(s) == to {
			return i
		}
	}
	return -1
}

// screenKind names the kind of s.
func screenKind(s screen) screenID {
	switch s.(type) {
	case *homeScreen:
		return homeScreenID
	case *newScreen:
		return newScreenID
	case *walkScreen:
		return walkScreenID
	case *planScreen:
		return planScreenID
	case *summaryScreen:
		return summaryScreenID
	}
	return noScreen
}

// backTo makes the screen at position i active again, dropping the screens
// above it, and gives it the freshly loaded assessment: opening a screen
// that is already on the stack goes back to it instead of stacking another
// (plan → summary → plan … would otherwise pile up screens for esc to walk
// back through).
func (m *Model) backTo(i int, msg assessmentLoadedMsg) tea.Cmd {
	m.stack = m.stack[:i+1]
	m.layout()
	cmds := []tea.Cmd{m.forward(assessmentLoadedMsg{a: msg.a, drafts: msg.drafts})}
	if w, ok := m.active().(*walkScreen); ok && msg.open.focus != (checklist.ItemKey{}) {
		w.focus(msg.open.focus)
	}
	if msg.add != nil {
		cmds = append(cmds, m.forward(*msg.add))
	}
	return tea.Batch(cmds...)
}
