package tui

// How to add a screen:
//
//  1. Write a type in its own file (plan.go, summary.go, …) that implements
//     screen below. Keep a *shared for the store, catalog, language, keys
//     and styles; never copy the styles, they change with the background.
//  2. Give it a key struct in keys.go (every binding WithHelp) and return
//     its bindings from ShortHelp/FullHelp; disable bindings that do not
//     apply instead of hiding them.
//  3. Do IO only in commands (msgs.go has the shared ones); a command
//     captures plain values and returns a message.
//  4. Leave the screen with sh.back() (q/esc at its top level); open
//     another screen with sh.open (or post an addActionMsg). The root loads the
//     assessment and builds the screen through the constructor for its
//     screenID in Model.open (app.go).
//  5. A screen that becomes active again gets resumedMsg: reload then.
//  6. Report Inputting() == true while a text input has focus, so the root
//     does not treat q, p and ? as commands.

import (
	"context"
	"errors"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// screen is the contract between the root and a child screen.
type screen interface {
	help.KeyMap
	// Update handles a message and returns the (possibly replaced) screen.
	Update(tea.Msg) (screen, tea.Cmd)
	// View renders the screen's body; the root adds the status line and the
	// footer, and truncates to the window.
	View() string
	// SetSize is called by the root's layout on resize with the body's size.
	SetSize(w, h int)
	// Inputting reports whether a text input has focus.
	Inputting() bool
}

// screenID names a kind of screen.
type screenID int

// The screens.
const (
	noScreen screenID = iota
	homeScreenID
	newScreenID
	walkScreenID
	planScreenID
	summaryScreenID
	ownItemScreenID
	reportScreenID
	yearPlanScreenID
)

// String returns the screen's name, for tests and debugging.
func (s screenID) String() string {
	switch s {
	case homeScreenID:
		return "home"
	case newScreenID:
		return "new"
	case walkScreenID:
		return "walk"
	case planScreenID:
		return "plan"
	case summaryScreenID:
		return "summary"
	case ownItemScreenID:
		return "ownitem"
	case reportScreenID:
		return "report"
	case yearPlanScreenID:
		return "yearplan"
	}
	return "none"
}

// shared is what every screen reads: dependencies, language, keys and the
// current styles. Only the root changes it, in Update.
type shared struct {
	ctx      context.Context
	store    Store
	exporter Exporter
	cat      *checklist.Catalog
	lang     checklist.Lang
	today    func() checklist.Date
	keys     KeyMap
	styles   *Styles
	// after delivers a message once a duration has passed (tea.Tick);
	// tests replace it to run timers at will.
	after func(time.Duration, tea.Msg) tea.Cmd
	// presenting is presentation mode: more spacing, centred statement,
	// high contrast, guidance hidden.
	presenting bool
	// writes is the one ordered write path (writes.go); dbPath names the
	// file in its failure messages.
	writes *writeQueue
	dbPath string
	// drafts are the stored drafts by assessment and field (drafts.go).
	drafts map[int64]map[string]checklist.Draft
	// outbox holds the messages parts post when they finish (post); the
	// root routes them before the next message.
	outbox []tea.Msg
}

// post sends msg from a part that has finished (a form, the overview, the
// list of all keys) to its owner. The root routes it right after the
// message being handled, before any later key: a key typed just after the
// one that finished a form goes to the screen the form returns to, never
// to the finished form, and is never dropped. A command would deliver it
// after keys already read from the terminal.
func (sh *shared) post(msg tea.Msg) {
	sh.outbox = append(sh.outbox, msg)
}

// tr picks the Swedish or English text.
func (sh *shared) tr(sv, en string) string { return pickText(sh.lang, sv, en) }

// pickText is checklist.Text.In for two literals. It is not inlined: the
// screens call tr at about 700 places, and inlined each call was its own
// copy of the choice.
//
//go:noinline
func pickText(lang checklist.Lang, sv, en string) string {
	return checklist.Text{SV: sv, EN: en}.In(lang)
}

// areasOf returns the catalog areas of an assessment, in its order; areas
// missing from the catalog are skipped.
func (sh *shared) areasOf(refs []checklist.AreaRef) []*checklist.Area {
	var out []*checklist.Area
	for _, r := range refs {
		if ar := sh.cat.Area(r.ID); ar != nil {
			out = append(out, ar)
		}
	}
	return out
}

// errNoExporter is the error when no exporter is configured.
func errNoExporter(lang checklist.Lang) error {
	return errors.New(checklist.Text{
		SV: "export är inte tillgänglig i den här versionen; använd samkoll export",
		EN: "export is not available in this build; use samkoll export",
	}.In(lang))
}
