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
//  5. One Styles, chosen by colour profile and background:
//     NewStyles(profile, isDark), rebuilt on tea.ColorProfileMsg and
//     tea.BackgroundColorMsg; start dark and never wait for the reply.
//  6. Layout is computed once per resize in layout(); View only reads it.
//     Every line is truncated to the width.
//  7. Errors go to the status line and expire after a tick; never exit or
//     panic inside the TUI.
package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
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
	// FirstUnits, when set, gives the first units of the start screen by
	// unit (RecentUnits with FirstPage): the caller can start that query
	// before the program so that it runs while the terminal is set up;
	// nil reads them from the store after the program started.
	FirstUnits func() ([]checklist.UnitRow, error)
	// Warnings are problems to show once in the status line at start.
	Warnings []string
	// NoColor disables all colour (NO_COLOR).
	NoColor bool
	// Background "light" or "dark" fixes the background, whatever the
	// terminal answers; "" follows its answer.
	Background string
	// GuessLight starts on the light styles until the terminal answers
	// (COLORFGBG says the background is light).
	GuessLight bool
	// DBPath is the database file, named when a change cannot be saved.
	DBPath string
	// NoClipboard says that the terminal is known not to take the
	// clipboard escape sequence (OSC 52): a copy then only names the file.
	NoClipboard bool
}

// Model is the root model: it owns the screen stack, the window size, the
// styles, the status line and the footer help.
type Model struct {
	sh      *shared
	noColor bool
	// profile and dark choose the palette (styles.go); fixedBg keeps dark
	// as Config.Background set it.
	profile colorprofile.Profile
	dark    bool
	fixedBg bool
	// noClipboard: the terminal does not take OSC 52 (Config.NoClipboard).
	noClipboard bool
	// askExport, when set, is an export stopped by what looks like a
	// personnummer: the status line asks whether to write it anyway.
	askExport *exportedMsg
	stack     []screen
	boot      startup

	width, height int
	bodyHeight    int
	help          help.Model
	footerMemo    footerMemo
	// keysHelp lists all keys over the screen while it is open.
	keysHelp *keysOverlay

	status    string
	statusErr bool
	statusID  int

	// failure says what was not saved; it stays until dismissed with esc.
	failure string
	// notice is a message that stays, wrapped, until the next key, such
	// as the whole path of an exported file.
	notice string
	// quitting is set while quitting waits for the write queue; lost holds
	// the changes that failed meanwhile, for Finish.
	quitting bool
	lost     []writeFailure
	// draft is the open text field's draft (drafts.go).
	draft draftState
	// held are the keys typed while a screen is on its way (hold.go).
	held []tea.Msg
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
	dark := cfg.Background == "dark" || (cfg.Background == "" && !cfg.GuessLight)
	st := NewStyles(colorprofile.TrueColor, dark)
	if cfg.NoColor {
		st = PlainStyles()
	}
	sh := &shared{
		ctx: cfg.Context, store: cfg.Store, exporter: cfg.Exporter, cat: cfg.Catalog,
		lang: cfg.Lang, today: cfg.Today, keys: DefaultKeyMap(cfg.Lang), styles: &st, after: after,
		writes: &writeQueue{}, dbPath: cfg.DBPath,
	}
	m := &Model{sh: sh, noColor: cfg.NoColor, profile: colorprofile.TrueColor, dark: dark, fixedBg: cfg.Background != "", noClipboard: cfg.NoClipboard, width: 80, height: 24, help: help.New(),
		boot: startup{sh: sh, firstUnits: cfg.FirstUnits, loadCatalog: cfg.LoadCatalog, warnings: cfg.Warnings}}
	m.help.Styles = st.Help
	m.stack = []screen{newHomeScreen(sh)}
	m.layout()
	return m
}

// after delivers msg once d has passed.
func after(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// Init asks for the background colour (without waiting) and starts the
// start-up work (see startup).
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.boot.init())
}

func (m *Model) active() screen { return m.stack[len(m.stack)-1] }

// Update lets the start-up see the message first, then routes it. Then it
// starts the next queued store call and schedules storing the open field's
// draft (writes.go, drafts.go).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.hold(msg) {
		return m, nil
	}
	cmds := []tea.Cmd{m.handle(msg)}
	for len(m.sh.outbox) > 0 {
		// What a finished part posted, before the next key (shared.post).
		next := m.sh.outbox[0]
		m.sh.outbox = m.sh.outbox[1:]
		cmds = append(cmds, m.handle(next))
	}
	cmds = append(cmds, m.sh.writes.start(m.sh.ctx, m.sh.store))
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		cmds = append(cmds, m.watchDraft())
	}
	if m.quitting && len(m.sh.writes.ops) == 0 {
		cmds = append(cmds, tea.Quit)
	}
	return m, tea.Batch(append(cmds, m.replay())...)
}

// handle lets the start-up see msg first, then routes it.
func (m *Model) handle(msg tea.Msg) tea.Cmd {
	held, boot := m.boot.update(msg)
	if held {
		return boot
	}
	return tea.Batch(boot, m.route(msg))
}

// route handles size, background, global keys, the status line and
// navigation, and forwards everything else to the active screen.
func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case writeDoneMsg:
		return m.writeDone(msg)
	case draftTickMsg:
		if msg.seq == m.draft.seq {
			m.flushDraft()
		}
	case draftSavedMsg:
		m.sh.noteDraft(msg.d)
	case ShutdownMsg:
		return m.quit()
	case quitTimeoutMsg:
		if m.quitting {
			return tea.Quit
		}
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
	case tea.BackgroundColorMsg:
		if !m.fixedBg {
			m.dark = msg.IsDark()
			m.restyle()
		}
	case tea.ColorProfileMsg:
		m.profile = msg.Profile
		m.restyle()
	case tea.KeyPressMsg:
		if m.notice != "" {
			m.notice = ""
			m.layout()
		}
		return m.handleKey(msg)
	case statusMsg:
		return m.setStatus(msg.text, false)
	case errMsg:
		return m.setStatus(checklist.Message(msg.err, m.sh.lang), true)
	case clearStatusMsg:
		if msg.id == m.statusID {
			m.status = ""
		}
	case keysClosedMsg:
		m.keysHelp = nil
	default:
		if cmd, ok := m.navigate(msg); ok {
			return cmd
		}
		return m.forward(msg)
	}
	return nil
}

// handleKey handles the global keys and forwards the rest.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	g, typing := m.sh.keys.Global, m.active().Inputting()
	switch {
	case key.Matches(msg, testPanicKey):
		panic("samkoll: test panic requested")
	case key.Matches(msg, g.Quit):
		return m.quit()
	case m.askExport != nil:
		ask := m.askExport
		m.askExport = nil
		if key.Matches(msg, m.sh.keys.Export.Confirm) {
			req := ask.req
			req.AllowPersonalData = true
			return exportCmd(m.sh.ctx, m.sh.exporter, m.sh.lang, ask.id, req)
		}
		return m.setStatus(m.sh.tr("Inget exporterades.", "Nothing was exported."), false)
	case m.failure != "" && key.Matches(msg, g.Dismiss):
		m.failure = ""
		m.layout()
	case key.Matches(msg, g.PresentAlways), !typing && key.Matches(msg, g.Present):
		m.sh.presenting = !m.sh.presenting
		m.layout()
	case m.keysHelp != nil:
		var cmd tea.Cmd
		m.keysHelp, cmd = m.keysHelp.Update(msg)
		return cmd
	case !typing && key.Matches(msg, g.Help):
		m.keysHelp = newKeysOverlay(m.sh, m.active().FullHelp())
		m.layout()
	default:
		return m.forward(msg)
	}
	return nil
}

// restyle rebuilds the styles for the colour profile and background.
func (m *Model) restyle() {
	if m.noColor {
		return
	}
	*m.sh.styles = NewStyles(m.profile, m.dark)
	m.help.Styles = m.sh.styles.Help
	m.footerMemo = footerMemo{}
}

// forward sends msg to the active screen.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	s, cmd := m.active().Update(msg)
	m.stack[len(m.stack)-1] = s
	return cmd
}

// setStatus shows text in the status line until it expires.
func (m *Model) setStatus(text string, isErr bool) tea.Cmd {
	m.statusID++
	m.status, m.statusErr = text, isErr
	return m.sh.after(statusDuration, clearStatusMsg{m.statusID})
}

// layout computes the body size from the window, the status line and the
// footer and passes it to every screen on the stack and the keys overlay.
func (m *Model) layout() {
	w, h := max(m.width, 1), max(m.height, 1)
	m.help.SetWidth(w)
	m.bodyHeight = max(h-2-len(m.failureLines())-len(m.noticeLines()), 1)
	for _, s := range m.stack {
		s.SetSize(w, m.bodyHeight)
	}
	if m.keysHelp != nil {
		m.keysHelp.SetSize(w, m.bodyHeight)
	}
}

// View renders the active screen (or the keys overlay), the status line and
// the footer help, clipped to the window.
func (m *Model) View() tea.View {
	w, h := max(m.width, 1), max(m.height, 1)
	var front interface {
		View() string
		ShortHelp() []key.Binding
	} = m.active()
	if m.keysHelp != nil {
		front = m.keysHelp
	}
	lines := strings.Split(front.View(), "\n")
	if len(lines) > m.bodyHeight {
		lines = lines[:m.bodyHeight]
	}
	for len(lines) < m.bodyHeight {
		lines = append(lines, "")
	}
	st := m.sh.styles
	for _, l := range m.failureLines() {
		lines = append(lines, st.Error.Render(l))
	}
	for _, l := range m.noticeLines() {
		lines = append(lines, st.Info.Render(l))
	}
	switch {
	case m.quitting:
		lines = append(lines, st.Info.Render(ansi.Truncate(m.quittingText(), w, "…")))
	case m.askExport != nil:
		lines = append(lines, st.Error.Render(ansi.Truncate(checklist.SanitizeLine(m.askExportText()), w, "…")))
	case m.status == "":
		lines = append(lines, "")
	case m.statusErr:
		lines = append(lines, st.Error.Render(checklist.SanitizeLine(m.status)))
	default:
		lines = append(lines, st.Info.Render(checklist.SanitizeLine(m.status)))
	}
	lines = append(lines, m.footer(front.ShortHelp()))
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if !fitsIn(l, w) {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	v.WindowTitle = "samkoll"
	return v
}

// ActiveScreen names the active screen, for tests.
func (m *Model) ActiveScreen() string { return m.activeID().String() }

func (m *Model) activeID() screenID { return screenKind(m.active()) }
