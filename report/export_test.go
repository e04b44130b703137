package report

import (
	"strings"
	"testing"
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
