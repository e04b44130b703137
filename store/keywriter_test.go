package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"samkoll/checklist"
)

// A write that fails on the key writer's connection leaves no transaction
// open there: the other connections write at once, and the next answer is
// saved on a new connection.
func TestKeyWriterAfterFailure(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		fail func(s *Store) error
	}{
		{"answer to a missing assessment", func(s *Store) error {
			return s.SaveResponse(ctx, 999, checklist.Response{AreaID: "sam", ItemID: "s1", Answer: checklist.Ja})
		}},
		{"removed answer of a missing assessment", func(s *Store) error {
			return s.SaveResponse(ctx, 999, checklist.Response{AreaID: "sam", ItemID: "s1"})
		}},
		{"cancelled", func(s *Store) error {
			c, cancel := context.WithCancel(ctx)
			cancel()
			return s.SaveResponse(c, 1, checklist.Response{AreaID: "sam", ItemID: "s1", Answer: checklist.Ja})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			a := mustCreate(t, s, newAssessment("Avdelning 1", "2026-03-01", "sam"), map[string]int{"sam": 3})
			if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "sam", ItemID: "s2", Answer: checklist.Nej}); err != nil {
				t.Fatal(err)
			}
			if err := tc.fail(s); err == nil {
				t.Fatal("the failing write succeeded")
			}
			// Another connection takes the write lock at once: no
			// transaction was left open (busy_timeout would wait 5 s).
			start := time.Now()
			mustCreate(t, s, newAssessment("Avdelning 2", "2026-03-02", "sam"), map[string]int{"sam": 3})
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("the next write on another connection waited %v", d)
			}
			if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "sam", ItemID: "s1", Answer: checklist.Ja}); err != nil {
				t.Fatalf("the next answer: %v", err)
			}
			got, err := s.LoadAssessment(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Responses[checklist.ItemKey{AreaID: "sam", ItemID: "s1"}].Answer != checklist.Ja ||
				got.Responses[checklist.ItemKey{AreaID: "sam", ItemID: "s2"}].Answer != checklist.Nej || len(got.Responses) != 2 {
				t.Errorf("answers after the failure: %+v", got.Responses)
			}
		})
	}
}

// Close closes the key writer's connection with the others: the last
// connection's close folds the write-ahead log into the file and removes
// it, and a write after Close is refused.
func TestCloseClosesKeyWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "samkoll.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := mustCreate(t, s, newAssessment("Avdelning 1", "2026-03-01", "sam"), map[string]int{"sam": 3})
	if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "sam", ItemID: "s1", Answer: checklist.Ja}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDraft(ctx, a.ID, "kommentar", "halvskriven"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the log is still there after Close (%v): a connection was left open", err)
	}
	if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "sam", ItemID: "s2", Answer: checklist.Ja}); err == nil {
		t.Error("an answer was saved after Close")
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.LoadAssessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Responses) != 1 {
		t.Errorf("answers after reopening: %+v", got.Responses)
	}
	drafts, err := s.Drafts(ctx, a.ID)
	if err != nil || drafts["kommentar"].Text != "halvskriven" {
		t.Errorf("drafts after reopening: %v, %v", drafts, err)
	}
}

// Answers and drafts saved from several goroutines at once, beside other
// writes, are each their own transaction on the key writer's connection:
// every one is stored, none fails.
func TestKeyWriterConcurrent(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustCreate(t, s, newAssessment("Avdelning 1", "2026-03-01", "sam"), map[string]int{"sam": 100})
	const workers, each = 4, 25
	errs := make(chan error, workers*each*2+workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				item := fmt.Sprintf("s%d", w*each+i)
				errs <- s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "sam", ItemID: item, Answer: checklist.Delvis})
				_, err := s.SaveDraft(ctx, a.ID, "kommentar-"+item, "utkast")
				errs <- err
			}
			_, err := s.CreateAssessment(ctx, newAssessment(fmt.Sprintf("Avdelning %d", w+2), "2026-03-02", "sam"), map[string]int{"sam": 100})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.LoadAssessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	drafts, err := s.Drafts(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Responses) != workers*each || len(drafts) != workers*each {
		t.Errorf("%d answers and %d drafts stored, want %d of each", len(got.Responses), len(drafts), workers*each)
	}
}
