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
