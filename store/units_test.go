package store

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"samkoll/checklist"
)

// TestMergeUnits merges "Avd 12" into "Avdelning 12": assessments, actions,
// year plans and own items move, own items are numbered on, and their
// answers, actions and re-evaluations follow.
func TestMergeUnits(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	into := mustCreate(t, s, newAssessment("Avdelning 12", "2026-02-01", "krankningar"), nil)
	own := func(a checklist.Assessment, statement string) checklist.OwnItem {
		o, err := s.SaveOwnItem(ctx, checklist.OwnItem{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: checklist.OwnArea,
			Statement: statement, Since: a.Date})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	own(into, "Vi hinner äta lunch.")
	from := mustCreate(t, s, newAssessment("Avd 12", "2026-03-01", "krankningar"), nil)
	o := own(from, "Larmen fungerar.")
	if o.ItemID != "E1" {
		t.Fatalf("own item of Avd 12: %s", o.ItemID)
	}
	mustAnswer(t, s, from.ID, checklist.OwnArea, "E1", checklist.Nej, risk(3, 3))
	mustAnswer(t, s, from.ID, "krankningar", "3.1", checklist.Ja, nil)
	mustAction(t, s, checklist.Action{AssessmentID: from.ID, AreaID: checklist.OwnArea, ItemID: "E1", What: "Testa larmen"})
	if _, err := s.SaveReevaluation(ctx, checklist.Reevaluation{AssessmentID: from.ID, AreaID: checklist.OwnArea, ItemID: "E1",
		On: d("2026-03-20"), Risk: checklist.Risk{Probability: 1, Consequence: 3}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveYearPlan(ctx, checklist.YearPlan{UnitID: from.UnitID, Year: 2026,
		Entries: []checklist.PlanEntry{{AreaID: "halsa", Month: 9}}}); err != nil {
		t.Fatal(err)
	}

	found, err := s.MergeUnits(ctx, " avd 12 ", "Avdelning 12")
	if err != nil || !found {
		t.Fatalf("merge: %v, %v", found, err)
	}
	units, _ := s.Units(ctx)
	if len(units) != 1 || units[0].Name != "Avdelning 12" {
		t.Fatalf("units after merge: %+v", units)
	}
	a, err := s.LoadAssessment(ctx, from.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Unit != "Avdelning 12" || a.UnitID != into.UnitID {
		t.Errorf("assessment unit: %q %d", a.Unit, a.UnitID)
	}
	r, ok := a.Responses[checklist.ItemKey{AreaID: checklist.OwnArea, ItemID: "E2"}]
	if !ok || r.Answer != checklist.Nej || len(a.Reevaluations) != 1 || a.Reevaluations[0].ItemID != "E2" {
		t.Errorf("the own item's answer did not follow it to E2: %+v (%v)", r, ok)
	}
	var acted []string
	for _, x := range a.Actions {
		acted = append(acted, x.ItemID)
	}
	if fmt.Sprint(acted) != "[E2]" {
		t.Errorf("actions: %v", acted)
	}
	p, _ := s.YearPlan(ctx, into.UnitID, 2026)
	if len(p.Entries) != 1 || p.Entries[0].AreaID != "halsa" {
		t.Errorf("year plan: %+v", p)
	}
	var fk int
	if err := s.db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil || fk != 0 {
		t.Errorf("foreign key check: %d, %v", fk, err)
	}
	// Again: nothing left to merge. Renaming to a new name renames.
	if found, err := s.MergeUnits(ctx, "Avd 12", "Avdelning 12"); found || err != nil {
		t.Errorf("second merge: %v, %v", found, err)
	}
	if _, err := s.MergeUnits(ctx, "avdelning 12", "Vårdavdelning 12"); err != nil {
		t.Fatal(err)
	}
	if units, _ := s.Units(ctx); len(units) != 1 || units[0].Name != "Vårdavdelning 12" {
		t.Errorf("rename: %+v", units)
	}
}

// TestImportOwnItemClash imports two laptops' files with the same unit
// name and each an own item E1: the second is refused with a message that
// says why and what to do, and changes nothing.
func TestImportOwnItemClash(t *testing.T) {
	ctx := context.Background()
	var files [][]byte
	for _, statement := range []string{"Larmen fungerar.", "Vi hinner äta lunch."} {
		s := openTest(t)
		a := mustCreate(t, s, newAssessment("Avd 1", "2026-03-01", "krankningar"), nil)
		if _, err := s.SaveOwnItem(ctx, checklist.OwnItem{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: checklist.OwnArea,
			Statement: statement, Since: a.Date}); err != nil {
			t.Fatal(err)
		}
		files = append(files, export(t, s, nil))
	}
	hr := openTest(t)
	if _, err := hr.ImportJSON(ctx, bytes.NewReader(files[0])); err != nil {
		t.Fatal(err)
	}
	before := dump(t, hr)
	_, err := hr.ImportJSON(ctx, bytes.NewReader(files[1]))
	if err == nil || !strings.Contains(checklist.Message(err, checklist.English), "the unit already has another own item E1") {
		t.Fatalf("clash: %v", err)
	}
	if dump(t, hr) != before {
		t.Error("a refused import changed the database")
	}
}
