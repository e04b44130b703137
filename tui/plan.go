package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// planScreen is the action plan (handlingsplan) of one assessment: a table of
// its actions, carried-over ones first, with a form to add and edit them.
type planScreen struct {
	sh *shared
	a  checklist.Assessment
	// rows are the actions in display order: carried over first.
	rows   []checklist.Action
	cursor int
	offset int
	w, h   int

	// form is the add/edit form while it is open.
	form *actionForm
	// effect asks for the effect of a checked action while it is open.
	effect *planEffectPrompt
	// deleting is set while a delete waits for confirmation.
	deleting bool
	// notice is a short inline line under the table (e.g. a hint after a
	// save); it is cleared on the next key.
	notice string
}

// planEffectPrompt asks "hade åtgärden effekt?" for a just-checked action.
type planEffectPrompt struct {
	action checklist.Action
	input  input
	// warned is set once the personnummer warning has been shown.
	warned bool
}

// newPlanScreen returns the plan screen for a loaded assessment.
func newPlanScreen(sh *shared, a checklist.Assessment) *planScreen {
	p := &planScreen{sh: sh, w: 80, h: 20}
	p.setAssessment(a)
	return p
}

// setAssessment replaces the assessment and rebuilds the rows, keeping the
// cursor on the same action when it is still there.
func (p *planScreen) setAssessment(a checklist.Assessment) {
	var keep int64
	if p.cursor < len(p.rows) {
		keep = p.rows[p.cursor].ID
	}
	p.a = a
	p.rows = planOrder(&p.a, a.Actions)
	p.selectID(keep)
}

// planOrder returns actions with the carried-over ones first, each group in
// its original order.
func planOrder(a *checklist.Assessment, actions []checklist.Action) []checklist.Action {
	out := make([]checklist.Action, 0, len(actions))
	for _, x := range actions {
		if a.CarriedOver(x) {
			out = append(out, x)
		}
	}
	for _, x := range actions {
		if !a.CarriedOver(x) {
			out = append(out, x)
		}
	}
	return out
}

// selectID moves the cursor to the action with id, if present, and clamps it.
func (p *planScreen) selectID(id int64) {
	if id != 0 {
		for i, r := range p.rows {
			if r.ID == id {
				p.cursor = i
			}
		}
	}
	p.cursor = min(max(p.cursor, 0), max(len(p.rows)-1, 0))
	p.scroll()
}

// replace puts a saved action into the assessment and the rows.
func (p *planScreen) replace(saved checklist.Action) {
	i := slices.IndexFunc(p.a.Actions, func(x checklist.Action) bool { return x.ID == saved.ID })
	if i >= 0 {
		p.a.Actions[i] = saved
	} else {
		p.a.Actions = append(p.a.Actions, saved)
	}
	p.rows = planOrder(&p.a, p.a.Actions)
	p.selectID(saved.ID)
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
	p.scroll()
}

// Inputting implements screen.
func (p *planScreen) Inputting() bool { return p.form != nil || p.effect != nil || p.deleting }

// Update implements screen.
func (p *planScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case actionSavedMsg:
		p.replace(msg.a)
		return p, nil
	case actionDeletedMsg:
		p.a.Actions = slices.DeleteFunc(p.a.Actions, func(x checklist.Action) bool { return x.ID == msg.id })
		p.rows = planOrder(&p.a, p.a.Actions)
		p.selectID(0)
		return p, nil
	case assessmentLoadedMsg:
		if msg.a.ID == p.a.ID {
			p.setAssessment(msg.a)
		}
		return p, nil
	case resumedMsg:
		return p, loadAssessmentCmd(p.sh.ctx, p.sh.store, openMsg{id: p.a.ID}, nil)
	case addActionMsg:
		if msg.AssessmentID == p.a.ID {
			return p, p.openForm(p.newAction(msg.AreaID, msg.ItemID))
		}
		return p, nil
	}
	switch {
	case p.form != nil:
		if done, ok := msg.(actionFormDoneMsg); ok {
			p.form = nil
			if done.save == nil {
				return p, nil
			}
			return p, saveActionCmd(p.sh.ctx, p.sh.store, *done.save)
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

// updateTable handles keys on the table.
func (p *planScreen) updateTable(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	keys := p.sh.keys.Plan
	p.notice = ""
	cur, hasRow := p.current()
	switch {
	case key.Matches(msg, p.sh.keys.Global.Back):
		return p, backCmd
	case key.Matches(msg, keys.Up):
		p.cursor = max(p.cursor-1, 0)
		p.scroll()
	case key.Matches(msg, keys.Down):
		p.cursor = min(p.cursor+1, max(len(p.rows)-1, 0))
		p.scroll()
	case key.Matches(msg, keys.Add):
		return p, p.openForm(p.newAction("", ""))
	case key.Matches(msg, keys.Summary):
		return p, openCmd(summaryScreenID, p.a.ID)
	case !hasRow:
		return p, nil
	case key.Matches(msg, keys.Escalate):
		cur.Escalation = nextEscalation(cur.Escalation)
		return p, saveActionCmd(p.sh.ctx, p.sh.store, cur)
	case key.Matches(msg, keys.Edit):
		return p, p.openForm(cur)
	case key.Matches(msg, keys.Status):
		cur.Status = nextStatus(cur.Status)
		cur.DoneOn = checklist.Date{}
		if cur.Status == checklist.Klar {
			cur.DoneOn = p.sh.today()
		}
		return p, saveActionCmd(p.sh.ctx, p.sh.store, cur)
	case key.Matches(msg, keys.Checked):
		cur.CheckedOn = p.sh.today()
		in := newInput("> ", p.sh.tr("ja/nej och kort varför", "yes/no and briefly why"), 200)
		in.SetValue(cur.Effect)
		in.SetWidth(p.w)
		in.Focus()
		p.effect = &planEffectPrompt{action: cur, input: in}
		return p, saveActionCmd(p.sh.ctx, p.sh.store, cur)
	case key.Matches(msg, keys.Delete):
		p.deleting = true
	}
	return p, nil
}

// updateEffect handles the effect prompt after k.
func (p *planScreen) updateEffect(msg tea.Msg) (screen, tea.Cmd) {
	e := p.effect
	if k, ok := msg.(tea.KeyPressMsg); ok {
		in := p.sh.keys.Input
		switch {
		case key.Matches(k, in.Cancel):
			p.effect = nil
			return p, nil
		case key.Matches(k, in.Save):
			text := strings.TrimSpace(e.input.Value())
			if !e.warned && checklist.ContainsPersonnummer(text) {
				e.warned = true
				return p, nil
			}
			a := e.action
			a.Effect = text
			p.effect = nil
			if planNoEffect(text) {
				p.notice = p.sh.tr("Ingen effekt: lägg till en ny åtgärd med a.", "No effect: add a new measure with a.")
			}
			return p, saveActionCmd(p.sh.ctx, p.sh.store, a)
		}
	}
	if e.input.Update(msg) {
		e.warned = false
	}
	return p, nil
}

// planNoEffect reports whether an effect text starts with "nej" or "no".
func planNoEffect(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, w := range []string{"nej", "no"} {
		if s == w || strings.HasPrefix(s, w+" ") || strings.HasPrefix(s, w+",") || strings.HasPrefix(s, w+".") {
			return true
		}
	}
	return false
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
		if cur, ok := p.current(); ok {
			return p, deleteActionCmd(p.sh.ctx, p.sh.store, cur.ID)
		}
	case key.Matches(k, p.sh.keys.Home.Cancel), key.Matches(k, p.sh.keys.Global.Back):
		p.deleting = false
	}
	return p, nil
}

// current returns the action under the cursor.
func (p *planScreen) current() (checklist.Action, bool) {
	if p.cursor < 0 || p.cursor >= len(p.rows) {
		return checklist.Action{}, false
	}
	return p.rows[p.cursor], true
}

// newAction returns an unsaved action for the assessment, linked to the item
// when areaID and itemID are set.
func (p *planScreen) newAction(areaID, itemID string) checklist.Action {
	return checklist.Action{UnitID: p.a.UnitID, AssessmentID: p.a.ID, AreaID: areaID, ItemID: itemID}
}

// openForm opens the form for a (new when a.ID is 0).
func (p *planScreen) openForm(a checklist.Action) tea.Cmd {
	var item *checklist.Item
	if ar := p.sh.cat.Area(a.AreaID); ar != nil {
		if it, ok := ar.Item(a.ItemID); ok {
			item = &it
		}
	}
	var risk *checklist.Risk
	if r, ok := p.a.Responses[checklist.ItemKey{AreaID: a.AreaID, ItemID: a.ItemID}]; ok {
		risk = r.Risk
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

// levelOf returns the risk level of the item an action addresses: as
// assessed in this assessment, else as assessed where the action was
// created (carried-over actions), else NoLevel.
func (p *planScreen) levelOf(a checklist.Action) checklist.Level {
	if a.ItemID == "" {
		return checklist.NoLevel
	}
	if r, ok := p.a.Responses[checklist.ItemKey{AreaID: a.AreaID, ItemID: a.ItemID}]; ok && r.Risk != nil {
		return r.Risk.Level
	}
	return a.RiskLevel
}

// tableHeight is the number of lines the rows (with group headings) may use.
func (p *planScreen) tableHeight() int {
	// Title, column heading, legend and one spare line; the detail pane
	// when there is room for it.
	h := p.h - 4
	if p.h >= 16 {
		h -= 4
	}
	return max(h, 1)
}

// scroll keeps the cursor row visible.
func (p *planScreen) scroll() {
	lines := p.tableHeight()
	// Group headings take up to two lines; keep room for them.
	visible := max(lines-2, 1)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+visible {
		p.offset = p.cursor - visible + 1
	}
	p.offset = max(min(p.offset, max(len(p.rows)-visible, 0)), 0)
}

// planCols are the column widths of the table.
type planCols struct {
	status, due, who, what, level int
	wide                          bool
}

func (p *planScreen) cols() planCols {
	c := planCols{status: 0}
	for _, s := range checklist.ActionStatuses {
		c.status = max(c.status, ansi.StringWidth(s.Label(p.sh.lang)))
	}
	c.due = max(10, ansi.StringWidth(p.sh.tr("Klart senast", "Due")))
	// Prefix: cursor, overdue mark and a space; then status and due date.
	fixed := 3 + c.status + 1 + c.due + 1
	if p.w >= 64 {
		c.wide = true
		c.who = 14
		c.level = 0
		for l := checklist.Lag; l <= checklist.MycketHog; l++ {
			c.level = max(c.level, ansi.StringWidth(l.Label(p.sh.lang))+1)
		}
		c.what = p.w - fixed - c.who - 1 - c.level - 1
		return c
	}
	c.what = max(p.w-fixed, 1)
	return c
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
	st, tr := p.sh.styles, p.sh.tr
	today := p.sh.today()
	var b []string
	title := fmt.Sprintf("%s · %s · %s", tr("Handlingsplan", "Action plan"), checklist.SanitizeLine(p.a.Unit), p.a.Date)
	b = append(b, st.Title.Render(ansi.Truncate(title, p.w, "…")))
	c := p.cols()
	head := "   " + pad(tr("Status", "Status"), c.status) + " " + pad(tr("Klart senast", "Due"), c.due) + " "
	if c.wide {
		head += pad(tr("Ansvarig", "Responsible"), c.who) + " " + pad(tr("Åtgärd", "Action"), c.what) + " " +
			tr("Risk", "Risk")
	} else {
		head += tr("Åtgärd", "Action")
	}
	b = append(b, st.Subtle.Render(ansi.Truncate(head, p.w, "")))

	if len(p.rows) == 0 {
		b = append(b, "", ansi.Truncate(tr("Inga åtgärder ännu. Tryck a för att lägga till en.",
			"No actions yet. Press a to add one."), p.w, "…"))
	}
	lines := p.tableHeight()
	lastGroup := -1
	for i := p.offset; i < len(p.rows) && lines > 0; i++ {
		r := p.rows[i]
		group := 1
		if p.a.CarriedOver(r) {
			group = 0
		}
		if group != lastGroup {
			lastGroup = group
			heading := tr("Denna APT", "This meeting")
			if group == 0 {
				heading = tr("Från tidigare APT", "From earlier meetings")
			}
			if lines < 2 {
				break
			}
			b = append(b, st.Area.Render(ansi.Truncate(heading, p.w, "…")))
			lines--
		}
		b = append(b, p.row(r, i == p.cursor, c, today))
		lines--
	}
	if len(p.rows) > 0 {
		b = append(b, st.Subtle.Render(ansi.Truncate(tr("! försenad  * allvarlig risk  ", "! overdue  * serious risk  ")+
			fmt.Sprintf("%d/%d", p.cursor+1, len(p.rows)), p.w, "…")))
	}
	switch {
	case p.deleting:
		b = append(b, st.Warning.Render(ansi.Truncate(tr("Ta bort åtgärden? y/j = ja, n/esc = nej",
			"Delete the action? y = yes, n/esc = no"), p.w, "…")))
	case p.effect != nil:
		b = append(b, st.Focused.Render(ansi.Truncate(tr("Kontrollerad. Hade åtgärden effekt?", "Checked. Did the measure work?"), p.w, "…")))
		b = append(b, p.effect.input.View(st.Subtle))
		b = append(b, st.Hint.Render(ansi.Truncate(tr("Skriv inte namn eller uppgifter om enskildas hälsa eller ärenden",
			"Do not write names or details of anyone's health or case"), p.w, "…")))
		if p.effect.warned {
			b = append(b, st.Warning.Render(ansi.Truncate(planPNWarning(p.sh), p.w, "…")))
		}
	case p.notice != "":
		b = append(b, st.Info.Render(ansi.Truncate(p.notice, p.w, "…")))
	case p.h >= 16:
		b = append(b, p.details(today)...)
	}
	return strings.Join(b, "\n")
}

// row renders one action.
func (p *planScreen) row(r checklist.Action, selected bool, c planCols, today checklist.Date) string {
	st := p.sh.styles
	cur, mark := " ", " "
	if selected {
		cur = "›"
	}
	overdue := r.Overdue(today)
	if overdue {
		mark = "!"
	}
	due := r.Due.String()
	if due == "" {
		due = "–"
	}
	s := cur + mark + " " + pad(r.Status.Label(p.sh.lang), c.status) + " " + pad(due, c.due) + " "
	var level string
	if c.wide {
		lv := p.levelOf(r)
		level = "–"
		if lv != checklist.NoLevel {
			level = lv.Label(p.sh.lang)
			if lv.Serious() {
				level += "*"
			}
		}
		s += pad(oneLine(r.Who), c.who) + " " + pad(oneLine(r.What), c.what) + " "
	} else {
		s += oneLine(r.What)
	}
	s = ansi.Truncate(s, p.w-ansi.StringWidth(level), "…")
	switch {
	case selected:
		return st.Selected.Render(s + level)
	case overdue:
		return st.Overdue.Render(s) + p.levelStyle(r).Render(level)
	}
	return s + p.levelStyle(r).Render(level)
}

func (p *planScreen) levelStyle(r checklist.Action) lipgloss.Style {
	return p.sh.styles.Levels[p.levelOf(r)]
}

// details renders the selected action's risk, escalation and check.
func (p *planScreen) details(today checklist.Date) []string {
	r, ok := p.current()
	if !ok {
		return nil
	}
	st, tr := p.sh.styles, p.sh.tr
	line := func(label, value string) string {
		return ansi.Truncate(st.Label.Render(label+": ")+value, p.w, "…")
	}
	risk := oneLine(r.Risk)
	if risk == "" {
		risk = "–"
	}
	var out []string
	out = append(out, "", line(tr("Risk", "Risk"), risk))
	esc := line(tr("Eskalering", "Escalation"), r.Escalation.Label(p.sh.lang))
	if p.a.CarriedOver(r) {
		esc += st.Subtle.Render(" · " + tr("från tidigare APT", "from an earlier meeting"))
	}
	if r.Overdue(today) {
		esc += st.Overdue.Render(" · " + tr("försenad", "overdue"))
	}
	out = append(out, ansi.Truncate(esc, p.w, "…"))
	check := tr("ej kontrollerad", "not checked")
	if !r.CheckedOn.IsZero() {
		check = r.CheckedOn.String()
		if r.Effect != "" {
			check += " · " + tr("effekt", "effect") + ": " + oneLine(r.Effect)
		}
	}
	out = append(out, line(tr("Kontrollerad", "Checked"), check))
	return out
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
	if p.effect != nil || p.deleting {
		return [][]key.Binding{p.ShortHelp()}
	}
	k, g := p.sh.keys.Plan, p.sh.keys.Global
	has := len(p.rows) > 0
	edit, status, checked, del, esc := k.Edit, k.Status, k.Checked, k.Delete, k.Escalate
	for _, b := range []*key.Binding{&edit, &status, &checked, &del, &esc} {
		b.SetEnabled(has)
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Add, edit},
		{status, checked, esc, del},
		{k.Summary, g.Back, g.Help, g.Quit},
	}
}
