package tui

// The one ordered write path.
//
// Every change a screen makes goes through the queue below, in the order
// the keys came: a screen calls one of the shared.save… methods inside its
// Update, which appends an operation; the root starts the first operation
// when none is in flight, so exactly one store call runs at a time, and
// starts the next when its result has arrived. Reads that must see those
// changes (loading an assessment to open or refresh a screen, the start
// screen's list) join the same queue, so they run after the writes before
// them.
//
// What a screen shows as saved is what a result confirmed: a change still
// in the queue is shown as pending ("sparas …"). A failed write leaves the
// previous value, drops the changes queued after it (they were made on top
// of it) and shows a message that stays until dismissed; the key can be
// pressed again.

import (
	"context"
	"errors"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// writeOp is one store call in the queue.
type writeOp struct {
	seq int
	// what names the change for a failure message, in the chosen language:
	// "svaret Ja på Arbetsmiljö, punkt 3".
	what string
	// read marks a read ordered after the writes: never shown as pending,
	// never dropped after a failure, and its failure is a status line.
	read bool
	// assessmentID and response, when set, let the walk show the pending
	// answer; action and deleteAction let the plan show a pending action.
	assessmentID int64
	response     *checklist.Response
	action       *checklist.Action
	deleteAction int64
	// status is a new status of assessment assessmentID.
	status *checklist.AssessmentStatus
	// opens marks an operation whose result opens a screen: keys wait
	// for it (hold.go).
	opens bool
	// run makes the store call and returns the message that confirms it.
	run func(ctx context.Context, s Store) (tea.Msg, error)

	// once runs the operation exactly once, from its command or, when the
	// program stopped first, from drain. done is closed when run has
	// returned; msg and err are its result, written before done is closed
	// and read only after.
	once sync.Once
	done chan struct{}
	msg  tea.Msg
	err  error
}

// exec runs the operation unless it has run or is running, and waits for
// its end.
func (op *writeOp) exec(ctx context.Context, s Store) {
	op.once.Do(func() {
		op.msg, op.err = op.run(ctx, s)
		close(op.done)
	})
}

// writeQueue is the ordered queue of store calls. Only Update (the root's
// and the screens', which runs inside it) changes it.
type writeQueue struct {
	ops      []*writeOp // ops[0] is in flight when inflight is set
	inflight bool
	seq      int
}

// writeDoneMsg reports that the operation in flight has returned.
type writeDoneMsg struct{ seq int }

// writeFailedMsg tells the active screen that a change was not saved (the
// root shows the message); a screen waiting for a result stops waiting.
type writeFailedMsg struct{}

// setResponse puts a confirmed answer into a; an empty one removes it.
func setResponse(a *checklist.Assessment, r checklist.Response) {
	if a.Responses == nil {
		a.Responses = map[checklist.ItemKey]checklist.Response{}
	}
	if r.Answer == checklist.Unanswered && r.Comment == "" && r.Reason == "" && r.Risk == nil && r.Measures == "" {
		delete(a.Responses, r.Key())
		return
	}
	a.Responses[r.Key()] = r
}

// writeFailure is a change that was not saved.
type writeFailure struct {
	what    string
	err     error
	dropped int // changes queued after it that were dropped
}

// add appends op to the queue.
func (q *writeQueue) add(op *writeOp) {
	q.seq++
	op.seq = q.seq
	q.ops = append(q.ops, op)
}

// writes reports how many changes (not reads) wait or run.
func (q *writeQueue) writes() int {
	n := 0
	for _, op := range q.ops {
		if !op.read {
			n++
		}
	}
	return n
}

// start returns the command that runs the first operation when none is in
// flight.
func (q *writeQueue) start(ctx context.Context, s Store) tea.Cmd {
	if q.inflight || len(q.ops) == 0 {
		return nil
	}
	q.inflight = true
	op := q.ops[0]
	op.done = make(chan struct{})
	return func() tea.Msg {
		op.exec(ctx, s)
		return writeDoneMsg{op.seq}
	}
}

// finish takes the operation in flight off the queue once its result has
// arrived. After a failed write it drops the changes queued after it and
// returns the failure.
func (q *writeQueue) finish(seq int) (*writeOp, *writeFailure) {
	if !q.inflight || len(q.ops) == 0 || q.ops[0].seq != seq {
		return nil, nil
	}
	op := q.ops[0]
	<-op.done
	q.ops = q.ops[1:]
	q.inflight = false
	if op.err == nil || op.read {
		return op, nil
	}
	f := &writeFailure{what: op.what, err: op.err}
	kept := q.ops[:0]
	for _, later := range q.ops {
		if later.read {
			kept = append(kept, later)
		} else {
			f.dropped++
		}
	}
	q.ops = kept
	return op, f
}

// pendingResponse returns the newest queued answer to item k of assessment
// id.
func (q *writeQueue) pendingResponse(id int64, k checklist.ItemKey) (checklist.Response, bool) {
	for i := len(q.ops) - 1; i >= 0; i-- {
		op := q.ops[i]
		if op.response != nil && op.assessmentID == id && op.response.Key() == k {
			return *op.response, true
		}
	}
	return checklist.Response{}, false
}

// pendingResponses reports whether an answer of assessment id waits or
// runs.
func (q *writeQueue) pendingResponses(id int64) bool {
	for _, op := range q.ops {
		if op.response != nil && op.assessmentID == id {
			return true
		}
	}
	return false
}

// pendingStatus returns the newest queued status of assessment id.
func (q *writeQueue) pendingStatus(id int64) (checklist.AssessmentStatus, bool) {
	for i := len(q.ops) - 1; i >= 0; i-- {
		if op := q.ops[i]; op.status != nil && op.assessmentID == id {
			return *op.status, true
		}
	}
	return 0, false
}

// opening reports whether an operation that opens a screen waits or runs.
func (q *writeQueue) opening() bool {
	for _, op := range q.ops {
		if op.opens {
			return true
		}
	}
	return false
}

// latestAction returns action a as last changed: the newest change to it
// still in the queue, else a.
func (q *writeQueue) latestAction(a checklist.Action) checklist.Action {
	for i := len(q.ops) - 1; i >= 0 && a.ID != 0; i-- {
		if op := q.ops[i]; op.action != nil && op.action.ID == a.ID {
			return *op.action
		}
	}
	return a
}

// pendingAction reports whether a change to action id waits in the queue.
func (q *writeQueue) pendingAction(id int64) bool {
	for _, op := range q.ops {
		if (op.action != nil && op.action.ID == id) || (id != 0 && op.deleteAction == id) {
			return true
		}
	}
	return false
}

// pendingNewActions returns the new actions of assessment id that wait in
// the queue.
func (q *writeQueue) pendingNewActions(id int64) []checklist.Action {
	var out []checklist.Action
	for _, op := range q.ops {
		if op.action != nil && op.action.ID == 0 && op.action.AssessmentID == id {
			out = append(out, *op.action)
		}
	}
	return out
}

// drain runs what is left in the queue, after the program has stopped: it
// waits for the operation in flight and runs the rest in order, until
// deadline. It returns what was not saved.
func (q *writeQueue) drain(ctx context.Context, s Store, deadline time.Time) []writeFailure {
	var out []writeFailure
	for len(q.ops) > 0 {
		op := q.ops[0]
		if !q.inflight {
			op.done = make(chan struct{})
			q.inflight = true
		}
		// The operation in flight may never have started (the program
		// stopped first); exec runs it then, and only waits otherwise.
		c, cancel := context.WithDeadline(ctx, deadline)
		defer cancel()
		go op.exec(c, s)
		select {
		case <-op.done:
		case <-time.After(time.Until(deadline)):
		}
		late := !time.Now().Before(deadline)
		if late {
			// Out of time: the operation in flight and the rest are lost.
			if n := q.writes(); n > 0 {
				what := op.what
				if op.read {
					what = q.firstWrite()
				}
				out = append(out, writeFailure{what: what, err: errDiskSilent, dropped: n - 1})
			}
			return out
		}
		q.ops = q.ops[1:]
		q.inflight = false
		if op.err != nil && !op.read {
			out = append(out, writeFailure{what: op.what, err: op.err})
		}
	}
	return out
}

// firstWrite names the first change (not read) in the queue.
func (q *writeQueue) firstWrite() string {
	for _, op := range q.ops {
		if !op.read {
			return op.what
		}
	}
	return ""
}

// errDiskSilent is the reason when the disk did not answer in time.
var errDiskSilent = errors.New("disk did not answer")
