package tui

import (
	"image/color"
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
