//go:build !windows

package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"samkoll/checklist"
	"samkoll/store"
)

// crashChildEnv makes the test binary act as the child of TestCrashSafety.
const crashChildEnv = "SAMKOLL_CRASH_CHILD_DB"

// TestCrashSafety runs a child process that saves answers and actions in a
// loop, reporting each one after its commit returns, and kills it with
// SIGKILL at random moments. After every kill, everything the child reported
// as saved must be in the database, PRAGMA integrity_check must be ok, and
// samkoll must open the file normally.
func TestCrashSafety(t *testing.T) {
	if os.Getenv(crashChildEnv) != "" {
		t.Skip("child mode")
	}
	kills := 200
	if testing.Short() {
		kills = 20
	}
	dbPath := filepath.Join(t.TempDir(), "krasch.db")
	ctx := context.Background()

	// One assessment the child writes into; created before the first kill.
	s, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateAssessment(ctx, checklist.Assessment{
		Unit: "Avdelning 7", Date: checklist.Date{Year: 2026, Month: 11, Day: 22},
		Areas: []checklist.AreaRef{{ID: "krasch", Version: 1, Hash: "x"}},
	}, map[string]int{"krasch": 100000})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	rng := rand.New(rand.NewPCG(1, 2))
	saved := map[string]string{} // item id → answer code, as reported
	actions := map[int64]string{}
	var startup time.Duration // from the start of a child to its first save
	for round := 0; round < kills; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v=false")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+dbPath, "SAMKOLL_CRASH_ROUND="+strconv.Itoa(round),
			"SAMKOLL_CRASH_ASSESSMENT="+strconv.FormatInt(a.ID, 10))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		started := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after a random number of reported saves, or a random time,
		// whichever comes first: sometimes mid-transaction.
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		want := 1 + rng.IntN(40)
		wait := time.Duration(5+rng.IntN(60)) * time.Millisecond
		got := 0
		// The random time counts from when the child can save: on a busy
		// machine starting the child alone can take longer than it. The
		// first round measures that; every round waits for it, plus the
		// random time.
		if round == 0 {
			select {
			case l, ok := <-lines:
				if ok {
					record(t, l, saved, actions)
					got++
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("round %d: the child saved nothing in 30 s", round)
			}
			startup = time.Since(started)
		}
		deadline := time.After(startup + wait - time.Since(started))
	read:
		for got < want {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				record(t, l, saved, actions)
				got++
			case <-deadline:
				break read
			}
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		for l := range lines { // lines already written before the kill
			record(t, l, saved, actions)
		}
		_ = cmd.Wait()

		verify(t, dbPath, a.ID, saved, actions, round)
	}
	if len(saved) == 0 || len(actions) == 0 {
		t.Fatalf("the child saved nothing (%d answers, %d actions): the test proved nothing", len(saved), len(actions))
	}
}

func record(t *testing.T, line string, saved map[string]string, actions map[int64]string) {
	f := strings.Fields(line)
	switch {
	case len(f) == 3 && f[0] == "answer":
		saved[f[1]] = f[2]
	case len(f) == 3 && f[0] == "action":
		id, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			t.Fatalf("bad child line %q", line)
		}
		actions[id] = f[2]
	}
}

func verify(t *testing.T, dbPath string, assessmentID int64, saved map[string]string, actions map[int64]string, round int) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, check, err)
	}
	db.Close()

	ctx := context.Background()
	s, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatalf("round %d: samkoll cannot open the database after SIGKILL: %v", round, err)
	}
	defer s.Close()
	a, err := s.LoadAssessment(ctx, assessmentID)
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	for item, ans := range saved {
		r := a.Responses[checklist.ItemKey{AreaID: "krasch", ItemID: item}]
		if r.Answer.String() != ans {
			t.Fatalf("round %d: answer %s reported saved as %s, database has %q", round, item, ans, r.Answer)
		}
	}
	byID := map[int64]checklist.Action{}
	for _, x := range a.Actions {
		byID[x.ID] = x
	}
	for id, what := range actions {
		if byID[id].What != what {
			t.Fatalf("round %d: action %d reported saved as %q, database has %q", round, id, what, byID[id].What)
		}
	}
}

// TestCrashChild is the child of TestCrashSafety: it saves in a loop and
// prints a line after each commit returns, until it is killed.
func TestCrashChild(t *testing.T) {
	dbPath := os.Getenv(crashChildEnv)
	if dbPath == "" {
		t.Skip("only run as the child of TestCrashSafety")
	}
	ctx := context.Background()
	round, _ := strconv.Atoi(os.Getenv("SAMKOLL_CRASH_ROUND"))
	id, _ := strconv.ParseInt(os.Getenv("SAMKOLL_CRASH_ASSESSMENT"), 10, 64)
	var s *store.Store
	var err error
	// The previous child may not have released its lock yet.
	for try := 0; try < 200; try++ {
		if s, err = store.Open(ctx, dbPath); err == nil {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(3)
	}
	w := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		// Every write goes to a new item, so a commit made just before the
		// kill but never reported cannot be mistaken for a lost update.
		item := fmt.Sprintf("r%d-i%d", round, i)
		ans := checklist.Answers[i%4]
		r := checklist.Response{AreaID: "krasch", ItemID: item, Answer: ans, Comment: strings.Repeat("k", i%300), AnsweredAt: time.Now()}
		if ans == checklist.EjAktuellt {
			r.Reason = "ej relevant"
		}
		if ans.IsShortcoming() {
			r.Risk = &checklist.Risk{Probability: 2, Consequence: 3, Level: checklist.LevelFor(2, 3)}
		}
		if err := s.SaveResponse(ctx, id, r); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
		fmt.Fprintf(w, "answer %s %s\n", item, ans)
		w.Flush()
		if i%5 == 0 {
			act, err := s.SaveAction(ctx, checklist.Action{AssessmentID: id, Risk: "brist", What: fmt.Sprintf("åtgärd-%d-%d", round, i), Who: "chef"})
			if err != nil {
				fmt.Fprintln(os.Stderr, "child:", err)
				os.Exit(3)
			}
			fmt.Fprintf(w, "action %d %s\n", act.ID, act.What)
			w.Flush()
		}
	}
}
