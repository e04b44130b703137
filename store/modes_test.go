package store

import (
	"io/fs"
	"os"
	"runtime"
	"testing"
)

// wantPrivate checks that the file or folder at path is the user's only.
// On Unix that is the mode: 0600 for a file, 0700 for a folder. Windows has
// no modes: what keeps the file private there is the access list the
// folder inherits from the user's profile (%LocalAppData% is the user's
// own), and Go reports 0666 for a writable file and 0777 for a folder.
// The Windows expectation is written out so that a change there is seen
// too.
func wantPrivate(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	want := fs.FileMode(0o600)
	if fi.IsDir() {
		want = 0o700
	}
	if runtime.GOOS == "windows" {
		want = 0o666
		if fi.IsDir() {
			want = 0o777
		}
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", path, got, want)
	}
}
