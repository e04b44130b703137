package tui

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"samkoll/checklist"
)

// reportExporter is the fake exporter with the reports: the text names
// the request, so that a test sees which report was read.
type reportExporter struct {
	*fakeExporter
	asked, saved []ReportRequest
	// fail, when set, is the error of every report.
	fail error
	// followup and region are the reports' markdown as samkoll followup
	// and samkoll region write it on demo data, with {{YEAR}} and
	// {{UNIT}} for the year and unit asked for.
	followup, region string
}

func (r *reportExporter) Report(_ context.Context, req ReportRequest) (string, error) {
	r.asked = append(r.asked, req)
	if r.fail != nil {
		return "", r.fail
	}
	text := r.followup
	if req.Kind == RegionReport {
		text = r.region
	}
	return strings.NewReplacer("{{YEAR}}", strconv.Itoa(req.Year), "{{UNIT}}", req.Unit).Replace(text), nil
}

func (r *reportExporter) SaveReport(_ context.Context, req ReportRequest) (ExportResult, error) {
	r.saved = append(r.saved, req)
	return ExportResult{Path: fmt.Sprintf("/tmp/arsuppfoljning-%d.md", req.Year)}, nil
}

// readTestdata returns the text of a file in testdata.
func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// reportDriver is a driver whose exporter has the reports, on a store
// with one assessment of Avdelning 12.
func reportDriver(t testing.TB) (*driver, *reportExporter) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 12", testToday, 1)
	rep := &reportExporter{fakeExporter: &fakeExporter{}, followup: readTestdata(t, "report_followup.md"), region: readTestdata(t, "report_region.md")}
	d := driverWith(t, fs, fs, checklist.Swedish, rep)
	d.export = rep.fakeExporter
	return d, rep
}

func TestFollowupScreen(t *testing.T) {
	d, rep := reportDriver(t)
	d.keys("f")
	if d.m.ActiveScreen() != "report" {
		t.Fatalf("f opened %s", d.m.ActiveScreen())
	}
	out := d.view()
	for _, want := range []string{"Årets uppföljning 2026 · Avdelning 12", "Årlig uppföljning av arbetsmiljöarbetet 2026: Avdelning 12", "• Utskriven: 2026-12-02"} {
		if !strings.Contains(out, want) {
			t.Errorf("follow-up lacks %q:\n%s", want, out)
		}
	}
	if len(rep.asked) != 1 || rep.asked[0] != (ReportRequest{Kind: FollowupReport, Unit: "Avdelning 12", Year: 2026}) {
		t.Errorf("asked %+v", rep.asked)
	}
	// Next year is not there yet; the year before is.
	d.keys("right")
	if len(rep.asked) != 1 {
		t.Errorf("→ read a year ahead: %+v", rep.asked)
	}
	d.keys("left")
	if out := d.view(); !strings.Contains(out, "Årets uppföljning 2025") || rep.asked[len(rep.asked)-1].Year != 2025 {
		t.Errorf("← did not go to 2025:\n%s", out)
	}
	d.keys("right", "end")
	if !strings.Contains(d.view(), "Uppgifterna gäller arbetsgrupper.") {
		t.Errorf("end does not scroll:\n%s", d.view())
	}
	d.keys("x")
	if len(rep.saved) != 1 || rep.saved[0].Year != 2026 || !strings.Contains(d.view(), "/tmp/arsuppfoljning-2026.md") {
		t.Errorf("x saved %+v:\n%s", rep.saved, d.view())
	}
	d.keys("q")
	if d.m.ActiveScreen() != "home" {
		t.Errorf("q went to %s", d.m.ActiveScreen())
	}
}

func TestReportWithoutReporter(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 12", testToday, 1)
	d := newDriver(t, fs)
	d.keys("f")
	if out := d.view(); !strings.Contains(out, "samkoll export") {
		t.Errorf("no explanation without the reports:\n%s", out)
	}
}

func TestGoldenFollowupScreen(t *testing.T) {
	goldenViewsOn(t, func(t *testing.T) *driver { d, _ := reportDriver(t); return d }, func(d *driver) { d.keys("f") })
}

func TestRegionScreen(t *testing.T) {
	d, rep := reportDriver(t)
	// One unit: no region.
	d.keys("r")
	if d.m.ActiveScreen() != "home" || len(rep.asked) != 0 {
		t.Fatalf("r with one unit opened %s", d.m.ActiveScreen())
	}
	seed(t, d.store, "Avdelning 7", testToday.AddDays(-3), 0)
	d.send(resumedMsg{})
	d.keys("r")
	if d.m.ActiveScreen() != "report" {
		t.Fatalf("r opened %s", d.m.ActiveScreen())
	}
	out := d.view()
	for _, want := range []string{"Regionens bild 2026", "Regionens SAM-arbete 2026", "• Enheter: 8", "Enheter som behöver stöd först"} {
		if !strings.Contains(out, want) {
			t.Errorf("region lacks %q:\n%s", want, out)
		}
	}
	if len(rep.asked) != 1 || rep.asked[0] != (ReportRequest{Kind: RegionReport, Year: 2026}) {
		t.Errorf("asked %+v", rep.asked)
	}
	d.keys("x")
	if len(rep.saved) != 1 || rep.saved[0].Kind != RegionReport {
		t.Errorf("x saved %+v", rep.saved)
	}
}

func TestGoldenRegionScreen(t *testing.T) {
	goldenViewsOn(t, func(t *testing.T) *driver {
		d, _ := reportDriver(t)
		seed(t, d.store, "Avdelning 7", testToday.AddDays(-3), 0)
		d.send(resumedMsg{})
		return d
	}, func(d *driver) { d.keys("r") })
}

// TestReportErrorShown: a report that cannot be written says why in its
// place, instead of loading for ever.
func TestReportErrorShown(t *testing.T) {
	d, rep := reportDriver(t)
	rep.fail = checklist.Errorf("det finns ingen enhet som heter %q", "there is no unit called %q", "Avdelning 12")
	d.keys("f")
	if out := d.view(); !strings.Contains(out, "det finns ingen enhet som heter") || strings.Contains(out, "Hämtar") {
		t.Errorf("the error is not shown:\n%s", out)
	}
}

// reportTableGoldens opens a report with keys at 80×24 and 40×12 and
// scrolls until the line with at shows at the top of the pager: the
// goldens show a table of the report as columns or as blocks.
func reportTableGoldens(t *testing.T, region bool, at string) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d, _ := reportDriver(t)
			open := "f"
			if region {
				seed(t, d.store, "Avdelning 7", testToday.AddDays(-3), 0)
				d.send(resumedMsg{})
				open = "r"
			}
			d.send(tea.BackgroundColorMsg{Color: color.Black})
			d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			d.keys(open)
			for i := 0; i < 400 && !strings.HasPrefix(strings.Split(d.view(), "\n")[2], at); i++ {
				d.keys("down")
			}
			out := d.view()
			if !strings.HasPrefix(strings.Split(out, "\n")[2], at) {
				t.Fatalf("%q never came to the top:\n%s", at, out)
			}
			checkFits(t, out, size[0], size[1])
			golden.RequireEqual(t, out)
		})
	}
}

func TestGoldenFollowupTable(t *testing.T) {
	reportTableGoldens(t, false, "Områden mot årshjulet")
}

func TestGoldenRegionTable(t *testing.T) {
	reportTableGoldens(t, true, "Enheter som behöver stöd först")
}

// TestReportScreenColours keeps the colour codes of the region's table:
// headings, bold labels, the header row and the rules in the palette's
// styles.
func TestReportScreenColours(t *testing.T) {
	d, _ := reportDriver(t)
	seed(t, d.store, "Avdelning 7", testToday.AddDays(-3), 0)
	d.send(resumedMsg{})
	d.send(tea.BackgroundColorMsg{Color: color.Black})
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.keys("r", "pgdown")
	out := d.m.View().Content
	if !strings.Contains(out, "\x1b[") {
		t.Fatal("the report has no colour")
	}
	checkFits(t, d.view(), 80, 24)
	golden.RequireEqual(t, []byte(out))
}

// TestReportShowsNoMarkdown: the screens show no markdown markers on demo
// data, at any width.
func TestReportShowsNoMarkdown(t *testing.T) {
	st := PlainStyles()
	for _, name := range []string{"report_followup.md", "report_region.md"} {
		md := readTestdata(t, name)
		for _, w := range []int{100, 80, 60, 40} {
			lines := renderMarkdown(md, w, &st)
			for i, l := range lines {
				plain := ansi.Strip(l)
				if ansi.StringWidth(plain) > w {
					t.Errorf("%s at %d: line %d is %d wide: %q", name, w, i, ansi.StringWidth(plain), plain)
				}
				for _, mark := range []string{"**", "| ", "|---", "# ", "\\"} {
					if strings.Contains(plain, mark) {
						t.Errorf("%s at %d: line %d keeps %q: %q", name, w, i, mark, plain)
					}
				}
			}
		}
	}
}

// TestReportTableHeaderStays: while a table's rows are at the top, its
// header shows above them, and goes once the table has scrolled by; no
// row is hidden under it.
func TestReportTableHeaderStays(t *testing.T) {
	d, _ := reportDriver(t)
	seed(t, d.store, "Avdelning 7", testToday.AddDays(-3), 0)
	d.send(resumedMsg{})
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.keys("r")
	rowAtTop := func(row string) []string {
		t.Helper()
		for range 100 {
			lines := strings.Split(d.view(), "\n")
			if strings.HasPrefix(lines[2], row) || strings.HasPrefix(lines[2], "Enhet ") && strings.HasPrefix(lines[6], row) {
				return lines
			}
			d.keys("down")
		}
		t.Fatalf("%s never came to the top:\n%s", row, d.view())
		return nil
	}
	lines := rowAtTop("Akutmottagningen ")
	if !strings.HasPrefix(lines[2], "Enhet ") || !strings.HasPrefix(lines[5], "───") {
		t.Errorf("the header is not there when the first row is at the top:\n%s", d.view())
	}
	// One line further, the header stays and the next row follows it.
	d.keys("down")
	lines = strings.Split(d.view(), "\n")
	if !strings.HasPrefix(lines[2], "Enhet ") || !strings.HasPrefix(lines[6], "Vårdcentralen Norr ") {
		t.Errorf("the header does not stay over the rows:\n%s", d.view())
	}
	d.keys("pgdown", "pgdown")
	if lines = strings.Split(d.view(), "\n"); strings.HasPrefix(lines[2], "Enhet ") {
		t.Errorf("the header stays after the table:\n%s", d.view())
	}
}

// TestReportEveryMoveShows: each line up or down changes what the report
// screen shows, through tables with their header held above the rows and
// back, until the top or the bottom.
func TestReportEveryMoveShows(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 30}, {40, 12}} {
		for _, open := range []string{"f", "r"} {
			t.Run(fmt.Sprintf("%s_%dx%d", open, size[0], size[1]), func(t *testing.T) {
				d, _ := reportDriver(t)
				seed(t, d.store, "Avdelning 7", testToday.AddDays(-3), 0)
				d.send(resumedMsg{})
				d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				d.keys(open)
				for _, dir := range []string{"down", "up"} {
					prev := d.view()
					for i := 0; ; i++ {
						d.keys(dir)
						now := d.view()
						if now == prev {
							if mark := strings.Split(now, "\n")[1]; dir == "down" && !strings.Contains(mark, "↑ ") || dir == "up" && !strings.Contains(mark, "↓ ") {
								t.Fatalf("%s %d did not move, not at the end (%s):\n%s", dir, i, strings.TrimSpace(mark), now)
							}
							break
						}
						prev = now
					}
				}
			})
		}
	}
}
