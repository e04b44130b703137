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
