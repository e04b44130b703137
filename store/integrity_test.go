package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"samkoll/checklist"
)

// TestOpenLocksTheFileNotTheName opens a database and then the same file
// through a symbolic link and a hard link in the same process: both are
// refused as locked, and a read-only open still works.
func TestOpenLocksTheFileNotTheName(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sym, hard := filepath.Join(dir, "sym.db"), filepath.Join(dir, "hard.db")
	if err := os.Symlink(path, sym); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(path, hard); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{sym, hard} {
		_, err := Open(ctx, p)
		var oe *OpenError
		if !errors.As(err, &oe) || oe.Kind != Locked {
			t.Errorf("Open(%s) = %v, want Locked", filepath.Base(p), err)
		}
	}
	r, err := OpenReadOnly(ctx, hard)
	if err != nil {
		t.Fatalf("OpenReadOnly while a writer runs: %v", err)
	}
	r.Close()
}

// TestStaleNewFilesRemoved leaves the files of a creation that was killed
// and one that is still running (locked): Open removes the first and keeps
// the second, removes a side file whose database is gone, and keeps what
// belongs to another name. The folder's name has the characters a glob
// pattern would read as a class.
func TestStaleNewFilesRemoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "[enhet] *")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "samkoll.db")
	other := filepath.Join(dir, "samkoll.dbx.new-0004")
	if err := os.WriteFile(other, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{".new-dead0001", ".new-dead0001-wal", ".new-live0002", ".new-gone0003-shm"} {
		if err := os.WriteFile(path+n, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.OpenFile(path+".new-live0002", os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	release, err := lockDB(path+".new-live0002", f, true)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, n := range []string{".new-dead0001", ".new-dead0001-wal", ".new-gone0003-shm"} {
		if _, err := os.Stat(path + n); err == nil {
			t.Errorf("%s was not removed", n)
		}
	}
	for _, n := range []string{path + ".new-live0002", other} {
		if _, err := os.Stat(n); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(n), err)
		}
	}
}

// TestBackgroundCheckStopsWrites damages a page of a file larger than the
// size checked in Open: Open returns at once, and the first write fails
// with the Corrupt message instead of writing into the damaged file.
func TestBackgroundCheckStopsWrites(t *testing.T) {
	old := syncCheckBytes
	syncCheckBytes = 0
	defer func() { syncCheckBytes = old }()
	ctx := context.Background()
	path, s, a := storeWithAssessment(t)
	for i := range 3 {
		if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "omrade1", ItemID: string(rune('1' + i)), Answer: checklist.Ja}); err != nil {
			t.Fatal(err)
		}
	}
	var root int64
	if err := s.db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'answers'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Damage the answers table, which only the background check reads.
	damagePage(t, path, root)
	before, _ := os.ReadFile(path)

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open checked the pages before returning: %v", err)
	}
	defer s.Close()
	_, err = s.CreateAssessment(ctx, newAssessment("Ny", "2026-02-01", "omrade1"), map[string]int{"omrade1": 3})
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != Corrupt || oe.Path != path {
		t.Fatalf("write into a damaged file: %v, want Corrupt naming %s", err, path)
	}
	if err := s.Checked(ctx); err == nil {
		t.Error("Checked = nil for a damaged file")
	}
	s.Close()
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the damaged file was changed")
	}
}

// TestFullCheckRemembered opens an unchanged file twice: the second open
// does not check the pages again. A change to the file, here damage to a
// page with its time set back to an old one, makes the next open check it
// in full and refuse it.
func TestFullCheckRemembered(t *testing.T) {
	ctx := context.Background()
	path, s, a := storeWithAssessment(t)
	if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "omrade1", ItemID: "1", Answer: checklist.Ja}); err != nil {
		t.Fatal(err)
	}
	var root int64
	if err := s.db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'answers'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	s.Close()
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	open := func() error {
		r, err := OpenReadOnly(ctx, path)
		if err == nil {
			r.Close()
		}
		return err
	}
	n := pageChecks.Load()
	if err := open(); err != nil {
		t.Fatal(err)
	}
	if pageChecks.Load() != n+1 {
		t.Fatal("the first open did not check the pages")
	}
	if err := open(); err != nil {
		t.Fatal(err)
	}
	if pageChecks.Load() != n+1 {
		t.Error("the second open of the unchanged file checked the pages again")
	}
	damagePage(t, path, root)
	older := old.Add(-time.Minute)
	if err := os.Chtimes(path, older, older); err != nil {
		t.Fatal(err)
	}
	var oe *OpenError
	if err := open(); !errors.As(err, &oe) || oe.Kind != Corrupt {
		t.Errorf("open of the changed file = %v, want Corrupt", err)
	}
}

// TestBadStoredDateIsDamage: a date changed outside samkoll into one that
// does not parse is refused by the check on open, and where the check does
// not read it (a large file opened read-only checks the schema only) the
// read that meets it says the file is damaged, naming it, not
// "write YYYY-MM-DD" as if the user had typed it.
func TestBadStoredDateIsDamage(t *testing.T) {
	ctx := context.Background()
	path, s, a := storeWithAssessment(t)
	if _, err := s.SaveAction(ctx, checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, What: "Gör något"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE actions SET due = '2026-02-30'"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := OpenReadOnly(ctx, path)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != Corrupt || oe.Path != path {
		t.Fatalf("OpenReadOnly of a file with a due date of 30 February: %v, want Corrupt naming %s", err, path)
	}

	old := syncCheckBytes
	syncCheckBytes = 0
	defer func() { syncCheckBytes = old }()
	s, err = OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("OpenReadOnly of a large file checked more than the schema: %v", err)
	}
	defer s.Close()
	_, err = s.LoadAssessment(ctx, a.ID)
	if err == nil {
		t.Fatal("the bad date was read without an error")
	}
	if !errors.As(Explain(path, err), &oe) || oe.Kind != Corrupt {
		t.Errorf("reading the bad date: %v, want it explained as damage", err)
	}
}

// damagePage overwrites page number page (1-based, of 4096 bytes) of the
// database file at path with junk.
func damagePage(t *testing.T, path string, page int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i * 7)
	}
	if _, err := f.WriteAt(junk, (page-1)*4096); err != nil {
		t.Fatal(err)
	}
}

// TestRemoveStaleTemp removes a private folder older than a day, keeps a
// new one, and leaves a symbolic link by that name and its target alone.
func TestRemoveStaleTemp(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	old, err := os.MkdirTemp("", "samkoll-test-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(old, "kopia.db"), []byte("data"), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh, err := os.MkdirTemp("", "samkoll-test-")
	if err != nil {
		t.Fatal(err)
	}
	target := t.TempDir()
	link := filepath.Join(os.TempDir(), "samkoll-test-link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	long := time.Now().Add(-48 * time.Hour)
	for _, p := range []string{old, target} {
		if err := os.Chtimes(p, long, long); err != nil {
			t.Fatal(err)
		}
	}
	RemoveStaleTemp("samkoll-test-")
	if _, err := os.Stat(old); err == nil {
		t.Error("the folder from two days ago is still there")
	}
	for _, p := range []string{fresh, link, target} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
}

// storeWithAssessment opens a new database file and creates one
// assessment in it, of one area of three items; the caller closes the
// store.
func storeWithAssessment(t *testing.T) (path string, s *Store, a checklist.Assessment) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "samkoll.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return path, s, mustCreate(t, s, newAssessment("Enhet", "2026-01-01", "omrade1"), map[string]int{"omrade1": 3})
}
