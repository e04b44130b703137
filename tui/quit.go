package tui

// Quitting by any route (ctrl+c, q on the start screen, SIGTERM, SIGHUP)
// first stores the open field's draft and waits until the write queue has
// drained, up to quitBound; then the program stops and Finish writes, with
// a bound, whatever is still left and says what could not be saved.

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
)

// quitBound is how long quitting waits for the disk before it gives up.
const quitBound = 5 * time.Second

// ShutdownMsg asks the app to stop as if ctrl+c were pressed: the program
// sends it on SIGINT, SIGTERM and SIGHUP.
type ShutdownMsg struct{}

// quitTimeoutMsg ends the wait for the disk.
type quitTimeoutMsg struct{}

// quit stores the open draft and quits once the queue has drained.
func (m *Model) quit() tea.Cmd {
	if m.quitting {
		// Asked twice: do not wait any longer.
		return tea.Quit
	}
	m.flushDraft()
	if len(m.sh.writes.ops) == 0 {
		return tea.Quit
	}
	m.quitting = true
	return m.sh.after(quitBound, quitTimeoutMsg{})
}

// quittingText is the status line while quitting waits for the disk.
func (m *Model) quittingText() string {
	n := m.sh.writes.writes()
	return fmt.Sprintf(m.sh.tr("Sparar %d ändringar innan samkoll stänger … (ctrl+c igen: stäng utan att vänta)",
		"Saving %d changes before samkoll closes … (ctrl+c again: close without waiting)"), n)
}

// Finish runs, after the program has stopped, what is left in the write
// queue (waiting at most bound) and returns a message for each change that
// was not saved, in the chosen language; none means everything shown was
// saved. ctx should not be cancelled by the signal that stopped the app.
func (m *Model) Finish(ctx context.Context, bound time.Duration) []string {
	m.flushDraft()
	var out []string
	for _, f := range m.lost {
		out = append(out, failureText(m.sh, f))
	}
	m.lost = nil
	for _, f := range m.sh.writes.drain(ctx, m.sh.store, time.Now().Add(bound)) {
		out = append(out, failureText(m.sh, f))
	}
	return out
}
