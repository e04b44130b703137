package store

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"samkoll/checklist"
)

// walAtRest returns the path of a copy of a database whose latest change is
// still only in its write-ahead log, as after a power cut: the copy is
// taken while the writer is open.
func walAtRest(t *testing.T, dir string) string {
	t.Helper()
	src := makeDB(t)
	s, err := Open(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustCreate(t, s, newAssessment("I loggen", "2026-03-01", "x"), map[string]int{"x": 2})
	path := filepath.Join(dir, "samkoll.db")
	os.MkdirAll(dir, 0o700)
	for _, suffix := range []string{"", "-wal"} {
		copyFile(t, src+suffix, path+suffix)
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("no write-ahead log to move: %v", err)
	}
	return path
}

func TestMoveDatabase(t *testing.T) {
	ctx := context.Background()
	crossVolume := func(string, string) error { return &os.LinkError{Op: "rename", Err: syscall.EXDEV} }
	for name, rename := range map[string]func(string, string) error{"same volume": os.Rename, "across volumes": crossVolume} {
		t.Run(name, func(t *testing.T) {
			base := t.TempDir()
			from := walAtRest(t, filepath.Join(base, "Roaming", "samkoll"))
			to := filepath.Join(base, "Local", "samkoll", "samkoll.db")
			moved, err := moveDatabase(ctx, from, to, rename)
			if err != nil || !moved {
				t.Fatalf("moved %v, %v", moved, err)
			}
			for _, suffix := range []string{"", "-wal", "-shm", ".lock"} {
				if _, err := os.Stat(from + suffix); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s still at the old place: %v", filepath.Base(from+suffix), err)
				}
			}
			if entries, _ := os.ReadDir(filepath.Dir(to)); len(entries) == 0 {
				t.Fatal("nothing at the new place")
			}
			s, err := Open(ctx, to)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			list, err := s.ListAssessments(ctx, checklist.Date{})
			if err != nil || len(list) != 2 {
				t.Fatalf("%d assessments, %v; want 2, the one in the log too", len(list), err)
			}
			// Once: with the file at the new place nothing moves again.
			walAtRest(t, filepath.Dir(from))
			if moved, err := moveDatabase(ctx, from, to, rename); moved || err != nil {
				t.Errorf("second move: %v, %v", moved, err)
			}
			if _, err := os.Stat(from); err != nil {
				t.Errorf("the second old file was touched: %v", err)
			}
		})
	}
}

func TestMoveDatabaseNothingToMove(t *testing.T) {
	base := t.TempDir()
	moved, err := moveDatabase(context.Background(), filepath.Join(base, "old", "samkoll.db"), filepath.Join(base, "new", "samkoll.db"), os.Rename)
	if moved || err != nil {
		t.Errorf("moved %v, %v", moved, err)
	}
	if _, err := os.Stat(filepath.Join(base, "new")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a folder was made for nothing: %v", err)
	}
}

// TestMoveDatabaseInUse: a samkoll (an older version) still running on the
// old file keeps it where it is.
func TestMoveDatabaseInUse(t *testing.T) {
	ctx := context.Background()
	from := makeDB(t)
	s, err := Open(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	to := filepath.Join(t.TempDir(), "samkoll", "samkoll.db")
	moved, err := moveDatabase(ctx, from, to, os.Rename)
	var oe *OpenError
	if moved || !errors.As(err, &oe) || oe.Kind != Locked || oe.Path != from {
		t.Fatalf("moved %v, %v; want Locked on %s", moved, err, from)
	}
	if _, err := os.Stat(to); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("something at the new place: %v", err)
	}
}

// TestMoveFileCopyFails: when the copy across volumes cannot be made, the
// original stays and no temporary file is left.
func TestMoveFileCopyFails(t *testing.T) {
	dir := t.TempDir()
	from := filepath.Join(dir, "a.db")
	os.WriteFile(from, []byte("data"), 0o600)
	to := filepath.Join(dir, "saknas", "a.db") // no such folder
	err := moveFile(from, to, func(string, string) error { return syscall.EXDEV })
	if err == nil {
		t.Fatal("no error")
	}
	f, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "data" {
		t.Errorf("original %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}
