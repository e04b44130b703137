package tui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"samkoll/checklist"
)

// openSummary opens the summary of the current assessment.
func (hs *pbHarness) openSummary() *summaryScreen {
	hs.t.Helper()
	hs.send(openMsg{to: summaryScreenID, id: pbCurrent})
	s, ok := hs.m.active().(*summaryScreen)
	if !ok {
		hs.t.Fatalf("active screen is %T, want *summaryScreen\n%s", hs.m.active(), hs.view())
	}
	return s
}

func TestSummaryGolden(t *testing.T) {
	screenGoldens(t, func(hs *pbHarness) { hs.openSummary() })
}

func TestSummaryCounts(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	s := hs.openSummary()
	c := s.counts()
	if len(c) != 2 {
		t.Fatalf("areas = %d, want 2", len(c))
	}
	// sam: 1 Nej, 2 Ja, 3 Delvis, 4 unanswered; osa: 1 Ej aktuellt, 2 Ja.
	want := [][5]int{{1, 1, 1, 1, 0}, {2, 1, 0, 0, 1}}
	for i, w := range want {
		if c[i].answers != w {
			t.Errorf("area %d counts %v, want %v", i, c[i].answers, w)
		}
	}
	risks := s.seriousRisks()
	if len(risks) != 1 || risks[0].problem != "Problem 1 i sam är inte löst." || risks[0].level != checklist.Hog {
		t.Errorf("serious risks %+v, want sam 1 hög", risks)
	}
	v := hs.view()
	for _, want := range []string{"Allvarliga risker (1)", "Hög* Problem 1 i sam är inte löst. (Område sam)", "2 öppna", "! 1 försenade", "1 klara", "1 kontrollerade"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
}

func TestSummaryExportShowsPath(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openSummary()
	hs.keys("x")
	if len(hs.exp.ids) != 1 || hs.exp.ids[0] != pbCurrent {
		t.Fatalf("exporter called with %v, want [%d]", hs.exp.ids, pbCurrent)
	}
	v := hs.view()
	if !strings.Contains(v, "Exporterad till /tmp/handlingsplan-3.md") {
		t.Errorf("path not shown:\n%s", v)
	}
	golden.RequireEqual(t, []byte(v))
}

func TestSummaryExportWithoutExporter(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.m.sh.exporter = nil
	hs.openSummary()
	hs.keys("x")
	if v := hs.view(); !strings.Contains(v, "export är inte tillgänglig") || strings.Contains(v, "Exporterad till") {
		t.Errorf("view:\n%s", v)
	}
}

func TestSummaryCloseAndReopen(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	s := hs.openSummary()
	hs.keys("c", "y")
	if n := len(hs.store.updated); n != 1 || hs.store.updated[0].Status != checklist.Avslutad ||
		hs.store.updated[0].ID != pbCurrent || hs.store.updated[0].Date != pbToday {
		t.Fatalf("UpdateAssessment calls %+v", hs.store.updated)
	}
	if s.a.Status != checklist.Avslutad || !strings.Contains(hs.view(), "Avslutad") {
		t.Fatalf("status not shown as closed:\n%s", hs.view())
	}
	hs.keys("c")
	if n := len(hs.store.updated); n != 2 || hs.store.updated[1].Status != checklist.Pagaende {
		t.Fatalf("reopen: UpdateAssessment calls %+v", hs.store.updated)
	}
	if s.a.Status != checklist.Pagaende {
		t.Fatal("not reopened")
	}
}

func TestSummaryFailedCloseKeepsStatus(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	s := hs.openSummary()
	hs.keys("c")
	hs.store.failNext = errTest("disken är full")
	hs.keys("y")
	if s.a.Status != checklist.Pagaende {
		t.Fatal("status changed although the save failed")
	}
	if !strings.Contains(flat(hs.view()), "disken är full") {
		t.Errorf("error not shown:\n%s", hs.view())
	}
}

func TestSummaryScrollAndPlan(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 40, 12)
	s := hs.openSummary()
	first := hs.view()
	hs.keys("down", "down")
	if s.page.Offset() != 2 || hs.view() == first {
		t.Fatalf("down did not scroll (offset %d)", s.page.Offset())
	}
	for range 50 {
		hs.keys("down")
	}
	// The page is the body less the scroll mark's line.
	ph := s.page.vp.Height()
	if ph != s.h-1 {
		t.Errorf("page height %d, want the body's %d less one", ph, s.h)
	}
	if want := s.page.vp.TotalLineCount() - ph; s.page.Offset() != want || want <= 0 {
		t.Errorf("offset %d, want %d", s.page.Offset(), want)
	}
	hs.keys("home")
	if s.page.Offset() != 0 {
		t.Errorf("home: offset %d", s.page.Offset())
	}
	hs.keys("pgdown")
	if want := min(ph, s.page.vp.TotalLineCount()-ph); s.page.Offset() != want {
		t.Errorf("pgdown: offset %d, want %d", s.page.Offset(), want)
	}
	hs.keys("a")
	if _, ok := hs.m.active().(*planScreen); !ok {
		t.Fatalf("a opened %T, want the plan", hs.m.active())
	}
	hs.keys("q")
	if _, ok := hs.m.active().(*summaryScreen); !ok {
		t.Fatalf("q from the plan went to %T, want the summary", hs.m.active())
	}
}

// errTest is a plain test error.
type errTest string

func (e errTest) Error() string { return string(e) }

func TestSummaryExportHTMLAndCopy(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.openSummary()
	hs.keys("w")
	if len(hs.exp.reqs) != 1 || !hs.exp.reqs[0].HTML {
		t.Fatalf("w asked for %+v, want HTML", hs.exp.reqs)
	}
	if v := hs.view(); !strings.Contains(v, "Exporterad till /tmp/handlingsplan-3.html") {
		t.Errorf("HTML path not shown:\n%s", v)
	}

	// The copy puts the extract on the clipboard and says so.
	_, cmd := hs.m.Update(exportedMsg{id: pbCurrent, path: "/tmp/protokollsutdrag-3.md", req: ExportRequest{Copy: true}, text: "# Utdrag\n\nrad två\n"})
	if got := clipboardOf(cmd); got != "# Utdrag\n\nrad två\n" {
		t.Errorf("clipboard set to %q", got)
	}
	if st := hs.m.notice; st != "Utdraget för protokollet (3 rader) är kopierat; finns också i /tmp/protokollsutdrag-3.md" {
		t.Errorf("the status line does not say what was copied: %q", st)
	}
	hs.keys("y")
	if last := hs.exp.reqs[len(hs.exp.reqs)-1]; !last.Copy {
		t.Errorf("y asked for %+v, want Copy", last)
	}

	// A terminal without OSC 52 gets the file's path instead.
	hs.m.noClipboard = true
	_, cmd = hs.m.Update(exportedMsg{id: pbCurrent, path: "/tmp/protokollsutdrag-3.md", req: ExportRequest{Copy: true}, text: "x"})
	if got := clipboardOf(cmd); got != "" {
		t.Errorf("clipboard set to %q on a terminal without it", got)
	}
	if st := hs.m.notice; st != "Terminalen tar inte emot urklipp; utdraget för protokollet finns i /tmp/protokollsutdrag-3.md" {
		t.Errorf("the status line does not name the file: %q", st)
	}
}

// clipboardOf runs cmd and its batches and returns the text of the
// clipboard command among them, or "".
func clipboardOf(cmd tea.Cmd) string {
	if cmd == nil {
		return ""
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			if c, _ := v.Index(i).Interface().(tea.Cmd); c != nil {
				if s := clipboardOf(c); s != "" {
					return s
				}
			}
		}
		return ""
	}
	if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" {
		return reflect.ValueOf(msg).String()
	}
	return ""
}

func TestExportAsksBeforePersonalData(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.exp.personal = []string{"Område sam, punkt 1: kommentar"}
	hs.openSummary()
	hs.keys("w")
	if len(hs.exp.ids) != 0 {
		t.Fatal("the export was written without asking")
	}
	v := hs.view()
	if !strings.Contains(v, "Fritexten liknar personnummer. Exportera ändå? j/n · Område sam, punkt 1") {
		t.Fatalf("no question:\n%s", v)
	}
	hs.keys("n")
	if len(hs.exp.ids) != 0 || !strings.Contains(hs.view(), "Inget exporterades.") {
		t.Fatalf("n did not cancel: %v\n%s", hs.exp.ids, hs.view())
	}
	hs.keys("w", "j")
	if len(hs.exp.ids) != 1 {
		t.Fatalf("j did not export: %v", hs.exp.ids)
	}
	if last := hs.exp.reqs[len(hs.exp.reqs)-1]; !last.HTML || !last.AllowPersonalData {
		t.Errorf("the confirmed export asked for %+v", last)
	}
	if v := hs.view(); !strings.Contains(v, "Exporterad till /tmp/handlingsplan-3.html") {
		t.Errorf("path not shown:\n%s", v)
	}
}
