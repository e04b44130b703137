package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"samkoll/checklist"
)

// input is a small single-line text field that drops what clean would
// remove as it is typed or pasted. It handles printable keys, paste,
// backspace/delete, ←/→, home/end and ctrl+u; enter, esc and tab are left to
// the screen.
type input struct {
	prompt      string
	placeholder string
	limit       int
	value       []rune
	pos         int
	focused     bool
	width       int
	// suggestions are completions offered for the current prefix.
	suggestions []string
	// fresh marks a suggested default not yet edited: typing replaces it
	// instead of adding to it.
	fresh bool
}

func newInput(prompt, placeholder string, limit int) input {
	return input{prompt: prompt, placeholder: placeholder, limit: limit, width: 40}
}

// Value returns the text.
func (in *input) Value() string { return string(in.value) }

// SetValue replaces the text, made safe with clean, and moves the cursor
// to its end.
func (in *input) SetValue(s string) {
	in.value = []rune(checklist.SanitizeLine(s))
	if in.limit > 0 && len(in.value) > in.limit {
		in.value = in.value[:in.limit]
	}
	in.pos = len(in.value)
}

// SetDefault fills in a suggested value, such as today's date, that the
// first typed character replaces; moving or deleting keeps it for editing.
func (in *input) SetDefault(s string) {
	in.SetValue(s)
	in.fresh = true
}

// Focus gives the field the keyboard; Blur takes it away.
func (in *input) Focus() { in.focused = true }

// Blur takes the keyboard away.
func (in *input) Blur() { in.focused = false }

// SetWidth sets the width of the whole field, prompt included.
func (in *input) SetWidth(w int) { in.width = max(w, 1) }

func (in *input) insert(rs []rune) {
	if in.fresh {
		in.value, in.pos, in.fresh = nil, 0, false
	}
	for _, r := range rs {
		if !checklist.Printable(r) {
			continue
		}
		if in.limit > 0 && len(in.value) >= in.limit {
			return
		}
		in.value = append(in.value[:in.pos], append([]rune{r}, in.value[in.pos:]...)...)
		in.pos++
	}
}

// Update edits the text on a key or paste; it reports whether it used msg.
func (in *input) Update(msg tea.Msg) bool {
	if !in.focused {
		return false
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in.insert([]rune(strings.ReplaceAll(msg.Content, "\n", " ")))
		return true
	case tea.KeyPressMsg:
		if msg.String() != "space" && (msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0) {
			in.fresh = false // an editing key: keep the default and edit it
		}
		switch msg.String() {
		case "backspace", "ctrl+h":
			if in.pos > 0 {
				in.value = append(in.value[:in.pos-1], in.value[in.pos:]...)
				in.pos--
			}
		case "delete", "ctrl+d":
			if in.pos < len(in.value) {
				in.value = append(in.value[:in.pos], in.value[in.pos+1:]...)
			}
		case "left", "ctrl+b":
			in.pos = max(in.pos-1, 0)
		case "right", "ctrl+f":
			in.pos = min(in.pos+1, len(in.value))
		case "home", "ctrl+a":
			in.pos = 0
		case "end", "ctrl+e":
			in.pos = len(in.value)
		case "ctrl+u":
			in.value, in.pos = in.value[in.pos:], 0
		case "space":
			in.insert([]rune{' '})
		default:
			if msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
				return false
			}
			in.insert([]rune(msg.Text))
		}
		return true
	}
	return false
}

// Suggestion returns the first suggestion that extends the current text
// (ignoring case), or "".
func (in *input) Suggestion() string {
	v := strings.ToLower(in.Value())
	if v == "" {
		return ""
	}
	for _, s := range in.suggestions {
		if len(s) > len(v) && strings.HasPrefix(strings.ToLower(s), v) {
			return s
		}
	}
	return ""
}

// Complete replaces the text with the current suggestion; it reports whether
// there was one.
func (in *input) Complete() bool {
	if s := in.Suggestion(); s != "" {
		in.SetValue(s)
		return true
	}
	return false
}

// View renders the prompt and the text: scrolled so the cursor shows, with
// the cursor in reverse video, when focused; from its beginning otherwise.
func (in *input) View(subtle lipgloss.Style) string {
	avail := max(in.width-len([]rune(in.prompt))-1, 1)
	if len(in.value) == 0 {
		ph := []rune(in.placeholder)
		if len(ph) > avail {
			ph = ph[:avail]
		}
		cur := ""
		if in.focused {
			cur = lipgloss.NewStyle().Reverse(true).Render(" ")
		}
		return in.prompt + cur + subtle.Render(string(ph))
	}
	// A focused field scrolls so the cursor shows; one without focus shows
	// its beginning, cut with "…".
	start := 0
	if in.focused && in.pos >= avail {
		start = in.pos - avail + 1
	}
	end := min(start+avail, len(in.value))
	cut := !in.focused && end < len(in.value)
	if cut {
		end--
	}
	var b strings.Builder
	b.WriteString(in.prompt)
	for i := start; i < end; i++ {
		if in.focused && i == in.pos {
			b.WriteString(lipgloss.NewStyle().Reverse(true).Render(string(in.value[i])))
			continue
		}
		b.WriteRune(in.value[i])
	}
	if cut {
		b.WriteString("…")
	}
	if in.focused && in.pos == len(in.value) {
		// The cursor sits on the first letter of the suggestion, if any.
		rest := []rune(in.Suggestion())
		if len(rest) > len(in.value) {
			rest = rest[len(in.value):]
			b.WriteString(lipgloss.NewStyle().Reverse(true).Render(string(rest[0])) + subtle.Render(string(rest[1:])))
		} else {
			b.WriteString(lipgloss.NewStyle().Reverse(true).Render(" "))
		}
	}
	return b.String()
}
