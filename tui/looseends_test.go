package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// walkOn opens the walk of a fresh assessment (krank p1 is lagkrav, so Nej
// starts at a serious risk) and returns the driver and its id.
func walkOn(t *testing.T, lang checklist.Lang) (*driver, int64) {
	t.Helper()
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newLangDriver(t, fs, lang)
	d.keys("enter")
	d.walk()
	return d, a.ID
}

// TestClosedAssessmentRefusesAnswers: a closed assessment opens read only
// with a banner; answer, comment and risk keys save nothing; u reopens it.
func TestClosedAssessmentRefusesAnswers(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	fs.assessments[a.ID].Status = checklist.Avslutad
	d := newDriver(t, fs)
	d.keys("enter")
	if !strings.Contains(flat(d.view()), "Avslutad – bedömningen kan bara läsas") {
		t.Fatalf("no banner on a closed assessment:\n%s", d.view())
	}
	d.keys("1", "3", "c", "4", "enter")
	if n := fs.calls["SaveResponse"]; n != 0 || d.walk().mode != modeItem {
		t.Fatalf("a closed assessment took %d answers (mode %v)", n, d.walk().mode)
	}
	d.keys("u")
	if fs.assessments[a.ID].Status != checklist.Pagaende {
		t.Fatal("u did not reopen the assessment")
	}
	d.keys("1")
	if fs.calls["SaveResponse"] != 1 {
		t.Fatal("a reopened assessment refused the answer")
	}
}

// TestCloseWarnsAboutLooseEnds: closing lists the unanswered items and the
// serious risks without an action and asks again; n cancels.
func TestCloseWarnsAboutLooseEnds(t *testing.T) {
	d, id := walkOn(t, checklist.Swedish)
	d.keys("3", "enter") // p1: Nej at the lagkrav default, serious, no action
	d.keys("s")
	d.keys("c")
	v := flat(d.view())
	for _, want := range []string{"Avsluta bedömningen?", "4 punkter är obesvarade", "1 allvarliga risker saknar åtgärd",
		"Kränkande särbehandling, punkt 1"} {
		if !strings.Contains(v, want) {
			t.Errorf("the close warning lacks %q:\n%s", want, d.view())
		}
	}
	if n := d.store.calls["UpdateAssessment"]; n != 0 {
		t.Fatalf("c closed without asking (%d calls)", n)
	}
	d.keys("n")
	if d.store.assessments[id].Status != checklist.Pagaende {
		t.Fatal("n closed the assessment")
	}
	d.keys("c", "j")
	if d.store.assessments[id].Status != checklist.Avslutad {
		t.Fatal("c then j did not close the assessment")
	}
}

// TestSeriousRiskWithoutActionReminder: leaving the risk view with a
// serious level and no action offers to add one with a; the summary lists
// it by name and r adds an action for it.
func TestSeriousRiskWithoutActionReminder(t *testing.T) {
	d, _ := walkOn(t, checklist.Swedish)
	d.keys("3", "enter")
	if !strings.Contains(flat(d.view()), "Allvarlig risk utan åtgärd (Kränkande särbehandling, punkt 1)") {
		t.Fatalf("no reminder after a serious risk without an action:\n%s", d.view())
	}
	d.keys("a")
	p, ok := d.m.active().(*planScreen)
	if !ok || p.form == nil || !strings.Contains(d.view(), "punkt 1") {
		t.Fatalf("a after the reminder did not open the form for the item:\n%s", d.view())
	}
	d.keys("esc", "esc")
	d.keys("s")
	if !strings.Contains(flat(d.view()), "Utan åtgärd (1)") || !strings.Contains(flat(d.view()), "! Kränkande särbehandling, punkt 1") {
		t.Fatalf("the summary does not list the serious risk without an action:\n%s", d.view())
	}
	d.keys("r")
	if p, ok := d.m.active().(*planScreen); !ok || p.form == nil {
		t.Fatalf("r did not open the action form:\n%s", d.view())
	}
}

// TestJaOnItemWithActionsAsks: changing Nej to Ja on an item with an open
// action asks whether to keep it, mark it done or strike it.
func TestJaOnItemWithActionsAsks(t *testing.T) {
	for _, tt := range []struct {
		key  string
		want checklist.ActionStatus
	}{{"b", checklist.Planerad}, {"m", checklist.Klar}, {"s", checklist.Struken}} {
		d, id := walkOn(t, checklist.Swedish)
		d.keys("3", "a") // Nej, then add an action from the risk view
		d.typeText("1")  // the first suggested measure
		d.keys("tab")
		d.typeText("chef")
		d.keys("enter", "esc")
		d.walk()
		d.keys("left", "1")
		if !strings.Contains(flat(d.view()), "punkten har 1 öppna åtgärder") {
			t.Fatalf("Ja on an item with an action does not ask:\n%s", d.view())
		}
		d.keys(tt.key)
		var got checklist.Action
		for _, x := range d.store.actions {
			got = x
		}
		if got.Status != tt.want || d.store.response(id, "krank", "p1").Answer != checklist.Ja {
			t.Errorf("%s: action %v, answer %v", tt.key, got.Status, d.store.response(id, "krank", "p1").Answer)
		}
	}
}

// TestTabGoesToNextUnanswered and the answer keys in English.
func TestTabGoesToNextUnanswered(t *testing.T) {
	d, _ := walkOn(t, checklist.Swedish)
	d.keys("1", "1", "left", "left", "tab")
	if w := d.walk(); w.idx != 2 {
		t.Fatalf("tab went to item %d, want 3", w.idx+1)
	}
}

func TestAnswerKeysFollowLanguage(t *testing.T) {
	d, id := walkOn(t, checklist.English)
	d.keys("y")
	if r := d.store.response(id, "krank", "p1"); r.Answer != checklist.Ja {
		t.Fatalf("y in English gave %v", r.Answer)
	}
	d.keys("x")
	if d.walk().mode != modeReason {
		t.Fatalf("x in English did not ask for a Not applicable reason")
	}
	d.keys("esc", "p")
	if d.walk().mode != modeRisk || d.m.sh.presenting {
		t.Fatalf("p in English is not Partly (mode %v, presenting %v)", d.walk().mode, d.m.sh.presenting)
	}
	if !strings.Contains(d.view(), "Partly") {
		t.Fatalf("view:\n%s", d.view())
	}
	d2, id2 := walkOn(t, checklist.Swedish)
	d2.keys("j")
	if r := d2.store.response(id2, "krank", "p1"); r.Answer != checklist.Ja {
		t.Fatalf("j in Swedish gave %v", r.Answer)
	}
}

// TestNoFalseOverdueMark: the plan's legend names "försenad" only when an
// action is overdue.
func TestNoFalseOverdueMark(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	for id, a := range hs.store.actions {
		if a.Overdue(pbToday) {
			a.Due = pbToday.AddDays(10)
			hs.store.actions[id] = a
		}
	}
	hs.openPlan()
	if v := hs.view(); strings.Contains(v, "försenad") {
		t.Fatalf("the plan says försenad with nothing overdue:\n%s", v)
	}
}

// TestRiskViewSaysWhatSeriousMeans: a serious level is explained with what
// the group should do, not a bare question.
func TestRiskViewSaysWhatSeriousMeans(t *testing.T) {
	d, _ := walkOn(t, checklist.Swedish)
	d.keys("3") // lagkrav starts at a serious level
	v := flat(d.view())
	if strings.Contains(v, "ALLVARLIG") || !strings.Contains(v, "en allvarlig risk") || !strings.Contains(v, "ska åtgärdas omedelbart") {
		t.Fatalf("the risk view does not say what a serious level means:\n%s", d.view())
	}
	d.keys("c")
	if !strings.Contains(d.view(), "Kommentar om risken") {
		t.Fatalf("the risk's comment is not called a comment:\n%s", d.view())
	}
}

// TestStartListShowsExportNumber: the start list shows the number that
// samkoll export takes.
func TestStartListShowsExportNumber(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	if v := d.view(); !strings.Contains(v, "Nr") || !strings.Contains(v, fmt.Sprintf("> %2d  Avd 1", a.ID)) {
		t.Fatalf("the start list does not show the export number %d:\n%s", a.ID, v)
	}
}

// longExporter writes to a path longer than the window.
type longExporter struct{}

const longExportPath = "/home/chef/Dokument/samkoll-export/handlingsplan-enhet-r-2026-11-22-avdelning-7-medicinkliniken.md"

func (longExporter) ExportAssessment(context.Context, int64, ExportRequest) (ExportResult, error) {
	return ExportResult{Path: longExportPath}, nil
}

// TestExportShowsWholePath: at 80 columns the exported file's whole path
// is shown, wrapped, until the next key.
func TestExportShowsWholePath(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.m.sh.exporter = longExporter{}
	d.keys("x")
	joined := strings.ReplaceAll(strings.Join(strings.Fields(d.view()), ""), "…", "")
	if !strings.Contains(joined, strings.ReplaceAll(longExportPath, " ", "")) {
		t.Fatalf("the whole path is not shown:\n%s", d.view())
	}
	d.keys("down")
	if strings.Contains(d.view(), "medicinkliniken") {
		t.Fatalf("the path stayed after the next key:\n%s", d.view())
	}
}

// TestOverviewShowsLevelsAndMarks: the overview shows each risk level and
// marks for a comment and an action before the statement, so a narrow
// window does not cut them off, and n goes to the next unanswered item.
func TestOverviewShowsLevelsAndMarks(t *testing.T) {
	d, _ := walkOn(t, checklist.Swedish)
	d.keys("3", "enter") // p1 Nej, serious
	d.keys("left", "c")
	d.typeText("notis")
	d.keys("enter")
	d.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	d.keys("o")
	v := d.view()
	var line string
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, " 1. ") {
			line = l
		}
	}
	if !strings.Contains(line, "ög!") || !strings.Contains(line, " K") {
		t.Fatalf("the overview row of item 1 lacks its level or comment mark: %q\n%s", line, v)
	}
	d.keys("n")
	if w := d.walk(); w.ov == nil || w.ov.current() != 1 {
		t.Fatalf("n did not go to the next unanswered item")
	}
}
