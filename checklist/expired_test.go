package checklist

import (
	"fmt"
	"testing"
)

func TestExpiredResponses(t *testing.T) {
	base := &Catalog{areas: map[string]*Area{}}
	k := &Area{ID: "krank", Items: []Item{{ID: "p1"}, {ID: "p2"}}}
	base.Areas, base.areas["krank"] = []*Area{k}, k
	resp := func(area, item string, ans Answer) Response { return Response{AreaID: area, ItemID: item, Answer: ans} }
	a := Assessment{
		OwnItems:  []OwnItem{{AreaID: OwnArea, ItemID: "E1", Statement: "Vi hinner äta."}},
		Responses: map[ItemKey]Response{},
	}
	for _, r := range []Response{
		resp("krank", "p1", Ja),         // in the checklist
		resp("krank", "p10", Nej),       // taken out of the checklist
		resp("krank", "p9", Delvis),     // taken out of the checklist
		resp("krank", "p3", Unanswered), // a comment only: not an answer
		resp(OwnArea, "E1", Ja),         // an own item offered here
		resp(OwnArea, "E2", Nej),        // an own item no longer offered
		resp("gone", "x1", Ja),          // an area no longer loaded
	} {
		a.Responses[r.Key()] = r
	}
	got := fmt.Sprint(keysOf(base.ExpiredResponses(a)))
	if want := "[egen/E2 gone/x1 krank/p9 krank/p10]"; got != want {
		t.Errorf("expired %s, want %s", got, want)
	}
	if got := (*Catalog)(nil).ExpiredResponses(Assessment{Responses: map[ItemKey]Response{{"krank", "p1"}: resp("krank", "p1", Ja)}}); len(got) != 1 {
		t.Errorf("without a catalog every answer is expired, got %v", got)
	}
}

func keysOf(rs []Response) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.AreaID+"/"+r.ItemID)
	}
	return out
}
