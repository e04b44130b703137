package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samkoll/checklist"
)

// TestImportJournal: an import into an empty database writes its pages
// once, through a rollback journal, not into the write-ahead log as well
// (bulkJournal), and leaves the file in WAL mode with no journal beside it;
// an import into a database that has assessments goes through the log.
func TestImportJournal(t *testing.T) {
	ctx := context.Background()
	src, _ := demoStore(t)
	var file bytes.Buffer
	if err := src.ExportJSON(ctx, &file, nil); err != nil {
		t.Fatal(err)
	}
	logSize := func(s *Store) int64 {
		fi, err := os.Stat(s.Path() + "-wal")
		if errors.Is(err, fs.ErrNotExist) {
			return 0
		}
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	mode := func(s *Store) string {
		var m string
		if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}

	empty := openTest(t)
	res, err := empty.ImportJSON(ctx, bytes.NewReader(file.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if res.AssessmentsCreated != 60 {
		t.Fatalf("imported %d assessments, want 60", res.AssessmentsCreated)
	}
	if n := logSize(empty); n != 0 {
		t.Errorf("the import into an empty database wrote %d bytes of log", n)
	}
	if m := mode(empty); m != "wal" {
		t.Errorf("journal mode after the import is %q, want wal", m)
	}
	if _, err := os.Stat(empty.Path() + "-journal"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a journal is left beside the database: %v", err)
	}
	// The next write goes through the log again.
	list, err := empty.ListAssessments(ctx, checklist.Today())
	if err != nil || len(list) == 0 {
		t.Fatal(list, err)
	}
	if err := empty.DeleteAssessment(ctx, list[0].ID); err != nil {
		t.Fatal(err)
	}
	if logSize(empty) == 0 {
		t.Error("a write after the import left the log empty: not in WAL mode")
	}

	full := openTest(t)
	if _, err := full.CreateAssessment(ctx, checklist.Assessment{Unit: "En annan enhet", Date: checklist.Today(),
		Areas: []checklist.AreaRef{{ID: "omrade1", Version: 1, Hash: "x"}}}, map[string]int{"omrade1": 10}); err != nil {
		t.Fatal(err)
	}
	before := logSize(full)
	if _, err := full.ImportJSON(ctx, bytes.NewReader(file.Bytes())); err != nil {
		t.Fatal(err)
	}
	if logSize(full) <= before {
		t.Errorf("the import into a database with assessments did not write the log (%d bytes, %d before)", logSize(full), before)
	}
}

// TestReadOnlyAfterCutOffWrite: a file with the journal of a write that
// was cut off beside it (a crash in the middle of a transaction in
// rollback mode, made here by copying both while the transaction is open)
// is refused by OpenReadOnly as Interrupted, saying to start samkoll once,
// not as damaged; Open plays the journal back, and the file then reads
// as before the write.
func TestReadOnlyAfterCutOffWrite(t *testing.T) {
	ctx := context.Background()
	src := makeDB(t)
	db, err := sql.Open("sqlite", dsn(src, false, true)) // the network form: a rollback journal
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA journal_mode = DELETE"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "DELETE FROM actions"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "samkoll.db")
	copyFile(t, src, path)
	copyFile(t, src+"-journal", path+"-journal")
	conn.ExecContext(ctx, "ROLLBACK")

	_, err = OpenReadOnly(ctx, path)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != Interrupted {
		t.Fatalf("OpenReadOnly: %v, want Interrupted", err)
	}
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		if msg := checklist.Message(err, lang); !strings.Contains(msg, "samkoll") || strings.Contains(msg, "skadad") || strings.Contains(msg, "damaged") {
			t.Errorf("message in %v: %s", lang, msg)
		}
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.Close()
	if _, err := os.Stat(path + "-journal"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the journal is still there after Open: %v", err)
	}
	r, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("OpenReadOnly after Open: %v", err)
	}
	defer r.Close()
	var n int
	if err := r.db.QueryRowContext(ctx, "SELECT count(*) FROM actions").Scan(&n); err != nil || n != 1 {
		t.Errorf("actions after the playback: %d, %v; want the one from before the cut-off write", n, err)
	}
}

// TestOpenAfterCutOffCheckpoint: a checkpoint copies the write-ahead log
// into the file page by page, the first page (whose header gives the
// file's new size) first, and grows the file as it goes. Killed in the
// middle, it leaves a file shorter than its header says beside a log that
// still holds every page; SQLite reads them from the log. Open must not
// refuse that file as cut short. Made here by writing the checkpointed
// first page into a copy of the file taken before the checkpoint.
func TestOpenAfterCutOffCheckpoint(t *testing.T) {
	ctx := context.Background()
	src := makeDB(t)
	db, err := sql.Open("sqlite", "file:"+src+"?_pragma=journal_mode(WAL)&_pragma=wal_autocheckpoint(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Grow the database well past its file, in the log only.
	var before int64
	if fi, err := os.Stat(src); err == nil {
		before = fi.Size()
	}
	for i := range 200 {
		name := fmt.Sprintf("Enhet %d %s", i, strings.Repeat("x", 1000))
		if _, err := conn.ExecContext(ctx, `INSERT INTO units (name, name_key, created) VALUES (?, lower(?), '2026-01-01T00:00:00Z')`,
			name, name); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "samkoll.db")
	copyFile(t, src, path)
	copyFile(t, src+"-wal", path+"-wal")
	// The checkpoint's first page, with the grown size in its header.
	if _, err := conn.ExecContext(ctx, "PRAGMA wal_checkpoint(FULL)"); err != nil {
		t.Fatal(err)
	}
	grown, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(grown)) <= before {
		t.Fatalf("the database did not grow (%d → %d bytes): the test shows nothing", before, len(grown))
	}
	overwrite(t, path, 0, grown[:4096])

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open after a cut-off checkpoint: %v", err)
	}
	defer s.Close()
	var units int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM units").Scan(&units); err != nil || units != 201 {
		t.Errorf("units after the open: %d, %v; want 201", units, err)
	}
}
