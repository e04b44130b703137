package store

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestValidUIDMatchesPattern holds validUID to the pattern it checks by
// hand, on the edges and on random strings of its alphabet and beyond.
func TestValidUIDMatchesPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[0-9a-f][0-9a-f-]{6,62}[0-9a-f]$`)
	cases := []string{"", "0123456", "01234567", "-1234567", "0123456-", "0123-567",
		strings.Repeat("a", 64), strings.Repeat("a", 65), "0123456G", "0123456\u00e9", "12345678\n",
		"550e8400-e29b-41d4-a716-446655440000"}
	rng := rand.New(rand.NewPCG(7, 8))
	const alphabet = "0123456789abcdef-gA\u00e9 \n"
	runes := []rune(alphabet)
	for range 20000 {
		var b strings.Builder
		n := rng.IntN(70)
		for range n {
			if rng.IntN(10) < 8 {
				b.WriteRune(runes[rng.IntN(17)])
			} else {
				b.WriteRune(runes[rng.IntN(len(runes))])
			}
		}
		cases = append(cases, b.String())
	}
	valid := 0
	for _, s := range cases {
		if got, want := validUID(s), pattern.MatchString(s); got != want {
			t.Fatalf("validUID(%q) = %v, the pattern says %v", s, got, want)
		}
		if pattern.MatchString(s) {
			valid++
		}
	}
	if valid < 1000 {
		t.Fatalf("only %d of the cases were valid uids", valid)
	}
}
