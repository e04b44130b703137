package store

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"samkoll/checklist"
)

// TestJSONExportEscapesInvisible stores text with C1 controls, a byte order
// mark, line separators, bidi and zero-width characters, and checks that
// the JSON export holds none of them raw but reads back the same text,
// whatever the sizes of the writes.
func TestJSONExportEscapesInvisible(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	unit := "\ufeffEnhet\u0085\u009b2J\u2028\u202eRTL\u200bzw 👩‍⚕️ \U000e0041 åäö"
	mustCreate(t, s, newAssessment(unit, "2026-03-01", "omrade1"), map[string]int{"omrade1": 3})
	var buf bytes.Buffer
	if err := s.ExportJSON(ctx, &buf, nil); err != nil {
		t.Fatal(err)
	}
	if r, i, ok := checklist.Unsafe(buf.String()); ok {
		t.Fatalf("raw %U at byte %d of the JSON: %.80q", r, i, buf.String()[max(0, i-40):])
	}
	var f struct {
		Assessments []struct {
			Unit string `json:"unit"`
		} `json:"assessments"`
	}
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Assessments) != 1 || f.Assessments[0].Unit != unit {
		t.Fatalf("read back %+v, want unit %q", f.Assessments, unit)
	}

	// The same bytes when the writer gets one byte at a time.
	var one bytes.Buffer
	j := &jsonSafeWriter{w: &one}
	raw, _ := json.Marshal(unit)
	for i := range raw {
		if _, err := j.Write(raw[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	var back string
	if err := json.Unmarshal(one.Bytes(), &back); err != nil || back != unit {
		t.Fatalf("byte-wise: %q, %v", back, err)
	}
	if _, _, ok := checklist.Unsafe(one.String()); ok {
		t.Fatalf("byte-wise output holds raw characters: %q", one.String())
	}
}

// FuzzJSONSafeWriter writes any text whole and in pieces of any size: the
// output is the same, every invisible character is escaped, and text
// without one passes unchanged.
func FuzzJSONSafeWriter(f *testing.F) {
	for _, s := range []string{"plain ascii", "åäö\u2028x", "\ufeff\u0085\u009b\u202e\u200b", "👩‍⚕️ \U000e0041", "a\xffb\xe2\x80"} {
		f.Add(s, 1)
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, size int) {
		if size < 1 || size > len(s)+1 {
			return
		}
		var whole, pieces bytes.Buffer
		(&jsonSafeWriter{w: &whole}).Write([]byte(s))
		j := &jsonSafeWriter{w: &pieces}
		for p := []byte(s); len(p) > 0; {
			n := min(size, len(p))
			j.Write(p[:n])
			p = p[n:]
		}
		if whole.String() != pieces.String() {
			t.Fatalf("%q in pieces of %d: %q, whole: %q", s, size, pieces.String(), whole.String())
		}
		if !utf8.ValidString(s) {
			return
		}
		for _, r := range whole.String() {
			if r >= 0x80 && !checklist.Printable(r) {
				t.Fatalf("%q: raw %U in %q", s, r, whole.String())
			}
		}
		clean := true
		for _, r := range s {
			clean = clean && (r < 0x80 || checklist.Printable(r))
		}
		if clean && whole.String() != s {
			t.Fatalf("%q changed to %q", s, whole.String())
		}
	})
}
