package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndTwoAPTs runs two APTs for one unit through the real binary
// in tmux: the first answers an item Nej with a high risk, the second
// finds that answer on the walk ("Förra APT …"), answers Ja, and exports a
// plan with the section "Sedan förra APT".
func TestEndToEndTwoAPTs(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	db := filepath.Join(dir, "data", "apt.db")
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := fmt.Sprintf("env HOME=%q LANG=sv_SE.UTF-8 TERM=xterm-256color %q --db %q; echo SAMKOLL-EXIT=$?; sleep 60", home, bin, db)

	// The first APT, in October.
	s := startTmux(t, 100, 30, cmd)
	s.waitFor("Här finns inga riskbedömningar")
	s.keys("n")
	s.waitFor("Ny riskbedömning")
	s.text("Avdelning 9")
	s.keys("Tab")
	s.text("2026-10-04")
	s.keys("Tab")
	s.text("chef, skyddsombud, sex medarbetare")
	s.keys("Tab", "Space", "C-s")
	s.waitFor("1/71")
	s.keys("3") // Nej: the risk matrix
	s.waitFor("Riskbedömning")
	s.keys("3", "3")
	s.waitFor("Konsekvens: 3")
	s.keys("Enter")
	s.waitFor("2/71")
	s.keys("C-c")
	s.waitFor("SAMKOLL-EXIT=0")

	// The second APT of the unit.
	s = startTmux(t, 100, 30, cmd)
	s.waitFor("Avdelning 9")
	s.keys("n")
	s.waitFor("Ny riskbedömning")
	s.text("Avdelning 9")
	s.keys("Tab", "Tab")
	s.text("chef, sju medarbetare")
	s.keys("Tab", "Space", "C-s")
	s.waitFor("1/71")
	s.waitFor("Förra APT 2026-10-04: Nej · Hög")
	s.keys("t") // the item's history
	s.waitFor("Tidigare svar")
	s.waitFor("2026-10-04  Nej · Hög")
	s.keys("Escape")
	s.waitFor("1/71")
	s.keys("1") // Ja now
	s.waitFor("2/71")
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
	for _, want := range []string{"## Sedan förra APT", "**Brist då, Ja nu:**", "2026-10-04: Nej · Hög → nu: Ja"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the export lacks %q:\n%s", want, md)
		}
	}
}
