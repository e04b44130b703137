package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"samkoll/checklist"
)

func d(s string) checklist.Date {
	v, err := checklist.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

// openTest opens a new database in a temporary directory.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "data", "samkoll.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// emptyDB creates a new database in a temporary directory, closes it and
// returns its path.
func emptyDB(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "samkoll.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

func newAssessment(unit, date string, areas ...string) checklist.Assessment {
	a := checklist.Assessment{Unit: unit, Date: d(date), Participants: "chef, 8 medarbetare", SafetyRepPresent: true}
	for _, id := range areas {
		a.Areas = append(a.Areas, checklist.AreaRef{ID: id, Version: 2, Hash: "h-" + id})
	}
	return a
}

func mustCreate(t testing.TB, s *Store, a checklist.Assessment, counts map[string]int) checklist.Assessment {
	t.Helper()
	got, err := s.CreateAssessment(context.Background(), a, counts)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func mustAction(t testing.TB, s *Store, a checklist.Action) checklist.Action {
	t.Helper()
	got, err := s.SaveAction(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestCreateAndFileModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	path := filepath.Join(dir, "samkoll.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	wantPrivate(t, path)
	wantPrivate(t, dir)
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var sync, fk int
	s.db.QueryRow("PRAGMA synchronous").Scan(&sync)
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if sync != 2 || fk != 1 {
		t.Errorf("synchronous = %d, foreign_keys = %d; want 2 and 1", sync, fk)
	}
	v, err := s.userVersion(context.Background())
	if err != nil || v != SchemaVersion {
		t.Errorf("user_version = %d, %v; want %d", v, err, SchemaVersion)
	}
	leftovers, _ := filepath.Glob(path + ".new-*")
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestAssessmentRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("Avdelning 12", "2026-03-14", "krankningar", "osa"),
		map[string]int{"krankningar": 13, "osa": 12})
	if a.ID == 0 || a.UnitID == 0 || a.Unit != "Avdelning 12" || a.Date != d("2026-03-14") ||
		!a.SafetyRepPresent || a.Participants != "chef, 8 medarbetare" || a.Status != checklist.Pagaende {
		t.Fatalf("created %+v", a)
	}
	wantAreas := []checklist.AreaRef{{ID: "krankningar", Version: 2, Hash: "h-krankningar"}, {ID: "osa", Version: 2, Hash: "h-osa"}}
	if !reflect.DeepEqual(a.Areas, wantAreas) {
		t.Errorf("areas %+v, want %+v", a.Areas, wantAreas)
	}
	at := time.Date(2026, 3, 14, 9, 30, 0, 123456789, time.UTC)
	responses := []checklist.Response{
		{AreaID: "krankningar", ItemID: "3.1", Answer: checklist.Ja, Comment: "Tydligt", AnsweredAt: at},
		{AreaID: "krankningar", ItemID: "3.2", Answer: checklist.Nej, AnsweredAt: at,
			Risk: &checklist.Risk{Probability: 3, Consequence: 4, Level: checklist.MycketHog, Note: "akut"}},
		{AreaID: "krankningar", ItemID: "3.3", Answer: checklist.Delvis, AnsweredAt: at,
			Risk: &checklist.Risk{Level: checklist.Hog, Note: "lagkrav"}},
		{AreaID: "osa", ItemID: "2.1", Answer: checklist.EjAktuellt, Reason: "Ingen nattjour", AnsweredAt: at},
		{AreaID: "osa", ItemID: "2.2", Comment: "Tas upp nästa gång"},
	}
	for _, r := range responses {
		if err := s.SaveResponse(ctx, a.ID, r); err != nil {
			t.Fatalf("SaveResponse %v: %v", r.Key(), err)
		}
	}
	// Overwrite one answer: the risk goes away with a nil Risk.
	changed := checklist.Response{AreaID: "krankningar", ItemID: "3.2", Answer: checklist.Ja, AnsweredAt: at.Add(time.Minute)}
	if err := s.SaveResponse(ctx, a.ID, changed); err != nil {
		t.Fatal(err)
	}
	responses[1] = changed
	a.Date = d("2026-03-15")
	a.Participants = "chef, skyddsombud, 7 medarbetare"
	a.SafetyRepPresent = false
	a.Status = checklist.Avslutad
	if err := s.UpdateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadAssessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != a.Date || got.Participants != a.Participants || got.SafetyRepPresent || got.Status != checklist.Avslutad {
		t.Errorf("update not stored: %+v", got)
	}
	if len(got.Responses) != len(responses) {
		t.Errorf("%d responses, want %d", len(got.Responses), len(responses))
	}
	for _, r := range responses {
		g, ok := got.Responses[r.Key()]
		if !ok {
			t.Errorf("missing %v", r.Key())
			continue
		}
		if !g.AnsweredAt.Equal(r.AnsweredAt) {
			t.Errorf("%v answered at %v, want %v", r.Key(), g.AnsweredAt, r.AnsweredAt)
		}
		g.AnsweredAt, r.AnsweredAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, r) {
			t.Errorf("%v: got %+v (risk %+v), want %+v (risk %+v)", r.Key(), g, g.Risk, r, r.Risk)
		}
	}
	// Clearing a response removes it.
	if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "osa", ItemID: "2.2"}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.LoadAssessment(ctx, a.ID)
	if _, ok := got.Responses[checklist.ItemKey{AreaID: "osa", ItemID: "2.2"}]; ok {
		t.Error("empty response not removed")
	}
	list, err := s.ListAssessments(ctx, d("2026-04-01"))
	if err != nil || len(list) != 1 {
		t.Fatalf("ListAssessments: %v, %v", list, err)
	}
	if m := list[0]; m.Answered != 4 || m.Total != 25 || m.AreaItems["osa"] != 12 || m.Unit != "Avdelning 12" ||
		!reflect.DeepEqual(m.Areas, wantAreas) || m.Status != checklist.Avslutad {
		t.Errorf("summary %+v", m)
	}
}

func TestSaveResponseRejects(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("Enhet", "2026-01-01", "x"), nil)
	tests := []struct {
		name string
		id   int64
		r    checklist.Response
		nf   bool
	}{
		{"unknown assessment", a.ID + 99, checklist.Response{AreaID: "x", ItemID: "1", Answer: checklist.Ja}, true},
		{"no item", a.ID, checklist.Response{AreaID: "x", Answer: checklist.Ja}, false},
		{"bad answer", a.ID, checklist.Response{AreaID: "x", ItemID: "1", Answer: 9}, false},
		{"level mismatch", a.ID, checklist.Response{AreaID: "x", ItemID: "1", Answer: checklist.Nej,
			Risk: &checklist.Risk{Probability: 1, Consequence: 1, Level: checklist.Hog}}, false},
		{"probability out of range", a.ID, checklist.Response{AreaID: "x", ItemID: "1", Answer: checklist.Nej,
			Risk: &checklist.Risk{Probability: 5, Consequence: 1}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.SaveResponse(ctx, tt.id, tt.r)
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrNotFound) != tt.nf {
				t.Errorf("ErrNotFound = %v, want %v (%v)", errors.Is(err, ErrNotFound), tt.nf, err)
			}
		})
	}
	got, _ := s.LoadAssessment(ctx, a.ID)
	if len(got.Responses) != 0 {
		t.Errorf("rejected responses stored: %v", got.Responses)
	}
}

func TestUnitsMatchCaseInsensitive(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("Avdelning Ö", "2026-01-01", "x"), nil)
	b := mustCreate(t, s, newAssessment("  avdelning ö ", "2026-02-01", "x"), nil)
	c := mustCreate(t, s, newAssessment("Akuten", "2026-02-01", "x"), nil)
	if a.UnitID != b.UnitID || b.Unit != "Avdelning Ö" {
		t.Errorf("same unit expected: %d %q / %d %q", a.UnitID, a.Unit, b.UnitID, b.Unit)
	}
	us, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []checklist.Unit{{ID: c.UnitID, Name: "Akuten"}, {ID: a.UnitID, Name: "Avdelning Ö"}}
	if !reflect.DeepEqual(us, want) {
		t.Errorf("Units = %v, want %v", us, want)
	}
}

func TestCreateAssessmentValidates(t *testing.T) {
	s := openTest(t)
	for _, a := range []checklist.Assessment{
		newAssessment(" ", "2026-01-01", "x"),
		newAssessment("E", "2026-01-01"),
		{Unit: "E", Areas: []checklist.AreaRef{{ID: "x"}}},
		newAssessment("E", "2026-01-01", "x", "x"),
	} {
		if _, err := s.CreateAssessment(context.Background(), a, nil); err == nil {
			t.Errorf("accepted %+v", a)
		}
	}
	if list, _ := s.ListAssessments(context.Background(), checklist.Today()); len(list) != 0 {
		t.Errorf("stored %d invalid assessments", len(list))
	}
}

func TestConcurrentWritesThroughOneStore(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("E", "2026-01-01", "x"), nil)
	const workers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				r := checklist.Response{AreaID: "x", ItemID: string(rune('a'+w)) + string(rune('a'+i)), Answer: checklist.Nej,
					Risk: &checklist.Risk{Probability: 2, Consequence: 2}}
				if err := s.SaveResponse(ctx, a.ID, r); err != nil {
					errs <- err
				}
				if _, err := s.SaveAction(ctx, checklist.Action{AssessmentID: a.ID, What: "åtgärd"}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got, err := s.LoadAssessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Responses) != workers*each || len(got.Actions) != workers*each {
		t.Errorf("%d responses and %d actions, want %d each", len(got.Responses), len(got.Actions), workers*each)
	}
}

// TestDefaultPath checks every system's rule on any system: the expected
// paths are written as that system writes them.
func TestDefaultPath(t *testing.T) {
	home := func() (string, error) { return "/home/anna", nil }
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	const local, roaming = `C:\Users\anna\AppData\Local`, `\\fs01\profiler$\anna\AppData\Roaming`
	tests := []struct {
		goos string
		env  map[string]string
		want string // "" for an error
	}{
		{"linux", map[string]string{"XDG_DATA_HOME": "/data"}, "/data/samkoll/samkoll.db"},
		{"linux", nil, "/home/anna/.local/share/samkoll/samkoll.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative"}, "/home/anna/.local/share/samkoll/samkoll.db"},
		{"darwin", nil, "/home/anna/Library/Application Support/samkoll/samkoll.db"},
		// Windows: the local folder, never the roaming one, which is often
		// on a share.
		{"windows", map[string]string{"LOCALAPPDATA": local, "APPDATA": roaming}, `C:\Users\anna\AppData\Local\samkoll\samkoll.db`},
		{"windows", map[string]string{"LOCALAPPDATA": `C:\Users\anna\AppData\Local\`}, `C:\Users\anna\AppData\Local\samkoll\samkoll.db`},
		{"windows", map[string]string{"APPDATA": roaming}, ""},
		{"windows", map[string]string{"LOCALAPPDATA": `AppData\Local`}, ""},
		{"windows", map[string]string{"LOCALAPPDATA": `C:AppData`}, ""},
	}
	for _, tt := range tests {
		got, err := defaultPath(tt.goos, env(tt.env), home)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%s %v: %q, want an error", tt.goos, tt.env, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s %v: %q, %v; want %q", tt.goos, tt.env, got, err, tt.want)
		}
	}
	if got := oldDefaultPath("windows", env(map[string]string{"APPDATA": roaming})); got != roaming+`\samkoll\samkoll.db` {
		t.Errorf("old Windows default %q", got)
	}
	if got := oldDefaultPath("linux", env(map[string]string{"APPDATA": roaming})); got != "" {
		t.Errorf("old Linux default %q, want none", got)
	}
}
