package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"samkoll/checklist"
)

// reportExporter is the fake exporter with the reports: the text names
// the request, so that a test sees which report was read.
type reportExporter struct {
	*fakeExporter
	asked, saved []ReportRequest
	// fail, when set, is the error of every report.
	fail error
}

func (r *reportExporter) Report(_ context.Context, req ReportRequest) (string, error) {
	r.asked = append(r.asked, req)
	if r.fail != nil {
		return "", r.fail
	}
	if req.Kind == RegionReport {
		return fmt.Sprintf("# Regionens bild %d\n\n| Enhet | APT i år |\n|---|---|\n| Avdelning 12 | 3 |\n| Avdelning 7 | 1 |\n", req.Year), nil
	}
	return fmt.Sprintf("# Årets uppföljning %d\n\n## %s\n\n- Möten: 3\n- Skyddsombud med: 2 av 3\n\n%s\n", req.Year, req.Unit,
		strings.Repeat("En rad av uppföljningen.\n", 30)), nil
}

func (r *reportExporter) SaveReport(_ context.Context, req ReportRequest) (ExportResult, error) {
	r.saved = append(r.saved, req)
	return ExportResult{Path: fmt.Sprintf("/tmp/arsuppfoljning-%d.md", req.Year)}, nil
}

// reportDriver is a driver whose exporter has the reports, on a store
// with one assessment of Avdelning 12.
func reportDriver(t testing.TB) (*driver, *reportExporter) {
	fs := newFakeStore()
	seed(t, fs, "Avdelning 12", testToday, 1)
	rep := &reportExporter{fakeExporter: &fakeExporter{}}
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
	for _, want := range []string{"Årets uppföljning 2026 · Avdelning 12", "## Avdelning 12", "- Möten: 3"} {
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
	if !strings.Contains(d.view(), "En rad av uppföljningen.") {
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
	for _, want := range []string{"Regionens bild 2026", "| Avdelning 12 | 3 |", "| Avdelning 7 | 1 |"} {
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
