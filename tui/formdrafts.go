package tui

// Drafts of the forms: the action form (the risk text, what, who, when),
// the effect prompt after k and the new assessment form keep what is typed
// the same way as the walk's text fields (drafts.go): stored about
// draftDelay after the last key and at once on quit, offered back when the
// form opens again, never taken without the manager's enter. A form of
// several fields keeps one draft with all its texts, so that it comes back
// whole.

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// newAssessmentField names the new assessment form's draft (assessment 0).
const newAssessmentField = "new-assessment"

// fieldsText keeps the texts of several fields as one draft.
func fieldsText(texts map[string]string) string {
	b, _ := json.Marshal(texts) // a map of strings always encodes
	return string(b)
}

// textsOf reads a draft written by fieldsText.
func textsOf(d checklist.Draft) (map[string]string, bool) {
	var texts map[string]string
	if err := json.Unmarshal([]byte(d.Text), &texts); err != nil || len(texts) == 0 {
		return nil, false
	}
	return texts, true
}

// offerFields returns the offer of the stored draft of field when it
// differs from the texts the form shows; preview names the draft in the
// offer line.
func (sh *shared) offerFields(id int64, field string, shown map[string]string, preview ...string) *draftOffer {
	d, ok := sh.draftOf(id, field)
	if !ok {
		return nil
	}
	texts, ok := textsOf(d)
	if !ok || maps.Equal(texts, shown) {
		return nil
	}
	o := &draftOffer{d: d, texts: texts, preview: "–"}
	for _, name := range preview {
		if texts[name] != "" {
			o.preview = texts[name]
			break
		}
	}
	return o
}

// draftsLoadedMsg carries the stored drafts of assessment id.
type draftsLoadedMsg struct {
	id     int64
	drafts map[string]checklist.Draft
}

// loadDraftsOrdered queues the read of the drafts of assessment id (0: the
// fields of no assessment), after the writes before it.
func (sh *shared) loadDraftsOrdered(id int64) {
	sh.readOrdered(func(ctx context.Context, s Store) (tea.Msg, error) {
		// Drafts are a help, not the data: a failure to read them only
		// means none is offered.
		drafts, _ := s.Drafts(ctx, id)
		return draftsLoadedMsg{id, drafts}, nil
	})
}

// noteDrafts records the drafts read for assessment id.
func (sh *shared) noteDrafts(msg draftsLoadedMsg) {
	for _, d := range msg.drafts {
		sh.noteDraft(d)
	}
}

// The action form's draft.

// draftName names the action form's draft: an action being edited by its
// id, a new one by the item it is for.
func (f *actionForm) draftName() string {
	if f.base.ID != 0 {
		return fmt.Sprintf("action/%d", f.base.ID)
	}
	return "action/new/" + f.base.AreaID + "/" + f.base.ItemID
}

// texts returns the form's texts by field.
func (f *actionForm) texts() map[string]string {
	texts := map[string]string{
		"risk": f.inputs[fieldRisk].Value(), "what": f.inputs[fieldWhat].Value(), "who": f.inputs[fieldWho].Value(),
	}
	if due := f.due; !due.fresh {
		// A suggested date is the form's, not typed: not kept.
		texts["due"] = due.Value()
	}
	return texts
}

// draftField implements drafter for the plan screen: the form's texts,
// once typed in.
func (f *actionForm) draftField() (int64, string, string, bool) {
	if !f.edited || f.finished {
		return 0, "", "", false
	}
	return f.base.AssessmentID, f.draftName(), fieldsText(f.texts()), true
}

// offerStored offers the form's stored draft, when there is one.
func (f *actionForm) offerStored() {
	f.offer = f.sh.offerFields(f.base.AssessmentID, f.draftName(), f.texts(), "what", "risk", "who", "due")
}

// takeOffer fills the fields with the offered draft and moves to Åtgärd.
func (f *actionForm) takeOffer() {
	names := map[string]formField{"risk": fieldRisk, "what": fieldWhat, "who": fieldWho, "due": fieldDue}
	for name, field := range names {
		if text, ok := f.offer.texts[name]; ok {
			f.inputs[field].SetValue(text)
		}
	}
	f.offer, f.edited = nil, true
	f.setFocus(f.indexOf(fieldWhat))
}

// The effect prompt's draft.

// effectField names the draft of the effect of action id.
func effectField(id int64) string { return fmt.Sprintf("effect/%d", id) }

// draftField returns the effect prompt's text, once typed in.
func (e *planEffectPrompt) draftField() (int64, string, string, bool) {
	if !e.edited || e.stage != checkEffect {
		return 0, "", "", false
	}
	return e.action.AssessmentID, effectField(e.action.ID), e.input.Value(), true
}

// The new assessment form's draft.

// texts returns the new assessment form's texts by field.
func (s *newScreen) texts() map[string]string {
	texts := map[string]string{"unit": s.unit.Value(), "participants": s.participants.Value()}
	if !s.date.fresh {
		// Today's date, suggested, is not kept: it is another day later.
		texts["date"] = s.date.Value()
	}
	return texts
}

// draftField implements drafter: the form's texts, once typed in.
func (s *newScreen) draftField() (int64, string, string, bool) {
	if !s.edited || s.creating {
		return 0, "", "", false
	}
	return 0, newAssessmentField, fieldsText(s.texts()), true
}

// draftsArrived offers the stored draft unless typing has begun.
func (s *newScreen) draftsArrived(msg draftsLoadedMsg) {
	if msg.id != 0 {
		return
	}
	s.sh.noteDrafts(msg)
	if !s.edited {
		s.offer = s.sh.offerFields(0, newAssessmentField, s.texts(), "unit", "participants")
	}
}

// takeOffer fills the fields with the offered draft.
func (s *newScreen) takeOffer() {
	t := s.offer.texts
	s.unit.SetValue(t["unit"])
	s.participants.SetValue(t["participants"])
	if date, ok := t["date"]; ok {
		s.date.SetValue(date)
	}
	s.offer, s.edited = nil, true
}

// typed marks the form as typed in: the offer goes, the draft follows.
func (s *newScreen) typed() {
	s.errText, s.offer, s.edited = "", nil, true
}
