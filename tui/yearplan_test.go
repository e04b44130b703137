package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// planFake is the fake store with year plans and the areas covered.
type planFake struct {
	*fakeStore
	plans   map[[2]int64]checklist.YearPlan
	covered map[string][]checklist.Date
	saves   int
}

func (p *planFake) YearPlan(_ context.Context, unit int64, year int) (checklist.YearPlan, error) {
	if pl, ok := p.plans[[2]int64{unit, int64(year)}]; ok {
		return pl, nil
	}
	return checklist.YearPlan{UnitID: unit, Year: year}, nil
}

func (p *planFake) SaveYearPlan(_ context.Context, pl checklist.YearPlan) error {
	p.fakeStore.mu.Lock()
	defer p.fakeStore.mu.Unlock()
	if err := p.call("SaveYearPlan"); err != nil {
		return err
	}
	if err := pl.Validate(); err != nil {
		return err
	}
	p.saves++
	p.plans[[2]int64{pl.UnitID, int64(pl.Year)}] = pl
	return nil
}

func (p *planFake) CoveredAreas(_ context.Context, _ int64, year int) (map[string][]checklist.Date, error) {
	if year != testToday.Year {
		return nil, nil
	}
	return p.covered, nil
}

// planDriver is a driver on the start screen of a unit whose plan takes
// disk in May and that took info this year.
func planDriver(t testing.TB) (*driver, *planFake, int64) {
	fs := newFakeStore()
	a := seed(t, fs, "Avdelning 12", testToday, 0)
	pf := &planFake{fakeStore: fs, plans: map[[2]int64]checklist.YearPlan{
		{a.UnitID, 2026}: {UnitID: a.UnitID, Year: 2026, Entries: []checklist.PlanEntry{{AreaID: "disk", Month: time.May}}}},
		covered: map[string][]checklist.Date{"info": {testToday.AddDays(-30)}}}
	d := driverOn(t, pf, fs, checklist.Swedish)
	d.send(resumedMsg{})
	return d, pf, a.UnitID
}

func TestYearPlanEditing(t *testing.T) {
	d, pf, unit := planDriver(t)
	d.keys("w")
	if d.m.ActiveScreen() != "yearplan" {
		t.Fatalf("w opened %s", d.m.ActiveScreen())
	}
	out := d.view()
	for _, want := range []string{"Årshjul 2026 · Avdelning 12", "Kärnområden utan månad: Kränkande särbehandling",
		"* Diskriminering", "maj", "taget " + testToday.AddDays(-30).String()} {
		if !strings.Contains(out, want) {
			t.Errorf("year plan lacks %q:\n%s", want, out)
		}
	}
	// → gives krank (the first row) January, saved at once.
	d.keys("right")
	got := pf.plans[[2]int64{unit, 2026}]
	if got.Month("krank") != time.January || got.Month("disk") != time.May || pf.saves != 1 {
		t.Fatalf("saved %+v", got)
	}
	if out := d.view(); !strings.Contains(out, "Alla kärnområden (*) har en månad.") {
		t.Errorf("the core line did not change:\n%s", out)
	}
	// ← from January is December; x takes the month away.
	d.keys("left")
	if m := pf.plans[[2]int64{unit, 2026}].Month("krank"); m != time.December {
		t.Errorf("← from January gave %v", m)
	}
	d.keys("down", "x")
	if m := pf.plans[[2]int64{unit, 2026}].Month("disk"); m != 0 {
		t.Errorf("x left disk in %v", m)
	}
	// A change that fails is not shown as made.
	pf.failNext = errors.New("disken är full")
	d.keys("right")
	if m := pf.plans[[2]int64{unit, 2026}].Month("disk"); m != 0 {
		t.Errorf("a failed save changed the plan: %v", m)
	}
	if out := d.view(); !strings.Contains(out, "Inte sparat: årshjulet för Avdelning 12 2026") || strings.Contains(out, "jan ") && strings.Contains(out, "Diskriminering  jan") {
		t.Errorf("after a failed save:\n%s", out)
	}
	d.keys("esc")
	// Another year has its own plan.
	d.keys("+")
	if out := d.view(); !strings.Contains(out, "Årshjul 2027") || strings.Contains(out, "dec") {
		t.Errorf("next year:\n%s", out)
	}
	d.keys("q")
	if d.m.ActiveScreen() != "home" {
		t.Errorf("q went to %s", d.m.ActiveScreen())
	}
}

func TestGoldenYearPlan(t *testing.T) {
	goldenViewsOn(t, func(t *testing.T) *driver { d, _, _ := planDriver(t); return d }, func(d *driver) { d.keys("w") })
}

// TestYearPlanWaitsForCatalog: w pressed before the checklists are loaded
// opens the year plan with every area once they are.
func TestYearPlanWaitsForCatalog(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 7", testToday, 0)
	pf := &planFake{fakeStore: fs, plans: map[[2]int64]checklist.YearPlan{}}
	cat := testCatalog(t)
	m := New(Config{Store: pf, Lang: checklist.Swedish, Today: func() checklist.Date { return testToday },
		LoadCatalog: func() (*checklist.Catalog, []error) { return cat, nil }})
	d := attach(t, m, fs)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.send(resumedMsg{})
	d.keys("w")
	if got := m.ActiveScreen(); got != "home" {
		t.Fatalf("the year plan opened before the catalog arrived: %s", got)
	}
	d.send(catalogLoadedMsg{cat: cat})
	if out := d.view(); m.ActiveScreen() != "yearplan" || !strings.Contains(out, "Diskriminering") {
		t.Errorf("after the catalog arrived (%s):\n%s", m.ActiveScreen(), out)
	}
}
