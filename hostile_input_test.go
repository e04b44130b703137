//go:build !windows

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"samkoll/store"
)

// memLimit is the address-space limit (ulimit -v, in KiB) the binary runs
// under in these tests: samkoll's address space is about 1.7 GB (VmPeak)
// for a small export or import, most of it reserved rather than used, so
// this leaves a few hundred MB, far below what an unbounded read of
// /dev/zero, a runaway template or a huge value held whole would take.
const memLimit = "ulimit -v 2000000;"

// fileLimit bounds the files the binary may write in these tests (ulimit
// -f, in blocks of 512 or 1024 bytes): a regression that copies /dev/zero
// fails the test instead of filling the disk.
const fileLimit = "ulimit -f 400000;"

// runHome runs the binary with HOME at home under memLimit and fileLimit;
// see runSamkoll.
func runHome(t *testing.T, home, bin string, args ...string) (string, string, int) {
	t.Helper()
	return runSamkoll(t, memLimit+" "+fileLimit, home, bin, args...)
}

// hostileFixture returns a test folder, the shared binary, a HOME (made,
// 0700) and a real database in the folder.
func hostileFixture(t *testing.T) (dir, bin, home, db string) {
	t.Helper()
	dir = t.TempDir()
	bin = hostileBinary(t)
	home = filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	db = filepath.Join(dir, "s.db")
	realDB(t, db)
	return dir, bin, home, db
}

// TestHostileTemplates puts override templates that loop for days, grow a
// text until memory runs out or nest loops next to the database's config,
// and exports through the real binary under a memory limit and a
// watchdog: each export finishes with the built-in template and a warning
// naming the file.
func TestHostileTemplates(t *testing.T) {
	_, bin, home, db := hostileFixture(t)
	tdir := filepath.Join(home, ".config", "samkoll", "templates")
	if err := os.MkdirAll(tdir, 0o700); err != nil {
		t.Fatal(err)
	}
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
		"escape doubling":  `{{$x := "**"}}{{range 21}}{{$x = printf "%s%s" $x $x}}{{end}}{{range 12}}{{$x = esc $x}}{{end}}{{len $x}}`,
		"number in dot":    "{{with 100000000000000}}{{range .}}{{end}}{{end}}",
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

// TestHostileInputFiles gives import, region (also as the unit map of
// --units) and the checklist commands a FIFO, a link to /dev/zero and a
// folder, through the real binary under a memory
// limit and a watchdog: each gets a message naming the file, no hang, no
// stack trace, and the database is not changed.
func TestHostileInputFiles(t *testing.T) {
	dir, bin, home, db := hostileFixture(t)
	cl := filepath.Join(dir, "cl")
	if err := os.MkdirAll(cl, 0o700); err != nil {
		t.Fatal(err)
	}
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
	// Databases from an older samkoll, read through a copy: one with a
	// FIFO as its -wal, one with a link to /dev/zero.
	oldFIFO, oldZero := filepath.Join(dir, "gammal1.db"), filepath.Join(dir, "gammal2.db")
	for _, p := range []string{oldFIFO, oldZero} {
		realDB(t, p)
		execSQL(t, p, fmt.Sprintf("PRAGMA user_version = %d", store.SchemaVersion-1))
	}
	if err := syscall.Mkfifo(oldFIFO+"-wal", 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", oldZero+"-wal"); err != nil {
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
		{[]string{"--db", db, "import", oldFIFO}, []string{oldFIFO + "-wal", "FIFO"}, false},
		{[]string{"--db", db, "import", oldZero}, []string{oldZero + "-wal", "enhetsfil"}, false},
		{[]string{"--db", db, "import", fifo}, []string{fifo, "FIFO"}, false},
		{[]string{"--db", db, "import", zero}, []string{zero, "enhetsfil"}, false},
		{[]string{"--db", db, "import", dir}, []string{dir, "katalog"}, false},
		{[]string{"region", fifo}, []string{fifo, "FIFO"}, false},
		{[]string{"region", zero}, []string{zero, "enhetsfil"}, false},
		{[]string{"--db", db, "import", "--units", fifo, zero}, []string{fifo, "enhetskartan", "FIFO"}, false},
		{[]string{"--db", db, "region", "--units", fifo}, []string{fifo, "enhetskartan", "FIFO"}, false},
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

// TestHugeValueInImport imports, through the real binary under the
// memory limit, a JSON export whose one assessment holds a 64 MB text:
// within the 1 GiB file limit, but held whole by the decoder it ran
// memory out with a stack trace. It is refused with a message naming the
// file and the line, and the database is not changed.
func TestHugeValueInImport(t *testing.T) {
	dir, bin, home, db := hostileFixture(t)
	js, stderr, code := runHome(t, home, bin, "--db", db, "export", "--format", "json", "--all")
	if code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(js, `"participants": "`)
	if at < 0 {
		t.Fatalf("no participants in the export:\n%.500s", js)
	}
	at += len(`"participants": "`)
	path := filepath.Join(dir, "stor.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	f.WriteString(js[:at])
	for range 64 {
		f.Write(chunk)
	}
	f.WriteString(js[at:])
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runHome(t, home, bin, "--db", db, "import", path)
	if code == 0 || !strings.Contains(stderr, path+":") || !strings.Contains(stderr, "större än") {
		t.Errorf("import of a 64 MB text: exit %d\n%s%.500s", code, stdout, stderr)
	}
	if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "out of memory") {
		t.Errorf("crashed: %.500s", stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
}

// TestExportOutputSpecialFiles exports with -o onto a symbolic link, a
// FIFO and a link to /dev/null through the real binary: the link is
// written through and stays a link, the FIFO and the device are refused
// with a message and left as they were.
func TestExportOutputSpecialFiles(t *testing.T) {
	dir, bin, home, db := hostileFixture(t)
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

// TestHostileTemplateInApp exports with x in the real app under a memory
// limit, with an override whose loop neither writes nor calls a function
// and that the loop check cannot count: the app says it used the built-in
// template, and the template's goroutine ends instead of burning a core
// until samkoll quits (its CPU time over the next 4 s is measured).
func TestHostileTemplateInApp(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc to read the CPU time from")
	}
	_, bin, home, db := hostileFixture(t)
	tdir := filepath.Join(home, ".config", "samkoll", "templates")
	if err := os.MkdirAll(tdir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tdir, "handlingsplan.md.tmpl"), []byte("{{range (100000000000000)}}{{end}}"), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startTmux(t, 100, 30, fmt.Sprintf("env HOME=%q XDG_CONFIG_HOME=%q LANG=sv_SE.UTF-8 TERM=xterm-256color sh -c '%s exec \"$0\" --db \"$1\"' %q %q; sleep 600",
		home, filepath.Join(home, ".config"), memLimit, bin, db))
	tm.waitFor("Avdelning 7")
	shell := strings.TrimSpace(tm.run("display-message", "-p", "-t", "0", "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", shell, "-x", "samkoll").Output()
	if err != nil {
		t.Fatalf("no samkoll under the shell %s: %v", shell, err)
	}
	pid := strings.Fields(string(out))[0]
	tm.keys("x")
	tm.waitFor("inbyggda")
	before := cpuTicks(t, pid)
	time.Sleep(4 * time.Second)
	// A template still running takes a good share of the 400 ticks of
	// 4 s even on a loaded machine (130 at a load of 12 on 2 cores); an
	// idle app takes a few.
	used := cpuTicks(t, pid) - before
	t.Logf("%d CPU ticks in 4 s", used)
	if used > 40 {
		t.Errorf("samkoll used %d of 400 CPU ticks in the 4 s after the template's time was up: its goroutine still runs", used)
	}
	if !strings.Contains(tm.screen(), "samkoll – ") {
		t.Errorf("the app is gone:\n%s", tm.screen())
	}
}

// cpuTicks returns the user and system CPU time of process pid in clock
// ticks (1/100 s on Linux), from /proc.
func cpuTicks(t *testing.T, pid string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		t.Fatal(err)
	}
	// The fields after the command name (in parentheses): utime and stime
	// are the 12th and 13th.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	u, err1 := strconv.Atoi(f[11])
	s, err2 := strconv.Atoi(f[12])
	if err1 != nil || err2 != nil {
		t.Fatalf("/proc/%s/stat: %q", pid, b)
	}
	return u + s
}

// TestLongPasteIsSaid pastes 1 MB into a comment in the real app, under
// the memory limit, and saves it: the app says the text was cut to the
// field's 500 characters, and the database holds those 500.
func TestLongPasteIsSaid(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	dir, bin, home, db := hostileFixture(t)
	tm := startTmux(t, 100, 30, fmt.Sprintf("env HOME=%q LANG=sv_SE.UTF-8 TERM=xterm-256color sh -c '%s exec \"$0\" --db \"$1\"' %q %q; sleep 600",
		home, memLimit, bin, db))
	tm.waitFor("Avdelning 7")
	tm.keys("Enter")
	tm.waitFor("besvarade")
	tm.keys("c")
	tm.waitFor("enter spara")
	paste := filepath.Join(dir, "paste.txt")
	if err := os.WriteFile(paste, []byte(strings.Repeat("ab ", 350_000)), 0o600); err != nil {
		t.Fatal(err)
	}
	tm.run("load-buffer", "-b", "stor", paste)
	tm.run("paste-buffer", "-p", "-b", "stor", "-t", "0")
	tm.waitFor("ab ab ab ab")
	tm.keys("Enter")
	// Wait for the store, then for what the screen says after the save.
	comment := ""
	for deadline := time.Now().Add(15 * time.Second); comment == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		comment = savedComment(t, db, "ab ab")
	}
	if comment == "" {
		t.Fatalf("the cut comment did not reach the database; the screen:\n%s", tm.screen())
	}
	if n := utf8.RuneCountInString(comment); n > 500 || n < 490 {
		t.Errorf("the saved comment has %d characters, want the first 500 (trimmed)", n)
	}
	// The field has closed: what says "kortades" now is the status
	// after the save.
	scr := tm.waitFor("kortades till 500 tecken")
	if strings.Contains(scr, "enter spara") {
		t.Errorf("the comment field is still open:\n%s", scr)
	}
}

// savedComment returns the comment of assessment 1 in the database at db
// that starts with prefix, or "".
func savedComment(t *testing.T, db, prefix string) string {
	t.Helper()
	s, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.LoadAssessment(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range a.Responses {
		if strings.HasPrefix(r.Comment, prefix) {
			return r.Comment
		}
	}
	return ""
}
