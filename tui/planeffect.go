package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// planEffectPrompt checks an action (k): it asks first whether an action
// that is not done is done, or whether an existing check is to be undone,
// then "hade åtgärden effekt?". Nothing is saved until the last answer;
// esc at any step leaves the action as it was.
type planEffectPrompt struct {
	stage  checkStage
	action checklist.Action
	input  *textField
	// warned is set once the personnummer warning has been shown.
	warned bool
	// offer is the stored draft of the effect offered back; edited is set
	// once a key changed the text.
	offer  *draftOffer
	edited bool
}

// checkStage is the question the check prompt asks.
type checkStage int

// The check prompt's questions.
const (
	checkEffect checkStage = iota
	checkAskDone
	checkAskUndo
)

// openCheck opens the check prompt (k) on action cur.
func (p *planScreen) openCheck(cur checklist.Action) {
	in := newTextField(p.sh, "> ", p.sh.tr("ja/nej och kort varför", "yes/no and briefly why"), 200)
	in.SetValue(cur.Effect)
	in.SetWidth(p.w)
	in.Focus()
	// Nothing is saved until the last answer: esc leaves the action as
	// it was.
	p.effect = &planEffectPrompt{action: cur, input: in,
		offer: p.sh.offerDraft(cur.AssessmentID, effectField(cur.ID), in.Value())}
	switch {
	case !cur.CheckedOn.IsZero():
		p.effect.stage = checkAskUndo
	case cur.Status != checklist.Klar:
		p.effect.stage = checkAskDone
	}
}

// updateEffect handles the effect prompt after k.
func (p *planScreen) updateEffect(msg tea.Msg) (screen, tea.Cmd) {
	e := p.effect
	if k, ok := msg.(tea.KeyPressMsg); ok && e.stage != checkEffect {
		hk := p.sh.keys.Home
		switch {
		case key.Matches(k, hk.Confirm) && e.stage == checkAskUndo:
			a := e.action
			a.CheckedOn, a.Effect = checklist.Date{}, ""
			p.effect = nil
			p.sh.saveAction(a, p.sh.tr("ångrandet av kontrollen av ", "the undoing of the check of ")+quoteShort(a.What))
		case key.Matches(k, hk.Confirm):
			e.action.Status = checklist.Klar
			if e.action.DoneOn.IsZero() {
				e.action.DoneOn = p.sh.today()
			}
			e.stage = checkEffect
		case key.Matches(k, hk.Cancel), key.Matches(k, p.sh.keys.Input.Cancel):
			p.effect = nil
		}
		return p, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		in := p.sh.keys.Input
		switch {
		case key.Matches(k, in.Cancel):
			if e.edited {
				p.sh.forgetDraft(e.action.AssessmentID, effectField(e.action.ID))
			}
			p.effect = nil
			return p, nil
		case e.offer != nil && key.Matches(k, in.Save):
			// The draft is in the field; a second enter saves it.
			e.input.SetValue(e.offer.d.Text)
			e.offer, e.edited = nil, true
			return p, nil
		case key.Matches(k, in.Save):
			text := strings.TrimSpace(e.input.Value())
			if !e.warned && checklist.ContainsPersonnummer(text) {
				e.warned = true
				return p, nil
			}
			a := e.action
			a.Effect, a.CheckedOn = text, p.sh.today()
			p.effect = nil
			if planNoEffect(text) {
				p.notice = p.sh.tr("Ingen effekt: lägg till en ny åtgärd med a.", "No effect: add a new measure with a.")
			}
			p.sh.saveAction(a, p.actionWhat(a))
			p.sh.forgetDraft(a.AssessmentID, effectField(a.ID))
			p.offerReeval(a)
			if e.input.Cut() {
				return p, statusCmd(cutText(p.sh, e.input.Limit()))
			}
			return p, nil
		}
	}
	if e.input.edit(msg) {
		e.warned, e.offer, e.edited = false, nil, true
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

// effectLines draws the open check prompt under the table.
func (p *planScreen) effectLines() []string {
	st, tr := p.sh.styles, p.sh.tr
	var out []string
	switch p.effect.stage {
	case checkAskDone:
		out = append(out, st.Warning.Render(wrap(tr("Åtgärden är inte klar. Är den genomförd? y/j = ja, markera den klar och kontrollera · n/esc = avbryt",
			"The action is not done. Has it been carried out? y = yes, mark it done and check it · n/esc = cancel"), p.w)))
	case checkAskUndo:
		out = append(out, st.Warning.Render(wrap(fmt.Sprintf(tr("Kontrollerad %s. Ångra kontrollen? y/j = ja · n/esc = nej",
			"Checked on %s. Undo the check? y = yes · n/esc = no"), p.effect.action.CheckedOn), p.w)))
	default:
		out = append(out, st.Focused.Render(ansi.Truncate(tr("Kontrollerad. Hade åtgärden effekt?", "Checked. Did the measure work?"), p.w, "…")))
		if p.effect.offer != nil {
			out = append(out, st.Warning.Render(wrap(p.sh.offerText(p.effect.offer), p.w)))
		}
		out = append(out, p.effect.input.View())
		out = append(out, st.Hint.Render(ansi.Truncate(tr("Skriv inte namn eller uppgifter om enskildas hälsa eller ärenden",
			"Do not write names or details of anyone's health or case"), p.w, "…")))
		if p.effect.input.Cut() {
			out = append(out, st.Warning.Render(wrap(cutText(p.sh, p.effect.input.Limit()), p.w)))
		}
		if p.effect.warned {
			out = append(out, st.Warning.Render(ansi.Truncate(planPNWarning(p.sh), p.w, "…")))
		}
	}
	return out
}
