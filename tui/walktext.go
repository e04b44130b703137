package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// The walk's text modes: a comment, the reason for Ej aktuellt and the
// note on a risk, typed into the walk's textEntry and kept as drafts while
// typed.

// updateText handles the comment, reason and risk note inputs: keys go to
// the input; enter saves, esc cancels.
func (s *walkScreen) updateText(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	sh := s.sh
	wi, ok := s.current()
	in := sh.keys.Input
	switch {
	case key.Matches(msg, in.Cancel):
		if field := s.textField(); s.entry.edited && field != "" {
			// Cancelled after typing: the draft goes too.
			s.sh.forgetDraft(s.a.ID, field)
		}
		s.entry.close()
		s.errText = ""
		if s.mode == modeRiskNote {
			s.mode = modeRisk
		} else {
			s.mode = modeItem
		}
		return s, nil
	case key.Matches(msg, in.Save):
		if !ok {
			return s, nil
		}
		if s.entry.takeOffer() {
			// The draft is in the field; a second enter saves it.
			return s, nil
		}
		value := s.entry.Value()
		switch s.mode {
		case modeReason:
			if value == "" {
				s.errText = sh.tr("Ej aktuellt kräver ett kort skäl, t.ex. \"vi har inget ensamarbete\".",
					"Not applicable needs a short reason, e.g. \"we have no lone work\".")
				return s, nil
			}
			if s.entry.blockPersonnummer(value) {
				return s, nil
			}
			r := s.response(wi)
			r.Answer, r.Reason, r.Risk = checklist.EjAktuellt, value, nil
			cut := s.cutNote()
			s.leaveText(modeItem)
			s.dropDraftEntry(reasonField(wi.key()))
			return s, tea.Batch(s.save(r, s.sh.answerWhat(wi, r), reasonField(wi.key())), s.advance(), cut)
		case modeComment, modeMeasures:
			if s.entry.blockPersonnummer(value) {
				return s, nil
			}
			r := s.response(wi)
			field, what := commentField(wi.key()), sh.tr("kommentaren till ", "the comment on ")
			if s.mode == modeMeasures {
				r.Measures = value
				field, what = measuresField(wi.key()), sh.tr("det som redan fungerar för ", "the measures in place for ")
			} else {
				r.Comment = value
			}
			cut := s.cutNote()
			s.leaveText(modeItem)
			s.dropDraftEntry(field)
			return s, tea.Batch(s.save(r, what+sh.itemName(wi), field), cut)
		case modeRiskNote:
			if s.entry.blockPersonnummer(value) {
				return s, nil
			}
			s.risk.note = value
			cut := s.cutNote()
			s.leaveText(modeRisk)
			return s, cut
		}
	}
	before := s.entry.field.Value()
	s.entry.Update(msg)
	if s.entry.field.Value() != before {
		s.errText = ""
	}
	return s, nil
}

// cutNote says, after a save, that the open text was cut to the field's
// limit: the status line must not read as if all of it were saved.
func (s *walkScreen) cutNote() tea.Cmd {
	if !s.entry.field.Cut() {
		return nil
	}
	return statusCmd(cutText(s.sh, s.entry.field.Limit()))
}

// openText opens the comment, reason or risk note field with value and
// offers the field's draft when there is one.
func (s *walkScreen) openText(mode walkMode, value, field string) {
	s.mode = mode
	s.errText = ""
	// A reason is short; the other texts wrap over several lines.
	s.entry.open(s.entryLabel(), value, s.sh.offerDraft(s.a.ID, field, value), mode != modeReason)
}

// textField names the draft field of the open text field.
func (s *walkScreen) textField() string {
	wi, ok := s.current()
	if !ok {
		return ""
	}
	switch s.mode {
	case modeComment:
		return commentField(wi.key())
	case modeReason:
		return reasonField(wi.key())
	case modeRiskNote:
		return riskNoteField(wi.key())
	case modeMeasures:
		return measuresField(wi.key())
	}
	return ""
}

// draftField implements drafter: the open field's text, once typed in.
func (s *walkScreen) draftField() (int64, string, string, bool) {
	field := s.textField()
	if field == "" || !s.entry.edited {
		return 0, "", "", false
	}
	return s.a.ID, field, s.entry.field.Value(), true
}

// dropDraftEntry forgets the draft of field locally; the save that follows
// removes it from the store.
func (s *walkScreen) dropDraftEntry(field string) {
	delete(s.sh.drafts[s.a.ID], field)
}

func (s *walkScreen) leaveText(to walkMode) {
	s.entry.close()
	s.errText = ""
	s.mode = to
}

// entryLabel is the label of the open text entry.
func (s *walkScreen) entryLabel() string {
	switch s.mode {
	case modeReason:
		return s.sh.tr("Varför ej aktuellt? (krävs)", "Why not applicable? (required)")
	case modeRiskNote:
		return s.sh.tr("Kommentar om risken", "Comment on the risk")
	case modeMeasures:
		return s.sh.tr("Det här fungerar redan", "Measures in place")
	}
	return s.sh.tr("Kommentar", "Comment")
}
