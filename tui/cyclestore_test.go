package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"samkoll/checklist"
	"samkoll/store"
)

// The store the app runs on has every part the cycle's screens look for;
// a store without one would leave a screen without its data.
var (
	_ cycleStore    = (*store.Store)(nil)
	_ planStore     = (*store.Store)(nil)
	_ ownItemStore  = (*store.Store)(nil)
	_ reevalStore   = (*store.Store)(nil)
	_ yearPlanStore = (*store.Store)(nil)
	_ unitStore     = (*store.Store)(nil)
)

// TestCycleScreensOnRealStore runs the cycle's screens on a real store: an
// own item added, answered and acted on, its risk re-evaluated after the
// action is done, the year plan set, and the units listed; then the store
// holds each.
func TestCycleScreensOnRealStore(t *testing.T) {
	ctx := t.Context()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "samkoll.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a, err := st.CreateAssessment(ctx, checklist.Assessment{Unit: "Avdelning 12", Date: testToday,
		Areas: []checklist.AreaRef{{ID: "krank", Version: 1}, {ID: "disk", Version: 1}}}, map[string]int{"krank": 3, "disk": 2})
	if err != nil {
		t.Fatal(err)
	}
	d := driverWith(t, st, nil, checklist.Swedish, &fakeExporter{})
	d.send(openMsg{to: walkScreenID, id: a.ID})

	// An own item in the unit's own area, answered Nej · Hög.
	d.keys("+", "shift+tab", "left", "tab")
	d.typeText("Vi hinner äta lunch")
	d.keys("ctrl+s", "3", "3", "3", "enter")
	got, err := st.LoadAssessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.OwnItems) != 1 || got.OwnItems[0].AreaID != checklist.OwnArea {
		t.Fatalf("own items %+v", got.OwnItems)
	}
	k := ownKey(got.OwnItems[0])
	if r := got.Responses[k]; r.Answer != checklist.Nej || r.Risk == nil || r.Risk.Level != checklist.Hog {
		t.Fatalf("answer to the own item %+v", r)
	}

	// An action for it, set to klar in the plan, then re-evaluated.
	if _, err := st.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: k.AreaID, ItemID: k.ItemID,
		What: "Lunchrast i schemat", Who: "chefen", Due: testToday.AddDays(14)}); err != nil {
		t.Fatal(err)
	}
	d.send(openMsg{to: planScreenID, id: a.ID})
	d.keys("s", "s", "r")
	if out := d.view(); !strings.Contains(out, "Tidigare: Hög") {
		t.Fatalf("risk view:\n%s", out)
	}
	d.keys("1", "2", "enter")
	hist, err := st.ItemHistory(ctx, a.UnitID, k)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 || len(hist[0].Reevaluations) != 1 || hist[0].Level() != checklist.Lag || hist[0].Response.Risk.Level != checklist.Hog {
		t.Fatalf("history %+v", hist)
	}

	// The year plan: krank in January.
	d.keys("esc", "esc")
	d.send(openYearPlanMsg{unit: checklist.Unit{ID: a.UnitID, Name: a.Unit}, year: 2026})
	d.keys("right")
	if p, err := st.YearPlan(ctx, a.UnitID, 2026); err != nil || p.Month("krank") != time.January {
		t.Fatalf("year plan %+v, %v", p, err)
	}

	// The units on the start screen.
	d.keys("esc")
	if d.m.ActiveScreen() != "home" {
		t.Fatalf("at %s", d.m.ActiveScreen())
	}
	d.keys("u")
	if out := d.view(); !strings.Contains(out, "> Avdelning 12") || !strings.Contains(out, testToday.String()) {
		t.Errorf("units:\n%s", out)
	}
}

// TestOwnItemRetiredOnRealStore adds an own item at one APT, finds it
// offered at the next, retires it there and checks that it leaves that
// APT and the later ones while the first APT keeps its answer.
func TestOwnItemRetiredOnRealStore(t *testing.T) {
	ctx := t.Context()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "samkoll.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	create := func(date checklist.Date) checklist.Assessment {
		a, err := st.CreateAssessment(ctx, checklist.Assessment{Unit: "Avdelning 12", Date: date,
			Areas: []checklist.AreaRef{{ID: "krank", Version: 1}}}, map[string]int{"krank": 3})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	first := create(testToday.AddDays(-60))
	d := driverWith(t, st, nil, checklist.Swedish, &fakeExporter{})
	d.send(openMsg{to: walkScreenID, id: first.ID})
	d.keys("+")
	d.typeText("Vi hälsar på varandra")
	d.keys("ctrl+s", "1")

	second := create(testToday.AddDays(-30))
	d.send(openMsg{to: walkScreenID, id: second.ID})
	var offered bool
	for _, wi := range d.walk().items {
		offered = offered || wi.item.ID == "E1"
	}
	if !offered {
		t.Fatal("the own item is not offered at the next APT")
	}
	d.keys("+", "d", "j", "esc")
	third := create(testToday)
	for _, id := range []int64{second.ID, third.ID} {
		a, err := st.LoadAssessment(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.OwnItems) != 0 {
			t.Errorf("assessment %d still offers %+v", id, a.OwnItems)
		}
	}
	a, err := st.LoadAssessment(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.OwnItems) != 1 || a.Responses[ownKey(a.OwnItems[0])].Answer != checklist.Ja {
		t.Errorf("the first APT lost its own item or answer: %+v", a.OwnItems)
	}
}
