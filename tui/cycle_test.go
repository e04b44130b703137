package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"samkoll/checklist"
)

// cycleFake is the fake store with the unit's earlier answers.
type cycleFake struct {
	*fakeStore
	prev    map[checklist.ItemKey]checklist.PastResponse
	history []checklist.PastResponse
	// planned are the areas the unit's year plan has due.
	planned []string
	// plannedFor records the PlannedAreas calls.
	plannedFor []string
}

func (c *cycleFake) PlannedAreas(_ context.Context, unit string, date checklist.Date) ([]string, error) {
	c.plannedFor = append(c.plannedFor, unit+" "+date.String())
	return c.planned, nil
}

func (c *cycleFake) PreviousResponses(context.Context, int64) (map[checklist.ItemKey]checklist.PastResponse, error) {
	return c.prev, nil
}

func (c *cycleFake) ItemHistory(_ context.Context, _ int64, k checklist.ItemKey) ([]checklist.PastResponse, error) {
	var out []checklist.PastResponse
	for _, p := range c.history {
		if p.Response.Key() == k {
			out = append(out, p)
		}
	}
	return out, nil
}

// cycleDriver returns a driver on a store whose unit had two earlier APTs:
// item p1 was Nej · Hög, then Delvis · Medel with measures in place.
func cycleDriver(t testing.TB, lang checklist.Lang) *driver {
	fs := newFakeStore()
	first, second := testToday.AddDays(-120), testToday.AddDays(-40)
	k := checklist.ItemKey{AreaID: "krank", ItemID: "p1"}
	then := checklist.PastResponse{AssessmentID: 90, Date: first, Response: checklist.Response{AreaID: "krank", ItemID: "p1",
		Answer: checklist.Nej, Comment: "Rutinen är okänd", Risk: &checklist.Risk{Probability: 3, Consequence: 3, Level: checklist.Hog}},
		Reevaluations: []checklist.Reevaluation{{On: first.AddDays(30), Risk: checklist.Risk{Level: checklist.Medel}}}}
	last := checklist.PastResponse{AssessmentID: 91, Date: second, Response: checklist.Response{AreaID: "krank", ItemID: "p1",
		Answer: checklist.Delvis, Risk: &checklist.Risk{Probability: 2, Consequence: 3, Level: checklist.Medel},
		Measures: "Rutinen sitter i personalrummet"}}
	cf := &cycleFake{fakeStore: fs, prev: map[checklist.ItemKey]checklist.PastResponse{k: last},
		history: []checklist.PastResponse{then, last}, planned: []string{"disk"}}
	d := driverOn(t, cf, fs, lang)
	seed(t, fs, "Avdelning 12", testToday, 0)
	d.send(resumedMsg{})
	return d
}

// cycleGolden checks the view at 80×24 and 40×12, dark and light.
func cycleGolden(t *testing.T, setup func(d *driver)) {
	goldenViewsOn(t, func(t *testing.T) *driver { return cycleDriver(t, checklist.Swedish) }, setup)
}

func TestGoldenWalkPrevious(t *testing.T) {
	cycleGolden(t, func(d *driver) { d.keys("enter") })
}

func TestGoldenWalkHistory(t *testing.T) {
	cycleGolden(t, func(d *driver) { d.keys("enter", "t") })
}

func TestWalkPreviousAndHistory(t *testing.T) {
	d := cycleDriver(t, checklist.Swedish)
	d.keys("enter")
	out := d.view()
	for _, want := range []string{
		"Förra APT " + testToday.AddDays(-40).String() + ": Delvis · Medel",
		"Fungerade förra APT: Rutinen sitter i personalrummet",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("walk lacks %q:\n%s", want, out)
		}
	}
	// The next item was never answered: no line.
	d.keys("right")
	if strings.Contains(d.view(), "Förra APT") {
		t.Errorf("an item without an earlier answer shows one:\n%s", d.view())
	}
	d.keys("left", "t")
	out = d.view()
	for _, want := range []string{"Tidigare svar", testToday.AddDays(-120).String() + "  Nej · Hög", "Kommentar: Rutinen är okänd",
		"omvärderad: Medel", "Fungerar redan: Rutinen sitter i personalrummet"} {
		if !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
	// t or esc closes it; the walk is where it was.
	d.keys("esc")
	if out := d.view(); strings.Contains(out, "Tidigare svar") || !strings.Contains(out, "Förra APT") {
		t.Errorf("after esc:\n%s", out)
	}
	// An answer given now keeps the previous line beside it.
	d.keys("1", "left")
	if out := d.view(); !strings.Contains(out, "Svar: Ja") || !strings.Contains(out, "Förra APT") {
		t.Errorf("after answering:\n%s", out)
	}
	// English.
	e := cycleDriver(t, checklist.English)
	e.keys("enter")
	if out := e.view(); !strings.Contains(out, "Last APT "+testToday.AddDays(-40).String()+": Partly · Medium") {
		t.Errorf("English walk:\n%s", out)
	}
}

func TestWalkOwnItems(t *testing.T) {
	d := cycleDriver(t, checklist.Swedish)
	var a *checklist.Assessment
	for _, x := range d.store.assessments {
		a = x
	}
	a.OwnItems = []checklist.OwnItem{
		{ID: 1, UnitID: a.UnitID, AreaID: "krank", ItemID: "E1", Statement: "Vi hälsar på varandra."},
		{ID: 2, UnitID: a.UnitID, AreaID: checklist.OwnArea, ItemID: "E2", Statement: "Vi hinner äta lunch."},
	}
	d.keys("enter")
	w := d.walk()
	var got []string
	for _, wi := range w.items {
		got = append(got, wi.area.ID+"/"+wi.item.ID)
	}
	want := "krank/p1 krank/p2 krank/p3 krank/E1 disk/p1 disk/p2 egen/E2"
	if strings.Join(got, " ") != want {
		t.Fatalf("walk items %v, want %s", got, want)
	}
	// The own item is answered like any other.
	w.idx = len(w.items) - 1
	d.keys("1")
	if r := a.Responses[checklist.ItemKey{AreaID: "egen", ItemID: "E2"}]; r.Answer != checklist.Ja {
		t.Errorf("own item answer %+v", r)
	}
	// The own items count in the walk's progress and in the summary's
	// totals, as the walk's position does: one total everywhere.
	if out := d.view(); !strings.Contains(out, "1/7\n") || !strings.Contains(out, "1/7 besvarade") {
		t.Errorf("the walk's position and progress disagree about 7 items:\n%s", out)
	}
	d.keys("s")
	total := 0
	var rows []string
	for _, c := range d.m.active().(*summaryScreen).counts() {
		rows = append(rows, c.title)
		for _, n := range c.answers {
			total += n
		}
	}
	if total != 7 || rows[len(rows)-1] != "Egna punkter" {
		t.Errorf("summary rows %v count %d items, want 7 with Egna punkter last", rows, total)
	}
}

// withCarried gives the driver's assessment a serious risk carried from an
// earlier APT without an action.
func withCarried(d *driver) {
	for _, a := range d.store.assessments {
		a.CarriedRisks = []checklist.CarriedRisk{{PastResponse: checklist.PastResponse{AssessmentID: 90, Date: testToday.AddDays(-120),
			Response: checklist.Response{AreaID: "krank", ItemID: "p2", Answer: checklist.Nej,
				Risk: &checklist.Risk{Probability: 3, Consequence: 3, Level: checklist.Hog}}}}}
	}
}

func TestGoldenSummaryCycle(t *testing.T) {
	cycleGolden(t, func(d *driver) {
		withCarried(d)
		d.keys("enter", "1", "s")
	})
}

func TestSummaryCycle(t *testing.T) {
	d := cycleDriver(t, checklist.Swedish)
	withCarried(d)
	d.keys("enter", "1", "s")
	out := d.view()
	for _, want := range []string{"Allvarliga risker (1)", "Sedan förra APT (1)", "Brist då, Ja nu", "Från tidigare APT, utan åtgärd (1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Inga allvarliga risker bedömda") {
		t.Errorf("the carried serious risk is not counted:\n%s", out)
	}
}

func TestWalkMeasuresInPlace(t *testing.T) {
	d := cycleDriver(t, checklist.Swedish)
	d.keys("enter", "f")
	out := d.view()
	if !strings.Contains(out, "Det här fungerar redan") || !strings.Contains(out, "Rutinen sitter i personalrummet") {
		t.Fatalf("the field does not start from last APT's measures:\n%s", out)
	}
	// Confirmed with a change.
	d.typeText(", och i pärmen")
	d.keys("enter")
	var a *checklist.Assessment
	for _, x := range d.store.assessments {
		a = x
	}
	r := a.Responses[checklist.ItemKey{AreaID: "krank", ItemID: "p1"}]
	if r.Measures != "Rutinen sitter i personalrummet, och i pärmen" || r.Answer != checklist.Unanswered {
		t.Errorf("saved %+v", r)
	}
	if out := d.view(); !strings.Contains(out, "Fungerar redan: Rutinen sitter i personalrummet, och i pärmen") {
		t.Errorf("after saving:\n%s", out)
	}
	// A personnummer is refused as in every free text.
	d.keys("f", "ctrl+u")
	d.typeText("Se 811218-9876")
	d.keys("enter")
	if r := a.Responses[checklist.ItemKey{AreaID: "krank", ItemID: "p1"}]; strings.Contains(r.Measures, "811218") {
		t.Errorf("personnummer saved: %q", r.Measures)
	}
}

func TestGoldenWalkMeasures(t *testing.T) {
	cycleGolden(t, func(d *driver) { d.keys("enter", "f") })
}

func TestNewAssessmentYearPlan(t *testing.T) {
	d := cycleDriver(t, checklist.Swedish)
	d.keys("n")
	d.typeText("Avdelning 12")
	d.keys("tab")
	ns, ok := d.m.active().(*newScreen)
	if !ok {
		t.Fatalf("active %s", d.m.ActiveScreen())
	}
	if !ns.chosen["disk"] || ns.chosen["krank"] {
		t.Errorf("chosen %v, want the planned area only", ns.chosen)
	}
	if out := d.view(); !strings.Contains(out, "Årshjulet: Diskriminering") {
		t.Errorf("the form does not say why:\n%s", out)
	}
	// A toggle by hand wins over the plan, also when the date changes.
	d.keys("tab", "tab", "tab", "space")
	before := fmt.Sprint(ns.chosen)
	d.keys("shift+tab", "shift+tab", "shift+tab")
	d.typeText("2026-04-01")
	d.keys("tab")
	if got := fmt.Sprint(ns.chosen); got != before || strings.Contains(d.view(), "Årshjulet") {
		t.Errorf("after a toggle by hand: %s, was %s", got, before)
	}
}

func TestGoldenNewAssessmentYearPlan(t *testing.T) {
	cycleGolden(t, func(d *driver) {
		d.keys("n")
		d.typeText("Avdelning 12")
		d.keys("tab")
	})
}
