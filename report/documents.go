package report

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// DocumentsDir returns the user's documents directory if it exists: the
// XDG_DOCUMENTS_DIR of ~/.config/user-dirs.dirs (often "Dokument" on a
// Swedish desktop), else home/Documents. It returns "" when neither
// exists.
func DocumentsDir(home string) string {
	var candidates []string
	if f, err := os.Open(filepath.Join(home, ".config", "user-dirs.dirs")); err == nil {
		sc := bufio.NewScanner(f)
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
