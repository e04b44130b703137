package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// The walk's guards against loose ends: a closed assessment is read only,
// a serious risk left without an action gets a reminder with a key to add
// one, and an item whose actions lose their reason (Nej or Delvis changed
// to Ja) asks what becomes of them.

// closed reports whether the assessment is closed (read only). A reopening
// still in the write queue counts: the answers typed after it are written
// after it.
func (s *walkScreen) closed() bool {
	if st, ok := s.sh.writes.pendingStatus(s.a.ID); ok {
		return st == checklist.Avslutad
	}
	return s.a.Status == checklist.Avslutad
}

// closedText is the banner of a closed assessment.
func (s *walkScreen) closedText() string {
	return s.sh.tr("Avslutad – bedömningen kan bara läsas. Tryck u för att öppna den igen.",
		"Closed – the assessment is read only. Press u to reopen it.")
}

// changes reports whether msg would change an answer, a comment or a risk.
func (s *walkScreen) changes(msg tea.KeyPressMsg) bool {
	k := s.sh.keys.Walk
	return key.Matches(msg, k.Ja) || key.Matches(msg, k.Delvis) || key.Matches(msg, k.Nej) ||
		key.Matches(msg, k.EjAktuellt) || key.Matches(msg, k.Comment) || key.Matches(msg, k.Risk) ||
		key.Matches(msg, s.sh.keys.Own.Open)
}

// updateGuards handles the keys of the guards before the item's own keys;
// handled is false when the key is the item's.
func (s *walkScreen) updateGuards(msg tea.KeyPressMsg) (handled bool, cmd tea.Cmd) {
	sh, k := s.sh, s.sh.keys.Walk
	remind := s.remind
	s.remind = nil
	switch {
	case s.closed() && key.Matches(msg, k.Reopen):
		sh.setAssessmentStatus(s.a, checklist.Pagaende)
		return true, nil
	case s.closed() && s.changes(msg):
		s.errText = s.closedText()
		return true, nil
	case remind != nil && key.Matches(msg, k.Plan):
		sh.post(addActionMsg{AssessmentID: s.a.ID, AreaID: remind.key.AreaID, ItemID: remind.key.ItemID})
		return true, nil
	case key.Matches(msg, k.NextOpen):
		for i := 1; i <= len(s.items); i++ {
			j := (s.idx + i) % len(s.items)
			if s.response(s.items[j]).Answer == checklist.Unanswered {
				s.idx = j
				return true, nil
			}
		}
		s.errText = sh.tr("Alla punkter är besvarade.", "Every item is answered.")
		return true, nil
	}
	return false, nil
}

// remindIfSerious sets the reminder when item wi is left with a serious risk
// and no action.
func (s *walkScreen) remindIfSerious(wi walkItem, r checklist.Response) {
	if !r.Answer.IsShortcoming() || r.Risk == nil || !r.Risk.Serious() || hasAction(&s.a, wi.key()) {
		return
	}
	s.remind = &seriousItem{key: wi.key(), area: wi.area.Title.In(s.sh.lang), num: wi.num, level: r.Risk.Level}
}

// remindText is the reminder of a serious risk without an action.
func (s *walkScreen) remindText() string {
	return fmt.Sprintf(s.sh.tr("Allvarlig risk utan åtgärd (%s). Tryck a för att lägga till en åtgärd nu.",
		"Serious risk without an action (%s). Press a to add an action now."), s.remind.name(s.sh))
}

// openActions returns the actions of item k that are not done or struck.
func (s *walkScreen) openActions(k checklist.ItemKey) []checklist.Action {
	var out []checklist.Action
	for _, x := range s.a.Actions {
		if x.AreaID == k.AreaID && x.ItemID == k.ItemID && x.Status.Open() {
			out = append(out, s.sh.writes.latestAction(x))
		}
	}
	return out
}

// updateActionsAsk handles the question what becomes of an item's actions
// after its answer changed to Ja: keep them, mark them done, or strike them.
func (s *walkScreen) updateActionsAsk(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	var status checklist.ActionStatus
	k := s.sh.keys.Walk
	switch {
	case key.Matches(msg, k.KeepActions):
		s.mode = modeItem
		return s, s.advance()
	case key.Matches(msg, k.DoneActions):
		status = checklist.Klar
	case key.Matches(msg, k.StrikeActions):
		status = checklist.Struken
	default:
		return s, nil
	}
	for _, x := range s.asking {
		x.Status = status
		x.DoneOn = checklist.Date{}
		if status == checklist.Klar {
			x.DoneOn = s.sh.today()
		}
		s.sh.saveAction(x, s.sh.tr("ändringen av åtgärden ", "the change to the action ")+quoteShort(x.What))
	}
	s.asking = nil
	s.mode = modeItem
	return s, s.advance()
}

// actionsAskLines renders the question.
func (s *walkScreen) actionsAskLines() []string {
	st := s.sh.styles
	var whats []string
	for _, x := range s.asking {
		whats = append(whats, quoteShort(x.What))
	}
	text := fmt.Sprintf(s.sh.tr("Svaret är nu Ja, men punkten har %d öppna åtgärder: %s. b = behåll · m = markera klar · s = stryk",
		"The answer is now Yes, but the item has %d open actions: %s. b = keep · m = mark done · s = strike"),
		len(s.asking), strings.Join(whats, ", "))
	return []string{"", st.Warning.Render(wrap(text, s.w))}
}

// noteAction keeps the walk's actions up to date with a confirmed save.
func (s *walkScreen) noteAction(a checklist.Action) {
	for i, x := range s.a.Actions {
		if x.ID == a.ID {
			s.a.Actions[i] = a
			return
		}
	}
	if a.AssessmentID == s.a.ID {
		s.a.Actions = append(s.a.Actions, a)
	}
}
