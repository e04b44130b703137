package checklist

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseUnitMap(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{"empty", "", "[]", ""},
		{"comments and blanks", "# HR:s lista\n\n  Avd 12 = Avdelning 12  \r\n", "[Avd 12→Avdelning 12@3]", ""},
		{"bom", "\uFEFFAvd 1 = Avdelning 1\n", "[Avd 1→Avdelning 1@1]", ""},
		{"same name in other case is no mapping", "avd 1 = Avd 1\n", "[]", ""},
		{"two to one", "Avd 12 = Avdelning 12\nAvd. 12 = Avdelning 12\n", "[Avd 12→Avdelning 12@1 Avd. 12→Avdelning 12@2]", ""},
		{"no equals", "Avd 12 Avdelning 12\n", "", "units.txt:1: skriv \"gammalt namn = nytt namn\""},
		{"missing name", "Avd 12 =\n", "", "units.txt:1: ett namn saknas på raden"},
		{"mapped twice", "A = B\na = C\n", "", "units.txt:2: \"a\" står redan på rad 1"},
		{"chain", "A = B\nB = C\n", "", "units.txt:2: \"B\" är redan ett nytt namn på rad 1; skriv den slutliga enheten direkt"},
		{"chain backwards", "B = C\nA = B\n", "", "units.txt:2: \"B\" mappas själv på rad 1; skriv den slutliga enheten direkt"},
		{"control characters", "A\x1b[2J = B\n", "", "units.txt:1: namnet innehåller styrtecken"},
		{"not utf-8", "Avd \xe5 = B\n", "", "units.txt: filen är inte UTF-8; spara den som UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseUnitMap(strings.NewReader(tt.in), "units.txt")
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, m := range got {
				parts = append(parts, fmt.Sprintf("%s→%s@%d", m.From, m.To, m.Line))
			}
			if s := "[" + strings.Join(parts, " ") + "]"; s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
	if _, err := ParseUnitMap(strings.NewReader(strings.Repeat("x", MaxUnitMapSize+1)), "big.txt"); err == nil {
		t.Error("an oversized map was read")
	}
}

func FuzzParseUnitMap(f *testing.F) {
	for _, s := range []string{"A = B\n", "# c\nA=B\nC = B\n", "A = B\nB = C", "\uFEFFx=y", "=\n=", "a\x00=b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseUnitMap(strings.NewReader(in), "f")
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, m := range got {
			from, to := strings.ToLower(m.From), strings.ToLower(m.To)
			if from == "" || to == "" || from == to || seen[from] || Sanitize(m.From) != m.From {
				t.Fatalf("bad mapping %+v in %q", m, in)
			}
			seen[from] = true
		}
		for _, m := range got {
			if seen[strings.ToLower(m.To)] {
				t.Fatalf("a chain through %q in %q", m.To, in)
			}
		}
	})
}
