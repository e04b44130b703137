//go:build !windows

package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samkoll/checklist"
	"samkoll/store"
)

// These tests attack the database file through the real binary: links
// that reach it under another name, damage the header checks cannot see,
// a -wal from elsewhere, a full disk, leftovers of a killed creation. Each
// run of the binary has a watchdog (runBinLimited), so a hang fails the
// test instead of stalling it.

// runBinLimited runs the binary with a 60 s watchdog and returns stdout,
// stderr and the exit code.
func runBinLimited(t *testing.T, bin string, args ...string) (string, string, int) {
	t.Helper()
	return runShell(t, "", bin, args...)
}

// runShell runs the binary through sh with prefix before it and a fresh
// HOME; see runSamkoll.
func runShell(t *testing.T, prefix, bin string, args ...string) (string, string, int) {
	t.Helper()
	return runSamkoll(t, prefix, t.TempDir(), bin, args...)
}

// checkCleanFailure fails unless the run failed with one short message on
// stderr that holds every part in want, and no stack trace.
func checkCleanFailure(t *testing.T, what, stdout, stderr string, code int, want ...string) {
	t.Helper()
	if code == 0 {
		t.Errorf("%s: exit 0, want a failure\n%s%s", what, stdout, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%s: stderr lacks %q:\n%s", what, w, stderr)
		}
	}
	for _, bad := range []string{"goroutine ", "panic:", "(11)", "(1)", "SQL logic error", "malformed", "parsing time", ".."} {
		if strings.Contains(stderr, bad) {
			t.Errorf("%s: stderr holds %q:\n%s", what, bad, stderr)
		}
	}
}

// TestLockHoldsThroughLinks holds the database open for writing and runs
// the binary on the same file through a symbolic link, a hard link and a
// path with ".." in it: each must be refused as locked, and the file is
// unchanged. Then two binaries fill the same file through two hard links
// at once: one is refused or they run one after the other, and the file
// is sound afterwards.
func TestLockHoldsThroughLinks(t *testing.T) {
	dir := t.TempDir()
	bin := hostileBinary(t)
	db := filepath.Join(dir, "a.db")
	realDB(t, db)
	sym := filepath.Join(dir, "sym.db")
	hard := filepath.Join(dir, "hard.db")
	if err := os.Symlink(db, sym); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	dotdot := filepath.Join(dir, "sub", "..", "a.db")

	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	before := dirState(t, dir)
	for _, p := range []string{sym, hard, dotdot} {
		stdout, stderr, code := runBinLimited(t, bin, "--db", p, "demo", "--force", "--assessments", "1")
		checkCleanFailure(t, "demo through "+filepath.Base(p), stdout, stderr, code, "används redan")
	}
	s.Close()
	after := dirState(t, dir)
	if fmt.Sprint(before["a.db"]) != fmt.Sprint(after["a.db"]) {
		t.Error("a.db changed while it was locked")
	}

	// Two writers at once through two hard links.
	type result struct {
		stderr string
		code   int
	}
	results := make(chan result, 2)
	for _, p := range []string{db, hard} {
		go func() {
			_, stderr, code := runShell(t, "", bin, "--db", p, "demo", "--force", "--assessments", "30")
			results <- result{stderr, code}
		}()
	}
	for range 2 {
		r := <-results
		if r.code != 0 && !strings.Contains(r.stderr, "används redan") {
			t.Errorf("a writer failed otherwise than locked (exit %d): %s", r.code, r.stderr)
		}
	}
	checkSound(t, db)
}

// checkSound fails unless integrity_check of the database at path is ok.
func checkSound(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check of %s: %q, %v", path, res, err)
	}
}

// exec runs SQL on the database at path, outside samkoll.
func execSQL(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// demoDB makes a database with n demo assessments through the binary.
func demoDB(t *testing.T, bin, path string, n int) {
	t.Helper()
	if out, errOut, code := runBinLimited(t, bin, "--db", path, "demo", "--assessments", fmt.Sprint(n)); code != 0 {
		t.Fatalf("demo: exit %d\n%s%s", code, out, errOut)
	}
}

// TestDamagedDatabaseIsRefused damages a database where the header check
// cannot see it (a page in the middle, a dropped table, a bad time, a bad
// date) and puts another database's -wal next to a good one. The app,
// export (read-only), import into it and import from it refuse each with
// one message that names the file and says how to restore, and leave
// every file byte-identical.
func TestDamagedDatabaseIsRefused(t *testing.T) {
	dir := t.TempDir()
	bin := hostileBinary(t)
	good := filepath.Join(dir, "good.db")
	demoDB(t, bin, good, 20)
	importFile := filepath.Join(dir, "in.json")
	if out, errOut, code := runBinLimited(t, bin, "--db", good, "export", "--format", "json", "--all", "-o", importFile); code != 0 {
		t.Fatalf("export: %s%s", out, errOut)
	}

	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
		want   string
	}{
		{"page overwritten in the middle", func(t *testing.T, path string) {
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			junk := bytes.Repeat([]byte{0xA5, 0x5A, 0x00, 0xFF}, 1024)
			if _, err := f.WriteAt(junk, (fi.Size()/4096/2)*4096); err != nil {
				t.Fatal(err)
			}
		}, "skadad"},
		{"dropped table", func(t *testing.T, path string) {
			execSQL(t, path, "DROP TABLE assessment_actions")
		}, "skadad"},
		{"bad time", func(t *testing.T, path string) {
			execSQL(t, path, "UPDATE assessments SET updated = 'igår' WHERE id = (SELECT min(id) FROM assessments)")
		}, "skadad"},
		{"bad due date", func(t *testing.T, path string) {
			execSQL(t, path, "UPDATE actions SET due = 'igår' WHERE id = (SELECT min(id) FROM actions)")
		}, "skadad"},
		{"impossible meeting date", func(t *testing.T, path string) {
			execSQL(t, path, "UPDATE assessments SET meeting_date = '2026-02-30' WHERE id = (SELECT max(id) FROM assessments)")
		}, "skadad"},
		{"foreign wal", func(t *testing.T, path string) {
			// Another samkoll database with its own assessments, its log
			// taken while it is open.
			other := filepath.Join(t.TempDir(), "other.db")
			ctx := context.Background()
			s, err := store.Open(ctx, other)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for i := range 5 {
				if _, err := s.CreateAssessment(ctx, checklist.Assessment{Unit: fmt.Sprintf("Annan %d", i), Date: checklist.Date{Year: 2025, Month: 1, Day: 1 + i},
					Areas: []checklist.AreaRef{{ID: "sam", Version: 1, Hash: "x"}}}, map[string]int{"sam": 15}); err != nil {
					t.Fatal(err)
				}
			}
			b, err := os.ReadFile(other + "-wal")
			if err != nil || len(b) == 0 {
				t.Fatalf("no log to take: %v", err)
			}
			if err := os.WriteFile(path+"-wal", b, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "-wal"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sub := t.TempDir()
			db := filepath.Join(sub, "samkoll.db")
			b, err := os.ReadFile(good)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(db, b, 0o600); err != nil {
				t.Fatal(err)
			}
			tc.damage(t, db)
			before := dirState(t, sub)
			for _, args := range [][]string{
				{}, // the app, which refuses before it takes the terminal
				{"export"},
				{"export", "--format", "json", "--all"},
				{"import", importFile},
			} {
				stdout, stderr, code := runBinLimited(t, bin, append([]string{"--db", db}, args...)...)
				checkCleanFailure(t, strings.Join(args, " "), stdout, stderr, code, db, tc.want)
			}
			// The damaged file as the source of an import into another.
			other := filepath.Join(t.TempDir(), "annan.db")
			stdout, stderr, code := runBinLimited(t, bin, "--db", other, "import", db)
			checkCleanFailure(t, "import of the damaged file", stdout, stderr, code, db, tc.want)
			if after := dirState(t, sub); fmt.Sprint(before) != fmt.Sprint(after) {
				t.Errorf("the files changed:\nbefore %v\nafter  %v", keys(before), keys(after))
			}
		})
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s (%d bytes)", k, len(v)))
	}
	return out
}

// TestMessagesNameTheRightThing covers the cases where samkoll used to
// name the wrong file or leave files behind: a folder where a lock file
// used to be, a --db that is a dangling link, a full disk when the
// database is created, and the leftovers of a samkoll killed while
// creating one.
func TestMessagesNameTheRightThing(t *testing.T) {
	bin := hostileBinary(t)

	t.Run("lock folder", func(t *testing.T) {
		sub := t.TempDir()
		db := filepath.Join(sub, "samkoll.db")
		realDB(t, db)
		if err := os.Mkdir(db+".lock", 0o700); err != nil {
			t.Fatal(err)
		}
		before := dirState(t, sub)
		if out, errOut, code := runBinLimited(t, bin, "--db", db, "export"); code != 0 {
			t.Fatalf("export with a folder at samkoll.db.lock: exit %d\n%s%s", code, out, errOut)
		}
		if after := dirState(t, sub); fmt.Sprint(before) != fmt.Sprint(after) {
			t.Errorf("export changed the folder: %v", keys(after))
		}
	})

	t.Run("dangling link", func(t *testing.T) {
		sub := t.TempDir()
		link := filepath.Join(sub, "samkoll.db")
		target := filepath.Join(sub, "finns-inte", "riktig.db")
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, code := runBinLimited(t, bin, "--db", link, "demo", "--assessments", "1")
		checkCleanFailure(t, "demo on a dangling link", stdout, stderr, code, link, target)
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v %v", fi, err)
		}
		if _, err := os.Stat(filepath.Dir(target)); err == nil {
			t.Error("the link's target folder was created")
		}
	})

	t.Run("full disk on create", func(t *testing.T) {
		sub := t.TempDir()
		db := filepath.Join(sub, "samkoll.db")
		// ulimit -f makes the file system refuse to grow a file past
		// 16 KiB, as a full disk would; SIGXFSZ is ignored so that the
		// write fails instead of killing samkoll.
		stdout, stderr, code := runShell(t, "trap '' XFSZ; ulimit -f 16;", bin, "--db", db, "demo", "--assessments", "1")
		checkCleanFailure(t, "demo on a full disk", stdout, stderr, code, db, "inte plats")
		if entries, _ := os.ReadDir(sub); len(entries) != 0 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("left behind: %v", names)
		}
	})

	t.Run("leftovers of a killed creation", func(t *testing.T) {
		sub := t.TempDir()
		db := filepath.Join(sub, "samkoll.db")
		for _, n := range []string{".new-0badf00d", ".new-0badf00d-wal", ".new-0badf00d-shm", ".new-12345678-journal"} {
			if err := os.WriteFile(db+n, []byte("half"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if out, errOut, code := runBinLimited(t, bin, "--db", db, "demo", "--assessments", "1"); code != 0 {
			t.Fatalf("demo: exit %d\n%s%s", code, out, errOut)
		}
		left, _ := filepath.Glob(db + ".new-*")
		if len(left) != 0 {
			t.Errorf("left behind: %v", left)
		}
	})
}
