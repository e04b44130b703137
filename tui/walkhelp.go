package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"samkoll/checklist"
)

// What the walk shows to help the group: the item's guidance and legal
// basis in a pager, and the keys that work in each mode.

// syncGuide puts the current item's guidance and legal basis into the
// pager when the item has changed, at most a third of the height tall.
func (s *walkScreen) syncGuide() {
	wi, ok := s.current()
	if !ok || s.guideFor == s.idx {
		return
	}
	sh, st := s.sh, s.sh.styles
	var lines []string
	for _, l := range strings.Split(wrap(sh.tr("Vägledning: ", "Guidance: ")+wi.item.Guidance.In(sh.lang), s.w), "\n") {
		lines = append(lines, st.walk().subtle.paint(l))
	}
	if legal := wi.item.LegalString(sh.lang); legal != "" {
		for _, l := range strings.Split(wrap(sh.tr("Grund: ", "Basis: ")+legal, s.w), "\n") {
			lines = append(lines, st.walk().subtle.paint(l))
		}
	}
	s.guideAll = lines
	s.guide.SetSize(s.w, min(len(lines), max(s.h/3, 3)))
	s.guide.SetLines(lines)
	s.guide.vp.GotoTop()
	s.guideFor = s.idx
}

// ShortHelp lists the keys that work now.
func (s *walkScreen) ShortHelp() []key.Binding {
	k, g := s.sh.keys.Walk, s.sh.keys.Global
	if s.ov != nil {
		return s.ov.ShortHelp()
	}
	if s.cyc.hist != nil {
		return append(s.cyc.hist.page.ShortHelp(), k.History, g.Back)
	}
	switch s.mode {
	case modeComment, modeReason, modeRiskNote, modeMeasures:
		return s.entry.ShortHelp()
	case modeRisk:
		return s.riskHelp()
	}
	// The answer keys are on the item itself (optionsLine). On an item
	// already answered, tab to the next unanswered one comes first.
	var keys []key.Binding
	if wi, ok := s.current(); ok && s.response(wi).Answer != checklist.Unanswered && s.anyUnanswered() {
		keys = append(keys, k.NextOpen)
	}
	keys = append(keys, k.Next, k.Prev, k.Comment)
	if wi, ok := s.current(); ok && s.response(wi).Answer.IsShortcoming() {
		keys = append(keys, k.Risk)
	}
	return append(keys, k.Guidance, k.Overview, k.Plan, g.Help)
}

// anyUnanswered reports whether an item of the walk is still unanswered.
// The saved count settles it while no answer of this assessment waits in
// the write queue; otherwise it looks from the item after the current
// one and around, so that in a walk answered in order the next item
// settles it: the footer asks on every frame.
func (s *walkScreen) anyUnanswered() bool {
	if !s.sh.writes.pendingResponses(s.a.ID) {
		answered, total := s.progress()
		return answered < total
	}
	n := len(s.items)
	for i := range n {
		if s.response(s.items[(s.idx+1+i)%n]).Answer == checklist.Unanswered {
			return true
		}
	}
	return false
}

// progress counts the walk's items, own items included, and those with a
// saved answer. The count is made once for the walk's items and kept up
// to date as the store confirms answers (savedResponse); the item line
// asks on every frame, and counting looked up every item. A change to
// the saved answers outside savedResponse (their number changes) or to
// the items (recount) makes it count again.
func (s *walkScreen) progress() (answered, total int) {
	c := &s.counted
	if !c.valid || c.items != len(s.items) || c.responses != len(s.a.Responses) {
		*c = answerCount{valid: true, n: s.countAnswered(), items: len(s.items), responses: len(s.a.Responses)}
	}
	return c.n, len(s.items)
}

// countAnswered counts the items with a saved answer.
func (s *walkScreen) countAnswered() int {
	n := 0
	for _, wi := range s.items {
		if s.saved(wi).Answer != checklist.Unanswered {
			n++
		}
	}
	return n
}

// savedResponse puts an answer the store confirmed into the assessment
// and moves a valid count of saved answers with it: by one when an item
// of the walk turns answered or unanswered.
func (s *walkScreen) savedResponse(r checklist.Response) {
	k := r.Key()
	c := &s.counted
	valid := c.valid && c.items == len(s.items) && c.responses == len(s.a.Responses)
	was := s.a.Responses[k].Answer != checklist.Unanswered
	setResponse(&s.a, r)
	is := s.a.Responses[k].Answer != checklist.Unanswered
	switch {
	case !valid:
		s.recount()
	case was == is:
		c.responses = len(s.a.Responses)
	case !s.isItem(k):
		s.recount()
	default:
		c.responses = len(s.a.Responses)
		if is {
			c.n++
		} else {
			c.n--
		}
	}
}

// isItem reports whether k is an item of the walk. The item answered
// last is usually the current one or the one before it.
func (s *walkScreen) isItem(k checklist.ItemKey) bool {
	for _, i := range []int{s.idx, s.idx - 1} {
		if i >= 0 && i < len(s.items) && s.items[i].key() == k {
			return true
		}
	}
	for _, wi := range s.items {
		if wi.key() == k {
			return true
		}
	}
	return false
}

// answerCount is progress's count of saved answers, with the numbers of
// items and saved responses it was made from.
type answerCount struct {
	valid               bool
	n, items, responses int
}

// recount drops the count of saved answers; call it wherever the saved
// answers or the items change.
func (s *walkScreen) recount() { s.counted = answerCount{} }

// FullHelp lists all keys.
func (s *walkScreen) FullHelp() [][]key.Binding {
	k, g := s.sh.keys.Walk, s.sh.keys.Global
	if s.ov != nil {
		return s.ov.FullHelp()
	}
	if s.cyc.hist != nil {
		return [][]key.Binding{s.ShortHelp()}
	}
	switch s.mode {
	case modeRisk:
		return [][]key.Binding{s.riskHelp()}
	case modeComment, modeReason, modeRiskNote, modeMeasures:
		return [][]key.Binding{s.ShortHelp()}
	}
	scroll := s.guide.FullHelp()[0]
	if !s.guidance {
		scroll = nil
	}
	return [][]key.Binding{
		{k.Ja, k.Delvis, k.Nej, k.EjAktuellt},
		{k.Prev, k.Next, k.NextOpen, k.Overview},
		{k.Comment, k.Measures, k.Guidance, k.Risk, k.History, k.Plan, k.Summary, s.sh.keys.Own.Open},
		scroll,
		{g.Present, g.Help, g.Back, g.Quit},
	}
}
