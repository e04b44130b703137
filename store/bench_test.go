package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"samkoll/checklist"
)

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// benchDB returns a copy of a database with 1,000 assessments of 150
// answers each, built once per test binary.
func benchDB(b *testing.B) *Store {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "samkoll-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "bench.db")
		s, err := Open(context.Background(), benchPath)
		if err != nil {
			benchErr = err
			return
		}
		benchErr = FillDemo(context.Background(), s, demoAreas(10, 15), 1000, 1)
		s.Close()
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	path := filepath.Join(b.TempDir(), "samkoll.db")
	copyFileB(b, benchPath, path)
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkSaveResponse(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	a := mustCreate(b, s, newAssessment("E", "2026-01-01", "x"), nil)
	answers := []checklist.Answer{checklist.Ja, checklist.Delvis, checklist.Nej, checklist.EjAktuellt}
	i := 0
	for b.Loop() {
		r := checklist.Response{AreaID: "x", ItemID: "1", Answer: answers[i%4], Comment: "kommentar"}
		if r.Answer.IsShortcoming() {
			r.Risk = &checklist.Risk{Probability: 2, Consequence: 3}
		}
		if err := s.SaveResponse(ctx, a.ID, r); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkLoadAssessment(b *testing.B) {
	ctx := context.Background()
	s := benchDB(b)
	list, err := s.ListAssessments(ctx, checklist.Today())
	if err != nil {
		b.Fatal(err)
	}
	id := list[len(list)/2].ID
	for b.Loop() {
		a, err := s.LoadAssessment(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		if len(a.Responses) < 100 {
			b.Fatalf("%d responses", len(a.Responses))
		}
	}
}

func BenchmarkCreateAssessmentWithCarryOver(b *testing.B) {
	ctx := context.Background()
	s := benchDB(b)
	counts := map[string]int{}
	for _, a := range demoAreas(10, 15) {
		counts[a.ID] = len(a.Items)
	}
	carried := 0
	for b.Loop() {
		a, err := s.CreateAssessment(ctx, newAssessment(demoUnits[0], "2026-12-01", "omrade1", "omrade2"), counts)
		if err != nil {
			b.Fatal(err)
		}
		carried = len(a.Actions)
	}
	if carried == 0 {
		b.Fatal("nothing carried over")
	}
}

func BenchmarkListAssessments(b *testing.B) {
	ctx := context.Background()
	s := benchDB(b)
	for b.Loop() {
		if _, err := s.ListAssessments(ctx, checklist.Today()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMain keeps the records of checked files (checkmemo.go) in a
// temporary folder, and removes the shared benchmark database after the
// run.
func TestMain(m *testing.M) {
	memo, err := os.MkdirTemp("", "samkoll-checked-")
	if err != nil {
		panic(err)
	}
	checkMemoDir = func() string { return memo }
	code := m.Run()
	os.RemoveAll(memo)
	if benchPath != "" {
		os.RemoveAll(filepath.Dir(benchPath))
	}
	os.Exit(code)
}

func copyFileB(b *testing.B, from, to string) {
	b.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRawInsertCommit is the floor of a durable write: one INSERT in
// its own transaction, committed, on a database opened with samkoll's DSN
// (WAL, synchronous=FULL) through modernc.org/sqlite and database/sql,
// without the store. scripts/answerkey.sh compares the app's answer key
// (tui BenchmarkAnswerKeyStore) with it in the same run.
func BenchmarkRawInsertCommit(b *testing.B) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", dsn(filepath.Join(b.TempDir(), "raw.db"), false, false))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"); err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO t (v) VALUES (?)", "ja"); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
