package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// firstFrameDelay is how long the work after the first frame waits: a few
// frames at 60 frames a second.
const firstFrameDelay = 50 * time.Millisecond

// startup runs the work of the first moments: the first units for the
// first frame, or where the start screen shows the list, its first page;
// then, once that frame is out, the catalog (when it loads in the
// background) and the first window of the list, one after the other, so
// that neither competes with drawing the first frame. Messages that open a
// screen needing the catalog wait for it and are replayed in order.
type startup struct {
	sh *shared
	// firstUnits gives the first units of the list by unit; nil queries
	// the store where it can show units.
	firstUnits func() ([]checklist.UnitRow, error)
	// loadCatalog is set until the catalog has arrived.
	loadCatalog func() (*checklist.Catalog, []error)
	warnings    []string
	// pending holds the messages that wait for the catalog.
	pending []tea.Msg
	// started is set once the work after the first frame is planned.
	started bool
	// waiting is set from Init until what the first screen shows has
	// arrived: keys typed meanwhile wait for it (hold.go).
	waiting bool
}

// startRestMsg starts the work that follows the first frame.
type startRestMsg struct{}

// catalogLoadedMsg carries the catalog loaded in the background.
type catalogLoadedMsg struct {
	cat  *checklist.Catalog
	errs []error
}

// init asks for the first units, where the store can show them, and shows
// the start-up warnings. Units that cannot be read leave the start screen
// on the list, which says what went wrong once u is pressed.
func (b *startup) init() tea.Cmd {
	b.waiting = true
	units := b.firstUnits
	if us, ok := b.sh.store.(unitStore); ok && units == nil {
		ctx, today := b.sh.ctx, b.sh.today()
		units = func() ([]checklist.UnitRow, error) { return us.RecentUnits(ctx, today, FirstPage) }
	}
	first := b.firstPage()
	if units != nil {
		first = func() tea.Msg {
			u, _ := units()
			return firstUnitsMsg{u}
		}
	}
	return tea.Batch(first, warningCmd(b.sh, b.warnings))
}

// firstPage reads the first page of the list, for a first frame on the
// list.
func (b *startup) firstPage() tea.Cmd {
	ctx, st, today := b.sh.ctx, b.sh.store, b.sh.today()
	return func() tea.Msg {
		l, err := st.RecentAssessments(ctx, today, FirstPage)
		if err != nil {
			return errMsg{err}
		}
		return assessmentsLoadedMsg{list: l}
	}
}

// update looks at every message before the root routes it. held reports
// that the message is the start-up's own or waits for the catalog; then the
// root does nothing else with it.
func (b *startup) update(msg tea.Msg) (held bool, cmd tea.Cmd) {
	if b.loadCatalog != nil && needsCatalog(msg) {
		b.pending = append(b.pending, msg)
		return true, nil
	}
	switch msg := msg.(type) {
	case firstUnitsMsg:
		// The start screen opens on the units where there are several
		// (homeunits.go): they are its first frame, and the list is read
		// with the rest. Otherwise the list's first page is.
		if len(msg.units) <= 1 {
			return false, b.firstPage()
		}
		return false, b.rest()
	case assessmentsLoadedMsg, errMsg:
		// The first page (or its failure): the first frame follows.
		return false, b.rest()
	case startRestMsg:
		var cmds []tea.Cmd
		if load := b.loadCatalog; load != nil {
			cmds = append(cmds, func() tea.Msg {
				cat, errs := load()
				return catalogLoadedMsg{cat, errs}
			})
		}
		ctx, st, today := b.sh.ctx, b.sh.store, b.sh.today()
		cmds = append(cmds, func() tea.Msg {
			msg, err := readListWindow(ctx, st, today, "", 0, listWindowSize)
			if err != nil {
				return errMsg{err}
			}
			return msg
		})
		return true, tea.Sequence(cmds...)
	case catalogLoadedMsg:
		b.loadCatalog = nil
		if msg.cat != nil {
			b.sh.cat = msg.cat
		}
		warnings := make([]string, 0, len(msg.errs))
		for _, err := range msg.errs {
			warnings = append(warnings, checklist.Message(err, b.sh.lang))
		}
		// The messages that waited go now, in order, before any key.
		for _, p := range b.pending {
			b.sh.post(p)
		}
		b.pending = nil
		return true, warningCmd(b.sh, warnings)
	}
	return false, nil
}

// rest ends the wait for the first screen and plans the work after the
// first frame, once: it starts a few frames after the message that
// completes that frame.
func (b *startup) rest() tea.Cmd {
	b.waiting = false
	if b.started {
		return nil
	}
	b.started = true
	return b.sh.after(firstFrameDelay, startRestMsg{})
}

// needsCatalog reports whether msg opens a screen that reads the catalog.
func needsCatalog(msg tea.Msg) bool {
	switch msg.(type) {
	case newAssessmentMsg, openMsg, addActionMsg, openYearPlanMsg, showUnitsMsg, refreshUnitsMsg:
		return true
	}
	return false
}

// warningCmd shows the first of warnings, and how many more there are, in
// the status line.
func warningCmd(sh *shared, warnings []string) tea.Cmd {
	if len(warnings) == 0 {
		return nil
	}
	text := warnings[0]
	if n := len(warnings); n > 1 {
		text = fmt.Sprintf("%s (+%d)", text, n-1)
	}
	err := fmt.Errorf("%s: %s", sh.tr("Checklistor", "Checklists"), text)
	return func() tea.Msg { return errMsg{err} }
}
