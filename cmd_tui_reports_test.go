package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"samkoll/checklist"
	"samkoll/store"
	"samkoll/tui"
)

// TestAppReports reads the yearly follow-up and the region report as the
// app does, on a real store, and writes the follow-up where the plans go.
func TestAppReports(t *testing.T) {
	x, home, _ := readOnlyTestExporter(t)
	ctx := context.Background()
	var _ tui.Reporter = x

	req := tui.ReportRequest{Kind: tui.FollowupReport, Unit: "Avd 7 | Kirurgi", Year: 2026}
	text, err := x.Report(ctx, req)
	if err != nil || !strings.Contains(text, "AFS 2023:1 14 §") || !strings.Contains(text, "## Avd 7 \\| Kirurgi") {
		t.Fatalf("follow-up %v:\n%s", err, text)
	}
	res, err := x.SaveReport(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, "samkoll-export", "arsuppfoljning-avd-7-kirurgi-2026.md"); res.Path != want {
		t.Errorf("path %s, want %s", res.Path, want)
	}
	if b, err := os.ReadFile(res.Path); err != nil || string(b) != text {
		t.Errorf("the file is not the report shown: %v", err)
	}
	if _, err := x.Report(ctx, tui.ReportRequest{Kind: tui.FollowupReport, Unit: "Ingenstans", Year: 2026}); err == nil {
		t.Error("an unknown unit gave no error")
	}

	region, err := x.Report(ctx, tui.ReportRequest{Kind: tui.RegionReport, Year: 2026})
	if err != nil || !strings.Contains(region, "Avd 7") {
		t.Fatalf("region %v:\n%s", err, region)
	}
}

// testExporter is the app's exporter on s with the built-in checklists,
// writing below home, on 2026-03-01.
// readOnlyTestExporter is the app's exporter, in Swedish, on a read-only
// store of testDB's database, with a HOME of its own; it returns the
// HOME and the id of the database's assessment as well.
func readOnlyTestExporter(t *testing.T) (x *lazyExporter, home string, id int64) {
	t.Helper()
	home = cliHome(t)
	db, id := testDB(t)
	s, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return testExporter(s, home, checklist.Swedish), home, id
}

func testExporter(s *store.Store, home string, lang checklist.Lang) *lazyExporter {
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, lang: lang, now: func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.Local) }}
	cat, _ := checklist.Load(os.DirFS("assets"), "")
	return &lazyExporter{e: e, s: s,
		catalog: func() (*checklist.Catalog, []error) { return cat, nil },
		home:    func() (string, error) { return home, nil },
		// Windows names no Documents folder here: home\Documents is used
		// as on other systems.
		documents: func() (string, error) { return "", errors.New("none") }}
}
