// Package store keeps samkoll's data in one local SQLite file: units,
// assessments, answers with risk evaluations and the actions of the
// handlingsplan. It uses modernc.org/sqlite (pure Go) through database/sql,
// returns the domain types of samkoll/checklist, and commits every change in
// its own short transaction.
//
// Open takes an exclusive lock on the database file itself, so only one
// samkoll at a time writes to a file, whatever name or link reaches it;
// OpenReadOnly never waits for it and never writes. Both check the file
// before use. A file samkoll cannot use is reported as an *OpenError and
// left exactly as it was. See docs/storage.md.
package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// applicationID marks a samkoll database in the SQLite header ("SAMK").
const applicationID = 0x53414D4B

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded steps in order; migrations()[i].version
// == i+1. They are read the first time a database is created or upgraded,
// not when the program starts: most runs open a current database.
var migrations = sync.OnceValue(mustLoadMigrations)

// SchemaVersion is the schema version this binary writes, stored in PRAGMA
// user_version: the number of migrations (TestSchemaVersionCountsMigrations).
const SchemaVersion = 13

func mustLoadMigrations() []migration {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	slices.Sort(names)
	var ms []migration
	for i, n := range names {
		base := filepath.Base(n)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || v != i+1 {
			panic(fmt.Sprintf("store: migration %s out of sequence", base))
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	return ms
}

// Store is an open samkoll database. Its methods are safe for concurrent
// use.
type Store struct {
	db   *sql.DB
	path string
	// lockFile is an open handle of the database file that holds
	// samkoll's lock (see lockDB); unlock releases it.
	lockFile *os.File
	unlock   func()
	readOnly bool
	// network is set when the file is on a network file system; it then
	// uses a rollback journal instead of WAL.
	network bool
	// check is the check of the file running in the background, nil when
	// it was done in Open (see startCheck).
	check *backgroundCheck
	// now returns the current time; tests may replace it.
	now func() time.Time
	// stmts are the prepared statements of the per-assessment loaders.
	stmts stmtCache
	// keys writes an answer or a draft (keyTx).
	keys keyWriter
}

// Open opens the samkoll database at path, or creates it (directory 0700,
// file 0600) when nothing exists there. It takes the single-writer lock on
// the file itself (see lockDB), checks the file (checkIntegrity), and
// upgrades an older schema after writing a backup copy next to the file.
// A symbolic link is followed to the file it names; one that names
// nothing is refused. A file samkoll cannot use gives an *OpenError and is
// not modified.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenNotify(ctx, path, nil)
}

// Upgrade is the upgrade of a database of an older schema that Open is
// about to make.
type Upgrade struct {
	Path     string // the database
	From, To int    // its schema version and the new one
	Backup   string // the copy written first, next to the database
}

// OpenNotify is Open that calls notify, unless it is nil, when it is about
// to back up and upgrade a database of an older schema, before it starts:
// at thousands of assessments the copy and the upgrade take seconds, with
// nothing yet on the screen.
func OpenNotify(ctx context.Context, path string, notify func(Upgrade)) (*Store, error) {
	path, err := resolvePath(path)
	if err != nil {
		return nil, err
	}
	removeStaleNew(path)
	network := onNetwork(path)
	for attempt := 0; ; attempt++ {
		exists, _, err := checkFile(path, true)
		if err != nil {
			return nil, err
		}
		if !exists {
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				return nil, fileError(path, err)
			}
			if err := create(ctx, path, network); err != nil {
				return nil, err
			}
		}
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && attempt < 3 {
				continue // removed meanwhile: start again
			}
			return nil, fileError(path, err)
		}
		release, err := lockDB(path, f, true)
		if err != nil {
			f.Close()
			if errors.Is(err, errLocked) {
				return nil, &OpenError{Kind: Locked, Path: path}
			}
			return nil, fileError(path, err)
		}
		if !sameFile(f, path) && attempt < 3 {
			// Replaced between open and lock: lock the new file instead.
			release()
			f.Close()
			continue
		}
		s, err := openLocked(ctx, path, exists, network, notify)
		if err != nil {
			release()
			f.Close()
			return nil, err
		}
		s.lockFile, s.unlock = f, release
		return s, nil
	}
}

// resolvePath makes path absolute and follows a symbolic link to the file
// it names, so that the lock, the -wal and the backups sit next to the
// real file. A link that names nothing is an *OpenError (DanglingLink):
// creating a database in its place would replace the link.
func resolvePath(path string) (string, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		target, _ := os.Readlink(path)
		return "", &OpenError{Kind: DanglingLink, Path: path, Target: target, Err: err}
	}
	return filepath.Abs(real)
}

// sameFile reports whether the open file f is still the file at path.
func sameFile(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// openLocked continues Open once the lock is held: check the file and its
// -wal, then upgrade an older schema. existed says whether the file was
// there before this Open; notify is OpenNotify's.
func openLocked(ctx context.Context, path string, existed, network bool, notify func(Upgrade)) (*Store, error) {
	_, hdr, err := checkFile(path, true)
	if err != nil {
		return nil, err
	}
	if existed {
		if err := checkWAL(ctx, path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", dsn(path, false, network))
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, network: network, now: time.Now}
	v, err := s.userVersion(ctx)
	if err == nil && v > SchemaVersion {
		err = &OpenError{Kind: Newer, Path: path}
	}
	if err == nil && existed {
		if v < SchemaVersion {
			err = s.checkIntegrity(ctx, v) // before the backup and the upgrade
		} else {
			err = s.startCheck(ctx, fileSize(path))
		}
	}
	if err == nil && v < SchemaVersion {
		if existed && hdr.userVersion > 0 {
			name := s.backupName(v)
			if notify != nil {
				notify(Upgrade{Path: path, From: v, To: SchemaVersion, Backup: name})
			}
			err = s.backup(ctx, name)
		}
		if err == nil {
			err = s.migrate(ctx, v)
		}
	}
	if err != nil {
		db.Close()
		return nil, fileError(path, err)
	}
	return s, nil
}

// OpenReadOnly opens an existing database for reading only, e.g. for an
// export while samkoll runs elsewhere. It never waits for the writer lock,
// never migrates and never writes; a schema other than SchemaVersion is
// refused. When no samkoll is running it holds a shared lock until Close,
// so the file is read as a stable snapshot without creating -wal or -shm
// files. It checks the file as Open does.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	path, err := resolvePath(path)
	if err != nil {
		return nil, err
	}
	// A journal beside a file that no samkoll is writing was left by a
	// write that was cut off. Only a writable open can play it back; until
	// then the file may be half written, and reading it would call it
	// damaged.
	if hotJournal(path) {
		if f, release, _ := tryReadLock(path); f != nil {
			release()
			f.Close()
			return nil, &OpenError{Kind: Interrupted, Path: path}
		}
	}
	exists, hdr, err := checkFile(path, false)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, &OpenError{Kind: Permission, Path: path, Err: fs.ErrNotExist}
	}
	if hdr.userVersion < uint32(SchemaVersion) {
		return nil, &OpenError{Kind: Older, Path: path}
	}
	// When no samkoll is writing (the lock is free) and no write-ahead log
	// is left over, read the file as immutable: SQLite then creates no -wal
	// and -shm files. The lock is held until Close so that no writer starts
	// meanwhile. Otherwise read through the writer's WAL as usual.
	f, release, immutable := tryReadLock(path)
	if !immutable {
		// No writer may be running when a -wal is checked; with one
		// running the -wal is its own.
		if f != nil {
			if err := checkWAL(ctx, path); err != nil {
				release()
				f.Close()
				return nil, err
			}
		}
	}
	db, err := sql.Open("sqlite", dsn(path, true, false)+map[bool]string{true: "&immutable=1"}[immutable])
	if err != nil {
		if f != nil {
			release()
			f.Close()
		}
		return nil, err
	}
	s := &Store{db: db, path: path, lockFile: f, unlock: release, readOnly: true, now: time.Now}
	v, err := s.userVersion(ctx)
	switch {
	case err != nil:
	case v > SchemaVersion:
		err = &OpenError{Kind: Newer, Path: path}
	case v < SchemaVersion:
		err = &OpenError{Kind: Older, Path: path}
	default:
		err = s.checkReadOnly(ctx, fileSize(path))
	}
	if err != nil {
		s.Close()
		return nil, fileError(path, err)
	}
	return s, nil
}

// tryReadLock takes a shared lock on the database for a reader if no
// writer holds it. It returns the open file holding the lock (nil when the
// lock is taken), its release, and whether the database can be read as
// immutable: locked, and no write-ahead log left over.
func tryReadLock(path string) (*os.File, func(), bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, false
	}
	release, err := lockDB(path, f, false)
	if err != nil {
		f.Close()
		return nil, nil, false
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return f, release, false
	}
	return f, release, true
}

// Close closes the database and releases the lock.
func (s *Store) Close() error {
	s.stopCheck()
	if !s.readOnly && s.Checked(context.Background()) == nil {
		// The answers of this session join latest_answers (latest.go).
		// Should this fail, latest_pending keeps them for the next open,
		// and every reader merges them in meanwhile: nothing is lost.
		ctx, cancel := context.WithTimeout(context.Background(), foldTimeout)
		s.foldPendingNow(ctx)
		cancel()
	}
	s.keys.close()
	s.stmts.close()
	err := s.db.Close()
	if s.lockFile != nil {
		if s.unlock != nil {
			s.unlock()
		}
		s.lockFile.Close()
		s.lockFile, s.unlock = nil, nil
	}
	return err
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// OnNetwork reports whether the database lies on a network drive or share.
// samkoll then writes with a rollback journal instead of WAL (see
// docs/storage.md); the caller should advise a local disk.
func (s *Store) OnNetwork() bool { return s.network }

// errLocked is returned by lockDB when the lock is taken.
var errLocked = errors.New("låst av en annan process")

// header holds the fields of the SQLite file header that Open checks.
type header struct {
	userVersion uint32
}

// checkFile inspects path without changing it. It reports whether a file
// exists there and, if so, whether it looks like a samkoll database this
// binary can open. With write set it also checks that it can be written.
func checkFile(path string, write bool) (bool, header, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, header{}, nil
	}
	if err != nil {
		return false, header{}, fileError(path, err)
	}
	if fi.IsDir() {
		return true, header{}, &OpenError{Kind: IsDir, Path: path}
	}
	if !fi.Mode().IsRegular() || fi.Size() == 0 {
		return true, header{}, &OpenError{Kind: NotDatabase, Path: path}
	}
	f, err := os.Open(path)
	if err != nil {
		return true, header{}, fileError(path, err)
	}
	defer f.Close()
	buf := make([]byte, 100)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return true, header{}, fileError(path, err)
	}
	// The file alone may be shorter than its header says while SQLite
	// still has every page: a checkpoint copies the write-ahead log into
	// the file first page first (the header with the new size) and grows
	// the file as it goes, and pages not yet copied are read from the log
	// (a checkpoint cut off by a crash, or one running in another
	// samkoll); a rollback journal left by a transaction that did not
	// finish is played back when the file is opened for writing, which
	// puts the file's size back. Then SQLite judges the size.
	size := fi.Size()
	if (write && hotJournal(path)) || walHasFrames(path) {
		size = -1
	}
	hdr, kind, why := parseHeader(buf[:n], size)
	if kind != 0 {
		return true, hdr, &OpenError{Kind: kind, Path: path, Err: errors.New(why)}
	}
	if write {
		w, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return true, hdr, fileError(path, err)
		}
		w.Close()
	}
	return true, hdr, nil
}

// parseHeader checks the first 100 bytes of a database file of the given
// size; a size of -1 leaves the size unchecked. A non-zero kind says why
// the file cannot be used.
func parseHeader(b []byte, size int64) (header, OpenErrorKind, string) {
	const magic = "SQLite format 3\x00"
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return header{}, NotDatabase, "SQLite-huvud saknas"
	}
	if len(b) < 100 {
		return header{}, Corrupt, "filhuvudet är avkortat"
	}
	pageSize := int64(binary.BigEndian.Uint16(b[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return header{}, Corrupt, "ogiltig sidstorlek"
	}
	if size >= 0 && size%pageSize != 0 {
		return header{}, Corrupt, "filstorleken är inte en hel sida"
	}
	pages := int64(binary.BigEndian.Uint32(b[28:32]))
	if size >= 0 && binary.BigEndian.Uint32(b[24:28]) == binary.BigEndian.Uint32(b[92:96]) && pages*pageSize > size {
		return header{}, Corrupt, "filen är avkortad"
	}
	h := header{userVersion: binary.BigEndian.Uint32(b[60:64])}
	if binary.BigEndian.Uint32(b[68:72]) != applicationID {
		return h, NotSamkoll, "annat program"
	}
	if h.userVersion == 0 {
		return h, Corrupt, "schemaversion saknas"
	}
	if h.userVersion > uint32(SchemaVersion) {
		return h, Newer, fmt.Sprintf("schemaversion %d, känner till %d", h.userVersion, SchemaVersion)
	}
	return h, 0, ""
}

// hotJournal reports whether a rollback journal lies beside the database
// at path: a transaction in rollback mode (an import into an empty file,
// every write on a network drive) did not finish.
func hotJournal(path string) bool { return hasContent(path + "-journal") }

// walHasFrames reports whether a write-ahead log with content lies beside
// the database at path.
func walHasFrames(path string) bool { return hasContent(path + "-wal") }

// hasContent reports whether name is a regular file that is not empty.
func hasContent(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular() && fi.Size() > 0
}

// fileError turns an error from the file system into an *OpenError.
func fileError(path string, err error) error {
	var oe *OpenError
	if errors.As(err, &oe) {
		return err
	}
	switch {
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return &OpenError{Kind: Permission, Path: path, Err: err}
	case errors.Is(err, syscall.EISDIR):
		return &OpenError{Kind: IsDir, Path: path, Err: err}
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EFBIG), errors.Is(err, syscall.EDQUOT):
		return &OpenError{Kind: DiskFull, Path: path, Err: err}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		if se.Code() == sqlite3.SQLITE_IOERR_SHMSIZE {
			// The -shm file could not grow: on a full disk every open
			// of a file in WAL mode fails so, as "disk I/O error (4874)".
			return &OpenError{Kind: DiskFull, Path: path, Err: err}
		}
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT:
			return &OpenError{Kind: Corrupt, Path: path, Err: err, Backup: newestBackup(path)}
		case sqlite3.SQLITE_FULL:
			return &OpenError{Kind: DiskFull, Path: path, Err: err}
		case sqlite3.SQLITE_NOTADB:
			return &OpenError{Kind: NotDatabase, Path: path, Err: err}
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_AUTH:
			return &OpenError{Kind: Permission, Path: path, Err: err}
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &OpenError{Kind: Locked, Path: path, Err: err}
		}
	}
	return err
}

// create makes a new database at path: it is built and migrated under a
// temporary name (path.new-XXXXXXXX, locked while it is built) and linked
// into place only if nothing has appeared at path meanwhile, so a crash
// never leaves a half-made file at path and two samkolls creating the same
// file do not replace each other's. Whatever it leaves after a crash,
// removeStaleNew removes on the next Open.
func create(ctx context.Context, path string, network bool) (err error) {
	tmp := path + newSuffix + newUID()[:8]
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fileError(path, err)
	}
	release, lerr := lockDB(tmp, f, true)
	defer func() {
		if err != nil {
			removeNew(tmp)
		}
		if lerr == nil {
			release()
		}
		f.Close()
		if err == nil {
			os.Remove(tmp)
		}
	}()
	db, err := sql.Open("sqlite", dsn(tmp, false, network))
	if err != nil {
		return err
	}
	s := &Store{db: db, path: tmp, now: time.Now}
	err = s.migrate(ctx, 0)
	if err == nil && !network {
		// The new file's pages are copied from the log here, where a
		// failure (a full disk) is seen: Close copies them too but does
		// not say when it could not, and a file whose header names pages
		// it does not hold would be linked into place.
		err = checkpointDB(ctx, db)
	}
	if err != nil {
		db.Close()
		if full := probeSpace(filepath.Dir(path)); full != nil {
			return &OpenError{Kind: DiskFull, Path: path, Err: err}
		}
		return fileError(path, err)
	}
	if err := db.Close(); err != nil {
		return fileError(path, err)
	}
	if err := f.Sync(); err != nil {
		return fileError(path, err)
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil // another samkoll made it first; Open uses that one
		}
		// No hard links on this file system: rename, unless a file has
		// appeared meanwhile.
		if _, serr := os.Lstat(path); serr == nil {
			return nil
		}
		if err := os.Rename(tmp, path); err != nil {
			return fileError(path, err)
		}
	}
	syncDir(filepath.Dir(path))
	return nil
}

// checkpointDB copies the whole write-ahead log of db into the database
// file and empties it; it fails when SQLite could not copy all of it.
func checkpointDB(ctx context.Context, db *sql.DB) error {
	var busy, logged, copied int
	if err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &copied); err != nil {
		return err
	}
	if busy != 0 || copied != logged {
		return fmt.Errorf("loggen kopierades inte in i databasen (%d av %d sidor)", copied, logged)
	}
	return nil
}

// probeSpace writes 64 KiB to a temporary file in dir and removes it: it
// returns the error when the disk is full (or the file may not grow),
// which SQLite reports only as a generic I/O error. It returns nil when
// the write succeeds or fails otherwise.
func probeSpace(dir string) error {
	f, err := os.CreateTemp(dir, ".samkoll-space-*")
	if err != nil {
		if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
			return err
		}
		return nil
	}
	defer os.Remove(f.Name())
	defer f.Close()
	_, err = f.Write(make([]byte, 64<<10))
	if err == nil {
		err = f.Sync()
	}
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || errors.Is(err, syscall.EDQUOT) {
		return err
	}
	return nil
}

// newSuffix marks a database being created; see create.
const newSuffix = ".new-"

// removeNew removes a database under construction and its side files.
func removeNew(tmp string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
		os.Remove(tmp + suffix)
	}
}

// removeStaleNew removes what a samkoll killed while creating the database
// at path left behind: path.new-* files that no running samkoll holds
// locked, and side files of such a file that is gone. It reads the folder
// once: it runs before every first frame.
func removeStaleNew(path string) {
	names := newFiles(path)
	for _, n := range names {
		if strings.HasSuffix(n, "-wal") || strings.HasSuffix(n, "-shm") || strings.HasSuffix(n, "-journal") || strings.HasSuffix(n, ".lock") {
			continue
		}
		if fi, err := os.Lstat(n); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		f, err := os.OpenFile(n, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		release, err := lockDB(n, f, true)
		if err != nil {
			f.Close()
			continue // being built right now
		}
		removeNew(n)
		release()
		f.Close()
	}
	// Side files whose database is gone.
	for _, n := range names {
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if !strings.HasSuffix(n, suffix) {
				continue
			}
			if _, err := os.Lstat(strings.TrimSuffix(n, suffix)); errors.Is(err, fs.ErrNotExist) {
				os.Remove(n)
			}
		}
	}
}

// newFiles lists the files path.new-* in path's folder, sorted.
func newFiles(path string) []string {
	dir, prefix := filepath.Dir(path), filepath.Base(path)+newSuffix
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	all, _ := d.Readdirnames(-1)
	d.Close()
	var names []string
	for _, n := range all {
		if strings.HasPrefix(n, prefix) {
			names = append(names, filepath.Join(dir, n))
		}
	}
	slices.Sort(names)
	return names
}

// globEscape escapes the characters filepath.Match treats specially.
func globEscape(s string) string {
	if runtime.GOOS == "windows" {
		return strings.NewReplacer("*", "[*]", "?", "[?]", "[", "[[]").Replace(s)
	}
	return strings.NewReplacer("\\", "\\\\", "*", "\\*", "?", "\\?", "[", "\\[").Replace(s)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir makes a rename durable where the platform supports it.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func (s *Store) userVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fileError(s.path, err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		return 0, fileError(s.path, err)
	}
	return v, nil
}

// backupName returns a name for the copy of the database made before a
// migration from schema version v that no file has yet, e.g.
// samkoll.db.bak-v1-20261122T201500.
func (s *Store) backupName(v int) string {
	stamp := s.now().UTC().Format("20060102T150405")
	name := fmt.Sprintf("%s.bak-v%d-%s", s.path, v, stamp)
	for i := 2; ; i++ {
		if _, err := os.Stat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s.bak-v%d-%s-%d", s.path, v, stamp, i)
	}
}

// backup writes a consistent copy of the database to name, a file that
// must not exist yet (backupName).
func (s *Store) backup(ctx context.Context, name string) error {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fileError(s.path, err)
	}
	f.Close()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
		os.Remove(name)
		return fmt.Errorf("säkerhetskopia %s: %w", name, err)
	}
	if err := syncFile(name); err != nil {
		return err
	}
	syncDir(filepath.Dir(name))
	return nil
}

// migrate runs the migrations after version from, each in its own
// transaction that also records the new user_version.
func (s *Store) migrate(ctx context.Context, from int) error {
	return s.migrateTo(ctx, from, SchemaVersion)
}

// migrateTo runs the migrations after version from up to version to.
func (s *Store) migrateTo(ctx context.Context, from, to int) error {
	for _, m := range migrations()[from:to] {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrering %s: %w", m.name, err)
		}
		if hook := migrationHook(m.name); hook != nil {
			if err := hook(ctx, tx); err != nil {
				tx.Rollback()
				return fmt.Errorf("migrering %s: %w", m.name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrering %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrering %s: %w", m.name, err)
		}
	}
	return nil
}

// newUID returns a random 128-bit identifier in hex, used to match
// assessments and actions across export and import.
func newUID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// tx runs fn in one immediate transaction and commits it.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.txOn(ctx, s.db, fn)
}

// mayWrite refuses a write to a store opened read-only, and holds every
// write until the background check of the file has passed (Checked).
func (s *Store) mayWrite(ctx context.Context) error {
	if s.readOnly {
		return errors.New("databasen är öppnad skrivskyddad")
	}
	return s.Checked(ctx)
}

// txBeginner is a *sql.DB or a *sql.Conn.
type txBeginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// txOn is tx on db, the pool or one connection of it.
func (s *Store) txOn(ctx context.Context, db txBeginner, fn func(*sql.Tx) error) error {
	if err := s.mayWrite(ctx); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
