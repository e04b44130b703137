package tui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"samkoll/checklist"
	"samkoll/store"
)

// flowExporter writes a small markdown action plan from the store into dir.
type flowExporter struct {
	s   *store.Store
	dir string
}

func (e flowExporter) ExportAssessment(ctx context.Context, id int64, _ ExportRequest) (ExportResult, error) {
	a, err := e.s.LoadAssessment(ctx, id)
	if err != nil {
		return ExportResult{}, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Handlingsplan %s %s\n\n| Risk | Åtgärd | Ansvarig | Klart senast | Status |\n|-|-|-|-|-|\n", a.Unit, a.Date)
	for _, x := range a.Actions {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", x.Risk, x.What, x.Who, x.Due, x.Status.Label(checklist.Swedish))
	}
	path := filepath.Join(e.dir, fmt.Sprintf("handlingsplan-%d.md", id))
	return ExportResult{Path: path}, os.WriteFile(path, b.Bytes(), 0o600)
}

// TestFlowFromEmptyDatabaseToExport runs the program from an empty database
// through a new assessment, answers, an action and the summary to an
// exported plan.
func TestFlowFromEmptyDatabaseToExport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, filepath.Join(dir, "samkoll.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	m := New(Config{Store: st, Exporter: flowExporter{st, dir}, Catalog: pbCatalog(t, 4, "sam"),
		Lang: checklist.Swedish, Today: func() checklist.Date { return pbToday }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))

	// wait waits for text on the screen. The renderer writes only the cells
	// that changed, so a text that was partly on the screen before may never
	// appear whole in the output; while it is missing, ask for a full
	// repaint now and then. Without colour, bold and underline go word by
	// word, so the text is looked for with the escapes taken out.
	wait := func(what string) {
		t.Helper()
		checks := 0
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			if strings.Contains(ansi.Strip(string(b)), what) {
				return true
			}
			if checks++; checks%10 == 0 {
				tm.Send(tea.ClearScreen())
			}
			return false
		}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	press := func(keys ...string) {
		for _, k := range keys {
			tm.Send(keyMsg(k))
		}
	}

	wait("Här finns inga riskbedömningar")
	press("n")
	wait("Mötesdatum")
	tm.Type("Avdelning 7")
	press("ctrl+s")
	wait("Påstående 1 i sam")
	press("1") // Ja
	wait("Påstående 2 i sam")
	press("3") // Nej → risk evaluation
	wait("Riskbedömning")
	press("3", "4", "a") // probability 3, consequence 4, then add an action
	wait("Föreslagna åtgärder")
	press("1", "down") // first measure, then who
	tm.Type("Enhetschef")
	press("enter")
	wait("Denna APT")
	press("q")
	wait("Påstående 2 i sam")
	press("right")
	wait("Påstående 3 i sam")
	press("4") // Ej aktuellt asks for a reason
	wait("Varför ej aktuellt")
	tm.Type("Ingen nattjour")
	press("enter")
	wait("Påstående 4 i sam")
	press("a")
	wait("Denna APT")
	press("z")
	wait("Sammanfattning")
	press("x")
	wait("Exporterad till")
	press("ctrl+c")

	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if !ok {
		t.Fatalf("final model is %T", fm)
	}
	sum, ok := fm.active().(*summaryScreen)
	if !ok {
		t.Fatalf("final screen is %T, want the summary", fm.active())
	}
	wantPath := filepath.Join(dir, fmt.Sprintf("handlingsplan-%d.md", sum.a.ID))
	if sum.exported != wantPath {
		t.Errorf("summary shows export %q, want %q", sum.exported, wantPath)
	}

	a, err := st.LoadAssessment(ctx, sum.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Unit != "Avdelning 7" || a.Date != pbToday {
		t.Errorf("assessment %q %v", a.Unit, a.Date)
	}
	r := func(item string) checklist.Response {
		return a.Responses[checklist.ItemKey{AreaID: "sam", ItemID: item}]
	}
	if got := r("1").Answer; got != checklist.Ja {
		t.Errorf("item 1 answer %v, want Ja", got)
	}
	if got := r("2"); got.Answer != checklist.Nej || got.Risk == nil || got.Risk.Level != checklist.MycketHog {
		t.Errorf("item 2 %+v, want Nej with mycket hög risk", got)
	}
	if got := r("3"); got.Answer != checklist.EjAktuellt || got.Reason != "Ingen nattjour" {
		t.Errorf("item 3 %+v, want Ej aktuellt with reason", got)
	}
	if len(a.Actions) != 1 {
		t.Fatalf("actions %+v, want one", a.Actions)
	}
	ac := a.Actions[0]
	if ac.ItemID != "2" || ac.What != "Åtgärdsförslag 1 för punkt 2." || ac.Who != "Enhetschef" ||
		ac.Due != pbToday.AddDays(seriousDueDays) || ac.Risk != "Problem 2 i sam är inte löst." {
		t.Errorf("action %+v", ac)
	}
	md, err := os.ReadFile(wantPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "| Problem 2 i sam är inte löst. | Åtgärdsförslag 1 för punkt 2. | Enhetschef | 2026-03-28 | Planerad |") {
		t.Errorf("export lacks the action:\n%s", md)
	}
}
