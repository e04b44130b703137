package report

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"samkoll/checklist"
)

// DocumentsDir returns the user's documents folder if it exists, or "".
//
// On Windows it is the Documents known folder as Windows reports it
// (known, normally KnownDocuments): with OneDrive or a redirection by the
// organisation it is not %USERPROFILE%\Documents. If Windows gives none
// that exists, home\Documents.
//
// Elsewhere it is the XDG_DOCUMENTS_DIR of ~/.config/user-dirs.dirs (often
// "Dokument" on a Swedish desktop), else home/Documents.
func DocumentsDir(home string, known func() (string, error)) string {
	return documentsDir(runtime.GOOS, home, known)
}

// documentsDir is DocumentsDir for the system goos.
func documentsDir(goos, home string, known func() (string, error)) string {
	var candidates []string
	if goos == "windows" {
		if known != nil {
			if p, err := known(); err == nil && p != "" && filepath.IsAbs(p) {
				candidates = append(candidates, p)
			}
		}
	} else if f, err := checklist.OpenRegular(filepath.Join(home, ".config", "user-dirs.dirs")); err == nil {
		// Only a regular file, and only its first 64 KB: a FIFO there
		// waited for ever, a link to /dev/urandom was read for ever.
		sc := bufio.NewScanner(io.LimitReader(f, 64<<10))
		for sc.Scan() {
			v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
			if !ok {
				continue
			}
			v = strings.Trim(v, `"`)
			if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
				v = filepath.Join(home, rest)
			}
			if filepath.IsAbs(v) && filepath.Clean(v) != filepath.Clean(home) {
				candidates = append(candidates, v)
			}
		}
		f.Close()
	}
	candidates = append(candidates, filepath.Join(home, "Documents"))
	for _, c := range candidates {
		if fi, err := os.Stat(c); err == nil && fi.IsDir() {
			return c
		}
	}
	return ""
}
