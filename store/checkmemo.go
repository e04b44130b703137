package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"samkoll/checklist"
)

// A full check of a database file (every page with quick_check, the
// schema, every stored time) grows with the file: half a second to
// seconds at 10,000 assessments. Its result is remembered for the file as
// it was then, by its identity, size and modification time, in the user's
// cache folder (outside the database, which the record must not change).
// As long as the file is exactly that file, unchanged, the next open
// checks only its schema; any change by anyone, samkoll included, makes
// the next open check it in full again. See docs/reliability.md.

// checkMemoVersion changes when the checks change, so that a file passed
// by an older set of checks is checked again.
const checkMemoVersion = 1

// checkMemoQuiet is how long a file must have been left unchanged before
// its check is remembered: file times are only as fine as the system's
// clock tick, so a change made in the same tick as the check would not
// show in the modification time.
const checkMemoQuiet = 2 * time.Second

// checkMemoDir is the folder of the records; "" remembers nothing. Tests
// set it.
var checkMemoDir = func() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "samkoll", "checked")
}

// fileIdentity describes the file at path as a full check would find it:
// what it is (the file's id where the system has one), its size and its
// modification time. ok is false when it cannot be remembered: a
// write-ahead log with content beside it, a file changed within
// checkMemoQuiet, or a file that cannot be examined.
func fileIdentity(path string) (id string, ok bool) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return "", false
	}
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return "", false
	}
	if time.Since(fi.ModTime()) < checkMemoQuiet {
		return "", false
	}
	return fmt.Sprintf("v%d schema%d %s %d %d", checkMemoVersion, SchemaVersion, fileID(fi), fi.Size(), fi.ModTime().UnixNano()), true
}

// checkMemoPath is the record of path: a name made from its absolute path,
// so that the record does not show it.
func checkMemoPath(path string) string {
	dir := checkMemoDir()
	if dir == "" {
		return ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, hex.EncodeToString(sum[:12]))
}

// wasChecked reports whether a full check passed on the file at path as it
// is now (identity id).
func wasChecked(path, id string) bool {
	p := checkMemoPath(path)
	if p == "" || id == "" {
		return false
	}
	// Only a regular file of a line: a FIFO put there would make every
	// open wait for ever.
	b, err := checklist.ReadFileLimited(p, 4096)
	return err == nil && strings.TrimSpace(string(b)) == id
}

// rememberChecked records that a full check passed on the file at path as
// it was when the check began (identity id). It is best effort: without a
// record the next open checks in full.
func rememberChecked(path, id string) {
	p := checkMemoPath(path)
	if p == "" || id == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".new-*")
	if err != nil {
		return
	}
	_, werr := tmp.WriteString(id + "\n")
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return
	}
	if os.Rename(tmp.Name(), p) != nil {
		os.Remove(tmp.Name())
	}
}
