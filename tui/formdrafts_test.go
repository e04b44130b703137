package tui

import (
	"strings"
	"testing"
	"time"

	"samkoll/checklist"
)

// restart is the app started again on the same store after d quit.
func restart(t *testing.T, d *driver) *driver {
	t.Helper()
	d.keys("ctrl+c")
	if !d.quit {
		t.Fatalf("ctrl+c did not quit:\n%s", d.view())
	}
	return newDriver(t, d.store)
}

// TestActionFormDraftSurvives: a half-filled action form is kept as one
// draft, offered back whole when the form opens again, saved only on enter,
// and removed with the save.
func TestActionFormDraftSurvives(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.send(openMsg{to: planScreenID, id: a.ID})
	d.keys("a")
	d.fillActionForm("Sätt upp rutinen", "enhetschef", "2026-04-30")
	d = restart(t, d)
	if len(fs.actions) != 0 {
		t.Fatalf("the draft was saved as an action: %+v", fs.actions)
	}
	if got := fs.drafts[a.ID]["action/new//"].Text; !strings.Contains(got, "Sätt upp rutinen") || !strings.Contains(got, "enhetschef") {
		t.Fatalf("stored draft %q, want the form's texts", got)
	}
	d.send(openMsg{to: planScreenID, id: a.ID})
	d.keys("a")
	if v := d.view(); !strings.Contains(v, "Ej sparat utkast från") || !strings.Contains(v, "Sätt upp rutinen") {
		t.Fatalf("the draft is not offered:\n%s", v)
	}
	d.keys("enter") // take the draft
	if len(fs.actions) != 0 {
		t.Fatal("taking the draft saved the action")
	}
	d.keys("enter") // save
	if len(fs.actions) != 1 {
		t.Fatalf("after the second enter %d actions, want 1:\n%s", len(fs.actions), d.view())
	}
	for _, ac := range fs.actions {
		if ac.What != "Sätt upp rutinen" || ac.Who != "enhetschef" || ac.Due.String() != "2026-04-30" {
			t.Errorf("saved %+v", ac)
		}
	}
	if n := len(fs.drafts[a.ID]); n != 0 {
		t.Errorf("%d drafts left after the save: %+v", n, fs.drafts[a.ID])
	}
}

// TestActionFormDraftNotTakenOnEsc: the offer is not taken by esc or by
// typing; typing replaces it and esc after typing drops it.
func TestActionFormDraftNotTakenOnEsc(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	if _, err := fs.SaveDraft(t.Context(), a.ID, "action/new//", `{"what":"Gammal text","who":"chef"}`); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, fs)
	d.send(openMsg{to: planScreenID, id: a.ID})
	d.keys("a", "esc")
	if len(fs.actions) != 0 || fs.drafts[a.ID]["action/new//"].Text == "" {
		t.Fatalf("esc on the offer changed the store: actions %+v, drafts %+v", fs.actions, fs.drafts[a.ID])
	}
	d.keys("a")
	d.typeText("Ny")
	if v := d.view(); strings.Contains(v, "Ej sparat utkast") || strings.Contains(v, "Gammal text") {
		t.Fatalf("typing kept the offer:\n%s", v)
	}
	d.keys("esc")
	if _, ok := fs.drafts[a.ID]["action/new//"]; ok {
		t.Fatalf("esc after typing kept the draft: %+v", fs.drafts[a.ID])
	}
}

// TestEffectDraftSurvives: the effect typed after k is kept and offered
// back; the check is saved only on enter.
func TestEffectDraftSurvives(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	ac, err := fs.SaveAction(t.Context(), checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, What: "Ny rutin",
		Who: "chef", Due: testToday.AddDays(10), Status: checklist.Klar, DoneOn: testToday})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, fs)
	d.send(openMsg{to: planScreenID, id: a.ID})
	d.keys("k")
	d.typeText("ja, färre tillbud")
	d = restart(t, d)
	if got := fs.actions[ac.ID]; !got.CheckedOn.IsZero() || got.Effect != "" {
		t.Fatalf("the draft was saved as the check: %+v", got)
	}
	d.send(openMsg{to: planScreenID, id: a.ID})
	d.keys("k")
	if v := d.view(); !strings.Contains(v, "Ej sparat utkast från") || !strings.Contains(v, "färre tillbud") {
		t.Fatalf("the effect draft is not offered:\n%s", v)
	}
	d.keys("enter", "enter")
	got := fs.actions[ac.ID]
	if got.Effect != "ja, färre tillbud" || got.CheckedOn != testToday {
		t.Fatalf("saved %+v", got)
	}
	if n := len(fs.drafts[a.ID]); n != 0 {
		t.Errorf("%d drafts left after the save", n)
	}
}

// TestNewAssessmentDraftSurvives: the new assessment form's texts come
// back after a restart, and no assessment is made until it is created.
func TestNewAssessmentDraftSurvives(t *testing.T) {
	fs := newFakeStore()
	d := newDriver(t, fs)
	d.keys("n")
	d.typeText("Avdelning 9")
	d.keys("tab", "tab")
	d.typeText("chef, 4 usk")
	d = restart(t, d)
	if len(fs.assessments) != 0 {
		t.Fatalf("the draft made an assessment: %+v", fs.assessments)
	}
	d.keys("n")
	v := d.view()
	if !strings.Contains(v, "Ej sparat utkast från") || !strings.Contains(v, "Avdelning 9") {
		t.Fatalf("the draft is not offered:\n%s", v)
	}
	d.keys("enter")
	ns, ok := d.m.active().(*newScreen)
	if !ok || ns.unit.Value() != "Avdelning 9" || ns.participants.Value() != "chef, 4 usk" || ns.date.Value() != testToday.String() {
		t.Fatalf("after enter the form holds %q, %q, %q", ns.unit.Value(), ns.participants.Value(), ns.date.Value())
	}
	if len(fs.assessments) != 0 {
		t.Fatal("taking the draft created the assessment")
	}
	d.keys("ctrl+s")
	if len(fs.assessments) != 1 {
		t.Fatalf("ctrl+s made %d assessments:\n%s", len(fs.assessments), d.view())
	}
	if n := len(fs.drafts[0]); n != 0 {
		t.Errorf("%d drafts left after creating", n)
	}
}

// TestGoldenActionFormOffer: the action form offering its draft back at
// 80×24 and 40×12; the offer wraps so that its key shows.
func TestGoldenActionFormOffer(t *testing.T) {
	goldenViews(t, func(d *driver) {
		a := seed(t, d.store, "Avdelning 12", testToday, 0)
		dr, err := d.store.SaveDraft(t.Context(), a.ID, "action/new//", `{"what":"Sätt upp rutinen i personalrummet","who":"chef"}`)
		if err != nil {
			t.Fatal(err)
		}
		// Saved at 10:00 where the test runs: the offer shows local time.
		dr.Saved = time.Date(2026, 3, 14, 10, 0, 0, 0, time.Local)
		d.store.drafts[a.ID][dr.Field] = dr
		d.send(openMsg{to: planScreenID, id: a.ID})
		d.keys("a")
	})
}
