//go:build !windows

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"samkoll/checklist"
	"samkoll/store"
)

// nobody is the unprivileged user the read-only cases run as when the tests
// run as root, for whom file permissions do not bind.
const nobody = 65534

// realDB writes a samkoll database with an assessment, an answer and an
// action to path.
func realDB(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateAssessment(ctx, checklist.Assessment{Unit: "Avdelning 7", Date: checklist.Date{Year: 2026, Month: 3, Day: 1},
		Areas: []checklist.AreaRef{{ID: "sam", Version: 1, Hash: "x"}}}, map[string]int{"sam": 15})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "sam", ItemID: "1", Answer: checklist.Nej, Comment: "Rutin saknas"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, What: "Ta fram rutin"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	os.Remove(path + ".lock")
}

// dirState returns every entry under dir with its mode and content, so a
// test can check that nothing was changed, added or removed.
func dirState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		v := fi.Mode().String()
		if fi.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			v += " " + string(b)
		}
		out[rel] = v
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sharedTempDir is a temporary directory the unprivileged user can enter.
func sharedTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "samkoll-rel-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.IsDir() {
				os.Chmod(p, 0o700)
			}
			return nil
		})
		os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// unprivileged returns the command prefix that runs a program as nobody
// when the test runs as root, nil when it does not run as root, and skips
// the test when it is root but cannot drop privileges.
func unprivileged(t *testing.T) []string {
	t.Helper()
	if os.Geteuid() != 0 {
		return nil
	}
	id := fmt.Sprint(nobody)
	if p, err := exec.LookPath("setpriv"); err == nil {
		cmd := []string{p, "--reuid=" + id, "--regid=" + id, "--clear-groups"}
		if exec.Command(cmd[0], append(cmd[1:], "true")...).Run() == nil {
			return cmd
		}
	}
	t.Skip("running as root and setpriv cannot switch to an unprivileged user: permissions cannot be tested")
	return nil
}

// TestBadDatabaseFiles starts the real binary on every kind of database
// file samkoll cannot use. Each gives a clear message that names the path,
// in Swedish and with --lang en in English, a non-zero exit, no stack
// trace, and leaves the file byte-identical with nothing new next to it.
// The read-only cases run as an unprivileged user when the test is root.
func TestBadDatabaseFiles(t *testing.T) {
	root := sharedTempDir(t)
	bin := buildBinary(t, root)
	tests := []struct {
		name string
		// make creates the bad file at path inside dir.
		make func(t *testing.T, dir, path string)
		// asUser runs samkoll as an unprivileged user (when root).
		asUser bool
		// sv and en are words the message must contain.
		sv, en string
	}{
		{name: "not sqlite", make: func(t *testing.T, _, p string) {
			os.WriteFile(p, []byte("Mötesanteckningar från APT\n"), 0o600)
		}, sv: "ingen samkoll-databas", en: "not a samkoll database"},
		{name: "empty file", make: func(t *testing.T, _, p string) { os.WriteFile(p, nil, 0o600) },
			sv: "ingen samkoll-databas", en: "not a samkoll database"},
		{name: "truncated in half", make: func(t *testing.T, _, p string) {
			realDB(t, p)
			fi, _ := os.Stat(p)
			os.Truncate(p, fi.Size()/2)
		}, sv: "skadad eller avkortad", en: "damaged or truncated"},
		{name: "header overwritten", make: func(t *testing.T, _, p string) {
			realDB(t, p)
			f, _ := os.OpenFile(p, os.O_RDWR, 0)
			f.WriteAt(bytes.Repeat([]byte{0}, 100), 0)
			f.Close()
		}, sv: "ingen samkoll-databas", en: "not a samkoll database"},
		{name: "newer schema", make: func(t *testing.T, _, p string) {
			realDB(t, p)
			f, _ := os.OpenFile(p, os.O_RDWR, 0)
			f.WriteAt([]byte{0, 0, 0, 99}, 60)
			f.Close()
		}, sv: "nyare version", en: "newer version"},
		{name: "directory", make: func(t *testing.T, _, p string) { os.Mkdir(p, 0o700) },
			sv: "är en mapp", en: "is a folder"},
		{name: "read-only file", asUser: true, make: func(t *testing.T, dir, p string) {
			realDB(t, p)
			chownAll(t, dir)
			os.Chmod(p, 0o400)
		}, sv: "saknar behörighet", en: "not allowed"},
		{name: "file in read-only directory", asUser: true, make: func(t *testing.T, dir, p string) {
			realDB(t, p)
			chownAll(t, dir)
			os.Chmod(dir, 0o500)
		}, sv: "saknar behörighet", en: "not allowed"},
		{name: "new file in read-only directory", asUser: true, make: func(t *testing.T, dir, p string) {
			chownAll(t, dir)
			os.Chmod(dir, 0o500)
		}, sv: "saknar behörighet", en: "not allowed"},
	}
	for _, tt := range tests {
		for _, lang := range []string{"sv", "en"} {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				var prefix []string
				if tt.asUser {
					prefix = unprivileged(t)
				}
				dir := filepath.Join(root, strings.ReplaceAll(tt.name, " ", "-")+"-"+lang, "data")
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				os.Chmod(filepath.Dir(dir), 0o755)
				path := filepath.Join(dir, "samkoll.db")
				tt.make(t, dir, path)
				before := dirState(t, dir)

				args := append(append([]string{}, prefix...), bin, "--db", path, "--lang", lang)
				cmd := exec.Command(args[0], args[1:]...)
				cmd.Env = append(os.Environ(), "HOME="+root, "XDG_CONFIG_HOME="+root, "LANG=C")
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				ee, ok := err.(*exec.ExitError)
				if !ok || ee.ExitCode() == 0 {
					t.Fatalf("samkoll did not fail with an exit code: %v\n%s", err, stderr.String())
				}
				msg := stderr.String()
				want := map[string]string{"sv": tt.sv, "en": tt.en}[lang]
				if !strings.Contains(msg, path) || !strings.Contains(msg, want) {
					t.Errorf("the message does not name %s or lacks %q:\n%s", path, want, msg)
				}
				if strings.Contains(msg, "goroutine") || strings.Contains(msg, "panic") || strings.Contains(msg, "TTY") {
					t.Errorf("the message is not for a person:\n%s", msg)
				}
				if lang == "en" && regexp.MustCompile(`(?i)\b(databasen|filen|inte|saknar)\b`).MatchString(msg) {
					t.Errorf("the English message holds Swedish:\n%s", msg)
				}
				if strings.Count(strings.TrimSpace(msg), "\n") > 2 {
					t.Errorf("the message is long:\n%s", msg)
				}
				after := dirState(t, dir)
				for name, b := range before {
					if after[name] != b {
						t.Errorf("%s was changed or removed", name)
					}
				}
				for name := range after {
					if _, ok := before[name]; !ok {
						t.Errorf("%s was left next to the database", name)
					}
				}
			})
		}
	}
}

// chownAll gives dir and what is in it to the unprivileged user, when the
// test runs as root.
func chownAll(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err == nil {
			err = os.Chown(p, nobody, nobody)
		}
		if err != nil {
			t.Fatal(err)
		}
		return nil
	})
}

// TestBrokenChecklistFileCLI puts a broken file next to a good one in the
// --checklists directory: `samkoll checklists` still lists every other
// area, names the broken file with its line, and exits 0.
func TestBrokenChecklistFileCLI(t *testing.T) {
	cliHome(t)
	dir := brokenChecklistDir(t)
	for _, lang := range []string{"sv", "en"} {
		stdout, stderr, err := runCLI(t, "--lang", lang, "checklists", "--checklists", dir)
		if err != nil {
			t.Fatalf("%s: samkoll checklists failed: %v\n%s", lang, err, stderr)
		}
		for _, id := range []string{"egen", "sam", "krankningar", "hallbarhet"} {
			if !strings.Contains(stdout, id) {
				t.Errorf("%s: area %s is not listed:\n%s", lang, id, stdout)
			}
		}
		if want := filepath.Join(dir, "trasig.yaml") + ":4"; !strings.Contains(stderr, want) {
			t.Errorf("%s: the warning does not name %s:\n%s", lang, want, stderr)
		}
	}
}

// brokenChecklistDir returns a checklist directory with one good area
// (egen) and one file with a YAML error on line 4.
func brokenChecklistDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ok, err := os.ReadFile(filepath.Join("checklist", "testdata", "lint", "ok.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ok = bytes.Replace(ok, []byte("policies: [t-1-rutin]"), []byte("policies: []"), 1)
	if err := os.WriteFile(filepath.Join(dir, "egen.yaml"), ok, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "trasig.yaml"), []byte("id: trasig\nversion: 1\ntitle:\n  sv: [oavslutad\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrokenChecklistFileTUI starts the real binary in tmux with a broken
// file in --checklists: the app starts and the status line names the file
// and the line.
func TestBrokenChecklistFileTUI(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	cl := brokenChecklistDir(t)
	link := filepath.Join(dir, "cl")
	if err := os.Symlink(cl, link); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "data", "apt.db")
	cmd := fmt.Sprintf("env HOME=%q LANG=sv_SE.UTF-8 %q --db %q --checklists %q; echo SAMKOLL-EXIT=$?; sleep 60", dir, bin, db, link)
	s := startTmux(t, 120, 30, cmd)
	s.waitFor("Här finns inga")
	s.waitFor("trasig.yaml:4")
	s.keys("C-c")
	s.waitFor("SAMKOLL-EXIT=0")
}

// TestMalformedJSONImport imports JSON with a syntax error and with a
// wrong type: the error names the file, the line and the column, and the
// database file is unchanged.
func TestMalformedJSONImport(t *testing.T) {
	home := cliHome(t)
	db, _ := testDB(t)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, body, where string }{
		{"syntax", "{\n  \"format\": \"samkoll\",\n  \"version\": 1,\n  \"assessments\": [ { \"unit\": \"A\" ,, } ]\n}\n", ".json:4:"},
		{"type", "{\n  \"format\": \"samkoll\",\n  \"version\": 1,\n  \"assessments\": [\n    {\"unit\": 3}\n  ]\n}\n", ".json:5:"},
		{"cut off", "{\n  \"format\": \"samkoll\",\n  \"version\": 1,\n  \"assessments\": [\n", ".json:5:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(home, tt.name+".json")
			if err := os.WriteFile(path, []byte(tt.body), 0o600); err != nil {
				t.Fatal(err)
			}
			_, _, err := runCLI(t, "--db", db, "import", path)
			if err == nil {
				t.Fatal("a malformed file was imported")
			}
			if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, tt.where) || !strings.Contains(msg, "Ingenting har ändrats") {
				t.Errorf("error %q does not name %s and %q", msg, path, tt.where)
			}
			after, _ := os.ReadFile(db)
			if !bytes.Equal(before, after) {
				t.Error("a failed import changed the database file")
			}
		})
	}
}

// TestHostileTextInMarkdownExport stores hostile text in every free-text
// field and exports the plan through the real command: every table row
// keeps the cell count of its header, and no control character other than
// newline reaches the file.
func TestHostileTextInMarkdownExport(t *testing.T) {
	cliHome(t)
	hostile := []string{
		"Avd \x1b]0;pwned\x07 7", "Rutin\x1b[2J\x1b[H saknas", "kopiera \x1b]52;c;cm0gLXJmIH4=\x07 detta",
		"a\rb\bc\x00d\x7fe\u009b2Jf\u0085g\ttab\nny rad\r\n| nej |", strings.Repeat("lång ", 20000),
		"datum \u202e2026-01-31\u202c \u2067שלום\u2069", "👩‍👩‍👧‍👦 e\u0301 | a | b |",
		"| x |\n# rubrik <script>alert(1)</script> **fet** [l](javascript:x) `k` <!-- c --> ---",
	}
	cat, errs := checklist.Load(os.DirFS("assets"), "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	area := cat.Areas[0]
	ctx := context.Background()
	for i, text := range hostile {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "samkoll.db")
			s, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := s.CreateAssessment(ctx, checklist.Assessment{Unit: text, Date: checklist.Date{Year: 2026, Month: 3, Day: 1},
				Participants: text, Areas: []checklist.AreaRef{{ID: area.ID, Version: area.Version, Hash: area.Hash}}},
				map[string]int{area.ID: len(area.Items)})
			if err != nil {
				t.Fatal(err)
			}
			it0, it1 := area.Items[0], area.Items[1]
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			must(s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: area.ID, ItemID: it0.ID, Answer: checklist.Nej, Comment: text,
				Risk: &checklist.Risk{Probability: 4, Consequence: 4, Level: checklist.MycketHog, Note: text}}))
			must(s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: area.ID, ItemID: it1.ID, Answer: checklist.EjAktuellt, Reason: text}))
			_, err = s.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: area.ID, ItemID: it0.ID,
				Risk: text, What: text, Who: text, Due: checklist.Date{Year: 2026, Month: 3, Day: 20}, Status: checklist.Klar,
				DoneOn: checklist.Date{Year: 2026, Month: 3, Day: 10}, CheckedOn: checklist.Date{Year: 2026, Month: 3, Day: 12}, Effect: text})
			must(err)
			_, err = s.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, Risk: text, What: text, Who: text})
			must(err)
			must(s.Close())

			for _, lang := range []string{"sv", "en"} {
				md, stderr, err := runCLI(t, "--db", path, "--lang", lang, "export", fmt.Sprint(a.ID))
				if err != nil {
					t.Fatalf("export: %v\n%s", err, stderr)
				}
				checkMarkdown(t, md)
			}
		})
	}
}

// checkMarkdown fails when md holds a control character other than
// newline, or a table row whose cell count differs from its header's.
func checkMarkdown(t *testing.T, md string) {
	t.Helper()
	for i, r := range md {
		if r != '\n' && (unicode.IsControl(r) || r == '\u202e' || r == '\u2067' || r == '\u2069') {
			t.Errorf("control %U in the export near %q", r, md[max(i-20, 0):min(i+20, len(md))])
			return
		}
	}
	header := -1
	for n, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = -1
			continue
		}
		cells := tableCells(line)
		if header < 0 {
			header = cells
			continue
		}
		if cells != header {
			t.Errorf("line %d has %d cells, its table %d: %.120q", n+1, cells, header, line)
		}
	}
}

// tableCells counts the cells of a markdown table row: the pipes that are
// not escaped with a backslash, minus one.
func tableCells(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n - 1
}
