package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
	"samkoll/store"
)

// firstListMsg runs Init's commands in order until the message that
// fills the first frame arrives and returns it: the first units where the
// store can show them, else the first page of assessments. The work after
// the first frame is not run. It fails when no such message comes, so a
// benchmark cannot measure an empty screen by mistake.
func firstListMsg(b testing.TB, cmd tea.Cmd) tea.Msg {
	b.Helper()
	msg := findMsg(cmd, func(msg tea.Msg) bool {
		switch msg.(type) {
		case assessmentsLoadedMsg, firstUnitsMsg:
			return true
		}
		return false
	})
	if msg == nil {
		b.Fatal("Init loaded no list")
	}
	return msg
}

// findMsg runs cmd, and the commands of the batches and sequences it
// gives, in order until one gives a message that is, and returns it.
func findMsg(cmd tea.Cmd, is func(tea.Msg) bool) tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if is(msg) {
		return msg
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice { // tea.BatchMsg or a sequence
		for i := range v.Len() {
			if next, ok := v.Index(i).Interface().(tea.Cmd); ok {
				if found := findMsg(next, is); found != nil {
					return found
				}
			}
		}
	}
	return nil
}

// fillFirstFrame gives m what its first frame shows, as the program does:
// the first units and, where the start screen shows the list instead (one
// unit or none), the first page of the list, which the units' message
// asks for. It returns the command of the last message, the work after
// the first frame, which it does not run.
func fillFirstFrame(b testing.TB, m *Model) (rest tea.Cmd) {
	b.Helper()
	msg := firstListMsg(b, m.Init())
	_, cmd := m.Update(msg)
	if u, ok := msg.(firstUnitsMsg); ok && len(u.units) <= 1 {
		page := findMsg(cmd, func(msg tea.Msg) bool { _, ok := msg.(assessmentsLoadedMsg); return ok })
		if page == nil {
			b.Fatal("no first page after one unit")
		}
		_, cmd = m.Update(page)
	}
	return cmd
}

// benchRun executes cmd synchronously and feeds its messages back to m, the
// way the runtime would. The status line's expiry timer is not run, and an
// error fails the benchmark.
func benchRun(b testing.TB, m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			benchRun(b, m, c)
		}
	case errMsg:
		b.Fatal(msg.err)
	case statusMsg:
		m.Update(msg) // its command is the expiry timer
	default:
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice {
			for i := range v.Len() {
				if c, ok := v.Index(i).Interface().(tea.Cmd); ok {
					benchRun(b, m, c)
				}
			}
			return
		}
		_, next := m.Update(msg)
		benchRun(b, m, next)
	}
}

// benchSend delivers msg and runs the resulting commands.
func benchSend(b testing.TB, m *Model, msg tea.Msg) {
	_, cmd := m.Update(msg)
	benchRun(b, m, cmd)
}

// benchWalk creates a 150-item assessment (three areas of 50) in s and
// returns the root model on its walk.
func benchWalk(b testing.TB, s Store) (*Model, *checklist.Catalog) {
	cat := pbCatalog(b, 50, "sam", "osa", "halsa")
	m := New(Config{Store: s, Catalog: cat, Today: func() checklist.Date { return pbToday }})
	benchSend(b, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	var refs []checklist.AreaRef
	counts := map[string]int{}
	for _, ar := range cat.Areas {
		refs = append(refs, checklist.AreaRef{ID: ar.ID, Version: ar.Version, Hash: ar.Hash})
		counts[ar.ID] = len(ar.Items)
	}
	a, err := s.CreateAssessment(context.Background(), checklist.Assessment{Unit: "Avdelning 7", Date: pbToday, Areas: refs}, counts)
	if err != nil {
		b.Fatal(err)
	}
	benchSend(b, m, openMsg{to: walkScreenID, id: a.ID})
	if _, ok := m.active().(*walkScreen); !ok {
		b.Fatalf("active screen %T, want the walk", m.active())
	}
	return m, cat
}

// benchAnswer measures one answer key (Ja: save, move on) with the save
// command run and the next frame rendered. After the last item the walk is
// rewound outside the timer.
func benchAnswer(b *testing.B, s Store) {
	m, _ := benchWalk(b, s)
	w := m.active().(*walkScreen)
	key := keyMsg("1")
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if w.idx == len(w.items)-1 {
			b.StopTimer()
			w.idx = 0
			b.StartTimer()
		}
		benchSend(b, m, key)
		_ = m.View()
	}
}

// BenchmarkAnswerKey is Update plus View for one answer key on a 150-item
// assessment, with the in-memory fake store.
func BenchmarkAnswerKey(b *testing.B) { benchAnswer(b, newFakeStore()) }

// BenchmarkAnswerKeyStore is BenchmarkAnswerKey on a real SQLite store, so
// the durable commit of the autosave is included.
func BenchmarkAnswerKeyStore(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "samkoll.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	benchAnswer(b, st)
}

// BenchmarkAnswerKeyDB is BenchmarkAnswerKeyStore on the database file
// named by SAMKOLL_BENCH_DB (skipped without it): a new assessment among
// the stored ones, so that the answer's durable commit writes into tables
// and indexes of that size. scripts/answerkey.sh runs it on copies of the
// demo databases of 10, 1,000 and 10,000 assessments.
func BenchmarkAnswerKeyDB(b *testing.B) {
	path := os.Getenv("SAMKOLL_BENCH_DB")
	if path == "" {
		b.Skip("SAMKOLL_BENCH_DB names no database")
	}
	st, err := store.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	benchAnswer(b, st)
}

// BenchmarkMoveItem is Update plus View for ← or → between items.
func BenchmarkMoveItem(b *testing.B) {
	m, _ := benchWalk(b, newFakeStore())
	w := m.active().(*walkScreen)
	left, right := keyMsg("left"), keyMsg("right")
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		k := right
		if i%2 == 1 {
			k = left
		}
		benchSend(b, m, k)
		_ = m.View()
	}
	b.StopTimer()
	if w.idx > 1 {
		b.Fatalf("walk moved to %d", w.idx)
	}
}

// BenchmarkInitToFirstView is New, Init (with the list loaded) and the
// first View with 1,000 assessments in the store.
func BenchmarkInitToFirstView(b *testing.B) {
	f := newFakeStore()
	cat := pbCatalog(b, 10, "sam", "osa")
	refs := []checklist.AreaRef{{ID: "sam", Version: 1}, {ID: "osa", Version: 1}}
	for i := range 1000 {
		d := pbToday.AddDays(-i)
		if _, err := f.CreateAssessment(context.Background(), checklist.Assessment{
			Unit: fmt.Sprintf("Enhet %d", i%40), Date: d, Areas: refs,
		}, map[string]int{"sam": 10, "osa": 10}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		m := New(Config{Store: f, Catalog: cat, Today: func() checklist.Date { return pbToday }})
		benchSend(b, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		// The work that follows the first frame (checklists, the whole
		// list) is not part of it: its command is not run.
		fillFirstFrame(b, m)
		_ = m.View()
	}
}

// TestBenchSetUp guards the benchmarks' set-up: the walk opens on a
// 150-item assessment and an answer is saved and moves on.
func TestBenchSetUp(t *testing.T) {
	f := newFakeStore()
	m, _ := benchWalk(t, f)
	w := m.active().(*walkScreen)
	if len(w.items) != 150 {
		t.Fatalf("walk has %d items, want 150", len(w.items))
	}
	benchSend(t, m, keyMsg("1"))
	if w.idx != 1 || f.calls["SaveResponse"] != 1 {
		t.Fatalf("after one answer idx %d, saves %d", w.idx, f.calls["SaveResponse"])
	}
}
