package checklist

import "testing"

func TestCompareResponses(t *testing.T) {
	tests := []struct {
		prev      Answer
		prevLevel Level
		cur       Answer
		curLevel  Level
		want      Change
	}{
		{Nej, Hog, Ja, NoLevel, Resolved},
		{Delvis, NoLevel, Ja, NoLevel, Resolved},
		{Ja, NoLevel, Nej, Hog, NewShortcoming},
		{Unanswered, NoLevel, Delvis, Medel, NewShortcoming},
		{EjAktuellt, NoLevel, Nej, Hog, AnswerChanged},
		{Delvis, Medel, Nej, Hog, RiskRose},
		{Nej, MycketHog, Nej, Medel, RiskFell},
		{Nej, NoLevel, Delvis, NoLevel, AnswerChanged},
		{Nej, Hog, Nej, Hog, NoChange},
		{Ja, NoLevel, Ja, NoLevel, NoChange},
		{Nej, Hog, Unanswered, NoLevel, NoChange},
	}
	for _, tt := range tests {
		if got := CompareResponses(tt.prev, tt.prevLevel, tt.cur, tt.curLevel); got != tt.want {
			t.Errorf("%v %v → %v %v: %v, want %v", tt.prev, tt.prevLevel, tt.cur, tt.curLevel, got, tt.want)
		}
	}
	if RiskRose.Arrow() != "↑" || RiskFell.Arrow() != "↓" || Resolved.Arrow() != "" {
		t.Error("arrows")
	}
}

func TestCoreAreaStates(t *testing.T) {
	d := func(s string) Date { v, _ := ParseDate(s); return v }
	plan := YearPlan{Year: 2026, Entries: []PlanEntry{{"a", 2}, {"b", 6}, {"c", 3}}}
	covered := map[string][]Date{"a": {d("2025-11-01"), d("2026-04-01"), d("2026-02-10")}, "c": {d("2025-03-01")}}
	tests := []struct {
		today string
		want  map[string]CoreState
	}{
		{"2026-02-01", map[string]CoreState{"a": CoreCovered, "b": CoreDue, "c": CoreDue, "d": CoreDue}},
		{"2026-04-15", map[string]CoreState{"a": CoreCovered, "b": CoreDue, "c": CoreOverdue, "d": CoreDue}},
		{"2026-07-01", map[string]CoreState{"b": CoreOverdue, "c": CoreOverdue, "d": CoreDue}},
		{"2027-01-02", map[string]CoreState{"a": CoreCovered, "b": CoreOverdue, "d": CoreOverdue}},
	}
	for _, tt := range tests {
		got := CoreAreaStates([]string{"a", "b", "c", "d"}, 2026, plan, covered, d(tt.today))
		for _, c := range got {
			if want, ok := tt.want[c.AreaID]; ok && c.State != want {
				t.Errorf("%s: %s is %v, want %v", tt.today, c.AreaID, c.State, want)
			}
			if c.AreaID == "a" && c.Covered != d("2026-02-10") {
				t.Errorf("a covered %v, want the first date of the year", c.Covered)
			}
		}
	}
	if err := (YearPlan{Year: 2026, Entries: []PlanEntry{{"a", 2}, {"a", 3}}}).Validate(); err == nil {
		t.Error("an area twice accepted")
	}
}

func TestOwnItemAndPrevious(t *testing.T) {
	o := OwnItem{ItemID: "E3", AreaID: OwnArea, Statement: "Vi hinner äta lunch."}
	if err := o.Validate(); err != nil {
		t.Fatal(err)
	}
	if it := o.Item(); it.ID != "E3" || it.Type != RiskItem || it.Problem.SV != "Brist: Vi hinner äta lunch." {
		t.Errorf("item %+v", it)
	}
	if !IsOwnItemID("E12") || IsOwnItemID("E") || IsOwnItemID("3.1") || IsOwnItemID("E1a") {
		t.Error("IsOwnItemID")
	}
	if (OwnItem{AreaID: "egen", Statement: " "}).Validate() == nil {
		t.Error("empty statement accepted")
	}
	d, _ := ParseDate("2026-10-04")
	p := PastResponse{Date: d, Response: Response{Answer: Nej, Risk: &Risk{Level: Hog}}}
	if got := FormatPrevious(p, Swedish); got != "Förra APT 2026-10-04: Nej · Hög" {
		t.Errorf("got %q", got)
	}
	p.Reevaluations = []Reevaluation{{Risk: Risk{Level: Lag}}}
	if got := FormatPrevious(p, English); got != "Last APT 2026-10-04: No · Low" {
		t.Errorf("got %q", got)
	}
}

func TestSinceLast(t *testing.T) {
	d, _ := ParseDate("2026-10-04")
	k := func(i string) ItemKey { return ItemKey{"a", i} }
	prev := map[ItemKey]PastResponse{
		k("1"): {Date: d, Response: Response{Answer: Nej, Risk: &Risk{Level: Hog}}},
		k("2"): {Date: d, Response: Response{Answer: Delvis, Risk: &Risk{Level: Medel}}},
		k("3"): {Date: d, Response: Response{Answer: Ja}},
		k("4"): {Date: d, Response: Response{Answer: Nej, Risk: &Risk{Level: MycketHog}},
			Reevaluations: []Reevaluation{{Risk: Risk{Level: Lag}}}},
		k("5"): {Date: d, Response: Response{Answer: Ja}},
	}
	a := Assessment{Responses: map[ItemKey]Response{
		k("1"): {AreaID: "a", ItemID: "1", Answer: Ja},
		k("2"): {AreaID: "a", ItemID: "2", Answer: Nej, Risk: &Risk{Level: Hog}},
		k("3"): {AreaID: "a", ItemID: "3", Answer: Delvis},
		k("4"): {AreaID: "a", ItemID: "4", Answer: Nej, Risk: &Risk{Level: Medel}},
		k("5"): {AreaID: "a", ItemID: "5", Answer: Ja},
		k("6"): {AreaID: "a", ItemID: "6", Answer: Nej},
		k("7"): {AreaID: "a", ItemID: "7", Answer: Ja},
	}}
	got := SinceLast(a, prev)
	want := []string{"1 resolved", "3 new_shortcoming", "2 risk_rose", "4 risk_rose"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, c := range got {
		if s := c.Key.ItemID + " " + c.Change.String(); s != want[i] {
			t.Errorf("%d: %s, want %s", i, s, want[i])
		}
	}
}

func TestCatalogWithOwnItems(t *testing.T) {
	base := &Catalog{areas: map[string]*Area{}}
	k := &Area{ID: "krankningar", Items: []Item{{ID: "a"}, {ID: "b"}}}
	base.Areas = []*Area{k}
	base.areas["krankningar"] = k
	c := base.WithOwnItems([]OwnItem{
		{AreaID: "krankningar", ItemID: "E1", Statement: "Vi hälsar."},
		{AreaID: OwnArea, ItemID: "E2", Statement: "Vi hinner äta."},
		{AreaID: OwnArea, ItemID: "E3", Statement: "Överlämningen fungerar."},
	})
	if len(k.Items) != 2 || len(base.Areas) != 1 {
		t.Fatal("the base catalog changed")
	}
	if got := c.Area("krankningar"); len(got.Items) != 3 || got.Items[2].ID != "E1" {
		t.Errorf("krankningar %+v", got.Items)
	}
	if own := c.Area(OwnArea); own == nil || len(own.Items) != 2 || own.Title != OwnAreaTitle || len(c.Areas) != 2 {
		t.Errorf("own area %+v", own)
	}
	if (*Catalog)(nil).WithOwnItems(nil) != nil || base.WithOwnItems(nil) != base {
		t.Error("no own items should give the catalog itself")
	}
	if c := (*Catalog)(nil).WithOwnItems([]OwnItem{{AreaID: OwnArea, ItemID: "E1", Statement: "x"}}); c.Area(OwnArea) == nil {
		t.Error("nil catalog with own items")
	}
}
