package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"samkoll/checklist"
)

// allStates is the sample with an action in every state: planned, in
// progress, overdue, done, done and checked with its effect, cancelled,
// and escalated to both levels above the APT. Two texts end in a full
// stop, which the export must not double.
func allStates(t testing.TB) (checklist.Assessment, Options) {
	a, opt := sample(t)
	a.Actions[2].What = "Ta fram en mall med stöd av HR."
	a.Actions[2].Status = checklist.Klar
	a.Actions[2].DoneOn = date(t, "2026-03-13")
	a.Actions[2].CheckedOn = date(t, "2026-03-14")
	a.Actions[2].Effect = "Mallen används, riskerna blir synliga."
	a.Actions[2].Escalation = checklist.EscSamverkan
	a.Actions[4].Status = checklist.Klar
	a.Actions[4].DoneOn = date(t, "2026-03-12")
	a.Actions[4].Who = "Skyddsombud!"
	a.Actions = append(a.Actions, checklist.Action{
		ID: 54, AssessmentID: 12, AreaID: "osa", ItemID: "krankningar", Risk: "Rutinen är okänd",
		What: "Visa rutinen på nästa APT", Who: "Chef", Due: date(t, "2026-04-15"), Status: checklist.Struken,
	})
	return a, opt
}

// emptyPlan is an assessment that was started and has no answers and no
// actions.
func emptyPlan(t testing.TB) (checklist.Assessment, Options) {
	a := checklist.Assessment{
		ID: 13, UnitID: 3, Unit: "Avdelning 3 – Ortopedi", Date: date(t, "2026-04-02"),
		Areas:     []checklist.AreaRef{{ID: "sam", Version: 1}, {ID: "osa", Version: 1}},
		Status:    checklist.Pagaende,
		Responses: map[checklist.ItemKey]checklist.Response{},
	}
	return a, Options{Today: date(t, "2026-04-02")}
}

// withPersonnummer is the sample with a personnummer kept in a comment and
// in an action's responsible.
func withPersonnummer(t testing.TB) (checklist.Assessment, Options) {
	a, opt := sample(t)
	k := checklist.ItemKey{AreaID: "osa", ItemID: "belastning"}
	r := a.Responses[k]
	r.Comment = "Gäller 811218-9876 mest."
	a.Responses[k] = r
	a.Actions[5].Who = "Vaktmästare 19121212-1212"
	return a, opt
}

func renderHTML(t testing.TB, a checklist.Assessment, cat *checklist.Catalog, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := AssessmentHTML(&buf, a, cat, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

type fixture struct {
	name  string
	build func(testing.TB) (checklist.Assessment, Options)
	lang  checklist.Lang
}

var fixtures = []fixture{
	{"sv", sample, checklist.Swedish},
	{"en", sample, checklist.English},
	{"hostile-sv", hostile, checklist.Swedish},
	{"hostile-en", hostile, checklist.English},
	{"empty-sv", emptyPlan, checklist.Swedish},
	{"empty-en", emptyPlan, checklist.English},
	{"states-sv", allStates, checklist.Swedish},
	{"states-en", allStates, checklist.English},
	{"personnummer-sv", withPersonnummer, checklist.Swedish},
}

// TestExportGoldens covers the three renderings (markdown, the short
// extract, HTML) of every fixture.
func TestExportGoldens(t *testing.T) {
	cat := testCatalog(t)
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			a, opt := fx.build(t)
			opt.Lang = fx.lang
			md := render1(t, a, cat, opt)
			checkTables(t, md)
			checkClean(t, md)
			checkReadable(t, md, a)
			checkGolden(t, "handlingsplan-"+fx.name, md)

			opt.Short = true
			short := render1(t, a, cat, opt)
			checkTables(t, short)
			checkClean(t, short)
			checkReadable(t, short, a)
			if !strings.HasPrefix(md, strings.SplitN(short, "\n\n---\n", 2)[0][:200]) {
				t.Error("the short extract is not the top of the full export")
			}
			if len(short) >= len(md) || strings.Contains(short, "\n---\n") {
				t.Error("the short extract holds the appendix")
			}
			checkGolden(t, "kort-"+fx.name, short)

			opt.Short = false
			doc := renderHTML(t, a, cat, opt)
			checkHTML(t, doc)
			checkClean(t, doc)
			checkReadable(t, html.UnescapeString(doc), a)
			checkGolden(t, "html-"+fx.name, doc)
		})
	}
}

// checkReadable fails on what a person should never read in an export:
// the checklist's internal item ids and doubled full stops.
func checkReadable(t testing.TB, out string, a checklist.Assessment) {
	t.Helper()
	for k := range a.Responses {
		for _, pat := range []string{", " + k.ItemID + ")", ", " + k.ItemID + ","} {
			if strings.Contains(out, pat) {
				t.Errorf("the export shows the item id %q", k.ItemID)
			}
		}
	}
	for _, x := range a.Actions {
		if x.ItemID != "" && strings.Contains(out, ", "+x.ItemID+",") {
			t.Errorf("the export shows the item id %q", x.ItemID)
		}
	}
	if i := strings.Index(strings.ReplaceAll(out, "...", ""), ".."); i >= 0 {
		t.Errorf("a doubled full stop: %q", out[max(0, i-40):min(len(out), i+10)])
	}
}

var (
	tagRe  = regexp.MustCompile(`^<(/?)([a-zA-Z0-9!]+)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>`)
	attrRe = regexp.MustCompile(`([a-zA-Z-]+)(?:="([^"]*)")?`)
)

// allowedTags lists the elements the built-in HTML template writes, with
// the attributes each may carry. Anything else in the output came from
// somewhere else.
var allowedTags = map[string][]string{
	"!DOCTYPE": {"html"}, "html": {"lang"}, "head": nil, "meta": {"charset", "http-equiv", "content", "name"},
	"title": nil, "style": nil, "body": nil, "section": {"class"}, "footer": nil,
	"h1": nil, "h2": nil, "p": {"class"}, "ul": {"class"}, "li": nil, "strong": {"class"},
	"table": {"class"}, "thead": nil, "tbody": nil, "tr": {"class"}, "th": {"class"}, "td": {"class"},
}

// allowedValues lists the attribute values the template writes, apart from
// the fixed meta tags.
var allowedValues = map[string]bool{
	"sv": true, "en": true, "extract": true, "appendix": true, "details": true, "facts": true,
	"serious": true, "pointer": true, "level": true, "plan": true, "date": true, "overdue": true,
	"items": true, "areas": true, "num": true, "total": true, "warning": true, "signature": true,
}

// checkHTML fails unless every tag and attribute of doc is one the
// template writes, nothing is a link, an image, a script or an outside
// resource, and every table row has as many cells as its header.
func checkHTML(t testing.TB, doc string) {
	t.Helper()
	var cellsInRow, want []int // per open table: cells in the current row, and in the header
	for i := 0; i < len(doc); {
		j := strings.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		m := tagRe.FindStringSubmatch(doc[i:])
		if m == nil {
			t.Fatalf("a < that is no tag of the template at byte %d: %.80q", i, doc[i:])
		}
		closing, name := m[1] == "/", m[2]
		allowed, ok := allowedTags[name]
		if !ok {
			t.Fatalf("tag %q is not one the template writes", name)
		}
		if !closing {
			for _, am := range attrRe.FindAllStringSubmatch(m[3], -1) {
				attr, val := am[1], am[2]
				if !contains(allowed, attr) {
					t.Fatalf("attribute %s on <%s> is not one the template writes", attr, name)
				}
				if name != "meta" && name != "!DOCTYPE" && !allowedValues[val] {
					t.Fatalf("attribute %s=%q on <%s> is not a value of the template", attr, val, name)
				}
			}
		}
		for _, bad := range []string{"href", "src", "url(", "javascript:", "on"} {
			if strings.Contains(strings.ToLower(m[3]), " "+bad) {
				t.Fatalf("tag %q carries %q", m[0], bad)
			}
		}
		i += len(m[0])
		switch {
		case name == "style" && !closing:
			end := strings.Index(doc[i:], "</style>")
			if end < 0 {
				t.Fatal("the style element does not end")
			}
			i += end
		case name == "table" && !closing:
			cellsInRow, want = append(cellsInRow, 0), append(want, -1)
		case name == "table" && closing:
			cellsInRow, want = cellsInRow[:len(cellsInRow)-1], want[:len(want)-1]
		case name == "tr" && !closing:
			cellsInRow[len(cellsInRow)-1] = 0
		case (name == "td" || name == "th") && !closing:
			cellsInRow[len(cellsInRow)-1]++
		case name == "tr" && closing:
			n := len(want) - 1
			if want[n] < 0 {
				want[n] = cellsInRow[n]
			} else if cellsInRow[n] != want[n] {
				t.Fatalf("a table row has %d cells, its header %d", cellsInRow[n], want[n])
			}
		}
	}
	if len(want) != 0 {
		t.Fatal("a table does not end")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCheckHTMLCatchesMarkup(t *testing.T) {
	// The checker itself must fail on what it is there to find.
	for _, doc := range []string{
		"<p>x<b>bold</b></p>",
		`<p onclick="x">y</p>`,
		`<p class="evil">y</p>`,
		"<table><tr><th>a</th><th>b</th></tr><tr><td>1</td></tr></table>",
		"<p>x</p><img src=x>",
		`<style>a{}</style><p>x</p><a href="https://x.example">y</a>`,
	} {
		ft := &fakeT{}
		func() {
			defer func() { recover() }()
			checkHTML(ft, doc)
		}()
		if !ft.failed {
			t.Errorf("checkHTML passed %q", doc)
		}
	}
}

// fakeT records a failure and stops the check, as t.Fatal would.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper() {}
func (f *fakeT) Fatal(args ...any) {
	f.failed = true
	panic("fatal")
}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = true
	panic("fatal")
}

func TestPrivacyLineOnlyWhenClean(t *testing.T) {
	cat := testCatalog(t)
	const line = "De innehåller inga namn och inga enskilda ärenden."
	a, opt := sample(t)
	if got := render1(t, a, cat, opt); !strings.Contains(got, line) {
		t.Error("a clean plan lacks the privacy line")
	}
	a, opt = withPersonnummer(t)
	for _, got := range []string{render1(t, a, cat, opt), renderHTML(t, a, cat, opt)} {
		if strings.Contains(got, line) {
			t.Error("a plan with a personnummer says it holds no individual cases")
		}
		if strings.Contains(got, "811218-9876\n") || !strings.Contains(got, "liknar ett personnummer") {
			t.Error("the plan does not warn about the personnummer")
		}
	}
	found := PersonalData(a, cat, checklist.Swedish)
	var where []string
	for _, f := range found {
		where = append(where, f.String())
	}
	want := []string{
		"Organisatorisk och social arbetsmiljö, punkt 1: kommentar",
		"åtgärd: Felanmäl: ansvarig",
	}
	if strings.Join(where, "|") != strings.Join(want, "|") {
		t.Errorf("PersonalData = %q, want %q", where, want)
	}
}

func TestStopAddsOneFullStop(t *testing.T) {
	for in, want := range map[string]string{
		"Klar": "Klar.", "med stöd av HR.": "med stöd av HR.", "Varför?": "Varför?", "Nu!": "Nu!",
		"2026\\.": "2026\\.", "–": "–.", "": "", "text …": "text …", "slut. ": "slut.",
	} {
		if got := stop(in); got != want {
			t.Errorf("stop(%q) = %q, want %q", in, got, want)
		}
	}
}
