package report

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"samkoll/checklist"
)

// WriteFileAtomic writes data to path through a temporary file in the same
// directory and a rename, so a reader never sees half a file. The file gets
// mode 0600: exports are personnel records.
func WriteFileAtomic(path string, data []byte) error {
	return WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// rename is os.Rename; tests replace it to act as Windows does when Word
// holds the target open.
var rename = os.Rename

// goos is runtime.GOOS; tests replace it with the system they act as.
var goos = runtime.GOOS

// InUseError says that the file at Path is held open by another program
// (Word or Excel on Windows refuse to let it be replaced), so samkoll could
// not replace it. Nothing was written there.
type InUseError struct {
	// Path is the file that is open elsewhere.
	Path string
	// Err is the system's error.
	Err error
}

// Error returns the Swedish message.
func (e *InUseError) Error() string { return e.Message(checklist.Swedish) }

// Unwrap returns the system's error.
func (e *InUseError) Unwrap() error { return e.Err }

// Message says what happened and what to do, in lang.
func (e *InUseError) Message(lang checklist.Lang) string {
	return checklist.Textf(
		"filen %s är öppen i ett annat program (t.ex. Word) och kan inte ersättas; stäng den där och försök igen, eller ange ett annat namn",
		"the file %s is open in another program (e.g. Word) and cannot be replaced; close it there and try again, or give another name",
		e.Path).In(lang)
}

// WriteAtomic is WriteFileAtomic for output that is written as it is
// made, such as the JSON export of every assessment: write writes the
// file's content to the temporary file; when it fails, the temporary file
// is removed and path is left as it was.
//
// A symbolic link is written through: its target is replaced and the link
// stays. A FIFO, a device, a socket or a folder at path (or as the link's
// target) is refused and left alone: renaming over it would replace it
// with a regular file. A target another program holds open is an
// *InUseError.
func WriteAtomic(path string, write func(io.Writer) error) error {
	target, err := writeTarget(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := write(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// Checked again just before the rename, which would replace whatever
	// has appeared there.
	if _, err := writeTarget(target); err != nil {
		return err
	}
	if err := rename(tmp, target); err != nil {
		if inUse(err, target) {
			return &InUseError{Path: path, Err: err}
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	ok = true
	return nil
}

// writeTarget returns the file a write to path replaces: path itself, or
// the target of a symbolic link at path. It refuses anything but a
// regular file or nothing.
func writeTarget(path string) (string, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, nil
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			// A link to nothing yet: write the file it names.
			dest, rerr := os.Readlink(path)
			if rerr != nil {
				return "", fmt.Errorf("%s: %w", path, rerr)
			}
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(path), dest)
			}
			if _, serr := os.Lstat(dest); !errors.Is(serr, fs.ErrNotExist) {
				return "", fmt.Errorf("%s: %w", path, err)
			}
			return dest, nil
		}
		fi, err = os.Stat(real)
		if err != nil {
			return "", fmt.Errorf("%s: %w", path, err)
		}
		path = real
	}
	if fi.Mode().IsRegular() {
		return path, nil
	}
	if fi.IsDir() {
		return "", checklist.Errorf("%s är en mapp; ange ett filnamn", "%s is a folder; give a file name", path)
	}
	return "", checklist.Errorf("%s är ingen vanlig fil (utan t.ex. en enhet eller en namngiven rörledning); samkoll skriver inte dit. Ange ett vanligt filnamn.",
		"%s is not a regular file (but e.g. a device or a named pipe); samkoll does not write there. Give an ordinary file name.", path)
}

// inUse reports whether a failed rename onto target means that another
// program holds target open: on Windows, access denied or a sharing
// violation while target exists as a file.
func inUse(err error, target string) bool {
	if goos != "windows" {
		return false
	}
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch uintptr(errno) {
	case 5, 32, 33: // ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
		fi, serr := os.Stat(target)
		return serr == nil && fi.Mode().IsRegular()
	}
	return false
}

// WriteBeside writes data to path like WriteFileAtomic; when path is open
// in another program (*InUseError) it writes to the first free name
// beside it instead, "plan (2).md", "plan (3).md" …, and returns that
// path with the *InUseError, so the caller can say where the file went.
func WriteBeside(path string, data []byte) (string, error) {
	err := WriteFileAtomic(path, data)
	var iu *InUseError
	if !errors.As(err, &iu) {
		return path, err
	}
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for n := 2; n < 100; n++ {
		alt := fmt.Sprintf("%s (%d)%s", base, n, ext)
		if _, serr := os.Lstat(alt); !errors.Is(serr, fs.ErrNotExist) {
			continue
		}
		if werr := WriteFileAtomic(alt, data); werr != nil {
			var again *InUseError
			if errors.As(werr, &again) {
				continue
			}
			return path, werr
		}
		return alt, &BesideError{InUse: iu, Written: alt}
	}
	return path, err
}

// BesideError says that the export went to Written because the usual file
// was open in another program.
type BesideError struct {
	InUse   *InUseError
	Written string
}

// Error returns the Swedish message.
func (e *BesideError) Error() string { return e.Message(checklist.Swedish) }

// Unwrap returns the *InUseError.
func (e *BesideError) Unwrap() error { return e.InUse }

// Message says where the file went, in lang.
func (e *BesideError) Message(lang checklist.Lang) string {
	return checklist.Textf(
		"%s är öppen i ett annat program (t.ex. Word), så exporten sparades bredvid som %s",
		"%s is open in another program (e.g. Word), so the export was saved beside it as %s",
		e.InUse.Path, e.Written).In(lang)
}
