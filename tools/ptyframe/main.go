//go:build linux

// Command ptyframe runs a terminal program on a pseudo-terminal of its own,
// as on a laptop's own terminal (no tmux), and measures its start-up as a
// whole process: the time from just before the program is started until
// the text given with -text is on the screen, its resident memory then and
// -rss-after later, and its peak resident memory over the whole run. It
// then types q (and, if that does not end it, ctrl+c) and waits for the
// program to exit. It is used by scripts/firstframe.sh and scripts/rss.sh.
//
// Usage:
//
//	ptyframe [-text TEXT] [-rss-after 2s] [-cols 100] [-rows 30] -- PROGRAM ARGS…
//
// It prints one line: "first_frame_ms rss_at_frame_kB rss_after_kB peak_kB".
// The text is searched in the output with the escape sequences and all
// white space removed, since a renderer may move the cursor instead of
// writing spaces.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"
)

func main() {
	text := flag.String("text", "", "the text of the first frame")
	rssAfter := flag.Duration("rss-after", 0, "also read the resident memory this long after the start")
	cols := flag.Int("cols", 100, "terminal width")
	rows := flag.Int("rows", 30, "terminal height")
	timeout := flag.Duration("timeout", 30*time.Second, "give up after this long")
	flag.Parse()
	if flag.NArg() == 0 || *text == "" {
		fmt.Fprintln(os.Stderr, "usage: ptyframe -text TEXT [-rss-after 2s] -- PROGRAM ARGS…")
		os.Exit(2)
	}
	if err := run(*text, *rssAfter, *cols, *rows, *timeout, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "ptyframe:", err)
		os.Exit(1)
	}
}

func run(text string, rssAfter time.Duration, cols, rows int, timeout time.Duration, args []string) error {
	master, slave, err := openPTY()
	if err != nil {
		return err
	}
	defer master.Close()
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ,
		&unix.Winsize{Row: uint16(rows), Col: uint16(cols)}); err != nil {
		return err
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	cmd.Env = withoutTmux(cmd.Env)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}

	want := squeeze(text)
	found := make(chan time.Time, 1)
	var mu sync.Mutex
	var out bytes.Buffer
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	slave.Close()
	go func() {
		buf := make([]byte, 64<<10)
		seen := false
		for {
			n, err := master.Read(buf)
			if n > 0 && !seen {
				mu.Lock()
				out.Write(buf[:n])
				if strings.Contains(squeeze(ansi.Strip(out.String())), want) {
					seen = true
					found <- time.Now()
				}
				mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	var frame time.Time
	select {
	case frame = <-found:
	case <-time.After(timeout):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		mu.Lock()
		defer mu.Unlock()
		return fmt.Errorf("%q did not appear within %v; the output ends with %q", text, timeout, tail(ansi.Strip(out.String()), 300))
	}
	pid := cmd.Process.Pid
	rssFrame := vmRSS(pid)
	rssLater := 0
	if rssAfter > 0 {
		time.Sleep(time.Until(start.Add(rssAfter)))
		rssLater = vmRSS(pid)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	_, _ = master.Write([]byte("q"))
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		_, _ = master.Write([]byte{3})
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			_ = cmd.Process.Kill()
			<-done
			return errors.New("the program did not quit on q or ctrl+c")
		}
	}
	peak := 0
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak = int(ru.Maxrss)
	}
	fmt.Printf("%.2f %d %d %d\n", float64(frame.Sub(start).Microseconds())/1000, rssFrame, rssLater, peak)
	return nil
}

// openPTY returns the master and the slave side of a new pseudo-terminal.
func openPTY() (*os.File, *os.File, error) {
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		master.Close()
		return nil, nil, err
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	slave, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	return master, slave, nil
}

// withoutTmux removes TMUX and TMUX_PANE: the program runs on a plain
// terminal.
func withoutTmux(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, "TMUX=") && !strings.HasPrefix(kv, "TMUX_PANE=") {
			out = append(out, kv)
		}
	}
	return out
}

// squeeze removes all white space from s.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// vmRSS returns the resident memory of pid in kB, or 0.
func vmRSS(pid int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	return 0
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
