package tui

// Drafts: what is typed into a text field is kept in the store as a draft,
// about draftDelay after the last key and at once when the app is told to
// stop (ctrl+c, SIGTERM, SIGHUP), and offered back when the field is opened
// again. A draft is never taken as the saved value without the manager's
// enter.

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// draftDelay is how long after the last key a draft is stored.
const draftDelay = 300 * time.Millisecond

// drafter is a screen with a text field whose content is kept as a draft.
type drafter interface {
	// draftField returns the open field's assessment, name and text; ok is
	// false when no field is open.
	draftField() (id int64, field, text string, ok bool)
}

// draftState is the root's view of the open field's draft.
type draftState struct {
	id          int64
	field, text string
	// dirty is set when text has not been stored yet; seq identifies the
	// newest debounce tick.
	dirty bool
	seq   int
}

// draftTickMsg stores the draft when no key came after the one that
// scheduled it.
type draftTickMsg struct{ seq int }

// draftSavedMsg confirms a stored (or, with empty text, removed) draft.
type draftSavedMsg struct{ d checklist.Draft }

// watchDraft looks at the active screen's field after a message and
// schedules storing its text when it changed.
func (m *Model) watchDraft() tea.Cmd {
	d, ok := m.active().(drafter)
	if !ok {
		m.draft = draftState{}
		return nil
	}
	id, field, text, open := d.draftField()
	if !open {
		m.draft = draftState{}
		return nil
	}
	if id == m.draft.id && field == m.draft.field {
		if text == m.draft.text {
			return nil
		}
		m.draft.text, m.draft.dirty = text, true
	} else {
		// A field just opened: what it shows is not typed yet.
		m.draft = draftState{id: id, field: field, text: text}
		return nil
	}
	m.draft.seq++
	seq := m.draft.seq
	return m.sh.after(draftDelay, draftTickMsg{seq})
}

// flushDraft stores the open field's text now if it has not been stored.
func (m *Model) flushDraft() {
	if !m.draft.dirty || m.draft.field == "" {
		return
	}
	m.sh.saveDraft(m.draft.id, m.draft.field, m.draft.text)
	m.draft.dirty = false
}

// draftOf returns the stored draft of field in assessment id.
func (sh *shared) draftOf(id int64, field string) (checklist.Draft, bool) {
	d, ok := sh.drafts[id][field]
	return d, ok && d.Text != ""
}

// noteDraft records a confirmed draft (an empty text: removed).
func (sh *shared) noteDraft(d checklist.Draft) {
	if sh.drafts == nil {
		sh.drafts = map[int64]map[string]checklist.Draft{}
	}
	if d.Text == "" {
		delete(sh.drafts[d.AssessmentID], d.Field)
		return
	}
	if sh.drafts[d.AssessmentID] == nil {
		sh.drafts[d.AssessmentID] = map[string]checklist.Draft{}
	}
	sh.drafts[d.AssessmentID][d.Field] = d
}

// forgetDraft removes the draft of field after its text was saved or the
// edit cancelled; the store follows in order. It writes even when no draft
// is known yet: one may be on its way to the store.
func (sh *shared) forgetDraft(id int64, field string) {
	delete(sh.drafts[id], field)
	sh.saveDraft(id, field, "")
}

// draftOffer is a draft offered back in an opened field.
type draftOffer struct {
	d checklist.Draft
	// texts are a form's texts by field (formdrafts.go); preview is the
	// text the offer line quotes, d.Text when empty.
	texts   map[string]string
	preview string
}

// offerDraft returns the offer for field when its draft differs from what
// the field shows.
func (sh *shared) offerDraft(id int64, field, shown string) *draftOffer {
	d, ok := sh.draftOf(id, field)
	if !ok || d.Text == shown {
		return nil
	}
	return &draftOffer{d: d}
}

// offerText is the line that offers a draft back.
func (sh *shared) offerText(o *draftOffer) string {
	text := o.preview
	if text == "" {
		text = o.d.Text
	}
	at := o.d.Saved.Local()
	when := at.Format("15:04")
	if y, mo, d := at.Date(); (checklist.Date{Year: y, Month: mo, Day: d}) != sh.today() {
		when = at.Format("2006-01-02 15:04")
	}
	return sh.tr("Ej sparat utkast från "+when+" – enter för att använda det: ",
		"Unsaved draft from "+when+" – enter to use it: ") + quoteShort(text)
}

// draft field names.
func commentField(k checklist.ItemKey) string  { return "comment/" + k.AreaID + "/" + k.ItemID }
func reasonField(k checklist.ItemKey) string   { return "reason/" + k.AreaID + "/" + k.ItemID }
func riskNoteField(k checklist.ItemKey) string { return "risknote/" + k.AreaID + "/" + k.ItemID }
