package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"samkoll/assets"
	"samkoll/checklist"
	"samkoll/store"
	"samkoll/tui"
)

// cliHome gives the test its own home and config directory, so that no
// template or checklist of the machine's user is read. Windows takes them
// from %USERPROFILE%, %AppData% and %LocalAppData% instead; they are set to
// the same folders.
func cliHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	if runtime.GOOS == "windows" {
		t.Setenv("USERPROFILE", home)
		t.Setenv("APPDATA", filepath.Join(home, ".config"))
		t.Setenv("LOCALAPPDATA", filepath.Join(home, ".local", "share"))
	}
	return home
}

// configDir is the samkoll config folder samkoll uses under cliHome:
// ~/.config/samkoll on Linux and Windows (see cliHome),
// ~/Library/Application Support/samkoll on macOS.
func configDir(t *testing.T) string {
	t.Helper()
	d, err := os.UserConfigDir()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(d, "samkoll")
}

// wantPrivate checks that an exported file is the user's only: mode 0600
// on Unix. Windows has no modes; there the file inherits the access list
// of its folder in the user's profile, and Go reports 0666 for a file
// that is not read-only.
func wantPrivate(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	want := os.FileMode(0o600)
	if runtime.GOOS == "windows" {
		want = 0o666
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", path, got, want)
	}
}

func mustDate(t *testing.T, s string) checklist.Date {
	t.Helper()
	d, err := checklist.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// testDB creates a database with two assessments of the unit "Avd 7 | Kirurgi":
// an earlier one with an open serious action and a newer one with a
// shortcoming, a comment and an action. It returns the path and the newer
// assessment's id.
func testDB(t *testing.T) (string, int64) {
	t.Helper()
	ctx := context.Background()
	cat, errs := checklist.Load(os.DirFS("assets"), "")
	if len(errs) > 0 {
		t.Fatalf("built-in checklists: %v", errs)
	}
	area := cat.Areas[0]
	item := area.Items[0]
	path := filepath.Join(t.TempDir(), "samkoll.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	counts := map[string]int{area.ID: len(area.Items)}
	ref := []checklist.AreaRef{{ID: area.ID, Version: area.Version, Hash: area.Hash}}
	old, err := s.CreateAssessment(ctx, checklist.Assessment{Unit: "Avd 7 | Kirurgi", Date: mustDate(t, "2025-10-01"), Areas: ref}, counts)
	if err != nil {
		t.Fatal(err)
	}
	r := checklist.Response{AreaID: area.ID, ItemID: item.ID, Answer: checklist.Nej, Risk: &checklist.Risk{Probability: 4, Consequence: 4, Level: checklist.MycketHog}}
	if err := s.SaveResponse(ctx, old.ID, r); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAction(ctx, checklist.Action{UnitID: old.UnitID, AssessmentID: old.ID, AreaID: area.ID, ItemID: item.ID,
		Risk: item.Problem.SV, What: "Gammal åtgärd som pågår", Who: "Chef", Due: mustDate(t, "2025-12-01"), Status: checklist.Pagar}); err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateAssessment(ctx, checklist.Assessment{Unit: "Avd 7 | Kirurgi", Date: mustDate(t, "2026-02-10"),
		Participants: "Chef, 6 medarbetare", SafetyRepPresent: true, Areas: ref}, counts)
	if err != nil {
		t.Fatal(err)
	}
	r2 := checklist.Response{AreaID: area.ID, ItemID: area.Items[1].ID, Answer: checklist.Delvis, Comment: "Kommentar\x1b[31m med färg",
		Risk: &checklist.Risk{Probability: 2, Consequence: 2, Level: checklist.Medel}}
	if err := s.SaveResponse(ctx, a.ID, r2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: area.ID, ItemID: area.Items[1].ID,
		Risk: area.Items[1].Problem.SV, What: "Ny åtgärd", Who: "Skyddsombud", Due: mustDate(t, "2026-04-01")}); err != nil {
		t.Fatal(err)
	}
	return path, a.ID
}

func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string {
		if k == "LANG" {
			return "sv_SE.UTF-8"
		}
		return ""
	}
	err := runWith(context.Background(), append([]string{"samkoll"}, args...), &out, &errb, getenv)
	return out.String(), errb.String(), err
}

func isUsage(err error) bool {
	var ue *usageError
	return errors.As(err, &ue)
}

func TestExportArgumentErrors(t *testing.T) {
	cliHome(t)
	db, _ := testDB(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"not a number", []string{"export", "abc"}, `"abc" är inget bedömnings-ID`},
		{"negative", []string{"export", "--", "-3"}, `"-3" är inget bedömnings-ID`},
		{"two ids", []string{"export", "1", "2"}, "högst ett ID"},
		{"format", []string{"export", "--format", "pdf"}, `--format "pdf"`},
		{"open with id", []string{"export", "--open", "1"}, "--open kan inte"},
		{"open json", []string{"export", "--open", "--format", "json"}, "--open skriver bara markdown"},
		{"unit without open", []string{"export", "--unit", "X"}, "--unit gäller bara"},
		{"all with id", []string{"export", "--all", "--format", "json", "1"}, "antingen ett ID eller --all"},
		{"all markdown", []string{"export", "--all"}, "--all gäller bara --format json"},
		{"unknown flag", []string{"export", "--pdf"}, "okänd flagga"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runCLI(t, append([]string{"--db", db}, tc.args...)...)
			if !isUsage(err) {
				t.Fatalf("err = %v, want a usage error", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %q, want it to contain %q", err, tc.want)
			}
		})
	}
	_, _, err := runCLI(t, "--lang", "en", "--db", db, "export", "x1")
	if err == nil || !strings.Contains(err.Error(), `"x1" is not an assessment ID`) {
		t.Errorf("English error = %v", err)
	}
}

func TestExportUnknownIDAndMissingDB(t *testing.T) {
	home := cliHome(t)
	db, _ := testDB(t)
	_, _, err := runCLI(t, "--db", db, "export", "999")
	if err == nil || isUsage(err) || !strings.Contains(err.Error(), "ingen bedömning med ID 999") {
		t.Errorf("unknown id: err = %v", err)
	}
	_, _, err = runCLI(t, "--db", db, "export", "--format", "json", "999")
	if err == nil || !strings.Contains(err.Error(), "999") {
		t.Errorf("unknown id, json: err = %v", err)
	}
	missing := filepath.Join(home, "finns-inte.db")
	_, _, err = runCLI(t, "--db", missing, "export")
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing db: err = %v", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Error("export created a database")
	}
	garbage := filepath.Join(home, "skräp.db")
	os.WriteFile(garbage, []byte("inte en databas"), 0o600)
	_, stderr, err := runCLI(t, "--db", garbage, "export")
	if !errors.Is(err, errSilent) || !strings.Contains(stderr, garbage) {
		t.Errorf("garbage db: err = %v, stderr = %q", err, stderr)
	}
}

func TestExportMarkdown(t *testing.T) {
	cliHome(t)
	db, id := testDB(t)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := runCLI(t, "--db", db, "export")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "senaste bedömningen") {
		t.Errorf("stderr does not say which assessment: %q", stderr)
	}
	for _, want := range []string{
		`Avd 7 \| Kirurgi`, "2026-02-10", "Chef, 6 medarbetare", "Ny åtgärd", "Kommentar med färg",
		"Gammal åtgärd som pågår", "2025-10-01", "**Ja** (Mycket hög)", "Pågår (försenad)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the export lacks %q", want)
		}
	}
	if strings.Contains(stdout, "\x1b") {
		t.Error("an escape sequence reached the export")
	}
	byID, _, err := runCLI(t, "--db", db, "export", "--lang", "sv", itoa(id))
	if err != nil || byID != stdout {
		t.Errorf("export by id differs from the newest export (err %v)", err)
	}
	out := filepath.Join(t.TempDir(), "plan.md")
	if _, _, err := runCLI(t, "--db", db, "export", itoa(id), "-o", out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil || string(got) != stdout {
		t.Errorf("-o wrote different content (err %v)", err)
	}
	wantPrivate(t, out)
	en, _, err := runCLI(t, "--db", db, "--lang", "en", "export")
	if err != nil || !strings.Contains(en, "Action plan") || strings.Contains(en, "Handlingsplan") {
		t.Errorf("English export wrong (err %v)", err)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("export changed the database file")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestExportOpen(t *testing.T) {
	cliHome(t)
	db, _ := testDB(t)
	stdout, _, err := runCLI(t, "--db", db, "export", "--open")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"alla enheter", "Gammal åtgärd som pågår", "Ny åtgärd", "**Ja** (Mycket hög)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("--open lacks %q:\n%s", want, stdout)
		}
	}
	one, _, err := runCLI(t, "--db", db, "export", "--open", "--unit", "avd 7 | kirurgi")
	if err != nil || !strings.Contains(one, "Ny åtgärd") {
		t.Errorf("--unit (case-insensitive) failed: %v", err)
	}
	_, _, err = runCLI(t, "--db", db, "export", "--open", "--unit", "Okänd")
	if err == nil || !strings.Contains(err.Error(), `"Okänd" finns inte`) || !strings.Contains(err.Error(), "Avd 7 | Kirurgi") {
		t.Errorf("unknown unit: err = %v", err)
	}
}

func TestExportBrokenTemplateFallsBack(t *testing.T) {
	cliHome(t)
	db, _ := testDB(t)
	want, _, err := runCLI(t, "--db", db, "export")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(configDir(t), "templates")
	os.MkdirAll(dir, 0o700)
	tmpl := filepath.Join(dir, "handlingsplan.md.tmpl")
	if err := os.WriteFile(tmpl, []byte("# {{.Unit}}\n\n{{.Unit | saknas}}\n\nmer text\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, stderr, err := runCLI(t, "--db", db, "export")
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Error("a broken template did not fall back to the built-in one")
	}
	if !strings.Contains(stderr, tmpl+":3:") || !strings.Contains(stderr, "inbyggda mallen") {
		t.Errorf("stderr does not name the file and line: %q", stderr)
	}
	if err := os.WriteFile(tmpl, []byte("Egen mall för {{.Unit}}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, _, _ = runCLI(t, "--db", db, "export")
	if got != "Egen mall för Avd 7 \\| Kirurgi\n" {
		t.Errorf("the override was not used: %q", got)
	}
}

func TestExportJSONAndImport(t *testing.T) {
	cliHome(t)
	db, id := testDB(t)
	all := filepath.Join(t.TempDir(), "alla.json")
	if _, _, err := runCLI(t, "--db", db, "export", "--all", "--format", "json", "-o", all); err != nil {
		t.Fatal(err)
	}
	one, _, err := runCLI(t, "--db", db, "export", "--format", "json", itoa(id))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(one), &v); err != nil {
		t.Fatalf("json export is not JSON: %v", err)
	}

	fresh := filepath.Join(t.TempDir(), "ny.db")
	stdout, _, err := runCLI(t, "--db", fresh, "import", all)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "bedömningar: 2 nya") {
		t.Errorf("first import: %q", stdout)
	}
	stdout, _, err = runCLI(t, "--db", fresh, "import", all)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "0 nya, 0 uppdaterade, 2 fanns redan") || !strings.Contains(stdout, "ingenting ändrades") {
		t.Errorf("second import: %q", stdout)
	}
	re, _, err := runCLI(t, "--db", fresh, "export")
	if err != nil || !strings.Contains(re, "Ny åtgärd") {
		t.Errorf("imported data does not export: %v", err)
	}
}

func TestImportErrors(t *testing.T) {
	home := cliHome(t)
	db, _ := testDB(t)
	before, _ := os.ReadFile(db)
	_, _, err := runCLI(t, "--db", db, "import")
	if !isUsage(err) {
		t.Errorf("no file: err = %v, want usage error", err)
	}
	missing := filepath.Join(home, "saknas.json")
	_, _, err = runCLI(t, "--db", db, "import", missing)
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: err = %v", err)
	}
	bad := filepath.Join(home, "trasig.json")
	os.WriteFile(bad, []byte(`{"format": "samkoll", "version": 1, "assessments": [{"unit": 3}]}`), 0o600)
	_, _, err = runCLI(t, "--db", db, "import", bad)
	if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "Ingenting har ändrats") {
		t.Errorf("bad file: err = %v", err)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("a failed import changed the database file")
	}
}

func TestFileExporter(t *testing.T) {
	// DocumentsDir's own test covers the folder Windows names.
	x, home, id := readOnlyTestExporter(t)
	ctx := context.Background()
	e := x.e
	export := func(id int64) (string, error) {
		r, err := x.ExportAssessment(ctx, id, tui.ExportRequest{})
		return r.Path, err
	}

	path, err := export(id)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(home, "samkoll-export", "handlingsplan-avd-7-kirurgi-2026-02-10.md")
	if path != want {
		t.Errorf("path %s, want %s", path, want)
	}
	os.MkdirAll(filepath.Join(home, "Documents"), 0o700)
	path, err = export(id)
	if err != nil {
		t.Fatal(err)
	}
	want = filepath.Join(home, "Documents", "samkoll", "handlingsplan-avd-7-kirurgi-2026-02-10.md")
	if path != want {
		t.Errorf("path %s, want %s", path, want)
	}
	first, _ := os.ReadFile(path)
	if !strings.Contains(string(first), "Ny åtgärd") {
		t.Error("the file lacks the plan")
	}
	wantPrivate(t, path)
	// The same unit and date overwrite the same file; no temporary files
	// are left behind.
	if again, err := export(id); err != nil || again != path {
		t.Errorf("second export: %s, %v", again, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("%d files in the export directory, want 1", len(entries))
	}
	// A localized documents directory from user-dirs.dirs wins.
	os.MkdirAll(filepath.Join(home, "Dokument"), 0o700)
	os.MkdirAll(filepath.Join(home, ".config"), 0o700)
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n"), 0o600)
	wantDir := filepath.Join(home, "Dokument", "samkoll")
	if runtime.GOOS == "windows" {
		// Windows has no user-dirs.dirs: Documents stays.
		wantDir = filepath.Join(home, "Documents", "samkoll")
	}
	if path, err = export(id); err != nil || !strings.HasPrefix(path, wantDir) {
		t.Errorf("user-dirs: %s, %v; want it in %s", path, err, wantDir)
	}
	if _, err := export(4242); err == nil || !strings.Contains(err.Error(), "4242") {
		t.Errorf("unknown id: %v", err)
	}
	// A broken template is reported through Warning, not on stderr.
	e.configDir = filepath.Join(home, "cfg")
	os.MkdirAll(filepath.Join(e.configDir, "templates"), 0o700)
	os.WriteFile(filepath.Join(e.configDir, "templates", "handlingsplan.md.tmpl"), []byte("{{end}}"), 0o600)
	r, err := x.ExportAssessment(ctx, id, tui.ExportRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Warning == nil || e.stderr.(*bytes.Buffer).Len() != 0 {
		t.Errorf("warning %v, stderr %q", r.Warning, e.stderr)
	}
}

func TestExportHTMLAndShort(t *testing.T) {
	cliHome(t)
	db, id := testDB(t)
	html, _, err := runCLI(t, "--db", db, "export", "--format", "html", itoa(id))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="sv">`, "Avd 7 | Kirurgi", "Protokollsutdrag", "Bilaga: Riskbedömning och handlingsplan", "De innehåller inga namn"} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML export lacks %q", want)
		}
	}
	if strings.Contains(html, `\|`) || strings.Contains(html, "**") {
		t.Error("the HTML export holds markdown escapes")
	}
	full, _, _ := runCLI(t, "--db", db, "export", itoa(id))
	short, _, err := runCLI(t, "--db", db, "export", "--short", itoa(id))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(short, "Protokollsutdrag") || strings.Contains(short, "Bilaga") || len(short) >= len(full) {
		t.Errorf("--short is not the extract alone:\n%s", short)
	}
	enShort, _, err := runCLI(t, "--db", db, "--lang", "en", "export", "--short", "--format", "html", itoa(id))
	if err != nil || !strings.Contains(enShort, `<html lang="en">`) || strings.Contains(enShort, "Appendix") {
		t.Errorf("English short HTML wrong (err %v)", err)
	}
	for _, args := range [][]string{{"--short", "--open"}, {"--short", "--format", "json"}, {"--open", "--format", "html"}} {
		if _, _, err := runCLI(t, append([]string{"--db", db, "export"}, args...)...); !isUsage(err) {
			t.Errorf("%v: err %v, want a usage error", args, err)
		}
	}
}

func TestExportRefusesPersonnummer(t *testing.T) {
	cliHome(t)
	db, id := testDB(t)
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.LoadAssessment(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var r checklist.Response
	for _, r = range a.Responses {
	}
	r.Comment = "Gäller 811218-9876"
	if err := s.SaveResponse(ctx, id, r); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out := filepath.Join(t.TempDir(), "plan.html")
	_, stderr, err := runCLI(t, "--db", db, "export", "--format", "html", "-o", out, itoa(id))
	if err == nil {
		t.Fatal("a plan with a personnummer was written without --allow-personal-data")
	}
	if _, statErr := os.Stat(out); statErr == nil {
		t.Error("the file was written")
	}
	if !strings.Contains(stderr, "punkt 2: kommentar") || strings.Contains(stderr, "811218-9876") {
		t.Errorf("the warning does not name the item (or repeats the number): %q", stderr)
	}
	if !strings.Contains(err.Error(), "--allow-personal-data") || !strings.Contains(err.Error(), "på ett ställe liknar ett personnummer. Ta bort det") {
		t.Errorf("the error does not say in good Swedish what to do about the one place: %v", err)
	}
	stdout, stderr, err := runCLI(t, "--db", db, "export", "--allow-personal-data", itoa(id))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stdout, "inga namn och inga enskilda ärenden") || !strings.Contains(stdout, "liknar ett personnummer") {
		t.Error("the written plan still claims to hold no individual cases")
	}
	if !strings.Contains(stderr, "varning") {
		t.Errorf("no warning with --allow-personal-data: %q", stderr)
	}
}

// TestExportNamesFullPath: after -o the full path of the file is shown,
// also when -o was relative.
func TestExportNamesFullPath(t *testing.T) {
	cliHome(t)
	db, _ := testDB(t)
	dir := t.TempDir()
	t.Chdir(dir)
	_, stderr, err := runCLI(t, "--db", db, "export", "-o", "plan.md")
	if err != nil {
		t.Fatal(err)
	}
	abs := filepath.Join(dir, "plan.md")
	if !strings.Contains(stderr, "skrev "+abs+"\n") {
		t.Errorf("stderr %q does not name %s", stderr, abs)
	}
	if _, err := os.Stat(abs); err != nil {
		t.Error(err)
	}
}

// TestFileMessages: a file or folder that is not there gives a sentence in
// the chosen language that names it and says what to do, not the system's
// words ("mkdir …: not a directory", "open …: no such file or directory").
func TestFileMessages(t *testing.T) {
	cliHome(t)
	db, _ := testDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "fil")
	os.WriteFile(file, []byte("x"), 0o600)
	tests := []struct {
		args   []string
		sv, en string
	}{
		{[]string{"import", filepath.Join(dir, "saknas.json")}, "Filen " + filepath.Join(dir, "saknas.json") + " finns inte", "does not exist"},
		{[]string{"import", filepath.Join(dir, "nej", "data.json")}, "Mappen " + filepath.Join(dir, "nej") + " finns inte", "The folder " + filepath.Join(dir, "nej") + " does not exist"},
		{[]string{"export", "-o", filepath.Join(dir, "nej", "plan.md")}, "Mappen " + filepath.Join(dir, "nej") + " finns inte", "Create the folder"},
	}
	for _, tt := range tests {
		for _, lang := range []string{"sv", "en"} {
			_, stderr, err := runCLI(t, append([]string{"--db", db, "--lang", lang}, tt.args...)...)
			if err == nil {
				t.Errorf("%v: no error", tt.args)
				continue
			}
			msg := err.Error() + stderr
			want := map[string]string{"sv": tt.sv, "en": tt.en}[lang]
			if !strings.Contains(msg, want) {
				t.Errorf("%v %s: %q lacks %q", tt.args, lang, msg, want)
			}
			for _, raw := range []string{"no such file", "not a directory", "mkdir", "open "} {
				if strings.Contains(msg, raw) {
					t.Errorf("%v %s: the system's words %q in %q", tt.args, lang, raw, msg)
				}
			}
		}
	}
}

func TestAppExportFormsAndPersonalData(t *testing.T) {
	home := cliHome(t)
	db, id := testDB(t)
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	newExporter := func(lang checklist.Lang) *lazyExporter { return testExporter(s, home, lang) }
	dir := filepath.Join(home, "samkoll-export")
	for _, tc := range []struct {
		lang checklist.Lang
		req  tui.ExportRequest
		file string
		text bool
	}{
		{checklist.Swedish, tui.ExportRequest{HTML: true}, "handlingsplan-avd-7-kirurgi-2026-02-10.html", false},
		{checklist.English, tui.ExportRequest{}, "action-plan-avd-7-kirurgi-2026-02-10.md", false},
		{checklist.Swedish, tui.ExportRequest{Copy: true}, "protokollsutdrag-avd-7-kirurgi-2026-02-10.md", true},
		{checklist.English, tui.ExportRequest{Copy: true}, "minutes-extract-avd-7-kirurgi-2026-02-10.md", true},
	} {
		res, err := newExporter(tc.lang).ExportAssessment(ctx, id, tc.req)
		if err != nil {
			t.Fatal(err)
		}
		if res.Path != filepath.Join(dir, tc.file) {
			t.Errorf("%v %+v: path %s, want %s", tc.lang, tc.req, res.Path, tc.file)
		}
		if tc.text != (res.Text != "") || (tc.text && strings.Contains(res.Text, "\n---\n")) {
			t.Errorf("%v %+v: text %q", tc.lang, tc.req, res.Text)
		}
	}

	// A personnummer in a comment stops the export until the user allows it.
	a, _ := s.LoadAssessment(ctx, id)
	for _, r := range a.Responses {
		r.Comment = "Gäller 811218-9876"
		if err := s.SaveResponse(ctx, id, r); err != nil {
			t.Fatal(err)
		}
	}
	os.RemoveAll(dir)
	x := newExporter(checklist.Swedish)
	res, err := x.ExportAssessment(ctx, id, tui.ExportRequest{HTML: true})
	if err != nil || res.Path != "" || len(res.PersonalData) == 0 {
		t.Fatalf("a plan with a personnummer was not stopped: %+v, %v", res, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Error("a file was written before the user was asked")
	}
	res, err = x.ExportAssessment(ctx, id, tui.ExportRequest{HTML: true, AllowPersonalData: true})
	if err != nil || res.Path == "" {
		t.Fatalf("allowed export failed: %+v, %v", res, err)
	}
	data, _ := os.ReadFile(res.Path)
	if strings.Contains(string(data), "inga namn och inga enskilda ärenden") {
		t.Error("the written plan claims to hold no individual cases")
	}
}

func TestClipboardUnsupported(t *testing.T) {
	for env, want := range map[string]bool{
		"TERM=linux":                                 true,
		"TERM_PROGRAM=Apple_Terminal":                true,
		"VTE_VERSION=7600":                           true,
		"VTE_VERSION=7600 TMUX=/tmp/x":               false,
		"WT_SESSION=1":                               false,
		"TERM=xterm-kitty":                           false,
		"TERM_PROGRAM=WezTerm VTE_VERSION=1":         false,
		"TERM=xterm-256color TERM_PROGRAM=iTerm.app": false,
	} {
		vars := map[string]string{}
		for _, kv := range strings.Fields(env) {
			k, v, _ := strings.Cut(kv, "=")
			vars[k] = v
		}
		if got := clipboardUnsupported(func(k string) string { return vars[k] }); got != want {
			t.Errorf("%s: clipboardUnsupported = %v, want %v", env, got, want)
		}
	}
}

// TestBuiltinAreasByFileName checks what builtinAreas relies on: each
// built-in checklist's file is named after its area, so that the
// checklists loaded for one plan hold each of its areas, the same as when
// every checklist is loaded.
func TestBuiltinAreasByFileName(t *testing.T) {
	all, errs := checklist.Load(assets.FS, "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, a := range all.Areas {
		some, errs := checklist.Load(builtinAreas([]string{a.ID}), "")
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		got := some.Area(a.ID)
		if got == nil {
			t.Errorf("area %s is not in checklists/%s.yaml", a.ID, a.ID)
			continue
		}
		if got.Hash != a.Hash || len(got.Items) != len(a.Items) || len(some.Areas) != 1 {
			t.Errorf("area %s loaded alone differs (%d areas loaded)", a.ID, len(some.Areas))
		}
	}
}
