package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"samkoll/store"
)

// unitFiles makes two units' files as they reach HR: a JSON export of one
// demo database and another demo database itself.
func unitFiles(t *testing.T) (jsonFile, dbFile string) {
	t.Helper()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	for i, db := range []string{a, b} {
		if _, _, err := runCLI(t, "--db", db, "demo", "--assessments", "24", "--units", "4", "--first-unit", []string{"0", "4"}[i],
			"--seed", []string{"1", "2"}[i]); err != nil {
			t.Fatal(err)
		}
	}
	jsonFile = filepath.Join(dir, "a.json")
	if _, _, err := runCLI(t, "--db", a, "export", "--format", "json", "--all", "-o", jsonFile); err != nil {
		t.Fatal(err)
	}
	return jsonFile, b
}

// exportedLine is the line of a JSON export that says when it was written.
var exportedLine = regexp.MustCompile(`"exported": "[^"]*"`)

func dumpJSON(t *testing.T, db string) string {
	t.Helper()
	out, _, err := runCLI(t, "--db", db, "export", "--format", "json", "--all")
	if err != nil {
		t.Fatal(err)
	}
	return exportedLine.ReplaceAllString(out, "")
}

func TestRegionFromUnitFiles(t *testing.T) {
	cliHome(t)
	js, db := unitFiles(t)
	beforeDB, _ := os.ReadFile(db)
	beforeJS, _ := os.ReadFile(js)
	out, errOut, err := runCLI(t, "region", "--year", "2026", js, db)
	if err != nil {
		t.Fatalf("region: %v\n%s", err, errOut)
	}
	for _, want := range []string{"# Regionens SAM-arbete 2026", "## Enheter som behöver stöd först", "## Alla enheter",
		"## Där flest enheter har brister", "Akutmottagningen", "Ekonomienheten"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if !strings.Contains(errOut, "Importerade "+js) || !strings.Contains(errOut, "Importerade "+db) {
		t.Errorf("no per-file report on stderr:\n%s", errOut)
	}
	if afterDB, _ := os.ReadFile(db); !bytes.Equal(beforeDB, afterDB) {
		t.Error("the region report changed a unit's database")
	}
	if afterJS, _ := os.ReadFile(js); !bytes.Equal(beforeJS, afterJS) {
		t.Error("the region report changed a unit's export")
	}

	// HTML, in English, to a file.
	html := filepath.Join(t.TempDir(), "region.html")
	if _, _, err := runCLI(t, "--lang", "en", "region", "--year", "2026", "--format", "html", "-o", html, js); err != nil {
		t.Fatal(err)
	}
	doc, _ := os.ReadFile(html)
	if !bytes.HasPrefix(doc, []byte("<!DOCTYPE html>")) || !bytes.Contains(doc, []byte("The region&#39;s SAM work 2026")) &&
		!bytes.Contains(doc, []byte("The region's SAM work 2026")) {
		t.Errorf("not the English HTML report: %.200s", doc)
	}

	// A bad format or year is a usage error.
	if _, _, err := runCLI(t, "region", "--format", "pdf", js); !isUsage(err) {
		t.Errorf("--format pdf: %v", err)
	}
	if _, _, err := runCLI(t, "region", "--year", "tjugo", js); !isUsage(err) {
		t.Errorf("--year tjugo: %v", err)
	}
}

func TestRegionFromTheDatabase(t *testing.T) {
	cliHome(t)
	_, db := unitFiles(t)
	out, _, err := runCLI(t, "--db", db, "region", "--year", "2026")
	if err != nil || !strings.Contains(out, "Ekonomienheten") {
		t.Fatalf("region of the database: %v\n%.300s", err, out)
	}
}

// TestImportManyFiles imports two units' files twice into one database:
// the second time changes nothing. A refused file in the middle leaves the
// database as it was and the others are imported.
func TestImportManyFiles(t *testing.T) {
	home := cliHome(t)
	js, db := unitFiles(t)
	newer := filepath.Join(home, "nyare.json")
	os.WriteFile(newer, []byte(`{"format": "samkoll", "version": 99, "assessments": []}`), 0o600)
	hr := filepath.Join(home, "hr.db")

	out, errOut, err := runCLI(t, "--db", hr, "import", js, newer, db)
	if err == nil {
		t.Error("a refused file gave exit code 0")
	}
	if !strings.Contains(errOut, newer) || !strings.Contains(errOut, "nyare samkoll") || !strings.Contains(errOut, "Ingenting har ändrats") {
		t.Errorf("the refusal does not name the file and say why:\n%s", errOut)
	}
	if !strings.Contains(out, "2 av 3 filer importerade, 1 kunde inte importeras.") {
		t.Errorf("no summary:\n%s", out)
	}
	first := dumpJSON(t, hr)

	out, _, err = runCLI(t, "--db", hr, "import", js, db)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "Allt i filen fanns redan; ingenting ändrades.") != 2 {
		t.Errorf("the second import changed something:\n%s", out)
	}
	if second := dumpJSON(t, hr); second != first {
		t.Error("importing the same files again changed the database")
	}

	// The refused file alone leaves the file byte for byte.
	before, _ := os.ReadFile(hr)
	if _, _, err := runCLI(t, "--db", hr, "import", newer); err == nil || !strings.Contains(err.Error(), newer) {
		t.Errorf("newer file alone: %v", err)
	}
	if after, _ := os.ReadFile(hr); !bytes.Equal(before, after) {
		t.Error("a refused import changed the database file")
	}
}

func TestImportUnitMap(t *testing.T) {
	home := cliHome(t)
	js, _ := unitFiles(t)
	m := filepath.Join(home, "enheter.txt")
	os.WriteFile(m, []byte("# HR\nRöntgen = Röntgenavdelningen\nVårdcentralen Norr = Akutmottagningen\n"), 0o600)
	hr := filepath.Join(home, "hr.db")
	out, _, err := runCLI(t, "--db", hr, "import", "--units", m, js)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Enheten Röntgen ingår nu i Röntgenavdelningen") {
		t.Errorf("no merge reported:\n%s", out)
	}
	region, _, err := runCLI(t, "--db", hr, "region", "--year", "2026")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(region, "| Röntgen |") || !strings.Contains(region, "| Röntgenavdelningen |") || strings.Contains(region, "| Vårdcentralen Norr |") {
		t.Errorf("units not merged in the report:\n%s", region)
	}
	bad := filepath.Join(home, "trasig.txt")
	os.WriteFile(bad, []byte("Röntgen Röntgenavdelningen\n"), 0o600)
	if _, _, err := runCLI(t, "--db", hr, "import", "--units", bad, js); err == nil || !strings.Contains(err.Error(), bad+":1:") {
		t.Errorf("a broken unit map: %v", err)
	}
}

// TestRegionNamesRefusedFiles checks that a unit file the region cannot
// read is named with the reason, alone or among others, that the report of
// the others is written when there are others, and that the exit status is
// not 0.
func TestRegionNamesRefusedFiles(t *testing.T) {
	home := cliHome(t)
	js, _ := unitFiles(t)
	newer := filepath.Join(home, "nyare.json")
	os.WriteFile(newer, []byte(`{"format": "samkoll", "version": 99, "assessments": []}`), 0o600)
	for _, files := range [][]string{{newer}, {js, newer}} {
		out, errOut, err := runCLI(t, append([]string{"region", "--year", "2026"}, files...)...)
		if err == nil {
			t.Errorf("%d files, one refused: exit status 0", len(files))
		}
		if err != nil {
			errOut += err.Error()
		}
		if !strings.Contains(errOut, newer) || !strings.Contains(errOut, "nyare samkoll") {
			t.Errorf("%d files: the refused file is not named with its reason:\n%s", len(files), errOut)
		}
		if len(files) == 2 && (!strings.Contains(out, "# Regionens SAM-arbete 2026") || !strings.Contains(out, "Akutmottagningen")) {
			t.Error("the readable file is missing from the report")
		}
	}
}

// TestRegionReadsOlderUnitDatabases gives the region and import databases
// of every earlier schema, as units with an older samkoll send them: each
// is read through an upgraded copy, and the unit's file is left byte for
// byte, with nothing written beside it.
func TestRegionReadsOlderUnitDatabases(t *testing.T) {
	home := cliHome(t)
	for v := 1; v < store.SchemaVersion; v++ {
		orig, err := os.ReadFile(filepath.Join("store", "testdata", fmt.Sprintf("schema-v%d.db", v)))
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		unit := filepath.Join(dir, "avdelning-7.db")
		if err := os.WriteFile(unit, orig, 0o600); err != nil {
			t.Fatal(err)
		}
		out, errOut, err := runCLI(t, "region", "--year", "2025", unit)
		if err != nil || !strings.Contains(out, "| Avdelning 7 |") {
			t.Errorf("v%d: region: %v\n%s\n%.300s", v, err, errOut, out)
		}
		if _, errOut, err := runCLI(t, "--db", filepath.Join(home, fmt.Sprintf("hr-%d.db", v)), "import", unit); err != nil {
			t.Errorf("v%d: import: %v\n%s", v, err, errOut)
		}
		if now, _ := os.ReadFile(unit); !bytes.Equal(now, orig) {
			t.Errorf("v%d: the unit's database was changed", v)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("v%d: files beside the unit's database: %v", v, entries)
		}
	}
}
