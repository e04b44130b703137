package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// TestCatalogLoadsInBackground checks that the start screen does not wait
// for the checklists, that a key needing them (n: new assessment) waits
// until they arrive and is then carried out, and that load problems show
// as a warning in the chosen language.
func TestCatalogLoadsInBackground(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 7", testToday, 2)
	cat := testCatalog(t)
	loadErr := &checklist.FileError{File: "egna/trasig.yaml", Line: 2, Column: 10,
		Msg: checklist.Text{SV: "version måste vara ett heltal", EN: "version must be a whole number"}}
	loads := 0
	m := New(Config{Store: fs, Lang: checklist.English, Today: func() checklist.Date { return testToday },
		LoadCatalog: func() (*checklist.Catalog, []error) { loads++; return cat, []error{loadErr} }})
	d := &driver{t: t, m: m, store: fs, export: &fakeExporter{}, timeout: 50 * time.Millisecond}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})

	// Run Init's list load, but hold the catalog back, as if it were slow.
	var catalogCmd tea.Cmd
	for _, c := range m.Init()().(tea.BatchMsg) {
		if c == nil {
			continue
		}
		if msg := c(); msg != nil {
			if _, ok := msg.(catalogLoadedMsg); ok {
				catalogCmd = func() tea.Msg { return msg }
				continue
			}
			d.run(func() tea.Msg { return msg })
		}
	}
	if catalogCmd == nil || loads != 1 {
		t.Fatalf("Init did not load the catalog once in a command (loads %d)", loads)
	}
	if v := d.view(); !strings.Contains(v, "Avdelning 7") {
		t.Fatalf("the start screen waits for the catalog:\n%s", v)
	}
	d.keys("n")
	if got := d.m.ActiveScreen(); got != homeScreenID.String() {
		t.Fatalf("new assessment opened before the catalog arrived: %s", got)
	}

	d.run(catalogCmd)
	if got := d.m.ActiveScreen(); got != newScreenID.String() {
		t.Fatalf("after the catalog arrived the screen is %s, want the new assessment form", got)
	}
	v := d.view()
	if !strings.Contains(v, cat.Areas[0].Title.EN) {
		t.Errorf("the form does not list the loaded areas:\n%s", v)
	}
	if !strings.Contains(v, "egna/trasig.yaml:2:10: version must be a whole number") {
		t.Errorf("the load problem is not shown in English:\n%s", v)
	}
}
