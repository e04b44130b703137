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
	// The organisational area carries the binding workload rules (AFS 2023:2
	// kap 2 6–9 §§), so it is preselected with the core areas.
	if a := cat.Area("osa"); a == nil || !a.Recommended {
		t.Error("the area osa is missing or not recommended (preselected)")
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
			binding := false
			for _, l := range it.Legal {
				checkLegal(t, w, l)
				if l.Kind == checklist.Law && l.Ref != "" {
					binding = true
				}
			}
			// A lagkrav starts at risk level hög: it needs a binding provision.
			if it.Type == checklist.Lagkrav && !binding {
				t.Errorf("%s is typed lagkrav but cites no binding provision (kind: law)", w)
			}
			// Items are about routines and conditions the group can judge,
			// never a rating of the manager in front of the group.
			if strings.HasPrefix(it.Statement.SV, "Chefen ") || strings.HasPrefix(it.Statement.SV, "Chefer har ") {
				t.Errorf("%s makes the group rate its manager: %q", w, it.Statement.SV)
			}
			for _, p := range it.Policies {
				st := cat.Statement(p)
				if st == nil {
					t.Errorf("%s refers to unknown policy statement %q", w, p)
				} else if !st.OutOfScope.IsZero() {
					t.Errorf("%s cites %s, which is marked out of scope", w, p)
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

// checkLegal checks one legal basis of a built-in item: a law or an
// allmänt råd must name a law in the linter's table and resolve there, and
// every Diskrimineringslagen reference names its paragraphs.
func checkLegal(t *testing.T, where string, l checklist.Legal) {
	t.Helper()
	if checklist.IsOutdatedRef(l.Ref) {
		t.Errorf("%s cites the repealed %q", where, l.Ref)
	}
	info, p := checklist.CheckRef(l.Ref)
	if p != nil {
		t.Errorf("%s: %q: %s", where, l.Ref, p.Msg.EN)
	}
	if (l.Kind == checklist.Law || l.Kind == checklist.Advice) && !info.Known() {
		t.Errorf("%s: %q (kind %s) does not resolve in the table of provisions", where, l.Ref, l.Kind)
	}
	if info.Law == "Diskrimineringslagen" && info.Para == 0 {
		t.Errorf("%s: %q names no paragraph", where, l.Ref)
	}
}

// TestNoRepealedRegulationInAssets reads every embedded file, not only the
// parsed checklists, so a repealed AFS cannot hide in a comment, a policy
// text or a template.
func TestNoRepealedRegulationInAssets(t *testing.T) {
	err := fs.WalkDir(assets.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets.FS, path)
		if err != nil {
			return err
		}
		for _, r := range checklist.RepealedAFS(string(data)) {
			t.Errorf("%s cites %s, repealed on 2025-01-01", path, r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestItemRenames checks the table that maps retired item ids: each old id
// is gone from the built-in checklists, each new one exists, no rename
// leads to another retired id, and each names its batch and the area
// versions it applies to.
func TestItemRenames(t *testing.T) {
	cat, _ := checklist.Load(assets.FS, "")
	exists := func(k checklist.ItemKey) bool {
		a := cat.Area(k.AreaID)
		if a == nil {
			return false
		}
		_, ok := a.Item(k.ItemID)
		return ok
	}
	from := map[checklist.ItemKey]bool{}
	for _, rn := range checklist.ItemRenames {
		if from[rn.From] {
			t.Errorf("%v is renamed twice", rn.From)
		}
		from[rn.From] = true
		if exists(rn.From) {
			t.Errorf("%v is renamed but still a built-in item", rn.From)
		}
		if !exists(rn.To) {
			t.Errorf("%v is renamed to %v, which is no built-in item", rn.From, rn.To)
		}
		if rn.Batch == "" || len(rn.Had) == 0 {
			t.Errorf("%v: the rename names no batch or no area version", rn.From)
		}
	}
	for _, rn := range checklist.ItemRenames {
		if from[rn.To] {
			t.Errorf("%v is renamed to %v, itself retired", rn.From, rn.To)
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
