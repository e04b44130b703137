//go:build linux

package tui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"samkoll/checklist"
)

// TestFullDiskSaysSaveFailed runs the walk on a real database on a small
// file system (tmpfs) that is then filled: the store returns the error, the
// write path keeps the previous value, the screen says in the chosen
// language what was not saved, why and which file, and counts only what the
// database holds; with space again the same key saves.
func TestFullDiskSaysSaveFailed(t *testing.T) {
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		t.Run(string(lang), func(t *testing.T) {
			dir := t.TempDir()
			if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=1m,mode=0700"); err != nil {
				t.Skipf("cannot mount a small tmpfs here (%v): the full-disk test needs root or CAP_SYS_ADMIN", err)
			}
			t.Cleanup(func() {
				if err := syscall.Unmount(dir, 0); err != nil {
					t.Errorf("unmount %s: %v", dir, err)
				}
			})
			path := filepath.Join(dir, "samkoll.db")
			s, a := realStoreAt(t, path)
			d := realDriver(t, s, path, a.ID, lang)
			filler := fillDisk(t, dir)

			// Answer with a long comment, item after item, until a save
			// fails; a free WAL frame may take the first ones.
			why := map[checklist.Lang]string{checklist.Swedish: "Orsak: disken är full", checklist.English: "Reason: the disk is full"}[lang]
			failed := false
			for i := 0; i < 5 && !failed; i++ {
				d.keys("c")
				d.typeText(strings.Repeat("kommentar ", 40))
				d.keys("enter", "1")
				failed = strings.Contains(flat(d.view()), why)
			}
			if !failed {
				t.Fatalf("no save failed on a full file system:\n%s", d.view())
			}
			v := flat(d.view())
			notSaved := map[checklist.Lang]string{checklist.Swedish: "Inte sparat:", checklist.English: "Not saved:"}[lang]
			if !strings.Contains(v, notSaved) || !strings.Contains(v, path) {
				t.Fatalf("the message does not say what was not saved and where:\n%s", d.view())
			}
			// The screen counts what the database holds, no more.
			got, err := s.LoadAssessment(context.Background(), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			answeredWord := map[checklist.Lang]string{checklist.Swedish: "besvarade", checklist.English: "answered"}[lang]
			n := 0
			for _, r := range got.Responses {
				if r.Answer != checklist.Unanswered {
					n++
				}
			}
			if want := strconv.Itoa(n) + "/5 " + answeredWord; !strings.Contains(v, want) {
				t.Fatalf("the database holds %d answers but the screen says otherwise (want %q):\n%s", n, want, d.view())
			}
			// Space again: esc closes the message, the same keys save.
			if err := os.Remove(filler); err != nil {
				t.Fatal(err)
			}
			d.keys("esc")
			if strings.Contains(flat(d.view()), notSaved) {
				t.Fatalf("esc did not close the message:\n%s", d.view())
			}
			d.keys("1")
			got, _ = s.LoadAssessment(context.Background(), a.ID)
			if len(got.Responses) <= n {
				t.Fatalf("with space again the key saved nothing (%d answers):\n%s", len(got.Responses), d.view())
			}
		})
	}
}

// fillDisk writes a file into dir until the file system is full and
// returns its path.
func fillDisk(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := bytes.Repeat([]byte{0}, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling %s: %v", dir, err)
			}
			return path
		}
	}
}
