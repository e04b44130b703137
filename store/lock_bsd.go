//go:build unix && !linux

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockDB takes samkoll's lock for the database at path, without waiting:
// exclusive for the one writer, shared for readers. On these systems flock
// and SQLite's own fcntl locks on the same file interfere, so the lock is
// an flock on a lock file next to the database, named after the path with
// symbolic links resolved (path is already resolved by Open). A hard link
// under another name is therefore not covered here; on Linux and Windows
// the lock is on the database file itself. It returns errLocked when the
// lock is taken.
func lockDB(path string, _ *os.File, exclusive bool) (release func(), err error) {
	name := path + ".lock"
	lf, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, &OpenError{Kind: LockFile, Path: name, Err: err}
	}
	how := unix.LOCK_SH
	if exclusive {
		how = unix.LOCK_EX
	}
	err = unix.Flock(int(lf.Fd()), how|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) || errors.Is(err, unix.EAGAIN) {
		lf.Close()
		return nil, errLocked
	}
	if err != nil {
		lf.Close()
		return nil, err
	}
	return func() {
		unix.Flock(int(lf.Fd()), unix.LOCK_UN)
		lf.Close()
	}, nil
}
