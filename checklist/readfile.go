package checklist

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// This file reads files samkoll is given (checklists, policies, templates,
// imports) with a bound on what is actually read: the size a stat reports
// is no bound (a link to /dev/zero has size 0), and opening a FIFO waits
// for a writer for ever. Only regular files are opened, without blocking,
// and reading stops after the limit.

// ErrTooLarge is returned when a file holds more than its limit.
var ErrTooLarge = errors.New("filen är för stor")

// OpenRegular opens name for reading if it is a regular file, following
// symbolic links. A folder, FIFO, device or socket is refused with a
// message saying what it is, before it is opened or, should it be swapped
// in between, right after (the open never blocks).
func OpenRegular(name string) (*os.File, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, readError(err)
	}
	if err := regular(fi); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, readError(err)
	}
	fi, err = f.Stat()
	if err == nil {
		err = regular(fi)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// readError says why a file could not be opened or read, in the user's
// words where the system's are English: a missing file, no permission, a
// link that leads back to itself.
func readError(err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return Errorf("kan inte läsa filen: länken leder i en ring tillbaka till sig själv", "cannot read the file: the link leads round in a circle back to itself")
	}
	return Errorf("kan inte läsa filen: %v", "cannot read the file: %v", unwrapPathError(err))
}

// regular returns an error naming what fi is unless it is a regular file.
func regular(fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return Errorf("är en katalog, inte en fil", "is a directory, not a file")
	case m&fs.ModeNamedPipe != 0:
		return Errorf("är en namngiven rörledning (FIFO), inte en vanlig fil", "is a named pipe (FIFO), not a regular file")
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return Errorf("är en enhetsfil, inte en vanlig fil", "is a device, not a regular file")
	case m&fs.ModeSocket != 0:
		return Errorf("är en socket, inte en vanlig fil", "is a socket, not a regular file")
	}
	return Errorf("är ingen vanlig fil", "is not a regular file")
}

// ReadFileLimited reads the regular file name, refusing it when it holds
// more than max bytes; it never reads more than max+1.
func ReadFileLimited(name string, max int64) ([]byte, error) {
	f, err := OpenRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(LimitReader(f, max))
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
		return nil, readError(err)
	}
	return data, nil
}

// LimitReader returns a reader of r that fails with a *ValueError
// wrapping ErrTooLarge once more than max bytes have been read.
func LimitReader(r io.Reader, max int64) io.Reader {
	return &limitReader{r: r, left: max}
}

type limitReader struct {
	r    io.Reader
	left int64
	max  int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.max == 0 {
		l.max = l.left
	}
	if l.left < 0 {
		return 0, tooLarge(l.max)
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n - int(-l.left), tooLarge(l.max)
	}
	return n, err
}

// tooLargeError is ErrTooLarge with the limit, in both languages.
type tooLargeError struct{ max int64 }

func tooLarge(max int64) error { return &tooLargeError{max} }

func (e *tooLargeError) Error() string { return e.Message(Swedish) }

// Message says how large a file may be.
func (e *tooLargeError) Message(lang Lang) string {
	return Textf("filen är för stor (högst %s)", "the file is too large (at most %s)", sizeText(e.max)).In(lang)
}

func (e *tooLargeError) Unwrap() error { return ErrTooLarge }

// sizeText writes a byte count for people: 4 MB, 512 kB, 100 byte.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}
