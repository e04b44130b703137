package tui

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// The year plan (årshjul, issue 16 point 6): which areas a unit takes at
// the APT of which month, so that the four core areas are covered every
// year without one 58-item meeting. A new assessment preselects the areas
// the plan has due. Every change is saved at once through the write path.

// yearPlanStore is the year plan's part of the store; *store.Store
// satisfies it.
type yearPlanStore interface {
	YearPlan(ctx context.Context, unitID int64, year int) (checklist.YearPlan, error)
	SaveYearPlan(ctx context.Context, p checklist.YearPlan) error
	// CoveredAreas returns, by area, the meeting dates in year of the
	// unit's assessments that took it.
	CoveredAreas(ctx context.Context, unitID int64, year int) (map[string][]checklist.Date, error)
}

// openYearPlanMsg asks the root to open the year plan of a unit.
type openYearPlanMsg struct {
	unit checklist.Unit
	year int
}

// openYearPlan asks the root to open the year plan of unit for year.
func (sh *shared) openYearPlan(unit checklist.Unit, year int) tea.Cmd {
	sh.post(openYearPlanMsg{unit: unit, year: year})
	return nil
}

// yearPlanLoadedMsg carries a unit's plan and the areas covered that year.
type yearPlanLoadedMsg struct {
	plan    checklist.YearPlan
	covered map[string][]checklist.Date
}

// yearPlanSavedMsg confirms a saved plan.
type yearPlanSavedMsg struct{ plan checklist.YearPlan }

// yearPlanScreen sets the month of each area in a unit's year.
type yearPlanScreen struct {
	sh   *shared
	unit checklist.Unit
	year int
	// months is the plan as last changed; saved as the store confirmed it.
	months, saved map[string]time.Month
	covered       map[string][]checklist.Date
	loaded        bool
	areas         []*checklist.Area
	list          listWindow
	w, h          int
}

func newYearPlanScreen(sh *shared, unit checklist.Unit, year int) *yearPlanScreen {
	s := &yearPlanScreen{sh: sh, unit: unit, year: year, w: 80, h: 20}
	if sh.cat != nil {
		s.areas = sh.cat.Areas
	}
	s.list = newListWindow(sh.keys.List, s.row)
	s.list.SetLen(len(s.areas))
	s.read()
	return s
}

// read queues the read of the plan of s.year.
func (s *yearPlanScreen) read() {
	s.loaded = false
	unit, year := s.unit.ID, s.year
	s.sh.readOrdered(func(ctx context.Context, st Store) (tea.Msg, error) {
		ps, ok := st.(yearPlanStore)
		if !ok {
			return nil, checklist.Errorf("databasen har inget årshjul", "the database has no year plan")
		}
		p, err := ps.YearPlan(ctx, unit, year)
		if err != nil {
			return nil, err
		}
		covered, err := ps.CoveredAreas(ctx, unit, year)
		if err != nil {
			return nil, err
		}
		return yearPlanLoadedMsg{plan: p, covered: covered}, nil
	})
}

// plan returns the plan as last changed, in the catalog's area order.
func (s *yearPlanScreen) plan() checklist.YearPlan {
	p := checklist.YearPlan{UnitID: s.unit.ID, Year: s.year}
	for _, ar := range s.areas {
		if m := s.months[ar.ID]; m != 0 {
			p.Entries = append(p.Entries, checklist.PlanEntry{AreaID: ar.ID, Month: m})
		}
	}
	// Areas planned but not loaded now stay in the plan.
	for id, m := range s.months {
		if s.sh.cat == nil || s.sh.cat.Area(id) == nil {
			p.Entries = append(p.Entries, checklist.PlanEntry{AreaID: id, Month: m})
		}
	}
	return p
}

// setMonth changes the month of the selected area and saves the plan.
func (s *yearPlanScreen) setMonth(m time.Month) {
	i := s.list.Cursor()
	if !s.loaded || i >= len(s.areas) {
		return
	}
	id := s.areas[i].ID
	if m == 0 {
		delete(s.months, id)
	} else {
		s.months[id] = m
	}
	p := s.plan()
	what := fmt.Sprintf(s.sh.tr("årshjulet för %s %d", "the year plan of %s %d"), checklist.SanitizeLine(s.unit.Name), s.year)
	s.sh.enqueue(&writeOp{what: what, run: func(ctx context.Context, st Store) (tea.Msg, error) {
		ps, ok := st.(yearPlanStore)
		if !ok {
			return nil, checklist.Errorf("databasen har inget årshjul", "the database has no year plan")
		}
		if err := ps.SaveYearPlan(ctx, p); err != nil {
			return nil, err
		}
		return yearPlanSavedMsg{p}, nil
	}})
}

// monthsOf returns the months of a plan by area.
func monthsOf(p checklist.YearPlan) map[string]time.Month {
	out := map[string]time.Month{}
	for _, e := range p.Entries {
		out[e.AreaID] = e.Month
	}
	return out
}

// Update implements screen.
func (s *yearPlanScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case yearPlanLoadedMsg:
		if msg.plan.UnitID == s.unit.ID && msg.plan.Year == s.year {
			s.saved, s.covered, s.loaded = monthsOf(msg.plan), msg.covered, true
			s.months = maps.Clone(s.saved)
		}
		return s, nil
	case yearPlanSavedMsg:
		if msg.plan.UnitID == s.unit.ID && msg.plan.Year == s.year {
			s.saved = monthsOf(msg.plan)
		}
		return s, nil
	case writeFailedMsg:
		// What is shown is what was saved.
		s.months = maps.Clone(s.saved)
		return s, nil
	case tea.KeyPressMsg:
		k := s.sh.keys.YearPlan
		i := s.list.Cursor()
		var cur time.Month
		if i < len(s.areas) {
			cur = s.months[s.areas[i].ID]
		}
		switch {
		case key.Matches(msg, s.sh.keys.Global.Back):
			return s, s.sh.back()
		case key.Matches(msg, k.Later):
			s.setMonth(cur%12 + 1)
		case key.Matches(msg, k.Earlier) && cur <= 1:
			s.setMonth(12)
		case key.Matches(msg, k.Earlier):
			s.setMonth(cur - 1)
		case key.Matches(msg, k.Clear) && cur != 0:
			s.setMonth(0)
		case key.Matches(msg, k.PrevYear):
			s.year--
			s.read()
		case key.Matches(msg, k.NextYear):
			s.year++
			s.read()
		default:
			s.list, _ = s.list.Update(msg)
		}
	}
	return s, nil
}

// Inputting implements screen.
func (s *yearPlanScreen) Inputting() bool { return false }

// SetSize implements screen.
func (s *yearPlanScreen) SetSize(w, h int) {
	s.w, s.h = max(w, 1), max(h, 1)
	s.list.SetSize(s.w, max(s.h-5, 1))
}

// monthShort is a month's short name.
func (sh *shared) monthShort(m time.Month) string {
	if m == 0 {
		return "–"
	}
	sv := [...]string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
	return sh.tr(sv[m-1], m.String()[:3])
}

// row draws area i: core mark, title, month and when it was taken.
func (s *yearPlanScreen) row(i int, selected bool) string {
	sh, st := s.sh, s.sh.styles
	ar := s.areas[i]
	mark := "  "
	if ar.Core {
		mark = "* "
	}
	m := s.months[ar.ID]
	month := sh.monthShort(m)
	if m != s.saved[ar.ID] {
		month = pendingMark(sh, true) + month
	}
	taken := ""
	if d := s.covered[ar.ID]; len(d) > 0 {
		taken = sh.tr("taget ", "taken ") + d[0].String()
	}
	titleW := max(min(s.w-30, 40), 12)
	line := mark + pad(ar.Title.In(sh.lang), titleW) + "  " + pad(month, 12) + taken
	if selected {
		return st.Selected.Render("> " + line)
	}
	return "  " + line
}

// coreLine says which core areas have no month, or that all have one.
func (s *yearPlanScreen) coreLine() string {
	st := s.sh.styles
	var missing []string
	for _, ar := range s.areas {
		if ar.Core && s.months[ar.ID] == 0 && len(s.covered[ar.ID]) == 0 {
			missing = append(missing, ar.Title.In(s.sh.lang))
		}
	}
	if len(missing) == 0 {
		return st.Subtle.Render(s.sh.tr("Alla kärnområden (*) har en månad.", "Every core area (*) has a month."))
	}
	return st.Warning.Render(s.sh.tr("Kärnområden utan månad: ", "Core areas without a month: ") + strings.Join(missing, ", "))
}

// View implements screen.
func (s *yearPlanScreen) View() string {
	sh, st := s.sh, s.sh.styles
	title := fmt.Sprintf("%s %d · %s", sh.tr("Årshjul", "Year plan"), s.year, checklist.SanitizeLine(s.unit.Name))
	b := []string{st.Title.Render(ansi.Truncate(title, s.w, "…"))}
	if !s.loaded {
		return strings.Join(append(b, "", st.Subtle.Render(sh.tr("Hämtar …", "Loading …"))), "\n")
	}
	b = append(b, wrapFirst(s.coreLine(), s.w), st.Subtle.Render(ansi.Truncate(sh.tr("←/→ ändrar månaden för APT där området tas", "←/→ change the month of the APT that takes the area"), s.w, "…")), "")
	return strings.Join(append(b, s.list.View()), "\n")
}

// ShortHelp implements help.KeyMap.
func (s *yearPlanScreen) ShortHelp() []key.Binding {
	k := s.sh.keys.YearPlan
	return []key.Binding{k.Later, k.Earlier, k.Clear, k.NextYear, s.sh.keys.Global.Back}
}

// FullHelp implements help.KeyMap.
func (s *yearPlanScreen) FullHelp() [][]key.Binding {
	k, g, l := s.sh.keys.YearPlan, s.sh.keys.Global, s.sh.keys.List
	return [][]key.Binding{{l.Up, l.Down}, {k.Later, k.Earlier, k.Clear}, {k.PrevYear, k.NextYear}, {g.Back, g.Help, g.Quit}}
}
