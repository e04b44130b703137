package report

import (
	"bytes"
	"strings"
	"testing"

	"samkoll/checklist"
)

// cycleSample is the sample assessment as the unit's second APT: the
// previous answers, a risk carried from the first APT without an action,
// and an own item.
func cycleSample(t testing.TB) (checklist.Assessment, Options) {
	a, opt := sample(t)
	prev := date(t, "2025-11-20")
	k := func(area, item string) checklist.ItemKey { return checklist.ItemKey{AreaID: area, ItemID: item} }
	opt.Previous = map[checklist.ItemKey]checklist.PastResponse{
		k("sam", "riskbedomning"):  {Date: prev, Response: resp("sam", "riskbedomning", checklist.Nej, risk(2, 3, ""), "", "")},
		k("sam", "rutiner"):        {Date: prev, Response: resp("sam", "rutiner", checklist.Delvis, risk(2, 2, ""), "", "")},
		k("sam", "tillbud"):        {Date: prev, Response: resp("sam", "tillbud", checklist.Nej, risk(4, 3, ""), "", "")},
		k("osa", "belastning"):     {Date: prev, Response: resp("osa", "belastning", checklist.Nej, risk(4, 4, ""), "", "")},
		k(checklist.OwnArea, "E1"): {Date: prev, Response: resp(checklist.OwnArea, "E1", checklist.Ja, nil, "", "")},
	}
	a.OwnItems = []checklist.OwnItem{{ID: 1, UnitID: 3, AssessmentID: 7, AreaID: checklist.OwnArea, ItemID: "E1",
		Statement: "Vi hinner äta lunch.", Since: prev}}
	a.Responses[k(checklist.OwnArea, "E1")] = resp(checklist.OwnArea, "E1", checklist.Nej, risk(3, 2, ""), "Larmet går", "")
	a.CarriedRisks = []checklist.CarriedRisk{
		{PastResponse: checklist.PastResponse{AssessmentID: 7, Date: prev, Response: resp("osa", "nattarbete", checklist.Nej, risk(3, 4, ""), "", "")}},
		{PastResponse: checklist.PastResponse{AssessmentID: 7, Date: prev, Response: resp("osa", "gammal", checklist.Delvis, nil, "", "")}},
		// Answered again at this APT: shown there, not as carried.
		{PastResponse: checklist.PastResponse{AssessmentID: 7, Date: prev, Response: resp("sam", "introduktion", checklist.Delvis, nil, "", "")}},
	}
	return a, opt
}

func TestPlanSinceLastGolden(t *testing.T) {
	a, opt := cycleSample(t)
	cat := testCatalog(t)
	checkGolden(t, "handlingsplan-cykel-sv", render1(t, a, cat, opt))
	opt.Lang = checklist.English
	checkGolden(t, "handlingsplan-cykel-en", render1(t, a, cat, opt))
}

func TestPlanSinceLast(t *testing.T) {
	a, opt := cycleSample(t)
	d := Plan(a, testCatalog(t), opt)
	var got []string
	for _, c := range d.SinceLast {
		got = append(got, c.Change+c.Arrow+" "+c.Area+" "+c.Item)
	}
	want := []string{
		"Brist då, Ja nu Systematiskt arbetsmiljöarbete punkt 2",
		"Ny brist Egna punkter punkt 1",
		"Risken har ökat↑ Systematiskt arbetsmiljöarbete punkt 1",
		"Risken har minskat↓ Systematiskt arbetsmiljöarbete punkt 3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("since last:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The carried serious risk without an action is among the serious
	// risks; the unevaluated one is listed as unresolved only.
	if len(d.Unresolved) != 2 || !d.Unresolved[0].IsSerious || d.Unresolved[1].Level != "Ej bedömd" {
		t.Errorf("unresolved %+v", d.Unresolved)
	}
	found := false
	for _, s := range d.Serious {
		if s.CarriedOver && s.From == "2025-11-20" && len(s.Actions) == 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("carried serious risk missing from %+v", d.Serious)
	}
	// The own item is answered and listed like a checklist item.
	var own bool
	for _, s := range d.Shortcomings {
		own = own || s.Statement == "Vi hinner äta lunch."
	}
	if !own {
		t.Error("own item not among the shortcomings")
	}
	// Without a previous APT there is no section.
	opt.Previous = nil
	var buf bytes.Buffer
	if err := Assessment(&buf, a, testCatalog(t), opt); err != nil || strings.Contains(buf.String(), "Sedan förra APT") {
		t.Errorf("section without a previous APT: %v", err)
	}
}
