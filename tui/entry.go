package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// textEntry is the walk's entry for a comment, a reason or a risk note: a
// text field under its label, with the privacy hint, the personnummer
// warning that a second enter overrides, and a draft offered back. The walk
// decides what enter and esc do; the entry edits, warns and draws.
type textEntry struct {
	sh *shared
	// field is the open field: area for a comment, a risk note or the
	// measures in place, line for a short reason.
	field editor
	line  *textField
	area  *textArea
	label string
	// pnWarned is set while the personnummer warning shows.
	pnWarned bool
	// offer is a draft offered back; edited is set once a key changed
	// the text.
	offer  *draftOffer
	edited bool
	w      int
}

func newTextEntry(sh *shared) *textEntry {
	e := &textEntry{sh: sh, line: newTextField(sh, "> ", "", entryLimit), area: newTextArea(sh, "> ", "", entryLimit)}
	e.field = e.line
	return e
}

// entryLimit is the most characters of a comment, a reason, a risk note or
// the measures in place.
const entryLimit = 500

// open focuses the entry with label and value, offering offer (or nil);
// multi opens the area over several lines instead of the line.
func (e *textEntry) open(label, value string, offer *draftOffer, multi bool) {
	e.label, e.pnWarned, e.edited, e.offer = label, false, false, offer
	e.field = e.line
	if multi {
		e.field = e.area
	}
	e.field.SetValue(value)
	e.field.Focus()
}

// close empties and blurs the entry.
func (e *textEntry) close() {
	e.field.Blur()
	e.field.SetValue("")
	e.pnWarned, e.offer, e.edited = false, nil, false
}

// takeOffer puts the offered draft into the field; it reports whether
// there was one.
func (e *textEntry) takeOffer() bool {
	if e.offer == nil {
		return false
	}
	e.field.SetValue(e.offer.d.Text)
	e.offer, e.edited = nil, true
	return true
}

// Value returns the text, trimmed.
func (e *textEntry) Value() string { return strings.TrimSpace(e.field.Value()) }

// blockPersonnummer shows the warning the first time text holds a
// personnummer and reports whether saving must wait for a second enter.
func (e *textEntry) blockPersonnummer(text string) bool {
	if !checklist.ContainsPersonnummer(text) || e.pnWarned {
		return false
	}
	e.pnWarned = true
	return true
}

// SetSize implements the component contract.
func (e *textEntry) SetSize(w, h int) {
	e.w = w
	e.line.SetSize(w, h)
	e.area.SetSize(w, h)
}

// Update edits the text; a change drops the warning and the offer.
func (e *textEntry) Update(msg tea.Msg) (*textEntry, tea.Cmd) {
	if e.field.edit(msg) {
		e.pnWarned = false
		e.edited, e.offer = true, nil
	}
	return e, nil
}

// Lines renders the label, an offered draft, the field, the privacy hint
// and, when needed, the personnummer warning.
func (e *textEntry) Lines() []string {
	sh, st := e.sh, e.sh.styles
	out := []string{st.Focused.Render(e.label)}
	if e.offer != nil {
		out = append(out, st.Warning.Render(wrap(sh.offerText(e.offer), e.w)))
	}
	out = append(out, e.field.View(),
		st.Hint.Render(wrap(sh.tr("Skriv inte namn, personnummer eller uppgifter om enskildas hälsa eller ärenden.",
			"Do not write names, personal identity numbers or details of anyone's health or case."), e.w)))
	if e.field.Cut() {
		out = append(out, st.Warning.Render(wrap(cutText(sh, e.field.Limit()), e.w)))
	}
	if e.pnWarned {
		out = append(out, st.Warning.Render(wrap(sh.tr(
			"Varning: texten ser ut att innehålla ett personnummer. Enter sparar ändå, esc avbryter, eller ändra texten.",
			"Warning: the text looks like it holds a personal identity number. Enter saves anyway, esc cancels, or edit the text."), e.w)))
	}
	return out
}

// View implements the component contract.
func (e *textEntry) View() string { return strings.Join(e.Lines(), "\n") }

// ShortHelp implements help.KeyMap.
func (e *textEntry) ShortHelp() []key.Binding {
	in := e.sh.keys.Input
	if e.pnWarned {
		return []key.Binding{in.Confirm, in.Cancel}
	}
	return []key.Binding{in.Save, in.Cancel}
}

// FullHelp implements help.KeyMap.
func (e *textEntry) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }
