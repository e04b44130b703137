package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// TestCatalogLoadsAfterFirstFrame checks the start-up order: Init asks only
// for the first page of assessments; the catalog is loaded once that page
// is there, and its problems show as a warning in the chosen language.
func TestCatalogLoadsAfterFirstFrame(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 7", testToday, 2)
	cat := testCatalog(t)
	loadErr := &checklist.FileError{File: "egna/trasig.yaml", Line: 2, Column: 10,
		Msg: checklist.Text{SV: "version måste vara ett heltal", EN: "version must be a whole number"}}
	loads := 0
	m := New(Config{Store: fs, Lang: checklist.English, Today: func() checklist.Date { return testToday },
		LoadCatalog: func() (*checklist.Catalog, []error) { loads++; return cat, []error{loadErr} }})
	d := attach(t, m, fs)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})

	first := firstListMsg(t, m.Init())
	if loads != 0 {
		t.Fatal("Init loaded the catalog before the first frame")
	}
	d.send(first)
	if loads != 1 || m.sh.cat != cat {
		t.Fatalf("after the first page the catalog was loaded %d times", loads)
	}
	v := d.view()
	if !strings.Contains(v, "Avdelning 7") {
		t.Errorf("the list is not shown:\n%s", v)
	}
	if !strings.Contains(v, "egna/trasig.yaml:2:10: version must be a whole number") {
		t.Errorf("the load problem is not shown in English:\n%s", v)
	}
}

// TestKeysWaitForCatalog checks that a key needing the catalog (n: new
// assessment) pressed before it arrives is carried out when it does.
func TestKeysWaitForCatalog(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 7", testToday, 2)
	cat := testCatalog(t)
	m := New(Config{Store: fs, Lang: checklist.Swedish, Today: func() checklist.Date { return testToday },
		LoadCatalog: func() (*checklist.Catalog, []error) { return cat, nil }})
	d := attach(t, m, fs)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.keys("n")
	if got := m.ActiveScreen(); got != homeScreenID.String() {
		t.Fatalf("new assessment opened before the catalog arrived: %s", got)
	}
	d.send(catalogLoadedMsg{cat: cat})
	if got := m.ActiveScreen(); got != newScreenID.String() {
		t.Fatalf("after the catalog arrived the screen is %s, want the new assessment form", got)
	}
	if v := d.view(); !strings.Contains(v, cat.Areas[0].Title.SV) {
		t.Errorf("the form does not list the loaded areas:\n%s", v)
	}
}
