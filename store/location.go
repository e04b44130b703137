package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
)

// DefaultPath returns the default database path in the user's data
// directory: $XDG_DATA_HOME/samkoll/samkoll.db or
// ~/.local/share/samkoll/samkoll.db on Linux and other Unix systems,
// %LocalAppData%\samkoll\samkoll.db on Windows and
// ~/Library/Application Support/samkoll/samkoll.db on macOS.
//
// On Windows the local, not the roaming, application data folder is used:
// organisations often redirect %AppData% (Roaming) to a network share, where
// SQLite's write-ahead log is not safe. MoveOldDefault moves a database
// from the place earlier versions used.
func DefaultPath() (string, error) {
	return defaultPath(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

// defaultPath is DefaultPath for the system goos, with the environment and
// the home directory given, so that every system's rule can be tested on
// any system.
func defaultPath(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	const dir, file = "samkoll", "samkoll.db"
	switch goos {
	case "windows":
		if d := getenv("LOCALAPPDATA"); winIsAbs(d) {
			return winJoin(d, dir, file), nil
		}
		return "", errors.New("%LOCALAPPDATA% är inte satt till en fullständig sökväg")
	case "darwin", "ios":
		h, err := home()
		if err != nil {
			return "", err
		}
		return path.Join(h, "Library", "Application Support", dir, file), nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && path.IsAbs(d) {
		return path.Join(d, dir, file), nil
	}
	h, err := home()
	if err != nil {
		return "", err
	}
	return path.Join(h, ".local", "share", dir, file), nil
}

// oldDefaultPath is where samkoll versions before the move to
// %LocalAppData% kept the database by default: %AppData%\samkoll\samkoll.db
// on Windows. It is "" on other systems, whose default has not changed.
func oldDefaultPath(goos string, getenv func(string) string) string {
	if goos != "windows" {
		return ""
	}
	if d := getenv("APPDATA"); winIsAbs(d) {
		return winJoin(d, "samkoll", "samkoll.db")
	}
	return ""
}

// winIsAbs reports whether p is a full Windows path: a drive with a root
// (C:\…), a UNC path or a device path (\\?\…, \\.\…).
func winIsAbs(p string) bool {
	vol, unc := winVolume(p)
	switch {
	case vol == "":
		return false
	case unc || strings.HasPrefix(vol, `\\`) || strings.HasPrefix(vol, `//`):
		return true
	}
	return len(p) > len(vol) && (p[len(vol)] == '\\' || p[len(vol)] == '/')
}

// winJoin joins a Windows folder and names with backslashes.
func winJoin(dir string, names ...string) string {
	return strings.TrimRight(dir, `\/`) + `\` + strings.Join(names, `\`)
}

// MoveOldDefault moves the database, with its write-ahead log and index,
// from the place earlier versions of samkoll used by default
// (%AppData%\samkoll on Windows) to dbPath, the current default, once:
// only when dbPath does not exist yet and the old file does. It returns the old
// path when it moved the database, else "". The move holds both places'
// locks, so a samkoll still running on the old file makes it fail with
// Locked and nothing moves. Across volumes (a roaming folder on a share)
// the files are copied and the originals removed after the copy is synced.
func MoveOldDefault(ctx context.Context, dbPath string) (string, error) {
	old := oldDefaultPath(runtime.GOOS, os.Getenv)
	if old == "" || strings.EqualFold(filepath.Clean(old), filepath.Clean(dbPath)) {
		return "", nil
	}
	moved, err := moveDatabase(ctx, old, dbPath, os.Rename)
	if !moved {
		return "", err
	}
	return old, err
}

// moveDatabase moves the database from to to, see MoveOldDefault. rename
// is os.Rename; tests give one that fails as between volumes.
func moveDatabase(ctx context.Context, from, to string, rename func(string, string) error) (bool, error) {
	if _, err := os.Lstat(to); !errors.Is(err, fs.ErrNotExist) {
		return false, nil // already there, or not for samkoll to judge here
	}
	if fi, err := os.Stat(from); err != nil || !fi.Mode().IsRegular() {
		return false, nil
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return false, fileError(to, err)
	}
	// samkoll's lock is on the database file itself (lockDB): a samkoll
	// still running on the old file makes this fail with Locked.
	f, err := os.OpenFile(from, os.O_RDWR, 0)
	if err != nil {
		return false, fileError(from, err)
	}
	release, err := lockDB(from, f, true)
	if err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return false, &OpenError{Kind: Locked, Path: from}
		}
		return false, fileError(from, err)
	}
	unlock := func() {
		if f != nil {
			release()
			f.Close()
			f = nil
		}
	}
	defer unlock()
	if _, err := os.Lstat(to); !errors.Is(err, fs.ErrNotExist) {
		return false, nil // another samkoll moved it meanwhile
	}
	// Merge the write-ahead log into the file first, so that what moves
	// is complete even if the move stops half-way. Should that fail, the
	// log moves with the file as it is.
	if fi, err := os.Stat(from + "-wal"); err == nil && fi.Size() > 0 {
		checkpoint(ctx, from)
	}
	// The file itself goes last: while it has not moved, the next start
	// moves what is left. The lock's handle is closed first, since Windows
	// does not rename a file that is open.
	unlock()
	for _, suffix := range []string{"-shm", "-wal", ""} {
		if _, err := os.Lstat(from + suffix); err != nil {
			continue
		}
		if err := moveFile(from+suffix, to+suffix, rename); err != nil {
			return false, fileError(from, err)
		}
	}
	syncDir(filepath.Dir(to))
	os.Remove(from + ".lock") // left by samkoll versions that locked a separate file
	return true, nil
}

// checkpoint writes the write-ahead log of the database at path into the
// file and empties the log.
func checkpoint(ctx context.Context, path string) {
	db, err := sql.Open("sqlite", dsn(path, false, false))
	if err != nil {
		return
	}
	defer db.Close()
	checkpointDB(ctx, db) // a log not merged moves with the file
}

// moveFile renames from to to, or where that fails (another volume)
// copies it under a temporary name beside to, syncs it, renames it into
// place and removes from.
func moveFile(from, to string, rename func(string, string) error) error {
	rerr := rename(from, to)
	if rerr == nil {
		return nil
	}
	src, err := os.Open(from)
	if err != nil {
		return rerr
	}
	defer src.Close()
	tmp := to + ".move-" + newUID()[:8]
	dst, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, to)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s → %s: %w", from, to, err)
	}
	src.Close()
	return os.Remove(from)
}
