package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samkoll/assets"
	"samkoll/checklist"
	"samkoll/store"
)

// TestOldDatabaseKeepsEveryAnswer opens a database written by samkoll before
// the built-in checklists retired item ids (testdata/before-item-renames.db,
// made by `samkoll demo --assessments 12 --seed 7` at schema version 7) and
// checks that every answer, action and risk re-evaluation is still there and
// shown: each under an item of the current checklists, in an area of its
// assessment, with the answer that calls for the most action where two items
// were merged.
func TestOldDatabaseKeepsEveryAnswer(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "samkoll.db")
	data, err := os.ReadFile(filepath.Join("testdata", "before-item-renames.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}

	type old struct {
		key             checklist.ItemKey
		answer, comment string
	}
	before := map[int64][]old{}
	var reevaluations, actions, retired int
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	renamed := map[checklist.ItemKey]checklist.ItemKey{}
	for _, rn := range checklist.ItemRenames {
		renamed[rn.From] = rn.To
	}
	rows, err := db.Query("SELECT assessment_id, area_id, item_id, answer, comment FROM answers")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var o old
		if err := rows.Scan(&id, &o.key.AreaID, &o.key.ItemID, &o.answer, &o.comment); err != nil {
			t.Fatal(err)
		}
		if _, ok := renamed[o.key]; ok {
			retired++
		}
		before[id] = append(before[id], o)
	}
	rows.Close()
	for q, n := range map[string]*int{"SELECT count(*) FROM reevaluations": &reevaluations, "SELECT count(*) FROM actions": &actions} {
		if err := db.QueryRow(q).Scan(n); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if retired == 0 || reevaluations == 0 {
		t.Fatalf("the fixture has %d answers to retired items and %d re-evaluations: it proves nothing", retired, reevaluations)
	}

	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cat, errs := checklist.Load(assets.FS, "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	list, err := s.ListAssessments(ctx, checklist.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(before) {
		t.Fatalf("%d assessments after opening, want %d", len(list), len(before))
	}
	rank := map[checklist.Answer]int{checklist.Unanswered: 0, checklist.EjAktuellt: 1, checklist.Ja: 2, checklist.Delvis: 3, checklist.Nej: 4}
	gotActions := 0
	for _, sum := range list {
		a, err := s.LoadAssessment(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		inAssessment := map[string]bool{}
		for _, ar := range a.Areas {
			inAssessment[ar.ID] = true
		}
		// Every response is shown: its item exists and its area is part
		// of the assessment.
		answered := 0
		for k, r := range a.Responses {
			if checklist.IsOwnItemID(k.ItemID) {
				// The group's own items are not checklist items; the start
				// screen counts those the walk offers, as the walk does.
				if _, ok := a.OwnItem(k.AreaID, k.ItemID); ok && r.Answer != checklist.Unanswered &&
					(k.AreaID == checklist.OwnArea || inAssessment[k.AreaID]) {
					answered++
				}
				continue
			}
			area := cat.Area(k.AreaID)
			if area == nil || !inAssessment[k.AreaID] {
				t.Errorf("assessment %d: answer to %v is in no area of the assessment", a.ID, k)
				continue
			}
			if _, ok := area.Item(k.ItemID); !ok {
				t.Errorf("assessment %d: answer to %v, an item that no longer exists", a.ID, k)
			}
			if r.Answer != checklist.Unanswered {
				answered++
			}
		}
		// Every old answer is there, under its new key, at least as
		// serious as it was.
		for _, o := range before[a.ID] {
			k := o.key
			if to, ok := renamed[k]; ok {
				k = to
			}
			r, ok := a.Responses[k]
			if !ok {
				t.Errorf("assessment %d: the answer to %v (now %v) is lost", a.ID, o.key, k)
				continue
			}
			oa, _ := checklist.ParseAnswer(o.answer)
			if rank[r.Answer] < rank[oa] {
				t.Errorf("assessment %d: %v was %s, now %v shows %s", a.ID, o.key, oa, k, r.Answer)
			}
			if o.comment != "" && !containsLine(r.Comment, o.comment) {
				t.Errorf("assessment %d: the comment %q of %v is lost (now %q)", a.ID, o.comment, o.key, r.Comment)
			}
		}
		// The start screen counts what the assessment shows.
		if sum.Answered != answered || sum.Answered > sum.Total {
			t.Errorf("assessment %d: summary %d of %d answered, the assessment shows %d", a.ID, sum.Answered, sum.Total, answered)
		}
		for _, x := range a.Actions {
			if x.AssessmentID == a.ID {
				gotActions++
			}
			if x.AreaID == "" || checklist.IsOwnItemID(x.ItemID) {
				continue
			}
			if area := cat.Area(x.AreaID); area == nil {
				t.Errorf("action %d is tied to the unknown area %q", x.ID, x.AreaID)
			} else if _, ok := area.Item(x.ItemID); !ok {
				t.Errorf("action %d is tied to %s/%s, an item that no longer exists", x.ID, x.AreaID, x.ItemID)
			}
		}
	}
	if gotActions != actions {
		t.Errorf("%d actions after opening, want %d", gotActions, actions)
	}
	s.Close()
	db, err = sql.Open("sqlite", "file:"+filepath.ToSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM reevaluations").Scan(&n); err != nil || n != reevaluations {
		t.Errorf("%d re-evaluations after opening (%v), want %d", n, err, reevaluations)
	}
}

// containsLine reports whether one of the lines of s is line.
func containsLine(s, line string) bool {
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		if s[:i] == line {
			return true
		}
		s = s[min(i+1, len(s)):]
	}
	return false
}

// TestChecklistsListShowsPreselected checks that `samkoll checklists` tells
// the recommended organisational area, preselected with the core areas, from
// the optional ones.
func TestChecklistsListShowsPreselected(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{{"sv", "nej, förvald"}, {"en", "no, preselected"}} {
		stdout, stderr, err := runCLI(t, "--lang", tc.lang, "checklists")
		if err != nil {
			t.Fatalf("%v: %s", err, stderr)
		}
		for _, line := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(line, "osa ") && !strings.Contains(line, tc.want) {
				t.Errorf("%s: %q does not say %q", tc.lang, line, tc.want)
			}
			if strings.HasPrefix(line, "jamstalldhet ") && strings.Contains(line, tc.want) {
				t.Errorf("%s: the optional area is shown as preselected: %q", tc.lang, line)
			}
		}
	}
}
