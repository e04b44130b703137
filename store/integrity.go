package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// This file checks a database before samkoll trusts it: the pages
// (PRAGMA quick_check), the schema (every table, column, index and trigger
// the migrations made is there), the stored times, and a write-ahead log
// left next to the file, which must belong to it.

// syncCheckBytes is the file size up to which Open checks every page
// before it returns (about 120 assessments, a few tens of milliseconds).
// A larger file is checked in the background, and writes wait for the
// result; see startCheck.
var syncCheckBytes int64 = 2 << 20

// checkIntegrity checks the open database at schema version v in full,
// before it returns: the schema against what the migrations make, every
// page and index entry (quick_check) and the stored times. A problem is an
// *OpenError (Corrupt) naming the path and the newest backup.
func (s *Store) checkIntegrity(ctx context.Context, v int) error {
	if err := s.checkSchema(ctx, v); err != nil {
		return err
	}
	if v == SchemaVersion {
		if err := s.checkTimes(ctx, false); err != nil {
			return err
		}
	}
	return s.checkPages(ctx, v)
}

// startCheck checks the open database at the current schema version: the
// schema at once, then the stored times and the pages, at once for a file
// of at most syncCheckBytes and in the background otherwise, so that the
// first screen does not wait for them (at 10,000 assessments the times of
// the small tables take 80 ms and quick_check seconds). A file that
// passed this full check and has not changed since (checkmemo.go) gets
// the schema check only. Until the
// background check has passed, every write waits for it (see tx), so
// nothing is ever written into a damaged file.
func (s *Store) startCheck(ctx context.Context, size int64) error {
	if err := s.checkSchema(ctx, SchemaVersion); err != nil {
		return err
	}
	id, memo := fileIdentity(s.path)
	if memo && wasChecked(s.path, id) {
		s.foldAfterOpen(ctx)
		return nil // this very file, unchanged, passed a full check (checkmemo.go)
	}
	if size <= syncCheckBytes {
		if err := s.checkFull(ctx, id, memo); err != nil {
			return err
		}
		s.foldAfterOpen(ctx)
		return nil
	}
	bg, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	s.check = &backgroundCheck{done: done, cancel: cancel}
	go func() {
		defer close(done)
		// The first screen is drawn first: on two cores the check would
		// compete with it.
		select {
		case <-time.After(backgroundCheckDelay):
		case <-bg.Done():
		}
		s.check.err = s.checkFull(bg, id, memo)
		if s.check.err == nil {
			s.foldAfterOpen(bg)
		}
	}()
	return nil
}

// foldAfterOpen folds into latest_answers what a session that ended
// without Close left in latest_pending (latest.go), once the file has
// passed its check. A failure is left for the next Close or open to
// retry: the readers merge the pending answers in meanwhile, so it costs
// nothing but that merge, and it must not keep the user from the data.
func (s *Store) foldAfterOpen(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, foldTimeout)
	defer cancel()
	s.foldPendingNow(ctx)
}

// foldTimeout bounds folding latest_pending at open and close: seconds
// for the assessments of many sessions, milliseconds for one.
const foldTimeout = 10 * time.Second

// backgroundCheckDelay is how long the background check of the pages
// waits before it starts, so that the first screen does not share the
// processor with it. Writes wait for the check all the same.
var backgroundCheckDelay = 300 * time.Millisecond

// backgroundCheck is a check of the pages running after Open returned.
type backgroundCheck struct {
	done   chan struct{}
	cancel context.CancelFunc
	// err is the result; read only after done is closed.
	err error
}

// Checked waits for the check of the file that Open started and returns
// its result: nil, or an *OpenError (Corrupt) naming the path. A file of
// at most syncCheckBytes was checked before Open returned. Every write
// calls it first.
func (s *Store) Checked(ctx context.Context) error {
	if s.check == nil {
		return nil
	}
	select {
	case <-s.check.done:
		return s.check.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stopCheck ends a background check early, for Close.
func (s *Store) stopCheck() {
	if s.check != nil {
		s.check.cancel()
		<-s.check.done
	}
}

// checkPages runs quick_check over every page and index and checks the
// times of the answers.
func (s *Store) checkPages(ctx context.Context, v int) error {
	pageChecks.Add(1)
	rows, err := s.db.QueryContext(ctx, "PRAGMA quick_check(20)")
	if err != nil {
		return s.damaged(err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return s.damaged(err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return s.damaged(err)
	}
	if len(problems) > 0 {
		return s.damaged(errors.New(strings.Join(problems, "; ")))
	}
	if v == SchemaVersion {
		return s.checkTimes(ctx, true)
	}
	return nil
}

// pageChecks counts the runs of checkPages, for tests.
var pageChecks atomic.Int64

// damaged returns the Corrupt *OpenError for s with cause err, naming the
// newest backup next to the file.
func (s *Store) damaged(err error) error {
	var oe *OpenError
	if errors.As(err, &oe) {
		return err
	}
	return &OpenError{Kind: Corrupt, Path: s.path, Err: err, Backup: newestBackup(s.path)}
}

// newestBackup returns the newest path.bak-* file, or "".
func newestBackup(path string) string {
	names, _ := filepath.Glob(globEscape(path) + ".bak-*")
	best, bestTime := "", int64(0)
	for _, n := range names {
		fi, err := os.Stat(n)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
			continue
		}
		if t := fi.ModTime().UnixNano(); best == "" || t > bestTime {
			best, bestTime = n, t
		}
	}
	return best
}

// schemaObject is one table column, index or trigger of the schema.
type schemaObject struct{ kind, table, name string }

var (
	expectedMu     sync.Mutex
	expectedByVers = map[int][]schemaObject{}
)

// expectedSchema returns the schema objects that the first v migrations
// make: for the current version the list kept in schema_expected.go (held
// to the migrations by TestExpectedSchemaCurrent; running nine migrations
// in memory took 9 ms of every start), else found by running them on an
// empty in-memory database once.
func expectedSchema(ctx context.Context, v int) ([]schemaObject, error) {
	if v == SchemaVersion && expectedVersion == SchemaVersion {
		return expectedObjects, nil
	}
	return migratedSchema(ctx, v)
}

// migratedSchema returns the schema objects that the first v migrations
// make, by running them on an empty in-memory database once.
func migratedSchema(ctx context.Context, v int) ([]schemaObject, error) {
	expectedMu.Lock()
	defer expectedMu.Unlock()
	if objs, ok := expectedByVers[v]; ok {
		return objs, nil
	}
	db, err := sql.Open("sqlite", "file:expected?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: ":memory:"}
	if err := s.migrateTo(ctx, 0, v); err != nil {
		return nil, err
	}
	objs, err := schemaObjects(ctx, db)
	if err != nil {
		return nil, err
	}
	expectedByVers[v] = objs
	return objs, nil
}

// schemaObjects lists the columns of every table and the indexes and
// triggers of db, SQLite's own objects left out.
func schemaObjects(ctx context.Context, db *sql.DB) ([]schemaObject, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT 'column', m.name, p.name FROM sqlite_schema m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
		UNION ALL
		SELECT type, tbl_name, name FROM sqlite_schema
		WHERE type IN ('index', 'trigger', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.table, &o.name); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// checkSchema compares the database's schema with what the first v
// migrations make: a table, column, index or trigger that is missing
// means the file was changed outside samkoll. Objects added by others
// are left alone.
func (s *Store) checkSchema(ctx context.Context, v int) error {
	want, err := expectedSchema(ctx, v)
	if err != nil {
		return err
	}
	have, err := schemaObjects(ctx, s.db)
	if err != nil {
		return s.damaged(err)
	}
	var missing []string
	for _, o := range want {
		if !slices.Contains(have, o) {
			missing = append(missing, fmt.Sprintf("%s %s.%s", o.kind, o.table, o.name))
		}
	}
	if len(missing) > 0 {
		if len(missing) > 5 {
			missing = append(missing[:5], "…")
		}
		return s.damaged(fmt.Errorf("saknas: %s", strings.Join(missing, ", ")))
	}
	return nil
}

// timeColumns are the columns that hold a time as fmtTime writes it; an
// empty value means none. big marks the large table, checked with the
// pages.
var timeColumns = []struct {
	table, column string
	big           bool
}{
	{"units", "created", false},
	{"assessments", "created", false}, {"assessments", "updated", false},
	{"actions", "created", false}, {"actions", "updated", false},
	{"own_items", "created", false}, {"own_items", "updated", false},
	{"drafts", "saved", false},
	{"answers", "answered_at", true},
}

// timeGlob matches what fmtTime writes: 2006-01-02T15:04:05.000000000Z.
const timeGlob = "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z"

// dateColumns are the columns of the small tables that hold a date as
// YYYY-MM-DD; an empty value means none.
var dateColumns = []struct{ table, column string }{
	{"assessments", "meeting_date"},
	{"actions", "due"}, {"actions", "done_on"}, {"actions", "checked_on"},
	{"own_items", "since"}, {"own_items", "retired"},
	{"reevaluations", "evaluated_on"},
}

// checkTimes finds stored times that parseTime would refuse, in the small
// tables or in the big one, and, with the small tables, stored dates that
// checklist.ParseDate would refuse: a day that does not exist (SQLite's
// date() moves 2026-02-30 on to March) or a year outside 1900–2200.
func (s *Store) checkTimes(ctx context.Context, big bool) error {
	check := func(table, column, query string) error {
		var bad string
		err := s.db.QueryRowContext(ctx, query).Scan(&bad)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil
		case err != nil:
			return s.damaged(err)
		}
		return s.damaged(fmt.Errorf("ogiltig tid i %s.%s: %q", table, column, bad))
	}
	for _, c := range timeColumns {
		if c.big != big {
			continue
		}
		where := "%[2]s NOT GLOB '%[3]s'"
		if !big {
			where += " OR date(%[2]s) IS NULL OR date(%[2]s) <> substr(%[2]s, 1, 10)"
		}
		if err := check(c.table, c.column, fmt.Sprintf("SELECT %[2]s FROM %[1]s WHERE %[2]s <> '' AND ("+where+") LIMIT 1",
			c.table, c.column, timeGlob)); err != nil {
			return err
		}
	}
	if big {
		return nil
	}
	for _, c := range dateColumns {
		if err := check(c.table, c.column, fmt.Sprintf(
			"SELECT %[2]s FROM %[1]s WHERE %[2]s <> '' AND (date(%[2]s) IS NULL OR date(%[2]s) <> %[2]s OR %[2]s < '1900' OR %[2]s >= '2201') LIMIT 1",
			c.table, c.column)); err != nil {
			return err
		}
	}
	return nil
}

// checkWAL checks a write-ahead log left next to path (after a crash, or
// copied there from elsewhere) before SQLite replays it into the file:
// the database and its log are copied to a private temporary directory
// and the copy is opened and checked. If the copy is damaged with the log
// and sound without it, the log belongs to another database (ForeignWAL).
// Nothing at path is changed either way. The caller holds the lock, so no
// samkoll is writing to the log.
func checkWAL(ctx context.Context, path string) error {
	fi, err := os.Stat(path + "-wal")
	if err != nil || fi.Size() == 0 {
		return nil
	}
	if !fi.Mode().IsRegular() {
		return &OpenError{Kind: ForeignWAL, Path: path, Err: errors.New("-wal är ingen vanlig fil")}
	}
	RemoveStaleTemp("samkoll-check-")
	dir, err := os.MkdirTemp("", "samkoll-check-")
	if err != nil {
		return nil // cannot check; SQLite replays as it always has
	}
	defer os.RemoveAll(dir)
	copyPath := filepath.Join(dir, "check.db")
	if err := copyPrivate(path, copyPath); err != nil {
		return nil
	}
	check := func() error {
		db, err := sql.Open("sqlite", dsn(copyPath, false, false))
		if err != nil {
			return err
		}
		defer db.Close()
		s := &Store{db: db, path: path}
		v, err := s.userVersion(ctx)
		if err != nil {
			return err
		}
		if v > SchemaVersion {
			return nil // a newer samkoll's; Open says so
		}
		return s.checkIntegrity(ctx, v)
	}
	if err := copyPrivate(path+"-wal", copyPath+"-wal"); err != nil {
		return nil
	}
	withLog := check()
	if withLog == nil {
		return nil
	}
	os.Remove(copyPath + "-wal")
	os.Remove(copyPath + "-shm")
	if err := copyPrivate(path, copyPath); err != nil {
		return nil
	}
	if check() == nil {
		return &OpenError{Kind: ForeignWAL, Path: path, Err: withLog}
	}
	var oe *OpenError
	if errors.As(withLog, &oe) {
		oe.Path, oe.Backup = path, newestBackup(path)
		return oe
	}
	return &OpenError{Kind: Corrupt, Path: path, Err: withLog, Backup: newestBackup(path)}
}

// copyFile copies src to a new private file dst.
func copyPrivate(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// checkReadOnly checks a database opened read-only: the schema always;
// for a file of at most syncCheckBytes also the stored times and the
// pages, unless the file passed a full check unchanged since. A larger
// file is not checked further before a read-only command (an export)
// uses it: both checks grow with the file (the times of the small tables
// alone took 80 ms at 10,000 assessments, more than one plan's export).
// A damaged page or a bad time it reads still gives the damage message
// (Explain), and it writes nothing.
func (s *Store) checkReadOnly(ctx context.Context, size int64) error {
	if err := s.checkSchema(ctx, SchemaVersion); err != nil {
		return err
	}
	if size > syncCheckBytes {
		return nil
	}
	id, memo := fileIdentity(s.path)
	if memo && wasChecked(s.path, id) {
		return nil // this very file, unchanged, passed a full check (checkmemo.go)
	}
	return s.checkFull(ctx, id, memo)
}

// checkFull checks the stored times and every page and, when they pass and
// memo, remembers the file, whose identity was id before the check, as
// checked (checkmemo.go).
func (s *Store) checkFull(ctx context.Context, id string, memo bool) error {
	if err := s.checkTimes(ctx, false); err != nil {
		return err
	}
	if err := s.checkPages(ctx, SchemaVersion); err != nil {
		return err
	}
	if memo {
		rememberChecked(s.path, id)
	}
	return nil
}

// fileSize returns the size of the file at path, 0 when unknown.
func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// staleTempAge is the age after which a private folder in the temporary
// folder is taken as left by a samkoll that was killed while using it.
const staleTempAge = 24 * time.Hour

// RemoveStaleTemp removes the folders named prefix… in the system's
// temporary folder that are older than a day: the private copies
// (database files) of a samkoll killed while it checked or read them. A
// symbolic link by that name is left alone, and RemoveAll does not follow
// links inside; another user's folders cannot be removed.
func RemoveStaleTemp(prefix string) {
	names, _ := filepath.Glob(filepath.Join(globEscape(os.TempDir()), prefix+"*"))
	for _, n := range names {
		fi, err := os.Lstat(n)
		if err != nil || !fi.IsDir() || time.Since(fi.ModTime()) < staleTempAge {
			continue
		}
		os.RemoveAll(n)
	}
}
