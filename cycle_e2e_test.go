package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndTwoAPTs runs two APTs for one unit through the real binary
// in tmux: the first answers an item Nej with a high risk, the second
// finds that answer on the walk ("Förra APT …"), answers Ja, and exports a
// plan with the section "Sedan förra APT". The first also adds an own item
// answered Delvis without an action, which the second APT's plan carries.
func TestEndToEndTwoAPTs(t *testing.T) {
	f := newAppFixture(t)
	home := f.home

	// The first APT, in October.
	s := startTmux(t, 100, 30, f.cmd)
	s.waitFor("Här finns inga riskbedömningar")
	s.newAssessment("Avdelning 9", "2026-10-04", "chef, skyddsombud, sex medarbetare")
	s.keys("3") // Nej: the risk matrix
	s.waitFor("Riskbedömning")
	s.keys("3", "3")
	s.waitFor("Konsekvens: 3")
	s.keys("Enter")
	s.waitFor("2/71")
	// An item of the group's own, in the unit's own area, answered Delvis
	// with a risk and no action: it is carried to the next APT.
	s.keys("+")
	s.waitFor("Egen punkt")
	s.keys("BTab", "Left", "Tab")
	s.waitFor("‹ Egna punkter ›")
	s.text("Vi hinner äta lunch")
	s.keys("C-s")
	s.waitFor("72/72")
	s.keys("2")
	s.waitFor("Brist: Vi hinner äta lunch")
	s.keys("2", "2")
	s.waitFor("Konsekvens: 2")
	s.keys("Enter")
	s.waitFor("Sista punkten är besvarad")
	s.keys("C-c")
	s.waitFor("SAMKOLL-EXIT=0")

	// The second APT of the unit.
	s = startTmux(t, 100, 30, f.cmd)
	s.waitFor("Avdelning 9")
	s.newAssessment("Avdelning 9", "", "chef, sju medarbetare")
	s.waitFor("Förra APT 2026-10-04: Nej · Hög")
	s.keys("t") // the item's history
	s.waitFor("Tidigare svar")
	s.waitFor("2026-10-04  Nej · Hög")
	s.keys("Escape")
	s.waitFor("1/72") // the own item is offered again
	s.keys("1")       // Ja now
	s.waitFor("2/72")
	s.keys("s")
	s.waitFor("Sammanfattning")
	s.keys("x")
	s.waitFor("samkoll-export")
	s.keys("C-c")
	s.waitFor("SAMKOLL-EXIT=0")

	files, _ := filepath.Glob(filepath.Join(home, "samkoll-export", "handlingsplan-*.md"))
	if len(files) != 1 {
		t.Fatalf("exported files = %v", files)
	}
	md, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Sedan förra APT", "**Brist då, Ja nu:**", "2026-10-04: Nej · Hög → nu: Ja", "Vi hinner äta lunch"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the export lacks %q:\n%s", want, md)
		}
	}
}
