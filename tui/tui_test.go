package tui

import (
	"errors"
	"fmt"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"samkoll/checklist"
)

var testToday = checklist.Date{Year: 2026, Month: time.March, Day: 14}

// seed adds an assessment for unit with the core areas, answering the first
// answered items of krank with Ja.
func seed(t testing.TB, fs *fakeStore, unit string, date checklist.Date, answered int) checklist.Assessment {
	t.Helper()
	a, err := fs.CreateAssessment(t.Context(), checklist.Assessment{Unit: unit, Date: date,
		Areas: []checklist.AreaRef{{ID: "krank", Version: 1}, {ID: "disk", Version: 1}}},
		map[string]int{"krank": 3, "disk": 2})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= answered; i++ {
		if err := fs.SaveResponse(t.Context(), a.ID, checklist.Response{AreaID: "krank", ItemID: fmt.Sprintf("p%d", i), Answer: checklist.Ja}); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// goldenViews checks the view at 80×24 and 40×12 on dark and light
// backgrounds, each in its own golden file.
func goldenViews(t *testing.T, setup func(d *driver)) {
	goldenViewsOn(t, func(t *testing.T) *driver { return newDriver(t, newFakeStore()) }, setup)
}

// goldenViewsOn is goldenViews with drivers from mk.
func goldenViewsOn(t *testing.T, mk func(t *testing.T) *driver, setup func(d *driver)) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for _, bg := range []struct {
			name string
			c    color.Color
		}{{"dark", color.Black}, {"light", color.White}} {
			t.Run(fmt.Sprintf("%dx%d_%s", size[0], size[1], bg.name), func(t *testing.T) {
				d := mk(t)
				d.send(tea.BackgroundColorMsg{Color: bg.c})
				setup(d)
				d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				out := d.view()
				checkFits(t, out, size[0], size[1])
				golden.RequireEqual(t, out)
			})
		}
	}
}

// checkFits fails when the view overflows the window.
func checkFits(t testing.TB, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Errorf("view has %d lines, window %d", len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Errorf("line %d is %d wide, window %d: %q", i, ansi.StringWidth(l), w, l)
		}
	}
}

func TestGoldenHomeEmpty(t *testing.T) {
	goldenViews(t, func(d *driver) {})
}

func TestGoldenHomeList(t *testing.T) {
	goldenViews(t, func(d *driver) {
		seed(t, d.store, "Avdelning 12", testToday, 2)
		seed(t, d.store, "Kirurgmottagningen", testToday.AddDays(-30), 5)
		_, _ = d.store.SaveAction(t.Context(), checklist.Action{UnitID: 1, AssessmentID: 2, What: "Ta fram rutin", Due: testToday.AddDays(-3)})
		d.send(resumedMsg{})
	})
}

func TestGoldenNewAssessment(t *testing.T) {
	goldenViews(t, func(d *driver) {
		seed(t, d.store, "Avdelning 12", testToday, 0)
		d.send(resumedMsg{})
		d.keys("n")
		d.typeText("Av")
	})
}

func TestGoldenWalkItem(t *testing.T) {
	goldenViews(t, func(d *driver) {
		seed(t, d.store, "Avdelning 12", testToday, 1)
		d.send(resumedMsg{})
		d.keys("enter")
	})
}

func TestGoldenRiskMatrix(t *testing.T) {
	goldenViews(t, func(d *driver) {
		seed(t, d.store, "Avdelning 12", testToday, 1)
		d.send(resumedMsg{})
		d.keys("enter", "3", "4", "3")
	})
}

func TestGoldenCommentPersonnummer(t *testing.T) {
	goldenViews(t, func(d *driver) {
		seed(t, d.store, "Avdelning 12", testToday, 0)
		d.send(resumedMsg{})
		d.keys("enter", "c")
		d.typeText("Gäller 811218-9876")
		d.keys("enter")
	})
}

func TestGoldenOverview(t *testing.T) {
	goldenViews(t, func(d *driver) {
		seed(t, d.store, "Avdelning 12", testToday, 2)
		d.send(resumedMsg{})
		d.keys("enter", "o", "tab")
	})
}

func TestAnswerKeysSaveAndMoveOn(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want checklist.Answer
	}{{"1", checklist.Ja}, {"j", checklist.Ja}, {"2", checklist.Delvis}, {"d", checklist.Delvis},
		{"3", checklist.Nej}, {"n", checklist.Nej}} {
		t.Run(tc.key, func(t *testing.T) {
			fs := newFakeStore()
			a := seed(t, fs, "Avd 1", testToday, 0)
			d := newDriver(t, fs)
			d.keys("enter")
			w := d.walk()
			if w.idx != 0 {
				t.Fatalf("walk starts at %d", w.idx)
			}
			d.keys(tc.key)
			if got := fs.response(a.ID, "krank", "p1").Answer; got != tc.want {
				t.Fatalf("saved %v, want %v", got, tc.want)
			}
			if tc.want.IsShortcoming() {
				if w.mode != modeRisk {
					t.Fatalf("mode %v, want risk first", w.mode)
				}
				// p1 is lagkrav: it defaults to hög, saved with the answer.
				if r := fs.response(a.ID, "krank", "p1").Risk; r == nil || r.Level != checklist.Hog {
					t.Fatalf("lagkrav risk = %+v, want hög", r)
				}
				d.keys("1", "2", "enter")
				if r := fs.response(a.ID, "krank", "p1").Risk; r == nil || r.Level != checklist.Lag || r.Probability != 1 || r.Consequence != 2 {
					t.Fatalf("risk = %+v, want 1×2 låg", r)
				}
			}
			if w.idx != 1 || w.mode != modeItem {
				t.Fatalf("after answer: idx %d mode %v, want 1 item", w.idx, w.mode)
			}
		})
	}
}

func TestWalkCrossesAreas(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter", "1", "1", "1")
	w := d.walk()
	if it := w.items[w.idx]; it.area.ID != "disk" || it.item.ID != "p1" {
		t.Fatalf("after three answers at %s/%s, want disk/p1", it.area.ID, it.item.ID)
	}
	d.keys("left")
	if it := w.items[w.idx]; it.area.ID != "krank" || it.item.ID != "p3" {
		t.Fatalf("left went to %s/%s", it.area.ID, it.item.ID)
	}
	if n := fs.calls["SaveResponse"]; n != 3 {
		t.Fatalf("SaveResponse called %d times", n)
	}
	if !strings.Contains(d.view(), "3/5") {
		t.Fatalf("progress 3/5 missing:\n%s", d.view())
	}
	_ = a
}

func TestEjAktuelltRequiresReason(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter", "4", "enter")
	w := d.walk()
	if w.mode != modeReason || w.idx != 0 {
		t.Fatalf("empty reason accepted: mode %v idx %d", w.mode, w.idx)
	}
	if got := fs.response(a.ID, "krank", "p1").Answer; got != checklist.Unanswered {
		t.Fatalf("saved %v without a reason", got)
	}
	if !strings.Contains(d.view(), "kräver ett kort skäl") {
		t.Fatalf("no error shown:\n%s", d.view())
	}
	// Answer keys go to the input while it has focus.
	d.typeText("Inget nattarbete 1234")
	d.keys("enter")
	r := fs.response(a.ID, "krank", "p1")
	if r.Answer != checklist.EjAktuellt || r.Reason != "Inget nattarbete 1234" {
		t.Fatalf("saved %+v", r)
	}
	if w.idx != 1 || w.mode != modeItem {
		t.Fatalf("idx %d mode %v", w.idx, w.mode)
	}
}

func TestCommentPersonnummerNeedsSecondEnter(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter", "c")
	d.typeText("811218-9876")
	d.keys("enter")
	if n := fs.calls["SaveResponse"]; n != 0 {
		t.Fatalf("saved before confirmation (%d calls)", n)
	}
	if !strings.Contains(d.view(), "personnummer") {
		t.Fatalf("no warning:\n%s", d.view())
	}
	d.keys("enter")
	if got := fs.response(a.ID, "krank", "p1").Comment; got != "811218-9876" {
		t.Fatalf("comment %q", got)
	}
	// An ordinary ten-digit number saves at once.
	d.keys("right", "c")
	d.typeText("1234567890")
	d.keys("enter")
	if got := fs.response(a.ID, "krank", "p2").Comment; got != "1234567890" {
		t.Fatalf("comment %q", got)
	}
}

func TestBadDateChangesNothing(t *testing.T) {
	fs := newFakeStore()
	d := newDriver(t, fs)
	d.keys("n")
	d.typeText("Avd 7")
	d.keys("tab", "ctrl+u")
	d.typeText("2026-02-30")
	d.keys("ctrl+s")
	if n := fs.calls["CreateAssessment"]; n != 0 {
		t.Fatalf("CreateAssessment called %d times", n)
	}
	if d.m.ActiveScreen() != "new" {
		t.Fatalf("screen %s", d.m.ActiveScreen())
	}
	if !strings.Contains(d.view(), "finns inte") {
		t.Fatalf("no date error:\n%s", d.view())
	}
	d.keys("ctrl+u")
	d.typeText("2026-03-01")
	d.keys("ctrl+s")
	if n := fs.calls["CreateAssessment"]; n != 1 {
		t.Fatalf("CreateAssessment called %d times", n)
	}
	w := d.walk()
	if w.a.Unit != "Avd 7" || w.a.Date.String() != "2026-03-01" || len(w.a.Areas) != 2 {
		t.Fatalf("created %+v", w.a)
	}
}

func TestNewAssessmentAreasAndSuggestion(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 12", testToday, 0)
	d := newDriver(t, fs)
	d.keys("n")
	d.typeText("avd")
	d.keys("tab") // completes the known unit
	d.keys("tab", "tab")
	d.typeText("chef, 5 usk")
	d.keys("tab", "space", "tab", "down", "down", "space", "up", "space", "ctrl+s")
	w := d.walk()
	if w.a.Unit != "Avdelning 12" || !w.a.SafetyRepPresent || w.a.Participants != "chef, 5 usk" {
		t.Fatalf("created %+v", w.a)
	}
	var ids []string
	for _, r := range w.a.Areas {
		ids = append(ids, r.ID)
	}
	if got := strings.Join(ids, ","); got != "krank,info" {
		t.Fatalf("areas %s, want krank,info", got)
	}
}

func TestHomeFilterDeleteExport(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 12", testToday, 0)
	seed(t, fs, "Röntgen", testToday, 0)
	d := newDriver(t, fs)
	d.keys("/")
	d.typeText("rönt")
	d.keys("enter")
	h := d.m.active().(*homeScreen)
	if len(h.all) != 1 || h.total != 1 || h.all[0].Unit != "Röntgen" {
		t.Fatalf("filter shows %d of %d", len(h.all), h.total)
	}
	d.keys("x")
	if len(d.export.ids) != 1 || !strings.Contains(d.view(), "handlingsplan-") {
		t.Fatalf("export %v, view:\n%s", d.export.ids, d.view())
	}
	d.keys("d", "n")
	if fs.calls["DeleteAssessment"] != 0 {
		t.Fatal("deleted without confirmation")
	}
	d.keys("d", "y")
	if fs.calls["DeleteAssessment"] != 1 || len(fs.assessments) != 1 {
		t.Fatalf("delete: calls %d left %d", fs.calls["DeleteAssessment"], len(fs.assessments))
	}
}

func TestErrorsGoToStatusLine(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter")
	fs.failNext = errors.New("disken är full")
	d.keys("1")
	if !strings.Contains(strings.Join(strings.Fields(d.view()), " "), "disken är full") {
		t.Fatalf("error not shown:\n%s", d.view())
	}
}

func TestNilExporterExplains(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.m.sh.exporter = nil
	d.keys("x")
	if !strings.Contains(d.view(), "samkoll export") {
		t.Fatalf("no message:\n%s", d.view())
	}
}

func TestQuitAndBack(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter", "q")
	if d.m.ActiveScreen() != "home" || d.quit {
		t.Fatalf("q from walk: %s quit=%v", d.m.ActiveScreen(), d.quit)
	}
	d.keys("enter", "c", "q")
	if d.walk().entry.Value() != "q" {
		t.Fatal("q did not go to the comment input")
	}
	d.keys("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
}

func TestPresentationMode(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter")
	if !strings.Contains(d.view(), "Vägledning") {
		t.Fatal("guidance not shown where it has room")
	}
	d.keys("g")
	if strings.Contains(d.view(), "Vägledning") {
		t.Fatal("g did not hide the guidance")
	}
	d.keys("g")
	if !strings.Contains(d.view(), "Vägledning") {
		t.Fatal("g again did not show the guidance")
	}
	d.keys("p")
	if !d.m.sh.presenting || strings.Contains(d.view(), "Vägledning") {
		t.Fatalf("presentation mode: %v\n%s", d.m.sh.presenting, d.view())
	}
	d.keys("f2")
	if d.m.sh.presenting {
		t.Fatal("f2 did not toggle back")
	}
}

func TestNoColorHasNoColour(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 1)
	m := New(Config{Store: fs, Catalog: testCatalog(t), Today: func() checklist.Date { return testToday }, NoColor: true})
	d := attach(t, m, fs)
	d.run(m.Init())
	d.send(tea.BackgroundColorMsg{Color: color.White})
	d.keys("enter", "2")
	out := d.m.View().Content
	for _, seq := range []string{"\x1b[38;", "\x1b[48;", "\x1b[3", "\x1b[4"} {
		if i := strings.Index(out, seq); i >= 0 && !strings.HasPrefix(out[i:], "\x1b[3m") && !strings.HasPrefix(out[i:], "\x1b[4m") {
			t.Fatalf("colour sequence %q in NO_COLOR view: %q", seq, out[i:min(i+12, len(out))])
		}
	}
}

// TestHelpListsBindings checks that each screen's help shows its keys.
func TestHelpListsBindings(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	check := func(name string, want ...string) {
		t.Helper()
		var all []string
		for _, group := range d.m.active().FullHelp() {
			for _, b := range group {
				all = append(all, b.Help().Key)
			}
		}
		for _, b := range d.m.active().ShortHelp() {
			if b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s: binding %v without help", name, b.Keys())
			}
		}
		got := strings.Join(all, " ")
		for _, w := range want {
			if !strings.Contains(" "+got+" ", " "+w+" ") {
				t.Errorf("%s help %q lacks %q", name, got, w)
			}
		}
	}
	check("home", "n", "enter", "a/h", "x", "d", "/", "?", "ctrl+c")
	d.keys("?")
	if !strings.Contains(d.view(), "ny bedömning") {
		t.Errorf("full help not shown:\n%s", d.view())
	}
	d.keys("?", "enter")
	check("walk", "1/j", "2/d", "3/n", "4/e", "←", "→", "c", "g", "o", "a")
	d.keys("3")
	check("risk", "1–4", "enter", "c", "a", "q/esc")
	d.keys("esc", "o")
	check("overview", "enter", "tab")
	d.keys("esc", "q", "n")
	check("new", "tab/↓", "tab", "space", "ctrl+s")
}

// TestMashNeverPanics resizes and mashes keys at random, down to 20×5.
func TestMashNeverPanics(t *testing.T) {
	names := []string{"enter", "esc", "tab", "shift+tab", "backspace", "left", "right", "up", "down", "space",
		"1", "2", "3", "4", "j", "d", "n", "e", "c", "g", "o", "a", "h", "x", "r", "y", "/", "?", "p", "f2", "q", "ctrl+s", "ctrl+u", "z", "Ö"}
	sizes := [][2]int{{80, 24}, {40, 12}, {20, 5}, {1, 1}, {120, 40}, {0, 0}}
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 42))
			fs := newFakeStore()
			for i := range 3 {
				_ = i
				seedAssessment(t, fs)
			}
			d := newDriver(t, fs)
			for range 600 {
				if rng.IntN(10) == 0 {
					s := sizes[rng.IntN(len(sizes))]
					d.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
				}
				n := names[rng.IntN(len(names))]
				if n == "q" && d.m.ActiveScreen() == "home" {
					continue // would quit
				}
				d.keys(n)
				_ = d.view()
				if d.quit {
					return
				}
			}
			w, h := max(d.m.width, 1), max(d.m.height, 1)
			checkFits(t, d.view(), w, h)
		})
	}
}

func seedAssessment(t testing.TB, fs *fakeStore) {
	seed(t, fs, fmt.Sprintf("Enhet %d", len(fs.assessments)+1), testToday, len(fs.assessments))
}

// TestDefaultDateIsReplacedByTyping checks that the suggested meeting date
// gives way to a typed one, and can be edited after a backspace.
func TestDefaultDateIsReplacedByTyping(t *testing.T) {
	for _, tt := range []struct {
		name string
		keys func(d *driver)
		want string
	}{
		{"typed date replaces today", func(d *driver) { d.typeText("2026-01-10") }, "2026-01-10"},
		{"backspace edits today", func(d *driver) { d.keys("backspace"); d.typeText("5") }, "2026-03-15"},
		{"today kept", func(d *driver) {}, testToday.String()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := newFakeStore()
			d := newDriver(t, fs)
			d.keys("n")
			d.typeText("Avd 7")
			d.keys("tab")
			tt.keys(d)
			d.keys("ctrl+s")
			if got := d.walk().a.Date.String(); got != tt.want {
				t.Fatalf("meeting date %s, want %s", got, tt.want)
			}
		})
	}
}

// TestExportWarningInStatusLine checks that a problem that did not stop an
// export, such as a broken override template, is shown with the path.
func TestExportWarningInStatusLine(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 12", testToday, 0)
	d := newDriver(t, fs)
	d.export.warning = &checklist.FileError{File: "mallar/handlingsplan.md.tmpl", Line: 12,
		Msg: checklist.Text{SV: "okänd funktion \"tabel\"", EN: "unknown function \"tabel\""}}
	d.keys("x")
	v := d.view()
	if !strings.Contains(v, "handlingsplan-") || !strings.Contains(v, "mallar/handlingsplan.md.tmpl:12") {
		t.Fatalf("the export's warning is not shown:\n%s", v)
	}
}

// TestUnitPersonnummerIsRefused types a unit name holding a personnummer
// in a form people paste (en dash, spaces): the assessment is not created
// and the form says why, with the unit field focused.
func TestUnitPersonnummerIsRefused(t *testing.T) {
	fs := newFakeStore()
	d := newDriver(t, fs)
	d.keys("n")
	d.typeText("Avd 811218 – 9876")
	d.keys("ctrl+s")
	if n := fs.calls["CreateAssessment"]; n != 0 {
		t.Fatalf("CreateAssessment called %d times", n)
	}
	if !strings.Contains(strings.Join(strings.Fields(d.view()), " "), "personnummer") {
		t.Fatalf("no warning:\n%s", d.view())
	}
}

// TestHomeReadsTheListInWindows checks that the start screen holds only
// the rows read so far, reads the next window as the cursor reaches their
// end, and that the filter is searched by the store: with 450 assessments
// it starts with at most one window, end reaches the last one after two
// more reads, and a filter replaces the rows with the store's matches
// (Enhet 120–129, newest first).
func TestHomeReadsTheListInWindows(t *testing.T) {
	fs := newFakeStore()
	for i := range 450 {
		seed(t, fs, fmt.Sprintf("Enhet %03d", i), testToday.AddDays(-i), 0)
	}
	d := newDriver(t, fs)
	h := d.m.active().(*homeScreen)
	if len(h.all) > listWindowSize || h.total != 450 {
		t.Fatalf("at start %d rows of %d, want at most %d", len(h.all), h.total, listWindowSize)
	}
	for want := 2 * listWindowSize; ; want = min(want+listWindowSize, 450) {
		d.keys("end")
		if len(h.all) != want {
			t.Fatalf("after end: %d rows, want %d", len(h.all), want)
		}
		if want == 450 {
			break
		}
	}
	// The cursor stayed where end put it before the last read.
	d.keys("end")
	if a, ok := h.selected(); !ok || a.Unit != "Enhet 449" {
		t.Fatalf("the last row is %+v, want Enhet 449 (the oldest)", a)
	}
	d.keys("/")
	d.typeText("enhet 12")
	d.keys("enter")
	if h.total != 10 || len(h.all) != 10 || h.all[0].Unit != "Enhet 120" {
		t.Fatalf("filter: %d rows of %d, first %q", len(h.all), h.total, h.all[0].Unit)
	}
}
