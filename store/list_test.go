package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"samkoll/checklist"
)

// TestRecentAssessments checks that the first page of the start screen holds
// the newest assessments with exactly the counts the full list gives them:
// answered and total items, open and overdue actions, own and carried over.
func TestRecentAssessments(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	units := []string{"Avd 1", "avd 2", "Akuten", "Öron"}
	for i := 0; i < 24; i++ {
		date := fmt.Sprintf("2026-%02d-%02d", 1+i%11, 1+i*3%27)
		a := mustCreate(t, s, newAssessment(units[i%len(units)], date, "x", "y"), map[string]int{"x": 10, "y": 5})
		for k := 0; k < i%4; k++ {
			r := checklist.Response{AreaID: "x", ItemID: fmt.Sprint(k), Answer: checklist.Answers[k%4], Reason: "skäl"}
			if err := s.SaveResponse(ctx, a.ID, r); err != nil {
				t.Fatal(err)
			}
		}
		for k := 0; k < i%3; k++ {
			due := checklist.Date{}
			if k == 1 {
				due = d("2026-03-01")
			}
			mustAction(t, s, checklist.Action{AssessmentID: a.ID, Risk: "brist", What: fmt.Sprintf("åtgärd %d-%d", i, k),
				Due: due, Status: checklist.ActionStatuses[(i+k)%4]})
		}
	}
	today := d("2026-06-01")
	all, err := s.ListAssessments(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 24 {
		t.Fatalf("%d assessments listed", len(all))
	}
	byID := map[int64]Summary{}
	var carried bool
	for _, m := range all {
		byID[m.ID] = m
		if m.OpenActions > 0 && m.Answered == 0 {
			carried = true
		}
	}
	if !carried {
		t.Fatal("the data has no carried-over action to count; the test proves less than it should")
	}
	for i := 1; i < len(all); i++ {
		if all[i].Date.Compare(all[i-1].Date) > 0 {
			t.Fatalf("list not newest first at %d", i)
		}
	}
	for _, n := range []int{0, 1, 5, 24, 100} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			page, err := s.RecentAssessments(ctx, today, n)
			if err != nil {
				t.Fatal(err)
			}
			if want := min(n, 24); len(page) != want {
				t.Fatalf("%d rows, want %d", len(page), want)
			}
			for i, m := range page {
				if !reflect.DeepEqual(m, byID[m.ID]) {
					t.Errorf("page row %d = %+v\nfull list has %+v", i, m, byID[m.ID])
				}
				if i > 0 && m.Date.Compare(page[i-1].Date) > 0 {
					t.Errorf("page not newest first at %d", i)
				}
			}
			// Nothing left out of the page is newer than what is in it.
			if len(page) > 0 {
				oldest := page[len(page)-1].Date
				in := map[int64]bool{}
				for _, m := range page {
					in[m.ID] = true
				}
				for _, m := range all {
					if !in[m.ID] && m.Date.Compare(oldest) > 0 {
						t.Errorf("assessment %d of %s is newer than the page's oldest, %s", m.ID, m.Date, oldest)
					}
				}
			}
		})
	}
}

// BenchmarkRecentAssessments is the start screen's first page at 1,000
// assessments; compare BenchmarkListAssessments for everything.
func BenchmarkRecentAssessments(b *testing.B) {
	ctx := context.Background()
	s := benchDB(b)
	for b.Loop() {
		if _, err := s.RecentAssessments(ctx, checklist.Today(), 60); err != nil {
			b.Fatal(err)
		}
	}
}

// TestActionRiskLevel checks that an action carries the level its item got
// in the action's own assessment, also when a later assessment shows it.
func TestActionRiskLevel(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	first := mustCreate(t, s, newAssessment("Avd 1", "2026-01-10", "x"), map[string]int{"x": 3})
	risk := &checklist.Risk{Probability: 3, Consequence: 4, Level: checklist.LevelFor(3, 4)}
	if err := s.SaveResponse(ctx, first.ID, checklist.Response{AreaID: "x", ItemID: "1", Answer: checklist.Nej, Risk: risk}); err != nil {
		t.Fatal(err)
	}
	linked := mustAction(t, s, checklist.Action{AssessmentID: first.ID, AreaID: "x", ItemID: "1", Risk: "brist", What: "gör något"})
	free := mustAction(t, s, checklist.Action{AssessmentID: first.ID, Risk: "annat", What: "fritt"})
	second := mustCreate(t, s, newAssessment("Avd 1", "2026-05-10", "x"), map[string]int{"x": 3})
	got := map[int64]checklist.Level{}
	for _, x := range second.Actions {
		got[x.ID] = x.RiskLevel
	}
	if got[linked.ID] != checklist.MycketHog || got[free.ID] != checklist.NoLevel {
		t.Fatalf("levels carried over: %v, want %d: mycket hög, %d: none", got, linked.ID, free.ID)
	}
}
