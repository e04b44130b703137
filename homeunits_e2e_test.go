package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStartScreenByUnit runs the real binary on demo data of three units:
// the start screen opens on the units, fills in their risks and core areas,
// u switches to the list of assessments and back, enter opens the selected
// unit's latest APT and esc comes back to the units with that unit still
// selected.
func TestStartScreenByUnit(t *testing.T) {
	f := newAppFixture(t)
	if err := os.MkdirAll(filepath.Dir(f.db), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runDemoCmd(t, "sv", "--db", f.db, "--units", "3", "--assessments", "9"); err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	s := startTmux(t, 80, 24, f.cmd)
	s.waitFor("enheterna, senaste APT först")
	scr := s.waitFor(" i år") // the selected unit's core areas: the whole overview is read
	if strings.Contains(scr, "…  ") || !strings.Contains(scr, "Akutmottagningen") || !strings.Contains(scr, "Avdelning 12 Medicin") {
		t.Fatalf("the units are not all shown in full:\n%s", scr)
	}
	s.keys("u")
	s.waitFor("Besvarat")
	s.keys("u")
	s.waitFor("Kärnområden att ta")
	s.keys("Down")
	s.waitFor("Akutmottagningen · ")
	s.keys("Enter")
	s.waitFor("besvarade")
	s.keys("Escape")
	if scr := s.waitFor("Akutmottagningen · "); !strings.Contains(scr, "> Akutmottagningen") {
		t.Errorf("back from the walk, the unit is not selected:\n%s", scr)
	}
	s.keys("q")
	s.waitFor("SAMKOLL-EXIT=0")
}
