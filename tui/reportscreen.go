package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// The reports the app shows in a pager: a unit's yearly follow-up of the
// SAM work (AFS 2023:1 14 §, the same as samkoll followup) and the
// region's picture of every unit (the same as samkoll region, group level
// only). A key writes the report to a file as the plan export does.

// ReportKind names a report.
type ReportKind int

// The reports.
const (
	// FollowupReport is the yearly follow-up of one unit.
	FollowupReport ReportKind = iota
	// RegionReport is the region's report of every unit.
	RegionReport
)

// ReportRequest says which report: its kind, the unit (for the
// follow-up) and the year.
type ReportRequest struct {
	Kind ReportKind
	Unit string
	Year int
}

// Reporter writes the reports as markdown; the exporter given in Config
// implements it when the build has the reports.
type Reporter interface {
	// Report returns the report's markdown.
	Report(ctx context.Context, req ReportRequest) (string, error)
	// SaveReport writes the report to a file and returns its path.
	SaveReport(ctx context.Context, req ReportRequest) (ExportResult, error)
}

// openReportMsg asks the root to open the report screen for req.
type openReportMsg struct{ req ReportRequest }

// reportLoadedMsg carries a report's text, or why there is none.
type reportLoadedMsg struct {
	req  ReportRequest
	text string
	err  error
}

// reporter returns the exporter's reports, or an error saying they are
// not there.
func (sh *shared) reporter() (Reporter, error) {
	if r, ok := sh.exporter.(Reporter); ok {
		return r, nil
	}
	return nil, errNoExporter(sh.lang)
}

// reportScreen shows one report in a pager.
type reportScreen struct {
	sh   *shared
	req  ReportRequest
	text string
	// loaded is set once the text of req arrived; err says why there is
	// none.
	loaded bool
	err    error
	page   pager
	w, h   int
	// lines are the report drawn for the width; tables where its tables
	// are, and stuck the one whose header shows above the page because its
	// rows are at the top (-1: none).
	lines  []string
	tables []tableLines
	stuck  int
	// top is the first line shown after the last move.
	top int
}

func newReportScreen(sh *shared, req ReportRequest) *reportScreen {
	s := &reportScreen{sh: sh, req: req, page: newPager(sh.keys.List), w: 80, h: 20, stuck: -1}
	s.read()
	return s
}

// read queues the read of the report, after the changes before it.
func (s *reportScreen) read() {
	req := s.req
	s.loaded = false
	rep, err := s.sh.reporter()
	s.sh.readOrdered(func(ctx context.Context, _ Store) (tea.Msg, error) {
		if err != nil {
			return nil, err
		}
		text, err := rep.Report(ctx, req)
		return reportLoadedMsg{req: req, text: text, err: err}, nil
	})
	s.render()
}

// title names the report.
func (s *reportScreen) title() string {
	if s.req.Kind == RegionReport {
		return fmt.Sprintf("%s %d", s.sh.tr("Regionens bild", "The region's picture"), s.req.Year)
	}
	return fmt.Sprintf("%s %d · %s", s.sh.tr("Årets uppföljning", "The year's follow-up"), s.req.Year, checklist.SanitizeLine(s.req.Unit))
}

// render draws the report's markdown for the width into the pager.
func (s *reportScreen) render() {
	s.lines, s.tables = nil, nil
	defer s.stick()
	if !s.loaded {
		s.page.SetLines([]string{s.sh.styles.Subtle.Render(s.sh.tr("Hämtar …", "Loading …"))})
		return
	}
	if s.err != nil {
		s.page.SetLines(strings.Split(s.sh.styles.Error.Render(wrap(checklist.Message(s.err, s.sh.lang), s.w)), "\n"))
		return
	}
	s.lines, s.tables = renderMarkdownTables(s.text, s.w, s.sh.styles)
	s.page.SetLines(s.lines)
}

// SetSize implements screen.
func (s *reportScreen) SetSize(w, h int) {
	s.w, s.h = max(w, 1), max(h, 1)
	s.render()
}

// Inputting implements screen.
func (s *reportScreen) Inputting() bool { return false }

// Update implements screen.
func (s *reportScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case reportLoadedMsg:
		if msg.req == s.req {
			s.text, s.err, s.loaded = msg.text, msg.err, true
			s.render()
			s.page.vp.GotoTop()
			s.stick()
		}
		return s, nil
	case tea.KeyPressMsg:
		k := s.sh.keys.Report
		switch {
		case key.Matches(msg, s.sh.keys.Global.Back):
			return s, s.sh.back()
		case key.Matches(msg, k.PrevYear):
			s.req.Year--
			s.read()
		case key.Matches(msg, k.NextYear) && s.req.Year < s.sh.today().Year:
			s.req.Year++
			s.read()
		case key.Matches(msg, k.Save):
			return s, saveReportCmd(s.sh, s.req)
		default:
			var cmd tea.Cmd
			s.page, cmd = s.page.Update(msg)
			s.stick()
			return s, cmd
		}
	}
	return s, nil
}

// stick shows the header of the table whose rows are at the top of the
// page above it, the page that much lower, so that a long table keeps its
// columns named; where the window has no room for it, none. A page at
// the bottom stays there.
func (s *reportScreen) stick() {
	h := max(s.h-2, 1)
	bottom := s.page.vp.AtBottom()
	total := s.page.vp.TotalLineCount()
	off := s.page.Offset()
	if !bottom {
		off = s.pastHeader(off)
	}
	s.stuck = -1
	for i, t := range s.tables {
		top := off
		if bottom {
			top = max(total-(h-t.head), 0) // the top of a page t.head lines lower
		}
		if top >= t.first+t.head && top <= t.last && h-t.head >= 3 {
			s.stuck, h, off = i, h-t.head, top
			// A rule between two rows right under the header's own rule
			// would show twice: one line on in the direction of the move.
			if rule := s.lines[t.first+t.head-1]; !bottom && s.lines[off] == rule {
				if off > s.top || off == t.first+t.head {
					off++
				} else {
					off--
				}
			}
			break
		}
	}
	if bottom && s.stuck < 0 {
		off = max(total-h, 0)
	}
	s.page.SetSize(s.w, h)
	s.page.vp.SetYOffset(off)
	s.top = s.page.Offset()
}

// pastHeader moves a page whose top fell inside a table's header (one
// line of it scrolled away, the rest not) past it: on the way down to the
// first row not yet seen under the header, on the way up to the table's
// first line or the line above it; so that a header is either in its
// place or held above the page, never half of it, and every move changes
// what shows.
func (s *reportScreen) pastHeader(off int) int {
	for _, t := range s.tables {
		if off <= t.first || off >= t.first+t.head {
			continue
		}
		switch {
		case off > s.top && s.top == t.first:
			return t.first + t.head + 1
		case off > s.top:
			return t.first + t.head
		case s.top == t.first+t.head:
			return max(t.first-1, 0)
		default:
			return t.first
		}
	}
	return off
}

// saveReportCmd writes the report req to a file; the root shows where.
func saveReportCmd(sh *shared, req ReportRequest) tea.Cmd {
	rep, err := sh.reporter()
	ctx := sh.ctx
	return func() tea.Msg {
		if err != nil {
			return errMsg{err}
		}
		res, err := rep.SaveReport(ctx, req)
		if err != nil {
			return errMsg{err}
		}
		return exportedMsg{path: res.Path, warning: res.Warning}
	}
}

// View implements screen: the title, under it at the right where the
// report scrolls the lines shown ("↓ 1–20 av 45"), then the page.
func (s *reportScreen) View() string {
	st := s.sh.styles
	mark := ""
	if m := s.page.Position(s.sh); m != "" {
		mark = padLeft(st.Subtle.Render(m), s.w)
	}
	head := ""
	if s.stuck >= 0 {
		t := s.tables[s.stuck]
		head = strings.Join(s.lines[t.first:t.first+t.head], "\n") + "\n"
	}
	return st.Title.Render(ansi.Truncate(s.title(), s.w, "…")) + "\n" + mark + "\n" + head + s.page.View()
}

// ShortHelp implements help.KeyMap.
func (s *reportScreen) ShortHelp() []key.Binding {
	k := s.keys()
	return []key.Binding{k.Save, k.PrevYear, k.NextYear, s.sh.keys.List.Down, s.sh.keys.Global.Back}
}

// FullHelp implements help.KeyMap.
func (s *reportScreen) FullHelp() [][]key.Binding {
	k, g := s.keys(), s.sh.keys.Global
	return append(s.page.FullHelp(), []key.Binding{k.Save, k.PrevYear, k.NextYear}, []key.Binding{g.Back, g.Help, g.Quit})
}

// keys returns the screen's bindings, the next year disabled in this
// year; the shared KeyMap is not touched.
func (s *reportScreen) keys() ReportKeys {
	k := s.sh.keys.Report
	k.NextYear.SetEnabled(s.req.Year < s.sh.today().Year)
	return k
}

// openFollowup asks the root to open the yearly follow-up of unit for
// year.
func (sh *shared) openFollowup(unit string, year int) tea.Cmd {
	sh.post(openReportMsg{ReportRequest{Kind: FollowupReport, Unit: unit, Year: year}})
	return nil
}

// openRegion asks the root to open the region's picture of year.
func (sh *shared) openRegion(year int) tea.Cmd {
	sh.post(openReportMsg{ReportRequest{Kind: RegionReport, Year: year}})
	return nil
}

// severalUnits reports whether the rows read hold more than one unit: the
// region's picture is for a database of several units.
func (s *homeScreen) severalUnits() bool {
	for _, a := range s.all {
		if a.UnitID != s.all[0].UnitID {
			return true
		}
	}
	return false
}
