//go:build !windows

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"samkoll/checklist"
	"samkoll/store"
)

// hostileUnits are unit names that try to reach the terminal: an OSC 52
// clipboard write, a screen clear, C1 controls, a byte order mark, bidi
// and zero-width characters and a line separator.
var hostileUnits = []string{
	"Avd \x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J 1",
	"\ufeffAvd\u0085 \u009b31m2\u202e\u200b\u2028 B",
}

// runSamkoll runs the binary through sh with prefix before it (a ulimit,
// say), with HOME and XDG_CONFIG_HOME at home and Swedish messages, under
// a 60 s watchdog: a hang fails the test instead of stalling it. It
// returns stdout, stderr and the exit code.
func runSamkoll(t *testing.T, prefix, home, bin string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", append([]string{"-c", prefix + ` exec "$0" "$@"`, bin}, args...)...)
	cmd.Env = []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "LANG=sv_SE.UTF-8", "PATH=" + os.Getenv("PATH")}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("samkoll %s: still running after 60 s", strings.Join(args, " "))
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// runBin runs the binary with HOME at home; see runSamkoll.
func runBin(t *testing.T, bin, home string, args ...string) (string, string, int) {
	t.Helper()
	return runSamkoll(t, "", home, bin, args...)
}

// checkTerminalSafe fails when out holds an escape, a control character
// (other than a line break) or an invisible format character.
func checkTerminalSafe(t *testing.T, what, out string) {
	t.Helper()
	if r, i, ok := checklist.Unsafe(out); ok || strings.Contains(out, "\t") {
		t.Errorf("%s holds %U at byte %d: %q", what, r, i, out)
	}
}

// TestHostileTextOnCLIOutput runs the real binary on a checklist whose
// title holds an OSC 52 clipboard write and a screen clear, a checklist
// file whose name holds an escape, and a database whose unit names hold
// escapes, C1 controls, a BOM, bidi and zero-width characters. lint
// refuses the title; no command prints any of it raw on stdout or stderr,
// and the JSON export escapes it but keeps the data.
func TestHostileTextOnCLIOutput(t *testing.T) {
	dir := t.TempDir()
	bin := hostileBinary(t)
	home := filepath.Join(dir, "home")
	cl := filepath.Join(dir, "cl")
	for _, d := range []string{home, cl} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	ok, err := os.ReadFile(filepath.Join("checklist", "testdata", "lint", "ok.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ok = bytes.Replace(ok, []byte("policies: [t-1-rutin]"), []byte("policies: []"), 1)
	evilTitle := bytes.Replace(ok, []byte("sv: Eget område"), []byte(`sv: "Eget \e]52;c;cm0gLXJmIH4=\a\e[2J område"`), 1)
	evilTitle = bytes.Replace(evilTitle, []byte("id: egen"), []byte("id: elak"), 1)
	titleFile := filepath.Join(cl, "titel.yaml")
	if err := os.WriteFile(titleFile, evilTitle, 0o600); err != nil {
		t.Fatal(err)
	}
	nameFile := filepath.Join(cl, "namn\x1b]0;pwned\x07\u202e.yaml")
	if err := os.WriteFile(nameFile, ok, 0o600); err != nil {
		t.Fatal(err)
	}

	// lint names the field and fails.
	stdout, stderr, code := runBin(t, bin, home, "checklists", "lint", titleFile)
	if code == 0 || !strings.Contains(stdout, "title.sv") || !strings.Contains(stdout, "styrtecken") {
		t.Errorf("lint of a title with escapes: exit %d\n%s%s", code, stdout, stderr)
	}
	checkTerminalSafe(t, "lint stdout", stdout)
	checkTerminalSafe(t, "lint stderr", stderr)

	// Control characters written raw into the file, not as escapes: the
	// YAML reader refused them in English without a place.
	for i, raw := range []string{"\x1b]52;c;cm0gLXJmIH4=\a\x1b[2J", "\u009b31m"} {
		f := filepath.Join(dir, fmt.Sprintf("raw%d.yaml", i))
		if err := os.WriteFile(f, bytes.Replace(ok, []byte("sv: Eget område"), []byte("sv: Eget "+raw+" område"), 1), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"sv", "en"} {
			stdout, stderr, code := runBin(t, bin, home, "--lang", lang, "checklists", "lint", f)
			want := map[string]string{"sv": ":6:12: här står ett styrtecken", "en": ":6:12: a control character"}[lang]
			if code == 0 || !strings.Contains(stdout, f+want) || strings.Contains(stdout, "not allowed") {
				t.Errorf("lint --lang %s of a raw %q: exit %d\n%s%s", lang, raw, code, stdout, stderr)
			}
			checkTerminalSafe(t, "lint stdout", stdout)
		}
	}

	// The listing shows the good area from the oddly named file, skips
	// the hostile title with a warning, and prints nothing raw.
	stdout, stderr, code = runBin(t, bin, home, "--checklists", cl, "checklists")
	if code != 0 || !strings.Contains(stdout, "egen") || strings.Contains(stdout, "\nelak ") || !strings.Contains(stderr, "titel.yaml") {
		t.Errorf("checklists: exit %d\n%q\n%q", code, stdout, stderr)
	}
	checkTerminalSafe(t, "checklists stdout", stdout)
	checkTerminalSafe(t, "checklists stderr", stderr)

	// Units with hostile names.
	db := filepath.Join(dir, "s.db")
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range hostileUnits {
		a, err := s.CreateAssessment(ctx, checklist.Assessment{Unit: u, Date: checklist.Date{Year: 2026, Month: 3, Day: 1 + i},
			Participants: u, Areas: []checklist.AreaRef{{ID: "sam", Version: 1, Hash: "x"}}}, map[string]int{"sam": 15})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, What: u, Who: u}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", "--open", "--unit", "finns-inte"},
		{"export", "--open"},
		{"export"},
		{"export", "--format", "json", "--all"},
		{"export", "--format", "json", "1"},
	} {
		stdout, stderr, _ := runBin(t, bin, home, append([]string{"--db", db}, args...)...)
		name := strings.Join(args, " ")
		checkTerminalSafe(t, name+" stdout", stdout)
		checkTerminalSafe(t, name+" stderr", stderr)
		if args[0] == "export" && len(args) > 1 && args[1] == "--open" && len(args) == 4 && !strings.Contains(stderr, "Avd") {
			t.Errorf("%s: the units are not listed: %q", name, stderr)
		}
		// A unit's name is one line of a message: its line separator
		// does not break it.
		if (len(args) == 1 || len(args) == 4) && strings.Count(strings.TrimSuffix(stderr, "\n"), "\n") != 0 {
			t.Errorf("%s: a one-line message is broken over lines: %q", name, stderr)
		}
	}

	// The JSON keeps the names exactly: import them into a new database.
	stdout, _, code = runBin(t, bin, home, "--db", db, "export", "--format", "json", "--all")
	if code != 0 {
		t.Fatalf("json export: exit %d", code)
	}
	js := filepath.Join(dir, "all.json")
	if err := os.WriteFile(js, []byte(stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	db2 := filepath.Join(dir, "t.db")
	if out, errOut, code := runBin(t, bin, home, "--db", db2, "import", js); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	s2, err := store.OpenReadOnly(ctx, db2)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	units, err := s2.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, u := range units {
		got[u.Name] = true
	}
	for _, u := range hostileUnits {
		if u = strings.TrimSpace(u); !got[u] {
			t.Errorf("unit %q did not survive export and import; got %v", u, got)
		}
	}
}

// sharedBin is the samkoll binary the hostile-input tests share, built
// once per test process: building it for each test costs more than the
// tests themselves on a busy machine. TestMain removes it.
var sharedBin struct {
	sync.Once
	path string
	err  error
}

// hostileBinary returns the shared binary, building it on first use.
func hostileBinary(t *testing.T) string {
	t.Helper()
	sharedBin.Do(func() {
		dir, err := os.MkdirTemp("", "samkoll-bin-")
		if err != nil {
			sharedBin.err = err
			return
		}
		sharedBin.path = filepath.Join(dir, "samkoll")
		out, err := exec.Command("go", "build", "-o", sharedBin.path, ".").CombinedOutput()
		if err != nil {
			sharedBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if sharedBin.err != nil {
		t.Fatal(sharedBin.err)
	}
	return sharedBin.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedBin.path != "" {
		os.RemoveAll(filepath.Dir(sharedBin.path))
	}
	os.Exit(code)
}

// personnummerForms are the ways a personnummer is typed or pasted that
// the check must find: with and without century, a space, a spaced dash,
// an en dash, U+2010, a zero-width space inside, full-width digits, pairs.
var personnummerForms = []string{
	"811218-9876", "19811218-9876", "8112189876",
	"811218 9876", "19811218 9876", "811218 - 9876", "811218–9876", "811218\u20109876",
	"811218-98\u200b76", "８１１２１８-９８７６", "81 12 18-98 76",
}

// pnDB writes a database with one assessment whose every free-text field
// holds safe text except field, which holds text; it returns the path.
func pnDB(t *testing.T, dir, field, text string) string {
	t.Helper()
	v := func(f, safe string) string {
		if f == field {
			return safe + " " + text
		}
		return safe
	}
	db := filepath.Join(dir, "pn.db")
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	date := checklist.Date{Year: 2026, Month: 3, Day: 1}
	a, err := s.CreateAssessment(ctx, checklist.Assessment{Unit: v("unit", "Avdelning 7"), Date: date, Participants: v("participants", "chef, 9 medarbetare"),
		Areas: []checklist.AreaRef{{ID: "sam", Version: 2}}}, map[string]int{"sam": 15})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []checklist.Response{
		{AreaID: "sam", ItemID: "staende-punkt", Answer: checklist.Nej, Comment: v("comment", "Rutin saknas"),
			Risk: &checklist.Risk{Probability: 3, Consequence: 3, Note: v("risk note", "Sannolikt")}},
		{AreaID: "sam", ItemID: "arbetsmiljopolicy", Answer: checklist.EjAktuellt, Reason: v("reason", "Gäller inte oss")},
	} {
		if err := s.SaveResponse(ctx, a.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SaveOwnItem(ctx, checklist.OwnItem{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: checklist.OwnArea,
		Statement: v("own item", "Vi hinner äta lunch"), Since: date}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: "sam", ItemID: "staende-punkt",
		Risk: v("risk", "Ingen rutin"), What: v("what", "Ta fram rutin"), Who: v("who", "Chefen"), Effect: v("effect", "Bättre")}); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestPersonnummerInEveryField puts every form of personnummer in every
// free-text field of an assessment in turn (the unit, the participants, a
// comment, a reason, a risk note, an own item, and an action's risk,
// measure, responsible and effect) and exports it with the real binary:
// each export is refused with a message that names the field and does
// not repeat the number. Ordinary numbers in every field do not stop it.
func TestPersonnummerInEveryField(t *testing.T) {
	bin := hostileBinary(t)
	home := t.TempDir()
	fields := map[string]string{
		"unit": "enhet", "participants": "deltagare", "comment": "kommentar", "reason": "skäl", "risk note": "kommentar om risken",
		"own item": "egen punkt", "risk": "risk", "what": "åtgärd", "who": "ansvarig", "effect": "effekt",
	}
	for field, label := range fields {
		t.Run(field, func(t *testing.T) {
			for _, form := range personnummerForms {
				db := pnDB(t, t.TempDir(), field, form)
				stdout, stderr, code := runBin(t, bin, home, "--db", db, "export", "1")
				if code == 0 || !strings.Contains(stderr, "personnummer") || !strings.Contains(stderr, label) {
					t.Errorf("%q in the %s: exit %d\n%.300s", form, field, code, stderr)
				}
				if strings.Contains(stdout+stderr, form) {
					t.Errorf("%q in the %s: the output repeats it", form, field)
				}
			}
		})
	}
	t.Run("ordinary numbers", func(t *testing.T) {
		for field := range fields {
			for _, text := range []string{"070-123 45 67", "faktura 4711-0815", "2026-03-14", "811218-9875", "12 000 kr"} {
				db := pnDB(t, t.TempDir(), field, text)
				if _, stderr, code := runBin(t, bin, home, "--db", db, "export", "1"); code != 0 {
					t.Errorf("%q in the %s: exit %d: %s", text, field, code, stderr)
				}
			}
		}
	})
}
