package report

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"samkoll/checklist"
)

// fakeYear is a FollowupSource over fixed data.
type fakeYear struct {
	units   []checklist.Unit
	as      map[int64][]checklist.Assessment
	plans   map[int64]checklist.YearPlan
	reevals map[int64][]checklist.Reevaluation
	history map[checklist.ItemKey][]checklist.PastResponse
}

func (f *fakeYear) Units(context.Context) ([]checklist.Unit, error) { return f.units, nil }
func (f *fakeYear) UnitAssessments(_ context.Context, id int64, year int) ([]checklist.Assessment, error) {
	var out []checklist.Assessment
	for _, a := range f.as[id] {
		if a.Date.Year == year {
			out = append(out, a)
		}
	}
	return out, nil
}
func (f *fakeYear) YearPlan(_ context.Context, id int64, year int) (checklist.YearPlan, error) {
	return f.plans[id], nil
}
func (f *fakeYear) UnitReevaluations(_ context.Context, id int64, year int) ([]checklist.Reevaluation, error) {
	return f.reevals[id], nil
}
func (f *fakeYear) PastAnswer(_ context.Context, id int64, k checklist.ItemKey) (checklist.PastResponse, bool, error) {
	for _, p := range f.history[k] {
		if p.AssessmentID == id {
			return p, true, nil
		}
	}
	return checklist.PastResponse{}, false, nil
}

// sampleYear is one unit's year: two APTs, a carried risk, an own item, a
// re-evaluation after a checked action, and a year plan with a missed core
// area; a second unit had no APT in the year.
func sampleYear(t testing.TB) *fakeYear {
	first := checklist.Assessment{ID: 1, UnitID: 3, Unit: "Avdelning 3", Date: date(t, "2026-02-10"),
		Participants: "Chef, 9 medarbetare, skyddsombud", SafetyRepPresent: true,
		Areas:     []checklist.AreaRef{{ID: "osa"}, {ID: "diskriminering"}},
		Responses: map[checklist.ItemKey]checklist.Response{}}
	for _, r := range []checklist.Response{
		resp("osa", "belastning", checklist.Nej, risk(4, 3, ""), "", ""),
		resp("osa", "krankningar", checklist.Delvis, nil, "", ""),
		resp("osa", "nattarbete", checklist.Ja, nil, "", ""),
		resp("diskriminering", "undersoka", checklist.Delvis, risk(3, 3, ""), "", ""),
		resp("diskriminering", "analysera", checklist.Nej, risk(2, 2, ""), "", ""),
		resp(checklist.OwnArea, "E1", checklist.Nej, risk(3, 3, "Luncher | raster"), "", ""),
	} {
		first.Responses[r.Key()] = r
	}
	first.OwnItems = []checklist.OwnItem{{ID: 1, UnitID: 3, AssessmentID: 1, AreaID: checklist.OwnArea, ItemID: "E1",
		Statement: "Vi hinner äta lunch."}}
	first.Actions = []checklist.Action{
		{ID: 10, UnitID: 3, AssessmentID: 1, AreaID: "osa", ItemID: "belastning", What: "Prioriteringslista", Who: "Chef",
			Due: date(t, "2026-03-01"), Status: checklist.Klar, DoneOn: date(t, "2026-02-28"), CheckedOn: date(t, "2026-03-10"),
			Effect: "ja", RiskLevel: checklist.MycketHog},
		{ID: 11, UnitID: 3, AssessmentID: 1, AreaID: "diskriminering", ItemID: "undersoka", What: "Kartlägg scheman",
			Who: "Samordnare", Due: date(t, "2026-04-01"), Status: checklist.Pagar, RiskLevel: checklist.Hog},
		{ID: 12, UnitID: 3, AssessmentID: 1, What: "Felanmäl dörren", Status: checklist.Struken},
	}
	first.Reevaluations = []checklist.Reevaluation{{ID: 5, AssessmentID: 1, AreaID: "osa", ItemID: "belastning", ActionID: 10,
		On: date(t, "2026-03-10"), Risk: checklist.Risk{Probability: 2, Consequence: 2, Level: checklist.Medel, Note: "Listan hjälper"}}}
	second := checklist.Assessment{ID: 2, UnitID: 3, Unit: "Avdelning 3", Date: date(t, "2026-04-14"),
		Participants: "Chef, 7 medarbetare", Areas: []checklist.AreaRef{{ID: "sam"}},
		Responses: map[checklist.ItemKey]checklist.Response{}}
	for _, r := range []checklist.Response{
		resp("sam", "riskbedomning", checklist.Ja, nil, "", ""),
		resp("sam", "tillbud", checklist.Nej, risk(3, 4, ""), "", ""),
		resp(checklist.OwnArea, "E1", checklist.Delvis, risk(2, 3, ""), "", ""),
	} {
		second.Responses[r.Key()] = r
	}
	second.OwnItems = first.OwnItems
	second.Actions = []checklist.Action{first.Actions[1]}
	second.CarriedRisks = []checklist.CarriedRisk{{PastResponse: checklist.PastResponse{AssessmentID: 1, Date: first.Date,
		Response: first.Responses[checklist.ItemKey{AreaID: "osa", ItemID: "krankningar"}]}}}
	return &fakeYear{
		units: []checklist.Unit{{ID: 3, Name: "Avdelning 3"}, {ID: 4, Name: "Avdelning 4"}},
		as:    map[int64][]checklist.Assessment{3: {first, second}},
		plans: map[int64]checklist.YearPlan{3: {UnitID: 3, Year: 2026, Entries: []checklist.PlanEntry{
			{AreaID: "osa", Month: 2}, {AreaID: "sam", Month: 3}, {AreaID: "diskriminering", Month: 9}}}},
		reevals: map[int64][]checklist.Reevaluation{3: first.Reevaluations},
		history: map[checklist.ItemKey][]checklist.PastResponse{
			{AreaID: "osa", ItemID: "belastning"}: {{AssessmentID: 1, Date: first.Date,
				Response: first.Responses[checklist.ItemKey{AreaID: "osa", ItemID: "belastning"}], Reevaluations: first.Reevaluations}},
		},
	}
}

func followup(t *testing.T, src FollowupSource, unit string, lang checklist.Lang) string {
	t.Helper()
	var buf bytes.Buffer
	opt := Options{Lang: lang, Today: date(t, "2026-05-20")}
	if err := Followup(context.Background(), &buf, src, unit, 2026, testCatalog(t), opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestFollowupGolden(t *testing.T) {
	src := sampleYear(t)
	checkGolden(t, "arsuppfoljning-sv", followup(t, src, "avdelning 3", checklist.Swedish))
	checkGolden(t, "arsuppfoljning-en", followup(t, src, "", checklist.English))
}

func TestFollowupContent(t *testing.T) {
	src := sampleYear(t)
	d, err := BuildFollowup(context.Background(), src, "", 2026, testCatalog(t), Options{Today: date(t, "2026-05-20")})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Units) != 1 {
		t.Fatalf("units %d: a unit without an APT in the year is left out of the list of all", len(d.Units))
	}
	u := d.Units[0]
	if len(u.Meetings) != 2 || u.SafetyRepMeetings != 1 {
		t.Errorf("meetings %+v", u.Meetings)
	}
	if u.Risks != (RiskCounts{MycketHog: 2, Hog: 2, Medel: 2, NotAssessed: 1, Total: 7}) {
		t.Errorf("risks %+v", u.Risks)
	}
	if u.Actions != (ActionCounts{Decided: 3, Done: 1, Checked: 1, Effective: 1, Open: 1, Overdue: 1, Struck: 1}) {
		t.Errorf("actions %+v", u.Actions)
	}
	if len(u.Reevaluations) != 1 || u.Reevaluations[0].Arrow != "↓" || u.Reevaluations[0].From != "Mycket hög" {
		t.Errorf("re-evaluations %+v", u.Reevaluations)
	}
	states := map[string]string{}
	for _, a := range u.Areas {
		states[a.Title] = a.State
	}
	if states["diskriminering"] != "Genomgånget" || len(u.Steps) != 4 || !strings.Contains(u.Steps[0].Answers, "2026-02-10: Delvis") {
		t.Errorf("areas %v steps %+v", states, u.Steps)
	}
	// E1 is serious at the first APT and has no action; at the second it
	// is Delvis Medel: not left unresolved. tillbud is hög without action.
	if n := unresolvedSerious(src.as[3]); n != 1 {
		t.Errorf("unresolved serious %d, want 1", n)
	}
	if _, err := BuildFollowup(context.Background(), src, "Okänd", 2026, nil, Options{}); err == nil ||
		checklist.Message(err, checklist.English) != `there is no unit called "Okänd"` {
		t.Errorf("unknown unit: %v", err)
	}
	// An asked-for unit without APTs still gets its section.
	d, _ = BuildFollowup(context.Background(), src, "Avdelning 4", 2026, nil, Options{})
	if len(d.Units) != 1 || len(d.Units[0].Meetings) != 0 {
		t.Errorf("empty unit %+v", d.Units)
	}
}

// TestFollowupPrivacyLine checks that the follow-up says it holds no names
// only when none of its user text (participants, an overdue action, a note
// on a re-evaluation, an own item) looks like a personnummer, and otherwise
// names each place with the number masked.
func TestFollowupPrivacyLine(t *testing.T) {
	clean := "De innehåller inga namn och inga enskilda ärenden."
	if doc := followup(t, sampleYear(t), "", checklist.Swedish); !strings.Contains(doc, clean) || strings.Contains(doc, "personnummer") {
		t.Fatal("a clean follow-up lacks the line, or warns")
	}
	for _, tc := range []struct {
		name  string
		spoil func(*fakeYear)
		want  string
	}{
		{"participants", func(f *fakeYear) { f.as[3][1].Participants = "Chef, 811218-9876" }, "Avdelning 3, APT 2026-04-14: deltagare"},
		{"overdue action", func(f *fakeYear) {
			f.as[3][0].Actions[1].Who = "Kim 19811218-9876"
			f.as[3][1].Actions[0].Who = "Kim 19811218-9876"
		},
			"åtgärd: Kartlägg scheman: ansvarig"},
		{"re-evaluation", func(f *fakeYear) { f.reevals[3][0].Risk.Note = "Samtal med 811218-9876" }, ": anteckning"},
		{"own item", func(f *fakeYear) { f.as[3][0].OwnItems[0].Statement = "Vi hinner äta lunch 811218-9876." }, ": egen punkt"},
		{"unit", func(f *fakeYear) { f.units[0].Name = "Avdelning 3 811218-9876" }, "Avdelning 3 ÅÅMMDD-XXXX: enhet"},
	} {
		f := sampleYear(t)
		tc.spoil(f)
		doc := followup(t, f, "", checklist.Swedish)
		note := doc[strings.LastIndex(doc, "\n")+1:]
		if i := strings.LastIndex(doc, "**Obs:**"); i >= 0 {
			note = doc[i:]
		}
		if strings.Contains(doc, clean) || !strings.Contains(note, "liknar ett personnummer") || !strings.Contains(note, tc.want) {
			t.Errorf("%s: the privacy line, or a note without %q:\n%s", tc.name, tc.want, note)
		}
		if strings.Contains(note, "9876") {
			t.Errorf("%s: the note repeats the personnummer: %s", tc.name, note)
		}
	}
	f := sampleYear(t)
	f.as[3][1].Participants = "Chef, 811218-9876"
	if en := followup(t, f, "", checklist.English); strings.Contains(en, "It holds no names") || !strings.Contains(en, "meeting of 2026-04-14: participants") {
		t.Error("the English note")
	}
}
