package tui

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"samkoll/checklist"
)

// lineWith returns the first line of out that contains s, or "".
func lineWith(out, s string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(ansi.Strip(l), s) {
			return l
		}
	}
	return ""
}

// TestHomeSaysWhichRowsShow checks that a list longer than the window says
// which rows are shown, and follows the cursor.
func TestHomeSaysWhichRowsShow(t *testing.T) {
	fs := newFakeStore()
	for i := range 40 {
		seed(t, fs, fmt.Sprintf("Enhet %02d", i), testToday.AddDays(-i), 0)
	}
	d := newDriver(t, fs)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.send(resumedMsg{})
	// 24 lines: title, filter, heading, the confirmation line, status line and footer leave 18.
	if first := strings.Split(d.view(), "\n")[0]; !strings.HasSuffix(first, "1–18 av 40") {
		t.Errorf("title line %q does not end in 1–18 av 40", first)
	}
	d.keys("end")
	if first := strings.Split(d.view(), "\n")[0]; !strings.HasSuffix(first, "23–40 av 40") {
		t.Errorf("after end the title line %q does not end in 23–40 av 40", first)
	}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 60})
	if first := strings.Split(d.view(), "\n")[0]; strings.Contains(first, "av 40") {
		t.Errorf("every row shows, yet the title line says %q", first)
	}
}

// TestHomeColoursOnlyTheOverdueCount checks that only the overdue count of
// an assessment in progress is coloured, and a closed assessment with
// overdue actions is drawn calm.
func TestHomeColoursOnlyTheOverdueCount(t *testing.T) {
	fs := newFakeStore()
	closed := seed(t, fs, "Stängd enhet", testToday.AddDays(-400), 5)
	closed.Status = checklist.Avslutad
	if err := fs.UpdateAssessment(t.Context(), closed); err != nil {
		t.Fatal(err)
	}
	open := seed(t, fs, "Öppen enhet", testToday, 1)
	seed(t, fs, "Tredje", testToday.AddDays(-1), 1) // the cursor row
	for _, a := range []checklist.Assessment{closed, open} {
		if _, err := fs.SaveAction(t.Context(), checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, What: "Rutin", Due: testToday.AddDays(-3)}); err != nil {
			t.Fatal(err)
		}
	}
	d := colourDriver(t, fs, "dark")
	d.send(resumedMsg{})
	d.keys("down")
	out := d.m.View().Content
	st := d.m.sh.styles
	overdue := st.Overdue.Render(padLeft("1", ansi.StringWidth("Försenade")))
	if l := lineWith(out, "Öppen enhet"); !strings.HasSuffix(l, overdue) || strings.Count(l, "\x1b[") != strings.Count(overdue, "\x1b[") {
		t.Errorf("the open assessment's row should colour its overdue count (%q) and nothing else:\n%q", overdue, l)
	}
	if l := lineWith(out, "Stängd enhet"); strings.Contains(l, overdue) || !strings.Contains(l, prefixOf(st.Subtle)) {
		t.Errorf("the closed assessment's row should be calm:\n%q", l)
	}
}

// prefixOf returns the escape sequence a style starts its text with.
func prefixOf(s lipgloss.Style) string {
	r := s.Render("x")
	return r[:strings.Index(r, "x")]
}

// TestSummaryNarrowKeepsEveryAnswer checks that at 40 columns the summary
// still has a column for each answer, so each total row adds up to the
// items, and that a serious risk is wrapped whole rather than cut.
func TestSummaryNarrowKeepsEveryAnswer(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 40, 30)
	hs.openSummary()
	v := hs.view()
	head := lineWith(v, "Område ")
	for _, col := range []string{"Ja", "Dv", "Nej", "EjA", "Obes"} {
		if !strings.Contains(head, col) {
			t.Errorf("the heading %q lacks %s", head, col)
		}
	}
	// sam and osa have 4 items each: 8 in all.
	var sum int
	for _, f := range strings.Fields(lineWith(v, "Totalt"))[1:] {
		n, err := strconv.Atoi(f)
		if err != nil {
			t.Fatalf("total row %q: %v", lineWith(v, "Totalt"), err)
		}
		sum += n
	}
	if sum != 8 {
		t.Errorf("the totals add up to %d, want the 8 items", sum)
	}
	joined := strings.Join(strings.Fields(v), " ")
	if !strings.Contains(joined, "Hög* Problem 1 i sam är inte löst. (Område sam)") {
		t.Errorf("the serious risk is not there whole:\n%s", v)
	}
}

// TestPlanDimsSettledActions checks that a Klar action is drawn in the
// secondary colour, unlike an open one, and that the plan's cursor has the
// start screen's mark.
func TestPlanDimsSettledActions(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.send(tea.BackgroundColorMsg{Color: color.Black})
	hs.openPlan()
	out := hs.m.View().Content
	sub := prefixOf(hs.m.sh.styles.Subtle)
	if l := lineWith(out, "Möblera om pausrummet"); !strings.HasPrefix(l, sub) {
		t.Errorf("the Klar row is not in the secondary colour:\n%q", l)
	}
	if l := lineWith(out, "Gå igenom rutinen"); strings.HasPrefix(l, sub) {
		t.Errorf("the open row is drawn like a settled one:\n%q", l)
	}
	if l := lineWith(hs.view(), "Ta fram en rutin"); !strings.HasPrefix(l, cursorMark) {
		t.Errorf("the cursor row %q does not start with %q", l, cursorMark)
	}
	// Off the cursor, an overdue row colours its mark and its date only.
	hs.keys("down")
	od := prefixOf(hs.m.sh.styles.Overdue)
	if l := lineWith(hs.m.View().Content, "Ta fram en rutin"); strings.Count(l, od) != 2 || !strings.Contains(l, od+"2026-02-01") {
		t.Errorf("the overdue row should colour its ! and its date, nothing else:\n%q", l)
	}
}

// TestWalkGuidanceWhereThereIsRoom checks that the guidance shows by
// itself on a tall window and not on a short one, where g shows it, and
// that the walk offers tab to the next unanswered item on an answered one.
func TestWalkGuidanceWhereThereIsRoom(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 2)
	d := newDriver(t, fs)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.keys("enter")
	if v := d.view(); !strings.Contains(v, "Vägledning") || !strings.Contains(v, "3 Nej") {
		t.Fatalf("at 80×24 the options and the guidance should show:\n%s", v)
	}
	d.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	if v := d.view(); strings.Contains(v, "Vägledning") {
		t.Fatalf("at 40×12 the guidance has no room yet shows:\n%s", v)
	}
	d.keys("g")
	if v := d.view(); !strings.Contains(v, "Vägledning") {
		t.Fatalf("g did not show the guidance at 40×12:\n%s", v)
	}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.keys("left", "left")
	if foot := lineWith(d.view(), "alla tangenter"); !strings.HasPrefix(foot, "tab nästa obesvarade") {
		t.Errorf("on an answered item the footer should start with tab nästa obesvarade: %q", foot)
	}
	d.keys("tab")
	if foot := lineWith(d.view(), "alla tangenter"); strings.Contains(foot, "nästa obesvarade") {
		t.Errorf("on an unanswered item the footer offers the next unanswered: %q", foot)
	}
}

// presentScreens opens each main screen of the plan fixture: the start
// screen, the walk, the risk view, the plan and the summary.
var presentScreens = []struct {
	name string
	open func(hs *pbHarness)
}{
	{"start", func(hs *pbHarness) { hs.send(resumedMsg{}) }},
	{"walk", func(hs *pbHarness) { hs.send(openMsg{to: walkScreenID, id: pbCurrent}) }},
	{"risk", func(hs *pbHarness) { hs.send(openMsg{to: walkScreenID, id: pbCurrent}); hs.keys("3", "3", "4") }},
	{"plan", func(hs *pbHarness) { hs.openPlan() }},
	{"summary", func(hs *pbHarness) { hs.openSummary() }},
}

// TestPresentationGoldens keeps each main screen in presentation mode at
// 80×24 and 40×12, checks that the mark shows and that the screen differs
// from its normal view.
func TestPresentationGoldens(t *testing.T) {
	for _, size := range []struct {
		w, h   int
		suffix string
	}{{80, 24, ""}, {40, 12, "_40x12"}} {
		for _, sc := range presentScreens {
			t.Run(sc.name+size.suffix, func(t *testing.T) {
				hs := newPBHarness(t, checklist.Swedish, size.w, size.h)
				sc.open(hs)
				normal := hs.view()
				hs.keys("f2")
				if !hs.m.sh.presenting {
					t.Fatal("f2 did not turn presentation mode on")
				}
				v := hs.view()
				checkFits(t, v, size.w, size.h)
				lines := strings.Split(v, "\n")
				if foot := lines[len(lines)-1]; !strings.HasPrefix(foot, " PRESENTATION ") || !strings.Contains(foot, "p/F2 avsluta") {
					t.Errorf("no mark that presentation mode is on, or no key to leave it: %q", foot)
				}
				if v == normal {
					t.Errorf("presentation mode looks like the normal view:\n%s", v)
				}
				golden.RequireEqual(t, v)
			})
		}
	}
}

// TestProfileGoldens keeps the colour codes of each main screen, and the
// walk in presentation mode, in the three colour profiles (16 colours, 256, true colour) on a dark and a
// light background, at 80×24: the palette of each is chosen by hand
// (palette.go), so a change to one shows in its own golden. The six must
// differ.
func TestProfileGoldens(t *testing.T) {
	screens := append(slices.Clip(presentScreens), struct {
		name string
		open func(hs *pbHarness)
	}{"presentation", func(hs *pbHarness) { hs.send(openMsg{to: walkScreenID, id: pbCurrent}); hs.keys("f2") }})
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			seen := map[string]string{}
			for _, p := range []colorprofile.Profile{colorprofile.ANSI, colorprofile.ANSI256, colorprofile.TrueColor} {
				for _, bg := range []struct {
					name string
					c    color.Color
				}{{"dark", color.Black}, {"light", color.White}} {
					name := fmt.Sprintf("%s_%s", map[colorprofile.Profile]string{colorprofile.ANSI: "16", colorprofile.ANSI256: "256", colorprofile.TrueColor: "truecolor"}[p], bg.name)
					t.Run(name, func(t *testing.T) {
						hs := newPBHarness(t, checklist.Swedish, 80, 24)
						hs.send(tea.ColorProfileMsg{Profile: p})
						hs.send(tea.BackgroundColorMsg{Color: bg.c})
						sc.open(hs)
						out := hs.m.View().Content
						checkFits(t, hs.view(), 80, 24)
						if other, ok := seen[out]; ok {
							t.Errorf("renders as %s does", other)
						}
						seen[out] = name
						golden.RequireEqual(t, []byte(out))
					})
				}
			}
		})
	}
}

// TestPlaceholderIsAHint checks that an empty field's placeholder is drawn
// as a hint (italic), so it does not read as typed text where secondary
// text has the text colour (16 colours on a light background).
func TestPlaceholderIsAHint(t *testing.T) {
	d := colourDriver(t, newFakeStore(), "light")
	d.send(tea.ColorProfileMsg{Profile: colorprofile.ANSI})
	f := newTextField(d.m.sh, "", "t.ex. chef, skyddsombud", 40)
	f.SetWidth(12)
	if v := f.View(); !strings.Contains(v, prefixOf(d.m.sh.styles.Hint)+"t.ex. chef…") {
		t.Errorf("the placeholder is not a hint cut at a word: %q", v)
	}
}

// TestUnitsColourOnlyTheCounts checks that the start screen by unit
// colours the counts that need acting on, not whole rows.
func TestUnitsColourOnlyTheCounts(t *testing.T) {
	d, _, _ := unitDriver(t)
	d.send(tea.BackgroundColorMsg{Color: color.Black})
	d.keys("down") // the cursor on Avdelning 12
	out, st := d.m.View().Content, d.m.sh.styles
	l := lineWith(out, "Avdelning 7")
	for _, want := range []string{"  Avdelning 7", st.Serious.Render("2"), st.Overdue.Render("1"), st.Overdue.Render("1 (1 sena)")} {
		if !strings.Contains(l, want) {
			t.Errorf("the row of Avdelning 7 lacks %q:\n%q", want, l)
		}
	}
	if strings.HasPrefix(l, "  "+prefixOf(st.Overdue)) {
		t.Errorf("the whole row is coloured:\n%q", l)
	}
}

// TestBackgroundFixed checks that a background fixed by the environment
// (SAMKOLL_BACKGROUND) wins over the terminal's answer, and that the
// light guess (COLORFGBG) holds until the terminal answers.
func TestBackgroundFixed(t *testing.T) {
	light := NewStyles(colorprofile.TrueColor, false)
	for _, tc := range []struct {
		name string
		cfg  Config
		bg   color.Color
		want bool // light styles after the answer
	}{
		{"fixed light, terminal says black", Config{Background: "light"}, color.Black, true},
		{"guess light, terminal says black", Config{GuessLight: true}, color.Black, false},
		{"guess light, terminal says white", Config{GuessLight: true}, color.White, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFakeStore()
			tc.cfg.Store, tc.cfg.Catalog, tc.cfg.Today = fs, testCatalog(t), func() checklist.Date { return testToday }
			m := New(tc.cfg)
			if tc.cfg.GuessLight && m.sh.styles.Title.Render("x") != light.Title.Render("x") {
				t.Error("the light guess does not start on the light styles")
			}
			d := attach(t, m, fs)
			d.send(tea.BackgroundColorMsg{Color: tc.bg})
			if got := m.sh.styles.Title.Render("x") == light.Title.Render("x"); got != tc.want {
				t.Errorf("light styles = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestOverviewSaysWhichRowsShow checks the overview's scroll mark when its
// rows (8 items under 2 area headings) do not all fit.
func TestOverviewSaysWhichRowsShow(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 60, 8)
	hs.send(openMsg{to: walkScreenID, id: pbCurrent})
	hs.keys("o", "tab")
	if first := strings.Split(hs.view(), "\n")[0]; !strings.Contains(first, "↓") || !strings.Contains(first, " av 10") {
		t.Errorf("the overview's title %q has no scroll mark:\n%s", first, hs.view())
	}
}

// TestFooterKeepsHelp checks that ? shows in the footer of every main
// screen at 100, 80 and 40 columns, and that the footer never runs over.
func TestFooterKeepsHelp(t *testing.T) {
	for _, w := range []int{100, 80, 40} {
		for _, sc := range presentScreens {
			hs := newPBHarness(t, checklist.Swedish, w, 24)
			sc.open(hs)
			lines := strings.Split(hs.view(), "\n")
			foot := strings.TrimRight(lines[len(lines)-1], " ")
			if !strings.HasSuffix(foot, "?") && !strings.HasSuffix(foot, "? alla tangenter") {
				t.Errorf("%s at %d columns: the footer %q does not end in ?", sc.name, w, foot)
			}
			if strings.HasSuffix(foot, "…") {
				t.Errorf("%s at %d columns: the footer %q is cut", sc.name, w, foot)
			}
		}
	}
}
