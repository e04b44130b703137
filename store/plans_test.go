package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"samkoll/checklist"
)

func actionIDs(as []checklist.Action) []int64 {
	var ids []int64
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

func TestActionRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	fixed := time.Date(2026, 5, 2, 10, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return fixed }
	as := mustCreate(t, s, newAssessment("E", "2026-05-01", "krankningar"), nil)
	in := checklist.Action{AssessmentID: as.ID, AreaID: "krankningar", ItemID: "3.2", Risk: "Alla vet inte vem man vänder sig till",
		What: "Gå igenom rutinen på nästa APT", Who: "Enhetschef", Due: d("2026-06-01"), Status: checklist.Pagar,
		CheckedOn: d("2026-05-20"), Effect: "ja", Escalation: checklist.EscSamverkan}
	got := mustAction(t, s, in)
	want := in
	want.ID, want.UnitID, want.Created, want.Updated = got.ID, as.UnitID, fixed, fixed
	if !reflect.DeepEqual(got, want) {
		t.Errorf("saved\n%+v\nwant\n%+v", got, want)
	}
	// Done: DoneOn is set to today.
	got.Status = checklist.Klar
	got = mustAction(t, s, got)
	if got.DoneOn != checklist.DateOf(fixed) {
		t.Errorf("DoneOn = %v, want %v", got.DoneOn, checklist.DateOf(fixed))
	}
	// A given DoneOn is kept.
	got.DoneOn = d("2026-05-30")
	got = mustAction(t, s, got)
	if got.DoneOn != d("2026-05-30") {
		t.Errorf("DoneOn = %v", got.DoneOn)
	}
	loaded, _ := s.LoadAssessment(ctx, as.ID)
	if len(loaded.Actions) != 1 || !reflect.DeepEqual(loaded.Actions[0], got) {
		t.Errorf("loaded actions %+v, want [%+v]", loaded.Actions, got)
	}
	if err := s.DeleteAction(ctx, got.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAction(ctx, got.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func TestSaveActionRejects(t *testing.T) {
	s := openTest(t)
	as := mustCreate(t, s, newAssessment("E", "2026-05-01", "x"), nil)
	tests := []struct {
		name string
		a    checklist.Action
		nf   bool
	}{
		{"no text", checklist.Action{AssessmentID: as.ID, What: "  "}, false},
		{"half link", checklist.Action{AssessmentID: as.ID, What: "x", AreaID: "x"}, false},
		{"bad status", checklist.Action{AssessmentID: as.ID, What: "x", Status: 7}, false},
		{"bad escalation", checklist.Action{AssessmentID: as.ID, What: "x", Escalation: -1}, false},
		{"unknown assessment", checklist.Action{AssessmentID: as.ID + 1, What: "x"}, true},
		{"unknown id", checklist.Action{ID: 42, AssessmentID: as.ID, What: "x"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.SaveAction(context.Background(), tt.a)
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrNotFound) != tt.nf {
				t.Errorf("ErrNotFound %v, want %v: %v", errors.Is(err, ErrNotFound), tt.nf, err)
			}
		})
	}
}

func TestCarryOver(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	first := mustCreate(t, s, newAssessment("Avd 1", "2026-01-10", "x"), map[string]int{"x": 4})
	other := mustCreate(t, s, newAssessment("Avd 2", "2026-01-11", "x"), nil)
	open1 := mustAction(t, s, checklist.Action{AssessmentID: first.ID, What: "Planerad", Due: d("2026-02-01")})
	open2 := mustAction(t, s, checklist.Action{AssessmentID: first.ID, What: "Pågår", Status: checklist.Pagar})
	mustAction(t, s, checklist.Action{AssessmentID: first.ID, What: "Klar", Status: checklist.Klar})
	mustAction(t, s, checklist.Action{AssessmentID: first.ID, What: "Struken", Status: checklist.Struken})
	mustAction(t, s, checklist.Action{AssessmentID: other.ID, What: "Annan enhet"})

	second := mustCreate(t, s, newAssessment("AVD 1", "2026-04-10", "x"), nil)
	if got := actionIDs(second.Actions); !reflect.DeepEqual(got, []int64{open1.ID, open2.ID}) {
		t.Fatalf("carried over %v, want %v", got, []int64{open1.ID, open2.ID})
	}
	for _, a := range second.Actions {
		if !second.CarriedOver(a) {
			t.Errorf("action %d not marked carried over", a.ID)
		}
	}
	own := mustAction(t, s, checklist.Action{AssessmentID: second.ID, What: "Ny"})

	// Closing it in the new assessment closes it in the old one too.
	closed := second.Actions[0]
	closed.Status = checklist.Klar
	mustAction(t, s, closed)
	firstNow, _ := s.LoadAssessment(ctx, first.ID)
	for _, a := range firstNow.Actions {
		if a.ID == closed.ID && a.Status != checklist.Klar {
			t.Errorf("closed action still %v in the first assessment", a.Status)
		}
	}
	secondNow, _ := s.LoadAssessment(ctx, second.ID)
	if got := actionIDs(secondNow.Actions); !reflect.DeepEqual(got, []int64{open1.ID, open2.ID, own.ID}) {
		t.Errorf("second assessment shows %v", got)
	}

	// A third assessment carries only what is still open, older first.
	third := mustCreate(t, s, newAssessment("Avd 1", "2026-09-10", "x"), nil)
	if got := actionIDs(third.Actions); !reflect.DeepEqual(got, []int64{open2.ID, own.ID}) {
		t.Errorf("third carries %v, want %v", got, []int64{open2.ID, own.ID})
	}

	list, err := s.ListAssessments(ctx, d("2026-10-01"))
	if err != nil {
		t.Fatal(err)
	}
	wantOrder := []int64{third.ID, second.ID, other.ID, first.ID}
	var order []int64
	open := map[int64][2]int{}
	for _, m := range list {
		order = append(order, m.ID)
		open[m.ID] = [2]int{m.OpenActions, m.OverdueActions}
	}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("list order %v, want %v", order, wantOrder)
	}
	// first: open2 only (open1 closed); second: open2 + own; third: the same two.
	if open[first.ID] != [2]int{1, 0} || open[second.ID] != [2]int{2, 0} || open[third.ID] != [2]int{2, 0} || open[other.ID] != [2]int{1, 0} {
		t.Errorf("open/overdue counts %v", open)
	}

	ua, err := s.OpenActions(ctx, "avd 1")
	if err != nil {
		t.Fatal(err)
	}
	if len(ua) != 2 || ua[0].Unit != "Avd 1" || ua[0].AssessmentDate != first.Date || ua[1].Action.ID != own.ID {
		t.Errorf("OpenActions(avd 1) = %+v", ua)
	}
	all, _ := s.OpenActions(ctx, "")
	if len(all) != 3 || all[2].Unit != "Avd 2" {
		t.Errorf("OpenActions(all) = %+v", all)
	}

	// Deleting the second assessment loses nothing still followed up: its
	// own action, carried over to the third, now belongs to the third.
	if err := s.DeleteAssessment(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadAssessment(ctx, second.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("load deleted: %v", err)
	}
	thirdNow, _ := s.LoadAssessment(ctx, third.ID)
	if got := actionIDs(thirdNow.Actions); !reflect.DeepEqual(got, []int64{open2.ID, own.ID}) {
		t.Errorf("after delete third shows %v, want %v", got, []int64{open2.ID, own.ID})
	}
	for _, x := range thirdNow.Actions {
		if x.ID == own.ID && (x.AssessmentID != third.ID || thirdNow.CarriedOver(x)) {
			t.Errorf("moved action belongs to %d, want %d", x.AssessmentID, third.ID)
		}
	}
	// Deleting the third, with no later assessment, deletes its own action.
	if err := s.DeleteAssessment(ctx, third.ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.OpenActions(ctx, "avd 1"); len(left) != 1 || left[0].Action.ID != open2.ID {
		t.Errorf("after deleting the third: %+v", left)
	}
	if err := s.DeleteAssessment(ctx, second.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
}

func TestOverdue(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("E", "2026-01-10", "x"), nil)
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, What: "sen", Due: d("2026-02-01")})
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, What: "i tid", Due: d("2026-03-01")})
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, What: "utan datum"})
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, What: "klar", Due: d("2026-01-01"), Status: checklist.Klar})
	list, _ := s.ListAssessments(ctx, d("2026-02-15"))
	if list[0].OpenActions != 3 || list[0].OverdueActions != 1 {
		t.Errorf("open %d overdue %d, want 3 and 1", list[0].OpenActions, list[0].OverdueActions)
	}
	ua, _ := s.OpenActions(ctx, "")
	var whats []string
	for _, u := range ua {
		whats = append(whats, u.Action.What)
	}
	if !reflect.DeepEqual(whats, []string{"sen", "i tid", "utan datum"}) {
		t.Errorf("order %v", whats)
	}
}
