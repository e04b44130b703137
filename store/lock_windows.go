//go:build windows

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockOffsetHigh places samkoll's lock at byte 1<<62 of the database file:
// far beyond anything SQLite reads, writes or locks (its own locks sit at
// 1 GiB). Windows byte-range locks are mandatory, so the lock must not
// cover a byte SQLite reads.
const lockOffsetHigh = 1 << 30

// lockDB takes samkoll's lock on the database file f itself, without
// waiting: exclusive for the one writer, shared for readers. Because it is
// a lock on the file, not on a name, it holds whatever path reached the
// file, including a hard link, and a second Open in the same process is
// refused too (the lock belongs to the handle). It returns errLocked when
// the lock is taken; release drops it, as does closing f.
func lockDB(_ string, f *os.File, exclusive bool) (release func(), err error) {
	flags := uint32(windows.LOCKFILE_FAIL_IMMEDIATELY)
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	ol := &windows.Overlapped{OffsetHigh: lockOffsetHigh}
	err = windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return nil, errLocked
	}
	if err != nil {
		return nil, err
	}
	return func() {
		ol := &windows.Overlapped{OffsetHigh: lockOffsetHigh}
		windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, ol)
	}, nil
}
