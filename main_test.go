package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"samkoll/checklist"
	"samkoll/store"
)

// buildBinary builds samkoll into dir, with extra build flags.
func buildBinary(t *testing.T, dir string, flags ...string) string {
	t.Helper()
	bin := filepath.Join(dir, "samkoll")
	args := append([]string{"build", "-o", bin}, flags...)
	out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// appFixture is a freshly built samkoll with a database and a HOME of its
// own in the test's folder; cmd runs it in tmux and then prints its exit
// code as SAMKOLL-EXIT=N.
type appFixture struct {
	db, home, cmd string
}

func newAppFixture(t *testing.T) appFixture {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	f := appFixture{db: filepath.Join(dir, "data", "apt.db"), home: filepath.Join(dir, "home")}
	if err := os.MkdirAll(f.home, 0o700); err != nil {
		t.Fatal(err)
	}
	f.cmd = fmt.Sprintf("env HOME=%q LANG=sv_SE.UTF-8 TERM=xterm-256color %q --db %q; echo SAMKOLL-EXIT=$?; sleep 60", f.home, bin, f.db)
	return f
}

// newAssessment fills the new-assessment form from the start screen: the
// unit, the date (empty keeps today's), who took part, and every area
// offered; it waits for the walk's first item.
func (s *tmuxSession) newAssessment(unit, date, who string) {
	s.t.Helper()
	s.keys("n")
	s.waitFor("Ny riskbedömning")
	s.text(unit)
	s.keys("Tab")
	if date != "" {
		s.text(date)
	}
	s.keys("Tab")
	s.text(who)
	s.keys("Tab", "Space", "C-s")
	// 71 items, and the unit's own items offered again.
	s.waitFor("1/7")
}

// tmuxSession drives one program in a detached tmux session on a private
// server socket.
type tmuxSession struct {
	t    *testing.T
	sock string
}

func startTmux(t *testing.T, width, height int, command string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it")
	}
	s := &tmuxSession{t: t, sock: fmt.Sprintf("samkoll-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	s.run("new-session", "-d", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), command)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.sock, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.sock}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names (Enter, Tab, Escape, C-c, Right …).
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.run(append([]string{"send-keys", "-t", "0"}, keys...)...)
}

// text types literal text.
func (s *tmuxSession) text(text string) {
	s.t.Helper()
	s.run("send-keys", "-t", "0", "-l", text)
}

func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.run("capture-pane", "-p", "-t", "0")
}

// waitFor polls the screen until it contains want, with a deadline: no
// fixed sleeps.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited for %q; the screen shows:\n%s", want, scr)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// TestEndToEnd drives the real binary in tmux through a whole assessment:
// a new assessment, answers of every kind, a risk, an action, a comment
// with the personnummer warning, the plan, the summary and an export. It
// then checks the database and the exported file.
func TestEndToEnd(t *testing.T) {
	f := newAppFixture(t)
	db, home := f.db, f.home
	s := startTmux(t, 100, 30, f.cmd)

	s.waitFor("Här finns inga riskbedömningar")
	s.newAssessment("Avdelning 7", "", "chef, skyddsombud, fem undersköterskor")

	s.keys("1") // Ja
	s.waitFor("2/71")
	s.keys("3") // Nej: the risk matrix
	s.waitFor("Riskbedömning")
	s.keys("2", "4")
	s.waitFor("Konsekvens: 4")
	s.keys("a") // add an action for the item
	s.waitFor("Föreslagna åtgärder")
	s.keys("1")
	s.keys("Tab")
	s.text("enhetschef")
	s.keys("Enter")
	s.waitFor("Handlingsplan")
	s.waitFor("enhetschef")
	s.keys("Escape")
	s.waitFor("2/71")

	s.keys("Right")
	s.waitFor("3/71")
	s.keys("4") // Ej aktuellt asks for a reason
	s.waitFor("Varför ej aktuellt")
	s.text("Vi har inga inhyrda")
	s.keys("Enter")
	s.waitFor("4/71")

	s.keys("c")
	s.text("Se 811218-9876")
	s.keys("Enter")
	s.waitFor("personnummer")
	s.keys("C-u")
	s.text("Rutinen finns men är okänd")
	s.keys("Enter")
	s.keys("2") // Delvis, then save the risk as it stands
	s.waitFor("Riskbedömning")
	s.keys("1", "2", "Enter")
	s.waitFor("5/71")

	s.keys("s")
	s.waitFor("Sammanfattning")
	s.keys("x")
	scr := s.waitFor("samkoll-export")
	if !strings.Contains(scr, "handlingsplan-") {
		t.Errorf("the export path is not shown:\n%s", scr)
	}
	// Two escapes sent at once read as alt+esc, so wait for each screen.
	s.keys("Escape")
	s.waitFor("5/71")
	s.keys("Escape")
	s.waitFor("Besvarat")
	s.waitFor("4/71")
	s.keys("C-c")
	s.waitFor("SAMKOLL-EXIT=0")

	// The database holds what was entered.
	ctx := context.Background()
	st, err := store.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.ListAssessments(ctx, checklist.Today())
	if err != nil || len(list) != 1 {
		t.Fatalf("assessments = %v, %v", list, err)
	}
	a, err := st.LoadAssessment(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Unit != "Avdelning 7" || !a.SafetyRepPresent || !strings.Contains(a.Participants, "skyddsombud") {
		t.Errorf("assessment = %+v", a)
	}
	counts := map[checklist.Answer]int{}
	var reason, comment string
	var nejRisk *checklist.Risk
	for _, r := range a.Responses {
		counts[r.Answer]++
		if r.Answer == checklist.EjAktuellt {
			reason = r.Reason
		}
		if r.Answer == checklist.Delvis {
			comment = r.Comment
		}
		if r.Answer == checklist.Nej {
			nejRisk = r.Risk
		}
	}
	if counts[checklist.Ja] != 1 || counts[checklist.Nej] != 1 || counts[checklist.EjAktuellt] != 1 || counts[checklist.Delvis] != 1 {
		t.Errorf("answer counts = %v", counts)
	}
	if reason != "Vi har inga inhyrda" {
		t.Errorf("reason = %q", reason)
	}
	if comment != "Rutinen finns men är okänd" {
		t.Errorf("comment = %q (the personnummer must not be saved)", comment)
	}
	if nejRisk == nil || nejRisk.Probability != 2 || nejRisk.Consequence != 4 || nejRisk.Level != checklist.Hog {
		t.Errorf("risk of the Nej item = %+v", nejRisk)
	}
	if len(a.Actions) != 1 || a.Actions[0].Who != "enhetschef" || a.Actions[0].What == "" {
		t.Fatalf("actions = %+v", a.Actions)
	}

	// The exported file is the plan.
	files, _ := filepath.Glob(filepath.Join(home, "samkoll-export", "handlingsplan-*.md"))
	if len(files) != 1 {
		t.Fatalf("exported files = %v", files)
	}
	md, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Avdelning 7", a.Actions[0].What, "enhetschef", "Vi har inga inhyrda", "Justerat av"} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("the export lacks %q", want)
		}
	}
}

// TestPanicRestoresTerminal builds samkoll with a test-only panic key, makes
// it panic in the middle of a walk and checks that the terminal is back in
// cooked mode, that a short message names a crash log, and that the answer
// given before the panic is in the database.
func TestPanicRestoresTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir, "-tags", "samkoll_paniktest")
	db := filepath.Join(dir, "data", "apt.db")
	cmd := fmt.Sprintf("env LANG=sv_SE.UTF-8 %q --db %q; echo SAMKOLL-EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon'; sleep 60", bin, db)
	s := startTmux(t, 100, 30, cmd)
	s.waitFor("Här finns inga")
	s.keys("n")
	s.waitFor("Ny riskbedömning")
	s.text("Enhet A")
	s.keys("Tab", "Tab", "Tab", "C-s")
	s.waitFor("1/71")
	s.keys("1")
	s.waitFor("2/71")
	s.keys("C-p")
	scr := s.waitFor("SAMKOLL-EXIT=1")
	if !strings.Contains(scr, "Allt som sparats finns kvar") {
		t.Errorf("no short message after the panic:\n%s", scr)
	}
	if strings.Contains(scr, "goroutine ") {
		t.Errorf("a stack trace reached the terminal:\n%s", scr)
	}
	m := regexp.MustCompile(`Felrapport: (\S+)`).FindStringSubmatch(scr)
	if m == nil {
		t.Fatalf("no crash log named:\n%s", scr)
	}
	if log, err := os.ReadFile(m[1]); err != nil || !bytes.Contains(log, []byte("test panic")) {
		t.Errorf("crash log %s: %v", m[1], err)
	}
	scr = s.waitFor("icanon")
	if strings.Contains(scr, "-icanon") {
		t.Errorf("the terminal was left in raw mode:\n%s", scr)
	}
	st, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.ListAssessments(context.Background(), checklist.Today())
	if err != nil || len(list) != 1 || list[0].Answered != 1 {
		t.Errorf("after the panic: %+v, %v", list, err)
	}
}

// TestUnusableDatabase starts the real binary on files samkoll cannot use:
// each gets a clear message naming the path, a non-zero exit, and the file
// is left byte-identical.
func TestUnusableDatabase(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	tests := []struct {
		name, lang string
		content    []byte
		want       string
	}{
		{"text file", "sv", []byte("inte en databas\n"), "inte"},
		{"empty file", "sv", []byte{}, ""},
		{"text file in English", "en", []byte("not a database\n"), "not"},
		{"truncated header", "sv", []byte("SQLite format 3\x00\x10\x00"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "fel.db")
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "--db", path, "--lang", tt.lang)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			if err == nil {
				t.Fatal("samkoll started on an unusable file")
			}
			msg := stderr.String()
			if !strings.Contains(msg, path) || strings.Contains(msg, "goroutine") || strings.Contains(msg, "panic") {
				t.Errorf("message does not name the path, or shows a stack:\n%s", msg)
			}
			if tt.lang == "en" && strings.Contains(msg, "databasen") {
				t.Errorf("message is not in English:\n%s", msg)
			}
			got, _ := os.ReadFile(path)
			if !bytes.Equal(got, tt.content) {
				t.Errorf("the file was changed")
			}
			if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
				t.Errorf("files were left next to it: %v", entries)
			}
		})
	}
}
