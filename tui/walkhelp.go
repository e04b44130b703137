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
// It looks from the item after the current one and around, so that in a
// walk answered in order the next item settles it: the footer asks on
// every frame.
func (s *walkScreen) anyUnanswered() bool {
	n := len(s.items)
	for i := range n {
		if s.response(s.items[(s.idx+1+i)%n]).Answer == checklist.Unanswered {
			return true
		}
	}
	return false
}

// progress counts the walk's items, own items included, and those with a
// saved answer. The count is kept until the saved answers or the items
// change (recount), or their numbers do: the item line asks on every
// frame, and counting looked up every item.
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
