package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"samkoll/checklist"
)

// fakeRegion is a RegionSource over a fixed picture.
type fakeRegion struct{ r checklist.Region }

func (f fakeRegion) RegionReport(_ context.Context, year int, _ checklist.Date, _ int) (checklist.Region, error) {
	r := f.r
	r.Year = year
	return r, nil
}

// sampleRegion is three units: one that did everything, one with serious
// risks without action and overdue, escalated actions (one of them with
// hostile text), and one with no APT this year.
func sampleRegion(t testing.TB) fakeRegion {
	return fakeRegion{checklist.Region{
		Units: []checklist.RegionUnit{
			{Unit: checklist.Unit{ID: 1, Name: "Avdelning 1"}, Last: date(t, "2026-10-04"), Meetings: 9,
				Plan:      checklist.YearPlan{Entries: []checklist.PlanEntry{{AreaID: "sam", Month: time.March}}},
				Covered:   map[string][]checklist.Date{"sam": {date(t, "2026-03-10")}},
				Followup:  date(t, "2026-10-04"),
				Escalated: []checklist.EscalatedAction{{Area: "sam", Item: "rutiner", What: "Skyddsrond i köket", To: checklist.EscChef, Since: date(t, "2026-03-10")}}},
			{Unit: checklist.Unit{ID: 2, Name: "Akuten | <b>natt</b>"}, Last: date(t, "2026-02-01"), Meetings: 1,
				Plan:                 checklist.YearPlan{Entries: []checklist.PlanEntry{{AreaID: "sam", Month: time.April}}},
				Covered:              map[string][]checklist.Date{},
				SeriousWithAction:    1,
				SeriousWithoutAction: 3, Overdue: 2,
				Escalated: []checklist.EscalatedAction{{Area: "osa", Item: "belastning", What: "Bemanning <script>x</script> | [länk](http://x)",
					To: checklist.EscSamverkan, Since: date(t, "2026-02-01"), Due: date(t, "2026-04-30")}}},
			{Unit: checklist.Unit{ID: 3, Name: "Kök"}, Last: date(t, "2025-11-20"), Covered: map[string][]checklist.Date{}, Overdue: 1},
		},
		Shortfalls: []checklist.ItemShortfall{
			{Item: checklist.ItemKey{AreaID: "osa", ItemID: "belastning"}, Units: 2, Delvis: 3, Nej: 1},
			{Item: checklist.ItemKey{AreaID: "sam", ItemID: "borttagen"}, Units: 1, Nej: 1},
		},
	}}
}

func region(t *testing.T, src RegionSource, lang checklist.Lang, html bool) string {
	t.Helper()
	var buf bytes.Buffer
	opt := Options{Lang: lang, Today: date(t, "2026-05-20")}
	write := Region
	if html {
		write = RegionHTML
	}
	if err := write(context.Background(), &buf, src, 2026, testCatalog(t), opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestRegionGolden(t *testing.T) {
	src := sampleRegion(t)
	checkGolden(t, "region-sv", region(t, src, checklist.Swedish, false))
	checkGolden(t, "region-en", region(t, src, checklist.English, false))
	checkGolden(t, "region-html-sv", region(t, src, checklist.Swedish, true))
	checkGolden(t, "region-html-en", region(t, src, checklist.English, true))
	checkGolden(t, "region-empty-sv", region(t, fakeRegion{}, checklist.Swedish, false))
}

func TestRegionContent(t *testing.T) {
	src := sampleRegion(t)
	r := src.r
	r.Year = 2026
	d := RegionOf(r, testCatalog(t), Options{Today: date(t, "2026-05-20")}, htmlFormat)
	tot := d.Totals
	if tot.Units != 3 || tot.Held != 2 || tot.AllCore != 1 || tot.Followup != 1 || tot.SeriousWithout != 3 ||
		tot.SeriousWith != 1 || tot.Overdue != 3 || tot.Esc != 2 || tot.HeldShare != "67 %" || tot.FollowupShare != "33 %" {
		t.Errorf("totals: %+v", tot)
	}
	// Most serious risks without action first, then overdue; the unit
	// that did everything is not on the list.
	var names []string
	for _, u := range d.Attention {
		names = append(names, u.Name)
	}
	if got := strings.Join(names, ";"); got != "Akuten | &lt;b&gt;natt&lt;/b&gt;;Kök" {
		t.Errorf("attention: %s", got)
	}
	// sam was planned for April: overdue in May at Akuten; Kök has no plan,
	// so sam is only due.
	if d.Units[1].Missing != "Systematiskt arbetsmiljöarbete (försenat)" || d.Units[2].Missing != "Systematiskt arbetsmiljöarbete" || d.Units[0].Core != "1/1" {
		t.Errorf("core areas: %q %q %q", d.Units[0].Core, d.Units[1].Missing, d.Units[2].Missing)
	}
	if d.Shortfalls[0].Item != "punkt 1" || d.Shortfalls[1].Statement != "–" {
		t.Errorf("shortfalls: %+v", d.Shortfalls)
	}
}

// TestRegionHTMLNoMarkupFromUnits checks that no unit name or action text
// becomes markup, and that every table keeps its shape.
func TestRegionHTMLNoMarkupFromUnits(t *testing.T) {
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		doc := region(t, sampleRegion(t), lang, true)
		checkHTML(t, doc)
		if strings.Contains(doc, "<b>") || strings.Contains(doc, "<script>") || strings.Contains(doc, "http://x\"") {
			t.Errorf("%s: markup from a unit survived", lang)
		}
	}
	md := region(t, sampleRegion(t), checklist.Swedish, false)
	if strings.Contains(md, "<b>") || unescapedLink.MatchString(md) || !strings.Contains(md, `Akuten \| \<b\>natt\</b\>`) {
		t.Error("markdown: markup from a unit survived")
	}
}

// unescapedLink finds a markdown link whose brackets are not escaped.
var unescapedLink = regexp.MustCompile(`(^|[^\\])\]\(`)

// TestRegionPrivacyLine checks that the region report says it concerns
// work groups only when no unit name or escalated action looks like it
// holds a personnummer, and otherwise names the places, masked.
func TestRegionPrivacyLine(t *testing.T) {
	clean := "Uppgifterna gäller arbetsgrupper"
	for _, html := range []bool{false, true} {
		if doc := region(t, sampleRegion(t), checklist.Swedish, html); !strings.Contains(doc, clean) || strings.Contains(doc, "personnummer") {
			t.Errorf("html %v: a clean region lacks the line, or warns", html)
		}
		src := sampleRegion(t)
		src.r.Units[0].Escalated[0].What = "Samtal med 19811218-9876 om schemat"
		src.r.Units[2].Unit.Name = "Kök 850709-9805"
		doc := region(t, src, checklist.Swedish, html)
		if strings.Contains(doc, clean) {
			t.Errorf("html %v: the work-group line is written although the text holds personnummer", html)
		}
		for _, want := range []string{"Avdelning 1, åtgärd: Samtal med ÅÅMMDD-XXXX om schemat: åtgärd", "Kök ÅÅMMDD-XXXX: enhet", "Granska innan dokumentet sprids."} {
			if !strings.Contains(doc, want) {
				t.Errorf("html %v: the note does not name %q:\n%s", html, want, doc[strings.LastIndex(doc, "APT under året."):])
			}
		}
		if en := region(t, src, checklist.English, html); !strings.Contains(en, "Kök ÅÅMMDD-XXXX: unit") || strings.Contains(en, "The figures concern work groups") {
			t.Errorf("html %v: the English note", html)
		}
	}
	src := sampleRegion(t)
	src.r.Units[0].Escalated[0].What = "Samtal med 19811218-9876 om schemat"
	checkGolden(t, "region-personnummer-sv", region(t, src, checklist.Swedish, false))
}

// TestRegionHTMLInBrowser opens the region report, with hostile unit names
// and action text, in headless Chromium: no console message, script error
// or request, no element from the units' text, and it prints to A4.
func TestRegionHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	b := startBrowser(t, ctx)
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		path := filepath.Join(t.TempDir(), "region-"+string(lang)+".html")
		if err := os.WriteFile(path, []byte(region(t, sampleRegion(t), lang, true)), 0o600); err != nil {
			t.Fatal(err)
		}
		before := len(b.events)
		page := b.open(t, path)
		b.events = b.events[before:]
		if p := b.problems(page); len(p) > 0 {
			t.Errorf("%s: the page reported problems:\n%s", lang, strings.Join(p, "\n"))
		}
		res, err := b.call(b.session, "Runtime.evaluate", map[string]any{
			"expression":    `[document.querySelectorAll("script,img,a,iframe,object,embed,link,svg,form,input,b").length, document.querySelectorAll("table").length]`,
			"returnByValue": true,
		})
		if err != nil {
			t.Fatal(err)
		}
		var ev struct{ Result struct{ Value []any } }
		json.Unmarshal(res, &ev)
		if len(ev.Result.Value) != 2 || ev.Result.Value[0] != float64(0) || ev.Result.Value[1] != float64(4) {
			t.Errorf("%s: foreign elements, or not the four tables: %v", lang, ev.Result.Value)
		}
		if pages := pdfPages(t, b.printPDF(t)); pages < 1 || pages > 3 {
			t.Errorf("%s: printed to %d A4 pages, want 1–3 for three units", lang, pages)
		}
	}
}
