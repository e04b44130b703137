package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"samkoll/checklist"
)

// SaveOwnItem keeps the own item on its assessment, as the store offers it.
func (f *fakeStore) SaveOwnItem(_ context.Context, o checklist.OwnItem) (checklist.OwnItem, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("SaveOwnItem"); err != nil {
		return o, err
	}
	if err := o.Validate(); err != nil {
		return o, err
	}
	if o.ID != 0 {
		for _, a := range f.assessments {
			for i := range a.OwnItems {
				if a.OwnItems[i].ID == o.ID {
					a.OwnItems = append([]checklist.OwnItem(nil), a.OwnItems...)
					a.OwnItems[i].Statement, a.OwnItems[i].Guidance = o.Statement, o.Guidance
					return a.OwnItems[i], nil
				}
			}
		}
		return o, fmt.Errorf("egen punkt %d finns inte", o.ID)
	}
	a, ok := f.assessments[o.AssessmentID]
	if !ok {
		return o, fmt.Errorf("bedömning %d finns inte", o.AssessmentID)
	}
	n := 0
	for _, x := range f.assessments {
		n += len(x.OwnItems)
	}
	o.ID, o.ItemID, o.UnitID, o.Since = f.id(), fmt.Sprintf("E%d", n+1), a.UnitID, a.Date
	a.OwnItems = append(a.OwnItems, o)
	return o, nil
}

// RetireOwnItem takes the item off the assessments where it is not
// answered.
func (f *fakeStore) RetireOwnItem(_ context.Context, id int64, _ checklist.Date) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("RetireOwnItem"); err != nil {
		return err
	}
	for _, a := range f.assessments {
		var kept []checklist.OwnItem
		for _, o := range a.OwnItems {
			if _, answered := a.Responses[ownKey(o)]; o.ID != id || answered {
				kept = append(kept, o)
			}
		}
		a.OwnItems = kept
	}
	return nil
}

// ownDriver is a driver on the walk of a fresh assessment.
func ownDriver(t testing.TB, lang checklist.Lang) (*driver, *checklist.Assessment) {
	fs := newFakeStore()
	d := newLangDriver(t, fs, lang)
	a := seed(t, fs, "Avdelning 12", testToday, 0)
	d.send(openMsg{to: walkScreenID, id: a.ID})
	return d, fs.assessments[a.ID]
}

func TestOwnItemAddedAnsweredAndActedOn(t *testing.T) {
	d, a := ownDriver(t, checklist.Swedish)
	d.keys("right", "+")
	if d.m.ActiveScreen() != "ownitem" {
		t.Fatalf("+ opened %s", d.m.ActiveScreen())
	}
	out := d.view()
	// The form opens at once and offers the walk's area first.
	for _, want := range []string{"Egen punkt", "‹ Kränkande särbehandling ›", "Påstående"} {
		if !strings.Contains(out, want) {
			t.Errorf("form lacks %q:\n%s", want, out)
		}
	}
	// No statement: not saved.
	d.keys("ctrl+s")
	if !strings.Contains(d.view(), "Skriv punktens påstående först") || len(a.OwnItems) != 0 {
		t.Fatalf("saved without a statement:\n%s", d.view())
	}
	d.keys("shift+tab", "right", "right")
	if !strings.Contains(d.view(), "‹ Egna punkter ›") {
		t.Fatalf("→ does not move to the unit's own area:\n%s", d.view())
	}
	d.keys("tab")
	d.typeText("Vi hinner äta lunch")
	d.keys("enter")
	d.typeText("Tala om veckor med hög belastning")
	d.keys("enter")
	if len(a.OwnItems) != 1 {
		t.Fatalf("own items %+v", a.OwnItems)
	}
	o := a.OwnItems[0]
	if o.AreaID != checklist.OwnArea || o.Statement != "Vi hinner äta lunch" || o.Guidance != "Tala om veckor med hög belastning" {
		t.Errorf("saved %+v", o)
	}
	// Back in the walk, at the new item, answered like any other.
	w := d.walk()
	if wi, _ := w.current(); wi.key() != ownKey(o) {
		t.Fatalf("walk at %v, want %v", wi.key(), ownKey(o))
	}
	if out := d.view(); !strings.Contains(out, "Egna punkter") || !strings.Contains(out, "Vi hinner äta lunch") {
		t.Errorf("walk does not show the own item:\n%s", out)
	}
	d.keys("3", "3", "3", "a")
	r := a.Responses[ownKey(o)]
	if r.Answer != checklist.Nej || r.Risk == nil || r.Risk.Level != checklist.Hog {
		t.Errorf("answer %+v", r)
	}
	if d.m.ActiveScreen() != "plan" {
		t.Fatalf("a after the risk opened %s", d.m.ActiveScreen())
	}
	if out := d.view(); !strings.Contains(out, "Brist: Vi hinner äta lunch") || !strings.Contains(out, "Ny åtgärd · Egna punkter, egen punkt") {
		t.Errorf("the action form does not name the own item:\n%s", out)
	}
}

func TestOwnItemDraftAndPersonnummer(t *testing.T) {
	d, a := ownDriver(t, checklist.Swedish)
	d.keys("+")
	d.typeText("Se 811218-9876")
	d.expire()
	for _, tm := range d.timers {
		d.send(tm)
	}
	d.keys("ctrl+s")
	if len(a.OwnItems) != 0 || !strings.Contains(d.view(), "personnummer") {
		t.Fatalf("a personnummer was saved without a warning:\n%s", d.view())
	}
	// esc drops the form; the draft typed goes with it.
	d.keys("esc")
	if d.m.ActiveScreen() != "walk" {
		t.Fatalf("esc from the form of a unit without own items: %s", d.m.ActiveScreen())
	}
}

func TestOwnItemRetired(t *testing.T) {
	d, a := ownDriver(t, checklist.Swedish)
	a.OwnItems = []checklist.OwnItem{
		{ID: 50, UnitID: a.UnitID, AreaID: "krank", ItemID: "E1", Statement: "Vi hälsar på varandra.", Since: testToday.AddDays(-40)},
		{ID: 51, UnitID: a.UnitID, AreaID: checklist.OwnArea, ItemID: "E2", Statement: "Vi hinner äta lunch.", Guidance: "Tala om veckorna."},
	}
	d.send(resumedMsg{})
	d.keys("+")
	out := d.view()
	for _, want := range []string{"Egna punkter · Avdelning 12", "E1   Vi hälsar på varandra. · Kränkande särbehandling", "E2   Vi hinner äta lunch. · Egna punkter"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	d.keys("d", "n")
	if d.store.calls["RetireOwnItem"] != 0 {
		t.Fatal("retired without yes")
	}
	d.keys("d", "j")
	if len(a.OwnItems) != 1 || a.OwnItems[0].ID != 51 {
		t.Fatalf("own items after retiring %+v", a.OwnItems)
	}
	if !strings.Contains(d.view(), "utgår efter denna APT") {
		t.Errorf("the retired item is not marked:\n%s", d.view())
	}
	// The walk no longer offers it.
	d.keys("esc")
	for _, wi := range d.walk().items {
		if wi.item.ID == "E1" {
			t.Errorf("the walk still offers the retired item")
		}
	}
	// enter goes to the item in the walk.
	d.keys("+", "down", "enter")
	if wi, _ := d.walk().current(); wi.item.ID != "E2" {
		t.Errorf("enter went to %v", wi.key())
	}
}

func TestGoldenOwnItemForm(t *testing.T) {
	goldenViewsOn(t, func(t *testing.T) *driver { d, _ := ownDriver(t, checklist.Swedish); return d }, func(d *driver) {
		d.keys("+")
		d.typeText("Vi hinner äta lunch")
	})
}

func TestGoldenOwnItemList(t *testing.T) {
	goldenViewsOn(t, func(t *testing.T) *driver {
		d, a := ownDriver(t, checklist.Swedish)
		a.OwnItems = []checklist.OwnItem{{ID: 51, UnitID: a.UnitID, AreaID: checklist.OwnArea, ItemID: "E1",
			Statement: "Vi hinner äta lunch.", Guidance: "Tala om veckorna med hög belastning."}}
		d.send(resumedMsg{})
		return d
	}, func(d *driver) { d.keys("+") })
}

// TestOwnItemGuidanceShown checks that the walk, back at the new item,
// shows that item's guidance at once, not the one of the item before.
func TestOwnItemGuidanceShown(t *testing.T) {
	d, _ := ownDriver(t, checklist.Swedish)
	d.keys("+")
	d.typeText("Vi hinner äta lunch")
	d.keys("tab")
	d.typeText("Tala om veckorna")
	d.keys("enter")
	if out := d.view(); !strings.Contains(out, "Vägledning: Tala om veckorna") {
		t.Errorf("the walk does not show the new item's guidance:\n%s", out)
	}
}

// TestOwnItemNotInClosedAssessment: a closed assessment is read only; +
// says so instead of adding an item.
func TestOwnItemNotInClosedAssessment(t *testing.T) {
	d, a := ownDriver(t, checklist.Swedish)
	a.Status = checklist.Avslutad
	d.send(resumedMsg{})
	d.keys("+")
	if d.m.ActiveScreen() != "walk" {
		t.Fatalf("+ on a closed assessment opened %s", d.m.ActiveScreen())
	}
	if out := d.view(); !strings.Contains(out, "avslutad") && !strings.Contains(out, "Avslutad") {
		t.Errorf("no word that the assessment is closed:\n%s", out)
	}
}

// TestOwnItemEdited changes an own item's text from the list: the area
// stays (its answers are kept under it), the list and the walk show the
// new text.
func TestOwnItemEdited(t *testing.T) {
	d, a := ownDriver(t, checklist.Swedish)
	a.OwnItems = []checklist.OwnItem{{ID: 51, UnitID: a.UnitID, AssessmentID: a.ID, AreaID: "krank", ItemID: "E1",
		Statement: "Vi hälsar.", Since: testToday}}
	d.send(resumedMsg{})
	d.keys("+", "e")
	out := d.view()
	for _, want := range []string{"Ändra egen punkt E1", "Kränkande särbehandling", "> Vi hälsar."} {
		if !strings.Contains(out, want) {
			t.Errorf("edit form lacks %q:\n%s", want, out)
		}
	}
	// The area cannot be changed: shift+tab skips it, so twice is back at
	// the statement.
	d.keys("shift+tab", "shift+tab")
	d.typeText(" på varandra")
	d.keys("ctrl+s")
	if got := a.OwnItems[0]; got.Statement != "Vi hälsar. på varandra" || got.AreaID != "krank" || len(a.OwnItems) != 1 {
		t.Fatalf("saved %+v", a.OwnItems)
	}
	if out := d.view(); d.m.ActiveScreen() != "ownitem" || !strings.Contains(out, "E1   Vi hälsar. på varandra") {
		t.Errorf("the list does not show the change:\n%s", out)
	}
	d.keys("esc")
	var found bool
	for _, wi := range d.walk().items {
		found = found || wi.item.Statement.SV == "Vi hälsar. på varandra"
	}
	if !found {
		t.Error("the walk shows the old text")
	}
}
