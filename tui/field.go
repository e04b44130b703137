package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// textField is a one-line text field on bubbles textinput. It adds what
// samkoll needs: typed and pasted text goes through the one sanitizer
// (checklist.SanitizeLine) before it reaches the value; a suggested default
// (SetDefault) gives way to the first typed text; suggestions complete on
// request (Complete); a field without focus shows the beginning of its text;
// and the cursor does not blink, for projectors. Enter, esc and tab are left
// to the screen.
type textField struct {
	sh *shared
	ti textinput.Model
	// fresh marks a suggested default not yet edited.
	fresh bool
	width int
	// limit is the most characters the field holds; cut is set when text
	// typed, pasted or set was cut to it (editor).
	limit int
	cut   bool
}

// newTextField returns a field with a prompt, a placeholder shown while it
// is empty and a limit in characters.
func newTextField(sh *shared, prompt, placeholder string, limit int) *textField {
	ti := textinput.New()
	ti.Prompt, ti.Placeholder, ti.CharLimit = prompt, placeholder, limit
	km := textinput.DefaultKeyMap()
	// Up, down and tab move between fields; paste comes from the terminal,
	// never from reading the clipboard.
	km.AcceptSuggestion, km.NextSuggestion, km.PrevSuggestion, km.Paste = key.Binding{}, key.Binding{}, key.Binding{}, key.Binding{}
	ti.KeyMap = km
	f := &textField{sh: sh, ti: ti, width: 40, limit: limit}
	f.ti.SetStyles(f.styles())
	return f
}

// styles are the textinput styles from the app's current styles, with a
// steady cursor.
func (f *textField) styles() textinput.Styles {
	st := f.sh.styles
	plain := lipgloss.NewStyle()
	state := textinput.StyleState{Text: plain, Placeholder: st.Hint, Suggestion: st.Subtle, Prompt: plain}
	return textinput.Styles{Focused: state, Blurred: state,
		Cursor: textinput.CursorStyle{Color: lipgloss.NoColor{}, Shape: tea.CursorBlock, Blink: false}}
}

// Value returns the text.
func (f *textField) Value() string { return f.ti.Value() }

// SetValue replaces the text, made safe, with the cursor at its end.
func (f *textField) SetValue(s string) {
	s = checklist.SanitizeLine(s)
	f.ti.SetValue(s)
	f.ti.CursorEnd()
	f.fresh = false
	f.cut = overLimit(s, f.limit)
}

// Cut implements editor.
func (f *textField) Cut() bool { return f.cut }

// Limit implements editor.
func (f *textField) Limit() int { return f.limit }

// SetDefault fills in a suggested value, such as today's date, that the
// first typed text replaces; moving or deleting keeps it for editing.
func (f *textField) SetDefault(s string) {
	f.SetValue(s)
	f.fresh = true
}

// SetSuggestions sets the completions offered for the typed prefix.
func (f *textField) SetSuggestions(s []string) {
	f.ti.ShowSuggestions = len(s) > 0
	f.ti.SetSuggestions(s)
}

// Suggestions returns the completions.
func (f *textField) Suggestions() []string { return f.ti.AvailableSuggestions() }

// Complete replaces the text with the suggestion that extends it, and
// reports whether there was one.
func (f *textField) Complete() bool {
	s := f.ti.CurrentSuggestion()
	if len([]rune(s)) <= len([]rune(f.Value())) {
		return false
	}
	f.SetValue(s)
	return true
}

// Focus gives the field the keyboard, with the cursor at the end.
func (f *textField) Focus() {
	f.ti.Focus()
	f.ti.CursorEnd()
}

// Blur takes the keyboard away.
func (f *textField) Blur() { f.ti.Blur() }

// Focused reports whether the field has the keyboard.
func (f *textField) Focused() bool { return f.ti.Focused() }

// SetSize sets the width of the whole field, prompt included, in cells;
// the field is one line high.
func (f *textField) SetSize(w, _ int) {
	f.width = max(w, 1)
	f.ti.SetWidth(max(f.width-ansi.StringWidth(f.ti.Prompt)-1, 1))
}

// SetWidth is SetSize for the width alone.
func (f *textField) SetWidth(w int) { f.SetSize(w, 1) }

// Update edits the text on a key or a paste while the field has focus.
func (f *textField) Update(msg tea.Msg) (*textField, tea.Cmd) {
	if !f.ti.Focused() {
		return f, nil
	}
	msg, typed, ok := cleanInput(msg)
	if !ok {
		return f, nil
	}
	f.replaceFresh(typed != "")
	before := f.ti.Value()
	var cmd tea.Cmd
	f.ti, cmd = f.ti.Update(msg)
	f.cut = f.cut || lost(before, f.ti.Value(), typed)
	return f, cmd
}

// edit is Update for a screen that only needs to know whether the text
// changed; with a steady cursor the field returns no commands.
func (f *textField) edit(msg tea.Msg) bool {
	before := f.Value()
	f.Update(msg)
	return f.Value() != before
}

// replaceFresh clears a suggested default when text is typed into it; any
// other key keeps it for editing.
func (f *textField) replaceFresh(typed bool) {
	if f.fresh && typed {
		f.ti.SetValue("")
	}
	f.fresh = false
}

// View renders the prompt and the text: scrolled so the cursor shows, with
// the suggestion after it, when focused; from its beginning, cut with "…",
// otherwise.
func (f *textField) View() string {
	avail := max(f.width-ansi.StringWidth(f.ti.Prompt)-1, 1)
	switch {
	case f.Value() == "":
		cursor := ""
		if f.ti.Focused() {
			cursor = lipgloss.NewStyle().Reverse(true).Render(" ")
		}
		return f.ti.Prompt + cursor + f.sh.styles.Hint.Render(fitWords(f.ti.Placeholder, avail))
	case f.ti.Focused():
		ti := f.ti
		ti.SetStyles(f.styles())
		return strings.TrimRight(ti.View(), " ")
	}
	return f.ti.Prompt + ansi.Truncate(f.Value(), avail+1, "…")
}

// ShortHelp implements help.KeyMap: the field's own keys are the usual
// editing keys and need no help line.
func (f *textField) ShortHelp() []key.Binding { return nil }

// FullHelp implements help.KeyMap.
func (f *textField) FullHelp() [][]key.Binding { return nil }
