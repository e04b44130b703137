package store

import (
	"context"
	"fmt"
	"testing"

	"samkoll/checklist"
)

// demoAreas returns n areas of m items each.
func demoAreas(n, m int) []*checklist.Area {
	types := []checklist.ItemType{checklist.Lagkrav, checklist.RiskItem, checklist.Friskfaktor}
	var areas []*checklist.Area
	for i := range n {
		a := &checklist.Area{ID: fmt.Sprintf("omrade%d", i+1), Version: 1, Hash: fmt.Sprintf("%016x", i), Core: i < 2}
		for j := range m {
			a.Items = append(a.Items, checklist.Item{ID: fmt.Sprintf("%d.%d", i+1, j+1), Type: types[j%3],
				Problem: checklist.Text{SV: fmt.Sprintf("Brist %d.%d", i+1, j+1)}})
		}
		areas = append(areas, a)
	}
	return areas
}

// demoStore is a new database filled with 60 demo assessments of three
// areas of ten items over 7 units, and its list of assessments.
func demoStore(t *testing.T) (*Store, []Summary) {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	if err := FillDemo(ctx, s, demoAreas(3, 10), 60, 7); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListAssessments(ctx, checklist.Today())
	if err != nil {
		t.Fatal(err)
	}
	return s, list
}

func TestFillDemo(t *testing.T) {
	ctx := context.Background()
	s, list := demoStore(t)
	if len(list) != 60 {
		t.Fatalf("%d assessments, want 60", len(list))
	}
	// Each batch folded its answers into latest_answers: nothing is left
	// pending for Close.
	if n := pendingCount(t, s); n != 0 {
		t.Errorf("%d assessments pending after the demo", n)
	}
	if got, want := latestTable(t, s), latestAnswers(t, s, true); got != want || got == "" {
		t.Errorf("latest_answers after the demo\n%s\nwant\n%s", got, want)
	}
	units, _ := s.Units(ctx)
	if len(units) != len(demoUnits) {
		t.Errorf("%d units, want %d", len(units), len(demoUnits))
	}
	years := map[int]bool{}
	for _, m := range list {
		years[m.Date.Year] = true
		// Three areas of ten items, and the unit's own items on top.
		items := 0
		for _, n := range m.AreaItems {
			items += n
		}
		if items != 30 || m.Total < 30 || m.Total > 34 || m.Answered == 0 || m.Answered > m.Total {
			t.Errorf("assessment %d: %d/%d answered, %d checklist items", m.ID, m.Answered, m.Total, items)
		}
	}
	if len(years) < 2 {
		t.Errorf("dates span %d years", len(years))
	}
	statuses := map[string]int{}
	rows, _ := s.db.Query("SELECT status, count(*) FROM actions GROUP BY status")
	for rows.Next() {
		var st string
		var c int
		rows.Scan(&st, &c)
		statuses[st] = c
	}
	rows.Close()
	for _, st := range checklist.ActionStatuses {
		if statuses[st.String()] == 0 {
			t.Errorf("no %s actions: %v", st, statuses)
		}
	}
	var links int
	s.db.QueryRow("SELECT count(*) FROM assessment_actions").Scan(&links)
	if links == 0 {
		t.Error("no carried-over actions")
	}
	// Every stored row satisfies the schema and loads.
	for _, m := range list[:5] {
		if _, err := s.LoadAssessment(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
	}
	// The SAM cycle can be seen: every part has rows.
	for _, q := range []string{
		"SELECT count(*) FROM carried_risks",
		"SELECT count(*) FROM reevaluations",
		"SELECT count(*) FROM own_items",
		"SELECT count(*) FROM answers WHERE measures <> ''",
		"SELECT count(*) FROM year_plans",
		"SELECT count(*) FROM answers WHERE answer IN ('delvis', 'nej') AND risk_level IS NULL",
		"SELECT count(*) FROM answers WHERE item_id GLOB 'E[0-9]*'",
	} {
		var n int
		if err := s.db.QueryRow(q).Scan(&n); err != nil || n == 0 {
			t.Errorf("%s: %d, %v", q, n, err)
		}
	}
	// A unit's answers change from APT to APT, and risks rise and fall.
	changes := map[checklist.Change]int{}
	for _, u := range units {
		for _, area := range demoAreas(3, 10) {
			for _, it := range area.Items {
				hist, err := s.ItemHistory(ctx, u.ID, checklist.ItemKey{AreaID: area.ID, ItemID: it.ID})
				if err != nil {
					t.Fatal(err)
				}
				for i := 1; i < len(hist); i++ {
					changes[checklist.CompareResponses(hist[i-1].Response.Answer, hist[i-1].Level(),
						hist[i].Response.Answer, hist[i].Level())]++
				}
			}
		}
	}
	for _, c := range []checklist.Change{checklist.NoChange, checklist.Resolved, checklist.NewShortcoming, checklist.RiskRose, checklist.RiskFell} {
		if changes[c] == 0 {
			t.Errorf("no %v between APTs: %v", c, changes)
		}
	}
	// The same seed gives the same content.
	other := openTest(t)
	if err := FillDemo(ctx, other, demoAreas(3, 10), 60, 7); err != nil {
		t.Fatal(err)
	}
	var n1, n2 int
	s.db.QueryRow("SELECT count(*) FROM answers WHERE answer = 'nej'").Scan(&n1)
	other.db.QueryRow("SELECT count(*) FROM answers WHERE answer = 'nej'").Scan(&n2)
	if n1 != n2 || n1 == 0 {
		t.Errorf("nej answers %d and %d with the same seed", n1, n2)
	}
}
