// Package tui is samkoll's terminal interface: the start screen, the new
// assessment form, the walk through a checklist with risk evaluation, the
// action plan and the summary.
//
// Rules of this package:
//
//  1. IO lives in commands. Init, Update and View never touch the disk or
//     the store; each store call is a command that yields a message.
//  2. Commands never touch the model: they capture plain values and return
//     a message. State changes only in Update.
//  3. The root Update is small and routes: size, background, quit, status
//     expiry, navigation; everything else goes to the active screen.
//  4. Keys are data: KeyMap in keys.go, every binding with help, matched
//     with key.Matches and shown with bubbles help.
//  5. One Styles, chosen by background: NewStyles(isDark), rebuilt on
//     tea.BackgroundColorMsg; start dark and never wait for the reply.
//  6. Layout is computed once per resize in layout(); View only reads it.
//     Every line is truncated to the width.
//  7. Errors go to the status line and expire after a tick; never exit or
//     panic inside the TUI.
package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// Config is what New needs.
type Config struct {
	// Context bounds the store calls; nil means context.Background().
	Context context.Context
	// Store is the database.
	Store Store
	// Exporter writes markdown exports; nil disables export with a message.
	Exporter Exporter
	// Catalog holds the checklist areas.
	Catalog *checklist.Catalog
	// LoadCatalog, when set, loads the catalog in the background instead:
	// the start screen does not need it, so the first frame need not wait.
	// Its errors are shown as warnings. Screens that need the catalog open
	// once it is there.
	LoadCatalog func() (*checklist.Catalog, []error)
	// Lang is the UI language.
	Lang checklist.Lang
	// Today returns the current date; nil means checklist.Today.
	Today func() checklist.Date
	// FirstPage, when set, gives the first page of the start screen
	// (RecentAssessments with FirstPage): the caller can start that query
	// before the program so that it runs while the terminal is set up.
	FirstPage func() ([]Summary, error)
	// Warnings are problems to show once in the status line at start.
	Warnings []string
	// NoColor disables all colour (NO_COLOR).
	NoColor bool
}

// Model is the root model: it owns the screen stack, the window size, the
// styles, the status line and the footer help.
type Model struct {
	sh       *shared
	noColor  bool
	stack    []screen
	warnings []string
	// loadCatalog is set until the catalog has arrived; pending holds
	// the messages that wait for it.
	loadCatalog func() (*checklist.Catalog, []error)
	pending     []tea.Msg
	// started is set once the work after the first frame has begun.
	started bool
	// firstPage gives the first page of the list; nil queries the store.
	firstPage func() ([]Summary, error)

	width, height int
	bodyHeight    int
	help          help.Model
	showAll       bool

	status    string
	statusErr bool
	statusID  int
}

// New returns the root model on the start screen.
func New(cfg Config) *Model {
	if cfg.Context == nil {
		cfg.Context = context.Background()
	}
	if cfg.Today == nil {
		cfg.Today = checklist.Today
	}
	if cfg.Lang == "" {
		cfg.Lang = checklist.Swedish
	}
	if cfg.Catalog == nil {
		cfg.Catalog = &checklist.Catalog{}
	}
	st := NewStyles(true)
	if cfg.NoColor {
		st = PlainStyles()
	}
	sh := &shared{
		ctx: cfg.Context, store: cfg.Store, exporter: cfg.Exporter, cat: cfg.Catalog,
		lang: cfg.Lang, today: cfg.Today, keys: DefaultKeyMap(cfg.Lang), styles: &st,
	}
	m := &Model{sh: sh, noColor: cfg.NoColor, warnings: cfg.Warnings, loadCatalog: cfg.LoadCatalog, firstPage: cfg.FirstPage,
		width: 80, height: 24, help: help.New()}
	m.help.Styles = st.Help
	m.stack = []screen{newHomeScreen(sh)}
	m.layout()
	return m
}

// Init asks for the background colour (without waiting) and loads the
// newest assessments, which is all the first frame needs. The rest of the
// start-up work follows that frame, one piece at a time (see startRest), so
// it never competes with drawing it.
func (m *Model) Init() tea.Cmd {
	first := recentAssessmentsCmd(m.sh.ctx, m.sh.store, m.sh.today())
	if m.firstPage != nil {
		get := m.firstPage
		first = func() tea.Msg {
			list, err := get()
			if err != nil {
				return errMsg{err}
			}
			return assessmentsLoadedMsg{list}
		}
	}
	return tea.Batch(tea.RequestBackgroundColor, first, m.warningCmd(m.warnings))
}

// firstFrameDelay is how long the work after the first frame waits: a few
// frames at 60 frames a second.
const firstFrameDelay = 50 * time.Millisecond

// startRest loads, after the first frame and one after the other, the
// catalog (when it is loaded in the background) and the whole list of
// assessments.
func (m *Model) startRest() tea.Cmd {
	m.started = true
	// Wait until the first frame has reached the terminal: parsing the
	// checklists right away, with its garbage collection, delays that
	// frame on a 2-core laptop.
	cmds := []tea.Cmd{func() tea.Msg { time.Sleep(firstFrameDelay); return nil }}
	if m.loadCatalog != nil {
		load := m.loadCatalog
		cmds = append(cmds, func() tea.Msg {
			cat, errs := load()
			return catalogLoadedMsg{cat, errs}
		})
	}
	cmds = append(cmds, listAssessmentsCmd(m.sh.ctx, m.sh.store, m.sh.today()))
	return tea.Sequence(cmds...)
}

// warningCmd shows the first of warnings, and how many more there are, in
// the status line.
func (m *Model) warningCmd(warnings []string) tea.Cmd {
	if len(warnings) == 0 {
		return nil
	}
	text := warnings[0]
	if n := len(warnings); n > 1 {
		text = fmt.Sprintf("%s (+%d)", text, n-1)
	}
	err := fmt.Errorf("%s: %s", m.sh.tr("Checklistor", "Checklists"), text)
	return func() tea.Msg { return errMsg{err} }
}

// catalogLoadedMsg carries the catalog loaded in the background.
type catalogLoadedMsg struct {
	cat  *checklist.Catalog
	errs []error
}

// needsCatalog reports whether msg opens a screen that reads the catalog.
func needsCatalog(msg tea.Msg) bool {
	switch msg.(type) {
	case newAssessmentMsg, openMsg, addActionMsg:
		return true
	}
	return false
}

func (m *Model) active() screen { return m.stack[len(m.stack)-1] }

// Update routes a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.loadCatalog != nil && needsCatalog(msg) {
		// Until the catalog is there, hold what needs it; it is replayed
		// in order on arrival (within milliseconds of start).
		m.pending = append(m.pending, msg)
		return m, nil
	}
	switch msg := msg.(type) {
	case assessmentsLoadedMsg:
		if !m.started {
			return m, tea.Batch(m.forward(msg), m.startRest())
		}
	case errMsg:
		if !m.started {
			// The first page failed; carry on with the rest all the same.
			return m, tea.Batch(m.setStatus(checklist.Message(msg.err, m.sh.lang), true), m.startRest())
		}
	}
	switch msg := msg.(type) {
	case catalogLoadedMsg:
		m.loadCatalog = nil
		if msg.cat != nil {
			m.sh.cat = msg.cat
		}
		warnings := make([]string, 0, len(msg.errs))
		for _, err := range msg.errs {
			warnings = append(warnings, checklist.Message(err, m.sh.lang))
		}
		cmds := []tea.Cmd{m.warningCmd(warnings)}
		for _, p := range m.pending {
			cmds = append(cmds, func() tea.Msg { return p })
		}
		m.pending = nil
		return m, tea.Sequence(cmds...)
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.BackgroundColorMsg:
		if !m.noColor {
			*m.sh.styles = NewStyles(msg.IsDark())
			m.help.Styles = m.sh.styles.Help
		}
		return m, nil
	case tea.KeyPressMsg:
		if testPanicKey != "" && msg.String() == testPanicKey {
			panic("samkoll: test panic requested with " + testPanicKey)
		}
		return m.handleKey(msg)
	case statusMsg:
		return m, m.setStatus(msg.text, false)
	case errMsg:
		return m, m.setStatus(checklist.Message(msg.err, m.sh.lang), true)
	case clearStatusMsg:
		if msg.id == m.statusID {
			m.status = ""
		}
		return m, nil
	case backMsg:
		return m.pop()
	case newAssessmentMsg:
		ns := newNewScreen(m.sh)
		m.push(ns)
		return m, ns.init()
	case openMsg:
		return m, loadAssessmentCmd(m.sh.ctx, m.sh.store, msg, nil)
	case addActionMsg:
		add := msg
		return m, loadAssessmentCmd(m.sh.ctx, m.sh.store, openMsg{to: planScreenID, id: msg.AssessmentID}, &add)
	case assessmentLoadedMsg:
		if msg.open.to == noScreen {
			break
		}
		return m.open(msg)
	case assessmentCreatedMsg:
		m.stack = m.stack[:len(m.stack)-1]
		return m.push(newWalkScreen(m.sh, msg.a, checklist.ItemKey{}))
	case exportedMsg:
		text := fmt.Sprintf("%s %s", m.sh.tr("Exporterad till", "Exported to"), msg.path)
		if msg.warning != nil {
			text += " · " + checklist.Message(msg.warning, m.sh.lang)
		}
		cmd := m.setStatus(text, msg.warning != nil)
		return m, tea.Batch(cmd, m.forward(msg))
	}
	return m, m.forward(msg)
}

// handleKey handles the global keys and forwards the rest.
func (m *Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	g := m.sh.keys.Global
	if key.Matches(msg, g.Quit) {
		return m, tea.Quit
	}
	if msg.String() == "f2" || (!m.active().Inputting() && key.Matches(msg, g.Present)) {
		m.sh.presenting = !m.sh.presenting
		m.layout()
		return m, nil
	}
	if !m.active().Inputting() && key.Matches(msg, g.Help) {
		m.showAll = !m.showAll
		m.layout()
		return m, nil
	}
	return m, m.forward(msg)
}

// forward sends msg to the active screen.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	s, cmd := m.active().Update(msg)
	m.stack[len(m.stack)-1] = s
	return cmd
}

// push makes s the active screen.
func (m *Model) push(s screen) (tea.Model, tea.Cmd) {
	m.stack = append(m.stack, s)
	m.layout()
	return m, nil
}

// pop goes back one screen; popping the start screen quits.
func (m *Model) pop() (tea.Model, tea.Cmd) {
	if len(m.stack) <= 1 {
		return m, tea.Quit
	}
	m.stack = m.stack[:len(m.stack)-1]
	m.layout()
	return m, m.forward(resumedMsg{})
}

// open builds the screen an assessment was loaded for.
func (m *Model) open(msg assessmentLoadedMsg) (tea.Model, tea.Cmd) {
	var s screen
	switch msg.open.to {
	case walkScreenID:
		s = newWalkScreen(m.sh, msg.a, msg.open.focus)
	case planScreenID:
		s = newPlanScreen(m.sh, msg.a)
	case summaryScreenID:
		s = newSummaryScreen(m.sh, msg.a)
	default:
		return m, nil
	}
	m.push(s)
	if msg.add != nil {
		return m, m.forward(*msg.add)
	}
	return m, nil
}

// setStatus shows text in the status line until it expires.
func (m *Model) setStatus(text string, isErr bool) tea.Cmd {
	m.statusID++
	m.status, m.statusErr = text, isErr
	return clearStatusCmd(m.statusID, statusDuration)
}

// layout computes the body size from the window and the footer and passes it
// to every screen on the stack.
func (m *Model) layout() {
	w, h := max(m.width, 1), max(m.height, 1)
	m.help.SetWidth(w)
	footer := 1
	if m.showAll {
		footer = strings.Count(m.help.FullHelpView(m.active().FullHelp()), "\n") + 1
	}
	m.bodyHeight = max(h-1-footer, 1)
	for _, s := range m.stack {
		s.SetSize(w, m.bodyHeight)
	}
}

// View renders the active screen, the status line and the footer help,
// clipped to the window.
func (m *Model) View() tea.View {
	w, h := max(m.width, 1), max(m.height, 1)
	lines := strings.Split(m.active().View(), "\n")
	if len(lines) > m.bodyHeight {
		lines = lines[:m.bodyHeight]
	}
	for len(lines) < m.bodyHeight {
		lines = append(lines, "")
	}
	st := m.sh.styles
	switch {
	case m.status == "":
		lines = append(lines, "")
	case m.statusErr:
		lines = append(lines, st.Error.Render(ansi.Truncate(clean(m.status), w, "…")))
	default:
		lines = append(lines, st.Info.Render(ansi.Truncate(clean(m.status), w, "…")))
	}
	if m.showAll {
		lines = append(lines, strings.Split(m.help.FullHelpView(m.active().FullHelp()), "\n")...)
	} else {
		lines = append(lines, m.help.ShortHelpView(m.active().ShortHelp()))
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	v.WindowTitle = "samkoll"
	return v
}

// ActiveScreen names the active screen, for tests.
func (m *Model) ActiveScreen() string { return m.activeID().String() }

func (m *Model) activeID() screenID {
	switch m.active().(type) {
	case *homeScreen:
		return homeScreenID
	case *newScreen:
		return newScreenID
	case *walkScreen:
		return walkScreenID
	case *planScreen:
		return planScreenID
	case *summaryScreen:
		return summaryScreenID
	}
	return noScreen
}
