package store

import (
	"context"
	"path/filepath"
	"testing"

	"samkoll/checklist"
)

// TestPendingAnswersFolded follows an answer from its commit, where it is
// only noted as pending, to latest_answers: the readers see it at once (in
// the writing store and in a read-only one), and it is folded into the
// table when the store is closed, or at the next open when the process
// was killed before it could close.
func TestPendingAnswersFolded(t *testing.T) {
	ctx := context.Background()
	for _, killed := range []bool{false, true} {
		name := "closed"
		if killed {
			name = "killed"
		}
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "samkoll.db")
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			old := mustCreate(t, s, newAssessment("Avd 1", "2026-01-10", "krankningar"), nil)
			mustAnswer(t, s, old.ID, "krankningar", "3.1", checklist.Ja, nil)
			if err := s.foldPendingNow(ctx); err != nil {
				t.Fatal(err)
			}
			a := mustCreate(t, s, newAssessment("Avd 1", "2026-03-10", "krankningar"), nil)
			risk := &checklist.Risk{Probability: 4, Consequence: 4}
			mustAnswer(t, s, a.ID, "krankningar", "3.1", checklist.Nej, risk)
			mustAnswer(t, s, a.ID, "krankningar", "3.2", checklist.Delvis, risk)
			if n := pendingCount(t, s); n != 1 {
				t.Fatalf("%d assessments pending after two answers, want 1", n)
			}
			if got, want := latestTable(t, s), latestAnswers(t, s, true); got == want {
				t.Fatalf("latest_answers already holds the new answers:\n%s", got)
			}
			if got, want := latestAnswers(t, s, false), latestAnswers(t, s, true); got != want {
				t.Fatalf("readers see\n%s\nwant\n%s", got, want)
			}
			// A read-only export meanwhile counts the new serious risks.
			ro, err := OpenReadOnly(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			serious, err := ro.openSeriousByUnit(ctx)
			ro.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(serious) != 1 {
				t.Fatalf("open serious risks by unit %v, want 2 for one unit", serious)
			}
			for _, n := range serious {
				if n != 2 {
					t.Fatalf("open serious risks by unit %v, want 2", serious)
				}
			}
			if killed {
				s.stopCheck()
				s.db.Close()
				s.unlock()
				s.lockFile.Close()
			} else if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			raw, err := OpenReadOnly(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if n := pendingCount(t, raw); (n == 0) == killed {
				t.Fatalf("%d assessments pending after the store was %s", n, name)
			}
			raw.Close()
			s, err = Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Checked(ctx); err != nil {
				t.Fatal(err)
			}
			if n := pendingCount(t, s); n != 0 {
				t.Fatalf("%d assessments pending after the open", n)
			}
			if got, want := latestTable(t, s), latestAnswers(t, s, true); got != want {
				t.Fatalf("latest_answers\n%s\nwant\n%s", got, want)
			}
		})
	}
}
