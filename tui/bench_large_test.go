package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"samkoll/assets"
	"samkoll/checklist"
	"samkoll/store"
)

// The benchmarks in this file run the app on a real SQLite store (WAL,
// synchronous=FULL) holding 10, 1,000 or 10,000 demo assessments, to show
// that start-up and per-key costs do not grow with the stored data. The
// databases are built lazily by the first benchmark that needs them and
// cached in the system's temp directory; `go test ./...` never builds them.

var largeSizes = []int{10, 1000, 10000}

var largeFixtures struct {
	sync.Mutex
	cat  *checklist.Catalog
	path map[int]string
}

// largeCatalog is the built-in catalog and the areas the demo assessments
// walk: the core areas, then others until there are at least 150 items.
func largeCatalog(b *testing.B) (*checklist.Catalog, []*checklist.Area) {
	b.Helper()
	cat, errs := checklist.Load(assets.FS, "")
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	var areas []*checklist.Area
	items := 0
	for _, core := range []bool{true, false} {
		for _, a := range cat.Areas {
			if a.Core == core && (core || items < 150) {
				areas = append(areas, a)
				items += len(a.Items)
			}
		}
	}
	return cat, areas
}

// largeStore opens a private copy of the cached database with n demo
// assessments over the built-in checklists.
func largeStore(b *testing.B, n int) (Store, *store.Store, *checklist.Catalog) {
	b.Helper()
	largeFixtures.Lock()
	cat, areas := largeCatalog(b)
	path := largeFixtures.path[n]
	if path == "" {
		dir := filepath.Join(os.TempDir(), "samkoll-bench-cache")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			b.Fatal(err)
		}
		path = filepath.Join(dir, fmt.Sprintf("tui-%d-v%d.db", n, store.SchemaVersion))
		if _, err := os.Stat(path); err != nil {
			tmp := filepath.Join(b.TempDir(), "build.db")
			s, err := store.Open(context.Background(), tmp)
			if err != nil {
				b.Fatal(err)
			}
			if err := store.FillDemo(context.Background(), s, areas, n, 1); err != nil {
				b.Fatal(err)
			}
			// Closing the last connection checkpoints the WAL into the
			// main file, so the one file is the whole database.
			s.Close()
			if _, err := os.Stat(tmp + "-wal"); err == nil {
				b.Fatalf("%s-wal left after close", tmp)
			}
			if err := os.Rename(tmp, path); err != nil {
				b.Fatal(err)
			}
		}
		if largeFixtures.path == nil {
			largeFixtures.path = map[int]string{}
		}
		largeFixtures.path[n] = path
	}
	largeFixtures.Unlock()

	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	copyPath := filepath.Join(b.TempDir(), "samkoll.db")
	writeSynced(b, copyPath, data)
	s, err := store.Open(context.Background(), copyPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, s, cat
}

// firstFrame runs New, the size message, Init's commands (the first units
// or the first page, from the store) and the first View, as the program
// does before the first frame reaches the terminal. It returns the work
// that follows the first frame (the rest of the list, the units in full),
// which is not part of it and is not run.
func firstFrame(b *testing.B, s Store, cat *checklist.Catalog) (*Model, tea.Cmd) {
	m := New(Config{Store: s, Catalog: cat, Today: func() checklist.Date { return pbToday }})
	benchSend(b, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	rest := fillFirstFrame(b, m)
	_ = m.View()
	return m, rest
}

// heapMB is the live heap after a collection, in MB.
func heapMB() float64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// BenchmarkLarge measures, at each database size: the first frame; one
// answer key with its durable autosave; moving between items; and opening
// an assessment of about 150 items on the walk.
func BenchmarkLarge(b *testing.B) {
	for _, n := range largeSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			s, raw, cat := largeStore(b, n)
			b.Run("FirstFrame", func(b *testing.B) {
				b.ReportAllocs()
				var m *Model
				for b.Loop() {
					m, _ = firstFrame(b, s, cat)
				}
				b.StopTimer()
				h := m.sh // keep the last model alive for the heap figure
				b.ReportMetric(heapMB(), "heap-MB")
				_ = h
				if got := m.View().Content; len(got) == 0 {
					b.Fatal("empty first frame")
				}
			})
			b.Run("AnswerKey", func(b *testing.B) { benchAnswer(b, s) })
			b.Run("MoveItem", func(b *testing.B) {
				m, _ := benchWalk(b, s)
				left, right := keyMsg("left"), keyMsg("right")
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					k := right
					if i%2 == 1 {
						k = left
					}
					benchSend(b, m, k)
					_ = m.View()
					i++
				}
			})
			b.Run("OpenAssessment", func(b *testing.B) {
				list, err := raw.ListAssessments(context.Background(), pbToday)
				if err != nil {
					b.Fatal(err)
				}
				id := list[0].ID
				a, err := raw.LoadAssessment(context.Background(), id)
				if err != nil {
					b.Fatal(err)
				}
				// The walk offers the areas' items and the group's own items.
				items := len(a.OwnItems)
				for _, ref := range a.Areas {
					items += len(cat.Area(ref.ID).Items)
				}
				// The start's own reads go first, as in the program: a read
				// queued behind them waits for them.
				m, rest := firstFrame(b, s, cat)
				benchRun(b, m, rest)
				b.ReportAllocs()
				for b.Loop() {
					benchSend(b, m, openMsg{to: walkScreenID, id: id})
					_ = m.View()
					b.StopTimer()
					w, ok := m.active().(*walkScreen)
					if !ok || len(w.items) != items {
						b.Fatalf("active screen %T, want the walk with %d items", m.active(), items)
					}
					m.stack = m.stack[:1]
					b.StartTimer()
				}
				b.ReportMetric(float64(items), "items")
			})
		})
	}
}

// writeSynced writes data to a new file at path and waits until it is on
// the disk. Without the wait, the first fsyncs of a benchmark's writes
// would also wait for the hundreds of megabytes of the copy (with ext4's
// ordered data they share the journal's commits), which no user's answer
// waits for.
func writeSynced(b *testing.B, path string, data []byte) {
	b.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		b.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}
