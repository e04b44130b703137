package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// planScreen is the action plan (handlingsplan) of one assessment: a table of
// its actions, carried-over ones first, with a form to add and edit them.
type planScreen struct {
	sh    *shared
	a     checklist.Assessment
	table *planTable
	w, h  int

	// form is the add/edit form while it is open.
	form *actionForm
	// effect asks for the effect of a checked action while it is open.
	effect *planEffectPrompt
	// deleting is set while a delete waits for confirmation.
	deleting bool
	// notice is a short inline line under the table (e.g. a hint after a
	// save); it is cleared on the next key.
	notice string
	// reeval offers and holds the re-evaluation of a risk (reeval.go).
	reeval reevalState
}

// newPlanScreen returns the plan screen for a loaded assessment.
func newPlanScreen(sh *shared, a checklist.Assessment) *planScreen {
	p := &planScreen{sh: sh, a: a, w: 80, h: 20}
	p.table = newPlanTable(sh, &p.a)
	p.table.SetSize(p.w, p.h)
	return p
}

// setAssessment replaces the assessment and rebuilds the table, keeping the
// cursor on the same action when it is still there.
func (p *planScreen) setAssessment(a checklist.Assessment) {
	cur, _ := p.table.current()
	p.a = a
	p.table.rebuild(cur.ID)
}

// SetSize implements screen.
func (p *planScreen) SetSize(w, h int) {
	p.w, p.h = max(w, 1), max(h, 1)
	if p.form != nil {
		p.form.setSize(p.w, p.h)
	}
	if p.effect != nil {
		p.effect.input.SetWidth(p.w)
	}
	p.table.SetSize(p.w, p.h)
}

// Inputting implements screen.
func (p *planScreen) Inputting() bool { return p.form != nil || p.effect != nil || p.deleting }

// Update implements screen.
func (p *planScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case actionSavedMsg:
		p.table.replace(msg.a)
		return p, nil
	case actionDeletedMsg:
		p.table.remove(msg.id)
		return p, nil
	case assessmentLoadedMsg:
		if msg.a.ID == p.a.ID {
			p.setAssessment(msg.a)
		}
		return p, nil
	case resumedMsg:
		p.sh.loadOrdered(openMsg{id: p.a.ID}, nil)
		return p, nil
	case responseSavedMsg:
		if msg.assessmentID == p.a.ID {
			setResponse(&p.a, msg.r)
		}
		return p, nil
	case addActionMsg:
		if msg.AssessmentID == p.a.ID {
			return p, p.openForm(p.newAction(msg.AreaID, msg.ItemID))
		}
		return p, nil
	}
	if cmd, ok := p.reevalMsg(msg); ok {
		return p, cmd
	}
	switch {
	case p.reeval.view != nil:
		return p.updateReeval(msg)
	case p.form != nil:
		if done, ok := msg.(actionFormDoneMsg); ok {
			p.form = nil
			if done.save != nil {
				p.sh.saveAction(*done.save, p.actionWhat(*done.save))
			}
			if done.draft != "" {
				// After the save, in order: a save that fails keeps the draft.
				p.sh.forgetDraft(p.a.ID, done.draft)
			}
			if done.cut != "" {
				return p, statusCmd(done.cut)
			}
			return p, nil
		}
		var cmd tea.Cmd
		p.form, cmd = p.form.Update(msg)
		return p, cmd
	case p.effect != nil:
		return p.updateEffect(msg)
	case p.deleting:
		return p.updateDelete(msg)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return p.updateTable(k)
	}
	return p, nil
}

// draftField implements drafter: the text of the open form or effect
// prompt.
func (p *planScreen) draftField() (int64, string, string, bool) {
	switch {
	case p.form != nil:
		return p.form.draftField()
	case p.effect != nil:
		return p.effect.draftField()
	}
	return 0, "", "", false
}

// updateTable handles keys on the table.
func (p *planScreen) updateTable(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	keys := p.sh.keys.Plan
	p.notice = ""
	offer := p.takeOffer()
	cur, hasRow := p.table.current()
	// Build on the newest change of the row, saved or still queued.
	cur = p.sh.writes.latestAction(cur)
	switch {
	case key.Matches(msg, p.sh.keys.Global.Back):
		return p, p.sh.back()
	case key.Matches(msg, keys.Add):
		return p, p.openForm(p.newAction("", ""))
	case key.Matches(msg, keys.Summary):
		return p, p.sh.open(summaryScreenID, p.a.ID)
	case offer != nil && key.Matches(msg, keys.Reevaluate):
		p.openReeval(*offer)
		return p, nil
	case !hasRow:
		return p, nil
	case key.Matches(msg, keys.Escalate):
		cur.Escalation = nextEscalation(cur.Escalation)
		p.sh.saveAction(cur, p.actionWhat(cur))
		return p, nil
	case key.Matches(msg, keys.Edit):
		return p, p.openForm(cur)
	case key.Matches(msg, keys.Status):
		cur.Status = nextStatus(cur.Status)
		cur.DoneOn = checklist.Date{}
		if cur.Status == checklist.Klar {
			cur.DoneOn = p.sh.today()
		}
		p.sh.saveAction(cur, p.actionWhat(cur))
		p.offerReeval(cur)
		return p, nil
	case key.Matches(msg, keys.Checked):
		p.openCheck(cur)
		return p, nil
	case key.Matches(msg, keys.Delete):
		p.deleting = true
	default:
		p.table, _ = p.table.Update(msg)
	}
	return p, nil
}

// updateDelete handles the delete confirmation.
func (p *planScreen) updateDelete(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(k, p.sh.keys.Home.Confirm):
		p.deleting = false
		if cur, ok := p.table.current(); ok {
			p.sh.deleteAction(cur)
		}
	case key.Matches(k, p.sh.keys.Home.Cancel), key.Matches(k, p.sh.keys.Global.Back):
		p.deleting = false
	}
	return p, nil
}

// actionWhat names a change of action a for a failure message.
func (p *planScreen) actionWhat(a checklist.Action) string {
	if a.ID == 0 {
		return p.sh.tr("den nya åtgärden ", "the new action ") + quoteShort(a.What)
	}
	return p.sh.tr("ändringen av åtgärden ", "the change to the action ") + quoteShort(a.What)
}

// newAction returns an unsaved action for the assessment, linked to the item
// when areaID and itemID are set.
func (p *planScreen) newAction(areaID, itemID string) checklist.Action {
	return checklist.Action{UnitID: p.a.UnitID, AssessmentID: p.a.ID, AreaID: areaID, ItemID: itemID}
}

// openForm opens the form for a (new when a.ID is 0).
func (p *planScreen) openForm(a checklist.Action) tea.Cmd {
	var risk *checklist.Risk
	if r, ok := p.a.Responses[checklist.ItemKey{AreaID: a.AreaID, ItemID: a.ItemID}]; ok {
		risk = r.Risk
	}
	return p.openFormWith(a, risk)
}

// openFormWith opens the form for a with the item's risk given.
func (p *planScreen) openFormWith(a checklist.Action, risk *checklist.Risk) tea.Cmd {
	var item *checklist.Item
	if ar := p.sh.cat.WithOwnItems(p.a.OwnItems).Area(a.AreaID); ar != nil {
		if it, ok := ar.Item(a.ItemID); ok {
			item = &it
		}
	}
	p.form = newActionForm(p.sh, a, item, risk)
	p.form.setSize(p.w, p.h)
	return nil
}

// nextStatus cycles planerad → pågår → klar → struken → planerad.
func nextStatus(s checklist.ActionStatus) checklist.ActionStatus {
	i := slices.Index(checklist.ActionStatuses, s)
	return checklist.ActionStatuses[(i+1)%len(checklist.ActionStatuses)]
}

// nextEscalation cycles APT → samverkansgrupp → närmaste chef → APT.
func nextEscalation(e checklist.Escalation) checklist.Escalation {
	i := slices.Index(checklist.Escalations, e)
	return checklist.Escalations[(i+1)%len(checklist.Escalations)]
}

// pad cuts s to w cells and pads it with spaces.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// View implements screen.
func (p *planScreen) View() string {
	if p.form != nil {
		return p.form.View()
	}
	if p.reeval.view != nil {
		return p.reevalViewString()
	}
	st, tr := p.sh.styles, p.sh.tr
	title := fmt.Sprintf("%s · %s · %s", tr("Handlingsplan", "Action plan"), checklist.SanitizeLine(p.a.Unit), p.a.Date)
	b := []string{st.Title.Render(ansi.Truncate(title, p.w, "…")), p.table.View()}
	if p.sh.presenting {
		b[0] = centre(b[:1], p.w)[0]
	}
	if n := len(p.sh.writes.pendingNewActions(p.a.ID)); n > 0 {
		b = append(b, st.Subtle.Render(ansi.Truncate(fmt.Sprintf(tr("Sparar %d ny åtgärd …", "Saving %d new action …"), n), p.w, "…")))
	}
	switch {
	case p.deleting:
		b = append(b, st.Warning.Render(ansi.Truncate(tr("Ta bort åtgärden? y/j = ja, n/esc = nej",
			"Delete the action? y = yes, n/esc = no"), p.w, "…")))
	case p.effect != nil:
		b = append(b, p.effectLines()...)
	case p.notice != "":
		b = append(b, st.Info.Render(ansi.Truncate(p.notice, p.w, "…")))
	default:
		b = append(b, p.table.Details()...)
	}
	return strings.Join(b, "\n")
}

// oneLine makes user text safe with clean and folds runs of spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return checklist.SanitizeLine(s)
	}
	return strings.Join(strings.Fields(checklist.SanitizeLine(s)), " ")
}

// ShortHelp implements help.KeyMap.
func (p *planScreen) ShortHelp() []key.Binding {
	switch {
	case p.form != nil:
		return p.form.ShortHelp()
	case p.reeval.view != nil:
		return p.reevalHelp()
	case p.reeval.offer != nil:
		return []key.Binding{p.sh.keys.Plan.Reevaluate, p.sh.keys.Plan.Add, p.sh.keys.Plan.Edit, p.sh.keys.Plan.Status, p.sh.keys.Global.Back}
	case p.effect != nil && p.effect.stage != checkEffect:
		yes := key.NewBinding(key.WithKeys("y", "j"), key.WithHelp("y/j", p.sh.tr("ja", "yes")))
		return []key.Binding{yes, p.sh.keys.Home.Cancel}
	case p.effect != nil:
		return []key.Binding{p.sh.keys.Input.Save, p.sh.keys.Input.Cancel}
	case p.deleting:
		return []key.Binding{p.sh.keys.Home.Confirm, p.sh.keys.Home.Cancel}
	}
	k := p.sh.keys.Plan
	return []key.Binding{k.Add, k.Edit, k.Status, k.Checked, k.Escalate, k.Summary,
		p.sh.keys.Global.Back}
}

// FullHelp implements help.KeyMap.
func (p *planScreen) FullHelp() [][]key.Binding {
	if p.form != nil {
		return p.form.FullHelp()
	}
	if p.effect != nil || p.deleting || p.reeval.view != nil {
		return [][]key.Binding{p.ShortHelp()}
	}
	k, g, l := p.sh.keys.Plan, p.sh.keys.Global, p.sh.keys.ArrowList
	reeval := k.Reevaluate
	reeval.SetEnabled(p.reeval.offer != nil)
	_, has := p.table.current()
	edit, status, checked, del, esc := k.Edit, k.Status, k.Checked, k.Delete, k.Escalate
	for _, b := range []*key.Binding{&edit, &status, &checked, &del, &esc} {
		b.SetEnabled(has)
	}
	return [][]key.Binding{
		{l.Up, l.Down, l.PageUp, l.PageDown},
		{k.Add, edit},
		{status, checked, esc, del, reeval},
		{k.Summary, g.Back, g.Help, g.Quit},
	}
}
