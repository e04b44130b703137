package assets_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samkoll/assets"
	"samkoll/checklist"
)

// TestBuiltinContent loads every built-in checklist and checks the rules the
// content must follow: it validates, cites no repealed AFS numbering, has
// English for every string, gives every item a policy reference and a legal
// basis, keeps ids unique and refers only to existing policy statements.
func TestBuiltinContent(t *testing.T) {
	cat, errs := checklist.Load(assets.FS, "")
	for _, err := range errs {
		t.Errorf("validation: %v", err)
	}
	if len(cat.Areas) < 9 {
		t.Errorf("%d areas loaded, want at least 9", len(cat.Areas))
	}
	files, _ := fs.Glob(assets.FS, "checklists/*.yaml")
	if len(files) != len(cat.Areas) {
		t.Errorf("%d area files but %d areas loaded: duplicate area ids?", len(files), len(cat.Areas))
	}
	core := map[string]bool{}
	for _, id := range cat.CoreAreaIDs() {
		core[id] = true
	}
	for _, id := range []string{"diskriminering", "krankningar", "halsa", "adt"} {
		if !core[id] {
			t.Errorf("core area %q is missing or not core", id)
		}
	}
	if len(core) != 4 {
		t.Errorf("core areas = %v, want exactly the four", cat.CoreAreaIDs())
	}

	for _, a := range cat.Areas {
		where := a.ID
		englishMissing(t, where+" title", a.Title)
		englishMissing(t, where+" description", a.Description)
		if n := len(a.Items); n < 8 || n > 15 {
			t.Errorf("%s has %d items, want 8 to 15", where, n)
		}
		for _, it := range a.Items {
			w := where + "/" + it.ID
			for name, tx := range map[string]checklist.Text{"statement": it.Statement, "problem": it.Problem, "guidance": it.Guidance} {
				englishMissing(t, w+" "+name, tx)
				if checklist.IsOutdatedRef(tx.SV) || checklist.IsOutdatedRef(tx.EN) {
					t.Errorf("%s %s cites repealed AFS numbering", w, name)
				}
			}
			for i, m := range it.Measures {
				englishMissing(t, w+" measure "+string(rune('1'+i)), m)
			}
			if len(it.Policies) == 0 {
				t.Errorf("%s has no policy reference", w)
			}
			if len(it.Legal) == 0 {
				t.Errorf("%s has no legal basis", w)
			}
			for _, l := range it.Legal {
				if checklist.IsOutdatedRef(l.Ref) {
					t.Errorf("%s cites %q", w, l.Ref)
				}
			}
			for _, p := range it.Policies {
				if cat.Statement(p) == nil {
					t.Errorf("%s refers to unknown policy statement %q", w, p)
				}
			}
			if s := sentences(it.Guidance.SV); s < 2 || s > 4 {
				t.Errorf("%s guidance has %d sentences, want 2 to 4", w, s)
			}
		}
	}
	for _, src := range cat.Sources {
		for _, st := range src.Statements {
			englishMissing(t, "policy "+st.ID, st.Text)
		}
	}
}

// TestCoreStatementsCovered checks that every policy statement on the core
// themes (discrimination, harassment, health, alcohol/drugs/tobacco) is
// covered by at least one item.
func TestCoreStatementsCovered(t *testing.T) {
	cat, _ := checklist.Load(assets.FS, "")
	for _, st := range cat.Uncovered(true) {
		t.Errorf("policy statement %s (%s, theme %s) is not covered by any item", st.ID, st.Source.Origin, st.Theme)
	}
}

// TestCoverageReportUpToDate fails when docs/policy-coverage.md differs from
// what `samkoll checklists coverage` generates.
func TestCoverageReportUpToDate(t *testing.T) {
	cat, _ := checklist.Load(assets.FS, "")
	var buf bytes.Buffer
	if err := checklist.WriteCoverage(&buf, cat); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "docs", "policy-coverage.md")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: generate it with: go run . checklists coverage -o docs/policy-coverage.md", err)
	}
	if !bytes.Equal(bytes.ReplaceAll(got, []byte("\r\n"), []byte("\n")), buf.Bytes()) {
		t.Error("docs/policy-coverage.md is out of date: run go run . checklists coverage -o docs/policy-coverage.md")
	}
}

func englishMissing(t *testing.T, where string, tx checklist.Text) {
	t.Helper()
	if strings.TrimSpace(tx.EN) == "" {
		t.Errorf("%s has no English text", where)
	}
	if strings.TrimSpace(tx.SV) == "" {
		t.Errorf("%s has no Swedish text", where)
	}
}

// sentences counts sentence ends roughly: '.', '?' or '!' followed by a
// space or the end of the text.
func sentences(s string) int {
	s = strings.TrimSpace(s)
	n := 0
	for i, r := range s {
		if r == '.' || r == '?' || r == '!' {
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n' {
				n++
			}
		}
	}
	return n
}

// TestFormatDocExample checks that the complete example in
// docs/checklist-format.md is a valid checklist file.
func TestFormatDocExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "checklist-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	i := strings.Index(s, "## A complete example")
	j := strings.Index(s[max(i, 0):], "```yaml\n")
	if i < 0 || j < 0 {
		t.Fatal("docs/checklist-format.md has no complete example")
	}
	body := s[i+j+len("```yaml\n"):]
	body = body[:strings.Index(body, "```")]
	path := filepath.Join(t.TempDir(), "example.yaml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, err := range checklist.Lint(assets.FS, []string{path}) {
		t.Errorf("the documented example is invalid: %v", err)
	}
}
