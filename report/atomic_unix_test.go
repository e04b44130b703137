//go:build unix

package report

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"samkoll/checklist"
)

// TestWriteAtomicSpecialFiles writes over a symbolic link, a link to a
// file not there yet, a FIFO and a folder: the links are written through
// and stay links, the FIFO and the folder are refused and left alone.
func TestWriteAtomicSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("the target holds %q, want new", b)
	}

	dangling := filepath.Join(dir, "dangling.md")
	if err := os.Symlink("later.md", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(dangling, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "later.md")); string(b) != "x" {
		t.Errorf("the link's target was not written: %q", b)
	}

	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	linkToFifo := filepath.Join(dir, "tofifo.md")
	if err := os.Symlink(fifo, linkToFifo); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, linkToFifo, dir} {
		err := WriteFileAtomic(p, []byte("x"))
		if err == nil {
			t.Errorf("%s: written", p)
		}
		if _, ok := err.(checklist.Localized); !ok {
			t.Errorf("%s: %v is not a message", p, err)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(entries) != 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// TestDocumentsDirHostileConfig: a user-dirs.dirs that is a FIFO or a link
// to /dev/urandom does not stop the choice of the export folder (it waited
// for a writer for ever, or read random lines for ever).
func TestDocumentsDirHostileConfig(t *testing.T) {
	for _, kind := range []string{"fifo", "urandom"} {
		t.Run(kind, func(t *testing.T) {
			home := t.TempDir()
			if err := os.MkdirAll(filepath.Join(home, ".config"), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(home, "Documents"), 0o700); err != nil {
				t.Fatal(err)
			}
			conf := filepath.Join(home, ".config", "user-dirs.dirs")
			var err error
			if kind == "fifo" {
				err = syscall.Mkfifo(conf, 0o600)
			} else {
				err = os.Symlink("/dev/urandom", conf)
			}
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan string, 1)
			go func() { done <- documentsDir("linux", home, nil) }()
			select {
			case got := <-done:
				if want := filepath.Join(home, "Documents"); got != want {
					t.Errorf("%q, want %q", got, want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("still choosing the folder after 10 s")
			}
		})
	}
}
