//go:build unix

package store

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCheckRecordFIFO: a FIFO where the record of a file's full check
// would be does not make the open of that file wait for ever; the file is
// checked in full instead.
func TestCheckRecordFIFO(t *testing.T) {
	ctx := context.Background()
	path := emptyDB(t)
	// Old enough to be remembered (checkMemoQuiet).
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	memo := checkMemoPath(path)
	if err := os.MkdirAll(filepath.Dir(memo), 0o700); err != nil {
		t.Fatal(err)
	}
	os.Remove(memo)
	if err := syscall.Mkfifo(memo, 0o600); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(memo)
	done := make(chan error, 1)
	go func() {
		s, err := OpenReadOnly(ctx, path)
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the open still waits after 10 s")
	}
}
