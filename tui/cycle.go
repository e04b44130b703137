package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// This file holds the walk's part of the SAM cycle: the unit's previous
// answer to the item in one quiet line, the measures already in place, and
// the item's history one key away.

// cycleStore is what the cycle's views read beyond Store; *store.Store
// satisfies it. A Store without it (a test fake) shows no earlier APTs.
type cycleStore interface {
	// PreviousResponses returns the unit's latest earlier answer to each
	// item, before assessment id.
	PreviousResponses(ctx context.Context, id int64) (map[checklist.ItemKey]checklist.PastResponse, error)
	// ItemHistory returns every answer of the unit to one item, oldest
	// first.
	ItemHistory(ctx context.Context, unitID int64, k checklist.ItemKey) ([]checklist.PastResponse, error)
}

// previousResponses reads the earlier answers for the assessment id when
// the store knows them; nil otherwise. They are a help, not the data: a
// failure leaves them out.
func previousResponses(ctx context.Context, s Store, id int64) map[checklist.ItemKey]checklist.PastResponse {
	cs, ok := s.(cycleStore)
	if !ok || id == 0 {
		return nil
	}
	prev, err := cs.PreviousResponses(ctx, id)
	if err != nil {
		return nil
	}
	return prev
}

// itemHistoryMsg carries the history of one item of a unit.
type itemHistoryMsg struct {
	assessmentID int64
	key          checklist.ItemKey
	list         []checklist.PastResponse
}

// historyView shows the unit's earlier answers to one item, in a pager.
type historyView struct {
	key   checklist.ItemKey
	title string
	list  []checklist.PastResponse
	// loaded is set once the history arrived.
	loaded bool
	page   pager
	w, h   int
}

// cycleState is the walk's cycle data.
type cycleState struct {
	// prev is the unit's previous answer per item.
	prev map[checklist.ItemKey]checklist.PastResponse
	// hist is the open history view, or nil.
	hist *historyView
}

// openHistory opens the history of the current item and queues its read.
func (s *walkScreen) openHistory(wi walkItem) {
	hv := &historyView{key: wi.key(), title: wi.item.Statement.In(s.sh.lang), page: newPager(s.sh.keys.ArrowList)}
	hv.SetSize(s.w, s.h)
	hv.render(s.sh, s.a.ID)
	s.cyc.hist = hv
	id, unit, k := s.a.ID, s.a.UnitID, wi.key()
	s.sh.readOrdered(func(ctx context.Context, st Store) (tea.Msg, error) {
		cs, ok := st.(cycleStore)
		if !ok {
			return itemHistoryMsg{assessmentID: id, key: k}, nil
		}
		list, err := cs.ItemHistory(ctx, unit, k)
		if err != nil {
			return nil, err
		}
		return itemHistoryMsg{assessmentID: id, key: k, list: list}, nil
	})
}

// SetSize sizes the view.
func (hv *historyView) SetSize(w, h int) {
	hv.w, hv.h = max(w, 1), max(h, 1)
	hv.page.SetSize(hv.w, max(hv.h-2, 1))
}

// render fills the pager; this APT (current) is marked.
func (hv *historyView) render(sh *shared, current int64) {
	st := sh.styles
	var lines []string
	switch {
	case !hv.loaded:
		lines = append(lines, st.Subtle.Render(sh.tr("Hämtar …", "Loading …")))
	case len(hv.list) == 0:
		lines = append(lines, sh.tr("Enheten har inte svarat på punkten tidigare.", "The unit has not answered the item before."))
	}
	for _, p := range hv.list {
		head := p.Date.String() + "  " + st.Answers[p.Response.Answer].Render(p.Response.Answer.Label(sh.lang))
		if r := p.Response.Risk; r != nil && r.Level != checklist.NoLevel {
			head += " · " + st.Levels[r.Level].Render(r.Level.Label(sh.lang))
		}
		if p.AssessmentID == current {
			head += " " + st.Subtle.Render(sh.tr("(denna APT)", "(this APT)"))
		}
		lines = append(lines, head)
		for _, e := range p.Reevaluations {
			lines = append(lines, "  "+st.Subtle.Render(fmt.Sprintf("%s %s: ", e.On, sh.tr("omvärderad", "re-evaluated")))+
				st.Levels[e.Risk.Level].Render(e.Risk.Level.Label(sh.lang)))
		}
		if c := checklist.SanitizeLine(p.Response.Comment); c != "" {
			lines = append(lines, "  "+st.Subtle.Render(sh.tr("Kommentar: ", "Comment: ")+c))
		}
		if m := checklist.SanitizeLine(p.Response.Measures); m != "" {
			lines = append(lines, "  "+st.Subtle.Render(sh.tr("Fungerar redan: ", "In place: ")+m))
		}
	}
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, strings.Split(wrap(l, hv.w), "\n")...)
	}
	hv.page.SetLines(wrapped)
}

// View renders the history.
func (hv *historyView) View(sh *shared) string {
	st := sh.styles
	head := st.Title.Render(sh.tr("Tidigare svar", "Earlier answers")) + "  " + st.Subtle.Render(checklist.SanitizeLine(hv.title))
	return wrapFirst(head, hv.w) + "\n\n" + hv.page.View()
}

// wrapFirst cuts s to the first line of its wrapping at width w.
func wrapFirst(s string, w int) string {
	return strings.SplitN(wrap(s, w), "\n", 2)[0]
}

// updateHistory handles keys while the history is open.
func (s *walkScreen) updateHistory(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	g := s.sh.keys.Global
	if key.Matches(msg, g.Back) || key.Matches(msg, s.sh.keys.Walk.History) {
		s.cyc.hist = nil
		return s, nil
	}
	var cmd tea.Cmd
	s.cyc.hist.page, cmd = s.cyc.hist.page.Update(msg)
	return s, cmd
}

// historyLoaded shows an arrived history.
func (s *walkScreen) historyLoaded(msg itemHistoryMsg) {
	if hv := s.cyc.hist; hv != nil && msg.assessmentID == s.a.ID && msg.key == hv.key {
		hv.list, hv.loaded = msg.list, true
		hv.render(s.sh, s.a.ID)
	}
}

// cycleLines are the quiet lines under the answer: the unit's previous
// answer ("Förra APT 2026-10-04: Nej · Hög") and the measures in place,
// this APT's or, as the starting point, the previous APT's.
func (s *walkScreen) cycleLines(wi walkItem, r checklist.Response) []string {
	sh, st := s.sh, s.sh.styles
	var lines []string
	p, ok := s.cyc.prev[wi.key()]
	if ok {
		lines = append(lines, st.Subtle.Render(checklist.FormatPrevious(p, sh.lang)))
	}
	switch {
	case r.Measures != "":
		lines = append(lines, st.Subtle.Render(sh.tr("Fungerar redan: ", "Measures in place: ")+checklist.SanitizeLine(r.Measures)))
	case ok && p.Response.Measures != "":
		lines = append(lines, st.Subtle.Render(sh.tr("Fungerade förra APT: ", "In place last APT: ")+checklist.SanitizeLine(p.Response.Measures)))
	}
	return lines
}

// walkAreas returns the areas the walk goes through: the assessment's
// areas with the group's own items added to theirs, and the unit's own
// area ("Egna punkter") last when it has items.
func (sh *shared) walkAreas(a checklist.Assessment) []*checklist.Area {
	cat := sh.cat.WithOwnItems(a.OwnItems)
	refs := a.Areas
	for _, o := range a.OwnItems {
		if o.AreaID == checklist.OwnArea {
			refs = append(append([]checklist.AreaRef(nil), a.Areas...), checklist.AreaRef{ID: checklist.OwnArea})
			break
		}
	}
	var out []*checklist.Area
	for _, r := range refs {
		if ar := cat.Area(r.ID); ar != nil {
			out = append(out, ar)
		}
	}
	return out
}

// setPrevious gives the summary the unit's previous answers.
func (s *summaryScreen) setPrevious(prev map[checklist.ItemKey]checklist.PastResponse) {
	s.prev = prev
	s.render()
}

// carriedRisk returns the item text and area title of a carried risk.
func (sh *shared) carriedItem(a checklist.Assessment, k checklist.ItemKey) (problem, statement, area string) {
	cat := sh.cat.WithOwnItems(a.OwnItems)
	problem, statement, area = k.ItemID, k.ItemID, k.AreaID
	if ar := cat.Area(k.AreaID); ar != nil {
		area = ar.Title.In(sh.lang)
		if it, ok := ar.Item(k.ItemID); ok {
			problem, statement = it.Problem.In(sh.lang), it.Statement.In(sh.lang)
		}
	}
	return problem, statement, area
}

// carriedSerious returns the serious risks carried from earlier APTs that
// are not answered again here and have no action: they are still the
// unit's serious risks.
func (s *summaryScreen) carriedSerious() []summaryRisk {
	acted := map[checklist.ItemKey]bool{}
	for _, x := range s.a.Actions {
		acted[checklist.ItemKey{AreaID: x.AreaID, ItemID: x.ItemID}] = true
	}
	var out []summaryRisk
	for _, c := range s.a.CarriedRisks {
		k := c.Response.Key()
		if _, again := s.a.Responses[k]; again || acted[k] || !c.Level().Serious() {
			continue
		}
		problem, _, area := s.sh.carriedItem(s.a, k)
		out = append(out, summaryRisk{area: area + ", " + s.sh.tr("från APT ", "from APT ") + c.Date.String(), problem: problem, level: c.Level()})
	}
	return out
}

// cycleLines are the summary's "Sedan förra APT" and "Från tidigare APT,
// utan åtgärd"; cut fits a line to the width.
func (s *summaryScreen) cycleLines(cut func(string) string) []string {
	sh, st := s.sh, s.sh.styles
	var b []string
	if len(s.prev) > 0 {
		changes := checklist.SinceLast(s.a, s.prev)
		b = append(b, "", st.Area.Render(cut(fmt.Sprintf("%s (%d)", sh.tr("Sedan förra APT", "Since the last APT"), len(changes)))))
		if len(changes) == 0 {
			b = append(b, st.Subtle.Render(cut("  "+sh.tr("Inga svar har ändrats.", "No answers changed."))))
		}
		for _, c := range changes {
			_, statement, _ := sh.carriedItem(s.a, c.Key)
			label := c.Change.Label(sh.lang)
			if a := c.Change.Arrow(); a != "" {
				label += " " + a
			}
			b = append(b, cut(fmt.Sprintf("  %s: %s (%s → %s)", label, oneLine(statement),
				c.Prev.Response.Answer.Label(sh.lang), c.Cur.Answer.Label(sh.lang))))
		}
	}
	var carried []string
	for _, c := range s.a.CarriedRisks {
		k := c.Response.Key()
		if _, again := s.a.Responses[k]; again {
			continue
		}
		problem, _, area := sh.carriedItem(s.a, k)
		lv := st.Levels[c.Level()].Render(c.Level().Label(sh.lang))
		carried = append(carried, cut(fmt.Sprintf("  %s %s %s (%s)", c.Date, lv, oneLine(problem), area)))
	}
	if len(carried) > 0 {
		b = append(b, "", st.Area.Render(cut(fmt.Sprintf("%s (%d)", sh.tr("Från tidigare APT, utan åtgärd", "From earlier APTs, without an action"), len(carried)))))
		b = append(b, carried...)
	}
	return b
}

// measuresField names the draft of the measures in place of item k.
func measuresField(k checklist.ItemKey) string { return "measures/" + k.AreaID + "/" + k.ItemID }

// openMeasures opens the measures in place of the item: this APT's, or,
// as the starting point to confirm or change, the previous APT's.
func (s *walkScreen) openMeasures(wi walkItem) {
	value := s.response(wi).Measures
	if value == "" {
		value = s.cyc.prev[wi.key()].Response.Measures
	}
	s.openText(modeMeasures, value, measuresField(wi.key()))
}

// planStore is the year plan's part of the store; *store.Store satisfies
// it.
type planStore interface {
	// PlannedAreas returns the areas the unit's year plan says are due at
	// an APT on date: those of its month and earlier ones not yet taken.
	PlannedAreas(ctx context.Context, unit string, date checklist.Date) ([]string, error)
}

// yearPlanState is what the new assessment form knows of the year plan.
type yearPlanState struct {
	// asked is the unit and date last asked about.
	asked string
	// areas are the planned areas that were preselected.
	areas []string
	// touched is set once the manager toggled an area: the plan then
	// changes nothing.
	touched bool
}

// plannedAreasMsg carries the areas a unit's year plan says are due.
type plannedAreasMsg struct {
	query string
	areas []string
}

// askPlan asks the store which areas the unit's year plan has due on the
// date in the form, once per unit and date.
func (s *newScreen) askPlan() {
	unit := strings.TrimSpace(s.unit.Value())
	date, err := checklist.ParseDate(s.date.Value())
	if unit == "" || err != nil || s.plan.touched {
		return
	}
	q := strings.ToLower(unit) + "|" + date.String()
	if q == s.plan.asked {
		return
	}
	s.plan.asked = q
	s.sh.readOrdered(func(ctx context.Context, st Store) (tea.Msg, error) {
		ps, ok := st.(planStore)
		if !ok {
			return nil, nil
		}
		areas, err := ps.PlannedAreas(ctx, unit, date)
		if err != nil {
			return nil, err
		}
		return plannedAreasMsg{query: q, areas: areas}, nil
	})
}

// planArrived preselects the planned areas, unless the manager already
// chose areas by hand.
func (s *newScreen) planArrived(msg plannedAreasMsg) {
	if msg.query != s.plan.asked || s.plan.touched || len(msg.areas) == 0 {
		return
	}
	known := map[string]bool{}
	for _, ar := range s.areas {
		known[ar.ID] = true
	}
	chosen := map[string]bool{}
	var got []string
	for _, id := range msg.areas {
		if known[id] {
			chosen[id] = true
			got = append(got, id)
		}
	}
	if len(got) == 0 {
		return
	}
	s.chosen, s.plan.areas = chosen, got
}

// planNote says which areas the year plan chose, for the form.
func (s *newScreen) planNote() string {
	if len(s.plan.areas) == 0 || s.plan.touched {
		return ""
	}
	var titles []string
	for _, id := range s.plan.areas {
		if ar := s.sh.cat.Area(id); ar != nil {
			titles = append(titles, ar.Title.In(s.sh.lang))
		}
	}
	return s.sh.tr("Årshjulet: ", "Year plan: ") + strings.Join(titles, ", ")
}
