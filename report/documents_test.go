package report

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestDocumentsDir checks the choice of the export folder for Windows and
// for Linux on any system; the folders are real ones in a temporary
// directory.
func TestDocumentsDir(t *testing.T) {
	home := t.TempDir()
	// OneDrive moves Documents out of the profile folder.
	onedrive := filepath.Join(home, "OneDrive - Region Exempel", "Dokument")
	os.MkdirAll(onedrive, 0o700)
	os.MkdirAll(filepath.Join(home, ".config"), 0o700)
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n"), 0o600)
	known := func(p string, err error) func() (string, error) {
		return func() (string, error) { return p, err }
	}
	none := known("", errors.New("no known folder"))

	tests := []struct {
		name  string
		goos  string
		known func() (string, error)
		mk    []string // folders made before the call
		want  string
	}{
		{"windows: the folder Windows names", "windows", known(onedrive, nil), nil, onedrive},
		{"windows: named but missing, no Documents", "windows", known(filepath.Join(home, "borta"), nil), nil, ""},
		{"windows: none named, Documents in the profile", "windows", none, []string{"Documents"}, filepath.Join(home, "Documents")},
		{"windows: the named folder wins over Documents", "windows", known(onedrive, nil), []string{"Documents"}, onedrive},
		{"windows: a relative answer is not used", "windows", known("Dokument", nil), []string{"Documents", "Dokument"}, filepath.Join(home, "Documents")},
		{"windows: user-dirs.dirs is not read", "windows", none, []string{"Dokument"}, ""},
		{"linux: user-dirs.dirs wins", "linux", known(onedrive, nil), []string{"Dokument"}, filepath.Join(home, "Dokument")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.RemoveAll(filepath.Join(home, "Documents"))
			os.RemoveAll(filepath.Join(home, "Dokument"))
			for _, d := range tt.mk {
				os.MkdirAll(filepath.Join(home, d), 0o700)
			}
			if got := documentsDir(tt.goos, home, tt.known); got != tt.want {
				t.Errorf("%q, want %q", got, tt.want)
			}
		})
	}
	if _, err := KnownDocuments(); err == nil && runtime.GOOS != "windows" {
		t.Error("a known Documents folder outside Windows")
	}
}
