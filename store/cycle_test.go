package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"samkoll/checklist"
)

func key(area, item string) checklist.ItemKey { return checklist.ItemKey{AreaID: area, ItemID: item} }

func risk(p, c int) *checklist.Risk {
	return &checklist.Risk{Probability: p, Consequence: c, Level: checklist.LevelFor(p, c)}
}

func mustAnswer(t testing.TB, s *Store, id int64, area, item string, ans checklist.Answer, r *checklist.Risk) {
	t.Helper()
	if err := s.SaveResponse(context.Background(), id, checklist.Response{AreaID: area, ItemID: item, Answer: ans, Risk: r,
		Comment: "k " + item}); err != nil {
		t.Fatal(err)
	}
}

func carriedKeys(a checklist.Assessment) []string {
	var out []string
	for _, c := range a.CarriedRisks {
		out = append(out, c.Date.String()+" "+c.Response.ItemID)
	}
	return out
}

func TestCarryOverUnresolvedRisks(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("Avd 1", "2026-01-10", "krankningar"), nil)
	mustAnswer(t, s, a.ID, "krankningar", "3.1", checklist.Nej, risk(3, 3))    // judged, no action
	mustAnswer(t, s, a.ID, "krankningar", "3.2", checklist.Delvis, nil)        // not evaluated
	mustAnswer(t, s, a.ID, "krankningar", "3.3", checklist.Nej, risk(2, 2))    // judged, with action
	mustAnswer(t, s, a.ID, "krankningar", "3.4", checklist.Ja, nil)            // fine
	mustAnswer(t, s, a.ID, "krankningar", "3.5", checklist.Delvis, risk(1, 1)) // low, no action
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, AreaID: "krankningar", ItemID: "3.3", What: "Gör något"})
	// Another unit's risks never travel.
	o := mustCreate(t, s, newAssessment("Avd 2", "2026-01-11", "krankningar"), nil)
	mustAnswer(t, s, o.ID, "krankningar", "3.9", checklist.Nej, risk(4, 4))

	b := mustCreate(t, s, newAssessment("avd 1", "2026-02-10", "diskriminering"), nil)
	want := []string{"2026-01-10 3.1", "2026-01-10 3.2", "2026-01-10 3.5"}
	if got := carriedKeys(b); !slices.Equal(got, want) {
		t.Fatalf("carried into b: %v, want %v", got, want)
	}
	// By reference: a later change to the earlier answer shows in b.
	mustAnswer(t, s, a.ID, "krankningar", "3.1", checklist.Nej, risk(4, 4))
	b, _ = s.LoadAssessment(ctx, b.ID)
	if c := b.CarriedRisks[0]; c.Level() != checklist.MycketHog || c.AssessmentID != a.ID || c.Response.Comment != "k 3.1" {
		t.Errorf("carried risk is not the earlier answer: %+v", c)
	}
	if !b.CarriedRisks[1].Unevaluated() {
		t.Errorf("3.2 should be unevaluated: %+v", b.CarriedRisks[1])
	}

	// At b: 3.1 answered Ja again (resolved); 3.5 gets an action there.
	mustAnswer(t, s, b.ID, "krankningar", "3.1", checklist.Ja, nil)
	mustAction(t, s, checklist.Action{AssessmentID: b.ID, AreaID: "krankningar", ItemID: "3.5", What: "Åtgärda"})
	c := mustCreate(t, s, newAssessment("Avd 1", "2026-03-10", "krankningar"), nil)
	if got, want := carriedKeys(c), []string{"2026-01-10 3.2"}; !slices.Equal(got, want) {
		t.Errorf("carried into c: %v, want %v", got, want)
	}
	// An assessment entered afterwards with an earlier date gets what was
	// open before it.
	early := mustCreate(t, s, newAssessment("Avd 1", "2026-01-05", "krankningar"), nil)
	if len(early.CarriedRisks) != 0 {
		t.Errorf("nothing came before 2026-01-05: %v", carriedKeys(early))
	}
	// Deleting the first assessment removes the references, not b.
	if err := s.DeleteAssessment(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	b, err := s.LoadAssessment(ctx, b.ID)
	if err != nil || len(b.CarriedRisks) != 0 {
		t.Errorf("after delete: %v, %v", carriedKeys(b), err)
	}
}

func TestPreviousResponsesAndHistory(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("Avd 1", "2026-01-10", "krankningar"), nil)
	mustAnswer(t, s, a.ID, "krankningar", "3.1", checklist.Nej, risk(3, 3))
	mustAnswer(t, s, a.ID, "krankningar", "3.2", checklist.Ja, nil)
	b := mustCreate(t, s, newAssessment("Avd 1", "2026-02-10", "krankningar"), nil)
	if err := s.SaveResponse(ctx, b.ID, checklist.Response{AreaID: "krankningar", ItemID: "3.1", Answer: checklist.Delvis,
		Risk: risk(2, 2), Measures: "Rutinen finns på intranätet\nGenomgång vid introduktion"}); err != nil {
		t.Fatal(err)
	}
	other := mustCreate(t, s, newAssessment("Avd 2", "2026-02-11", "krankningar"), nil)
	mustAnswer(t, s, other.ID, "krankningar", "3.2", checklist.Nej, risk(4, 4))
	c := mustCreate(t, s, newAssessment("Avd 1", "2026-03-10", "krankningar"), nil)

	tests := []struct {
		name      string
		at        int64
		item      string
		wantDate  string
		wantAns   checklist.Answer
		wantLevel checklist.Level
		wantMeas  string
	}{
		{"latest of two", c.ID, "3.1", "2026-02-10", checklist.Delvis, checklist.Medel, "Rutinen finns på intranätet\nGenomgång vid introduktion"},
		{"only earlier answer", c.ID, "3.2", "2026-01-10", checklist.Ja, checklist.NoLevel, ""},
		{"from the first", b.ID, "3.1", "2026-01-10", checklist.Nej, checklist.Hog, ""},
		{"nothing before the first", a.ID, "3.1", "", 0, 0, ""},
		{"never answered", c.ID, "3.7", "", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, err := s.PreviousResponses(ctx, tt.at)
			if err != nil {
				t.Fatal(err)
			}
			p, ok := prev[key("krankningar", tt.item)]
			if tt.wantDate == "" {
				if ok {
					t.Errorf("got %+v, want none", p)
				}
				return
			}
			if p.Date.String() != tt.wantDate || p.Response.Answer != tt.wantAns || p.Level() != tt.wantLevel || p.Response.Measures != tt.wantMeas {
				t.Errorf("got %s %v %v %q", p.Date, p.Response.Answer, p.Level(), p.Response.Measures)
			}
		})
	}
	if _, err := s.PreviousResponses(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown assessment: %v", err)
	}

	// Re-evaluate the first answer: it keeps its own evaluation, and the
	// history and "previous" show the new level.
	e, err := s.SaveReevaluation(ctx, checklist.Reevaluation{AssessmentID: a.ID, AreaID: "krankningar", ItemID: "3.1",
		On: d("2026-01-30"), Risk: checklist.Risk{Probability: 1, Consequence: 3, Note: "Rutinen genomgången"}})
	if err != nil {
		t.Fatal(err)
	}
	if e.Risk.Level != checklist.Lag || e.ID == 0 {
		t.Errorf("saved %+v", e)
	}
	hist, err := s.ItemHistory(ctx, a.UnitID, key("krankningar", "3.1"))
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Response.Risk.Level != checklist.Hog || hist[0].Level() != checklist.Lag ||
		len(hist[0].Reevaluations) != 1 || hist[1].Date.String() != "2026-02-10" {
		t.Errorf("history %+v", hist)
	}
	la, _ := s.LoadAssessment(ctx, a.ID)
	if la.CurrentLevel(key("krankningar", "3.1")) != checklist.Lag || la.Responses[key("krankningar", "3.1")].Risk.Level != checklist.Hog {
		t.Errorf("re-evaluation in the assessment: %+v", la.Reevaluations)
	}
	// No answer, nothing to re-evaluate.
	if _, err := s.SaveReevaluation(ctx, checklist.Reevaluation{AssessmentID: a.ID, AreaID: "krankningar", ItemID: "3.9",
		On: d("2026-01-30"), Risk: checklist.Risk{Probability: 1, Consequence: 1}}); err == nil {
		t.Error("re-evaluated an item without an answer")
	}
	if _, err := s.SaveReevaluation(ctx, checklist.Reevaluation{AssessmentID: a.ID, AreaID: "krankningar", ItemID: "3.1",
		On: d("2026-01-30")}); err == nil {
		t.Error("re-evaluation without a level accepted")
	}
	// Measures alone keep a row; clearing everything removes it.
	if err := s.SaveResponse(ctx, c.ID, checklist.Response{AreaID: "krankningar", ItemID: "3.4", Measures: "Skyddsrond varje vår"}); err != nil {
		t.Fatal(err)
	}
	lc, _ := s.LoadAssessment(ctx, c.ID)
	if lc.Responses[key("krankningar", "3.4")].Measures != "Skyddsrond varje vår" {
		t.Errorf("measures lost: %+v", lc.Responses)
	}
}

func TestOwnItems(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("Avd 1", "2026-01-10", "krankningar"), nil)
	e1, err := s.SaveOwnItem(ctx, checklist.OwnItem{AssessmentID: a.ID, AreaID: checklist.OwnArea,
		Statement: "  Vi hinner äta lunch.  ", Guidance: "Tala om raster"})
	if err != nil {
		t.Fatal(err)
	}
	e2, err := s.SaveOwnItem(ctx, checklist.OwnItem{AssessmentID: a.ID, AreaID: "krankningar", Statement: "Vi hälsar på varandra."})
	if err != nil {
		t.Fatal(err)
	}
	if e1.ItemID != "E1" || e2.ItemID != "E2" || e1.Statement != "Vi hinner äta lunch." || e1.Since != d("2026-01-10") || e1.UnitID != a.UnitID {
		t.Fatalf("saved %+v %+v", e1, e2)
	}
	if _, err := s.SaveOwnItem(ctx, checklist.OwnItem{AssessmentID: a.ID, AreaID: "egen", Statement: " "}); err == nil {
		t.Error("empty statement accepted")
	}
	if _, err := s.SaveOwnItem(ctx, checklist.OwnItem{AssessmentID: 99, AreaID: "egen", Statement: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown assessment: %v", err)
	}
	mustAnswer(t, s, a.ID, checklist.OwnArea, "E1", checklist.Nej, risk(3, 2))
	// An own item in a checklist area is answered beside its items: the
	// area's stored count stays that of the checklist, and the list counts
	// the own items on top, as the walk does (two more items).
	mustAnswer(t, s, a.ID, "krankningar", "E2", checklist.Ja, nil)
	mustAnswer(t, s, a.ID, "krankningar", "3.1", checklist.Ja, nil)
	list, err := s.ListAssessments(ctx, d("2026-01-10"))
	if err != nil || list[0].Answered != 3 || list[0].Total != list[0].AreaItems["krankningar"]+2 {
		t.Errorf("answered with own items: %+v %v", list, err)
	}
	if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "krankningar", ItemID: "E2"}); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.ListAssessments(ctx, d("2026-01-10")); list[0].Answered != 2 {
		t.Errorf("answered after clearing an own item: %d", list[0].Answered)
	}
	e1.Guidance = "Tala om raster och luncher"
	if e1, err = s.SaveOwnItem(ctx, e1); err != nil || e1.Guidance != "Tala om raster och luncher" {
		t.Fatalf("update: %+v %v", e1, err)
	}

	earlier := mustCreate(t, s, newAssessment("Avd 1", "2025-12-01", "krankningar"), nil)
	b := mustCreate(t, s, newAssessment("Avd 1", "2026-02-10", "diskriminering"), nil)
	other := mustCreate(t, s, newAssessment("Avd 2", "2026-02-10", "krankningar"), nil)
	tests := []struct {
		name string
		a    checklist.Assessment
		want []string
	}{
		{"where added", a, []string{"E1", "E2"}},
		{"next APT", b, []string{"E1", "E2"}},
		{"an earlier APT", earlier, nil},
		{"another unit", other, nil},
	}
	for _, tt := range tests {
		got, err := s.LoadAssessment(ctx, tt.a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, o := range got.OwnItems {
			ids = append(ids, o.ItemID)
		}
		if !slices.Equal(ids, tt.want) {
			t.Errorf("%s: own items %v, want %v", tt.name, ids, tt.want)
		}
	}
	// The list counts the own items each assessment's walk offers: b took
	// another area, so only E1 (in the unit's own area) is among its items;
	// the earlier APT and the other unit have none. RecentAssessments (the
	// first page) counts as ListAssessments (the whole list) does.
	all, err := s.ListAssessments(ctx, d("2026-02-10"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.RecentAssessments(ctx, d("2026-02-10"), 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range append(all, page...) {
		want := 0
		switch m.ID {
		case a.ID:
			want = 2
		case b.ID:
			want = 1
		}
		if got := m.Total - m.AreaItems[m.Areas[0].ID]; got != want {
			t.Errorf("assessment %d (%s %s): %d own items in its total, want %d", m.ID, m.Unit, m.Date, got, want)
		}
	}
	// E1 was judged without an action, so it is carried to b like any
	// other item.
	lb, _ := s.LoadAssessment(ctx, b.ID)
	if got := carriedKeys(lb); !slices.Equal(got, []string{"2026-01-10 E1"}) {
		t.Errorf("own item risk not carried: %v", got)
	}
	// Retired after b: offered at b still, not at c.
	if err := s.RetireOwnItem(ctx, e2.ID, d("2026-02-10")); err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, s, newAssessment("Avd 1", "2026-03-10", "krankningar"), nil)
	if len(c.OwnItems) != 1 || c.OwnItems[0].ItemID != "E1" {
		t.Errorf("after retiring E2: %+v", c.OwnItems)
	}
	e3, err := s.SaveOwnItem(ctx, checklist.OwnItem{AssessmentID: c.ID, AreaID: "egen", Statement: "Ny punkt"})
	if err != nil || e3.ItemID != "E3" {
		t.Errorf("numbers are not reused: %+v %v", e3, err)
	}
	// Deleting c drops E3 (answered nowhere else). Once E1 is answered at
	// b, deleting a keeps E1 without an origin and drops E2.
	if err := s.DeleteAssessment(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	mustAnswer(t, s, b.ID, checklist.OwnArea, "E1", checklist.Ja, nil)
	if err := s.DeleteAssessment(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	lb, _ = s.LoadAssessment(ctx, b.ID)
	if len(lb.OwnItems) != 1 || lb.OwnItems[0].ItemID != "E1" || lb.OwnItems[0].AssessmentID != 0 {
		t.Errorf("after deleting the origin: %+v", lb.OwnItems)
	}
}

func TestYearPlanAndUnitOverview(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("Avd 1", "2026-02-10", "krankningar"), nil)
	plan := checklist.YearPlan{UnitID: a.UnitID, Year: 2026, Entries: []checklist.PlanEntry{
		{AreaID: "krankningar", Month: 2}, {AreaID: "diskriminering", Month: 3}, {AreaID: "halsa", Month: 5}, {AreaID: "adt", Month: 9}}}
	if err := s.SaveYearPlan(ctx, plan); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveYearPlan(ctx, checklist.YearPlan{UnitID: a.UnitID, Year: 2026, Entries: []checklist.PlanEntry{{AreaID: "x", Month: 13}}}); err == nil {
		t.Error("month 13 accepted")
	}
	got, err := s.YearPlan(ctx, a.UnitID, 2026)
	if err != nil || len(got.Entries) != 4 || got.Month("halsa") != 5 {
		t.Fatalf("plan %+v %v", got, err)
	}
	tests := []struct {
		unit, date string
		want       []string
	}{
		{"Avd 1", "2026-03-15", []string{"diskriminering"}},
		{"avd 1", "2026-06-01", []string{"diskriminering", "halsa"}},
		{"Avd 1", "2026-02-20", []string{"krankningar"}},
		{"Avd 1", "2027-03-01", nil},
		{"Ny enhet", "2026-03-01", nil},
	}
	for _, tt := range tests {
		got, err := s.PlannedAreas(ctx, tt.unit, d(tt.date))
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("PlannedAreas(%s, %s) = %v, %v; want %v", tt.unit, tt.date, got, err, tt.want)
		}
	}

	mustAnswer(t, s, a.ID, "krankningar", "3.1", checklist.Nej, risk(3, 3))
	mustAnswer(t, s, a.ID, "krankningar", "3.2", checklist.Nej, risk(4, 4))
	mustAnswer(t, s, a.ID, "krankningar", "3.3", checklist.Nej, risk(1, 1))
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, What: "Sen", Due: d("2026-03-01")})
	mustCreate(t, s, newAssessment("Avd 2", "2026-01-10", "diskriminering"), nil)
	rows, err := s.UnitOverview(ctx, d("2026-04-01"), []string{"krankningar", "diskriminering", "halsa", "adt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Unit.Name != "Avd 1" || rows[0].LastID != a.ID || rows[0].OpenSerious != 2 || rows[0].Overdue != 1 {
		t.Fatalf("overview %+v", rows)
	}
	states := map[string]checklist.CoreState{}
	for _, c := range rows[0].Core {
		states[c.AreaID] = c.State
	}
	want := map[string]checklist.CoreState{"krankningar": checklist.CoreCovered, "diskriminering": checklist.CoreOverdue,
		"halsa": checklist.CoreDue, "adt": checklist.CoreDue}
	for k, v := range want {
		if states[k] != v {
			t.Errorf("core %s: %v, want %v", k, states[k], v)
		}
	}
	// A re-evaluation to låg takes the risk off the count.
	if _, err := s.SaveReevaluation(ctx, checklist.Reevaluation{AssessmentID: a.ID, AreaID: "krankningar", ItemID: "3.2",
		On: d("2026-03-20"), Risk: checklist.Risk{Probability: 1, Consequence: 2}}); err != nil {
		t.Fatal(err)
	}
	rows, _ = s.UnitOverview(ctx, d("2026-04-01"), nil)
	if rows[0].OpenSerious != 1 {
		t.Errorf("after re-evaluation: %d serious", rows[0].OpenSerious)
	}
}

// TestPreviousAnswersNarrowsPreviousResponses compares, for every
// assessment of demo data, PreviousAnswers with PreviousResponses cut to
// the items the assessment answered.
func TestPreviousAnswersNarrowsPreviousResponses(t *testing.T) {
	ctx := context.Background()
	s, list := demoStore(t)
	compared := 0
	for _, m := range list {
		a, err := s.LoadAssessment(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		full, err := s.PreviousResponses(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, had, err := s.PreviousAnswers(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := map[checklist.ItemKey]checklist.PastResponse{}
		for k := range a.Responses {
			if p, ok := full[k]; ok {
				want[k] = p
			}
		}
		if had != (len(full) > 0) {
			t.Errorf("assessment %d: had %v, %d earlier answers", m.ID, had, len(full))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("assessment %d: PreviousAnswers differs from PreviousResponses (%d vs %d items)", m.ID, len(got), len(want))
		}
		compared += len(want)
	}
	if compared == 0 {
		t.Fatal("no earlier answers to compare")
	}
}

// previousResponsesScan is PreviousResponses as it was before it read
// latest_answers: every earlier answer of the unit numbered per item, and
// every re-evaluation of the unit. It is the reference for
// TestPreviousResponsesMatchesScan.
func previousResponsesScan(ctx context.Context, s *Store, id int64) (map[checklist.ItemKey]checklist.PastResponse, error) {
	var unitID int64
	var date string
	if err := s.db.QueryRowContext(ctx, "SELECT unit_id, meeting_date FROM assessments WHERE id = ?", id).Scan(&unitID, &date); err != nil {
		return nil, err
	}
	list, err := s.queryPast(ctx, `WITH `+earlierCTE+`,
		latest AS (SELECT w.*, e.meeting_date AS mdate,
			row_number() OVER (PARTITION BY w.area_id, w.item_id ORDER BY e.meeting_date DESC, e.id DESC) AS rn
			FROM answers w JOIN earlier e ON e.id = w.assessment_id WHERE w.answer <> '')
		SELECT `+responseCols+`, w.assessment_id, w.mdate FROM latest w WHERE w.rn = 1`, unitID, id, date)
	if err != nil {
		return nil, err
	}
	out := byItem(list)
	all, err := s.queryReevaluations(ctx, `SELECT `+reevalCols+` FROM reevaluations r
		JOIN assessments a ON a.id = r.assessment_id WHERE a.unit_id = ?`+reevalOrder, unitID)
	if err != nil {
		return nil, err
	}
	type answerKey struct {
		assessment int64
		item       checklist.ItemKey
	}
	re := map[answerKey][]checklist.Reevaluation{}
	for _, e := range all {
		k := answerKey{e.AssessmentID, e.Key()}
		re[k] = append(re[k], e)
	}
	for k, p := range out {
		p.Reevaluations = re[answerKey{p.AssessmentID, k}]
		out[k] = p
	}
	return out, nil
}

// TestPreviousResponsesMatchesScan compares PreviousResponses with the
// scan of every earlier answer for every assessment of demo data, then
// again after meetings moved to other dates (the latest answers change
// hands), answers emptied and a meeting deleted.
func TestPreviousResponsesMatchesScan(t *testing.T) {
	ctx := context.Background()
	s, list := demoStore(t)
	compare := func(when string) {
		t.Helper()
		list, err := s.ListAssessments(ctx, d("2026-06-01"))
		if err != nil {
			t.Fatal(err)
		}
		compared, reevaluated := 0, 0
		for _, m := range list {
			got, err := s.PreviousResponses(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			want, err := previousResponsesScan(ctx, s, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, assessment %d: %d earlier answers, want %d", when, m.ID, len(got), len(want))
				for k, w := range want {
					if g, ok := got[k]; !ok || !reflect.DeepEqual(g, w) {
						t.Logf("%v: got %+v\nwant %+v", k, g, w)
						break
					}
				}
			}
			compared += len(want)
			for _, p := range want {
				reevaluated += len(p.Reevaluations)
			}
		}
		if compared == 0 || reevaluated == 0 {
			t.Fatalf("%s: %d earlier answers, %d re-evaluations to compare", when, compared, reevaluated)
		}
	}
	compare("demo data")

	// The oldest meeting of each unit moves after all the others, and an
	// answer of the newest is emptied; one meeting in the middle goes.
	byUnit := map[int64][]Summary{}
	for _, m := range list {
		byUnit[m.UnitID] = append(byUnit[m.UnitID], m)
	}
	deleted := false
	for _, ms := range byUnit {
		if len(ms) < 3 {
			continue
		}
		oldest, newest := ms[len(ms)-1], ms[0]
		if _, err := s.db.ExecContext(ctx, "UPDATE assessments SET meeting_date = ? WHERE id = ?",
			newest.Date.AddDays(1).String(), oldest.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, `UPDATE answers SET answer = '' WHERE rowid =
			(SELECT rowid FROM answers WHERE assessment_id = ? AND answer <> '' LIMIT 1)`, newest.ID); err != nil {
			t.Fatal(err)
		}
		if !deleted {
			if err := s.DeleteAssessment(ctx, ms[len(ms)/2].ID); err != nil {
				t.Fatal(err)
			}
			deleted = true
		}
	}
	compare("after the changes")
}

// TestPastAnswerIsHistoryEntry compares PastAnswer with the entry of
// ItemHistory at the same meeting, for every item of every unit of demo
// data, and finds none where the meeting did not answer the item.
func TestPastAnswerIsHistoryEntry(t *testing.T) {
	ctx := context.Background()
	s, list := demoStore(t)
	units, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	compared, reevaluated := 0, 0
	for _, u := range units {
		for _, area := range demoAreas(3, 10) {
			for _, it := range area.Items {
				k := checklist.ItemKey{AreaID: area.ID, ItemID: it.ID}
				hist, err := s.ItemHistory(ctx, u.ID, k)
				if err != nil {
					t.Fatal(err)
				}
				at := map[int64]bool{}
				for _, want := range hist {
					at[want.AssessmentID] = true
					got, ok, err := s.PastAnswer(ctx, want.AssessmentID, k)
					if err != nil || !ok || !reflect.DeepEqual(got, want) {
						t.Fatalf("PastAnswer(%d, %v) = %+v, %v, %v; want %+v", want.AssessmentID, k, got, ok, err, want)
					}
					compared++
					reevaluated += len(want.Reevaluations)
				}
				for _, m := range list {
					if m.UnitID == u.ID && !at[m.ID] {
						if _, ok, err := s.PastAnswer(ctx, m.ID, k); ok || err != nil {
							t.Fatalf("PastAnswer(%d, %v): an answer where ItemHistory has none (%v)", m.ID, k, err)
						}
					}
				}
			}
		}
	}
	if compared == 0 || reevaluated == 0 {
		t.Fatalf("%d answers, %d re-evaluations compared", compared, reevaluated)
	}
}
