package store

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
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
