package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// walkScreen walks through the items of an assessment.
type walkScreen struct{ sh *shared }

func newWalkScreen(sh *shared, a checklist.Assessment, focus checklist.ItemKey) *walkScreen {
	return &walkScreen{sh: sh}
}

// Inputting reports whether a text field has focus.
func (s *walkScreen) Inputting() bool { return false }

// SetSize stores the body size.
func (s *walkScreen) SetSize(w, h int) {}

// Update handles the walk.
func (s *walkScreen) Update(msg tea.Msg) (screen, tea.Cmd) { return s, nil }

// View renders the walk.
func (s *walkScreen) View() string { return "" }

// ShortHelp lists the keys that work now.
func (s *walkScreen) ShortHelp() []key.Binding { return nil }

// FullHelp lists all keys.
func (s *walkScreen) FullHelp() [][]key.Binding { return nil }
