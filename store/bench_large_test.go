package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"samkoll/checklist"
)

// The benchmarks in this file show how the costs grow with the number of
// stored assessments. Their databases are built lazily, inside the first
// benchmark that needs them, and cached in the system's temp directory, so
// that `go test ./...` never builds them and later runs reuse them.

// benchSizes are the database sizes the growth benchmarks run at.
var benchSizes = []int{10, 1000, 10000}

var benchFixtures struct {
	sync.Mutex
	path map[int]string
}

// benchFixturePath returns the path of a cached database with n demo
// assessments of 150 answers each (seed 1), building it when missing. The
// file is keyed by n and the schema version, and written under a temporary
// name first, so a half-built file is never used.
func benchFixturePath(b *testing.B, n int) string {
	b.Helper()
	benchFixtures.Lock()
	defer benchFixtures.Unlock()
	if p := benchFixtures.path[n]; p != "" {
		return p
	}
	dir := filepath.Join(os.TempDir(), "samkoll-bench-cache")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("store-%d-v%d.db", n, SchemaVersion))
	if _, err := os.Stat(path); err != nil {
		tmp := filepath.Join(b.TempDir(), "build.db")
		s, err := Open(context.Background(), tmp)
		if err != nil {
			b.Fatal(err)
		}
		if err := FillDemo(context.Background(), s, demoAreas(10, 15), n, 1); err != nil {
			b.Fatal(err)
		}
		// A checkpoint folds the WAL into the file, so one file is a copy.
		if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			b.Fatal(err)
		}
		s.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	if benchFixtures.path == nil {
		benchFixtures.path = map[int]string{}
	}
	benchFixtures.path[n] = path
	return path
}

// benchFixtureStore opens a private copy of the cached database with n
// assessments.
func benchFixtureStore(b *testing.B, n int) *Store {
	b.Helper()
	path := filepath.Join(b.TempDir(), "samkoll.db")
	copyFileB(b, benchFixturePath(b, n), path)
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// reportHeap reports the live heap after a collection, in MB.
func reportHeap(b *testing.B) {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
}

// BenchmarkFillDemo is samkoll demo: 1,000 assessments of 150 answers each
// written into a new database.
func BenchmarkFillDemo(b *testing.B) {
	areas := demoAreas(10, 15)
	for b.Loop() {
		b.StopTimer()
		s, err := Open(context.Background(), filepath.Join(b.TempDir(), "samkoll.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := FillDemo(context.Background(), s, areas, 1000, 1); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkGrowth runs the start screen's list, opening one assessment, an
// autosave and the JSON export and import of one assessment at 10, 1,000
// and 10,000 stored assessments.
func BenchmarkGrowth(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			s := benchFixtureStore(b, n)
			list, err := s.ListAssessments(ctx, checklist.Today())
			if err != nil {
				b.Fatal(err)
			}
			if len(list) != n {
				b.Fatalf("%d assessments, want %d", len(list), n)
			}
			id := list[len(list)/2].ID
			b.Run("ListAssessments", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.ListAssessments(ctx, checklist.Today()); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("LoadAssessment", func(b *testing.B) {
				for b.Loop() {
					a, err := s.LoadAssessment(ctx, id)
					if err != nil {
						b.Fatal(err)
					}
					if len(a.Responses) < 100 {
						b.Fatalf("%d responses", len(a.Responses))
					}
				}
			})
			b.Run("SaveResponse", func(b *testing.B) {
				answers := []checklist.Answer{checklist.Ja, checklist.Delvis, checklist.Nej}
				i := 0
				for b.Loop() {
					r := checklist.Response{AreaID: "omrade1", ItemID: "1.1", Answer: answers[i%3]}
					if r.Answer.IsShortcoming() {
						r.Risk = &checklist.Risk{Probability: 2, Consequence: 3, Level: checklist.LevelFor(2, 3)}
					}
					if err := s.SaveResponse(ctx, id, r); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
			b.Run("ExportJSONAll", func(b *testing.B) {
				var buf bytes.Buffer
				for b.Loop() {
					buf.Reset()
					if err := s.ExportJSON(ctx, &buf, nil); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(buf.Len())/(1<<20), "out-MB")
				reportHeap(b)
			})
			b.Run("ImportJSONAll", func(b *testing.B) {
				var buf bytes.Buffer
				if err := s.ExportJSON(ctx, &buf, nil); err != nil {
					b.Fatal(err)
				}
				data := buf.Bytes()
				for b.Loop() {
					b.StopTimer()
					dst := openTest(b)
					b.StartTimer()
					res, err := dst.ImportJSON(ctx, bytes.NewReader(data))
					if err != nil {
						b.Fatal(err)
					}
					if res.AssessmentsCreated != n {
						b.Fatalf("imported %d assessments, want %d", res.AssessmentsCreated, n)
					}
				}
			})
		})
	}
}
