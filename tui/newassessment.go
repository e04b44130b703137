package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// newScreen is the new assessment form.
type newScreen struct{ sh *shared }

func newNewScreen(sh *shared) *newScreen { return &newScreen{sh: sh} }

// Inputting reports whether a text field has focus.
func (s *newScreen) Inputting() bool { return false }

// SetSize stores the body size.
func (s *newScreen) SetSize(w, h int) {}

// Update handles the form.
func (s *newScreen) Update(msg tea.Msg) (screen, tea.Cmd) { return s, nil }

// View renders the form.
func (s *newScreen) View() string { return "" }

// ShortHelp lists the keys that work now.
func (s *newScreen) ShortHelp() []key.Binding { return nil }

// FullHelp lists all keys.
func (s *newScreen) FullHelp() [][]key.Binding { return nil }
