package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// unitFake is the fake store with the start screen's units.
type unitFake struct {
	*fakeStore
	rows []checklist.UnitRow
	core []string
}

func (u *unitFake) UnitOverview(_ context.Context, _ checklist.Date, core []string) ([]checklist.UnitRow, error) {
	u.core = core
	return u.rows, nil
}

func (u *unitFake) RecentUnits(_ context.Context, _ checklist.Date, n int) ([]checklist.UnitRow, error) {
	var out []checklist.UnitRow
	for _, r := range u.rows {
		if n > 0 && len(out) == n {
			break
		}
		r.OpenSerious, r.Core = 0, nil
		out = append(out, r)
	}
	return out, nil
}

// unitDriver is a driver on the start screen of two units: Avdelning 7,
// whose last APT was last week with two serious risks and an overdue
// action and disk overdue, and Avdelning 12, a month earlier.
func unitDriver(t testing.TB) (*driver, *unitFake, [2]int64) {
	fs := newFakeStore()
	a12 := seed(t, fs, "Avdelning 12", testToday.AddDays(-30), 2)
	a7 := seed(t, fs, "Avdelning 7", testToday.AddDays(-7), 1)
	uf := &unitFake{fakeStore: fs, rows: []checklist.UnitRow{
		{Unit: checklist.Unit{ID: a7.UnitID, Name: "Avdelning 7"}, LastID: a7.ID, LastDate: a7.Date, OpenSerious: 2, Overdue: 1,
			Core: []checklist.CoreArea{{AreaID: "krank", State: checklist.CoreCovered}, {AreaID: "disk", State: checklist.CoreOverdue}}},
		{Unit: checklist.Unit{ID: a12.UnitID, Name: "Avdelning 12"}, LastID: a12.ID, LastDate: a12.Date,
			Core: []checklist.CoreArea{{AreaID: "krank", State: checklist.CoreDue}, {AreaID: "disk", State: checklist.CoreDue}}},
	}}
	d := driverOn(t, uf, fs, checklist.Swedish)
	d.send(resumedMsg{})
	return d, uf, [2]int64{a7.ID, a12.ID}
}

func TestHomeByUnit(t *testing.T) {
	d, uf, ids := unitDriver(t)
	out := d.view()
	for _, want := range []string{"enheterna, senaste APT först", "Allv.risk", "Kärnområden att ta",
		"> Avdelning 7   " + testToday.AddDays(-7).String() + "  2          1          1 (1 sena)",
		"Avdelning 12  " + testToday.AddDays(-30).String() + "  0          0          2"} {
		if !strings.Contains(out, want) {
			t.Errorf("by unit lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "Avdelning 7 · Kvar i år: Diskriminering (försenat)") {
		t.Errorf("the selected unit's core areas are not named:\n%s", out)
	}
	d.keys("down")
	if out := d.view(); !strings.Contains(out, "Avdelning 12 · Kvar i år: Kränkande särbehandling; Diskriminering") {
		t.Errorf("after down:\n%s", out)
	}
	d.keys("up")
	if strings.Join(uf.core, " ") != "krank disk" {
		t.Errorf("core areas asked %v", uf.core)
	}
	// enter continues the unit's latest APT; back on the start screen the
	// view is still by unit.
	d.keys("down", "enter")
	if w := d.walk(); w.a.ID != ids[1] {
		t.Errorf("enter opened assessment %d, want %d", w.a.ID, ids[1])
	}
	d.keys("esc")
	if out := d.view(); !strings.Contains(out, "enheterna") {
		t.Errorf("back from the walk:\n%s", out)
	}
	// esc stays; u goes to the flat list and back.
	d.keys("esc", "u")
	if out := d.view(); !strings.Contains(out, "Besvarat") {
		t.Errorf("u does not go to the list:\n%s", out)
	}
	// The keys of a unit row: the year plan and the follow-up.
	d.keys("u", "w")
	if d.m.ActiveScreen() != "yearplan" {
		t.Errorf("w opened %s", d.m.ActiveScreen())
	}
}

func TestGoldenHomeByUnit(t *testing.T) {
	goldenViewsOn(t, func(t *testing.T) *driver { d, _, _ := unitDriver(t); return d }, func(*driver) {})
}

// firstFrameDriver is a driver on the first frame of unitDriver's units,
// with the checklists loading in the background and no work after the
// first frame started: the test delivers catalogLoadedMsg{cat} itself.
func firstFrameDriver(t testing.TB) (d *driver, uf *unitFake, cat *checklist.Catalog) {
	d, init, uf, cat := startDriver(t)
	d.run(init)
	return d, uf, cat
}

// startDriver is firstFrameDriver before its first frame: Init has been
// called, and its commands (the first units) are returned, not run.
func startDriver(t testing.TB) (d *driver, init tea.Cmd, uf *unitFake, cat *checklist.Catalog) {
	d0, uf, _ := unitDriver(t)
	uf.core = nil
	cat = testCatalog(t)
	m := New(Config{Store: uf, Lang: checklist.Swedish, Today: func() checklist.Date { return testToday },
		LoadCatalog: func() (*checklist.Catalog, []error) { return cat, nil }})
	d = attach(t, m, d0.store)
	m.sh.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return d, m.Init(), uf, cat
}

// TestStartsOnUnits: with more than one unit, the first frame shows the
// units read before it, their risks and core areas as "…" until the
// checklists are there; then they are read in full. u goes to the list and
// stays there when the full units arrive later.
func TestStartsOnUnits(t *testing.T) {
	d, uf, cat := firstFrameDriver(t)
	out := d.view()
	for _, want := range []string{"enheterna, senaste APT först", "> Avdelning 7   " + testToday.AddDays(-7).String() + "  …          1          …",
		"Läser in risker och kärnområden"} {
		if !strings.Contains(out, want) {
			t.Errorf("the first frame lacks %q:\n%s", want, out)
		}
	}
	if uf.core != nil {
		t.Errorf("the whole units were read before the checklists: %v", uf.core)
	}
	d.send(catalogLoadedMsg{cat: cat})
	if out := d.view(); !strings.Contains(out, "  2          1          1 (1 sena)") || !strings.Contains(out, "Kvar i år: Diskriminering") {
		t.Errorf("after the checklists:\n%s", out)
	}

	// u before the checklists waits for them, as the units do; then the
	// list shows and stays when the units are read in full.
	d, _, _ = firstFrameDriver(t)
	d.keys("u")
	if out := d.view(); !strings.Contains(out, "enheterna, senaste APT först") {
		t.Errorf("u before the checklists:\n%s", out)
	}
	d.send(startRestMsg{})
	if out := d.view(); !strings.Contains(out, "Besvarat") {
		t.Errorf("u before the checklists, then the checklists and the list:\n%s", out)
	}

	// u and enter at once, before the list behind the units was read: u
	// reads it, and enter waits for it and opens the newest assessment.
	d, _, cat = firstFrameDriver(t)
	d.keys("u", "enter")
	d.send(catalogLoadedMsg{cat: cat})
	if d.m.ActiveScreen() != "walk" {
		t.Errorf("u, enter at start opened %s:\n%s", d.m.ActiveScreen(), d.view())
	}

	// The same keys typed before the first frame wait for it.
	d, init, _, cat := startDriver(t)
	d.keys("u", "enter")
	if d.m.ActiveScreen() != "home" || len(d.m.held) != 2 {
		t.Fatalf("before the first frame: %s, %d keys held", d.m.ActiveScreen(), len(d.m.held))
	}
	d.run(init)
	d.send(catalogLoadedMsg{cat: cat})
	if d.m.ActiveScreen() != "walk" {
		t.Errorf("u, enter before the first frame opened %s:\n%s", d.m.ActiveScreen(), d.view())
	}
}

// TestGoldenHomeFirstFrameByUnit is the first frame of the start screen by
// unit, before the risks and core areas are read.
func TestGoldenHomeFirstFrameByUnit(t *testing.T) {
	goldenViewsOn(t, func(t *testing.T) *driver {
		d, _, _ := firstFrameDriver(t)
		return d
	}, func(*driver) {})
}

// TestOneUnitStartsOnList: a database with one unit opens on the list of
// its assessments, as does an empty one.
func TestOneUnitStartsOnList(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 7", testToday, 0)
	seed(t, fs, "Avdelning 7", testToday.AddDays(-40), 0)
	uf := &unitFake{fakeStore: fs, rows: []checklist.UnitRow{{Unit: checklist.Unit{ID: 1, Name: "Avdelning 7"}, LastDate: testToday}}}
	d := driverOn(t, uf, fs, checklist.Swedish)
	if out := d.view(); !strings.Contains(out, "Besvarat") {
		t.Errorf("one unit:\n%s", out)
	}
	e := driverOn(t, &unitFake{fakeStore: newFakeStore()}, newFakeStore(), checklist.Swedish)
	if out := e.view(); !strings.Contains(out, "Här finns inga riskbedömningar") {
		t.Errorf("no unit:\n%s", out)
	}
}

// TestByUnitWaitsForCatalog: u pressed before the checklists are loaded
// shows the units once they are, with the core areas asked for.
func TestByUnitWaitsForCatalog(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 7", testToday, 0)
	uf := &unitFake{fakeStore: fs}
	cat := testCatalog(t)
	m := New(Config{Store: uf, Lang: checklist.Swedish, Today: func() checklist.Date { return testToday },
		LoadCatalog: func() (*checklist.Catalog, []error) { return cat, nil }})
	d := attach(t, m, fs)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.keys("u")
	if uf.core != nil || strings.Contains(d.view(), "enheterna") {
		t.Fatalf("the units were read before the catalog: core %v", uf.core)
	}
	d.send(catalogLoadedMsg{cat: cat})
	if strings.Join(uf.core, " ") != "krank disk" || !strings.Contains(d.view(), "enheterna") {
		t.Errorf("after the catalog: core %v\n%s", uf.core, d.view())
	}
}

// TestGoldenHomeByUnitPresenting is the units in presentation mode:
// centred, as the list of assessments is.
func TestGoldenHomeByUnitPresenting(t *testing.T) {
	goldenViewsOn(t, func(t *testing.T) *driver { d, _, _ := unitDriver(t); return d }, func(d *driver) {
		d.keys("f2")
		if !d.m.sh.presenting {
			t.Fatal("f2 did not turn presentation mode on")
		}
	})
}

// TestUnitsSayWhichRowsShow: where not every unit fits the window, the
// title says which show, as the list of assessments does; where all fit,
// it says nothing.
func TestUnitsSayWhichRowsShow(t *testing.T) {
	d, uf, _ := unitDriver(t)
	if out := d.view(); strings.Contains(out, " av ") {
		t.Errorf("two units at 80×24 get a row count:\n%s", out)
	}
	for i := range 10 {
		uf.rows = append(uf.rows, checklist.UnitRow{Unit: checklist.Unit{ID: int64(100 + i), Name: fmt.Sprintf("Enhet %d", i)},
			LastDate: testToday.AddDays(-60 - i)})
	}
	d.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	d.m.sh.post(showUnitsMsg{})
	d.send(unitOverviewMsg{rows: uf.rows})
	out := d.view()
	first := strings.SplitN(out, "\n", 2)[0]
	if !strings.HasSuffix(first, "av 12") || !strings.Contains(first, "1–") {
		t.Errorf("the title does not say which of 12 units show:\n%s", out)
	}
	d.keys("end")
	if first := strings.SplitN(d.view(), "\n", 2)[0]; !strings.HasSuffix(first, "–12 av 12") {
		t.Errorf("after end: %q", first)
	}
}
