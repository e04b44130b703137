package tui

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
	"samkoll/store"
)

// failingStore is a real SQLite store that fails its n-th write (counting
// from 1) with the error SQLite gives on a full disk; 0 never fails.
type failingStore struct {
	*store.Store
	mu     sync.Mutex
	writes int
	failAt int
}

// diskFull is SQLite's error on a full disk: code 13, SQLITE_FULL.
type diskFull struct{}

func (diskFull) Error() string { return "database or disk is full (13)" }
func (diskFull) Code() int     { return 13 }

func (f *failingStore) write() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.writes++
	if f.writes == f.failAt {
		return diskFull{}
	}
	return nil
}

func (f *failingStore) SaveResponse(ctx context.Context, id int64, r checklist.Response) error {
	if err := f.write(); err != nil {
		return err
	}
	return f.Store.SaveResponse(ctx, id, r)
}

func (f *failingStore) SaveAction(ctx context.Context, a checklist.Action) (checklist.Action, error) {
	if err := f.write(); err != nil {
		return checklist.Action{}, err
	}
	return f.Store.SaveAction(ctx, a)
}

func (f *failingStore) UpdateAssessment(ctx context.Context, a checklist.Assessment) error {
	if err := f.write(); err != nil {
		return err
	}
	return f.Store.UpdateAssessment(ctx, a)
}

// realStore opens a new database with one assessment on the test catalog's
// areas krank (3 items) and disk (2 items).
func realStore(t *testing.T) (*store.Store, checklist.Assessment) {
	t.Helper()
	return realStoreAt(t, filepath.Join(t.TempDir(), "samkoll.db"))
}

// realStoreAt is realStore with the database at path.
func realStoreAt(t *testing.T, path string) (*store.Store, checklist.Assessment) {
	t.Helper()
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a, err := s.CreateAssessment(context.Background(), checklist.Assessment{Unit: "Avd 1", Date: testToday,
		Areas: []checklist.AreaRef{{ID: "krank", Version: 1}, {ID: "disk", Version: 1}}},
		map[string]int{"krank": 3, "disk": 2})
	if err != nil {
		t.Fatal(err)
	}
	return s, a
}

// realDriver drives the app on st, with the walk of assessment id open.
func realDriver(t *testing.T, st Store, path string, id int64, lang checklist.Lang) *driver {
	t.Helper()
	m := New(Config{Store: st, Catalog: testCatalog(t), Lang: lang, DBPath: path,
		Today: func() checklist.Date { return testToday }})
	d := attach(t, m, nil)
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.send(openMsg{to: walkScreenID, id: id})
	if d.m.ActiveScreen() != "walk" {
		t.Fatalf("the walk did not open:\n%s", d.view())
	}
	return d
}

// flat joins the screen's words with single spaces, so that a wrapped
// message can be searched.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// burst sends keys to the model one after the other without running any
// command in between, as a fast typist or a paste does, and returns the
// commands in order.
func burst(d *driver, keys ...string) []tea.Cmd {
	var cmds []tea.Cmd
	for _, k := range keys {
		_, cmd := d.m.Update(keyMsg(k))
		cmds = append(cmds, cmd)
	}
	return cmds
}

// TestBurstSavesInKeyOrder sends "1 ← 3 enter" in one burst on the first
// item of a real database: until the store has confirmed, the screen shows
// the answer as pending and does not count it; afterwards the database and
// the screen both hold Nej with the risk.
func TestBurstSavesInKeyOrder(t *testing.T) {
	st, a := realStore(t)
	d := realDriver(t, st, st.Path(), a.ID, checklist.Swedish)
	cmds := burst(d, "1", "left", "3", "enter")
	cmds = append(cmds, burst(d, "left")...) // back to the item to look at it
	v := d.view()
	if !strings.Contains(v, "sparas") || !strings.Contains(v, "0/5 besvarade") {
		t.Fatalf("before the store confirmed, the screen shows the answer as saved:\n%s", v)
	}
	for _, c := range cmds {
		d.run(c)
	}
	got, err := st.LoadAssessment(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := got.Responses[checklist.ItemKey{AreaID: "krank", ItemID: "p1"}]
	if r.Answer != checklist.Nej || r.Risk == nil {
		t.Fatalf("database holds %+v, want Nej with a risk", r)
	}
	v = d.view()
	if strings.Contains(v, "sparas") || !strings.Contains(v, "1/5 besvarade") || !strings.Contains(v, "Svar: Nej · Risk: "+r.Risk.Level.Label(checklist.Swedish)) {
		t.Fatalf("after the store confirmed, the screen differs from the database (%+v):\n%s", r, v)
	}
}

// TestFailedWriteKeepsPreviousValue makes the second write of a real store
// fail: the answer stays unanswered on screen, a message that names what,
// why and the file stays until esc, the changes queued after it are not
// written, and pressing the key again saves it.
func TestFailedWriteKeepsPreviousValue(t *testing.T) {
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		t.Run(string(lang), func(t *testing.T) {
			real, a := realStore(t)
			st := &failingStore{Store: real, failAt: 2}
			d := realDriver(t, st, real.Path(), a.ID, lang)
			d.keys("1") // item 1: saved
			// Item 2 fails; item 3's answer, queued after it, is dropped.
			cmds := burst(d, "1", "1")
			for _, c := range cmds {
				d.run(c)
			}
			got, _ := real.LoadAssessment(context.Background(), a.ID)
			if len(got.Responses) != 1 {
				t.Fatalf("database holds %d answers, want 1: %+v", len(got.Responses), got.Responses)
			}
			want := map[checklist.Lang][]string{
				checklist.Swedish: {"Inte sparat: svaret Ja på Kränkande särbehandling, punkt 2 (och 1 ändringar efter den)", "Orsak: disken är full", "Fil: " + real.Path()},
				checklist.English: {"Not saved: the answer Yes to Kränkande särbehandling (en), item 2 (and 1 changes after it)", "Reason: the disk is full", "File: " + real.Path()},
			}[lang]
			v := flat(d.view())
			for _, w := range want {
				if !strings.Contains(v, flat(w)) {
					t.Errorf("the message lacks %q:\n%s", w, d.view())
				}
			}
			if want := map[checklist.Lang]string{checklist.Swedish: "1/5 besvarade", checklist.English: "1/5 answered"}[lang]; !strings.Contains(v, want) {
				t.Errorf("the screen counts answers that were not saved:\n%s", d.view())
			}
			// The message stays over other keys until esc.
			d.keys("left")
			if !strings.Contains(flat(d.view()), flat(want[0])) {
				t.Fatalf("the message went away on another key:\n%s", d.view())
			}
			if !strings.Contains(d.view(), map[checklist.Lang]string{checklist.Swedish: "Svar: Ej besvarad", checklist.English: "Answer: Not answered"}[lang]) {
				t.Errorf("item 3 does not show its previous (unanswered) value:\n%s", d.view())
			}
			d.keys("left", "1") // item 2 again
			got, _ = real.LoadAssessment(context.Background(), a.ID)
			if r := got.Responses[checklist.ItemKey{AreaID: "krank", ItemID: "p2"}]; r.Answer != checklist.Ja {
				t.Errorf("trying the key again did not save: %+v", r)
			}
			d.keys("esc")
			if strings.Contains(flat(d.view()), flat(want[0])) {
				t.Errorf("esc did not dismiss the message:\n%s", d.view())
			}
			if d.m.ActiveScreen() != "walk" {
				t.Errorf("esc that dismissed the message also left the walk")
			}
		})
	}
}

// TestReadOnlyStoreSavesNothing runs the walk on a database opened read
// only: every answer fails, and the screen never shows one as saved.
func TestReadOnlyStoreSavesNothing(t *testing.T) {
	real, a := realStore(t)
	path := real.Path()
	real.Close()
	ro, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	d := realDriver(t, ro, path, a.ID, checklist.Swedish)
	d.keys("1", "left")
	v := flat(d.view())
	if !strings.Contains(v, "Inte sparat: svaret Ja") || !strings.Contains(v, "Svar: Ej besvarad") || !strings.Contains(v, "0/5 besvarade") {
		t.Fatalf("a failed save on a read-only database is shown as saved:\n%s", d.view())
	}
}

// TestQuitWaitsForQueue: ctrl+c with changes still queued does not quit
// until they are saved.
func TestQuitWaitsForQueue(t *testing.T) {
	st, a := realStore(t)
	d := realDriver(t, st, st.Path(), a.ID, checklist.Swedish)
	cmds := burst(d, "1", "1", "1", "ctrl+c")
	if !strings.Contains(d.view(), "Sparar 3 ändringar innan samkoll stänger") {
		t.Fatalf("ctrl+c does not say it waits for the changes:\n%s", d.view())
	}
	for _, c := range cmds {
		d.run(c)
	}
	if !d.quit {
		t.Fatal("the app did not quit once the queue was empty")
	}
	got, _ := st.LoadAssessment(context.Background(), a.ID)
	if len(got.Responses) != 3 {
		t.Fatalf("after ctrl+c the database holds %d answers, want 3", len(got.Responses))
	}
}

// blockingStore is a real store whose answers wait until release is
// closed.
type blockingStore struct {
	*store.Store
	release chan struct{}
}

func (b *blockingStore) SaveResponse(ctx context.Context, id int64, r checklist.Response) error {
	select {
	case <-b.release:
	case <-ctx.Done():
		return ctx.Err()
	}
	return b.Store.SaveResponse(ctx, id, r)
}

// TestFinishSavesWhatIsLeft: when the program stopped with changes queued
// (the terminal went away, or the wait for the disk ran out), Finish saves
// them, and names those the disk did not take in time.
func TestFinishSavesWhatIsLeft(t *testing.T) {
	st, a := realStore(t)
	d := realDriver(t, st, st.Path(), a.ID, checklist.Swedish)
	burst(d, "1", "1") // the commands never run: the program is gone
	if lost := d.m.Finish(context.Background(), 5e9); len(lost) != 0 {
		t.Fatalf("Finish lost %v", lost)
	}
	got, _ := st.LoadAssessment(context.Background(), a.ID)
	if len(got.Responses) != 2 {
		t.Fatalf("after Finish the database holds %d answers, want 2", len(got.Responses))
	}

	// A disk that does not answer: Finish gives up after its bound and says
	// what was not saved.
	bs := &blockingStore{Store: st, release: make(chan struct{})}
	defer close(bs.release)
	d = realDriver(t, bs, st.Path(), a.ID, checklist.Swedish)
	burst(d, "1", "1")
	lost := d.m.Finish(context.Background(), 1e8)
	if len(lost) != 1 || !strings.Contains(lost[0], "disken svarade inte i tid") || !strings.Contains(lost[0], "(och 1 ändringar efter den)") {
		t.Fatalf("Finish on a silent disk said %q", lost)
	}
}
