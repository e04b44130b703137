//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// smallDisk mounts a tmpfs of size (such as "64k") on a new folder and
// unmounts it at the end; it skips the test where mounting is not allowed.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0700"); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v): the full-disk test needs root or CAP_SYS_ADMIN", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// fill writes a file into dir until the file system is full.
func fill(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "fyllnad"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			return
		}
	}
}

// TestFullDiskThroughTheBinary runs the real binary on real small file
// systems: a new database that does not fit, an import that does not fit,
// a writer and an import on a disk filled to the last byte, and export -o
// onto a full disk. Each says the disk is full and names the file, in
// Swedish, with no SQLite words ("database or disk is full (13)", "disk
// I/O error (4874)"); the database stays as it was and sound.
func TestFullDiskThroughTheBinary(t *testing.T) {
	bin := hostileBinary(t)
	home := t.TempDir()
	noSQLite := func(what, stderr string) {
		t.Helper()
		for _, bad := range []string{"(13)", "(4874)", "disk I/O", "database or disk", "goroutine "} {
			if strings.Contains(stderr, bad) {
				t.Errorf("%s: stderr holds %q: %s", what, bad, stderr)
			}
		}
	}

	t.Run("new database", func(t *testing.T) {
		disk := smallDisk(t, "64k")
		db := filepath.Join(disk, "samkoll.db")
		_, stderr, code := runBin(t, bin, home, "--db", db, "demo", "--assessments", "1")
		if code == 0 || !strings.Contains(stderr, db) || !strings.Contains(stderr, "inte plats") {
			t.Errorf("demo on a 64 KiB disk: exit %d: %s", code, stderr)
		}
		noSQLite("demo", stderr)
		if entries, _ := os.ReadDir(disk); len(entries) != 0 {
			t.Errorf("left behind on the disk: %v", entries)
		}
	})

	// Around the size of a new database with its log (about 500 KiB): the
	// log may fit where the file it is copied into does not. Whatever
	// does not fit is said plainly, and what is left is a sound database
	// or nothing; never a file whose header names pages it does not hold
	// (which the next start would call damaged).
	for _, size := range []string{"320k", "384k", "448k", "512k", "576k"} {
		t.Run("new database on "+size, func(t *testing.T) {
			disk := smallDisk(t, size)
			db := filepath.Join(disk, "samkoll.db")
			_, stderr, code := runBin(t, bin, home, "--db", db, "demo", "--assessments", "1")
			if code != 0 {
				if !strings.Contains(stderr, db) || !strings.Contains(stderr, "inte plats") {
					t.Errorf("exit %d: %s", code, stderr)
				}
				noSQLite(size, stderr)
			}
			if _, err := os.Stat(db); err == nil {
				checkSound(t, db)
			} else if entries, _ := os.ReadDir(disk); len(entries) != 0 {
				t.Errorf("no database, but left behind on the disk: %v", entries)
			}
		})
	}

	// A JSON file of 60 assessments of other units: about 2 MB, more
	// than the disk below holds once imported.
	src := filepath.Join(t.TempDir(), "andra.db")
	if _, stderr, code := runBin(t, bin, home, "--db", src, "demo", "--assessments", "60", "--first-unit", "20"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	js := filepath.Join(t.TempDir(), "andra.json")
	if _, stderr, code := runBin(t, bin, home, "--db", src, "export", "--format", "json", "--all", "-o", js); code != 0 {
		t.Fatalf("export: %s", stderr)
	}

	t.Run("import that does not fit", func(t *testing.T) {
		disk := smallDisk(t, "700k")
		db := filepath.Join(disk, "samkoll.db")
		if _, stderr, code := runBin(t, bin, home, "--db", db, "demo", "--assessments", "2"); code != 0 {
			t.Fatalf("demo on 700 KiB: %s", stderr)
		}
		_, stderr, code := runBin(t, bin, home, "--db", db, "import", js)
		if code == 0 || !strings.Contains(stderr, db) || !strings.Contains(stderr, "inte plats") {
			t.Errorf("import that does not fit: exit %d: %s", code, stderr)
		}
		noSQLite("import that does not fit", stderr)
		checkSound(t, db)
	})

	t.Run("disk full to the last byte", func(t *testing.T) {
		// SQLite cannot even make its -shm file: "disk I/O error (4874)".
		disk := smallDisk(t, "700k")
		db := filepath.Join(disk, "samkoll.db")
		if _, stderr, code := runBin(t, bin, home, "--db", db, "demo", "--assessments", "2"); code != 0 {
			t.Fatalf("demo on 700 KiB: %s", stderr)
		}
		before, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		fill(t, disk)
		for _, args := range [][]string{
			{"demo", "--force", "--assessments", "1"},
			{"import", js},
		} {
			name := "samkoll " + strings.Join(args, " ")
			_, stderr, code := runBin(t, bin, home, append([]string{"--db", db}, args...)...)
			if code == 0 || !strings.Contains(stderr, db) || !strings.Contains(stderr, "inte plats") {
				t.Errorf("%s on a full disk: exit %d: %s", name, code, stderr)
			}
			noSQLite(name, stderr)
		}
		if after, _ := os.ReadFile(db); string(before) != string(after) {
			t.Error("the database changed")
		}
		os.Remove(filepath.Join(disk, "fyllnad"))
		checkSound(t, db)
	})

	t.Run("export onto a full disk", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "samkoll.db")
		realDB(t, db)
		disk := smallDisk(t, "64k")
		fill(t, disk)
		out := filepath.Join(disk, "plan.md")
		_, stderr, code := runBin(t, bin, home, "--db", db, "export", "-o", out)
		if code == 0 || !strings.Contains(stderr, out) || !strings.Contains(stderr, "full") {
			t.Errorf("export -o on a full disk: exit %d: %s", code, stderr)
		}
		noSQLite("export -o", stderr)
		if entries, _ := os.ReadDir(disk); len(entries) != 1 {
			t.Errorf("export -o left files on the full disk: %v", entries)
		}
	})
}
