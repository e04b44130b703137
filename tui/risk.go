package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// riskEval is the risk evaluation of one Delvis/Nej item, a component of
// the walk: the first digit 1–4 sets the probability, the second the
// consequence, and so on in turn. It draws the item, the level and the 4×4
// matrix; saving, the note and leaving are the walk's (updateRisk), which
// owns the store calls and the drafts.
type riskEval struct {
	sh          *shared
	item        walkItem
	response    checklist.Response
	probability int
	consequence int
	// nextIsConsequence says which value the next digit sets.
	nextIsConsequence bool
	note              string
	// noNote is set where the note (c) is not offered: the re-evaluation.
	noNote bool
	w, h   int
}

// newRiskEval starts the evaluation of r, from its saved risk if any.
func newRiskEval(sh *shared, wi walkItem, r checklist.Response) *riskEval {
	e := &riskEval{sh: sh, item: wi, response: r}
	if r.Risk != nil {
		e.probability, e.consequence, e.note = r.Risk.Probability, r.Risk.Consequence, r.Risk.Note
	}
	return e
}

func (e *riskEval) level() checklist.Level { return checklist.LevelFor(e.probability, e.consequence) }

// result returns the response with the evaluated risk.
func (e *riskEval) result() checklist.Response {
	r := e.response
	r.Risk = &checklist.Risk{Probability: e.probability, Consequence: e.consequence, Level: e.level(), Note: e.note}
	return r
}

// SetSize implements the component contract.
func (e *riskEval) SetSize(w, h int) { e.w, e.h = w, h }

// Update takes the digits.
func (e *riskEval) Update(msg tea.Msg) (*riskEval, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, e.sh.keys.Risk.Score) {
		v := int(k.Code - '0')
		if e.nextIsConsequence {
			e.consequence = v
		} else {
			e.probability = v
		}
		e.nextIsConsequence = !e.nextIsConsequence
	}
	return e, nil
}

// openRisk starts the risk evaluation for r.
func (s *walkScreen) openRisk(wi walkItem, r checklist.Response) {
	s.mode = modeRisk
	s.errText = ""
	s.risk = newRiskEval(s.sh, wi, r)
	s.risk.SetSize(s.w, s.h)
}

func (s *walkScreen) updateRisk(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	sh, k := s.sh, s.sh.keys.Risk
	switch {
	case key.Matches(msg, sh.keys.Global.Back):
		s.mode, s.errText = modeItem, ""
		if wi, ok := s.current(); ok {
			s.remindIfSerious(wi, s.response(wi))
		}
		return s, nil
	case key.Matches(msg, k.Score):
		s.risk.Update(msg)
		s.errText = ""
	case key.Matches(msg, k.Note):
		if wi, ok := s.current(); ok {
			s.openText(modeRiskNote, s.risk.note, riskNoteField(wi.key()))
		}
	case key.Matches(msg, k.Save), key.Matches(msg, k.AddAction):
		if s.risk.level() == checklist.NoLevel {
			s.errText = sh.tr("Välj sannolikhet och konsekvens (1–4) först.", "Choose probability and consequence (1–4) first.")
			return s, nil
		}
		r := s.risk.result()
		s.mode = modeItem
		wi, _ := s.current()
		save := s.save(r, sh.tr("riskbedömningen av ", "the risk assessment of ")+sh.itemName(wi), riskNoteField(wi.key()))
		delete(sh.drafts[s.a.ID], riskNoteField(wi.key()))
		if key.Matches(msg, k.AddAction) {
			add := addActionMsg{AssessmentID: s.a.ID, AreaID: r.AreaID, ItemID: r.ItemID}
			sh.post(add)
			return s, save
		}
		s.remindIfSerious(wi, r)
		return s, tea.Batch(save, s.advance())
	}
	return s, nil
}

// riskView renders the evaluation with the note, its input and the error
// line under it.
func (s *walkScreen) riskView() string {
	sh, st := s.sh, s.sh.styles
	lines := []string{s.risk.View()}
	if s.mode == modeRiskNote {
		lines = append(lines, s.entry.Lines()...)
	} else if s.risk.note != "" {
		lines = append(lines, st.Subtle.Render(sh.tr("Kommentar om risken: ", "Comment on the risk: ")+checklist.SanitizeLine(s.risk.note)))
	}
	if s.errText != "" {
		lines = append(lines, st.Error.Render(s.errText))
	}
	return strings.Join(lines, "\n")
}

// riskLine is a line of the risk view with its weight: when the window is
// too short, the lines of the highest drop first (0 never drops).
type riskLine struct {
	text string
	drop int
}

// View renders the item, the level, the 4×4 matrix with the chosen cell
// and, for serious risks, what the group has to do. On a short window the
// blank lines, the answer, the chosen values and the long explanation give
// way (a short one replaces it), so the level and the whole matrix show.
func (e *riskEval) View() string {
	sh, st, wi := e.sh, e.sh.styles, e.item
	if sh.presenting {
		return e.presentView()
	}
	var lines []riskLine
	add := func(drop int, ls ...string) {
		for _, l := range ls {
			lines = append(lines, riskLine{l, drop})
		}
	}
	add(0, st.Area.Render(wi.area.Title.In(sh.lang)+" · "+sh.tr("Riskbedömning", "Risk assessment")))
	problem := wi.item.Problem.In(sh.lang)
	if wi.item.Problem.IsZero() {
		problem = wi.item.Statement.In(sh.lang)
	}
	for i, l := range strings.Split(wrap(problem, e.w), "\n") {
		add(min(i, 1)*3, st.Statement.Render(l))
	}
	add(4, st.Subtle.Render(fmt.Sprintf("%s: %s · %s", sh.tr("Svar", "Answer"), e.response.Answer.Label(sh.lang), wi.item.Type.Label(sh.lang))))
	// The level comes before the matrix so that a small window still shows it.
	p, c := e.probability, e.consequence
	pl, cl := "–", "–"
	if p > 0 {
		pl = fmt.Sprintf("%d %s", p, checklist.ProbabilityLabels[p].In(sh.lang))
	}
	if c > 0 {
		cl = fmt.Sprintf("%d %s", c, checklist.ConsequenceLabels[c].In(sh.lang))
	}
	next := sh.tr("sannolikhet", "probability")
	if e.nextIsConsequence {
		next = sh.tr("konsekvens", "consequence")
	}
	add(3, fmt.Sprintf("%s: %s · %s: %s", sh.tr("Sannolikhet", "Probability"), pl, sh.tr("Konsekvens", "Consequence"), cl))
	lv := e.level()
	level := sh.tr("Nivå: ", "Level: ") + st.Levels[lv].Render(lv.Label(sh.lang))
	if lv.Serious() {
		level += " " + st.Serious.Render(sh.tr("– en allvarlig risk", "– a serious risk"))
	}
	add(0, level+st.Subtle.Render(fmt.Sprintf("  (%s %s)", sh.tr("nästa siffra:", "next digit:"), next)))
	add(5, "")
	add(0, e.matrix()...)
	add(5, "")
	if wi.item.Type == checklist.Lagkrav && !e.noNote {
		add(3, strings.Split(st.Subtle.Render(wrap(sh.tr("Lagkrav börjar på hög; ändra vid behov och skriv varför (c).",
			"Legal requirements start at high; change if needed and say why (c)."), e.w)), "\n")...)
	}
	var short string
	if lv.Serious() {
		// What the level means and what the group does about it, in the
		// words of AFS 2023:1 13 § (act at once or as soon as possible)
		// and 10 § (written instructions where risks are serious).
		add(2, strings.Split(st.Warning.Render(wrap(sh.tr(
			"En allvarlig risk ska åtgärdas omedelbart eller så snart det går: lägg till en åtgärd med ett tidigt datum (a). "+
				"Tills dess ska de som gör arbetet ha skriftliga instruktioner om hur det görs säkert (AFS 2023:1 10 § och 13 §).",
			"A serious risk is to be dealt with at once or as soon as possible: add an action with an early date (a). "+
				"Until then, those who do the work need written instructions on how to do it safely (AFS 2023:1 10 § and 13 §)."), e.w)), "\n")...)
		short = wrap(sh.tr("Allvarlig: åtgärda snart (a), skriftliga instruktioner (AFS 2023:1 10 §).",
			"Serious: act soon (a), written instructions (AFS 2023:1 10 §)."), e.w)
	}
	out := fitRiskLines(lines, e.h, strings.Split(short, "\n"))
	for i, l := range out {
		if l.drop < 0 {
			out[i].text = st.Warning.Render(l.text)
		}
	}
	texts := make([]string, len(out))
	for i, l := range out {
		texts[i] = l.text
	}
	return strings.Join(texts, "\n")
}

// presentView is the risk view in presentation mode: the problem, the
// level and the matrix, centred, and for a serious risk what to do.
func (e *riskEval) presentView() string {
	sh, st, wi := e.sh, e.sh.styles, e.item
	w := max(e.w, 1)
	var lines []riskLine
	add := func(drop int, ls ...string) {
		for _, l := range ls {
			lines = append(lines, riskLine{l, drop})
		}
	}
	add(0, centre([]string{st.Area.Render(wi.area.Title.In(sh.lang) + " · " + sh.tr("Riskbedömning", "Risk assessment"))}, w)...)
	add(5, "")
	problem := wi.item.Problem.In(sh.lang)
	if wi.item.Problem.IsZero() {
		problem = wi.item.Statement.In(sh.lang)
	}
	for _, l := range strings.Split(wrap(problem, presentWidth(w)), "\n") {
		add(0, centre([]string{st.Present.Render(l)}, w)...)
	}
	add(5, "")
	lv := e.level()
	level := sh.tr("Nivå: ", "Level: ") + st.Levels[lv].Render(" "+lv.Label(sh.lang)+" ")
	if lv.Serious() {
		level += " " + st.Serious.Render(sh.tr("allvarlig risk", "serious risk"))
	}
	add(0, centre([]string{st.Present.Render(level)}, w)...)
	add(4, "")
	add(0, centreBlock(e.matrix(), w)...)
	add(4, "")
	if lv.Serious() {
		add(2, centre(strings.Split(wrap(sh.tr(
			"Åtgärda omedelbart eller så snart det går. Tills dess: skriftliga instruktioner för arbetet (AFS 2023:1 10 §).",
			"Act at once or as soon as possible. Until then: written instructions for the work (AFS 2023:1 10 §)."), presentWidth(w)), "\n"), w)...)
		for i := len(lines) - 1; i >= 0 && lines[i].drop == 2; i-- {
			lines[i].text = st.Warning.Render(lines[i].text)
		}
	}
	out := fitRiskLines(lines, e.h, nil)
	texts := make([]string, len(out))
	for i, l := range out {
		texts[i] = l.text
	}
	return strings.Join(texts, "\n")
}

// fitRiskLines drops the heaviest lines until the rest fit in h; when the
// long explanation (weight 2) drops, as much of short as fits takes its
// place, marked with weight -1, its last line cut with … when more is left.
func fitRiskLines(lines []riskLine, h int, short []string) []riskLine {
	limit := 5
	keep := func() []riskLine {
		var out []riskLine
		for _, l := range lines {
			if l.drop <= limit {
				out = append(out, l)
			}
		}
		return out
	}
	out := keep()
	for ; limit > 0 && h > 0 && len(out) > h; out = keep() {
		limit--
	}
	if limit >= 2 || len(short) == 0 || short[0] == "" {
		return out
	}
	room := h - len(out)
	for i := 0; i < len(short) && i < room; i++ {
		l := short[i]
		if i == room-1 && i < len(short)-1 {
			l = strings.TrimRight(l, " ") + "…"
		}
		out = append(out, riskLine{l, -1})
	}
	return out
}

// matrix renders the 4×4 matrix: consequence 4 at the top, probability 1–4
// left to right, the chosen cell in brackets. Each cell has its score and
// its level's letter (levelMark), so the levels differ without colour.
func (e *riskEval) matrix() []string {
	sh, st := e.sh, e.sh.styles
	var out []string
	head := pad(sh.tr("K\\S", "C\\P"), 5)
	for p := 1; p <= 4; p++ {
		head += fmt.Sprintf(" %2d     ", p)
	}
	out = append(out, st.Subtle.Render(strings.TrimRight(head, " ")))
	for c := 4; c >= 1; c-- {
		var b strings.Builder
		fmt.Fprintf(&b, "  %d  ", c)
		for p := 1; p <= 4; p++ {
			lv := checklist.LevelFor(p, c)
			cell := fmt.Sprintf("%2d %-2s", p*c, levelMark(lv, sh.lang))
			if p == e.probability && c == e.consequence {
				b.WriteString(st.MarkedCell.Render("["+cell+"]") + " ")
				continue
			}
			b.WriteString(st.Levels[lv].Render(" "+cell+" ") + " ")
		}
		b.WriteString(st.Subtle.Render(checklist.ConsequenceLabels[c].In(sh.lang)))
		out = append(out, b.String())
	}
	return out
}

// ShortHelp implements help.KeyMap: in order of importance, so that a
// serious level keeps a (add an action) in a narrow footer.
func (e *riskEval) ShortHelp() []key.Binding {
	k, g := e.sh.keys.Risk, e.sh.keys.Global
	if e.level().Serious() {
		return []key.Binding{k.Score, k.AddAction, k.Save, k.Note, g.Back}
	}
	return []key.Binding{k.Score, k.Save, k.AddAction, k.Note, g.Back}
}

// FullHelp implements help.KeyMap.
func (e *riskEval) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }

func (s *walkScreen) riskHelp() []key.Binding {
	if s.risk != nil {
		return s.risk.ShortHelp()
	}
	k, g := s.sh.keys.Risk, s.sh.keys.Global
	return []key.Binding{k.Score, k.Save, k.AddAction, k.Note, g.Back}
}
