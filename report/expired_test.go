package report

import (
	"bytes"
	"strings"
	"testing"

	"samkoll/checklist"
)

// TestExpiredAnswersNotCounted gives the sample answers to items the
// checklists no longer have: the areas table counts only the items there
// are, as the app's summary does, and says how many were left out; the
// shortcoming is still listed as an item no longer in the checklist.
func TestExpiredAnswersNotCounted(t *testing.T) {
	cat := testCatalog(t)
	a, opt := sample(t)
	before := Plan(a, cat, opt)
	a.Responses[checklist.ItemKey{AreaID: "sam", ItemID: "borttagen"}] = resp("sam", "borttagen", checklist.Nej, nil, "gammal punkt", "")
	a.Responses[checklist.ItemKey{AreaID: "sam", ItemID: "borttagen2"}] = resp("sam", "borttagen2", checklist.Ja, nil, "", "")
	d := Plan(a, cat, opt)
	if d.Total != before.Total || d.Expired != 2 {
		t.Errorf("total %+v (was %+v), expired %d", d.Total, before.Total, d.Expired)
	}
	if len(cat.ExpiredResponses(a)) != d.Expired {
		t.Errorf("the export and the app disagree: %d expired in the app", len(cat.ExpiredResponses(a)))
	}
	md := render1(t, a, cat, opt)
	for _, want := range []string{"utgångna punkter) räknas inte i tabellen: 2.", "punkt som inte längre finns i checklistan"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	var buf bytes.Buffer
	if err := AssessmentHTML(&buf, a, cat, opt); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "räknas inte i tabellen: 2.</p>") {
		t.Error("HTML lacks the expired count")
	}
	plain, _ := sample(t)
	if strings.Contains(render1(t, plain, cat, opt), "utgångna punkter") {
		t.Error("the line shows without expired answers")
	}
}
