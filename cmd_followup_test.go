package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFollowupCommand(t *testing.T) {
	cliHome(t)
	db, _ := testDB(t)
	for _, tc := range []struct {
		name  string
		args  []string
		usage bool
		want  string
	}{
		{"one unit", []string{"--unit", "avd 7 | kirurgi", "--year", "2026"}, false, "## Avd 7 \\| Kirurgi"},
		{"all units", []string{"--year", "2025"}, false, "2025-10-01"},
		{"english", []string{"--year", "2026", "--lang", "en"}, false, "# Yearly follow-up of the work-environment management 2026"},
		{"bad year", []string{"--year", "tjugo"}, true, ""},
		{"extra argument", []string{"3"}, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runCLI(t, append([]string{"--db", db, "followup"}, tc.args...)...)
			if tc.usage {
				if !isUsage(err) {
					t.Fatalf("err %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, out)
			}
		})
	}
	_, _, err := runCLI(t, "--db", db, "--lang", "en", "followup", "--unit", "Nowhere")
	if err == nil || err.Error() != `there is no unit called "Nowhere"` {
		t.Errorf("unknown unit: %v", err)
	}
	file := filepath.Join(t.TempDir(), "uppfoljning.md")
	if _, stderr, err := runCLI(t, "--db", db, "followup", "--year", "2026", "-o", file); err != nil || !strings.Contains(stderr, file) {
		t.Fatalf("-o: %v %q", err, stderr)
	}
	if b, err := os.ReadFile(file); err != nil || !strings.Contains(string(b), "AFS 2023:1 14 §") {
		t.Errorf("file: %v", err)
	}
}
