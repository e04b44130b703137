package checklist

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFileProblemWindows classifies Windows' error codes on any system:
// the messages a manager sees instead of "The system cannot find the path
// specified." and the like.
func TestFileProblemWindows(t *testing.T) {
	exists := func(dirs ...string) func(string) bool {
		return func(d string) bool {
			for _, x := range dirs {
				if d == x {
					return true
				}
			}
			return false
		}
	}
	pathErr := func(op string, code uintptr) error {
		return &fs.PathError{Op: op, Path: "x", Err: syscall.Errno(code)}
	}
	sep := string(filepath.Separator)
	docs := filepath.Join(sep+"Users", "anna", "Documents")
	tests := []struct {
		name         string
		path         string
		err          error
		dirs         func(string) bool
		sv, en       string // both must be in the message
		notSV, notEN string
	}{
		{"mkdir on a drive that is not there", filepath.Join(sep+"nope", "x.db"), pathErr("mkdir", 3), exists(sep),
			"Mappen " + sep + "nope finns inte", "The folder " + sep + "nope does not exist", "mkdir", "mkdir"},
		{"no such drive", filepath.Join(sep+"nope", "x.db"), pathErr("open", 15), exists(), "enheten", "drive", "", ""},
		{"file missing", filepath.Join(docs, "data.json"), pathErr("open", 2), exists(docs), "Filen " + filepath.Join(docs, "data.json") + " finns inte", "does not exist", "Mappen", "The folder"},
		{"file open in Word", filepath.Join(docs, "plan.md"), pathErr("open", 32), exists(docs), "öppen i ett annat program", "open in another program", "", ""},
		{"a ? in the name", filepath.Join(docs, "plan?.md"), pathErr("open", 123), exists(docs), "tecken som Windows inte tillåter", "character Windows does not allow", "", ""},
		{"access denied", filepath.Join(docs, "plan.md"), pathErr("open", 5), exists(docs), "behörighet", "not allowed", "", ""},
		{"disk full", filepath.Join(docs, "plan.md"), pathErr("write", 112), exists(docs), "Disken är full", "disk is full", "", ""},
		{"share not reachable", filepath.Join(sep+sep+"fs01", "hem", "x.db"), pathErr("open", 53), exists(), "inte ansluten", "not connected", "", ""},
	}
	for _, tt := range tests {
		msg, ok := fileProblemText("windows", tt.path, tt.err, tt.dirs)
		if !ok {
			t.Errorf("%s: no message", tt.name)
			continue
		}
		if !strings.Contains(msg.SV, tt.sv) || !strings.Contains(msg.EN, tt.en) {
			t.Errorf("%s:\n%s\n%s\nwant %q and %q", tt.name, msg.SV, msg.EN, tt.sv, tt.en)
		}
		if (tt.notSV != "" && strings.Contains(msg.SV, tt.notSV)) || (tt.notEN != "" && strings.Contains(msg.EN, tt.notEN)) {
			t.Errorf("%s: %q / %q has %q", tt.name, msg.SV, msg.EN, tt.notSV)
		}
		if !strings.Contains(msg.SV, filepath.Base(tt.path)) && !strings.Contains(msg.SV, filepath.Dir(tt.path)) {
			t.Errorf("%s: %q does not name the file", tt.name, msg.SV)
		}
	}
	if _, ok := fileProblemText("windows", "x", pathErr("open", 9999), exists()); ok {
		t.Error("an unknown code got a message")
	}
}

// TestFileProblemHere uses this system's own errors: a file and a folder
// that do not exist.
func TestFileProblemHere(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "saknas.json")
	_, err := os.Open(missing)
	msg, ok := FileProblem(missing, err)
	if !ok || !strings.Contains(msg.SV, "Filen "+missing+" finns inte") {
		t.Errorf("missing file: %q, %v", msg.SV, ok)
	}
	deep := filepath.Join(dir, "nej", "inte", "plan.md")
	err = os.WriteFile(deep, nil, 0o600)
	msg, ok = FileProblem(deep, err)
	if !ok || !strings.Contains(msg.SV, "Mappen "+filepath.Join(dir, "nej")+" finns inte") {
		t.Errorf("missing folder: %q, %v", msg.SV, ok)
	}
}

// TestLintANSI: a checklist saved by Notepad as ANSI or as "Unicode" is
// refused with the advice to save it as UTF-8, naming the file and line.
func TestLintANSI(t *testing.T) {
	dir := t.TempDir()
	ansi := filepath.Join(dir, "ansi.yaml")
	os.WriteFile(ansi, []byte("id: ansi\r\nversion: 1\r\ntitle:\r\n  sv: R\xe5d och st\xf6d\r\n"), 0o600)
	utf16 := filepath.Join(dir, "unicode.yaml")
	os.WriteFile(utf16, []byte("\xff\xfei\x00d\x00:\x00"), 0o600)
	for _, tc := range []struct{ file, sv, en string }{
		{ansi, "rad 4: filen är inte sparad som UTF-8", "line 4: the file is not saved as UTF-8"},
		{utf16, "sparad som UTF-16", "saved as UTF-16"},
	} {
		errs := Lint(os.DirFS("."), []string{tc.file})
		if len(errs) != 1 {
			t.Fatalf("%s: %d errors, want 1: %v", tc.file, len(errs), errs)
		}
		sv, en := Message(errs[0], Swedish), Message(errs[0], English)
		if !strings.Contains(sv, tc.sv) || !strings.Contains(sv, "spara den igen") || !strings.Contains(sv, tc.file) {
			t.Errorf("%s: %q", tc.file, sv)
		}
		if !strings.Contains(en, tc.en) || !strings.Contains(en, "UTF-8") {
			t.Errorf("%s: %q", tc.file, en)
		}
		if strings.Contains(sv, "octet") {
			t.Errorf("YAML's message came through: %q", sv)
		}
	}
}
