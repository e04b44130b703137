package tui

// Navigation: the root's screen stack. Screens never build each other;
// they return messages (msgs.go) and the root opens, pushes and pops here.

import (
	"fmt"

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
	case *ownItemScreen:
		return ownItemScreenID
	case *reportScreen:
		return reportScreenID
	case *yearPlanScreen:
		return yearPlanScreenID
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

// navigate opens, closes and builds screens; ok is false for a message
// that is not about navigation.
func (m *Model) navigate(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case backMsg:
		return m.pop(), true
	case newAssessmentMsg:
		ns := newNewScreen(m.sh)
		m.push(ns)
		return ns.init(), true
	case openReportMsg:
		m.push(newReportScreen(m.sh, msg.req))
	case openYearPlanMsg:
		m.push(newYearPlanScreen(m.sh, msg.unit, msg.year))
	case openMsg:
		m.sh.loadOrdered(msg, nil)
	case addActionMsg:
		m.sh.loadOrdered(openMsg{to: planScreenID, id: msg.AssessmentID}, &msg)
	case assessmentLoadedMsg:
		if msg.drafts != nil {
			if m.sh.drafts == nil {
				m.sh.drafts = map[int64]map[string]checklist.Draft{}
			}
			m.sh.drafts[msg.a.ID] = msg.drafts
		}
		if msg.open.to == noScreen {
			return m.forward(msg), true
		}
		return m.open(msg), true
	case assessmentCreatedMsg:
		m.stack = m.stack[:len(m.stack)-1]
		ws := newWalkScreen(m.sh, msg.a, checklist.ItemKey{})
		ws.cyc.prev = msg.prev
		m.push(ws)
	case exportedMsg:
		if len(msg.personal) > 0 {
			m.askExport = &msg
			return nil, true
		}
		text := fmt.Sprintf("%s %s", m.sh.tr("Exporterad till", "Exported to"), msg.path)
		var clip tea.Cmd
		if msg.req.Copy {
			clip, text = m.copied(msg)
		}
		if msg.warning != nil {
			text += " · " + checklist.Message(msg.warning, m.sh.lang)
		}
		// The whole path, wrapped, until the next key: a cut path cannot be
		// found again.
		m.notice = text
		m.layout()
		return tea.Batch(clip, m.forward(msg)), true
	default:
		return nil, false
	}
	return nil, true
}

// push makes s the active screen.
func (m *Model) push(s screen) {
	m.stack = append(m.stack, s)
	m.layout()
}

// pop goes back one screen; popping the start screen quits.
func (m *Model) pop() tea.Cmd {
	if len(m.stack) <= 1 {
		return m.quit()
	}
	m.stack = m.stack[:len(m.stack)-1]
	m.layout()
	return m.forward(resumedMsg{})
}

// open builds the screen an assessment was loaded for.
func (m *Model) open(msg assessmentLoadedMsg) tea.Cmd {
	if i := m.onStack(msg.open.to, msg.a.ID); i >= 0 {
		return m.backTo(i, msg)
	}
	var s screen
	switch msg.open.to {
	case walkScreenID:
		ws := newWalkScreen(m.sh, msg.a, msg.open.focus)
		ws.cyc.prev = msg.prev
		s = ws
	case planScreenID:
		s = newPlanScreen(m.sh, msg.a)
	case summaryScreenID:
		ss := newSummaryScreen(m.sh, msg.a)
		ss.setPrevious(msg.prev)
		s = ss
	case ownItemScreenID:
		s = newOwnItemScreen(m.sh, msg.a, msg.open.focus)
	default:
		return nil
	}
	m.push(s)
	if msg.add != nil {
		return m.forward(*msg.add)
	}
	return nil
}
