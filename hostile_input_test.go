//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// memLimit is the address-space limit (ulimit -v, in KiB) the binary runs
// under in these tests: far above what samkoll needs, far below what an
// unbounded read of /dev/zero or a runaway template would take.
const memLimit = "ulimit -v 2000000;"

// runHome runs the binary with HOME at home under memLimit; see
// runSamkoll.
func runHome(t *testing.T, home, bin string, args ...string) (string, string, int) {
	t.Helper()
	return runSamkoll(t, memLimit, home, bin, args...)
}

// TestHostileTemplates puts override templates that loop for days, grow a
// text until memory runs out or nest loops next to the database's config,
// and exports through the real binary under a memory limit and a
// watchdog: each export finishes with the built-in template and a warning
// naming the file.
func TestHostileTemplates(t *testing.T) {
	dir := t.TempDir()
	bin := hostileBinary(t)
	home := filepath.Join(dir, "home")
	tdir := filepath.Join(home, ".config", "samkoll", "templates")
	if err := os.MkdirAll(tdir, 0o700); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "s.db")
	realDB(t, db)
	want, stderr, code := runHome(t, home, bin, "--db", db, "export")
	if code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	tmpl := filepath.Join(tdir, "handlingsplan.md.tmpl")
	for name, src := range map[string]string{
		"endless loop":     "{{range 100000000000000}}{{end}}",
		"huge output":      "{{range 100000000}}xxxxxxxxxx{{end}}",
		"nested loops":     "{{range 1000}}{{range 1000}}x{{end}}{{end}}",
		"loop through var": "{{$n := 100000000000}}{{range $n}}{{end}}",
		"doubling":         `{{$x := "ab"}}{{range 60}}{{$x = printf "%s%s" $x $x}}{{end}}{{$x}}`,
		"fifo":             "",
		"link to zero":     "",
	} {
		t.Run(name, func(t *testing.T) {
			os.Remove(tmpl)
			switch name {
			case "fifo":
				if err := syscall.Mkfifo(tmpl, 0o600); err != nil {
					t.Fatal(err)
				}
			case "link to zero":
				if err := os.Symlink("/dev/zero", tmpl); err != nil {
					t.Fatal(err)
				}
			default:
				if err := os.WriteFile(tmpl, []byte(src), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			got, stderr, code := runHome(t, home, bin, "--db", db, "export")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if got != want {
				t.Errorf("the export is not the built-in template's:\n%.300s", got)
			}
			if !strings.Contains(stderr, tmpl) || !strings.Contains(stderr, "inbyggda mallen") {
				t.Errorf("the warning does not name the template: %q", stderr)
			}
			if strings.Contains(stderr, "goroutine ") {
				t.Errorf("stack trace: %.500s", stderr)
			}
		})
	}
}

// TestHostileInputFiles gives import and the checklist commands a FIFO, a
// link to /dev/zero and a folder, through the real binary under a memory
// limit and a watchdog: each gets a message naming the file, no hang, no
// stack trace, and the database is not changed.
func TestHostileInputFiles(t *testing.T) {
	dir := t.TempDir()
	bin := hostileBinary(t)
	home := filepath.Join(dir, "home")
	cl := filepath.Join(dir, "cl")
	for _, d := range []string{home, cl} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "s.db")
	realDB(t, db)
	fifo := filepath.Join(dir, "in.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(cl, "bad.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(cl, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want []string
		ok   bool
	}{
		{[]string{"--db", db, "import", fifo}, []string{fifo, "FIFO"}, false},
		{[]string{"--db", db, "import", zero}, []string{zero, "enhetsfil"}, false},
		{[]string{"--db", db, "import", dir}, []string{dir, "katalog"}, false},
		{[]string{"--checklists", cl, "checklists"}, []string{"bad.yaml", "FIFO", "zero.yaml", "enhetsfil"}, true},
		{[]string{"checklists", "lint", filepath.Join(cl, "bad.yaml"), filepath.Join(cl, "zero.yaml")}, []string{"FIFO", "enhetsfil"}, false},
	} {
		name := strings.Join(tc.args, " ")
		stdout, stderr, code := runHome(t, home, bin, tc.args...)
		if (code == 0) != tc.ok {
			t.Errorf("%s: exit %d\n%s%s", name, code, stdout, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(stdout+stderr, w) {
				t.Errorf("%s: output lacks %q:\n%s%s", name, w, stdout, stderr)
			}
		}
		if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "out of memory") {
			t.Errorf("%s: crashed: %.500s", name, stderr)
		}
	}
	after, _ := os.ReadFile(db)
	if string(before) != string(after) {
		t.Error("the database changed")
	}
}

// TestExportOutputSpecialFiles exports with -o onto a symbolic link, a
// FIFO and a link to /dev/null through the real binary: the link is
// written through and stays a link, the FIFO and the device are refused
// with a message and left as they were.
func TestExportOutputSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	bin := hostileBinary(t)
	home := filepath.Join(dir, "home")
	db := filepath.Join(dir, "s.db")
	realDB(t, db)
	target := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(target, []byte("gammal"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runHome(t, home, bin, "--db", db, "export", "-o", link); code != 0 {
		t.Fatalf("export -o link: %s", stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); !strings.Contains(string(b), "Avdelning 7") {
		t.Errorf("the link's target was not written: %.100q", b)
	}
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	devnull := filepath.Join(dir, "null.md")
	if err := os.Symlink("/dev/null", devnull); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, devnull} {
		_, stderr, code := runHome(t, home, bin, "--db", db, "export", "-o", p)
		if code == 0 || !strings.Contains(stderr, "ingen vanlig fil") || strings.Contains(stderr, "goroutine ") {
			t.Errorf("export -o %s: exit %d: %s", filepath.Base(p), code, stderr)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	if fi, err := os.Lstat(devnull); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link to /dev/null was replaced")
	}
}
