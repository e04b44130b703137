package tui

import (
	"strings"
	"testing"

	"samkoll/checklist"
)

// TestExpiredAnswersNotCounted gives an assessment answers to items the
// checklists no longer have: the summary lists them as expired and counts
// only the items there are; the start screen never shows more answered
// than there are items.
func TestExpiredAnswersNotCounted(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avdelning 12", testToday, 3)
	for _, id := range []string{"p7", "p8", "p9"} {
		if err := fs.SaveResponse(t.Context(), a.ID, checklist.Response{AreaID: "krank", ItemID: id, Answer: checklist.Nej}); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, fs)
	// The fake counts every answer (6); krank has 3 items and disk 2.
	if out := d.view(); !strings.Contains(out, "5/5") || strings.Contains(out, "6/5") {
		t.Errorf("start screen shows more answered than items:\n%s", out)
	}
	d.send(openMsg{to: summaryScreenID, id: a.ID})
	out := d.view()
	for _, want := range []string{"Svar på utgångna punkter, räknas inte (3)", "utgången punkt p7: Nej", "utgången punkt p8: Nej"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// The totals count the three krank items answered Ja, nothing else.
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "Totalt") && !strings.Contains(strings.Join(strings.Fields(l), " "), "Totalt 3 0 0 0 2") {
			t.Errorf("totals %q", l)
		}
	}
}

// TestStartScreenCountsExactWhereAreasShrank: an assessment that took an
// area with more items than it has now may hold answers to items that are
// gone; the start screen reads it and counts only the items there are, as
// the summary does.
func TestStartScreenCountsExactWhereAreasShrank(t *testing.T) {
	fs := newFakeStore()
	a, err := fs.CreateAssessment(t.Context(), checklist.Assessment{Unit: "Avdelning 12", Date: testToday,
		Areas: []checklist.AreaRef{{ID: "krank", Version: 1}, {ID: "disk", Version: 1}}}, map[string]int{"krank": 4, "disk": 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"p1", "p2", "p9", "E1"} {
		if err := fs.SaveResponse(t.Context(), a.ID, checklist.Response{AreaID: "krank", ItemID: id, Answer: checklist.Ja}); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, fs)
	// The fake counts all four answers; p9 is gone and E1 is an own item
	// the store never counts (so the fake's count is one too high there too).
	// krank had 4 items when taken and has 3 now: 5 items, as the summary
	// counts them.
	out := d.view()
	if !strings.Contains(out, "3/5") || strings.Contains(out, "4/") || strings.Contains(out, "/6") {
		t.Errorf("start screen, want 3/5 (p1, p2 and E1 as the fake counts it, of 3 + 2 items):\n%s", out)
	}
	if fs.calls["LoadAssessment"] == 0 {
		t.Error("the changed assessment was not read")
	}
	// An assessment whose areas did not change is not read.
	fs2 := newFakeStore()
	seed(t, fs2, "Avdelning 7", testToday, 2)
	newDriver(t, fs2)
	if fs2.calls["LoadAssessment"] != 0 {
		t.Errorf("an unchanged assessment was read %d times", fs2.calls["LoadAssessment"])
	}
}

// TestStartScreenTotalLeavesOutAreasGone: an area no longer loaded counts
// no items on the start screen, as in the summary, and an area that
// shrank counts the items it has now.
func TestStartScreenTotalLeavesOutAreasGone(t *testing.T) {
	fs := newFakeStore()
	a, err := fs.CreateAssessment(t.Context(), checklist.Assessment{Unit: "Avdelning 12", Date: testToday,
		Areas: []checklist.AreaRef{{ID: "krank", Version: 1}, {ID: "borta", Version: 1}}}, map[string]int{"krank": 5, "borta": 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []checklist.ItemKey{{AreaID: "krank", ItemID: "p1"}, {AreaID: "borta", ItemID: "x1"}} {
		if err := fs.SaveResponse(t.Context(), a.ID, checklist.Response{AreaID: k.AreaID, ItemID: k.ItemID, Answer: checklist.Nej}); err != nil {
			t.Fatal(err)
		}
	}
	// krank has 3 items now (not 5), borta is not loaded (not 4).
	if out := newDriver(t, fs).view(); !strings.Contains(out, "1/3") {
		t.Errorf("start screen, want 1/3:\n%s", out)
	}
}
