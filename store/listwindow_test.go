package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"samkoll/checklist"
)

// TestListWindow checks every window of the start screen's list, with and
// without a filter, against the whole list filtered as the start screen
// filters it: the same assessments in the same order with the same counts,
// and the right total. Several units meet on the same dates, so the order
// within a date (by unit name, then newest) is checked too; unit names
// with å, ä and ö in both cases check that the filter folds them as Go
// does.
func TestListWindow(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	units := []string{"Avd 1", "avd 2", "Öron", "Ärende Akuten", "Åsen"}
	for i := 0; i < 30; i++ {
		a := newAssessment(units[i%len(units)], fmt.Sprintf("2026-%02d-01", 1+i%4), "x")
		if i%3 == 0 {
			a.Participants = "Chef, SKYDDSOMBUD"
		}
		a = mustCreate(t, s, a, map[string]int{"x": 4})
		for k := 0; k < i%3; k++ {
			r := checklist.Response{AreaID: "x", ItemID: fmt.Sprint(k), Answer: checklist.Ja}
			if err := s.SaveResponse(ctx, a.ID, r); err != nil {
				t.Fatal(err)
			}
		}
		if i%4 == 1 {
			mustAction(t, s, checklist.Action{AssessmentID: a.ID, Risk: "brist", What: "åtgärd", Due: d("2026-02-01")})
		}
	}
	today := d("2026-06-01")
	all, err := s.ListAssessments(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, filter := range []string{"", "  öron ", "ÖRON", "åsen", "avd", "skyddsombud", "2026-02", "finns inte"} {
		q := strings.ToLower(strings.TrimSpace(filter))
		var want []Summary
		for _, m := range all {
			if q == "" || strings.Contains(strings.ToLower(m.Unit+" "+m.Date.String()+" "+m.Participants), q) {
				want = append(want, m)
			}
		}
		for _, limit := range []int{1, 7, 40} {
			for offset := 0; offset <= len(want); offset += limit {
				got, total, err := s.ListWindow(ctx, today, filter, offset, limit)
				if err != nil {
					t.Fatal(err)
				}
				if total != len(want) {
					t.Fatalf("filter %q: total %d, want %d", filter, total, len(want))
				}
				end := min(offset+limit, len(want))
				if !reflect.DeepEqual(got, want[offset:end]) && !(len(got) == 0 && offset == end) {
					t.Fatalf("filter %q, window %d+%d:\n got %+v\nwant %+v", filter, offset, limit, got, want[offset:end])
				}
			}
		}
	}
	if got, total, err := s.ListWindow(ctx, today, "", 100, 10); err != nil || total != 30 || len(got) != 0 {
		t.Errorf("past the end: %d rows, total %d, %v", len(got), total, err)
	}
}

// BenchmarkListWindow reads the first window of 40 of the list and one
// with a filter, on 2,000 assessments; compare with BenchmarkListAssessments
// for the cost of the whole list.
func BenchmarkListWindow(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	for i := 0; i < 2000; i++ {
		mustCreate(b, s, newAssessment(fmt.Sprintf("Enhet %d", i%50), fmt.Sprintf("20%02d-%02d-01", 10+i/120, 1+i%12), "x"), map[string]int{"x": 4})
	}
	today := d("2026-06-01")
	b.ResetTimer()
	for i := range b.N {
		filter := ""
		if i%2 == 1 {
			filter = "enhet 7"
		}
		if _, _, err := s.ListWindow(ctx, today, filter, 0, 40); err != nil {
			b.Fatal(err)
		}
	}
}
