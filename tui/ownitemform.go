package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// ownItemForm is the form for a new own item: the area (one of the
// assessment's areas or the unit's own area), the statement and optional
// guidance. It ends with an ownFormDoneMsg; the screen saves.
type ownItemForm struct {
	sh *shared
	a  checklist.Assessment
	// base is the item edited; its ID is 0 for a new one. An item's area
	// stays: its answers are kept under it.
	base checklist.OwnItem
	// areas are the ids to choose from; area is the chosen index.
	areas []string
	area  int
	// focus is 0 for the area, 1 the statement, 2 the guidance.
	focus               int
	statement, guidance *textField
	// edited marks a text field typed in (by draft field name).
	edited map[string]bool
	// errText says what is missing; warned is set while the personnummer
	// warning shows.
	errText string
	warned  bool
	w, h    int
}

// ownFormDoneMsg ends the form: save is the item to save, or nil.
type ownFormDoneMsg struct{ save *checklist.OwnItem }

func newOwnItemForm(sh *shared, a checklist.Assessment, areaID string, base checklist.OwnItem) *ownItemForm {
	f := &ownItemForm{sh: sh, a: a, base: base, focus: 1, edited: map[string]bool{},
		statement: newTextField(sh, "> ", sh.tr("påstående där ja är bra, t.ex. \"Vi hinner äta lunch\"", "a statement where yes is good, e.g. \"We have time for lunch\""), 300),
		guidance:  newTextField(sh, "> ", sh.tr("frivilligt: vad gruppen ska prata om", "optional: what the group should talk about"), 1000)}
	for _, ar := range sh.areasOf(a.Areas) {
		f.areas = append(f.areas, ar.ID)
	}
	f.areas = append(f.areas, checklist.OwnArea)
	for i, id := range f.areas {
		if id == areaID {
			f.area = i
		}
	}
	if areaID == "" {
		f.area = len(f.areas) - 1
	}
	if base.ID != 0 {
		f.areas, f.area = []string{base.AreaID}, 0
		f.statement.SetValue(base.Statement)
		f.guidance.SetValue(base.Guidance)
	}
	// Text typed before and not saved comes back, to be saved with enter.
	statement, guidance := ownItemFields(base)
	if d, ok := sh.draftOf(a.ID, statement); ok {
		f.statement.SetValue(d.Text)
	}
	if d, ok := sh.draftOf(a.ID, guidance); ok {
		f.guidance.SetValue(d.Text)
	}
	f.statement.Focus()
	return f
}

// SetSize implements the component contract.
func (f *ownItemForm) SetSize(w, h int) {
	f.w, f.h = max(w, 1), max(h, 1)
	f.statement.SetWidth(f.w)
	f.guidance.SetWidth(f.w)
}

// field returns the focused text field and its draft name, or nil.
func (f *ownItemForm) field() (*textField, string) {
	statement, guidance := ownItemFields(f.base)
	switch f.focus {
	case 1:
		return f.statement, statement
	case 2:
		return f.guidance, guidance
	}
	return nil, ""
}

// draftField returns the focused text once typed in.
func (f *ownItemForm) draftField() (int64, string, string, bool) {
	tf, name := f.field()
	if tf == nil || !f.edited[name] {
		return 0, "", "", false
	}
	return f.a.ID, name, tf.Value(), true
}

// move focuses field i.
func (f *ownItemForm) move(i int) {
	f.focus = (i + 3) % 3
	if f.focus == 0 && f.base.ID != 0 {
		// An item's area stays.
		f.focus = 2
		if i > 0 {
			f.focus = 1
		}
	}
	f.statement.Blur()
	f.guidance.Blur()
	if tf, _ := f.field(); tf != nil {
		tf.Focus()
	}
}

// Update implements the component contract.
func (f *ownItemForm) Update(msg tea.Msg) (*ownItemForm, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		f.edit(msg)
		return f, nil
	}
	keys, in := f.sh.keys.Own, f.sh.keys.Input
	switch {
	case key.Matches(k, in.Cancel):
		statement, guidance := ownItemFields(f.base)
		for _, name := range []string{statement, guidance} {
			if f.edited[name] {
				f.sh.forgetDraft(f.a.ID, name)
			}
		}
		f.sh.post(ownFormDoneMsg{})
		return f, nil
	case key.Matches(k, keys.Save), key.Matches(k, in.Save) && f.focus == 2:
		return f, f.done()
	case key.Matches(k, keys.NextField), key.Matches(k, in.Save):
		f.move(f.focus + 1)
	case key.Matches(k, keys.PrevField):
		f.move(f.focus - 1)
	case f.focus == 0 && key.Matches(k, keys.NextArea):
		f.area = (f.area + 1) % len(f.areas)
	case f.focus == 0 && key.Matches(k, keys.PrevArea):
		f.area = (f.area + len(f.areas) - 1) % len(f.areas)
	default:
		f.edit(k)
	}
	return f, nil
}

// edit passes a key or a paste to the focused text field.
func (f *ownItemForm) edit(msg tea.Msg) {
	if tf, name := f.field(); tf != nil && tf.edit(msg) {
		f.edited[name], f.warned, f.errText = true, false, ""
	}
}

// done checks the item and ends the form with it.
func (f *ownItemForm) done() tea.Cmd {
	o := f.base
	if o.ID == 0 {
		o.AssessmentID, o.UnitID, o.AreaID = f.a.ID, f.a.UnitID, f.areas[f.area]
	}
	o.Statement, o.Guidance = strings.TrimSpace(f.statement.Value()), strings.TrimSpace(f.guidance.Value())
	if o.Statement == "" {
		f.errText = f.sh.tr("Skriv punktens påstående först.", "Write the item's statement first.")
		f.move(1)
		return nil
	}
	if !f.warned && checklist.ContainsPersonnummer(o.Statement+" "+o.Guidance) {
		f.warned = true
		return nil
	}
	f.sh.post(ownFormDoneMsg{save: &o})
	return nil
}

// View implements the component contract.
func (f *ownItemForm) View() string {
	sh, st := f.sh, f.sh.styles
	cut := func(t string) string { return ansi.Truncate(t, f.w, "…") }
	label := func(i int, text string) string {
		if f.focus == i {
			return st.Focused.Render(cut(text))
		}
		return st.Subtle.Render(cut(text))
	}
	area := fmt.Sprintf("‹ %s ›", sh.ownAreaTitle(f.areas[f.area]))
	title, areaLabel := sh.tr("Egen punkt", "Own item"), sh.tr("Område (←/→)", "Area (←/→)")
	if f.base.ID != 0 {
		title, areaLabel = sh.tr("Ändra egen punkt ", "Edit own item ")+f.base.ItemID, sh.tr("Område", "Area")
		area = sh.ownAreaTitle(f.base.AreaID)
	}
	b := []string{
		st.Title.Render(cut(title + " · " + checklist.SanitizeLine(f.a.Unit) + " · " + f.a.Date.String())),
		label(0, areaLabel), "  " + cut(area),
		label(1, sh.tr("Påstående", "Statement")), f.statement.View(),
		label(2, sh.tr("Vägledning (frivillig)", "Guidance (optional)")), f.guidance.View(),
		st.Hint.Render(wrap(sh.tr("Skriv inte namn, personnummer eller uppgifter om enskildas hälsa eller ärenden.",
			"Do not write names, personal identity numbers or details of anyone's health or case."), f.w)),
	}
	switch {
	case f.errText != "":
		b = append(b, st.Error.Render(wrap(f.errText, f.w)))
	case f.warned:
		b = append(b, st.Warning.Render(wrap(sh.tr(
			"Varning: texten ser ut att innehålla ett personnummer. ctrl+s sparar ändå, esc avbryter, eller ändra texten.",
			"Warning: the text looks like it holds a personal identity number. ctrl+s saves anyway, esc cancels, or edit the text."), f.w)))
	default:
		b = append(b, st.Subtle.Render(wrap(sh.tr("Punkten besvaras som de andra och kommer tillbaka vid enhetens nästa APT.",
			"The item is answered like the others and comes back at the unit's next APT."), f.w)))
	}
	return strings.Join(b, "\n")
}

// ShortHelp implements help.KeyMap.
func (f *ownItemForm) ShortHelp() []key.Binding {
	k := f.sh.keys.Own
	if f.focus == 0 {
		return []key.Binding{k.Save, k.NextArea, k.NextField, f.sh.keys.Input.Cancel}
	}
	return []key.Binding{k.Save, k.NextField, f.sh.keys.Input.Cancel, k.PrevField}
}

// FullHelp implements help.KeyMap.
func (f *ownItemForm) FullHelp() [][]key.Binding {
	k := f.sh.keys.Own
	return [][]key.Binding{{k.NextArea, k.PrevArea}, {k.NextField, k.PrevField}, {k.Save, f.sh.keys.Input.Cancel}}
}
