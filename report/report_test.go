package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samkoll/checklist"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testCatalog loads the small, stable checklists in testdata/catalog, so
// that the golden files do not change when the built-in checklists do.
func testCatalog(t testing.TB) *checklist.Catalog {
	t.Helper()
	cat, errs := checklist.Load(os.DirFS("testdata/catalog"), "")
	if len(errs) > 0 {
		t.Fatalf("loading the test catalog: %v", errs)
	}
	if cat.Area("sam") == nil || cat.Area("osa") == nil {
		t.Fatal("test catalog lacks the areas sam and osa")
	}
	return cat
}

func date(t testing.TB, s string) checklist.Date {
	t.Helper()
	d, err := checklist.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func resp(area, item string, ans checklist.Answer, risk *checklist.Risk, comment, reason string) checklist.Response {
	return checklist.Response{AreaID: area, ItemID: item, Answer: ans, Risk: risk, Comment: comment, Reason: reason}
}

func risk(p, c int, note string) *checklist.Risk {
	return &checklist.Risk{Probability: p, Consequence: c, Level: checklist.LevelFor(p, c), Note: note}
}

// sample is an assessment with every section of the report filled:
// serious risks, an unevaluated shortcoming, Ej aktuellt, own and
// carried-over actions (one overdue), a free-standing action and an area
// whose loaded version differs from the one used.
func sample(t testing.TB) (checklist.Assessment, Options) {
	a := checklist.Assessment{
		ID:               12,
		UnitID:           3,
		Unit:             "Avdelning 3 – Ortopedi",
		Date:             date(t, "2026-03-12"),
		Participants:     "Chef, 9 medarbetare, skyddsombud",
		SafetyRepPresent: true,
		Areas:            []checklist.AreaRef{{ID: "sam", Version: 1}, {ID: "osa", Version: 1}},
		Status:           checklist.Avslutad,
		Responses:        map[checklist.ItemKey]checklist.Response{},
	}
	for _, r := range []checklist.Response{
		resp("sam", "riskbedomning", checklist.Nej, risk(3, 3, ""), "Görs muntligt på APT.", ""),
		resp("sam", "rutiner", checklist.Ja, nil, "", ""),
		resp("sam", "tillbud", checklist.Delvis, risk(2, 2, "Få rapporter i år."), "1. Rapporteras ibland\n2. Följs sällan upp", ""),
		resp("sam", "introduktion", checklist.EjAktuellt, nil, "", "Inga nyanställningar; enheten flyttar 2027."),
		resp("osa", "belastning", checklist.Nej, risk(4, 4, "Hög korttidsfrånvaro i gruppen."), "Särskilt under semestern | sommar", ""),
		resp("osa", "krankningar", checklist.Delvis, nil, "", ""),
	} {
		a.Responses[r.Key()] = r
	}
	cat := testCatalog(t)
	samItem, _ := cat.Area("sam").Item("riskbedomning")
	a.Actions = []checklist.Action{
		{ID: 40, AssessmentID: 7, AreaID: "ergonomi", ItemID: "lyft", Risk: "Tunga lyft utan hjälpmedel",
			What: "Köp in lyfthjälpmedel", Who: "Chef", Due: date(t, "2026-02-15"), Status: checklist.Pagar},
		{ID: 41, AssessmentID: 7, Risk: "Bullrig ventilation i personalrummet", What: "Kontakta fastighetsförvaltaren",
			Due: date(t, "2026-06-01"), Status: checklist.Planerad, Escalation: checklist.EscChef},
		{ID: 50, AssessmentID: 12, AreaID: "sam", ItemID: "riskbedomning", Risk: samItem.Problem.SV,
			What: "Inför mall för skriftlig riskbedömning", Who: "Chef", Due: date(t, "2026-04-30")},
		{ID: 51, AssessmentID: 12, AreaID: "osa", ItemID: "belastning", Risk: "Oklart vad som prioriteras",
			What: "Gör en prioriteringslista med gruppen", Who: "Chef och skyddsombud", Due: date(t, "2026-03-20"), Status: checklist.Pagar},
		{ID: 52, AssessmentID: 12, AreaID: "sam", ItemID: "tillbud", What: "Gå igenom tillbudsrutinen"},
		{ID: 53, AssessmentID: 12, Risk: "Trasig dörrstängare", What: "Felanmäl", Who: "Fastighetsansvarig",
			Due: date(t, "2026-03-01"), Status: checklist.Planerad},
	}
	opt := Options{
		Today: date(t, "2026-03-14"),
		Origins: map[int64]Origin{
			40: {Date: date(t, "2025-11-20"), Level: checklist.Hog},
			41: {Date: date(t, "2025-11-20")},
		},
	}
	return a, opt
}

// hostile puts text that attacks the layout into every user field.
func hostile(t testing.TB) (checklist.Assessment, Options) {
	a, opt := sample(t)
	long := strings.Repeat("lång text | ", 100_000/12)
	a.Unit = "\x1b[31mRöd\x1b[0m # Enhet | <script>alert(1)</script>"
	a.Participants = "\x1b]8;;https://evil.example\x07länk\x1b]8;;\x07, chef\r\n- medarbetare"
	r := a.Responses[checklist.ItemKey{AreaID: "sam", ItemID: "riskbedomning"}]
	r.Comment = "Text med \u202eRTL-överstyrning\u202c och \u2067isolat\u2069, emoji 👩‍⚕️🇸🇪 och e\u0301 kombinerat"
	a.Responses[r.Key()] = r
	r = a.Responses[checklist.ItemKey{AreaID: "sam", ItemID: "introduktion"}]
	r.Reason = "1. Inte aktuellt\n> citat\n# rubrik\n```\nkod\n```\n[länk](javascript:alert(1)) **fet** _kursiv_ ~~stryk~~ $x$ &amp; &#124; \\| slut"
	a.Responses[r.Key()] = r
	a.Actions[2].What = "Rad ett\nrad två\r\n| inte en cell |\n\n- inte en lista"
	a.Actions[2].Who = "\x00\x01\x07\x08\x7f\u0085\u009b31mC1\x1bP+q\x1b\\ Chef\x1b[2J\x1b[H"
	a.Actions[3].Risk = long
	a.Actions[3].What = "<img src=x onerror=alert(1)> `kod` <br> |"
	a.Actions[5].Risk = "+ plus\t\ttabbar"
	return a, opt
}

func render1(t testing.TB, a checklist.Assessment, cat *checklist.Catalog, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Assessment(&buf, a, cat, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it)\n--- got\n%s", path, got)
	}
}

func TestAssessmentContent(t *testing.T) {
	cat := testCatalog(t)
	a, opt := sample(t)
	got := render1(t, a, cat, opt)
	for _, want := range []string{
		"Avdelning 3 – Ortopedi",
		"2026-03-12",
		"Chef, 9 medarbetare, skyddsombud",
		"Skyddsombud närvarande:** Ja",
		"Systematiskt arbetsmiljöarbete (version 1)",
		"| Risk/brist | Åtgärd | Ansvarig | Klart senast | Status | Allvarlig | Uppföljning |",
		"Felanmäl | Fastighetsansvarig | 2026-03-01 | Planerad (försenad)",
		"Köp in lyfthjälpmedel | Chef | 2026-02-15 | Pågår (försenad) | **Ja** (Hög) | – | 2025-11-20 |",
		"Inga nyanställningar; enheten flyttar 2027.",
		"Görs muntligt på APT.",
		"1\\. Rapporteras ibland 2. Följs sällan upp",
		"Särskilt under semestern \\| sommar",
		"ändrad sedan bedömningen",
		"Justerat av: ",
		"Försenade åtgärder: 2.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the export lacks %q", want)
		}
	}
	// The plan is sorted by level (mycket hög first), then due date.
	order := []string{"Gör en prioriteringslista", "Inför mall för skriftlig", "Gå igenom tillbudsrutinen", "Felanmäl"}
	last := -1
	for _, s := range order {
		i := strings.Index(got, "| "+s)
		if i < 0 {
			t.Fatalf("no table row for %q", s)
		}
		if i < last {
			t.Errorf("row %q is out of order", s)
		}
		last = i
	}
	// Serious risks: both serious items of this meeting and the serious
	// carried-over action, but not the medium risk.
	serious := section(got, "## Allvarliga risker")
	for _, want := range []string{"Mycket hög", "Riskbedömningar före förändringar görs inte skriftligt", "Tunga lyft utan hjälpmedel"} {
		if !strings.Contains(serious, want) {
			t.Errorf("serious risks lack %q:\n%s", want, serious)
		}
	}
	if strings.Contains(serious, "Tillbud") {
		t.Errorf("a medium risk is called serious:\n%s", serious)
	}
}

// section returns the text from heading to the next "## ".
func section(md, heading string) string {
	i := strings.Index(md, heading)
	if i < 0 {
		return ""
	}
	rest := md[i+len(heading):]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

func TestEnglishUsesEnglishItemTexts(t *testing.T) {
	cat := testCatalog(t)
	a, opt := sample(t)
	opt.Lang = checklist.English
	got := render1(t, a, cat, opt)
	for _, want := range []string{
		"Risk assessments before changes are not written down.", // unedited problem phrasing, translated
		"Oklart vad som prioriteras",                            // edited text stays as entered
		"| Risk/shortcoming | Action | Responsible | Due | Status | Serious | Follow-up |",
		"Approved by: ",
		"Not applicable",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the English export lacks %q", want)
		}
	}
	if strings.Contains(got, "Justerat av") {
		t.Error("the English export has Swedish labels")
	}
}

func TestDeterministic(t *testing.T) {
	cat := testCatalog(t)
	a, opt := hostile(t)
	first := render1(t, a, cat, opt)
	for i := 0; i < 20; i++ {
		// Rebuild the map so its iteration order differs between runs.
		b := a
		b.Responses = map[checklist.ItemKey]checklist.Response{}
		for k, v := range a.Responses {
			b.Responses[k] = v
		}
		if got := render1(t, b, cat, opt); got != first {
			t.Fatalf("run %d gave different output", i)
		}
	}
}

func TestNilCatalogAndUnknownItems(t *testing.T) {
	a, opt := sample(t)
	a.Responses[checklist.ItemKey{AreaID: "sam", ItemID: "borttagen"}] = resp("sam", "borttagen", checklist.Nej, nil, "gammal punkt", "")
	got := render1(t, a, nil, opt)
	checkTables(t, got)
	for _, want := range []string{"borttagen", "gammal punkt", "| sam | 1 |"} {
		if !strings.Contains(got, want) {
			t.Errorf("the export without a catalog lacks %q", want)
		}
	}
}

func TestBrokenOverrideFallsBack(t *testing.T) {
	cat := testCatalog(t)
	a, opt := sample(t)
	want := render1(t, a, cat, opt)
	dir := t.TempDir()
	for _, tc := range []struct {
		name, src, line string
	}{
		{"parse", "# {{.Unit}}\n\n{{range .Actions}}\n{{.What}\n", ":4:"},
		{"exec", "# {{.Unit}}\n{{.NoSuchField}}\n", ":2:"},
		{"func", "ok\n\n{{nosuchfunc .Unit}}\n", ":3:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".md.tmpl")
			if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			var warnings []error
			opt := opt
			opt.Template = path
			opt.Warn = func(err error) { warnings = append(warnings, err) }
			got := render1(t, a, cat, opt)
			if got != want {
				t.Errorf("a broken template did not fall back to the built-in one; got\n%s", got)
			}
			if len(warnings) != 1 {
				t.Fatalf("got %d warnings, want 1", len(warnings))
			}
			te, ok := warnings[0].(*TemplateError)
			if !ok {
				t.Fatalf("warning is %T, want *TemplateError", warnings[0])
			}
			for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
				msg := te.Message(lang)
				if !strings.Contains(msg, path+tc.line) {
					t.Errorf("message does not name %s%s: %s", path, tc.line, msg)
				}
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		var warned error
		opt := opt
		opt.Template = filepath.Join(dir, "finns-inte.md.tmpl")
		opt.Warn = func(err error) { warned = err }
		if got := render1(t, a, cat, opt); got != want {
			t.Error("a missing template did not fall back")
		}
		if warned == nil || !strings.Contains(warned.Error(), "finns-inte.md.tmpl") {
			t.Errorf("warning %v does not name the file", warned)
		}
	})
}

func TestOverrideTemplateIsUsedAndEscaped(t *testing.T) {
	cat := testCatalog(t)
	a, opt := hostile(t)
	path := filepath.Join(t.TempDir(), PlanTemplate)
	src := "# {{tr \"Plan\" \"Plan\"}} {{.Unit}}\n{{range .Actions}}| {{.What}} | {{.Who}} |\n{{end}}{{esc \"a|b\"}}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	opt.Template = path
	opt.Warn = func(err error) { t.Errorf("unexpected warning: %v", err) }
	got := render1(t, a, cat, opt)
	if !strings.HasPrefix(got, "# Plan ") {
		t.Fatalf("the override was not used:\n%s", got)
	}
	if !strings.Contains(got, `a\|b`) {
		t.Error("esc does not escape")
	}
	checkClean(t, got)
	for _, line := range strings.Split(strings.TrimSpace(got), "\n")[1:] {
		if line == `a\|b` {
			continue
		}
		if n := len(cells(line)); n != 2 {
			t.Errorf("row has %d cells, want 2: %q", n, line)
		}
	}
}

func TestOpenActionsGolden(t *testing.T) {
	cat := testCatalog(t)
	a, opt := sample(t)
	var rows []OpenAction
	for i, x := range a.Actions {
		unit := a.Unit
		if i%2 == 1 {
			unit = "Vårdcentral | Norr"
		}
		rows = append(rows, OpenAction{Unit: unit, AssessmentDate: a.Date, Action: x, Level: checklist.Level(i % 5)})
	}
	done := a.Actions[0]
	done.ID, done.Status, done.What = 99, checklist.Klar, "Redan klar"
	rows = append(rows, OpenAction{Unit: a.Unit, Action: done})
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		t.Run(string(lang), func(t *testing.T) {
			opt := opt
			opt.Lang = lang
			var buf bytes.Buffer
			if err := OpenActions(&buf, rows, cat, opt); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			if strings.Contains(got, "Redan klar") {
				t.Error("a finished action is listed")
			}
			checkTables(t, got)
			checkClean(t, got)
			checkGolden(t, "oppna-atgarder-"+string(lang), got)
		})
	}
	// The privacy line is written only when no action's text looks like a
	// personnummer; otherwise the place is named, masked.
	t.Run("personnummer", func(t *testing.T) {
		const line = "De innehåller inga namn och inga enskilda ärenden."
		var clean, found bytes.Buffer
		if err := OpenActions(&clean, rows, cat, opt); err != nil {
			t.Fatal(err)
		}
		pn := append([]OpenAction(nil), rows...)
		pn[0].Action.Who = "Kim 19811218-9876"
		if err := OpenActions(&found, pn, cat, opt); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(clean.String(), line) {
			t.Errorf("a clean export lacks the privacy line:\n%s", clean.String())
		}
		got := found.String()
		if strings.Contains(got, line) {
			t.Errorf("an export with a personnummer says it holds no names:\n%s", got)
		}
		if !strings.Contains(got, "Obs") || !strings.Contains(got, "ansvarig") {
			t.Errorf("the warning does not name the field:\n%s", got)
		}
	})
	t.Run("empty", func(t *testing.T) {
		var buf bytes.Buffer
		if err := OpenActions(&buf, nil, cat, Options{Unit: "Enhet *X*", Today: opt.Today}); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`Enhet \*X\*`, "Det finns inga öppna åtgärder."} {
			if !strings.Contains(buf.String(), want) {
				t.Errorf("the empty export lacks %q:\n%s", want, buf.String())
			}
		}
	})
}
