package tui

import (
	"context"
	"fmt"
	"image/color"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"samkoll/checklist"
)

// pbCurrent is the id of the current assessment pbSeed makes; pbEarlier
// the one before it.
const (
	pbEarlier int64 = 2
	pbCurrent int64 = 3
)

// pbToday is the fixed date of the plan and summary tests.
var pbToday = checklist.Date{Year: 2026, Month: time.March, Day: 14}

// pbCatalog builds a catalog with the given areas, each with n items. Item
// i is serious-prone lagkrav when i is odd; every item has three measures.
func pbCatalog(tb testing.TB, n int, areas ...string) *checklist.Catalog {
	tb.Helper()
	fsys := fstest.MapFS{}
	for ai, id := range areas {
		var b strings.Builder
		fmt.Fprintf(&b, "id: %s\nversion: 1\ncore: true\norder: %d\n", id, ai+1)
		fmt.Fprintf(&b, "title:\n  sv: Område %s\n  en: Area %s\n", id, id)
		fmt.Fprintf(&b, "description:\n  sv: Beskrivning av %s.\n  en: Description of %s.\nitems:\n", id, id)
		for i := 1; i <= n; i++ {
			typ := "risk"
			if i%2 == 1 {
				typ = "lagkrav"
			}
			fmt.Fprintf(&b, "  - id: \"%d\"\n    type: %s\n", i, typ)
			fmt.Fprintf(&b, "    statement:\n      sv: Påstående %d i %s gäller hos oss.\n      en: Statement %d of %s holds here.\n", i, id, i, id)
			fmt.Fprintf(&b, "    problem:\n      sv: Problem %d i %s är inte löst.\n      en: Problem %d of %s is not solved.\n", i, id, i, id)
			fmt.Fprintf(&b, "    guidance:\n      sv: Prata om %d.\n      en: Talk about %d.\n", i, i)
			b.WriteString("    legal:\n      - ref: AFS 2023:1 11 §\n        kind: law\n")
			b.WriteString("    measures:\n")
			for m := 1; m <= 3; m++ {
				fmt.Fprintf(&b, "      - sv: Åtgärdsförslag %d för punkt %d.\n        en: Suggested measure %d for item %d.\n", m, i, m, i)
			}
		}
		fsys["checklists/"+id+".yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	cat, errs := checklist.Load(fsys, "")
	if len(errs) > 0 {
		tb.Fatalf("test catalog: %v", errs)
	}
	return cat
}

// recordingStore is the fake store that also records every saved action and
// assessment, in call order.
type recordingStore struct {
	*fakeStore
	mu      sync.Mutex
	saved   []checklist.Action
	updated []checklist.Assessment
}

func (r *recordingStore) SaveAction(ctx context.Context, a checklist.Action) (checklist.Action, error) {
	r.mu.Lock()
	r.saved = append(r.saved, a)
	r.mu.Unlock()
	return r.fakeStore.SaveAction(ctx, a)
}

func (r *recordingStore) UpdateAssessment(ctx context.Context, a checklist.Assessment) error {
	r.mu.Lock()
	r.updated = append(r.updated, a)
	r.mu.Unlock()
	return r.fakeStore.UpdateAssessment(ctx, a)
}

func (r *recordingStore) savedActions() []checklist.Action {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]checklist.Action(nil), r.saved...)
}

// pbSeed fills a store with an earlier assessment (id 1) and the current one
// (id 2) of the same unit, answers and three actions: one carried over and
// overdue, one from a serious item, one free-standing and done.
func pbSeed(f *fakeStore) {
	unit := f.unitID("Avdelning 7")
	refs := []checklist.AreaRef{{ID: "sam", Version: 1}, {ID: "osa", Version: 1}}
	earlier := &checklist.Assessment{ID: f.id(), UnitID: unit, Unit: "Avdelning 7", Date: checklist.Date{Year: 2025, Month: time.November, Day: 3},
		Areas: refs, Responses: map[checklist.ItemKey]checklist.Response{}, Status: checklist.Avslutad}
	current := &checklist.Assessment{ID: f.id(), UnitID: unit, Unit: "Avdelning 7", Date: pbToday,
		Participants: "chef, skyddsombud, 9 medarbetare", SafetyRepPresent: true, Areas: refs,
		Responses: map[checklist.ItemKey]checklist.Response{}}
	if earlier.ID != pbEarlier || current.ID != pbCurrent {
		panic(fmt.Sprintf("seed ids %d, %d", earlier.ID, current.ID))
	}
	for _, a := range []*checklist.Assessment{earlier, current} {
		f.assessments[a.ID] = a
		f.counts[a.ID] = map[string]int{"sam": 4, "osa": 4}
	}
	hog := checklist.Risk{Probability: 3, Consequence: 3, Level: checklist.Hog}
	medel := checklist.Risk{Probability: 2, Consequence: 2, Level: checklist.Medel}
	set := func(area, item string, ans checklist.Answer, risk *checklist.Risk, reason string) {
		current.Responses[checklist.ItemKey{AreaID: area, ItemID: item}] = checklist.Response{
			AreaID: area, ItemID: item, Answer: ans, Risk: risk, Reason: reason}
	}
	set("sam", "1", checklist.Nej, &hog, "")
	set("sam", "2", checklist.Ja, nil, "")
	set("sam", "3", checklist.Delvis, &medel, "")
	set("osa", "1", checklist.EjAktuellt, nil, "Ingen nattjour")
	set("osa", "2", checklist.Ja, nil, "")
	add := func(a checklist.Action) {
		a.ID = f.id()
		a.UnitID = unit
		f.actions[a.ID] = a
	}
	add(checklist.Action{AssessmentID: earlier.ID, AreaID: "osa", ItemID: "4", Risk: "Problem 4 i osa är inte löst.",
		What: "Ta fram en rutin för pauser vid hög belastning", Who: "Enhetschef",
		Due: checklist.Date{Year: 2026, Month: time.February, Day: 1}, Status: checklist.Pagar})
	add(checklist.Action{AssessmentID: current.ID, AreaID: "sam", ItemID: "1", Risk: "Problem 1 i sam är inte löst.",
		What: "Gå igenom rutinen på nästa APT", Who: "Skyddsombud",
		Due: checklist.Date{Year: 2026, Month: time.March, Day: 28}, Escalation: checklist.EscSamverkan})
	add(checklist.Action{AssessmentID: current.ID, Risk: "Pausrummet är för litet", What: "Möblera om pausrummet",
		Who: "Chef", Due: checklist.Date{Year: 2026, Month: time.March, Day: 1}, Status: checklist.Klar,
		DoneOn: checklist.Date{Year: 2026, Month: time.March, Day: 2}, CheckedOn: pbToday, Effect: "ja, fler får plats"})
}

// pbHarness is the driver on the plan and summary fixture (pbSeed), with a
// store that records what is saved.
type pbHarness struct {
	*driver
	store *recordingStore
	exp   *fakeExporter
}

func newPBHarness(tb testing.TB, lang checklist.Lang, w, h int) *pbHarness {
	tb.Helper()
	f := newFakeStore()
	pbSeed(f)
	rs := &recordingStore{fakeStore: f}
	exp := &fakeExporter{}
	m := New(Config{Store: rs, Exporter: exp, Catalog: pbCatalog(tb, 4, "sam", "osa"), Lang: lang,
		Today: func() checklist.Date { return pbToday }})
	hs := &pbHarness{driver: attach(tb, m, f), store: rs, exp: exp}
	hs.driver.export = exp
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// openPlan opens the plan of the current assessment.
func (hs *pbHarness) openPlan() {
	hs.t.Helper()
	hs.send(openMsg{to: planScreenID, id: pbCurrent})
	if got := hs.m.activeID(); got != planScreenID {
		if _, ok := hs.m.active().(*planScreen); !ok {
			hs.t.Fatalf("active screen = %v, want plan\n%s", got, hs.view())
		}
	}
}

func (hs *pbHarness) plan() *planScreen {
	hs.t.Helper()
	p, ok := hs.m.active().(*planScreen)
	if !ok {
		hs.t.Fatalf("active screen is %T, want *planScreen", hs.m.active())
	}
	return p
}

// lastSaved returns the last action passed to SaveAction.
func (hs *pbHarness) lastSaved() checklist.Action {
	hs.t.Helper()
	s := hs.store.savedActions()
	if len(s) == 0 {
		hs.t.Fatal("SaveAction was not called")
	}
	return s[len(s)-1]
}

// pbSizes are the window sizes and backgrounds every golden is taken at.
var pbSizes = []struct {
	name string
	w, h int
	dark bool
}{
	{"80x24_dark", 80, 24, true},
	{"80x24_light", 80, 24, false},
	{"40x12_dark", 40, 12, true},
	{"40x12_light", 40, 12, false},
}

// setBackground sends the terminal's background colour.
func (hs *pbHarness) setBackground(dark bool) {
	var c color.Color = color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	if dark {
		c = color.RGBA{A: 0xff}
	}
	hs.send(tea.BackgroundColorMsg{Color: c})
}

// checkWidth fails when a line of the view is wider than w.
func checkWidth(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("view has %d lines, window %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d wide (window %d): %q", i+1, n, w, l)
		}
	}
}

func TestPlanGolden(t *testing.T) {
	screenGoldens(t, func(hs *pbHarness) { hs.openPlan() })
}

// screenGoldens compares the view that open leads to with golden files, in
// Swedish at every size and background and in English on dark.
func screenGoldens(t *testing.T, open func(hs *pbHarness)) {
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		for _, sz := range pbSizes {
			if lang == checklist.English && !sz.dark {
				continue
			}
			t.Run(string(lang)+"_"+sz.name, func(t *testing.T) {
				hs := newPBHarness(t, lang, sz.w, sz.h)
				hs.setBackground(sz.dark)
				open(hs)
				v := hs.view()
				checkWidth(t, v, sz.w, sz.h)
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

func TestPlanOrderAndMarks(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	p := hs.plan()
	if len(p.table.actions) != 3 {
		t.Fatalf("rows = %d, want 3", len(p.table.actions))
	}
	if !p.a.CarriedOver(p.table.actions[0]) || p.table.actions[0].AssessmentID != pbEarlier {
		t.Errorf("first row %+v is not the carried-over action", p.table.actions[0])
	}
	hs.keys("down")
	v := hs.view()
	for _, want := range []string{"Från tidigare APT", "Denna APT", "! Pågår", "Hög*", "Samverkansgrupp", "2/3"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Index(v, "Från tidigare APT") > strings.Index(v, "Denna APT") {
		t.Errorf("carried-over group is not first:\n%s", v)
	}
}

func TestPlanStatusCycle(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("down") // the own action from sam/1, planerad
	id := hs.plan().table.actions[1].ID
	want := []struct {
		status checklist.ActionStatus
		doneOn checklist.Date
	}{
		{checklist.Pagar, checklist.Date{}},
		{checklist.Klar, pbToday},
		{checklist.Struken, checklist.Date{}},
		{checklist.Planerad, checklist.Date{}},
	}
	for i, w := range want {
		hs.keys("s")
		got := hs.lastSaved()
		if got.ID != id || got.Status != w.status || got.DoneOn != w.doneOn {
			t.Fatalf("press %d: saved id %d status %v done %v, want id %d status %v done %v",
				i+1, got.ID, got.Status, got.DoneOn, id, w.status, w.doneOn)
		}
		if row := hs.plan().table.actions[1]; row.Status != w.status {
			t.Fatalf("press %d: row status %v, want %v", i+1, row.Status, w.status)
		}
	}
	if n := len(hs.store.savedActions()); n != 4 {
		t.Errorf("SaveAction called %d times, want 4", n)
	}
}

func TestPlanEscalationCycle(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("down")
	for _, want := range []checklist.Escalation{checklist.EscChef, checklist.EscAPT, checklist.EscSamverkan} {
		hs.keys("e")
		if got := hs.lastSaved().Escalation; got != want {
			t.Fatalf("escalation = %v, want %v", got, want)
		}
	}
}

func TestPlanCheckAsksForEffect(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("down", "k")
	// The action is planned, not done: k asks first and saves nothing.
	if n := len(hs.store.savedActions()); n != 0 {
		t.Fatalf("k saved %d actions before any answer", n)
	}
	if !strings.Contains(hs.view(), "Är den genomförd?") {
		t.Fatalf("k on an action that is not done does not ask:\n%s", hs.view())
	}
	hs.keys("j")
	if !hs.plan().Inputting() || !strings.Contains(hs.view(), "Hade åtgärden effekt?") {
		t.Fatalf("no effect prompt:\n%s", hs.view())
	}
	if n := len(hs.store.savedActions()); n != 0 {
		t.Fatalf("saved %d actions before the effect was entered", n)
	}
	hs.typeText("nej")
	hs.keys("space")
	hs.typeText("inte ännu")
	hs.keys("enter")
	got := hs.lastSaved()
	if got.Effect != "nej inte ännu" || got.CheckedOn != pbToday || got.Status != checklist.Klar || got.DoneOn != pbToday {
		t.Fatalf("saved effect %q checked %v status %v done %v", got.Effect, got.CheckedOn, got.Status, got.DoneOn)
	}
	if hs.plan().Inputting() {
		t.Error("prompt still open after enter")
	}
	if !strings.Contains(hs.view(), "ny åtgärd") {
		t.Errorf("no hint to add a new measure after 'nej':\n%s", hs.view())
	}
	if n := len(hs.store.savedActions()); n != 1 {
		t.Errorf("SaveAction called %d times, want 1", n)
	}
}

// TestPlanCheckCancelLeavesNothing: esc at either question of k leaves the
// action unchecked, with nothing saved.
func TestPlanCheckCancelLeavesNothing(t *testing.T) {
	for _, keys := range [][]string{{"k", "esc"}, {"k", "n"}, {"k", "j", "esc"}, {"k", "j", "x", "esc"}} {
		hs := newPBHarness(t, checklist.Swedish, 80, 24)
		hs.openPlan()
		hs.keys("down")
		hs.keys(keys...)
		if n := len(hs.store.savedActions()); n != 0 {
			t.Errorf("%v saved %d actions", keys, n)
		}
		if hs.plan().effect != nil {
			t.Errorf("%v left the prompt open", keys)
		}
		if a := hs.store.actions[5]; !a.CheckedOn.IsZero() || a.Status != checklist.Planerad {
			t.Errorf("%v changed the action: %+v", keys, a)
		}
	}
}

// TestPlanCheckUndo: k on a checked action offers to undo the check.
func TestPlanCheckUndo(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("down", "down", "k")
	if !strings.Contains(hs.view(), "Ångra kontrollen?") {
		t.Fatalf("k on a checked action does not offer undo:\n%s", hs.view())
	}
	hs.keys("esc")
	if n := len(hs.store.savedActions()); n != 0 {
		t.Fatalf("esc saved %d actions", n)
	}
	hs.keys("k", "y")
	got := hs.lastSaved()
	if !got.CheckedOn.IsZero() || got.Effect != "" || got.Status != checklist.Klar {
		t.Fatalf("undo saved %+v", got)
	}
}

func TestPlanAddFromItem(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.send(addActionMsg{AssessmentID: pbCurrent, AreaID: "sam", ItemID: "1"})
	p := hs.plan()
	if p.form == nil {
		t.Fatalf("no form open:\n%s", hs.view())
	}
	v := hs.view()
	for _, want := range []string{"Problem 1 i sam är inte löst.", "1 Åtgärdsförslag 1 för punkt 1.",
		"3 Åtgärdsförslag 3 för punkt 1.", "2026-03-28"} {
		if !strings.Contains(v, want) {
			t.Errorf("form lacks %q:\n%s", want, v)
		}
	}
	golden.RequireEqual(t, []byte(v))
	hs.keys("2")
	if got := p.form.field(); got != fieldWhat {
		t.Fatalf("after pick focus is %v, want what", got)
	}
	hs.typeText(" Snart.")
	hs.keys("down") // who
	hs.typeText("Enhetschef")
	hs.keys("down", "down", "space") // escalation: samverkansgrupp
	before := len(hs.store.savedActions())
	hs.keys("enter")
	if n := len(hs.store.savedActions()); n != before+1 {
		t.Fatalf("SaveAction calls %d, want %d", n, before+1)
	}
	got := hs.lastSaved()
	want := checklist.Action{UnitID: got.UnitID, AssessmentID: pbCurrent, AreaID: "sam", ItemID: "1",
		Risk: "Problem 1 i sam är inte löst.", What: "Åtgärdsförslag 2 för punkt 1. Snart.", Who: "Enhetschef",
		Due: pbToday.AddDays(seriousDueDays), Escalation: checklist.EscSamverkan}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("saved\n%+v\nwant\n%+v", got, want)
	}
	if hs.plan().form != nil {
		t.Error("form still open after save")
	}
	if n := len(hs.plan().table.actions); n != 4 {
		t.Errorf("rows = %d after add, want 4", n)
	}
	if cur, _ := hs.plan().table.current(); cur.What != want.What || cur.ID == 0 {
		t.Errorf("cursor on %+v, want the new action", cur)
	}
}

func TestPlanAddFreeStanding(t *testing.T) {
	hs := newPBHarness(t, checklist.English, 40, 12)
	hs.openPlan()
	hs.keys("a")
	p := hs.plan()
	if p.form == nil || p.form.field() != fieldWhat {
		t.Fatalf("form not open on what:\n%s", hs.view())
	}
	checkWidth(t, hs.view(), 40, 12)
	golden.RequireEqual(t, []byte(hs.view()))
	hs.typeText("Buy a second coffee machine")
	hs.keys("up") // risk
	hs.typeText("Queue at breaks")
	hs.keys("down", "down", "down") // due
	hs.typeText("2026-04-30")
	hs.keys("enter")
	// No one responsible is allowed, after a warning.
	if n := len(hs.store.savedActions()); n != 0 || !strings.Contains(flat(hs.view()), "Responsible is empty") {
		t.Fatalf("an empty Responsible was saved without a warning (%d saves):\n%s", n, hs.view())
	}
	hs.keys("enter")
	got := hs.lastSaved()
	if got.AreaID != "" || got.ItemID != "" || got.What != "Buy a second coffee machine" || got.Risk != "Queue at breaks" ||
		got.Due != (checklist.Date{Year: 2026, Month: time.April, Day: 30}) || got.ID != 0 || got.AssessmentID != pbCurrent {
		t.Fatalf("saved %+v", got)
	}
}

// TestActionFormTabOrder: from the suggested measures tab goes to Åtgärd,
// then Ansvarig, then Klart senast; the risk text is reached last.
func TestActionFormTabOrder(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.send(addActionMsg{AssessmentID: pbCurrent, AreaID: "sam", ItemID: "3"})
	p := hs.plan()
	if p.form.field() != fieldPick {
		t.Fatalf("form opens on %v", p.form.field())
	}
	var order []formField
	for range 5 {
		hs.keys("tab")
		order = append(order, p.form.field())
	}
	want := []formField{fieldWhat, fieldWho, fieldDue, fieldEscalation, fieldRisk}
	if !reflect.DeepEqual(order, want) {
		t.Fatalf("tab order %v, want %v", order, want)
	}
	hs.send(addActionMsg{AssessmentID: pbCurrent, AreaID: "sam", ItemID: "3"})
	p = hs.plan()
	risk := p.form.inputs[fieldRisk].Value()
	hs.keys("tab")
	hs.typeText("Ny rutin")
	if got := p.form.inputs[fieldWhat].Value(); got != "Ny rutin" || p.form.inputs[fieldRisk].Value() != risk {
		t.Fatalf("typed after tab: what %q, risk %q (was %q)", got, p.form.inputs[fieldRisk].Value(), risk)
	}
}

// TestActionFormWarnsPastDue: a due date in the past is allowed after a
// warning.
func TestActionFormWarnsPastDue(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("a")
	hs.typeText("Ny rutin")
	hs.keys("tab")
	hs.typeText("chef")
	hs.keys("tab")
	hs.typeText("2026-03-01")
	hs.keys("enter")
	if n := len(hs.store.savedActions()); n != 0 || !strings.Contains(flat(hs.view()), "Klart senast 2026-03-01 har redan passerat") {
		t.Fatalf("a past due date was saved without a warning (%d saves):\n%s", n, hs.view())
	}
	hs.keys("enter")
	if got := hs.lastSaved(); got.Due != (checklist.Date{Year: 2026, Month: time.March, Day: 1}) {
		t.Fatalf("saved %+v", got)
	}
}

func TestPlanBadDueDateSavesNothing(t *testing.T) {
	for _, due := range []string{"2026-02-30", "30/4", "snart"} {
		t.Run(due, func(t *testing.T) {
			hs := newPBHarness(t, checklist.Swedish, 80, 24)
			hs.openPlan()
			hs.keys("a")
			hs.typeText("Ny rutin")
			hs.keys("down", "down") // due
			hs.typeText(due)
			hs.keys("enter")
			if n := len(hs.store.savedActions()); n != 0 {
				t.Fatalf("SaveAction called %d times with due %q", n, due)
			}
			p := hs.plan()
			if p.form == nil || p.form.field() != fieldDue {
				t.Fatalf("form closed or not on the due date")
			}
			if v := hs.view(); !strings.Contains(v, "Ogiltigt datum") {
				t.Errorf("no message for %q:\n%s", due, v)
			}
		})
	}
}

func TestPlanMissingDueAndWhatSaveNothing(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("a", "enter")
	if !strings.Contains(hs.view(), "Skriv vad som ska göras") {
		t.Errorf("no message for empty what:\n%s", hs.view())
	}
	hs.typeText("Ny rutin")
	hs.keys("enter")
	if !strings.Contains(hs.view(), "Ange klart senast") {
		t.Errorf("no message for missing due date:\n%s", hs.view())
	}
	if n := len(hs.store.savedActions()); n != 0 {
		t.Fatalf("SaveAction called %d times", n)
	}
}

func TestPlanPersonnummerWarning(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("enter") // edit the carried-over action
	p := hs.plan()
	if p.form == nil {
		t.Fatal("enter did not open the form")
	}
	hs.typeText(" för 811218-9876")
	hs.keys("enter")
	if n := len(hs.store.savedActions()); n != 0 {
		t.Fatalf("saved before the warning was confirmed")
	}
	if !strings.Contains(hs.view(), "personnummer") {
		t.Fatalf("no warning:\n%s", hs.view())
	}
	hs.keys("enter")
	got := hs.lastSaved()
	if !strings.HasSuffix(got.What, "811218-9876") || got.ID != p.table.actions[0].ID {
		t.Fatalf("saved %+v", got)
	}
}

func TestPlanEscapeAndBack(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("a")
	hs.typeText("qqq")
	hs.keys("esc")
	if p := hs.plan(); p.form != nil {
		t.Fatal("esc did not close the form")
	}
	if n := len(hs.store.savedActions()); n != 0 {
		t.Fatalf("cancelled form saved %d actions", n)
	}
	hs.keys("q")
	if _, ok := hs.m.active().(*planScreen); ok {
		t.Fatal("q did not leave the plan")
	}
}

func TestPlanDelete(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("down", "down", "d", "n")
	if len(hs.plan().table.actions) != 3 {
		t.Fatal("n did not cancel the delete")
	}
	id := hs.plan().table.actions[2].ID
	hs.keys("d", "y")
	rows := hs.plan().table.actions
	if len(rows) != 2 || hs.store.calls["DeleteAction"] != 1 {
		t.Fatalf("rows %d, DeleteAction calls %d", len(rows), hs.store.calls["DeleteAction"])
	}
	for _, r := range rows {
		if r.ID == id {
			t.Fatal("deleted action still shown")
		}
	}
}

func TestPlanToSummary(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openPlan()
	hs.keys("z")
	if _, ok := hs.m.active().(*summaryScreen); !ok {
		t.Fatalf("z opened %T, want the summary", hs.m.active())
	}
}
