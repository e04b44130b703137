//go:build !windows

package main

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"samkoll/store"
)

// importCrashChildEnv makes the test binary act as the child of
// TestImportCrashSafety: it imports the file named by
// SAMKOLL_IMPORT_CRASH_FILE into the database it names.
const importCrashChildEnv = "SAMKOLL_IMPORT_CRASH_CHILD_DB"

// TestImportCrashSafety kills `samkoll import` into an empty database with
// SIGKILL at random moments. An import into an empty database writes
// through a rollback journal rather than the write-ahead log (bulkJournal
// in store): after every kill samkoll must open the file, find it whole
// (integrity_check), with none of the file's assessments or all of them,
// back in WAL mode and with no journal left beside it.
func TestImportCrashSafety(t *testing.T) {
	if os.Getenv(importCrashChildEnv) != "" {
		t.Skip("child mode")
	}
	cliHome(t)
	kills := 12
	if testing.Short() {
		kills = 4
	}
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.db")
	if _, _, err := runDemoCmd(t, "sv_SE.UTF-8", "--db", demo, "--assessments", "150", "--seed", "5"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "export.json")
	if _, stderr, err := runCLI(t, "--db", demo, "export", "--all", "--format", "json", "-o", file); err != nil {
		t.Fatalf("export: %v: %s", err, stderr)
	}
	want := countAssessments(t, demo)

	rng := rand.New(rand.NewPCG(3, 4))
	var whole time.Duration // a child's whole import, from round 0
	sawNone, sawAll, sawJournal := false, false, false
	for round := 0; round <= kills; round++ {
		db := filepath.Join(dir, "tom.db")
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(db + suffix)
		}
		s, err := store.Open(context.Background(), db) // empty, with its schema
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportCrashChild$", "-test.v=false")
		cmd.Env = append(os.Environ(), importCrashChildEnv+"="+db, "SAMKOLL_IMPORT_CRASH_FILE="+file)
		cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
		started := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if round == 0 {
			if err := cmd.Wait(); err != nil {
				t.Fatalf("the child's import failed: %v", err)
			}
			whole = time.Since(started)
		} else {
			time.Sleep(time.Duration(rng.Int64N(int64(whole))))
			_ = cmd.Process.Signal(syscall.SIGKILL)
			_ = cmd.Wait()
		}

		if fi, err := os.Stat(db + "-journal"); err == nil && fi.Size() > 0 {
			sawJournal = true // killed mid-import: SQLite plays it back below
		}
		s, err = store.Open(context.Background(), db)
		if err != nil {
			t.Fatalf("round %d: samkoll cannot open the database after the kill: %v", round, err)
		}
		s.Close()
		switch n := countAssessments(t, db); n {
		case 0:
			sawNone = true
		case want:
			sawAll = true
		default:
			t.Fatalf("round %d: %d assessments after the kill, want 0 or %d", round, n, want)
		}
		if _, err := os.Stat(db + "-journal"); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("round %d: a journal is left beside the database (%v)", round, err)
		}
		checkSound(t, db)
		checkWAL(t, db, round)
	}
	if !sawAll || (kills >= 12 && !(sawNone && sawJournal)) {
		t.Errorf("the kills did not reach every case (none %v, all %v, a journal left %v): the test proved little",
			sawNone, sawAll, sawJournal)
	}
}

// checkWAL fails unless the database at path is in WAL mode: bytes 18
// and 19 of its header are 2.
func checkWAL(t *testing.T, path string, round int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hdr := make([]byte, 20)
	if _, err := io.ReadFull(f, hdr); err != nil {
		t.Fatal(err)
	}
	if hdr[18] != 2 || hdr[19] != 2 {
		t.Fatalf("round %d: the database is not in WAL mode (header bytes %d %d)", round, hdr[18], hdr[19])
	}
}

// TestImportCrashChild is the child of TestImportCrashSafety.
func TestImportCrashChild(t *testing.T) {
	db := os.Getenv(importCrashChildEnv)
	if db == "" {
		t.Skip("only run as the child of TestImportCrashSafety")
	}
	if _, stderr, err := runCLI(t, "--db", db, "import", os.Getenv("SAMKOLL_IMPORT_CRASH_FILE")); err != nil {
		t.Fatalf("import: %v: %s", err, stderr)
	}
}
