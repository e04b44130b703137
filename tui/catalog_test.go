package tui

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"samkoll/checklist"
)

// areaYAML builds a small area file: n items, the first of type lagkrav,
// the rest of type risk.
func areaYAML(id, title string, core bool, order, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id: %s\nversion: 1\ncore: %v\norder: %d\ntitle:\n  sv: %s\n  en: %s (en)\n", id, core, order, title, title)
	fmt.Fprintf(&b, "description:\n  sv: Område %s.\nitems:\n", title)
	for i := 1; i <= n; i++ {
		typ := "risk"
		if i == 1 {
			typ = "lagkrav"
		}
		fmt.Fprintf(&b, "  - id: p%d\n    type: %s\n", i, typ)
		fmt.Fprintf(&b, "    statement:\n      sv: Påstående %d i %s är uppfyllt och alla på arbetsplatsen känner till hur det fungerar i vardagen.\n      en: Statement %d in %s holds.\n", i, title, i, title)
		fmt.Fprintf(&b, "    problem:\n      sv: Brist %d i %s.\n      en: Shortcoming %d in %s.\n", i, title, i, title)
		fmt.Fprintf(&b, "    guidance:\n      sv: Prata om punkt %d.\n      en: Discuss item %d.\n", i, i)
		b.WriteString("    policies: []\n    legal:\n      - ref: AFS 2023:1 11 §\n        kind: law\n")
		b.WriteString("    measures:\n      - sv: Gör något.\n")
	}
	return b.String()
}

// testCatalog returns a fixed catalog: two core areas and one optional.
func testCatalog(t testing.TB) *checklist.Catalog {
	t.Helper()
	fsys := fstest.MapFS{
		"checklists/krank.yaml": {Data: []byte(areaYAML("krank", "Kränkande särbehandling", true, 10, 3))},
		"checklists/disk.yaml":  {Data: []byte(areaYAML("disk", "Diskriminering", true, 20, 2))},
		"checklists/info.yaml":  {Data: []byte(areaYAML("info", "Information", false, 30, 2))},
	}
	cat, errs := checklist.Load(fsys, "")
	for _, err := range errs {
		t.Fatalf("test catalog: %v", err)
	}
	return cat
}
