package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// driver feeds messages to the root model and runs the commands that come
// back, synchronously and to their end. A command that does not finish
// fails the test: nothing is dropped. Timers go through the model's after:
// short ones (the start-up's first-frame delay) fire at once, long ones (the
// status line's expiry) wait in timers until expire is called.
type driver struct {
	t      testing.TB
	m      *Model
	store  *fakeStore
	export *fakeExporter
	quit   bool
	timers []tea.Msg
	// deadline is how long a command may take; commandDeadline unless a
	// test of the driver itself shortens it.
	deadline time.Duration
}

// commandDeadline is how long a command may take before the driver fails
// the test; every command of the app returns at once on the fake store.
const commandDeadline = 10 * time.Second

func newDriver(t testing.TB, fs *fakeStore) *driver {
	t.Helper()
	return newLangDriver(t, fs, checklist.Swedish)
}

// attach returns a driver for m whose timers the driver runs.
func attach(t testing.TB, m *Model, fs *fakeStore) *driver {
	d := &driver{t: t, m: m, store: fs, deadline: commandDeadline}
	m.sh.after = func(dur time.Duration, msg tea.Msg) tea.Cmd {
		if dur < time.Second {
			return func() tea.Msg { return msg }
		}
		return func() tea.Msg { d.timers = append(d.timers, msg); return nil }
	}
	return d
}

// expire fires the waiting timers.
func (d *driver) expire() {
	timers := d.timers
	d.timers = nil
	for _, msg := range timers {
		d.send(msg)
	}
}

// fatalRecorder is a testing.TB whose Fatalf records the message and ends
// the goroutine, as the real one does.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (r *fatalRecorder) Helper() {}

func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// TestDriverFailsOnBlockingCommand checks that the driver fails the test on
// a command that does not finish instead of dropping it.
func TestDriverFailsOnBlockingCommand(t *testing.T) {
	rec := &fatalRecorder{TB: t}
	d := attach(rec, New(Config{Store: newFakeStore(), Catalog: testCatalog(t)}), newFakeStore())
	d.deadline = 10 * time.Millisecond
	block := make(chan struct{})
	defer close(block)
	done := make(chan struct{})
	go func() {
		defer close(done)
		d.run(func() tea.Msg { <-block; return nil })
	}()
	<-done
	if !strings.Contains(rec.msg, "did not finish") {
		t.Fatalf("the driver let a blocking command pass (message %q)", rec.msg)
	}
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	_, cmd := d.m.Update(msg)
	d.run(cmd)
}

func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	if cmd == nil {
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(d.deadline):
		d.t.Fatalf("a command did not finish within %v", d.deadline)
	}
	if msg == nil {
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		d.quit = true
		return
	}
	// tea.Batch and tea.Sequence: run the commands in order.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			d.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	d.send(msg)
}

// keyMsg builds a key press from a name such as "enter", "ctrl+c" or "a".
func keyMsg(s string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
		"left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp, "down": tea.KeyDown, "f2": tea.KeyF2,
	}
	switch {
	case s == "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case s == "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case strings.HasPrefix(s, "ctrl+"):
		return tea.KeyPressMsg{Code: rune(s[5]), Mod: tea.ModCtrl}
	}
	if r, ok := special[s]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// keys sends each named key.
func (d *driver) keys(names ...string) {
	for _, n := range names {
		d.send(keyMsg(n))
	}
}

// typeText types s one rune at a time.
func (d *driver) typeText(s string) {
	for _, r := range s {
		if r == ' ' {
			d.send(keyMsg("space"))
			continue
		}
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// fillActionForm types the measure, who and the date into an open action
// form, with tab between them, as a manager does.
func (d *driver) fillActionForm(what, who, due string) {
	d.typeText(what)
	d.keys("tab")
	d.typeText(who)
	d.keys("tab")
	d.typeText(due)
}

func (d *driver) view() string { return ansi.Strip(d.m.View().Content) }

func (d *driver) walk() *walkScreen {
	d.t.Helper()
	w, ok := d.m.active().(*walkScreen)
	if !ok {
		d.t.Fatalf("active screen is %s, want walk", d.m.ActiveScreen())
	}
	return w
}

// rawKeyMatch finds key matching that bypasses the KeyMap: comparing a
// key's String() with a literal.
var rawKeyMatch = regexp.MustCompile(`\.String\(\)\s*(==|!=)|switch\s+\w+\.String\(\)`)

// TestEveryKeyThroughKeyMap fails when a file of the package matches a key
// by its name instead of through the KeyMap (key.Matches), so that help and
// behaviour cannot drift apart.
func TestEveryKeyThroughKeyMap(t *testing.T) {
	for f, src := range packageSources(t) {
		for i, line := range strings.Split(string(src), "\n") {
			if rawKeyMatch.MatchString(line) {
				t.Errorf("%s:%d matches a key by name: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}

// packageSources returns the package's Go files other than tests, by name.
func packageSources(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		if out[f], err = os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 10 {
		t.Fatalf("found %d Go files in the package", len(out))
	}
	return out
}

// TestViewChangesNothing renders every screen and state twice, with its
// help, and checks that neither the KeyMap nor the view changed.
func TestViewChangesNothing(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 1)
	d := newDriver(t, fs)
	steps := []struct {
		name string
		do   func()
	}{
		{"home", func() {}},
		{"home filter", func() { d.keys("/") }},
		{"new", func() { d.keys("esc", "n") }},
		{"walk", func() { d.keys("esc"); d.send(openMsg{to: walkScreenID, id: a.ID}) }},
		{"comment", func() { d.keys("c") }},
		{"risk", func() { d.keys("esc", "3") }},
		{"overview", func() { d.keys("esc", "o") }},
		{"keys overlay", func() { d.keys("esc", "?") }},
		{"plan", func() { d.keys("?"); d.send(openMsg{to: planScreenID, id: a.ID}) }},
		{"action form", func() { d.keys("a") }},
		{"summary", func() { d.keys("esc"); d.send(openMsg{to: summaryScreenID, id: a.ID}) }},
	}
	for _, st := range steps {
		st.do()
		keys := d.m.sh.keys
		first := d.m.View().Content
		s := d.m.active()
		s.ShortHelp()
		s.FullHelp()
		if again := d.m.View().Content; again != first {
			t.Errorf("%s: the second View differs from the first", st.name)
		}
		if !reflect.DeepEqual(keys, d.m.sh.keys) {
			t.Errorf("%s: drawing changed the KeyMap", st.name)
		}
	}
}
