package store

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"samkoll/checklist"
)

// TestRegionReport builds three units' years and checks every count the
// region sees.
func TestRegionReport(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)

	// Avd 1: two APTs in 2026 and one in 2025; a serious risk with an
	// action, one without, one re-evaluated down to low, one serious risk
	// that a later APT answered Ja, an overdue action escalated to the
	// samverkansgrupp, the yearly follow-up answered Ja.
	old := mustCreate(t, s, newAssessment("Avd 1", "2025-11-02", "krankningar"), nil)
	mustAnswer(t, s, old.ID, "krankningar", "3.7", checklist.Nej, risk(4, 4))
	a := mustCreate(t, s, newAssessment("Avd 1", "2026-02-10", "krankningar", "sam"), nil)
	mustAnswer(t, s, a.ID, "krankningar", "3.1", checklist.Nej, risk(3, 3))    // serious, action
	mustAnswer(t, s, a.ID, "krankningar", "3.2", checklist.Delvis, risk(4, 3)) // serious, no action
	mustAnswer(t, s, a.ID, "krankningar", "3.3", checklist.Nej, risk(3, 4))    // serious, re-evaluated low
	mustAnswer(t, s, a.ID, "krankningar", "3.4", checklist.Nej, risk(4, 4))    // answered Ja later
	mustAnswer(t, s, a.ID, "sam", "arlig-uppfoljning", checklist.Nej, nil)
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, AreaID: "krankningar", ItemID: "3.1", What: "Ny rutin",
		Due: d("2026-03-01"), Escalation: checklist.EscSamverkan})
	struck := mustAction(t, s, checklist.Action{AssessmentID: a.ID, AreaID: "krankningar", ItemID: "3.2", What: "Struken"})
	struck.Status = checklist.Struken
	mustAction(t, s, struck)
	if _, err := s.SaveReevaluation(ctx, checklist.Reevaluation{AssessmentID: a.ID, AreaID: "krankningar", ItemID: "3.3",
		On: d("2026-03-01"), Risk: checklist.Risk{Probability: 1, Consequence: 2}}); err != nil {
		t.Fatal(err)
	}
	b := mustCreate(t, s, newAssessment("Avd 1", "2026-10-04", "krankningar", "sam"), nil)
	mustAnswer(t, s, b.ID, "krankningar", "3.4", checklist.Ja, nil)
	mustAnswer(t, s, b.ID, "sam", "arlig-uppfoljning", checklist.Ja, nil)
	if err := s.SaveYearPlan(ctx, checklist.YearPlan{UnitID: a.UnitID, Year: 2026, Entries: []checklist.PlanEntry{
		{AreaID: "krankningar", Month: 2}, {AreaID: "halsa", Month: 5}}}); err != nil {
		t.Fatal(err)
	}

	// Avd 2: one APT in 2026 with the same shortcoming as Avd 1 on 3.2.
	c := mustCreate(t, s, newAssessment("Avd 2", "2026-05-05", "krankningar"), nil)
	mustAnswer(t, s, c.ID, "krankningar", "3.2", checklist.Nej, nil)
	mustAnswer(t, s, c.ID, "krankningar", "3.1", checklist.Ja, nil)

	// Avd 3: only 2024.
	e := mustCreate(t, s, newAssessment("Avd 3", "2024-04-04", "halsa"), nil)
	mustAnswer(t, s, e.ID, "halsa", "1", checklist.Nej, risk(4, 4))

	r, err := s.RegionReport(ctx, 2026, d("2026-12-02"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Units) != 3 {
		t.Fatalf("units: %d, want 3", len(r.Units))
	}
	u1, u2, u3 := r.Units[0], r.Units[1], r.Units[2]
	tests := []struct {
		name      string
		got, want any
	}{
		{"names", []string{u1.Unit.Name, u2.Unit.Name, u3.Unit.Name}, []string{"Avd 1", "Avd 2", "Avd 3"}},
		{"avd 1 last", u1.Last.String(), "2026-10-04"},
		{"avd 1 meetings", u1.Meetings, 2},
		{"avd 1 serious with action", u1.SeriousWithAction, 1},
		{"avd 1 serious without action", u1.SeriousWithoutAction, 2}, // 3.2 (struck action) and 3.7 from 2025
		{"avd 1 overdue", u1.Overdue, 1},
		{"avd 1 escalated", len(u1.Escalated), 1},
		{"avd 1 follow-up", u1.Followup.String(), "2026-10-04"},
		{"avd 1 plan", len(u1.Plan.Entries), 2},
		{"avd 1 covered krankningar", len(u1.Covered["krankningar"]), 2},
		{"avd 1 covered halsa", len(u1.Covered["halsa"]), 0},
		{"avd 2 meetings", u2.Meetings, 1},
		{"avd 2 serious", u2.SeriousWithAction + u2.SeriousWithoutAction, 0},
		{"avd 2 follow-up", u2.Followup.IsZero(), true},
		{"avd 3 meetings", u3.Meetings, 0},
		{"avd 3 last", u3.Last.String(), "2024-04-04"},
		{"avd 3 serious without action", u3.SeriousWithoutAction, 1},
	}
	for _, tt := range tests {
		if fmt.Sprint(tt.got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if x := u1.Escalated[0]; x.What != "Ny rutin" || x.To != checklist.EscSamverkan || x.Since.String() != "2026-02-10" || x.Due.String() != "2026-03-01" {
		t.Errorf("escalated: %+v", x)
	}
	// 3.2 is a shortcoming at two units in 2026; nothing from 2024/2025.
	if len(r.Shortfalls) == 0 || r.Shortfalls[0].Item != key("krankningar", "3.2") || r.Shortfalls[0].Units != 2 ||
		r.Shortfalls[0].Delvis != 1 || r.Shortfalls[0].Nej != 1 {
		t.Errorf("shortfalls: %+v", r.Shortfalls)
	}
	for _, f := range r.Shortfalls {
		if f.Item == key("krankningar", "3.7") || f.Item.AreaID == "halsa" {
			t.Errorf("a shortfall from another year: %+v", f)
		}
	}
	if r2, err := s.RegionReport(ctx, 2026, d("2026-12-02"), 1); err != nil || len(r2.Shortfalls) != 1 {
		t.Errorf("max shortfalls 1: %d, %v", len(r2.Shortfalls), err)
	}
}

// TestLatestAnswersKept changes answers and meetings at random (answers
// given, changed, emptied and removed, meetings moved to other dates,
// deleted, units merged) and checks after every step that the latest
// answers the region report reads its open risks from (latest_answers
// with the pending assessments' answers merged in) name each unit's latest
// non-empty answer to every item, as a search of all answers finds it.
// Now and then the pending answers are folded into latest_answers, and
// the table alone must then be right.
func TestLatestAnswersKept(t *testing.T) {
	for seed := range uint64(3) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { latestAnswersKept(t, seed) })
	}
}

func latestAnswersKept(t *testing.T, seed uint64) {
	ctx := context.Background()
	s := openTest(t)
	rnd := rand.New(rand.NewPCG(1+seed, 2))
	units := []string{"Avd 1", "Avd 2", "Avd 3", "Avd 4"}
	items := []string{"3.1", "3.2", "3.3"}
	answers := []checklist.Answer{checklist.Unanswered, checklist.Ja, checklist.Delvis, checklist.Nej, checklist.EjAktuellt}
	date := func() string { return fmt.Sprintf("2026-0%d-0%d", 1+rnd.IntN(3), 1+rnd.IntN(3)) } // equal dates happen
	// Every hundred steps the database is exported and imported into a
	// second one: the first time into an empty database, then over what
	// the earlier imports wrote (meetings moved, answers changed or gone).
	hr := openTest(t)
	var ids []int64
	done := map[string]int{}
	for step := 0; step < 600; step++ {
		if step%100 == 99 {
			var buf bytes.Buffer
			if err := s.ExportJSON(ctx, &buf, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := hr.ImportJSON(ctx, &buf); err != nil {
				t.Fatal(err)
			}
			if got, want := latestTable(t, hr), latestAnswers(t, hr, true); got != want {
				t.Fatalf("step %d, import: latest_answers\n%s\nwant (from all answers)\n%s", step, got, want)
			}
			done["import"]++
		}
		what := "answer"
		switch n := rnd.IntN(20); {
		case n < 3 || len(ids) == 0:
			a := mustCreate(t, s, newAssessment(units[rnd.IntN(len(units))], date(), "krankningar"), nil)
			ids = append(ids, a.ID)
			what = "create"
		case n == 3:
			a, err := s.LoadAssessment(ctx, ids[rnd.IntN(len(ids))])
			if err != nil {
				t.Fatal(err)
			}
			a.Date = d(date())
			if err := s.UpdateAssessment(ctx, a); err != nil {
				t.Fatal(err)
			}
			what = "move date"
		case n == 4 && len(ids) > 3:
			i := rnd.IntN(len(ids))
			if err := s.DeleteAssessment(ctx, ids[i]); err != nil {
				t.Fatal(err)
			}
			ids = append(ids[:i], ids[i+1:]...)
			what = "delete"
		case n == 6:
			if err := s.foldPendingNow(ctx); err != nil {
				t.Fatal(err)
			}
			if n := pendingCount(t, s); n != 0 {
				t.Fatalf("step %d: %d assessments pending after the fold", step, n)
			}
			if got, want := latestTable(t, s), latestAnswers(t, s, true); got != want {
				t.Fatalf("step %d, fold: latest_answers\n%s\nwant (from all answers)\n%s", step, got, want)
			}
			what = "fold"
		case n == 5 && done["merge"] < 3:
			from, into := units[rnd.IntN(len(units))], units[rnd.IntN(len(units))]
			if _, err := s.MergeUnits(ctx, from, into); err != nil {
				t.Fatal(err)
			}
			what = "merge"
		default:
			r := checklist.Response{AreaID: "krankningar", ItemID: items[rnd.IntN(len(items))], Answer: answers[rnd.IntN(len(answers))]}
			if r.Answer == checklist.Unanswered && rnd.IntN(2) == 0 {
				r.Comment = "bara en kommentar" // a row without an answer
			}
			if err := s.SaveResponse(ctx, ids[rnd.IntN(len(ids))], r); err != nil {
				t.Fatal(err)
			}
		}
		done[what]++
		if pendingCount(t, s) > 0 && latestTable(t, s) != latestAnswers(t, s, true) {
			done["table behind"]++ // the merge has something to do
		}
		got, want := latestAnswers(t, s, false), latestAnswers(t, s, true)
		if got != want {
			t.Fatalf("step %d (%s): latest answers\n%s\nwant (from all answers)\n%s", step, what, got, want)
		}
		// The answered counts the triggers keep, against a count.
		if got, want := latestRows(t, s, `SELECT assessment_id, area_id, '', answered, '' FROM assessment_areas ORDER BY 1, 2`),
			latestRows(t, s, `SELECT r.assessment_id, r.area_id, '', (SELECT count(*) FROM answers w
				WHERE w.assessment_id = r.assessment_id AND w.area_id = r.area_id AND w.answer <> ''), ''
				FROM assessment_areas r ORDER BY 1, 2`); got != want {
			t.Fatalf("step %d (%s): answered counts\n%s\nwant\n%s", step, what, got, want)
		}
	}
	for _, what := range []string{"create", "answer", "move date", "delete", "merge", "import", "fold", "table behind"} {
		if done[what] == 0 {
			t.Errorf("no step did %q: %v", what, done)
		}
	}
	if latestAnswers(t, s, false) == "" {
		t.Error("no latest answers at the end")
	}
}

// latestAnswers lists the latest answers as the readers see them
// (latestCTE: latest_answers with the pending assessments' answers), or
// with search the same computed from all answers.
func latestAnswers(t *testing.T, s *Store, search bool) string {
	t.Helper()
	q := `WITH ` + latestCTE + ` SELECT unit_id, area_id, item_id, assessment_id, meeting_date FROM latest ORDER BY 1, 2, 3`
	if search {
		q = `SELECT a.unit_id, w.area_id, w.item_id, a.id, a.meeting_date FROM assessments a JOIN answers w ON w.assessment_id = a.id
			WHERE w.answer <> '' AND NOT EXISTS (SELECT 1 FROM assessments b JOIN answers v ON v.assessment_id = b.id
				WHERE b.unit_id = a.unit_id AND v.area_id = w.area_id AND v.item_id = w.item_id AND v.answer <> ''
				AND (b.meeting_date > a.meeting_date OR b.meeting_date = a.meeting_date AND b.id > a.id))
			ORDER BY 1, 2, 3`
	}
	return latestRows(t, s, q)
}

// latestTable lists the table latest_answers itself.
func latestTable(t *testing.T, s *Store) string {
	t.Helper()
	return latestRows(t, s, `SELECT unit_id, area_id, item_id, assessment_id, meeting_date FROM latest_answers ORDER BY 1, 2, 3`)
}

// pendingCount is the number of assessments in latest_pending.
func pendingCount(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM latest_pending").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// latestRows lists the rows of q, a query of latest answers.
func latestRows(t *testing.T, s *Store, q string) string {
	t.Helper()
	rows, err := s.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var unit, id int64
		var area, item, date string
		if err := rows.Scan(&unit, &area, &item, &id, &date); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d %s %s %d %s\n", unit, area, item, id, date)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLatestAnswersFollowRenames moves answers saved under retired item
// ids to the items that replace them (merging two answers into one), in
// the database and on import into a database that already holds the unit,
// and checks the latest answers against a search of all answers.
func TestLatestAnswersFollowRenames(t *testing.T) {
	s := openTest(t)
	a := oldAssessment(t, s)
	file := export(t, s, []int64{a.ID})
	remapAll(t, s)
	if got, want := latestAnswers(t, s, false), latestAnswers(t, s, true); got != want || got == "" {
		t.Fatalf("after the renames: latest answers\n%s\nwant (from all answers)\n%s", got, want)
	}

	hr := openTest(t)
	later := mustCreate(t, hr, newAssessment("Avd 1", "2025-02-01", "halsa"), nil)
	mustAnswer(t, hr, later.ID, "halsa", "friskfaktorer", checklist.Nej, nil)
	if _, err := hr.ImportJSON(context.Background(), bytes.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	if got, want := latestAnswers(t, hr, false), latestAnswers(t, hr, true); got != want {
		t.Fatalf("after an import with renames: latest answers\n%s\nwant (from all answers)\n%s", got, want)
	}
}
