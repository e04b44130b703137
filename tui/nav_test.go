package tui

import (
	"testing"

	"samkoll/checklist"
)

// TestOpeningAScreenOnTheStackGoesBack: plan → summary → plan five times
// leaves the stack as it was after the first two, so esc goes back through
// each screen once.
func TestOpeningAScreenOnTheStackGoesBack(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	for range 5 {
		hs.keys("z")
		if hs.m.ActiveScreen() != "summary" {
			t.Fatalf("z opened %s", hs.m.ActiveScreen())
		}
		hs.keys("a")
		if hs.m.ActiveScreen() != "plan" {
			t.Fatalf("a opened %s", hs.m.ActiveScreen())
		}
	}
	if n := len(hs.m.stack); n != 2 {
		t.Fatalf("%d screens on the stack, want 2 (start screen and plan)", n)
	}
	hs.keys("esc")
	if hs.m.ActiveScreen() != "home" {
		t.Fatalf("esc from the plan went to %s", hs.m.ActiveScreen())
	}
}

// TestEscOnStartScreenDoesNotQuit: esc once too often on the start screen
// does nothing; q quits.
func TestEscOnStartScreenDoesNotQuit(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter", "esc", "esc", "esc")
	if d.quit || d.m.ActiveScreen() != "home" {
		t.Fatalf("esc on the start screen: quit=%v on %s", d.quit, d.m.ActiveScreen())
	}
	d.keys("q")
	if !d.quit {
		t.Fatal("q on the start screen did not quit")
	}
}
