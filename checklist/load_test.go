package checklist

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/exp/golden"
)

// TestLint checks the validator's messages on broken files against golden
// files; each names file:line:column and what is wrong.
func TestLint(t *testing.T) {
	empty := fstest.MapFS{}
	policies := filepath.Join("testdata", "lint", "policies.yaml")
	tests := []struct {
		file    string
		wantErr bool
	}{
		{"ok.yaml", false},
		{"unknown-field.yaml", true},
		{"duplicate-id.yaml", true},
		{"missing-swedish.yaml", true},
		{"bad-type.yaml", true},
		{"unknown-policy.yaml", true},
		{"outdated-afs.yaml", true},
		{"wrong-refs.yaml", true},
		{"out-of-scope.yaml", true},
		{"broken-yaml.yaml", true},
		{"wrong-kinds.yaml", true},
		{"empty.yaml", true},
		{"no-basis.yaml", true},
		{"control-chars.yaml", true},
		{"does-not-exist.yaml", true},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.file, ".yaml"), func(t *testing.T) {
			errs := Lint(empty, []string{policies, filepath.Join("testdata", "lint", tt.file)})
			if (len(errs) > 0) != tt.wantErr {
				t.Fatalf("Lint(%s) = %v, want errors: %v", tt.file, errs, tt.wantErr)
			}
			var b strings.Builder
			for _, err := range errs {
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("error %v does not wrap ErrInvalid", err)
				}
				b.WriteString(filepath.ToSlash(err.Error()) + "\n")
			}
			golden.RequireEqual(t, b.String())
		})
	}
}

func TestLintPositions(t *testing.T) {
	errs := Lint(fstest.MapFS{}, []string{
		filepath.Join("testdata", "lint", "policies.yaml"),
		filepath.Join("testdata", "lint", "unknown-field.yaml"),
	})
	if len(errs) == 0 {
		t.Fatal("no errors")
	}
	var fe *FileError
	if !errors.As(errs[0], &fe) {
		t.Fatalf("%T is not a *FileError", errs[0])
	}
	if fe.Line != 8 || fe.Column != 5 {
		t.Errorf("unknown field reported at %d:%d, want 8:5", fe.Line, fe.Column)
	}
}

const policyYAML = `source:
  title: Testpolicy
  organisation: Testregionen
statements:
  - id: t-1-rutin
    section: "1"
    theme: sam
    text: {sv: Rutiner ska finnas.}
`

func areaYAML(id, title string, core bool, order int) string {
	c := "false"
	if core {
		c = "true"
	}
	return `id: ` + id + `
version: 1
core: ` + c + `
order: ` + itoa(order) + `
title: {sv: ` + title + `, en: ` + title + ` EN}
description: {sv: Beskrivning}
items:
  - id: a
    type: risk
    statement: {sv: Påstående.}
    problem: {sv: Problem.}
    guidance: {sv: Vägledning.}
    policies: [t-1-rutin]
    measures: [{sv: Åtgärd.}]
`
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestLoad(t *testing.T) {
	builtin := fstest.MapFS{
		"policies/test.yaml":   {Data: []byte(policyYAML)},
		"checklists/a.yaml":    {Data: []byte(areaYAML("alfa", "Alfa", true, 20))},
		"checklists/b.yaml":    {Data: []byte(areaYAML("beta", "Beta", false, 10))},
		"checklists/notes.txt": {Data: []byte("ignored")},
	}
	user := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(user, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(user, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("alfa.yaml", areaYAML("alfa", "Egen alfa", true, 20))
	write("gamma.yml", areaYAML("gamma", "Gamma", false, 30))
	write("trasig.yaml", "id: [\n")
	write("dubblett.yaml", areaYAML("gamma", "Gamma igen", false, 30))
	write("policies/egen.yaml", strings.ReplaceAll(policyYAML, "t-1-rutin", "egen-1"))
	write(".dold.yaml", "garbage: [")

	tests := []struct {
		name      string
		userDir   string
		wantIDs   []string
		wantErrs  int
		alfaTitle string
	}{
		{"builtin only", "", []string{"beta", "alfa"}, 0, "Alfa"},
		{"missing user dir", filepath.Join(user, "saknas"), []string{"beta", "alfa"}, 0, "Alfa"},
		{"user dir overrides and adds", user, []string{"beta", "alfa", "gamma"}, 2, "Egen alfa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, errs := Load(builtin, tt.userDir)
			if len(errs) != tt.wantErrs {
				t.Fatalf("errors = %v, want %d", errs, tt.wantErrs)
			}
			var ids []string
			for _, a := range c.Areas {
				ids = append(ids, a.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("areas = %v, want %v", ids, tt.wantIDs)
			}
			if got := c.Area("alfa").Title.SV; got != tt.alfaTitle {
				t.Errorf("alfa title = %q, want %q", got, tt.alfaTitle)
			}
			if got := c.CoreAreaIDs(); len(got) != 1 || got[0] != "alfa" {
				t.Errorf("core = %v", got)
			}
			if c.Area("alfa").Hash == "" {
				t.Error("no content hash")
			}
		})
	}

	c, errs := Load(builtin, user)
	for _, err := range errs {
		if !strings.Contains(err.Error(), "trasig.yaml") && !strings.Contains(err.Error(), "dubblett.yaml") {
			t.Errorf("unexpected error %v", err)
		}
	}
	if c.Area("alfa").Origin != filepath.Join(user, "alfa.yaml") {
		t.Errorf("override origin = %q", c.Area("alfa").Origin)
	}
	if c.Area("beta").Origin != BuiltinOrigin {
		t.Errorf("builtin origin = %q", c.Area("beta").Origin)
	}
	if c.Statement("egen-1") == nil {
		t.Error("user policy statement not loaded")
	}
}

func TestTextIn(t *testing.T) {
	tests := []struct {
		t    Text
		lang Lang
		want string
	}{
		{Text{"Ja", "Yes"}, Swedish, "Ja"},
		{Text{"Ja", "Yes"}, English, "Yes"},
		{Text{"Ja", ""}, English, "Ja"},
	}
	for _, tt := range tests {
		if got := tt.t.In(tt.lang); got != tt.want {
			t.Errorf("%v.In(%s) = %q, want %q", tt.t, tt.lang, got, tt.want)
		}
	}
}

// FuzzParseArea feeds arbitrary bytes to the area parser: it must never
// panic, and whatever it accepts must satisfy the rules it checks.
func FuzzParseArea(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "lint", "*.yaml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(areaYAML("x", "X", true, 1)))
	f.Add([]byte("&a [*a, *a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, errs := parseArea("fuzz.yaml", data, func(id string) bool { return id == "t-1-rutin" })
		if a == nil {
			if len(errs) == 0 {
				t.Fatal("nil area without errors")
			}
			for _, err := range errs {
				if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
					t.Fatalf("error %q does not name the file", err)
				}
			}
			return
		}
		if a.ID == "" || a.Version < 1 || len(a.Items) == 0 || a.Title.SV == "" {
			t.Fatalf("accepted incomplete area %+v", a)
		}
		seen := map[string]bool{}
		for _, it := range a.Items {
			if seen[it.ID] || !it.Type.Valid() || it.Statement.SV == "" || len(it.Measures) == 0 {
				t.Fatalf("accepted invalid item %+v", it)
			}
			seen[it.ID] = true
		}
	})
}

// TestLoadIsDeterministic loads a user folder of many files, some broken
// and some naming the same area, again and again: the files are parsed in
// parallel, and the errors, their order and which duplicate wins must not
// depend on which parse finishes first.
func TestLoadIsDeterministic(t *testing.T) {
	builtin := fstest.MapFS{
		"policies/test.yaml": {Data: []byte(policyYAML)},
		"checklists/a.yaml":  {Data: []byte(areaYAML("alfa", "Alfa", true, 20))},
	}
	user := t.TempDir()
	for i := range 24 {
		name := filepath.Join(user, "omr"+itoa(i)+".yaml")
		data := areaYAML("omr"+itoa(i%8), "Område "+itoa(i), false, 30+i)
		if i%5 == 0 {
			data = "id: [\n"
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	summary := func() string {
		c, errs := Load(builtin, user)
		var b strings.Builder
		for _, a := range c.Areas {
			b.WriteString(a.ID + "=" + a.Title.SV + ";")
		}
		for _, err := range errs {
			b.WriteString("\n" + err.Error())
		}
		return b.String()
	}
	first := summary()
	if strings.Count(first, "\n") < 10 {
		t.Fatalf("expected the broken files and the duplicates to be reported:\n%s", first)
	}
	for range 30 {
		if got := summary(); got != first {
			t.Fatalf("a second load differs:\n%s\n--- first:\n%s", got, first)
		}
	}
}

// TestLoadForReports: without files of the organisation the reports' load
// parses no policy file and gives Load's areas; with any such file it is
// Load, errors and all. A built-in area's unknown reference is Load's
// error only: the built-in content is checked when it is built
// (assets' TestBuiltinContent).
func TestLoadForReports(t *testing.T) {
	builtin := fstest.MapFS{
		"policies/test.yaml": {Data: []byte(policyYAML)},
		"checklists/a.yaml":  {Data: []byte(areaYAML("alfa", "Alfa", true, 20))},
		"checklists/b.yaml":  {Data: []byte(areaYAML("beta", "Beta", false, 10))},
	}
	summary := func(c *Catalog, errs []error) string {
		var b strings.Builder
		for _, a := range c.Areas {
			fmt.Fprintf(&b, "%s=%s/%d/%s;", a.ID, a.Title.SV, len(a.Items), a.Hash)
		}
		for _, err := range errs {
			b.WriteString("\n" + err.Error())
		}
		return b.String()
	}
	dir := func(files map[string]string) string {
		d := t.TempDir()
		for name, data := range files {
			p := filepath.Join(d, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	unknownRef := strings.ReplaceAll(areaYAML("gamma", "Gamma", false, 30), "t-1-rutin", "finns-inte")

	t.Run("no files of the organisation", func(t *testing.T) {
		for _, userDir := range []string{"", dir(nil), dir(map[string]string{"README.md": "x"})} {
			c, errs := LoadForReports(builtin, userDir)
			want, wantErrs := Load(builtin, userDir)
			if got, w := summary(c, errs), summary(want, wantErrs); got != w {
				t.Errorf("%q: reports' load\n%s\nLoad\n%s", userDir, got, w)
			}
			if c.Statement("t-1-rutin") != nil || len(c.Sources) != 0 {
				t.Errorf("%q: the policies were parsed", userDir)
			}
		}
	})
	for name, files := range map[string]map[string]string{
		"an area of the organisation":              {"gamma.yaml": areaYAML("gamma", "Gamma", false, 30)},
		"an unknown reference of the organisation": {"gamma.yaml": unknownRef},
		"a broken policy of the organisation":      {"policies/trasig.yaml": "statements: [\n"},
		"a policy of the organisation":             {"policies/egen.yaml": strings.ReplaceAll(policyYAML, "t-1-rutin", "egen-1")},
	} {
		t.Run(name, func(t *testing.T) {
			userDir := dir(files)
			c, errs := LoadForReports(builtin, userDir)
			want, wantErrs := Load(builtin, userDir)
			if got, w := summary(c, errs), summary(want, wantErrs); got != w {
				t.Errorf("reports' load\n%s\nLoad\n%s", got, w)
			}
			if c.Statement("t-1-rutin") == nil {
				t.Error("the policies were not parsed")
			}
		})
	}
	t.Run("an unknown built-in reference", func(t *testing.T) {
		broken := fstest.MapFS{
			"policies/test.yaml": {Data: []byte(policyYAML)},
			"checklists/g.yaml":  {Data: []byte(unknownRef)},
		}
		if _, errs := Load(broken, ""); len(errs) != 1 || !strings.Contains(errs[0].Error(), "finns-inte") {
			t.Fatalf("Load: %v", errs)
		}
		c, errs := LoadForReports(broken, "")
		if len(errs) != 0 || c.Area("gamma") == nil {
			t.Fatalf("reports' load: %v, areas %v", errs, c.Areas)
		}
	})
}
