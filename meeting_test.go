//go:build !windows

package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"samkoll/assets"
	"samkoll/checklist"
	"samkoll/store"
)

// The tests in this file drive the real binary in tmux as a hurried manager
// would (bursts of keys, ctrl+c right after a key, the window closed in the
// middle of typing, the process killed) and compare the screen with the
// database after each: what the screen shows as saved is in the database.

var (
	meetingBinOnce sync.Once
	meetingBin     string
	meetingBinErr  error
)

// meetingBinary builds samkoll once for the tests of this file.
func meetingBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it")
	}
	meetingBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "samkoll-meeting-")
		if err != nil {
			meetingBinErr = err
			return
		}
		meetingBin = filepath.Join(dir, "samkoll")
		out, err := exec.Command("go", "build", "-o", meetingBin, ".").CombinedOutput()
		if err != nil {
			meetingBinErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if meetingBinErr != nil {
		t.Fatal(meetingBinErr)
	}
	return meetingBin
}

// meeting is one database with the app running on it in tmux.
type meeting struct {
	t   *testing.T
	bin string
	db  string
	tm  *tmuxSession
}

// newMeeting makes a database with one assessment on the core areas and
// returns it with its item count; the app is not started yet.
func newMeeting(t *testing.T) (*meeting, int64, int) {
	t.Helper()
	bin := meetingBinary(t)
	m := &meeting{t: t, bin: bin, db: filepath.Join(t.TempDir(), "apt.db")}
	id, n := m.addAssessment("Avdelning 7")
	return m, id, n
}

// addAssessment adds an assessment on the core areas, dated today.
func (m *meeting) addAssessment(unit string) (int64, int) {
	m.t.Helper()
	cat, errs := checklist.Load(assets.FS, "")
	if len(errs) > 0 {
		m.t.Fatal(errs)
	}
	a := checklist.Assessment{Unit: unit, Date: checklist.Today()}
	counts := map[string]int{}
	total := 0
	for _, id := range cat.CoreAreaIDs() {
		ar := cat.Area(id)
		a.Areas = append(a.Areas, checklist.AreaRef{ID: ar.ID, Version: ar.Version, Hash: ar.Hash})
		counts[ar.ID] = len(ar.Items)
		total += len(ar.Items)
	}
	s, err := store.Open(context.Background(), m.db)
	if err != nil {
		m.t.Fatal(err)
	}
	defer s.Close()
	saved, err := s.CreateAssessment(context.Background(), a, counts)
	if err != nil {
		m.t.Fatal(err)
	}
	return saved.ID, total
}

// start runs the app in a new tmux session; after it ends the pane shows
// its exit code and whether the terminal is back in canonical mode.
func (m *meeting) start(args ...string) {
	m.t.Helper()
	if m.tm != nil {
		_ = exec.Command("tmux", "-L", m.tm.sock, "kill-server").Run()
	}
	cmd := fmt.Sprintf("env LANG=sv_SE.UTF-8 TERM=xterm-256color %q --db %q %s; rc=$?; clear; echo SAMKOLL-EXIT=$rc; "+
		"stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon'; sleep 600", m.bin, m.db, strings.Join(args, " "))
	m.tm = startTmux(m.t, 100, 30, cmd)
	m.tm.waitFor("samkoll – ")
}

// pid returns the process id of the running samkoll.
func (m *meeting) pid() int {
	m.t.Helper()
	shell := strings.TrimSpace(m.tm.run("display-message", "-p", "-t", "0", "#{pane_pid}"))
	deadline := time.Now().Add(10 * time.Second)
	for {
		out, _ := exec.Command("pgrep", "-P", shell, "-x", "samkoll").Output()
		if f := strings.Fields(string(out)); len(f) > 0 {
			pid, err := strconv.Atoi(f[0])
			if err == nil {
				return pid
			}
		}
		if time.Now().After(deadline) {
			m.t.Fatalf("no samkoll process under the shell %s", shell)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// open opens the walk of the first assessment in the list.
func (m *meeting) open() {
	m.t.Helper()
	m.tm.waitFor("Avdelning 7")
	m.tm.keys("Enter")
	m.tm.waitFor("besvarade")
}

// addAction saves x as an action of assessment id, before the app starts,
// and returns it as saved.
func (m *meeting) addAction(id int64, x checklist.Action) checklist.Action {
	m.t.Helper()
	x.UnitID, x.AssessmentID = m.load(id).UnitID, id
	s, err := store.Open(context.Background(), m.db)
	if err != nil {
		m.t.Fatal(err)
	}
	defer s.Close()
	saved, err := s.SaveAction(context.Background(), x)
	if err != nil {
		m.t.Fatal(err)
	}
	return saved
}

// load reads assessment id from the database while the app may run.
func (m *meeting) load(id int64) checklist.Assessment {
	m.t.Helper()
	s, err := store.OpenReadOnly(context.Background(), m.db)
	if err != nil {
		m.t.Fatal(err)
	}
	defer s.Close()
	a, err := s.LoadAssessment(context.Background(), id)
	if err != nil {
		m.t.Fatal(err)
	}
	return a
}

// settled waits until the screen shows no pending change and returns it.
func (m *meeting) settled(want string) string {
	m.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr := m.tm.screen()
		if strings.Contains(scr, want) && !strings.Contains(scr, "sparas …") {
			return scr
		}
		if time.Now().After(deadline) {
			m.t.Fatalf("waited for %q with nothing pending; the screen shows:\n%s", want, scr)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

var (
	answeredRe = regexp.MustCompile(`(\d+)/(\d+) besvarade`)
	statusRe   = regexp.MustCompile(`Svar: (Ja|Delvis|Nej|Ej aktuellt|Ej besvarad)(?: · Risk: (Låg|Medel|Hög|Mycket hög))?( · sparas …)?`)
	positionRe = regexp.MustCompile(`(\d+)/(\d+)\s*\n`)
)

// answered returns the count of answered items the walk shows.
func answered(t *testing.T, scr string) int {
	t.Helper()
	m := answeredRe.FindStringSubmatch(scr)
	if m == nil {
		t.Fatalf("no answered count on the screen:\n%s", scr)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestBurstsMatchDatabase sends bursts of keys as a fast typist does and
// compares the screen with the database after each: "1 ← 3 enter" on the
// first item, "1 1 1" then ctrl+c at once, and 58 × j then the summary.
func TestBurstsMatchDatabase(t *testing.T) {
	trials := 4
	t.Run("answer, back, change, risk", func(t *testing.T) {
		for trial := range trials {
			m, id, total := newMeeting(t)
			m.start()
			m.open()
			m.tm.keys("1", "Left", "3", "Enter")
			m.tm.keys("Left")
			// The keys reach the app after send-keys returns: wait for the
			// answered count, with nothing pending.
			scr := m.settled("1/" + strconv.Itoa(total) + " besvarade")
			for wait := time.Now().Add(15 * time.Second); time.Now().Before(wait); {
				if st := statusRe.FindStringSubmatch(scr); st != nil && st[1] == "Nej" {
					break
				}
				time.Sleep(30 * time.Millisecond)
				scr = m.settled("1/" + strconv.Itoa(total) + " besvarade")
			}
			a := m.load(id)
			st := statusRe.FindStringSubmatch(scr)
			if st == nil {
				t.Fatalf("trial %d: no answer line:\n%s", trial, scr)
			}
			var first checklist.Response
			for _, r := range a.Responses {
				first = r
			}
			if len(a.Responses) != 1 || first.Answer != checklist.Nej || first.Risk == nil {
				t.Fatalf("trial %d: the database holds %+v, want one Nej with a risk", trial, a.Responses)
			}
			if st[1] != "Nej" || st[2] != first.Risk.Level.Label(checklist.Swedish) || answered(t, scr) != 1 {
				t.Fatalf("trial %d: the screen shows %q and %d answered, the database Nej %s:\n%s",
					trial, st[0], answered(t, scr), first.Risk.Level.Label(checklist.Swedish), scr)
			}
			m.tm.keys("C-c")
			m.tm.waitFor("SAMKOLL-EXIT=0")
		}
	})
	t.Run("three answers then ctrl+c", func(t *testing.T) {
		for trial := range trials {
			m, id, _ := newMeeting(t)
			m.start()
			m.open()
			m.tm.keys("1", "1", "1", "C-c")
			scr := m.tm.waitFor("SAMKOLL-EXIT=")
			if !strings.Contains(scr, "SAMKOLL-EXIT=0") {
				t.Fatalf("trial %d: exit:\n%s", trial, scr)
			}
			if a := m.load(id); len(a.Responses) != 3 {
				t.Fatalf("trial %d: after 1 1 1 ctrl+c the database holds %d answers, want 3", trial, len(a.Responses))
			}
		}
	})
	t.Run("every item then the summary", func(t *testing.T) {
		for trial := range trials / 2 {
			m, id, total := newMeeting(t)
			m.start()
			m.open()
			keys := make([]string, total)
			for i := range keys {
				keys[i] = "j"
			}
			m.tm.keys(keys...)
			m.tm.keys("s")
			scr := m.tm.waitFor("Sammanfattning")
			totals := regexp.MustCompile(`Totalt\s+(\d+)`).FindStringSubmatch(scr)
			if totals == nil {
				t.Fatalf("trial %d: no totals:\n%s", trial, scr)
			}
			a := m.load(id)
			if strconv.Itoa(len(a.Responses)) != totals[1] || len(a.Responses) != total {
				t.Fatalf("trial %d: the summary shows %s Ja, the database holds %d of %d:\n%s", trial, totals[1], len(a.Responses), total, scr)
			}
			m.tm.keys("C-c")
			m.tm.waitFor("SAMKOLL-EXIT=0")
		}
	})
}

// TestKillShowsOnlySaved kills the app with SIGKILL at random moments while
// answers are given in bursts: every answer the screen showed as saved just
// before the kill is in the database, and the file opens.
func TestKillShowsOnlySaved(t *testing.T) {
	m, id, total := newMeeting(t)
	rng := rand.New(rand.NewPCG(11, 12))
	keys := []string{"1", "j", "2", "3", "Enter", "Left", "Right", "4"}
	for round := range 8 {
		m.start()
		m.open()
		pid := m.pid()
		var last string
		for range 3 + rng.IntN(6) {
			var burst []string
			for range 1 + rng.IntN(6) {
				burst = append(burst, keys[rng.IntN(len(keys))])
			}
			m.tm.keys(burst...)
			if strings.Contains(m.tm.screen(), "Varför ej aktuellt") {
				m.tm.text("ingen")
				m.tm.keys("Enter")
			}
			last = m.tm.screen()
		}
		pause := time.Duration(rng.IntN(40)) * time.Millisecond
		time.Sleep(pause)
		if !strings.Contains(last, "besvarade") {
			// Not on the item view (the risk matrix, a prompt): look at the
			// screen once more before the kill.
			last = m.tm.screen()
		}
		// send-keys returns before the app has read every key, so a key of
		// the burst may still change the item after last was captured.
		// The item's answer is compared only when the screen did not change
		// during the pause, that is when every key had been handled.
		settled := pause >= 20*time.Millisecond && m.tm.screen() == last
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		m.tm.waitFor("SAMKOLL-EXIT=")
		a := m.load(id)
		if mm := answeredRe.FindStringSubmatch(last); mm != nil {
			shown, _ := strconv.Atoi(mm[1])
			if len(a.Responses) < shown {
				t.Fatalf("round %d: the screen showed %d/%d answered before the kill, the database holds %d:\n%s",
					round, shown, total, len(a.Responses), last)
			}
		}
		st := statusRe.FindStringSubmatch(last)
		pos := positionRe.FindStringSubmatch(last)
		if settled && st != nil && st[3] == "" && st[1] != "Ej besvarad" && pos != nil {
			// The item shown, with its answer shown as saved, must hold it.
			n, _ := strconv.Atoi(pos[1])
			cat, _ := checklist.Load(assets.FS, "")
			var items []checklist.ItemKey
			for _, ref := range a.Areas {
				for _, it := range cat.Area(ref.ID).Items {
					items = append(items, checklist.ItemKey{AreaID: ref.ID, ItemID: it.ID})
				}
			}
			r := a.Responses[items[n-1]]
			if r.Answer.Label(checklist.Swedish) != st[1] {
				t.Fatalf("round %d: item %d showed %q as saved, the database holds %q:\n%s", round, n, st[0], r.Answer.Label(checklist.Swedish), last)
			}
		}
	}
}

// TestHalfTypedCommentSurvives types half a comment and stops the app with
// ctrl+c, SIGTERM and SIGHUP (the window closed) right after the last key:
// started again, the comment field offers the text back, and after SIGHUP
// the terminal is restored.
func TestHalfTypedCommentSurvives(t *testing.T) {
	for _, stop := range []string{"ctrl+c", "SIGTERM", "SIGHUP"} {
		t.Run(stop, func(t *testing.T) {
			m, id, _ := newMeeting(t)
			m.start()
			m.open()
			m.tm.keys("c")
			m.tm.waitFor("Kommentar")
			text := "Rutinen finns men ingen vet var den ligger " + stop
			m.tm.text(text)
			if stop != "ctrl+c" {
				// A signal overtakes keys the app has not read yet; stop
				// it once the last typed word is on the screen, as a
				// person closes the window after seeing what they typed.
				m.tm.waitFor(stop)
			}
			switch stop {
			case "ctrl+c":
				m.tm.keys("C-c")
			case "SIGTERM":
				_ = syscall.Kill(m.pid(), syscall.SIGTERM)
			case "SIGHUP":
				_ = syscall.Kill(m.pid(), syscall.SIGHUP)
			}
			scr := m.tm.waitFor("SAMKOLL-EXIT=")
			if strings.Contains(m.tm.waitFor("icanon"), "-icanon") {
				t.Errorf("after %s the terminal was left in raw mode:\n%s", stop, scr)
			}
			if a := m.load(id); len(a.Responses) != 0 {
				t.Errorf("the draft was saved as the comment: %+v", a.Responses)
			}
			m.start()
			m.open()
			m.tm.waitFor("Ej sparat utkast till kommentaren")
			m.tm.keys("c")
			scr = m.tm.waitFor("Ej sparat utkast från")
			if !strings.Contains(strings.Join(strings.Fields(scr), " "), text[:30]) {
				t.Fatalf("the draft is not offered back:\n%s", scr)
			}
			m.tm.keys("Enter") // take the draft into the field
			m.tm.keys("Enter") // and save it
			m.settled("Kommentar: Rutinen finns")
			a := m.load(id)
			var got string
			for _, r := range a.Responses {
				got = r.Comment
			}
			if got != text {
				t.Fatalf("saved comment %q, want %q", got, text)
			}
			m.tm.keys("C-c")
			m.tm.waitFor("SAMKOLL-EXIT=0")
		})
	}
}

// TestCheckThenEscLeavesActionUnchecked: k then esc in the plan leaves the
// action as it was.
func TestCheckThenEscLeavesActionUnchecked(t *testing.T) {
	m, id, _ := newMeeting(t)
	m.addAction(id, checklist.Action{What: "Sätt upp rutinen i personalrummet", Who: "enhetschef",
		Due: checklist.Today().AddDays(30)})
	m.start()
	m.tm.waitFor("Avdelning 7")
	m.tm.keys("a")
	m.tm.waitFor("Sätt upp rutinen")
	for _, keys := range [][]string{{"k", "Escape"}, {"k", "j", "Escape"}} {
		m.tm.keys(keys[0])
		m.tm.waitFor("Är den genomförd?")
		for _, k := range keys[1:] {
			m.tm.keys(k)
		}
		m.tm.waitFor("ej kontrollerad")
		got := m.load(id)
		if len(got.Actions) != 1 || !got.Actions[0].CheckedOn.IsZero() || got.Actions[0].Status != checklist.Planerad {
			t.Fatalf("%v changed the action: %+v", keys, got.Actions)
		}
	}
	m.tm.keys("C-c")
	m.tm.waitFor("SAMKOLL-EXIT=0")
}

// TestClosedAssessmentRefusesAnswer closes an assessment from the summary
// and tries to answer in it: nothing is saved until it is reopened.
func TestClosedAssessmentRefusesAnswer(t *testing.T) {
	m, id, n := newMeeting(t)
	m.start()
	m.open()
	m.tm.keys("s")
	m.tm.waitFor("Sammanfattning")
	m.tm.keys("c")
	m.tm.waitFor("Avsluta bedömningen?")
	m.tm.keys("j")
	m.tm.waitFor("Avslutad")
	m.tm.keys("Escape")
	m.tm.waitFor("bara läsas")
	m.tm.keys("1", "Enter", "3")
	m.tm.waitFor("Tryck u för att öppna den igen")
	if a := m.load(id); len(a.Responses) != 0 || a.Status != checklist.Avslutad {
		t.Fatalf("a closed assessment took answers: %+v (status %v)", a.Responses, a.Status)
	}
	// u and an answer at once: the answer is written after the reopening.
	m.tm.keys("u", "1")
	m.settled(fmt.Sprintf("1/%d besvarade", n))
	if a := m.load(id); len(a.Responses) != 1 || a.Status != checklist.Pagaende {
		t.Fatalf("after u: %d answers, status %v", len(a.Responses), a.Status)
	}
	m.tm.keys("C-c")
	m.tm.waitFor("SAMKOLL-EXIT=0")
}

// TestHalfFilledActionFormSurvives fills half of the new-action form and
// stops the app with ctrl+c right after the last key: started again, the
// form offers the texts back, and only enter saves them.
func TestHalfFilledActionFormSurvives(t *testing.T) {
	m, id, _ := newMeeting(t)
	m.start()
	m.tm.waitFor("Avdelning 7")
	m.tm.keys("a")
	m.tm.waitFor("Handlingsplan")
	m.tm.keys("a")
	m.tm.waitFor("Ny åtgärd")
	due := checklist.Today().AddDays(30).String()
	m.tm.text("Sätt upp rutinen i personalrummet")
	m.tm.keys("Tab")
	m.tm.text("enhetschef")
	m.tm.keys("Tab")
	m.tm.text(due)
	m.tm.keys("C-c")
	m.tm.waitFor("SAMKOLL-EXIT=0")
	if a := m.load(id); len(a.Actions) != 0 {
		t.Fatalf("the draft was saved as an action: %+v", a.Actions)
	}
	m.start()
	m.tm.waitFor("Avdelning 7")
	m.tm.keys("a")
	m.tm.waitFor("Handlingsplan")
	m.tm.keys("a")
	scr := m.tm.waitFor("Ej sparat utkast från")
	if !strings.Contains(scr, "Sätt upp rutinen") {
		t.Fatalf("the draft is not offered back:\n%s", scr)
	}
	m.tm.keys("Enter") // take the draft into the form
	m.tm.waitFor("enhetschef")
	if a := m.load(id); len(a.Actions) != 0 {
		t.Fatalf("taking the draft saved the action: %+v", a.Actions)
	}
	m.tm.keys("Enter") // and save it
	m.settled("Sätt upp rutinen")
	// The text was on the screen before the save too: wait for the store.
	a := m.load(id)
	for deadline := time.Now().Add(15 * time.Second); len(a.Actions) == 0 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		a = m.load(id)
	}
	if len(a.Actions) != 1 || a.Actions[0].What != "Sätt upp rutinen i personalrummet" || a.Actions[0].Who != "enhetschef" ||
		a.Actions[0].Due.String() != due {
		t.Fatalf("saved %+v", a.Actions)
	}
	m.tm.keys("C-c")
	m.tm.waitFor("SAMKOLL-EXIT=0")
}

// TestFormDraftsSurviveSIGHUP types into the new-assessment form and into
// the effect asked after k, and closes the window (SIGHUP) once the text is
// on the screen: started again, each form offers its text back, and the
// effect is saved only after enter to use it and enter to save.
func TestFormDraftsSurviveSIGHUP(t *testing.T) {
	m, id, _ := newMeeting(t)
	ac := m.addAction(id, checklist.Action{What: "Sätt upp rutinen i personalrummet", Who: "enhetschef",
		Due: checklist.Today().AddDays(30), Status: checklist.Klar, DoneOn: checklist.Today()})
	hangUp := func() {
		t.Helper()
		_ = syscall.Kill(m.pid(), syscall.SIGHUP)
		m.tm.waitFor("SAMKOLL-EXIT=")
	}

	m.start()
	m.tm.waitFor("Avdelning 7")
	m.tm.keys("n")
	m.tm.waitFor("Ny riskbedömning")
	m.tm.text("Avdelning 99 natt")
	m.tm.waitFor("Avdelning 99 natt")
	hangUp()
	m.start()
	m.tm.waitFor("Avdelning 7")
	m.tm.keys("n")
	if scr := m.tm.waitFor("Ej sparat utkast från"); !strings.Contains(scr, "Avdelning 99 natt") {
		t.Fatalf("the new assessment's draft is not offered back:\n%s", scr)
	}
	m.tm.keys("Escape")
	m.tm.waitFor("Besvarat") // the start screen's list

	m.tm.keys("a")
	m.tm.waitFor("Handlingsplan")
	m.tm.keys("k")
	m.tm.waitFor("Hade åtgärden effekt?")
	m.tm.text("ja, färre tillbud")
	m.tm.waitFor("färre tillbud")
	hangUp()
	if got := m.load(id); len(got.Actions) != 1 || got.Actions[0].Effect != "" || !got.Actions[0].CheckedOn.IsZero() {
		t.Fatalf("the effect's draft was saved as the check: %+v", got.Actions)
	}
	m.start()
	m.tm.waitFor("Avdelning 7")
	m.tm.keys("a")
	m.tm.waitFor("Handlingsplan")
	m.tm.keys("k")
	if scr := m.tm.waitFor("Ej sparat utkast från"); !strings.Contains(scr, "färre tillbud") {
		t.Fatalf("the effect's draft is not offered back:\n%s", scr)
	}
	m.tm.keys("Enter") // take the draft
	m.tm.keys("Enter") // and save it
	got := m.load(id)
	for deadline := time.Now().Add(15 * time.Second); got.Actions[0].Effect == "" && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		got = m.load(id)
	}
	if got.Actions[0].ID != ac.ID || got.Actions[0].Effect != "ja, färre tillbud" || got.Actions[0].CheckedOn.IsZero() {
		t.Fatalf("saved %+v", got.Actions[0])
	}
	m.tm.keys("C-c")
	m.tm.waitFor("SAMKOLL-EXIT=0")
}

// TestBurstThroughForms sends, in one burst from the start screen, the
// keys that open the plan, fill and save a new action, and at once open the
// form again for a second one: no key is lost at a screen's or a form's
// end, and both actions are in the database as typed.
func TestBurstThroughForms(t *testing.T) {
	m, id, _ := newMeeting(t)
	m.start()
	m.tm.waitFor("Avdelning 7")
	due1, due2 := checklist.Today().AddDays(20).String(), checklist.Today().AddDays(40).String()
	m.tm.keys("a", "a", "Rutin för kvällen", "Tab", "enhetschef", "Tab", due1, "Enter",
		"a", "Andra rutinen", "Tab", "skyddsombud", "Tab", due2, "Enter")
	a := m.load(id)
	for deadline := time.Now().Add(15 * time.Second); len(a.Actions) < 2 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		a = m.load(id)
	}
	got := map[string]string{}
	for _, ac := range a.Actions {
		got[ac.What] = ac.Who + " " + ac.Due.String()
	}
	want := map[string]string{"Rutin för kvällen": "enhetschef " + due1, "Andra rutinen": "skyddsombud " + due2}
	if len(got) != 2 || got["Rutin för kvällen"] != want["Rutin för kvällen"] || got["Andra rutinen"] != want["Andra rutinen"] {
		t.Fatalf("after the burst the database holds %v, want %v\n%s", got, want, m.tm.screen())
	}
	m.tm.keys("C-c")
	m.tm.waitFor("SAMKOLL-EXIT=0")
}
