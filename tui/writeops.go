package tui

// The changes screens make through the write path (writes.go), the reads
// ordered behind them, and how a change that was not saved is said.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// enqueue adds a change (or an ordered read) to the queue. Call it only
// from Update.
func (sh *shared) enqueue(op *writeOp) {
	sh.writes.add(op)
}

// readOrdered queues a read after the changes before it; run's message is
// handled like any other, its error goes to the status line.
func (sh *shared) readOrdered(run func(ctx context.Context, s Store) (tea.Msg, error)) {
	sh.enqueue(&writeOp{read: true, run: run})
}

// openingOp marks the newest queued operation as one that opens a screen.
func (sh *shared) openingOp() {
	sh.writes.ops[len(sh.writes.ops)-1].opens = true
}

// loadOrdered queues the load of assessment open.id (see loadAssessmentCmd).
func (sh *shared) loadOrdered(open openMsg, add *addActionMsg) {
	sh.readOrdered(func(ctx context.Context, s Store) (tea.Msg, error) {
		a, err := s.LoadAssessment(ctx, open.id)
		if err != nil {
			return nil, err
		}
		msg := assessmentLoadedMsg{a: a, open: open, add: add}
		if open.id != 0 {
			// Drafts are a help, not the data: a failure to read them does
			// not stop the screen.
			msg.drafts, _ = s.Drafts(ctx, open.id)
			msg.prev = previousResponses(ctx, s, open.id)
		}
		return msg, nil
	})
	if open.to != noScreen || add != nil {
		sh.openingOp()
	}
}

// loadListOrdered queues the read of the first n rows of the start
// screen's list under the filter text filter.
func (sh *shared) loadListOrdered(filter string, n int) {
	sh.loadWindowOrdered(filter, 0, n)
}

// loadWindowOrdered queues the read of rows offset to offset+n of the start
// screen's list under the filter text filter.
func (sh *shared) loadWindowOrdered(filter string, offset, n int) {
	today := sh.today()
	sh.readOrdered(func(ctx context.Context, s Store) (tea.Msg, error) {
		return readListWindow(ctx, s, today, filter, offset, n)
	})
}

// responseSavedMsg confirms a saved answer.
type responseSavedMsg struct {
	assessmentID int64
	r            checklist.Response
}

// saveResponse queues answer r to an item of assessment id; draft, when
// set, is the draft field the saved text came from, removed with it.
func (sh *shared) saveResponse(id int64, r checklist.Response, what string, draft string) {
	if r.AnsweredAt.IsZero() && r.Answer != checklist.Unanswered {
		r.AnsweredAt = time.Now()
	}
	saved := r
	sh.enqueue(&writeOp{what: what, assessmentID: id, response: &saved,
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			if err := s.SaveResponse(ctx, id, saved); err != nil {
				return nil, err
			}
			msg := responseSavedMsg{id, saved}
			if draft != "" {
				// The text is saved; a failure to drop its draft only
				// means it is offered once more.
				_ = s.DeleteDraft(ctx, id, draft)
			}
			return msg, nil
		}})
}

// saveAction queues a new (ID 0) or changed action.
func (sh *shared) saveAction(a checklist.Action, what string) {
	saved := a
	sh.enqueue(&writeOp{what: what, assessmentID: a.AssessmentID, action: &saved,
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			got, err := s.SaveAction(ctx, saved)
			if err != nil {
				return nil, err
			}
			return actionSavedMsg{got}, nil
		}})
}

// deleteAction queues the removal of an action.
func (sh *shared) deleteAction(a checklist.Action) {
	id := a.ID
	sh.enqueue(&writeOp{what: sh.tr("borttagningen av åtgärden ", "the removal of the action ") + quoteShort(a.What),
		deleteAction: id,
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			if err := s.DeleteAction(ctx, id); err != nil {
				return nil, err
			}
			return actionDeletedMsg{id}, nil
		}})
}

// setStatus queues a change of an assessment's status.
func (sh *shared) setAssessmentStatus(a checklist.Assessment, status checklist.AssessmentStatus) {
	a.Status = status
	a.Responses, a.Actions = nil, nil
	what := sh.tr("avslutningen av bedömningen", "the closing of the assessment")
	if status == checklist.Pagaende {
		what = sh.tr("öppnandet av bedömningen", "the reopening of the assessment")
	}
	sh.enqueue(&writeOp{what: what, assessmentID: a.ID, status: &status,
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			if err := s.UpdateAssessment(ctx, a); err != nil {
				return nil, err
			}
			return assessmentStatusSavedMsg{a.ID, status}, nil
		}})
}

// deleteAssessment queues the removal of an assessment.
func (sh *shared) deleteAssessment(id int64, name string) {
	sh.enqueue(&writeOp{what: sh.tr("borttagningen av ", "the removal of ") + name,
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			if err := s.DeleteAssessment(ctx, id); err != nil {
				return nil, err
			}
			return assessmentDeletedMsg{id}, nil
		}})
}

// createAssessment queues a new assessment.
func (sh *shared) createAssessment(a checklist.Assessment, counts map[string]int) {
	sh.enqueue(&writeOp{what: sh.tr("den nya bedömningen för ", "the new assessment for ") + checklist.SanitizeLine(a.Unit),
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			saved, err := s.CreateAssessment(ctx, a, counts)
			if err != nil {
				return nil, err
			}
			return assessmentCreatedMsg{a: saved, prev: previousResponses(ctx, s, saved.ID)}, nil
		}})
	sh.openingOp()
}

// saveDraft queues a draft (empty text removes it).
func (sh *shared) saveDraft(id int64, field, text string) {
	sh.enqueue(&writeOp{what: sh.tr("utkastet", "the draft"),
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			d, err := s.SaveDraft(ctx, id, field, text)
			if err != nil {
				return nil, err
			}
			return draftSavedMsg{d}, nil
		}})
}

// pendingMark marks a row whose change is not saved yet.
func pendingMark(sh *shared, pending bool) string {
	if !pending {
		return ""
	}
	return sh.tr("(sparas) ", "(saving) ")
}

// quoteShort quotes user text cut to a few words, for messages.
func quoteShort(s string) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return "\"" + s + "\""
}

// itemName names an item for messages: "Kränkningar, punkt 3".
func (sh *shared) itemName(wi walkItem) string {
	return fmt.Sprintf("%s, %s %d", wi.area.Title.In(sh.lang), sh.tr("punkt", "item"), wi.num)
}

// answerWhat names a change of an answer for messages.
func (sh *shared) answerWhat(wi walkItem, r checklist.Response) string {
	return fmt.Sprintf(sh.tr("svaret %s på %s", "the answer %s to %s"), r.Answer.Label(sh.lang), sh.itemName(wi))
}

// failureText says what was not saved, why and where, in the chosen
// language.
func failureText(sh *shared, f writeFailure) string {
	var b strings.Builder
	b.WriteString(sh.tr("Inte sparat: ", "Not saved: ") + f.what)
	if f.dropped > 0 {
		fmt.Fprintf(&b, sh.tr(" (och %d ändringar efter den)", " (and %d changes after it)"), f.dropped)
	}
	// The store's own messages (a damaged file, a full disk) are
	// sentences that already name the file.
	reason := strings.TrimSuffix(explainWriteError(sh.lang, f.err), ".")
	b.WriteString(". " + sh.tr("Orsak: ", "Reason: ") + reason + ".")
	if sh.dbPath != "" && !strings.Contains(reason, sh.dbPath) {
		b.WriteString(" " + sh.tr("Fil: ", "File: ") + sh.dbPath + ".")
	}
	return b.String()
}

// sqliteCoder is the error of the SQLite driver.
type sqliteCoder interface{ Code() int }

// explainWriteError says in lang why a write failed.
func explainWriteError(lang checklist.Lang, err error) string {
	tr := func(sv, en string) string { return checklist.Text{SV: sv, EN: en}.In(lang) }
	if errors.Is(err, errDiskSilent) || errors.Is(err, context.DeadlineExceeded) {
		return tr("disken svarade inte i tid", "the disk did not answer in time")
	}
	var c sqliteCoder
	if errors.As(err, &c) {
		switch c.Code() & 0xff {
		case 13: // SQLITE_FULL
			return tr("disken är full", "the disk is full")
		case 8, 23: // SQLITE_READONLY, SQLITE_AUTH
			return tr("filen går inte att skriva till (skrivskyddad)", "the file cannot be written (read-only)")
		case 10, 14: // SQLITE_IOERR, SQLITE_CANTOPEN
			return tr("läs- eller skrivfel på disken", "a read or write error on the disk")
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
			return tr("databasen var upptagen", "the database was busy")
		case 11: // SQLITE_CORRUPT
			return tr("databasfilen är skadad", "the database file is damaged")
		}
	}
	return checklist.Message(err, lang)
}

// writeDone handles the result of the operation in flight.
func (m *Model) writeDone(msg writeDoneMsg) tea.Cmd {
	op, f := m.sh.writes.finish(msg.seq)
	switch {
	case op == nil:
		return nil
	case f != nil:
		if m.quitting {
			m.lost = append(m.lost, *f)
		}
		m.failure = failureText(m.sh, *f)
		m.layout()
		return m.forward(writeFailedMsg{})
	case op.err != nil:
		return m.setStatus(checklist.Message(op.err, m.sh.lang), true)
	case op.msg == nil:
		return nil
	case op.read:
		return m.route(op.msg)
	}
	switch op.msg.(type) {
	case assessmentCreatedMsg, draftSavedMsg, assessmentDeletedMsg:
		return m.route(op.msg)
	}
	return m.broadcast(op.msg)
}

// broadcast gives a confirmation to every screen on the stack: a screen
// below the active one shows the change when it is back.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, s := range m.stack {
		next, cmd := s.Update(msg)
		m.stack[i] = next
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// noticeLines renders the notice wrapped to the window; a long path is
// broken anywhere so that all of it shows.
func (m *Model) noticeLines() []string {
	if m.notice == "" {
		return nil
	}
	w := max(m.width, 10)
	return strings.Split(ansi.Hardwrap(ansi.Wrap(checklist.SanitizeLine(m.notice), w, ""), w, true), "\n")
}

// failureLines renders the message about a change that was not saved,
// wrapped to the window, with how to dismiss it.
func (m *Model) failureLines() []string {
	if m.failure == "" {
		return nil
	}
	text := m.failure + " " + m.sh.tr("(esc stänger meddelandet)", "(esc closes this message)")
	return strings.Split(wrap(text, max(m.width, 1)), "\n")
}
