package report

import (
	"strings"
	"testing"

	"samkoll/checklist"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Avd 7 | Kirurgi":          "avd-7-kirurgi",
		"Vårdcentral Öster, Växjö": "vardcentral-oster-vaxjo",
		"  --  ":                   "enhet",
		"../../etc/passwd":         "etc-passwd",
		strings.Repeat("a", 100):   strings.Repeat("a", 40),
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFileNameLeavesOutPersonnummer names an export of a unit whose name
// holds a personnummer: the number does not reach the file name.
func TestFileNameLeavesOutPersonnummer(t *testing.T) {
	a := checklist.Assessment{Unit: "Avd 811218–9876", Date: checklist.Date{Year: 2026, Month: 3, Day: 1}}
	name := FileName(a, checklist.Swedish, Markdown, false)
	if strings.Contains(name, "9876") || strings.Contains(name, "811218") {
		t.Errorf("FileName = %q holds the personnummer", name)
	}
}
