package report

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samkoll/checklist"
)

// viaTemplate renders d with the built-in text/template.
func viaTemplate(t *testing.T, d PlanData, lang checklist.Lang) string {
	t.Helper()
	tmpl, err := builtinTemplate(PlanTemplate, lang)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// viaWritePlan renders d with writePlan.
func viaWritePlan(d PlanData, lang checklist.Lang) string {
	var b bytes.Buffer
	writePlan(&b, &d, lang)
	return b.String()
}

// firstDiff describes where got and want first differ.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("at byte %d:\n--- writePlan\n%q\n--- template\n%q", i, got[lo:min(len(got), i+80)], want[lo:min(len(want), i+80)])
}

// randomPlan fills every field of PlanData with random content: sections
// empty or not, rows with and without optional parts.
func randomPlan(rng *rand.Rand) PlanData {
	words := []string{"", "Enhet 1", "Tunga lyft", `a \| b`, "**x**", "–", "Ålder & kön", "🇸🇪", "  ", "rad\\n"}
	w := func() string { return words[rng.IntN(len(words))] }
	b := func() bool { return rng.IntN(2) == 0 }
	n := func(k int) int { return rng.IntN(k) }
	action := func() ActionRow {
		return ActionRow{Unit: w(), Risk: w(), What: w(), Who: w(), Due: w(), Status: w(), Overdue: b(),
			StatusText: w(), SeriousText: w(), Level: w(), IsSerious: b(), Escalation: w(), Area: w(), Item: w(),
			From: w(), DoneOn: w(), CheckedOn: w(), Effect: w()}
	}
	actions := func(k int) []ActionRow {
		var out []ActionRow
		for range n(k) {
			out = append(out, action())
		}
		return out
	}
	item := func() ItemRow {
		return ItemRow{AreaID: w(), Area: w(), ItemID: w(), Statement: w(), Problem: w(), Answer: w(), Level: w(),
			IsSerious: b(), Probability: n(5), Consequence: n(5), LevelText: w(), Note: w(), Comment: w(),
			Reason: w(), Actions: n(4)}
	}
	area := func() AreaRow {
		return AreaRow{ID: w(), Title: w(), Version: n(12), Changed: b(), Ja: n(30), Delvis: n(30), Nej: n(30),
			EjAktuellt: n(30), Unanswered: n(30), Items: n(200)}
	}
	d := PlanData{Lang: w(), Today: w(), Unit: w(), Date: w(), Participants: w(), SafetyRepPresent: b(),
		Status: w(), Total: area(), Overdue: n(3) * n(20), Actions: actions(5), CarriedOver: actions(4)}
	for range n(4) {
		d.Areas = append(d.Areas, area())
	}
	for range n(4) {
		d.Serious = append(d.Serious, SeriousRow{Level: w(), Risk: w(), Area: w(), Item: w(), CarriedOver: b(),
			From: w(), Actions: actions(3)})
	}
	for range n(5) {
		d.Shortcomings = append(d.Shortcomings, item())
	}
	for range n(4) {
		d.NotApplicable = append(d.NotApplicable, item())
	}
	return d
}

// TestWritePlanMatchesTemplate checks that writePlan writes what the
// built-in template writes, byte for byte, for the golden samples and for
// random data in both languages, and that it is in use.
func TestWritePlanMatchesTemplate(t *testing.T) {
	if !planFastPathOK() {
		t.Fatalf("assets/templates/%s has changed: update writePlan to match it, then planTemplateSHA256", PlanTemplate)
	}
	cat := testCatalog(t)
	for _, build := range []func(testing.TB) (checklist.Assessment, Options){sample, hostile} {
		for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
			a, opt := build(t)
			opt.Lang = lang
			d := Plan(a, cat, opt)
			if got, want := viaWritePlan(d, lang), viaTemplate(t, d, lang); got != want {
				t.Fatalf("sample in %s: %s", lang, firstDiff(got, want))
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		lang := checklist.Swedish
		if i%2 == 1 {
			lang = checklist.English
		}
		d := randomPlan(rng)
		if got, want := viaWritePlan(d, lang), viaTemplate(t, d, lang); got != want {
			t.Fatalf("random plan %d in %s: %s", i, lang, firstDiff(got, want))
		}
	}
}

// TestOverrideBypassesWritePlan checks that an organisation's template is
// still what an export with Options.Template uses.
func TestOverrideBypassesWritePlan(t *testing.T) {
	path := filepath.Join(t.TempDir(), "egen.md.tmpl")
	if err := os.WriteFile(path, []byte("EGEN {{.Unit}}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, opt := sample(t)
	opt.Template = path
	got := render1(t, a, testCatalog(t), opt)
	if !strings.HasPrefix(got, "EGEN Avdelning 3") {
		t.Fatalf("override not used: %q", got[:min(len(got), 60)])
	}
}
