package tui

import (
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// TestResizeOnEveryScreen opens each screen and state (start, new
// assessment, walk, comment input, risk, overview, plan, action form,
// effect prompt, summary), shrinks the window step by step to 20×5 and
// back, then sends a storm of random sizes. Nothing may panic, and after
// every size the view must fit.
func TestResizeOnEveryScreen(t *testing.T) {
	states := []struct {
		name, screen string
		open         func(d *driver, a checklist.Assessment)
	}{
		{"home", "home", func(d *driver, a checklist.Assessment) {}},
		{"new", "new", func(d *driver, a checklist.Assessment) { d.keys("n") }},
		{"walk", "walk", func(d *driver, a checklist.Assessment) { d.send(openMsg{to: walkScreenID, id: a.ID}) }},
		{"comment", "walk", func(d *driver, a checklist.Assessment) { d.send(openMsg{to: walkScreenID, id: a.ID}); d.keys("c") }},
		{"risk", "walk", func(d *driver, a checklist.Assessment) { d.send(openMsg{to: walkScreenID, id: a.ID}); d.keys("3") }},
		{"overview", "walk", func(d *driver, a checklist.Assessment) { d.send(openMsg{to: walkScreenID, id: a.ID}); d.keys("o") }},
		{"plan", "plan", func(d *driver, a checklist.Assessment) { d.send(openMsg{to: planScreenID, id: a.ID}) }},
		{"action form", "plan", func(d *driver, a checklist.Assessment) {
			d.send(openMsg{to: planScreenID, id: a.ID})
			d.keys("a")
		}},
		{"effect", "plan", func(d *driver, a checklist.Assessment) { d.send(openMsg{to: planScreenID, id: a.ID}); d.keys("k") }},
		{"summary", "summary", func(d *driver, a checklist.Assessment) { d.send(openMsg{to: summaryScreenID, id: a.ID}) }},
	}
	for _, st := range states {
		t.Run(st.name, func(t *testing.T) {
			fs := newFakeStore()
			a := seedHostile(t, fs, "Avdelning 7 – kirurgi och 👩‍⚕️ e\u0301 "+hostileTexts["osc title"])
			d := newDriver(t, fs)
			st.open(d, a)
			if got := d.m.ActiveScreen(); got != st.screen {
				t.Fatalf("active screen %s, want %s", got, st.screen)
			}
			resize := func(w, h int) {
				t.Helper()
				d.send(tea.WindowSizeMsg{Width: w, Height: h})
				checkFits(t, d.view(), max(w, 1), max(h, 1))
			}
			for w, h := 80, 24; w >= 20 || h >= 5; w, h = max(w-3, 19), max(h-1, 4) {
				resize(max(w, 20), max(h, 5))
				if w <= 20 && h <= 5 {
					break
				}
			}
			for w, h := 20, 5; w <= 120; w, h = w+7, h+2 {
				resize(w, min(h, 40))
			}
			rng := rand.New(rand.NewPCG(7, uint64(len(st.name))))
			for range 300 {
				d.send(tea.WindowSizeMsg{Width: rng.IntN(140), Height: rng.IntN(50)})
			}
			resize(20, 5)
			resize(80, 24)
			if got := d.m.ActiveScreen(); got != st.screen {
				t.Errorf("resizing moved to %s", got)
			}
		})
	}
}

// TestMashReachesEveryScreen mashes keys at random sizes, like
// TestMashNeverPanics, and checks that the mashing visited every screen,
// so a panic on any of them would have been found.
func TestMashReachesEveryScreen(t *testing.T) {
	names := []string{"enter", "esc", "tab", "shift+tab", "backspace", "left", "right", "up", "down", "space",
		"1", "2", "3", "4", "j", "d", "n", "e", "c", "g", "o", "a", "h", "x", "r", "y", "/", "?", "p", "f2",
		"ctrl+s", "ctrl+u", "z", "s", "k", "Ö"}
	sizes := [][2]int{{80, 24}, {40, 12}, {20, 5}, {1, 1}, {120, 40}, {0, 0}}
	seen := map[string]bool{}
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 99))
		fs := newFakeStore()
		seedHostile(t, fs, "Enhet "+hostileTexts["controls"])
		seedAssessment(t, fs)
		d := newDriver(t, fs)
		for range 800 {
			if rng.IntN(8) == 0 {
				s := sizes[rng.IntN(len(sizes))]
				d.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
			}
			d.keys(names[rng.IntN(len(names))])
			_ = d.view()
			seen[d.m.ActiveScreen()] = true
		}
		checkFits(t, d.view(), max(d.m.width, 1), max(d.m.height, 1))
	}
	for _, s := range []string{"home", "new", "walk", "plan", "summary"} {
		if !seen[s] {
			t.Errorf("the mashing never reached %s", s)
		}
	}
}
