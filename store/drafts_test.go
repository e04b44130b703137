package store

import (
	"context"
	"testing"
)

func TestDrafts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("Avdelning 7", "2026-03-01", "krankningar"), map[string]int{"krankningar": 13})
	b := mustCreate(t, s, newAssessment("Avdelning 8", "2026-03-01", "krankningar"), map[string]int{"krankningar": 13})

	steps := []struct {
		id          int64
		field, text string
	}{
		{a.ID, "comment/krankningar/3.1", "Rutinen finns men"},
		{a.ID, "comment/krankningar/3.1", "Rutinen finns men är okänd"}, // replaces
		{a.ID, "reason/krankningar/3.2", "Vi har inga"},
		{b.ID, "comment/krankningar/3.1", "annan bedömning"},
		{a.ID, "reason/krankningar/3.2", ""}, // removes
		{0, "unit", "Avd"},
	}
	for _, st := range steps {
		d, err := s.SaveDraft(ctx, st.id, st.field, st.text)
		if err != nil {
			t.Fatal(err)
		}
		if d.Text != st.text || d.Field != st.field || d.Saved.IsZero() {
			t.Errorf("SaveDraft returned %+v", d)
		}
	}
	got, err := s.Drafts(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["comment/krankningar/3.1"].Text != "Rutinen finns men är okänd" || got["comment/krankningar/3.1"].Saved.IsZero() {
		t.Errorf("drafts of a = %+v", got)
	}
	if got, _ := s.Drafts(ctx, 0); got["unit"].Text != "Avd" {
		t.Errorf("drafts of no assessment = %+v", got)
	}
	if err := s.DeleteDraft(ctx, a.ID, "comment/krankningar/3.1"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Drafts(ctx, a.ID); len(got) != 0 {
		t.Errorf("after DeleteDraft: %+v", got)
	}
	// The drafts of a deleted assessment go with it.
	if err := s.DeleteAssessment(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM drafts WHERE assessment_id = ?", b.ID).Scan(&n); err != nil || n != 0 {
		t.Errorf("drafts left of a deleted assessment: %d, %v", n, err)
	}
	if _, err := s.SaveDraft(ctx, a.ID, " ", "x"); err == nil {
		t.Error("a draft without a field was accepted")
	}
}
