//go:build !windows

package store

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"samkoll/checklist"
)

// TestNewDatabaseIsPrivate creates a database in a new directory with a
// permissive umask and checks that the directory is 0700 and the database,
// its write-ahead log, shared-memory and lock files are 0600: a workplace's
// assessments are readable by the owner only.
func TestNewDatabaseIsPrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "samkoll")
	path := filepath.Join(dir, "samkoll.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := mustCreate(t, s, newAssessment("E", "2026-01-01", "x"), map[string]int{"x": 3})
	if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "x", ItemID: "1", Answer: checklist.Nej, Comment: "c"}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %o, want 700", fi.Mode().Perm())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Name()] = true
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %o, want 600", e.Name(), info.Mode().Perm())
		}
	}
	want := []string{"samkoll.db", "samkoll.db-wal"}
	if runtime.GOOS != "linux" && runtime.GOOS != "windows" {
		want = append(want, "samkoll.db.lock") // the lock is a separate file there (lock_bsd.go)
	}
	for _, want := range want {
		if !names[want] {
			t.Errorf("%s was not created (have %v)", want, names)
		}
	}
}
