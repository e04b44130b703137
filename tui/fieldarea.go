package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// editor is a text field under the component contract: one line
// (textField) or a paragraph over several lines (textArea). Both clean
// typed and pasted text with the one sanitizer and say when text was cut
// to the field's limit.
type editor interface {
	Value() string
	SetValue(string)
	Focus()
	Blur()
	SetSize(w, h int)
	// edit runs a key or a paste through the field and reports whether
	// the text changed.
	edit(tea.Msg) bool
	View() string
	// Cut reports whether text typed, pasted or set was cut to Limit
	// characters since the value was last set in full.
	Cut() bool
	Limit() int
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// cleanInput runs typed and pasted text through the one sanitizer, as a
// line, and returns the message with the clean text and that text; ok is
// false for a message that is neither a key nor a paste. A key with ctrl
// or alt types nothing.
func cleanInput(msg tea.Msg) (clean tea.Msg, typed string, ok bool) {
	switch m := msg.(type) {
	case tea.PasteMsg:
		m.Content = checklist.SanitizeLine(m.Content)
		return m, m.Content, true
	case tea.KeyPressMsg:
		if m.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
			m.Text = checklist.SanitizeLine(m.Text)
		} else {
			m.Text = ""
		}
		return m, m.Text, true
	}
	return msg, "", false
}

// lost reports whether typing or pasting typed into a field whose text was
// before lost characters to the field's limit: the text grew by less.
func lost(before, after, typed string) bool {
	return typed != "" && utf8.RuneCountInString(after)-utf8.RuneCountInString(before) < utf8.RuneCountInString(typed)
}

// overLimit reports whether text set into a field with the given limit
// (0: none) is longer than the field keeps.
func overLimit(s string, limit int) bool {
	return limit > 0 && utf8.RuneCountInString(s) > limit
}

// cutText says that a field's text was cut to its limit.
func cutText(sh *shared, limit int) string {
	return fmt.Sprintf(sh.tr("Texten kortades till %d tecken – det som inte fick plats sparas inte.",
		"The text was cut to %d characters – what did not fit is not saved."), limit)
}

// textArea is a text that wraps over several lines, on bubbles textarea:
// the walk's comment, the note on a risk and the measures in place. It is
// one paragraph: typed and pasted text goes through the one sanitizer as a
// line (checklist.SanitizeLine, line breaks become spaces), enter is left
// to the screen (it saves), and the area grows with its text up to rows
// lines, then scrolls. The cursor does not blink.
type textArea struct {
	sh    *shared
	ta    textarea.Model
	limit int
	cut   bool
	rows  int
	// most caps rows when set (maxRows).
	most int
}

// newTextArea returns an area with a first-line prompt, a placeholder and
// a limit in characters.
func newTextArea(sh *shared, prompt, placeholder string, limit int) *textArea {
	ta := textarea.New()
	ta.Placeholder, ta.CharLimit = placeholder, limit
	ta.ShowLineNumbers = false
	ta.DynamicHeight, ta.MinHeight = true, 1
	pw := ansi.StringWidth(prompt)
	ta.SetPromptFunc(pw, func(info textarea.PromptInfo) string {
		if info.LineNumber == 0 {
			return prompt
		}
		return strings.Repeat(" ", pw)
	})
	km := textarea.DefaultKeyMap()
	// Enter saves and esc cancels (the screen's); paste comes from the
	// terminal, never from reading the clipboard.
	km.InsertNewline, km.Paste, km.CopySelection = key.Binding{}, key.Binding{}, key.Binding{}
	ta.KeyMap = km
	a := &textArea{sh: sh, ta: ta, limit: limit, rows: 4}
	a.ta.SetStyles(a.styles())
	a.SetSize(40, 4)
	return a
}

// maxRows caps the lines shown at n, whatever the height.
func (a *textArea) maxRows(n int) *textArea {
	a.most = n
	return a
}

// styles are plain text styles from the app's current styles, with a
// steady cursor.
func (a *textArea) styles() textarea.Styles {
	st := a.sh.styles
	plain := lipgloss.NewStyle()
	state := textarea.StyleState{Base: plain, Text: plain, CursorLine: plain, EndOfBuffer: plain, Prompt: plain,
		Placeholder: st.Hint, LineNumber: plain, CursorLineNumber: plain, Selection: lipgloss.NewStyle().Reverse(true)}
	return textarea.Styles{Focused: state, Blurred: state,
		Cursor: textarea.CursorStyle{Color: lipgloss.NoColor{}, Shape: tea.CursorBlock, Blink: false}}
}

// Value returns the text.
func (a *textArea) Value() string { return a.ta.Value() }

// SetValue replaces the text, made safe, with the cursor at its end.
func (a *textArea) SetValue(s string) {
	s = checklist.SanitizeLine(s)
	a.ta.SetValue(s)
	a.ta.MoveToEnd()
	a.cut = overLimit(s, a.limit)
}

// Focus gives the area the keyboard.
func (a *textArea) Focus() {
	a.ta.Focus()
	a.ta.MoveToEnd()
}

// Blur takes the keyboard away.
func (a *textArea) Blur() { a.ta.Blur() }

// SetSize sets the width in cells and the most lines shown: a quarter of
// h, between 2 and 6.
func (a *textArea) SetSize(w, h int) {
	a.rows = min(max(h/4, 2), 6)
	if a.most > 0 {
		a.rows = min(a.rows, a.most)
	}
	a.ta.MaxHeight = a.rows
	a.ta.SetWidth(max(w, 2)) // rewraps and fits the height; the cursor stays
}

// Update edits the text on a key or a paste while the area has focus.
func (a *textArea) Update(msg tea.Msg) (*textArea, tea.Cmd) {
	if !a.ta.Focused() {
		return a, nil
	}
	msg, typed, ok := cleanInput(msg)
	if !ok {
		return a, nil
	}
	before := a.ta.Value()
	a.ta, _ = a.ta.Update(msg)
	a.cut = a.cut || lost(before, a.ta.Value(), typed)
	return a, nil
}

// edit is Update for an owner that only needs to know whether the text
// changed.
func (a *textArea) edit(msg tea.Msg) bool {
	before := a.Value()
	a.Update(msg)
	return a.Value() != before
}

// View renders the area; without focus it shows the text from its start.
func (a *textArea) View() string {
	lines := strings.Split(strings.TrimRight(a.ta.View(), " \n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// Cut implements editor.
func (a *textArea) Cut() bool { return a.cut }

// Limit implements editor.
func (a *textArea) Limit() int { return a.limit }

// ShortHelp implements help.KeyMap: the usual editing keys need no help.
func (a *textArea) ShortHelp() []key.Binding { return nil }

// FullHelp implements help.KeyMap.
func (a *textArea) FullHelp() [][]key.Binding { return nil }
