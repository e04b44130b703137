package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// seriousDueDays is how far ahead the default due date of an action for a
// serious risk lies: "omedelbart eller så snart det är praktiskt möjligt".
const seriousDueDays = 14

// formField is one field of the action form.
type formField int

// The form's fields, in tab order.
const (
	fieldPick formField = iota
	fieldRisk
	fieldWhat
	fieldWho
	fieldDue
	fieldEscalation
)

// String names the field, for tests.
func (f formField) String() string {
	switch f {
	case fieldPick:
		return "pick"
	case fieldRisk:
		return "risk"
	case fieldWhat:
		return "what"
	case fieldWho:
		return "who"
	case fieldDue:
		return "due"
	case fieldEscalation:
		return "escalation"
	}
	return "?"
}

// actionForm adds or edits one action. From an item it offers the item's
// suggested measures as a pick list that fills What.
type actionForm struct {
	sh   *shared
	base checklist.Action
	item *checklist.Item
	// serious is whether the item's risk is allvarlig.
	serious bool
	level   checklist.Level

	measures []string
	// picks is the window onto the measures.
	picks listWindow

	// fields are in tab order: the measure, who, when, escalation, and
	// the risk text last, so that it is edited only on purpose; shown
	// lists them as drawn, the risk text first.
	fields []formField
	shown  []formField
	focus  int
	inputs map[formField]editor
	// due is the Klart senast field, with its suggested default.
	due *textField
	esc checklist.Escalation

	// err is the validation message of the last save attempt.
	err string
	// warned is set when the personnummer warning has been shown; the next
	// save goes through.
	warned bool
	// caution is the warning about a past due date or an empty Ansvarig,
	// shown on the first save; the next save goes through.
	caution string

	// finished is set once the form has sent its actionFormDoneMsg; it
	// takes no more keys.
	finished bool

	// offer is the stored draft offered back (formdrafts.go); edited is
	// set once a key changed a text.
	offer  *draftOffer
	edited bool

	w, h int
}

// actionFormDoneMsg says the action form is finished: save holds the
// action to save, or nil when the form was cancelled; draft names the
// form's draft, to be removed after the save or a cancel of typed text.
type actionFormDoneMsg struct {
	save  *checklist.Action
	draft string
	// cut says which saved text was cut to its field's limit.
	cut string
}

// newActionForm returns the form for a (ID 0: new). item and risk, when
// known, prefill the risk text, the measures and the default due date.
func newActionForm(sh *shared, a checklist.Action, item *checklist.Item, risk *checklist.Risk) *actionForm {
	f := &actionForm{sh: sh, base: a, item: item, esc: a.Escalation, inputs: map[formField]editor{}, w: 80, h: 20}
	if risk != nil {
		f.level = risk.Level
		f.serious = risk.Serious()
	}
	mk := func(field formField, value, placeholder string, limit int) {
		var in editor = newTextField(sh, "", placeholder, limit)
		if field == fieldWhat {
			// The measure wraps over a few lines, so all of it shows.
			in = newTextArea(sh, "", placeholder, limit).maxRows(3)
		}
		in.SetValue(value)
		f.inputs[field] = in
	}
	riskText := a.Risk
	if a.ID == 0 && item != nil && riskText == "" {
		riskText = item.Problem.In(sh.lang)
	}
	due := a.Due.String()
	if a.ID == 0 && due == "" && f.serious {
		due = sh.today().AddDays(seriousDueDays).String()
	}
	mk(fieldRisk, riskText, sh.tr("vilket problem åtgärden löser", "the problem the action addresses"), 300)
	mk(fieldWhat, a.What, sh.tr("vad ska göras?", "what is to be done?"), 300)
	mk(fieldWho, a.Who, sh.tr("t.ex. enhetschef, skyddsombud", "e.g. unit manager, safety rep"), 80)
	mk(fieldDue, due, sh.tr("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), 10)
	f.due = f.inputs[fieldDue].(*textField)
	if a.ID == 0 {
		// A suggested due date: typing a date replaces it.
		f.due.SetDefault(due)
	}
	if item != nil {
		for _, m := range item.Measures {
			f.measures = append(f.measures, m.In(sh.lang))
		}
	}
	f.picks = newListWindow(sh.keys.List, f.pickRow)
	f.picks.SetLen(len(f.measures))
	if len(f.measures) > 0 {
		f.fields = append(f.fields, fieldPick)
	}
	f.shown = append(append([]formField(nil), f.fields...), fieldRisk, fieldWhat, fieldWho, fieldDue, fieldEscalation)
	f.fields = append(f.fields, fieldWhat, fieldWho, fieldDue, fieldEscalation, fieldRisk)
	if len(f.measures) == 0 || a.What != "" {
		f.focus = f.indexOf(fieldWhat)
	}
	f.setFocus(f.focus)
	f.offerStored()
	return f
}

func (f *actionForm) indexOf(field formField) int {
	for i, x := range f.fields {
		if x == field {
			return i
		}
	}
	return 0
}

// field returns the focused field.
func (f *actionForm) field() formField { return f.fields[f.focus] }

// setFocus focuses field i and blurs the others.
func (f *actionForm) setFocus(i int) {
	f.focus = (i + len(f.fields)) % len(f.fields)
	for field, in := range f.inputs {
		if field == f.field() {
			in.Focus()
		} else {
			in.Blur()
		}
	}
}

// labelWidth is the width of the label column.
func (f *actionForm) labelWidth() int {
	if f.w < 50 {
		// The mark and the longest short label (Eskalering).
		return 12
	}
	return 15
}

func (f *actionForm) setSize(w, h int) {
	f.w, f.h = max(w, 1), max(h, 1)
	for _, in := range f.inputs {
		in.SetSize(max(f.w-f.labelWidth()-1, 4), f.h)
	}
	// The title, the list's heading, the other fields (the measure up to
	// three lines), the hint and the error line take the rest.
	f.picks.SetSize(f.w, max(f.h-12, 1))
}

// Update handles a message while the form is open; when the form is
// finished it posts actionFormDoneMsg (shared.post).
func (f *actionForm) Update(msg tea.Msg) (*actionForm, tea.Cmd) {
	if f.finished {
		return f, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if in, ok := f.inputs[f.field()]; ok && in.edit(msg) {
			f.changed()
		}
		return f, nil
	}
	in, nk, fk := f.sh.keys.Input, f.sh.keys.New, f.sh.keys.Form
	switch {
	case key.Matches(k, in.Cancel):
		return f, f.finish(nil)
	case f.offer != nil && key.Matches(k, in.Save):
		f.takeOffer()
	case f.field() == fieldPick:
		return f, f.updatePick(k)
	case key.Matches(k, nk.Next):
		f.setFocus(f.focus + 1)
	case key.Matches(k, nk.Prev):
		f.setFocus(f.focus - 1)
	case key.Matches(k, in.Save):
		return f, f.submit()
	case f.field() == fieldEscalation:
		switch {
		case key.Matches(k, fk.EscalationNext):
			f.esc = nextEscalation(f.esc)
		case key.Matches(k, fk.EscalationPrev):
			f.esc = nextEscalation(nextEscalation(f.esc))
		}
	default:
		if f.inputs[f.field()].edit(k) {
			f.changed()
		}
	}
	return f, nil
}

// changed follows an edit of a text: the warnings and the offer go, the
// draft follows the text.
func (f *actionForm) changed() {
	f.warned, f.err, f.caution = false, "", ""
	f.edited, f.offer = true, nil
}

// finish ends the form with the action to save (nil: cancelled); the
// plan has the message before the next key.
func (f *actionForm) finish(save *checklist.Action) tea.Cmd {
	f.finished = true
	done := actionFormDoneMsg{save: save}
	if f.edited || save != nil {
		done.draft = f.draftName()
	}
	for _, field := range f.fields {
		if in, ok := f.inputs[field]; ok && in.Cut() && save != nil {
			done.cut = cutText(f.sh, in.Limit())
		}
	}
	f.sh.post(done)
	return nil
}

// updatePick handles keys on the measures list.
func (f *actionForm) updatePick(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, f.sh.keys.Form.Pick):
		if n := int(k.Code - '1'); n >= 0 && n < len(f.measures) {
			f.picks.Select(n)
			f.choose()
		}
	case key.Matches(k, f.sh.keys.Input.Save):
		f.choose()
	case key.Matches(k, f.sh.keys.New.Next):
		f.setFocus(f.focus + 1)
	case key.Matches(k, f.sh.keys.New.Prev):
		f.setFocus(f.focus - 1)
	default:
		f.picks, _ = f.picks.Update(k)
	}
	return nil
}

// choose fills What with the picked measure and moves to What.
func (f *actionForm) choose() {
	f.inputs[fieldWhat].SetValue(f.measures[f.picks.Cursor()])
	f.changed()
	f.setFocus(f.indexOf(fieldWhat))
}

// submit validates the fields and, when they are fine, finishes the form
// with the action to save.
func (f *actionForm) submit() tea.Cmd {
	tr := f.sh.tr
	a := f.base
	a.Risk = strings.TrimSpace(f.inputs[fieldRisk].Value())
	a.What = strings.TrimSpace(f.inputs[fieldWhat].Value())
	a.Who = strings.TrimSpace(f.inputs[fieldWho].Value())
	a.Escalation = f.esc
	f.err = ""
	if a.What == "" {
		f.err = tr("Skriv vad som ska göras.", "Write what is to be done.")
		f.setFocus(f.indexOf(fieldWhat))
		return nil
	}
	dueText := strings.TrimSpace(f.inputs[fieldDue].Value())
	switch {
	case dueText == "" && a.Status.Open():
		f.err = tr("Ange klart senast (ÅÅÅÅ-MM-DD).", "Enter a due date (YYYY-MM-DD).")
		f.setFocus(f.indexOf(fieldDue))
		return nil
	case dueText == "":
		a.Due = checklist.Date{}
	default:
		d, err := checklist.ParseDate(dueText)
		if err != nil {
			f.err = tr("Ogiltigt datum: skriv ÅÅÅÅ-MM-DD, t.ex. ", "Invalid date: write YYYY-MM-DD, e.g. ") +
				f.sh.today().AddDays(30).String() + "."
			f.setFocus(f.indexOf(fieldDue))
			return nil
		}
		a.Due = d
	}
	if f.caution == "" {
		// Allowed, but worth a second look: a date already past, nobody
		// responsible.
		var why []string
		if !a.Due.IsZero() && a.Due.Before(f.sh.today()) && a.Status.Open() && a.Due != f.base.Due {
			why = append(why, fmt.Sprintf(tr("Klart senast %s har redan passerat.", "The due date %s has already passed."), a.Due))
		}
		if a.Who == "" {
			why = append(why, tr("Ansvarig är tom – det går, men skriv gärna en roll.", "Responsible is empty – allowed, but a role helps."))
		}
		if len(why) > 0 {
			f.caution = strings.Join(why, " ") + " " + tr("Enter sparar ändå.", "Enter saves anyway.")
			return nil
		}
	}
	if !f.warned && (checklist.ContainsPersonnummer(a.Risk) || checklist.ContainsPersonnummer(a.What) ||
		checklist.ContainsPersonnummer(a.Who)) {
		f.warned = true
		return nil
	}
	return f.finish(&a)
}

// planPNWarning is the warning shown before text with a personnummer is
// saved.
func planPNWarning(sh *shared) string {
	return sh.tr("Texten ser ut att innehålla ett personnummer. Ta bort det, eller tryck enter för att spara ändå.",
		"The text looks like it holds a personal identity number. Remove it, or press enter to save anyway.")
}

// ShortHelp returns the form's keys.
func (f *actionForm) ShortHelp() []key.Binding {
	in, nk := f.sh.keys.Input, f.sh.keys.New
	save := in.Save
	if f.warned {
		save = in.Confirm
	}
	if f.field() == fieldPick {
		return []key.Binding{f.sh.keys.Form.Pick, nk.Next, in.Cancel}
	}
	return []key.Binding{save, nk.Next, nk.Prev, in.Cancel}
}

// FullHelp returns the form's keys.
func (f *actionForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }
