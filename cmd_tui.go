package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
	"samkoll/tui"
)

// runTUI opens the database and the checklists and runs the interactive
// app until the user quits.
func runTUI(ctx context.Context, e *env) error {
	s, err := openStore(ctx, e, false)
	if err != nil {
		return err
	}
	defer s.Close()

	cat, loadErrs := e.catalog()
	m := tui.New(tui.Config{
		Context:  ctx,
		Store:    s,
		Exporter: newFileExporter(e, s, cat),
		Catalog:  cat,
		Lang:     e.lang,
		Today:    e.today,
		Warnings: loadWarnings(e, loadErrs),
		NoColor:  os.Getenv("NO_COLOR") != "",
	})
	restore := captureStderr()
	_, err = tea.NewProgram(m, tea.WithContext(ctx)).Run()
	captured := restore()
	if errors.Is(err, tea.ErrProgramPanic) {
		return crashReport(e, filepath.Dir(s.Path()), captured)
	}
	if len(captured) > 0 {
		_, _ = e.stderr.Write(captured)
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// loadWarnings turns the problems found while loading the checklists into
// warnings for the app's status line, in the chosen language.
func loadWarnings(e *env, errs []error) []string {
	warnings := make([]string, 0, len(errs))
	for _, err := range errs {
		warnings = append(warnings, checklist.Message(err, e.lang))
	}
	return warnings
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
