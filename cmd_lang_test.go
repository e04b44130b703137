package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportErrorsEnglish checks that a rejected import says what is wrong
// in the chosen language and names the file and the field or position.
func TestImportErrorsEnglish(t *testing.T) {
	home := cliHome(t)
	db, _ := testDB(t)
	before, _ := os.ReadFile(db)
	tests := []struct {
		name, body string
		sv, en     string
	}{
		{"unknown answer", `{"format": "samkoll", "version": 1, "assessments": [{"uid": "0000000a", "unit": "Avd 7",
			"date": "2026-02-10", "status": "pagaende", "created": "2026-02-10T09:00:00Z", "updated": "2026-02-10T09:00:00Z",
			"areas": [{"id": "sam", "version": 1, "hash": "x", "items": 3}],
			"answers": [{"area": "sam", "item": "1.1", "answer": "kanske"}], "actions": []}]}`,
			`.json: assessments[0].answers[0].answer: okänt svar "kanske" (ja, delvis, nej, ej_aktuellt). Ingenting har ändrats`,
			`.json: assessments[0].answers[0].answer: unknown answer "kanske" (ja, delvis, nej, ej_aktuellt). Nothing has changed`},
		{"bad date", `{"format": "samkoll", "version": 1, "assessments": [{"uid": "0000000a", "unit": "Avd 7",
			"date": "2026-02-30", "status": "pagaende"}]}`,
			`assessments[0].date: ogiltigt datum "2026-02-30": skriv ÅÅÅÅ-MM-DD`,
			`assessments[0].date: invalid date "2026-02-30": write YYYY-MM-DD, e.g. 2026-03-14. Nothing`},
		{"wrong type", `{"format": "samkoll", "version": "1"}`,
			`.json:1:37: fel typ för version: string i stället för int`,
			`.json:1:37: wrong type for version: string instead of int`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(home, "fil.json")
			if err := os.WriteFile(file, []byte(tt.body), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, lang := range []struct{ flag, want string }{{"sv", tt.sv}, {"en", tt.en}} {
				_, _, err := runCLI(t, "--lang", lang.flag, "--db", db, "import", file)
				if err == nil {
					t.Fatalf("--lang %s: accepted", lang.flag)
				}
				if !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), lang.want) {
					t.Errorf("--lang %s: %q\nwant the file and %q", lang.flag, err, lang.want)
				}
			}
		})
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a failed import changed the database file")
	}
}

// TestLintEnglishCLI runs samkoll checklists lint on a broken file in both
// languages.
func TestLintEnglishCLI(t *testing.T) {
	cliHome(t)
	file := filepath.Join("checklist", "testdata", "lint", "bad-type.yaml")
	for _, tc := range []struct{ lang, msg, summary string }{
		{"sv", `bad-type.yaml:7:11: okänd typ "lagkrv" (lagkrav, risk eller friskfaktor)`, "1 fel i 1 fil(er)"},
		{"en", `bad-type.yaml:7:11: unknown type "lagkrv" (lagkrav, risk or friskfaktor)`, "1 error(s) in 1 file(s)"},
	} {
		stdout, stderr, err := runCLI(t, "--lang", tc.lang, "checklists", "lint", file)
		if err == nil {
			t.Errorf("--lang %s: a broken file passed", tc.lang)
		}
		if !strings.Contains(stdout, file+":7:11") || !strings.Contains(stdout, tc.msg) {
			t.Errorf("--lang %s: stdout %q, want %q", tc.lang, stdout, tc.msg)
		}
		if !strings.Contains(stderr, tc.summary) {
			t.Errorf("--lang %s: stderr %q, want %q", tc.lang, stderr, tc.summary)
		}
	}
}

// TestLoadWarningsEnglish checks the warnings for a broken file among the
// organisation's checklists, printed by samkoll checklists and passed to
// the app.
func TestLoadWarningsEnglish(t *testing.T) {
	cliHome(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "trasig.yaml")
	if err := os.WriteFile(bad, []byte("id: egen\nversion: noll\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, warn, msg string }{
		{"sv", "varning: ", `trasig.yaml:2:10: version måste vara ett heltal, inte "noll"`},
		{"en", "warning: ", `trasig.yaml:2:10: version must be a whole number, not "noll"`},
	} {
		_, stderr, err := runCLI(t, "--lang", tc.lang, "--checklists", dir, "checklists")
		if err != nil {
			t.Fatalf("--lang %s: %v", tc.lang, err)
		}
		if !strings.Contains(stderr, tc.warn+bad+":2:10") || !strings.Contains(stderr, tc.msg) {
			t.Errorf("--lang %s: stderr %q, want %q", tc.lang, stderr, tc.msg)
		}
	}
}
