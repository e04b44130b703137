package checklist

import (
	"slices"
	"strings"
	"testing"
)

func TestFindPersonnummer(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
		samo bool
	}{
		{"short with dash", "Det gäller 811218-9876 i går", 1, false},
		{"long with dash", "pnr 19811218-9876.", 1, false},
		{"ten digits", "8112189876", 1, false},
		{"twelve digits", "198112189876", 1, false},
		{"plus for over 100", "121212+1212", 1, false},
		{"samordningsnummer", "701063-2391", 1, true},
		{"two in one text", "811218-9876 och 121212-1212", 2, false},
		{"wrong control digit", "811218-9875", 0, false},
		{"impossible date", "811318-9876", 0, false},
		{"30 February", "810230-1234", 0, false},
		{"any ten digits", "0701234567", 0, false},
		{"phone number", "070-123 45 67", 0, false},
		{"invoice number glued to letters", "F8112189876", 0, false},
		{"longer digit run", "98112189876123", 0, false},
		{"date only", "möte 2026-03-14", 0, false},
		{"wrong century", "178112189876", 0, false},
		{"empty", "", 0, false},
		{"non-ascii neighbour", "å8112189876", 0, false},
		// Forms people type or paste, all found after normalisation.
		{"space before the last four", "811218 9876", 1, false},
		{"long with space", "19811218 9876", 1, false},
		{"spaced dash", "811218 - 9876", 1, false},
		{"en dash", "811218–9876", 1, false},
		{"hyphen U+2010", "811218\u20109876", 1, false},
		{"minus sign", "811218\u22129876", 1, false},
		{"zero-width space inside", "811218-98\u200b76", 1, false},
		{"bidi mark inside", "8112\u200e18-9876", 1, false},
		{"full-width digits", "８１１２１８－９８７６", 1, false},
		{"pairs with a dash", "81 12 18-98 76", 1, false},
		{"no-break space", "811218\u00a09876", 1, false},
		{"samordningsnummer with en dash", "701063–2391", 1, true},
		// Still not flagged.
		{"list of pairs", "10 12 15 20 25", 0, false},
		{"phone with spaces", "070 123 45 67", 0, false},
		{"en dash wrong control digit", "811218–9875", 0, false},
		{"spaced invalid date", "811318 9876", 0, false},
		{"two numbers", "Rum 811218 och 9876", 0, false},
		{"sums", "12 000 kr, 3 400 kr", 0, false},
		{"nine digits", "811218-987", 0, false},
		{"last digit full-width", "811218-987６", 1, false},
		{"Arabic-Indic digits", "٨١١٢١٨-٩٨٧٦", 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindPersonnummer(tt.in)
			if len(got) != tt.want {
				t.Fatalf("FindPersonnummer(%q) = %v, want %d matches", tt.in, got, tt.want)
			}
			if tt.want > 0 && got[0].Samordningsnummer != tt.samo {
				t.Errorf("Samordningsnummer = %v, want %v", got[0].Samordningsnummer, tt.samo)
			}
			if ContainsPersonnummer(tt.in) != (tt.want > 0) {
				t.Errorf("ContainsPersonnummer disagrees with FindPersonnummer")
			}
			if tt.want > 0 {
				if left := RemovePersonnummer(tt.in); ContainsPersonnummer(left) || strings.Contains(left, "9876") {
					t.Errorf("RemovePersonnummer(%q) = %q", tt.in, left)
				}
			}
		})
	}
}

func FuzzFindPersonnummer(f *testing.F) {
	for _, s := range []string{"811218-9876", "198112189876", "701063-2391", "0701234567", "x", "121212+1212", "19811218-98",
		"81 12 18-98 76", "811218 - 9876", "８１１２１８－９８７６", "811218-98\u200b76"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FindPersonnummer(s), findPersonnummer(s); !slices.Equal(got, want) {
			t.Fatalf("FindPersonnummer(%q) = %v, without the count of digits %v", s, got, want)
		}
		for _, m := range FindPersonnummer(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("bad match %+v in %q", m, s)
			}
			digits := 0
			for _, c := range s[m.Start:m.End] {
				if digitValue(c) >= 0 || c >= '0' && c <= '9' {
					digits++
				}
			}
			if digits != 10 && digits != 12 {
				t.Fatalf("match %q has %d digits", s[m.Start:m.End], digits)
			}
		}
	})
}
