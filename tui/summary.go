package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// summaryScreen sums up an assessment: answers per area, the serious risks
// and the actions. It exports the markdown action plan and closes or reopens
// the assessment.
type summaryScreen struct {
	// prev are the unit's previous answers, for "Sedan förra APT".
	prev map[checklist.ItemKey]checklist.PastResponse
	sh   *shared
	a    checklist.Assessment
	// exported is the path of the last export.
	exported string
	// page shows the content, rebuilt on change and resize.
	page pager
	w, h int
	// confirmClose is set while closing waits for a second yes after the
	// warnings about loose ends.
	confirmClose bool
}

// closeKey is the close/reopen binding, with help that fits the status.
func (s *summaryScreen) closeKey() key.Binding {
	b := s.sh.keys.Summary.Close
	if s.a.Status == checklist.Avslutad {
		b.SetHelp("c", s.sh.tr("öppna igen", "reopen"))
	}
	return b
}

// assessmentStatusSavedMsg reports a saved assessment status.
type assessmentStatusSavedMsg struct {
	id     int64
	status checklist.AssessmentStatus
}

// newSummaryScreen returns the summary of a loaded assessment.
func newSummaryScreen(sh *shared, a checklist.Assessment) *summaryScreen {
	s := &summaryScreen{sh: sh, a: a, w: 80, h: 20, page: newPager(sh.keys.ArrowList)}
	s.page.SetSize(s.w, s.h)
	s.render()
	return s
}

// SetSize implements screen.
func (s *summaryScreen) SetSize(w, h int) {
	s.w, s.h = max(w, 1), max(h, 1)
	// The last line is the scroll mark's.
	s.page.SetSize(s.w, max(s.h-1, 1))
	s.render()
}

// Inputting implements screen.
func (s *summaryScreen) Inputting() bool { return false }

// Update implements screen.
func (s *summaryScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case assessmentLoadedMsg:
		if msg.a.ID == s.a.ID {
			s.a = msg.a
			s.render()
		}
	case resumedMsg:
		s.sh.loadOrdered(openMsg{id: s.a.ID}, nil)
	case responseSavedMsg:
		if msg.assessmentID == s.a.ID {
			setResponse(&s.a, msg.r)
			s.render()
		}
	case exportedMsg:
		if msg.id == s.a.ID {
			s.exported = msg.path
			s.render()
		}
	case actionSavedMsg:
		if i := indexAction(s.a.Actions, msg.a.ID); i >= 0 {
			s.a.Actions[i] = msg.a
		} else if msg.a.AssessmentID == s.a.ID {
			s.a.Actions = append(s.a.Actions, msg.a)
		}
		s.render()
	case assessmentStatusSavedMsg:
		if msg.id == s.a.ID {
			s.a.Status = msg.status
			s.render()
			return s, statusCmd(s.sh.tr("Bedömningen är ", "The assessment is ") +
				strings.ToLower(msg.status.Label(s.sh.lang)))
		}
	case tea.KeyPressMsg:
		return s.updateKey(msg)
	}
	return s, nil
}

func (s *summaryScreen) updateKey(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	k := s.sh.keys.Summary
	if s.confirmClose {
		s.confirmClose = false
		if key.Matches(msg, s.sh.keys.Home.Confirm) {
			s.sh.setAssessmentStatus(s.a, checklist.Avslutad)
		}
		s.render()
		return s, nil
	}
	switch {
	case key.Matches(msg, s.sh.keys.Global.Back):
		return s, s.sh.back()
	case key.Matches(msg, k.AddRisk):
		if _, serious := looseEnds(s.sh, &s.a); len(serious) > 0 {
			add := addActionMsg{AssessmentID: s.a.ID, AreaID: serious[0].key.AreaID, ItemID: serious[0].key.ItemID}
			s.sh.post(add)
			return s, nil
		}
	case key.Matches(msg, k.Export):
		return s, exportCmd(s.sh.ctx, s.sh.exporter, s.sh.lang, s.a.ID, ExportRequest{})
	case key.Matches(msg, k.ExportHTML):
		return s, exportCmd(s.sh.ctx, s.sh.exporter, s.sh.lang, s.a.ID, ExportRequest{HTML: true})
	case key.Matches(msg, k.Copy):
		return s, exportCmd(s.sh.ctx, s.sh.exporter, s.sh.lang, s.a.ID, ExportRequest{Copy: true})
	case key.Matches(msg, k.Plan):
		return s, s.sh.open(planScreenID, s.a.ID)
	case key.Matches(msg, s.closeKey()):
		if s.a.Status == checklist.Avslutad {
			s.sh.setAssessmentStatus(s.a, checklist.Pagaende)
			break
		}
		// Closing asks first, with the loose ends in one place.
		s.confirmClose = true
		s.render()
	default:
		s.page, _ = s.page.Update(msg)
	}
	return s, nil
}

// summaryCounts are the answer counts of one area.
type summaryCounts struct {
	title   string
	answers [5]int // indexed by checklist.Answer; 0 is unanswered
}

// counts returns the answer counts per area, in the walk's order: the
// group's own items count with their area, and the unit's own area
// ("Egna punkter") is a row of its own, so the totals are the walk's.
func (s *summaryScreen) counts() []summaryCounts {
	var out []summaryCounts
	for _, ar := range s.sh.walkAreas(s.a) {
		c := summaryCounts{title: ar.Title.In(s.sh.lang)}
		for _, it := range ar.Items {
			c.answers[s.a.Responses[checklist.ItemKey{AreaID: ar.ID, ItemID: it.ID}].Answer]++
		}
		out = append(out, c)
	}
	return out
}

// summaryRisk is one serious risk.
type summaryRisk struct {
	area, problem string
	level         checklist.Level
}

// seriousRisks returns the items with a serious risk, in walk order.
func (s *summaryScreen) seriousRisks() []summaryRisk {
	var out []summaryRisk
	for _, ar := range s.sh.walkAreas(s.a) {
		for _, it := range ar.Items {
			r, ok := s.a.Responses[checklist.ItemKey{AreaID: ar.ID, ItemID: it.ID}]
			if !ok || !r.Answer.IsShortcoming() || r.Risk == nil || !r.Risk.Serious() {
				continue
			}
			out = append(out, summaryRisk{area: ar.Title.In(s.sh.lang),
				problem: it.Problem.In(s.sh.lang), level: r.Risk.Level})
		}
	}
	return append(out, s.carriedSerious()...)
}

// render rebuilds the content lines.
func (s *summaryScreen) render() {
	if s.sh.presenting {
		s.page.SetLines(s.presentLines())
		return
	}
	st, tr, lang := s.sh.styles, s.sh.tr, s.sh.lang
	w := s.w
	cut := func(x string) string { return ansi.Truncate(x, w, "…") }
	var b []string
	title := fmt.Sprintf("%s · %s · %s · %s", tr("Sammanfattning", "Summary"), checklist.SanitizeLine(s.a.Unit), s.a.Date, s.a.Status.Label(lang))
	b = append(b, st.Title.Render(cut(title)))

	b = append(b, "")
	b = append(b, s.answerTable(cut)...)
	b = append(b, s.expiredLines(cut)...)

	if s.confirmClose {
		b = append(b, s.closeWarning()...)
	}

	// Serious risks.
	risks := s.seriousRisks()
	b = append(b, "", st.Area.Render(cut(fmt.Sprintf("%s (%d)", tr("Allvarliga risker", "Serious risks"), len(risks)))))
	if len(risks) == 0 {
		b = append(b, st.Subtle.Render(cut("  "+tr("Inga allvarliga risker bedömda.", "No serious risks assessed."))))
	}
	// Each risk whole, wrapped under its level: the area is at the end.
	for _, r := range risks {
		lv := st.Levels[r.level].Render(r.level.Label(lang) + "*")
		b = append(b, hang(fmt.Sprintf("%s %s (%s)", lv, oneLine(r.problem), r.area), w, "  ", "    ")...)
	}
	if _, serious := looseEnds(s.sh, &s.a); len(serious) > 0 {
		for _, l := range hang(fmt.Sprintf(tr("Utan åtgärd (%d) – r lägger till en åtgärd för den första:",
			"Without an action (%d) – r adds an action for the first:"), len(serious)), w, "  ", "  ") {
			b = append(b, st.Warning.Render(l))
		}
		for _, it := range serious {
			for _, l := range hang("! "+it.name(s.sh)+": "+oneLine(it.problem), w, "  ", "    ") {
				b = append(b, st.Warning.Render(l))
			}
		}
	}

	b = append(b, s.cycleLines(cut)...)

	// Actions.
	open, overdue, done, checked := s.actionCounts()
	b = append(b, "", st.Area.Render(cut(fmt.Sprintf("%s (%d)", tr("Åtgärder", "Actions"), len(s.a.Actions)))))
	acts := fmt.Sprintf("  %d %s · ", open, tr("öppna", "open"))
	if overdue > 0 {
		acts += st.Overdue.Render(fmt.Sprintf("! %d %s", overdue, tr("försenade", "overdue")))
	} else {
		acts += fmt.Sprintf("0 %s", tr("försenade", "overdue"))
	}
	acts += fmt.Sprintf(" · %d %s · %d %s", done, tr("klara", "done"), checked, tr("kontrollerade", "checked"))
	b = append(b, cut(acts))

	if s.exported != "" {
		// The whole path, wrapped: a cut path cannot be found again.
		b = append(b, "")
		for _, l := range strings.Split(ansi.Hardwrap(ansi.Wrap(tr("Exporterad till ", "Exported to ")+checklist.SanitizeLine(s.exported), max(w, 10), ""), max(w, 10), true), "\n") {
			b = append(b, st.Info.Render(l))
		}
	}
	s.page.SetLines(b)
}

// answerTable is the answers per area: the area, then one column for each
// answer headed by its name, and the total in the body's strong style so
// that it reads as the sum of the rows above. When the names do not fit,
// the headings are short and a legend under the table says what they
// stand for; the five columns always show, so the totals add up to the
// items.
func (s *summaryScreen) answerTable(cut func(string) string) []string {
	st, tr, w := s.sh.styles, s.sh.tr, s.w
	order := []checklist.Answer{checklist.Ja, checklist.Delvis, checklist.Nej, checklist.EjAktuellt, checklist.Unanswered}
	labels := []string{tr("Ja", "Yes"), tr("Delvis", "Partly"), tr("Nej", "No"), tr("Ej aktuellt", "N/A"), tr("Obesvarade", "Unanswered")}
	short := []string{tr("Ja", "Yes"), tr("Dv", "Pt"), tr("Nej", "No"), tr("EjA", "N/A"), tr("Obes", "Open")}
	counts := s.counts()
	nameW := ansi.StringWidth(tr("Totalt", "Total"))
	for _, c := range counts {
		nameW = max(nameW, ansi.StringWidth(c.title))
	}
	widths := func(ls []string) (ws []int, sum int) {
		for _, l := range ls {
			ws = append(ws, max(ansi.StringWidth(l), 3)+2)
			sum += ws[len(ws)-1]
		}
		return ws, sum
	}
	cws, sum := widths(labels)
	var legend string
	if w-sum < min(nameW, 16) {
		labels = short
		cws, sum = widths(short)
		legend = tr("Dv delvis · EjA ej aktuellt · Obes obesvarade", "Pt partly · N/A not applicable · Open unanswered")
	}
	nameW = min(nameW, max(w-sum, 6))
	row := func(name string, n func(i int) int) string {
		line := pad(name, nameW)
		for i, cw := range cws {
			line += padLeft(fmt.Sprint(n(i)), cw)
		}
		return cut(line)
	}
	head := pad(tr("Område", "Area"), nameW)
	for i, l := range labels {
		head += padLeft(l, cws[i])
	}
	out := []string{st.Subtle.Render(cut(head))}
	var total [5]int
	for _, c := range counts {
		// A long area name goes on under its first line instead of being
		// cut; the counts stay on the first.
		name := strings.Split(ansi.Wrap(c.title, max(nameW, 4), ""), "\n")
		out = append(out, row(name[0], func(i int) int { return c.answers[order[i]] }))
		for _, more := range name[1:] {
			out = append(out, cut(" "+more))
		}
		for _, ans := range order {
			total[ans] += c.answers[ans]
		}
	}
	out = append(out, st.Strong.Render(row(tr("Totalt", "Total"), func(i int) int { return total[order[i]] })))
	if legend != "" {
		for _, l := range hang(legend, w, "", "") {
			out = append(out, st.Subtle.Render(l))
		}
	}
	return out
}

// closeWarning is the question before closing, with the unanswered items
// and the serious risks without an action.
func (s *summaryScreen) closeWarning() []string {
	st, tr := s.sh.styles, s.sh.tr
	unanswered, serious := looseEnds(s.sh, &s.a)
	var out []string
	out = append(out, "", st.Warning.Render(tr("Avsluta bedömningen?", "Close the assessment?")))
	if unanswered > 0 {
		out = append(out, st.Warning.Render(wrap(fmt.Sprintf(tr("  %d punkter är obesvarade.", "  %d items are unanswered."), unanswered), s.w)))
	}
	if len(serious) > 0 {
		out = append(out, st.Warning.Render(wrap(fmt.Sprintf(tr("  %d allvarliga risker saknar åtgärd:", "  %d serious risks have no action:"), len(serious)), s.w)))
		for _, it := range serious {
			for _, l := range hang(it.name(s.sh)+": "+oneLine(it.problem), s.w, "    ", "      ") {
				out = append(out, st.Warning.Render(l))
			}
		}
	}
	out = append(out, st.Warning.Render(wrap(tr("  y/j = avsluta ändå (bara läsning efteråt, kan öppnas igen) · n/esc = avbryt",
		"  y = close anyway (read only afterwards, can be reopened) · n/esc = cancel"), s.w)))
	return out
}

// indexAction returns the index of action id in actions, or -1.
func indexAction(actions []checklist.Action, id int64) int {
	for i, x := range actions {
		if x.ID == id {
			return i
		}
	}
	return -1
}

// View implements screen: the page and, when it scrolls, the mark under
// it at the right.
func (s *summaryScreen) View() string {
	mark := s.page.Position(s.sh)
	return s.page.View() + "\n" + padLeft(s.sh.styles.Subtle.Render(mark), s.w)
}

// ShortHelp implements help.KeyMap.
func (s *summaryScreen) ShortHelp() []key.Binding {
	k := s.sh.keys.Summary
	if s.confirmClose {
		yes := key.NewBinding(key.WithKeys("y", "j"), key.WithHelp("y/j", s.sh.tr("avsluta", "close")))
		return []key.Binding{yes, s.sh.keys.Home.Cancel}
	}
	if _, serious := looseEnds(s.sh, &s.a); len(serious) > 0 {
		return []key.Binding{k.AddRisk, k.Export, k.Plan, s.closeKey(), s.sh.keys.Global.Back}
	}
	return []key.Binding{k.Export, k.Plan, s.closeKey(), s.sh.keys.Global.Back}
}

// FullHelp implements help.KeyMap.
func (s *summaryScreen) FullHelp() [][]key.Binding {
	k, g := s.sh.keys.Summary, s.sh.keys.Global
	return append(s.page.FullHelp(), []key.Binding{k.Export, k.ExportHTML, k.Copy, k.Plan, s.closeKey()}, []key.Binding{g.Back, g.Help, g.Quit})
}
