package report

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"samkoll/checklist"
)

// TestFileOpenInWord acts as Windows does when Word holds the plan open:
// the rename onto it fails with access denied. WriteFileAtomic says the
// file is open in another program, and WriteBeside writes "plan (2).md"
// beside it and says so; the open file is not touched.
func TestFileOpenInWord(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(plan, []byte("in Word"), 0o600); err != nil {
		t.Fatal(err)
	}
	oldRename, oldGOOS := rename, goos
	defer func() { rename, goos = oldRename, oldGOOS }()
	goos = "windows"
	rename = func(from, to string) error {
		if to == plan {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.Errno(5)} // ERROR_ACCESS_DENIED
		}
		return os.Rename(from, to)
	}

	err := WriteFileAtomic(plan, []byte("new"))
	var iu *InUseError
	if !errors.As(err, &iu) || !strings.Contains(iu.Message(checklist.Swedish), "öppen i ett annat program") ||
		!strings.Contains(iu.Message(checklist.English), "open in another program") {
		t.Fatalf("WriteFileAtomic = %v, want the file-in-use message", err)
	}

	if err := os.WriteFile(filepath.Join(dir, "plan (2).md"), []byte("taken"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := WriteBeside(plan, []byte("new"))
	var beside *BesideError
	if !errors.As(err, &beside) || got != filepath.Join(dir, "plan (3).md") {
		t.Fatalf("WriteBeside = %q, %v; want plan (3).md and a *BesideError", got, err)
	}
	if !strings.Contains(beside.Message(checklist.Swedish), "plan (3).md") {
		t.Errorf("the message does not say where: %s", beside.Message(checklist.Swedish))
	}
	if b, _ := os.ReadFile(got); string(b) != "new" {
		t.Errorf("%s holds %q", got, b)
	}
	if b, _ := os.ReadFile(plan); string(b) != "in Word" {
		t.Errorf("the open file was changed: %q", b)
	}
	// On other systems the same failure is not taken for Word.
	goos = "linux"
	if err := WriteFileAtomic(plan, []byte("new")); errors.As(err, &iu) {
		t.Error("access denied on Linux was taken for a file open in Word")
	}
}
