package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"samkoll/checklist"
)

// SaveReevaluation keeps the evaluation beside the earlier ones of its
// assessment.
func (f *fakeStore) SaveReevaluation(_ context.Context, e checklist.Reevaluation) (checklist.Reevaluation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("SaveReevaluation"); err != nil {
		return e, err
	}
	if err := e.Validate(); err != nil {
		return e, err
	}
	a, ok := f.assessments[e.AssessmentID]
	if !ok {
		return e, fmt.Errorf("bedömning %d finns inte", e.AssessmentID)
	}
	if _, ok := a.Responses[e.Key()]; !ok {
		return e, fmt.Errorf("punkten %s har inget svar", e.ItemID)
	}
	e.ID = f.id()
	a.Reevaluations = append(a.Reevaluations, e)
	return e, nil
}

// reevalDriver is a driver on the plan of an assessment whose item p1 is
// Nej · Hög with a planned action.
func reevalDriver(t testing.TB, lang checklist.Lang) (*driver, *checklist.Assessment) {
	fs := newFakeStore()
	d := newLangDriver(t, fs, lang)
	a := seed(t, fs, "Avdelning 12", testToday, 0)
	ctx := t.Context()
	if err := fs.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "krank", ItemID: "p1", Answer: checklist.Nej,
		Risk: &checklist.Risk{Probability: 3, Consequence: 3, Level: checklist.Hog}}); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: "krank", ItemID: "p1",
		What: "Gå igenom rutinen på APT", Who: "chefen", Due: testToday.AddDays(14)}); err != nil {
		t.Fatal(err)
	}
	d.send(openMsg{to: planScreenID, id: a.ID})
	return d, fs.assessments[a.ID]
}

func TestReevaluateAfterDone(t *testing.T) {
	d, a := reevalDriver(t, checklist.Swedish)
	d.keys("s")
	if strings.Contains(d.view(), "omvärderar") {
		t.Fatalf("offered after pågår:\n%s", d.view())
	}
	d.keys("s")
	if !strings.Contains(d.view(), "r omvärderar punktens risk med gruppen") {
		t.Fatalf("no offer after klar:\n%s", d.view())
	}
	d.keys("r")
	out := d.view()
	for _, want := range []string{"Omvärdera risken", "Tidigare: Hög (APT " + testToday.String() + ")", "Sannolikhet: –"} {
		if !strings.Contains(out, want) {
			t.Errorf("risk view lacks %q:\n%s", want, out)
		}
	}
	// enter without a level saves nothing.
	d.keys("enter")
	if len(a.Reevaluations) != 0 {
		t.Fatal("saved without a level")
	}
	d.keys("1", "2", "enter")
	if len(a.Reevaluations) != 1 {
		t.Fatalf("re-evaluations %+v", a.Reevaluations)
	}
	e := a.Reevaluations[0]
	if e.Risk.Level != checklist.Lag || e.On != testToday || e.ActionID == 0 || e.Key() != (checklist.ItemKey{AreaID: "krank", ItemID: "p1"}) {
		t.Errorf("saved %+v", e)
	}
	// The earlier evaluation stays beside it.
	if r := a.Responses[e.Key()]; r.Risk == nil || r.Risk.Level != checklist.Hog {
		t.Errorf("the earlier evaluation changed: %+v", r.Risk)
	}
	if out := d.view(); !strings.Contains(out, "Omvärderad: Hög → Låg") || d.m.ActiveScreen() != "plan" {
		t.Errorf("after saving:\n%s", out)
	}
	// A second re-evaluation shows the first as the earlier level.
	d.keys("s", "s", "s", "s", "r")
	if out := d.view(); !strings.Contains(out, "Tidigare: Låg") && !strings.Contains(out, "→ Låg") {
		t.Errorf("the second view does not show the first re-evaluation:\n%s", out)
	}
}

func TestReevaluateAfterCheckAndOfferEnds(t *testing.T) {
	d, a := reevalDriver(t, checklist.English)
	d.keys("k", "y")
	d.typeText("yes, everyone knows it now")
	d.keys("enter")
	if !strings.Contains(d.view(), "r re-evaluates the item's risk with the group") {
		t.Fatalf("no offer after the check:\n%s", d.view())
	}
	// Any other key ends the offer; r then does nothing.
	d.keys("down", "r")
	if strings.Contains(d.view(), "Re-evaluate the risk") {
		t.Fatalf("r opened the view after the offer ended:\n%s", d.view())
	}
	// Undo the check and check again: the offer comes back.
	d.keys("k", "y", "k")
	d.typeText("yes, everyone knows it now")
	d.keys("enter", "r")
	if !strings.Contains(d.view(), "Effect: yes, everyone knows it now") {
		t.Errorf("the view does not show the effect:\n%s", d.view())
	}
	d.keys("esc")
	if len(a.Reevaluations) != 0 || strings.Contains(d.view(), "Re-evaluate the risk") {
		t.Errorf("esc saved or stayed: %+v", a.Reevaluations)
	}
}

func TestGoldenReevaluate(t *testing.T) {
	goldenViewsOn(t, func(t *testing.T) *driver { d, _ := reevalDriver(t, checklist.Swedish); return d }, func(d *driver) {
		d.keys("s", "s", "r", "2")
	})
}

// TestReevaluateSeriousThenAction: a in the re-evaluation's risk view, as
// its text for a serious risk says, saves the new level and opens a new
// action for the item, with the early date of a serious risk; typed and
// saved, the action is in the plan beside the done one.
func TestReevaluateSeriousThenAction(t *testing.T) {
	d, a := reevalDriver(t, checklist.Swedish)
	d.keys("s", "s", "r", "4", "4")
	if out := d.view(); !strings.Contains(flat(out), "lägg till en åtgärd med ett tidigt datum (a)") {
		t.Fatalf("the serious risk's text:\n%s", out)
	}
	d.keys("a")
	if len(a.Reevaluations) != 1 || a.Reevaluations[0].Risk.Level != checklist.MycketHog {
		t.Fatalf("a did not save the re-evaluation: %+v", a.Reevaluations)
	}
	p, ok := d.m.active().(*planScreen)
	if !ok || p.form == nil {
		t.Fatalf("a did not open the action form:\n%s", d.view())
	}
	if f := p.form; f.base.AreaID != "krank" || f.base.ItemID != "p1" || f.base.ID != 0 || !f.serious {
		t.Errorf("the form is for %+v, serious %v", f.base, f.serious)
	}
	// The item has a suggested measure: the form opens on it; tab goes
	// to Åtgärd, then Ansvarig.
	d.keys("tab")
	d.typeText("Ny genomgång med skyddsombudet")
	d.keys("tab")
	d.typeText("chefen")
	d.keys("enter")
	var n int
	for _, x := range d.store.actions {
		if x.AreaID == "krank" && x.ItemID == "p1" && x.What == "Ny genomgång med skyddsombudet" {
			n++
			if x.Due != testToday.AddDays(seriousDueDays) || x.AssessmentID != a.ID {
				t.Errorf("the new action: %+v", x)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d new actions for the item, want 1:\n%s", n, d.view())
	}
}
