package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
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
