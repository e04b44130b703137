package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"samkoll/checklist"
)

// TestImportInvariants edits a good export so that each field is well
// formed but the whole breaks what the app relies on: a risk on a Ja
// answer, a time in the year 9999, created after updated, more answered
// items than the area has, an action carried into another unit's
// assessment. Each is refused with its field path in both languages and
// nothing is written.
func TestImportInvariants(t *testing.T) {
	ctx := context.Background()
	_, edit := sampleEditor(t)
	for _, tt := range []struct {
		name, file, path, en string
	}{
		{"risk on ja", edit(func(m map[string]any) {
			fileElem(fileAssessment(m, 0), "answers", 0)["risk"] = map[string]any{"probability": 1, "consequence": 1, "level": "lag", "serious": false}
		}), "assessments[0].answers[0].risk", "belongs only to the answers nej and delvis"},
		{"year 9999", edit(func(m map[string]any) { fileAssessment(m, 0)["updated"] = "9999-01-01T00:00:00Z" }),
			"assessments[0].updated", "lies in the future"},
		{"answered in the future", edit(func(m map[string]any) {
			fileElem(fileAssessment(m, 0), "answers", 0)["answered_at"] = "9999-01-01T00:00:00Z"
		}), "assessments[0].answers[0].answered_at", "lies in the future"},
		{"created after updated", edit(func(m map[string]any) {
			fileAssessment(m, 0)["created"] = "2026-06-03T00:00:00Z"
			fileAssessment(m, 0)["updated"] = "2026-06-01T00:00:00Z"
		}), "assessments[0].created", "created (2026-06-03T00:00:00Z) after last updated"},
		{"more answered than items", edit(func(m map[string]any) { fileElem(fileAssessment(m, 0), "areas", 0)["items"] = 1 }),
			"assessments[0].answers[", "but more answered"},
		{"carried into another unit", edit(func(m map[string]any) { fileAssessment(m, 2)["unit"] = "En helt annan enhet" }),
			"assessments[2].actions[", "another unit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			before := dump(t, s)
			_, err := s.ImportJSON(ctx, strings.NewReader(tt.file))
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("ImportJSON = %v, want an *ImportError", err)
			}
			if !strings.HasPrefix(ie.Path, tt.path) {
				t.Errorf("path %q, want %q…", ie.Path, tt.path)
			}
			if en := ie.Message(checklist.English); !strings.Contains(en, tt.en) {
				t.Errorf("English %q lacks %q", en, tt.en)
			}
			if after := dump(t, s); after != before {
				t.Error("the database changed")
			}
		})
	}
}
