//go:build unix

package checklist

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadFileLimitedRefusesSpecialFiles gives ReadFileLimited a link to
// /dev/zero (whose stat size is 0), a FIFO with no writer, a folder and a
// file one byte over the limit: each is refused with a message at once,
// without reading more than the limit or waiting.
func TestReadFileLimitedRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, 101), 0o600); err != nil {
		t.Fatal(err)
	}
	ok := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(ok, make([]byte, 100), 0o600); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "ring.yaml")
	if err := os.Symlink("ring.yaml", loop); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, want string }{
		{loop, "round in a circle"},
		{zero, "device"},
		{fifo, "FIFO"},
		{dir, "directory"},
		{big, "too large"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := ReadFileLimited(tc.name, 100)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(Message(err, English), tc.want) {
				t.Errorf("%s: %v, want %q", filepath.Base(tc.name), err, tc.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading after 10 s", filepath.Base(tc.name))
		}
	}
	if _, err := ReadFileLimited(big, 100); !errors.Is(err, ErrTooLarge) {
		t.Errorf("too large: %v does not wrap ErrTooLarge", err)
	}
	if b, err := ReadFileLimited(ok, 100); err != nil || len(b) != 100 {
		t.Errorf("a file of exactly the limit: %d bytes, %v", len(b), err)
	}
}
