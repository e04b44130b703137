package store

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

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
