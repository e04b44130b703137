package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// walkMode is what the walk screen is doing.
type walkMode int

// The walk's modes.
const (
	modeItem walkMode = iota
	modeComment
	modeReason
	modeRisk
	modeRiskNote
	modeActionsAsk
	// modeMeasures edits the measures in place (cycle.go).
	modeMeasures
)

// String names the mode, for tests.
func (m walkMode) String() string {
	return [...]string{"item", "comment", "reason", "risk", "risk-note", "actions-ask", "measures"}[m]
}

// walkItem is one item with its area.
type walkItem struct {
	area *checklist.Area
	item checklist.Item
	// num is the item's number within its area, from 1.
	num int
}

func (wi walkItem) key() checklist.ItemKey {
	return checklist.ItemKey{AreaID: wi.area.ID, ItemID: wi.item.ID}
}

// walkScreen walks through the items of an assessment one at a time.
type walkScreen struct {
	sh    *shared
	a     checklist.Assessment
	items []walkItem
	idx   int
	mode  walkMode
	// guidance shows the guidance in a pager (g where it has no room);
	// guideOff hides it where it has (g again).
	guidance, guideOff bool
	// guideAll is the current item's guidance, all its lines.
	guideAll []string
	// guide shows the guidance of item guideFor in a pager.
	guide    pager
	guideFor int
	entry    *textEntry // comment, reason or risk note
	bar      progress.Model
	barMemo  barMemo
	counted  answerCount // progress's count
	errText  string
	// risk is the risk evaluation while it is open (modeRisk, modeRiskNote).
	risk *riskEval
	// ov is the overview while it is open.
	ov *overview
	// cyc is the SAM cycle: earlier answers and the item's history.
	cyc  cycleState
	w, h int
	// remind is a serious risk just left without an action (walkloose.go);
	// asking holds the actions the Ja question is about.
	remind *seriousItem
	asking []checklist.Action
}

func newWalkScreen(sh *shared, a checklist.Assessment, focus checklist.ItemKey) *walkScreen {
	s := &walkScreen{sh: sh, a: a, entry: newTextEntry(sh), guide: newPager(sh.keys.ArrowList), guideFor: -1,
		bar: progress.New(progress.WithWidth(26), progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))}
	if s.a.Responses == nil {
		s.a.Responses = map[checklist.ItemKey]checklist.Response{}
	}
	for _, ar := range sh.walkAreas(a) {
		for i, it := range ar.Items {
			s.items = append(s.items, walkItem{ar, it, i + 1})
		}
	}
	s.idx = -1
	for i, wi := range s.items {
		if (focus != checklist.ItemKey{} && wi.key() == focus) {
			s.idx = i
			break
		}
	}
	if s.idx < 0 {
		s.idx = 0
		for i, wi := range s.items {
			if s.a.Responses[wi.key()].Answer == checklist.Unanswered {
				s.idx = i
				break
			}
		}
	}
	return s
}

// focus moves to item k, when the walk has it, and back to the item view.
func (s *walkScreen) focus(k checklist.ItemKey) {
	for i, wi := range s.items {
		if wi.key() == k {
			s.idx, s.mode, s.ov = i, modeItem, nil
			// The guidance follows at once: the root draws before the
			// next message.
			s.syncGuide()
			return
		}
	}
}

// Inputting reports whether a text field has focus.
func (s *walkScreen) Inputting() bool {
	return s.mode == modeComment || s.mode == modeReason || s.mode == modeRiskNote || s.mode == modeMeasures
}

// SetSize stores the body size.
func (s *walkScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.entry.SetSize(w, h)
	s.bar.SetWidth(max(min(w/3, 40), 4))
	s.guideFor = -1
	s.syncGuide()
	if s.ov != nil {
		s.ov.SetSize(w, h)
	}
	if s.risk != nil {
		s.risk.SetSize(w, h)
	}
	if s.cyc.hist != nil {
		s.cyc.hist.SetSize(w, h)
		s.cyc.hist.render(s.sh, s.a.ID)
	}
}

func (s *walkScreen) current() (walkItem, bool) {
	if s.idx < 0 || s.idx >= len(s.items) {
		return walkItem{}, false
	}
	return s.items[s.idx], true
}

// response returns the item's answer as the manager last gave it: the
// newest change still in the write queue, else the saved answer.
func (s *walkScreen) response(wi walkItem) checklist.Response { return s.responseAt(wi.key()) }

// responseAt is response for the item with key k.
func (s *walkScreen) responseAt(k checklist.ItemKey) checklist.Response {
	if r, ok := s.sh.writes.pendingResponse(s.a.ID, k); ok {
		return r
	}
	return s.savedAt(k)
}

// saved returns the item's answer as the store confirmed it.
func (s *walkScreen) saved(wi walkItem) checklist.Response { return s.savedAt(wi.key()) }

// savedAt is saved for the item with key k.
func (s *walkScreen) savedAt(k checklist.ItemKey) checklist.Response {
	r, ok := s.a.Responses[k]
	if !ok {
		r = checklist.Response{AreaID: k.AreaID, ItemID: k.ItemID}
	}
	return r
}

// pending reports whether a change to the item waits to be saved.
func (s *walkScreen) pending(wi walkItem) bool {
	_, ok := s.sh.writes.pendingResponse(s.a.ID, wi.key())
	return ok
}

// save queues r; what names the change for a failure message, draft is
// the draft field the text came from. The screen shows r as pending until
// the store confirms it.
func (s *walkScreen) save(r checklist.Response, what, draft string) tea.Cmd {
	if r.Answer != s.responseAt(r.Key()).Answer {
		// A new answer is given now (saveResponse stamps it); an answer
		// taken back has no time. A comment or a risk keeps the time.
		r.AnsweredAt = time.Time{}
	}
	s.sh.saveResponse(s.a.ID, r, what, draft)
	return nil
}

// saveAnswer queues r as a new answer to the current item.
func (s *walkScreen) saveAnswer(wi walkItem, r checklist.Response) tea.Cmd {
	return s.save(r, s.sh.answerWhat(wi, r), "")
}

// advance moves to the next item. After the last one it goes back to the
// first unanswered item, or, when every item is answered, to the summary.
func (s *walkScreen) advance() tea.Cmd {
	if s.idx < len(s.items)-1 {
		s.idx++
		return nil
	}
	for i, wi := range s.items {
		if s.response(wi).Answer == checklist.Unanswered {
			s.idx = i
			return statusCmd(s.sh.tr("Sista punkten är besvarad. Här är den första obesvarade.",
				"The last item is answered. Here is the first unanswered one."))
		}
	}
	return s.sh.open(summaryScreenID, s.a.ID)
}

// Update handles the walk.
func (s *walkScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	sc, cmd := s.update(msg)
	s.syncGuide()
	return sc, cmd
}

// update handles the walk.
func (s *walkScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case resumedMsg:
		s.sh.loadOrdered(openMsg{id: s.a.ID}, nil)
		return s, nil
	case responseSavedMsg:
		if msg.assessmentID == s.a.ID {
			s.savedResponse(msg.r)
		}
		return s, nil
	case itemHistoryMsg:
		s.historyLoaded(msg)
		return s, nil
	case assessmentLoadedMsg:
		if msg.a.ID == s.a.ID {
			if msg.prev != nil {
				s.cyc.prev = msg.prev
			}
			s.a = msg.a
			if s.a.Responses == nil {
				s.a.Responses = map[checklist.ItemKey]checklist.Response{}
			}
			s.recount()
			s.syncOwnItems()
		}
		return s, nil
	case tea.PasteMsg:
		if s.Inputting() {
			s.entry.Update(msg)
		}
		return s, nil
	case actionSavedMsg:
		s.noteAction(msg.a)
		return s, nil
	case assessmentStatusSavedMsg:
		if msg.id == s.a.ID {
			s.a.Status = msg.status
			s.errText = ""
		}
		return s, nil
	case overviewDoneMsg:
		s.ov = nil
		if msg.jump {
			s.idx = msg.idx
		}
		return s, nil
	case tea.KeyPressMsg:
		if s.ov != nil {
			var cmd tea.Cmd
			s.ov, cmd = s.ov.Update(msg)
			return s, cmd
		}
		if s.cyc.hist != nil {
			return s.updateHistory(msg)
		}
		switch s.mode {
		case modeComment, modeReason, modeRiskNote, modeMeasures:
			return s.updateText(msg)
		case modeRisk:
			return s.updateRisk(msg)
		case modeActionsAsk:
			return s.updateActionsAsk(msg)
		}
		if handled, cmd := s.updateGuards(msg); handled {
			return s, cmd
		}
		return s.updateItem(msg)
	}
	return s, nil
}

func (s *walkScreen) updateItem(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	sh, k := s.sh, s.sh.keys.Walk
	wi, ok := s.current()
	s.errText = ""
	switch {
	case key.Matches(msg, sh.keys.Global.Back):
		return s, s.sh.back()
	case key.Matches(msg, k.Plan):
		return s, s.sh.open(planScreenID, s.a.ID)
	case key.Matches(msg, k.Summary):
		return s, s.sh.open(summaryScreenID, s.a.ID)
	case key.Matches(msg, sh.keys.Own.Open):
		return s, s.openOwnItems()
	case !ok:
		return s, nil
	case key.Matches(msg, k.Ja):
		r := s.response(wi)
		was := r.Answer
		r.Answer, r.Risk, r.Reason = checklist.Ja, nil, ""
		if open := s.openActions(wi.key()); was.IsShortcoming() && len(open) > 0 {
			// The actions lose their reason: ask what becomes of them.
			s.asking, s.mode = open, modeActionsAsk
			return s, s.saveAnswer(wi, r)
		}
		return s, tea.Batch(s.saveAnswer(wi, r), s.advance())
	case key.Matches(msg, k.Delvis), key.Matches(msg, k.Nej):
		r := s.response(wi)
		answer := checklist.Delvis
		if key.Matches(msg, k.Nej) {
			answer = checklist.Nej
		}
		if r.Risk == nil || !r.Answer.IsShortcoming() {
			if d := checklist.DefaultRisk(wi.item.Type); d.Level != checklist.NoLevel {
				r.Risk = &d
			} else {
				r.Risk = nil
			}
		}
		r.Answer, r.Reason = answer, ""
		s.openRisk(wi, r)
		return s, s.saveAnswer(wi, r)
	case key.Matches(msg, k.EjAktuellt):
		s.openText(modeReason, s.response(wi).Reason, reasonField(wi.key()))
	case key.Matches(msg, k.Prev):
		s.idx = max(s.idx-1, 0)
	case key.Matches(msg, k.Next):
		s.idx = min(s.idx+1, len(s.items)-1)
	case key.Matches(msg, k.Comment):
		s.openText(modeComment, s.response(wi).Comment, commentField(wi.key()))
	case key.Matches(msg, k.Guidance):
		// Hide what shows; show in a pager what has no room.
		shown := s.guideShown()
		s.guidance, s.guideOff = !shown, shown
	case s.guidance && key.Matches(msg, sh.keys.ArrowList.Up, sh.keys.ArrowList.Down, sh.keys.ArrowList.PageUp,
		sh.keys.ArrowList.PageDown, sh.keys.ArrowList.Home, sh.keys.ArrowList.End):
		s.guide, _ = s.guide.Update(msg)
	case key.Matches(msg, k.Overview):
		s.ov = newOverview(sh, s.items, s.idx, s.response)
		s.ov.hasAction = func(wi walkItem) bool { return hasAction(&s.a, wi.key()) }
		s.ov.SetSize(s.w, s.h)
	case key.Matches(msg, k.Risk):
		if r := s.response(wi); r.Answer.IsShortcoming() {
			s.openRisk(wi, r)
		}
	case key.Matches(msg, k.History):
		s.openHistory(wi)
	case key.Matches(msg, k.Measures):
		s.openMeasures(wi)
	}
	return s, nil
}
