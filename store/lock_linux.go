//go:build linux

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockOffset is the byte of the database file that carries samkoll's
// lock: far beyond anything SQLite reads, writes or locks (its own locks
// sit at 1 GiB), so the two never meet.
const lockOffset = 1 << 62

// lockDB takes samkoll's lock on the database file f itself, without
// waiting: exclusive for the one writer, shared for readers. Because it
// is a lock on the file, not on a name, it holds whatever path reached the
// file: a symbolic link, a hard link or a second spelling of the path. It
// is an open-file-description lock, so a second Open in the same process
// is refused too, and closing another descriptor of the file (as SQLite
// does) does not drop it. It returns errLocked when the lock is taken.
// release drops it; closing f drops it as well.
func lockDB(_ string, f *os.File, exclusive bool) (release func(), err error) {
	typ := int16(unix.F_RDLCK)
	if exclusive {
		typ = unix.F_WRLCK
	}
	lk := unix.Flock_t{Type: typ, Whence: 0, Start: lockOffset, Len: 1}
	err = unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk)
	if errors.Is(err, unix.EINVAL) {
		// A kernel before 3.15 has no OFD locks; flock locks the file too.
		how := unix.LOCK_SH
		if exclusive {
			how = unix.LOCK_EX
		}
		err = unix.Flock(int(f.Fd()), how|unix.LOCK_NB)
		if err == nil {
			return func() { unix.Flock(int(f.Fd()), unix.LOCK_UN) }, nil
		}
	}
	if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) || errors.Is(err, unix.EWOULDBLOCK) {
		return nil, errLocked
	}
	if err != nil {
		return nil, err
	}
	return func() {
		un := unix.Flock_t{Type: unix.F_UNLCK, Whence: 0, Start: lockOffset, Len: 1}
		unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &un)
	}, nil
}
