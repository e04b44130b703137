package report

import (
	"fmt"
	"io"
	"testing"
	"time"

	"samkoll/assets"
	"samkoll/checklist"
)

// benchData builds n assessments of 60 answers each over the built-in
// checklists: a third of them shortcomings with a risk evaluation and an
// action, some Ej aktuellt, and a few carried-over actions.
func benchData(b *testing.B, n int) ([]checklist.Assessment, *checklist.Catalog) {
	cat, errs := checklist.Load(assets.FS, "")
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	var keys []checklist.ItemKey
	var refs []checklist.AreaRef
	for _, a := range cat.Areas {
		if len(keys) >= 60 {
			break
		}
		refs = append(refs, checklist.AreaRef{ID: a.ID, Version: a.Version, Hash: a.Hash})
		for _, it := range a.Items {
			if len(keys) < 60 {
				keys = append(keys, checklist.ItemKey{AreaID: a.ID, ItemID: it.ID})
			}
		}
	}
	if len(keys) < 60 {
		b.Fatalf("the built-in checklists have only %d items", len(keys))
	}
	day := checklist.Date{Year: 2026, Month: 1, Day: 1}
	out := make([]checklist.Assessment, n)
	for i := range out {
		a := checklist.Assessment{
			ID: int64(i + 1), Unit: fmt.Sprintf("Enhet %d", i%40), Date: day.AddDays(i % 300),
			Participants: "Chef, 8 medarbetare, skyddsombud", SafetyRepPresent: i%2 == 0,
			Areas: refs, Responses: make(map[checklist.ItemKey]checklist.Response, 60),
		}
		for j, k := range keys {
			r := checklist.Response{AreaID: k.AreaID, ItemID: k.ItemID, Answer: checklist.Answers[j%4]}
			switch r.Answer {
			case checklist.Delvis, checklist.Nej:
				p, c := 1+j%4, 1+(i+j)%4
				r.Risk = &checklist.Risk{Probability: p, Consequence: c, Level: checklist.LevelFor(p, c)}
				r.Comment = "Gruppen tar upp detta | igen på nästa APT."
				a.Actions = append(a.Actions, checklist.Action{
					ID: int64(i*100 + j), AssessmentID: a.ID, AreaID: k.AreaID, ItemID: k.ItemID,
					What: "Gå igenom rutinen på APT", Who: "Chef", Due: a.Date.AddDays(30 + j),
				})
			case checklist.EjAktuellt:
				r.Reason = "Förekommer inte på enheten."
			}
			a.Responses[k] = r
		}
		for j := 0; j < 3; j++ {
			a.Actions = append(a.Actions, checklist.Action{ID: int64(i*100 + 90 + j), AssessmentID: a.ID - 1,
				Risk: "Tidigare brist", What: "Följ upp", Who: "Skyddsombud", Due: a.Date.AddDays(-j), Status: checklist.Pagar})
		}
		out[i] = a
	}
	return out, cat
}

// BenchmarkExport1000x60 exports 1,000 assessments of 60 answers each; one
// operation is all 1,000. The budget is 300 ms per operation.
func BenchmarkExport1000x60(b *testing.B) {
	as, cat := benchData(b, 1000)
	opt := Options{Today: checklist.Date{Year: 2026, Month: 6, Day: 1}}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, a := range as {
			if err := Assessment(io.Discard, a, cat, opt); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
