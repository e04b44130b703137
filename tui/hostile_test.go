package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// hostileTexts are user texts that try to break the layout or take over
// the terminal: escape sequences, control characters, a 100k-character line,
// bidi overrides, emoji, combining marks, markdown and HTML.
var hostileTexts = map[string]string{
	"osc title":   "Avd \x1b]0;pwned\x07 7",
	"clear":       "Rutin\x1b[2J\x1b[H saknas",
	"clipboard":   "kopiera \x1b]52;c;cm0gLXJmIH4=\x07 detta",
	"sgr":         "röd \x1b[8;5;31m dold text \x1b[0m",
	"controls":    "a\rb\bc\x00d\x7fe\u009b2Jf\u0085g\ttab\nny rad",
	"long":        strings.Repeat("lång rad utan slut ", 100000/19+1),
	"bidi":        "datum \u202e2026-01-31\u202c och \u2067שלום עולם\u2069 مرحبا",
	"emoji":       "👩‍👩‍👧‍👦 🇸🇪 e\u0301 a\u0308\u0308\u0308 ｗｉｄｅ",
	"markdown":    "| cell | cell |\n# rubrik <script>alert(1)</script> **fet** [länk](javascript:x) `kod`",
	"st-terminal": "slut \x1bP+q544e\x1b\\ \x1b_apc\x1b\\ \x1b^pm\x1b\\ \x1b7\x1b8",
}

// appSGR matches the styling sequences the app itself emits: CSI … m.
var appSGR = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// checkNoRawControls fails when the rendered view (with styles) holds
// anything but the app's own SGR styling: other escape sequences, control
// characters other than newline, C1 controls, bidi controls, or the SGR
// parameters planted in hostile text.
func checkNoRawControls(t testing.TB, where, content string) {
	t.Helper()
	if strings.Contains(content, "8;5;31m") {
		t.Errorf("%s: an SGR sequence from user text reached the view", where)
	}
	rest := appSGR.ReplaceAllString(content, "")
	for i, r := range rest {
		if r == '\n' {
			continue
		}
		if !checklist.Printable(r) && r != '\u200d' {
			lo, hi := max(i-30, 0), min(i+30, len(rest))
			t.Errorf("%s: raw control %U in the view near %q", where, r, rest[lo:hi])
			return
		}
	}
}

// seedHostile stores an assessment whose every free-text field holds text:
// unit, participants, a comment and a risk note on krank/p1 (Nej), a reason
// on krank/p2 (Ej aktuellt), and an action with risk, what, who and effect.
func seedHostile(t testing.TB, fs *fakeStore, text string) checklist.Assessment {
	t.Helper()
	ctx := t.Context()
	a, err := fs.CreateAssessment(ctx, checklist.Assessment{Unit: text, Date: testToday, Participants: text,
		Areas: []checklist.AreaRef{{ID: "krank", Version: 1}, {ID: "disk", Version: 1}}},
		map[string]int{"krank": 3, "disk": 2})
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(fs.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "krank", ItemID: "p1", Answer: checklist.Nej, Comment: text,
		Risk: &checklist.Risk{Probability: 3, Consequence: 4, Level: checklist.MycketHog, Note: text}}))
	must(fs.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "krank", ItemID: "p2", Answer: checklist.EjAktuellt, Reason: text, Comment: text}))
	_, err = fs.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: "krank", ItemID: "p1",
		Risk: text, What: text, Who: text, Due: testToday.AddDays(-2), Status: checklist.Klar, DoneOn: testToday,
		CheckedOn: testToday, Effect: text})
	must(err)
	_, err = fs.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, Risk: text, What: text, Who: text})
	must(err)
	return a
}

// TestHostileTextOnEveryScreen seeds every free-text field with hostile
// text and visits each screen and state that shows it: the start screen
// (also filtered), the new assessment form with
// the unit suggestions, the walk on an item with a comment and a reason, the
// comment input, the risk screen with its note, the overview, the plan with
// details, the action form, the effect prompt and the summary. At 80×24 and
// 40×12 every view must fit the window and carry no escape sequence or
// control character from the text.
func TestHostileTextOnEveryScreen(t *testing.T) {
	for name, text := range hostileTexts {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			t.Run(fmt.Sprintf("%s/%dx%d", name, size[0], size[1]), func(t *testing.T) {
				fs := newFakeStore()
				a := seedHostile(t, fs, text)
				d := newDriver(t, fs)
				d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				check := func(step string, wantScreen string) {
					t.Helper()
					if got := d.m.ActiveScreen(); got != wantScreen {
						t.Fatalf("%s: active screen %s, want %s", step, got, wantScreen)
					}
					content := d.m.View().Content
					checkFits(t, d.view(), size[0], size[1])
					checkNoRawControls(t, step, content)
				}
				check("home", "home")
				d.keys("/")
				d.typeText("a")
				check("home filter", "home")
				d.keys("esc")
				d.keys("n")
				d.typeText(string([]rune(text)[:1]))
				check("new assessment with unit suggestions", "new")
				d.keys("tab", "tab")
				check("new assessment participants", "new")
				d.keys("esc")

				d.send(openMsg{to: walkScreenID, id: a.ID, focus: checklist.ItemKey{AreaID: "krank", ItemID: "p1"}})
				check("walk p1", "walk")
				d.keys("c")
				check("comment input", "walk")
				d.keys("esc")
				d.keys("g")
				check("guidance", "walk")
				d.keys("g", "r")
				check("risk", "walk")
				d.keys("c")
				check("risk note input", "walk")
				d.keys("esc", "esc")
				d.keys("right")
				check("walk p2 (reason)", "walk")
				d.keys("o")
				check("overview", "walk")
				d.keys("esc")

				d.send(openMsg{to: planScreenID, id: a.ID})
				check("plan", "plan")
				d.keys("down")
				check("plan second row", "plan")
				d.keys("up", "enter")
				check("action form", "plan")
				for range 5 {
					d.keys("tab")
					check("action form field", "plan")
				}
				d.keys("esc")
				d.keys("k")
				check("effect prompt", "plan")
				d.keys("esc")

				d.send(openMsg{to: summaryScreenID, id: a.ID})
				check("summary", "summary")
				for range 30 {
					d.keys("down")
				}
				check("summary scrolled", "summary")

				d.send(tea.WindowSizeMsg{Width: 20, Height: 5})
				checkFits(t, d.view(), 20, 5)
				checkNoRawControls(t, "summary 20x5", d.m.View().Content)
			})
		}
	}
}

// TestHostileWarningInStatusLine gives the app a checklist warning that
// holds escape sequences (a file name is user data too): the status line
// must show it without them.
func TestHostileWarningInStatusLine(t *testing.T) {
	m := New(Config{Store: newFakeStore(), Catalog: testCatalog(t), Lang: checklist.Swedish,
		Today:    func() checklist.Date { return testToday },
		Warnings: []string{hostileTexts["osc title"] + ".yaml:3: " + hostileTexts["controls"]}})
	d := attach(t, m, newFakeStore())
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(d.view(), ".yaml:3") {
		t.Fatalf("the warning is not shown:\n%s", d.view())
	}
	checkNoRawControls(t, "status line", d.m.View().Content)
}

// TestTypedAndPastedControlsAreDropped types and pastes hostile text into
// the comment field: what is saved holds no escape sequence or control
// character, and the printable text survives.
func TestTypedAndPastedControlsAreDropped(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Enhet", testToday, 0)
	d := newDriver(t, fs)
	d.send(openMsg{to: walkScreenID, id: a.ID, focus: checklist.ItemKey{AreaID: "krank", ItemID: "p1"}})
	d.keys("c")
	d.send(tea.PasteMsg{Content: "före \x1b]0;pwned\x07\u009b2J\u202eefter"})
	d.keys("enter")
	got := fs.response(a.ID, "krank", "p1").Comment
	if !strings.Contains(got, "före") || !strings.Contains(got, "efter") {
		t.Fatalf("comment = %q, the text was lost", got)
	}
	for _, r := range got {
		if !checklist.Printable(r) && r != '\u200d' {
			t.Errorf("saved comment %q holds control %U", got, r)
		}
	}
	checkNoRawControls(t, "walk after paste", d.m.View().Content)
}
