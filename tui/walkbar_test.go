package tui

import (
	"image/color"
	"maps"
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"samkoll/checklist"
)

// TestProgressBarMemo checks the walk's memo of its progress bar against
// the bar progress draws, for every count of answers at several widths
// and after a change of colours, in the order a meeting gives them and
// out of it.
func TestProgressBarMemo(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.send(tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	hs.send(openMsg{to: walkScreenID, id: pbCurrent})
	s, ok := hs.m.active().(*walkScreen)
	if !ok {
		t.Fatalf("active screen %T, want the walk", hs.m.active())
	}
	check := func(answered, total int) {
		t.Helper()
		pm := s.bar
		pm.FullColor, pm.EmptyColor = s.sh.styles.ProgressFull, s.sh.styles.ProgressEmpty
		want := pm.ViewAs(float64(answered) / float64(total))
		if got := s.progressBar(answered, total); got != want {
			t.Fatalf("%d/%d at width %d: memo drew %q, progress draws %q", answered, total, pm.Width(), got, want)
		}
	}
	for _, w := range []int{80, 41, 12, 200} {
		hs.send(tea.WindowSizeMsg{Width: w, Height: 24})
		for _, total := range []int{7, 71, 150} {
			for a := 0; a <= total; a++ {
				check(a, total)
			}
			for a := total; a >= 0; a -= 3 {
				check(a, total)
			}
		}
		hs.send(tea.BackgroundColorMsg{Color: color.White})
		check(3, 7)
		hs.send(tea.BackgroundColorMsg{Color: color.Black})
		check(3, 7)
	}
}

// TestProgressCountFollowsAnswers checks the walk's kept count of saved
// answers against counting them afresh, through answers given in and out
// of order and a reload that changes an answer without changing how many
// responses the assessment holds.
func TestProgressCountFollowsAnswers(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.send(openMsg{to: walkScreenID, id: pbCurrent})
	s := hs.walk()
	rng := rand.New(rand.NewPCG(5, 6))
	steps := []string{"1", "4", "left", "right", "right", "1"}
	for i := range 120 {
		k := steps[rng.IntN(len(steps))]
		hs.keys(k)
		if hs.m.active() != s {
			hs.send(openMsg{to: walkScreenID, id: pbCurrent})
			s = hs.walk()
		}
		if got, _ := s.progress(); got != s.countAnswered() {
			t.Fatalf("step %d (%s): kept count %d, counted %d", i, k, got, s.countAnswered())
		}
	}
	// A reload where an answered item lost its answer but kept a comment:
	// as many responses as before, one answer fewer.
	before, _ := s.progress()
	a := s.a
	a.Responses = maps.Clone(a.Responses)
	for k, r := range a.Responses {
		if r.Answer != checklist.Unanswered {
			r.Answer, r.Comment = checklist.Unanswered, "kvar"
			a.Responses[k] = r
			break
		}
	}
	hs.send(assessmentLoadedMsg{a: a, open: openMsg{to: walkScreenID, id: a.ID}})
	if got, _ := s.progress(); got != before-1 || got != s.countAnswered() {
		t.Fatalf("after the reload: kept count %d, counted %d, want %d", got, s.countAnswered(), before-1)
	}
}
