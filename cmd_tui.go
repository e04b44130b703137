package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
	"samkoll/report"
	"samkoll/store"
	"samkoll/tui"
)

// runTUI opens the database and the checklists and runs the interactive
// app until the user quits.
func runTUI(ctx context.Context, e *env) error {
	// Parsing the checklists takes tens of milliseconds and the start
	// screen does not need them: the app loads them right after its first
	// frame (or an export, whichever asks first).
	catalog := sync.OnceValues(e.catalog)
	// The renderer measures every character above U+02FF with a table of
	// all of Unicode that go-runewidth fills on first use (2 MiB written,
	// about 15 ms where page faults are dear); the start screen has such
	// characters (– · …). It is filled on the other core while the
	// database opens and the first units are read, not in the first frame.
	go ansi.WcWidth.StringWidth("…")
	s, err := openStore(ctx, e, false)
	if err != nil {
		return err
	}
	defer s.Close()

	// The first units of the start screen are read while the terminal is
	// set up, so that the first frame can show them.
	type unitPage struct {
		rows []store.UnitRow
		err  error
	}
	firstUnits := make(chan unitPage, 1)
	go func() {
		rows, err := s.RecentUnits(ctx, e.today(), tui.FirstPage)
		firstUnits <- unitPage{rows, err}
	}()
	// The app's store calls must outlive ctrl+c and the signals below: on
	// each of them the app first saves what it has queued (see drain).
	appCtx := context.WithoutCancel(ctx)
	bg, guessLight := background(os.Getenv)
	// The model is made once the program runs (tui.App).
	m := tui.NewApp(tui.Config{
		Context: appCtx,
		DBPath:  s.Path(),
		Store:   s,
		FirstUnits: sync.OnceValues(func() ([]checklist.UnitRow, error) {
			p := <-firstUnits
			return p.rows, p.err
		}),
		Exporter:    &lazyExporter{e: e, s: s, catalog: catalog},
		LoadCatalog: catalog,
		Lang:        e.lang,
		Today:       e.today,
		NoColor:     os.Getenv("NO_COLOR") != "",
		Background:  bg,
		GuessLight:  guessLight,
		NoClipboard: clipboardUnsupported(os.Getenv),
	})
	restore := captureStderr()
	// lipgloss detects the colour profile of standard output when it is
	// loaded, before main (in tmux that runs "tmux info"); the program
	// would detect it again, the same way, before its first frame. It
	// reuses the first answer instead.
	p := tea.NewProgram(m, tea.WithContext(appCtx), tea.WithFPS(120), tea.WithoutSignalHandler(),
		tea.WithColorProfile(lipgloss.Writer.Profile))
	stopSignals := forwardSignals(p)
	_, err = p.Run()
	stopSignals()
	captured := restore()
	// Whatever ended the program, save what is still queued before the
	// store closes, and say what could not be saved.
	lost := m.Finish(appCtx, drainBound)
	for _, l := range lost {
		fmt.Fprintln(e.stderr, "samkoll: "+l)
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		return crashReport(e, filepath.Dir(s.Path()), captured)
	}
	if len(captured) > 0 {
		_, _ = e.stderr.Write(captured)
	}
	if err == nil && len(lost) > 0 {
		return errSilent
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// drainBound is how long samkoll, once the program has stopped, still
// waits for the disk to take the changes left in the queue.
const drainBound = 3 * time.Second

// forwardSignals turns SIGINT, SIGTERM and SIGHUP (the terminal window
// closed) into a request to quit: the app stores the open draft, waits for
// its writes and then restores the terminal. It returns a func that stops
// the forwarding.
func forwardSignals(p *tea.Program) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, shutdownSignals...)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				p.Send(tui.ShutdownMsg{})
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// shutdownSignals ask samkoll to quit as ctrl+c does.
var shutdownSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// lazyExporter is the file exporter, made when the first export needs the
// checklists.
type lazyExporter struct {
	e       *env
	s       *store.Store
	catalog func() (*checklist.Catalog, []error)
	// home returns the user's home directory; nil means os.UserHomeDir.
	home func() (string, error)
	// documents returns Windows' Documents known folder; nil means
	// report.KnownDocuments.
	documents func() (string, error)
}

// ExportAssessment waits for the checklists and writes the plan, in the
// form req asks for, to a file in the user's documents folder. A plan
// whose free text looks like a personnummer is not written unless
// req.AllowPersonalData: the result names the places instead, so that the
// app can ask. A broken override template comes back as the result's
// Warning.
func (x *lazyExporter) ExportAssessment(ctx context.Context, id int64, req tui.ExportRequest) (tui.ExportResult, error) {
	var warning error
	fx := &report.Exporter{
		Source: x.s,
		Catalog: func() *checklist.Catalog {
			cat, _ := x.catalog()
			return cat
		},
		Lang:        x.e.lang,
		Today:       x.e.today,
		TemplateDir: templateDir(x.e),
		Warn:        func(err error) { warning = err },
		Home:        x.home,
		Documents:   x.documents,
		Short:       req.Copy,
	}
	if req.HTML && !req.Copy {
		fx.Format = report.HTML
	}
	if !req.AllowPersonalData {
		found, err := fx.PersonalData(ctx, id)
		if err != nil {
			return tui.ExportResult{}, assessmentError(x.e, id, err)
		}
		if len(found) > 0 {
			res := tui.ExportResult{}
			for _, f := range found {
				res.PersonalData = append(res.PersonalData, f.String())
			}
			return res, nil
		}
	}
	path, data, err := fx.PlanFileData(ctx, id)
	if err != nil {
		err = assessmentError(x.e, id, err)
	}
	res := tui.ExportResult{Path: path, Warning: warning}
	if req.Copy {
		res.Text = string(data)
	}
	return res, err
}

// clipboardUnsupported reports a terminal known not to take the clipboard
// escape sequence (OSC 52) that the app copies with: the Linux console,
// macOS Terminal, and the VTE terminals (GNOME Terminal and others). Most
// others (Windows Terminal, iTerm2, kitty, WezTerm, foot, Alacritty, tmux
// with set-clipboard on) take it.
func clipboardUnsupported(getenv func(string) string) bool {
	switch {
	case getenv("TERM") == "linux", getenv("TERM_PROGRAM") == "Apple_Terminal":
		return true
	case getenv("VTE_VERSION") != "" && getenv("TMUX") == "" && getenv("TERM_PROGRAM") == "":
		return true
	}
	return false
}

// background reads what the environment says of the terminal's
// background: SAMKOLL_BACKGROUND=light or dark fixes it, for a terminal (or
// tmux between) that answers the question wrongly or not at all; else
// COLORFGBG ("15;0", "0;default;15"), which rxvt, Konsole and others set,
// is the first guess until the terminal answers.
func background(getenv func(string) string) (fixed string, guessLight bool) {
	switch v := strings.ToLower(strings.TrimSpace(getenv("SAMKOLL_BACKGROUND"))); v {
	case "light", "dark":
		return v, false
	}
	parts := strings.Split(getenv("COLORFGBG"), ";")
	n, err := strconv.Atoi(strings.TrimSpace(parts[len(parts)-1]))
	return "", err == nil && (n == 7 || (n >= 9 && n <= 15))
}

// captureStderr sends what is written to os.Stderr while the program runs
// into memory: Bubble Tea prints a recovered panic's stack trace there, and
// a manager should see a short message instead. The returned func restores
// os.Stderr and returns what was written (at most 1 MiB).
func captureStderr() (restore func() []byte) {
	orig := os.Stderr
	r, w, err := os.Pipe()
	if err != nil {
		return func() []byte { return nil }
	}
	os.Stderr = w
	done := make(chan []byte)
	go func() {
		var buf bytes.Buffer
		_, _ = io.Copy(&limitedBuffer{&buf, 1 << 20}, r)
		done <- buf.Bytes()
	}()
	return func() []byte {
		os.Stderr = orig
		_ = w.Close()
		out := <-done
		_ = r.Close()
		return out
	}
}

// limitedBuffer keeps the first max bytes and discards the rest.
type limitedBuffer struct {
	buf *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.buf.Len(); room > 0 {
		l.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// crashReport writes the captured panic to a crash log next to the database
// and tells the user, briefly, where it is. The data is safe: every change
// was committed when it was made.
func crashReport(e *env, dir string, captured []byte) error {
	name := filepath.Join(dir, "samkoll-krasch-"+e.now().Format("20060102-150405")+".log")
	log := append([]byte("samkoll "+version+"\n\n"), bytes.ReplaceAll(captured, []byte("\r\n"), []byte("\n"))...)
	if err := os.WriteFile(name, log, 0o600); err != nil {
		name = e.tr("(kunde inte skrivas: ", "(could not be written: ") + err.Error() + ")"
	}
	fmt.Fprintln(e.stderr, e.tr(
		"samkoll stängdes av ett internt fel. Allt som sparats finns kvar i databasen.\nFelrapport: "+name,
		"samkoll was closed by an internal error. Everything saved is still in the database.\nCrash log: "+name))
	return errSilent
}
