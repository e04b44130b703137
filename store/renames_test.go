package store

import (
	"bytes"
	"context"
	"database/sql"
	"testing"
	"time"

	"samkoll/checklist"
)

// Hashes of built-in area versions from before the item renames.
const (
	halsaV1 = "13e697359b05" // had prioritering and utvecklas
	diskV1  = "b2eaa6d2d9c3" // had kunskap, religion, underlag-dokumentation
)

// oldAssessment creates an assessment as samkoll saved it before the
// renames: built-in halsa and diskriminering (version 1), answers to items
// that were later merged or moved, an action, a re-evaluation and a draft.
func oldAssessment(t *testing.T, s *Store) checklist.Assessment {
	t.Helper()
	ctx := context.Background()
	a := newAssessment("Avd 1", "2025-03-01", "halsa", "diskriminering")
	a.Areas[0].Version, a.Areas[0].Hash = 1, halsaV1
	a.Areas[1].Version, a.Areas[1].Hash = 1, diskV1
	a = mustCreate(t, s, a, map[string]int{"halsa": 15, "diskriminering": 15})
	at := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, r := range []checklist.Response{
		{AreaID: "halsa", ItemID: "prioritering", Answer: checklist.Nej, Comment: "För lite folk på helger", AnsweredAt: at,
			Risk: &checklist.Risk{Probability: 3, Consequence: 3, Level: checklist.Hog}},
		{AreaID: "halsa", ItemID: "utvecklas", Answer: checklist.Delvis, Comment: "Ingen tid för utbildning", AnsweredAt: at,
			Risk: &checklist.Risk{Probability: 2, Consequence: 2, Level: checklist.Medel}},
		{AreaID: "diskriminering", ItemID: "kompetensutveckling", Answer: checklist.Ja, Comment: "Öppen plan", AnsweredAt: at},
		{AreaID: "diskriminering", ItemID: "kunskap", Answer: checklist.Ja, AnsweredAt: at},
		{AreaID: "diskriminering", ItemID: "grunder-och-former", Answer: checklist.Nej, AnsweredAt: at,
			Risk: &checklist.Risk{Probability: 2, Consequence: 3, Level: checklist.Medel}},
		{AreaID: "diskriminering", ItemID: "religion", Answer: checklist.EjAktuellt, Reason: "Tas upp i annat forum", AnsweredAt: at},
		{AreaID: "halsa", ItemID: "friskfaktorer", Answer: checklist.Ja, AnsweredAt: at},
	} {
		if err := s.SaveResponse(ctx, a.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, AreaID: "halsa", ItemID: "prioritering", Risk: "Prioritering oklar",
		What: "Gör en prioriteringslista", Who: "Chef", Due: d("2025-04-01")})
	if _, err := s.db.Exec(`INSERT INTO reevaluations (uid, assessment_id, area_id, item_id, evaluated_on, probability,
		consequence, level, serious, created) VALUES ('00000000000000000000000000000a01', ?, 'halsa', 'utvecklas', '2025-06-01', 1, 2, 'lag', 0, '2025-06-01T09:00:00.000000000Z')`, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDraft(ctx, a.ID, "comment/diskriminering/religion", "halvskriven"); err != nil {
		t.Fatal(err)
	}
	return a
}

func remapAll(t *testing.T, s *Store) {
	t.Helper()
	if err := s.tx(context.Background(), func(tx *sql.Tx) error { return remapRetiredItems(context.Background(), tx, nil, true, "2026-12") }); err != nil {
		t.Fatal(err)
	}
}

// checkRemapped checks an assessment made by oldAssessment after the
// renames were applied.
func checkRemapped(t *testing.T, s *Store, id int64, wholeDB bool) {
	t.Helper()
	ctx := context.Background()
	a, err := s.LoadAssessment(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	get := func(area, item string) checklist.Response {
		t.Helper()
		r, ok := a.Responses[checklist.ItemKey{AreaID: area, ItemID: item}]
		if !ok {
			t.Errorf("no answer to %s/%s", area, item)
		}
		return r
	}
	for _, k := range []string{"halsa/prioritering", "halsa/utvecklas", "diskriminering/kunskap", "diskriminering/religion"} {
		for key := range a.Responses {
			if key.AreaID+"/"+key.ItemID == k {
				t.Errorf("the retired item %s still has an answer", k)
			}
		}
	}
	// Moved to an area the assessment did not have: the area is added.
	if r := get("osa", "prioritera"); r.Answer != checklist.Nej || r.Risk == nil || r.Risk.Level != checklist.Hog || r.Comment != "För lite folk på helger" {
		t.Errorf("osa/prioritera = %+v", r)
	}
	if len(a.Areas) != 3 || a.Areas[2].ID != "osa" {
		t.Errorf("areas %+v, want osa added last", a.Areas)
	}
	// Merged, both answered: the answer calling for more action wins, both
	// comments are kept.
	if r := get("diskriminering", "kompetensutveckling"); r.Answer != checklist.Delvis || r.Risk == nil ||
		r.Risk.Level != checklist.Medel || r.Comment != "Öppen plan\nIngen tid för utbildning" {
		t.Errorf("diskriminering/kompetensutveckling = %+v", r)
	}
	// Merged into an answer that already called for more: it stays.
	if r := get("diskriminering", "grunder-och-former"); r.Answer != checklist.Nej || r.Risk == nil {
		t.Errorf("diskriminering/grunder-och-former = %+v", r)
	}
	// Renamed within the area, with its reason.
	if r := get("diskriminering", "vardag-alla-grunder"); r.Answer != checklist.EjAktuellt || r.Reason != "Tas upp i annat forum" {
		t.Errorf("diskriminering/vardag-alla-grunder = %+v", r)
	}
	if r := get("halsa", "friskfaktorer"); r.Answer != checklist.Ja {
		t.Errorf("halsa/friskfaktorer = %+v", r)
	}
	if len(a.Responses) != 5 {
		t.Errorf("%d answers, want 5 (7 given, 2 merged)", len(a.Responses))
	}
	if len(a.Actions) != 1 || a.Actions[0].AreaID != "osa" || a.Actions[0].ItemID != "prioritera" {
		t.Errorf("actions %+v, want the action on osa/prioritera", a.Actions)
	}
	if wholeDB {
		checkRemappedDB(t, s, id)
	}
	// Progress: halsa lost two items, diskriminering four and gained
	// vardag-alla-grunder, osa holds the one moved answer.
	list, err := s.ListAssessments(ctx, d("2025-03-02"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range list {
		if sum.ID != id {
			continue
		}
		want := map[string]int{"halsa": 13, "diskriminering": 12, "osa": 1}
		for k, v := range want {
			if sum.AreaItems[k] != v {
				t.Errorf("items of %s = %d, want %d", k, sum.AreaItems[k], v)
			}
		}
		if sum.Answered != 5 || sum.Total != 26 {
			t.Errorf("summary %d of %d answered, want 5 of 26", sum.Answered, sum.Total)
		}
	}
}

// checkRemappedDB checks what an export does not carry: re-evaluations and
// drafts.
func checkRemappedDB(t *testing.T, s *Store, id int64) {
	t.Helper()
	var area, item string
	if err := s.db.QueryRow("SELECT area_id, item_id FROM reevaluations WHERE uid = '00000000000000000000000000000a01'").Scan(&area, &item); err != nil ||
		area != "diskriminering" || item != "kompetensutveckling" {
		t.Errorf("re-evaluation on %s/%s (%v), want diskriminering/kompetensutveckling", area, item, err)
	}
	if dr, err := s.Drafts(context.Background(), id); err != nil || len(dr) != 1 || dr["comment/diskriminering/vardag-alla-grunder"].Text != "halvskriven" {
		t.Errorf("drafts %+v (%v)", dr, err)
	}
}

func TestRemapRetiredItems(t *testing.T) {
	s := openTest(t)
	a := oldAssessment(t, s)
	// An organisation's own area with a built-in id is left alone.
	own := newAssessment("Avd 2", "2025-03-01", "diskriminering")
	own.Areas[0].Version, own.Areas[0].Hash = 1, "egen-fil"
	own = mustCreate(t, s, own, map[string]int{"diskriminering": 9})
	if err := s.SaveResponse(context.Background(), own.ID, checklist.Response{AreaID: "diskriminering", ItemID: "religion", Answer: checklist.Ja}); err != nil {
		t.Fatal(err)
	}
	remapAll(t, s)
	checkRemapped(t, s, a.ID, true)
	// The migration step runs once; were it to run again, nothing moves twice.
	remapAll(t, s)
	checkRemapped(t, s, a.ID, true)
	got, err := s.LoadAssessment(context.Background(), own.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got.Responses[checklist.ItemKey{AreaID: "diskriminering", ItemID: "religion"}]; !ok || len(got.Areas) != 1 {
		t.Errorf("the organisation's own area was changed: %+v", got)
	}
}

// TestImportOldFileMapsItems imports a file exported before the renames: its
// answers land on the new items, as in a migrated database.
func TestImportOldFileMapsItems(t *testing.T) {
	old := openTest(t)
	a := oldAssessment(t, old)
	file := export(t, old, []int64{a.ID})
	s := openTest(t)
	if _, err := s.ImportJSON(context.Background(), bytes.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListAssessments(context.Background(), d("2025-03-02"))
	if err != nil || len(list) != 1 {
		t.Fatalf("%+v, %v", list, err)
	}
	checkRemapped(t, s, list[0].ID, false)
	// Importing the same file again changes nothing.
	res, err := s.ImportJSON(context.Background(), bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if res.AssessmentsUnchanged != 1 {
		t.Errorf("second import %+v, want the assessment unchanged", res)
	}
	checkRemapped(t, s, list[0].ID, false)
}

// TestRenamesThatMayApply checks the pass's first question: whether any
// assessment in scope has an area at a version that had a retired item,
// which only the rename's old area answers. The areas that received items
// (osa, and halsa's later versions) do not count.
func TestRenamesThatMayApply(t *testing.T) {
	for _, c := range []struct {
		name  string
		areas [][2]string // area, hash
		batch string
		want  bool
	}{
		{"current versions", [][2]string{{"halsa", "current"}, {"diskriminering", "current"}}, "", false},
		{"an old version of the old item's area", [][2]string{{"halsa", halsaV1}, {"osa", "current"}}, "", true},
		{"an old hash under an area that only received items", [][2]string{{"osa", halsaV1}}, "", false},
		{"another batch", [][2]string{{"halsa", halsaV1}}, "2099-01", false},
		{"the batch", [][2]string{{"halsa", halsaV1}}, "2026-12", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTest(t)
			var ids []string
			for _, ah := range c.areas {
				ids = append(ids, ah[0])
			}
			a := mustCreate(t, s, newAssessment("Avd 1", "2025-03-01", ids...), nil)
			for _, ah := range c.areas {
				if _, err := s.db.Exec("UPDATE assessment_areas SET hash = ? WHERE assessment_id = ? AND area_id = ?", ah[1], a.ID, ah[0]); err != nil {
					t.Fatal(err)
				}
			}
			var got []checklist.ItemRename
			err := s.tx(ctx, func(tx *sql.Tx) error {
				for _, q := range []string{"CREATE TEMP TABLE remap_scope (id INTEGER PRIMARY KEY)", "INSERT INTO remap_scope VALUES (?)"} {
					if _, err := tx.ExecContext(ctx, q, a.ID); err != nil {
						return err
					}
				}
				var err error
				got, err = renamesThatMayApply(ctx, tx, c.batch)
				if _, derr := tx.ExecContext(ctx, "DROP TABLE remap_scope"); err == nil {
					err = derr
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if (len(got) > 0) != c.want {
				t.Fatalf("%d renames may apply, want some: %v", len(got), c.want)
			}
			if c.want {
				for _, rn := range got {
					if c.batch != "" && rn.Batch != c.batch {
						t.Errorf("rename of batch %s returned for batch %s", rn.Batch, c.batch)
					}
				}
			}
		})
	}
}
