package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// Check the effect, then re-evaluate (issue 16 point 5): when an action
// linked to an item is set to klar, or checked with its effect, the plan
// offers (r) to re-evaluate the item's risk with the group. The risk view
// opens for the item and shows the earlier level; the new evaluation is
// kept beside the old one (Store.SaveReevaluation), so the item's history
// shows the effect.

// reevalStore is the re-evaluations' part of the store; *store.Store
// satisfies it.
type reevalStore interface {
	SaveReevaluation(ctx context.Context, e checklist.Reevaluation) (checklist.Reevaluation, error)
}

// reevalState is the plan's re-evaluation: the offer after a done or
// checked action, and the risk view while it is open.
type reevalState struct {
	offer *checklist.Action
	view  *reevalView
}

// reevalView evaluates the risk of the item of action anew.
type reevalView struct {
	action checklist.Action
	// past is the answer re-evaluated, with its earlier evaluations;
	// loaded is set once it is known.
	past   checklist.PastResponse
	loaded bool
	eval   *riskEval
}

// reevalReadyMsg carries the answer whose risk an action's item had.
type reevalReadyMsg struct {
	actionID int64
	past     checklist.PastResponse
	found    bool
}

// reevalSavedMsg confirms a saved re-evaluation; before is the level it
// replaced.
type reevalSavedMsg struct {
	e      checklist.Reevaluation
	before checklist.Level
}

// offerReeval offers, after action a was set to klar or checked, to
// re-evaluate the risk of its item.
func (p *planScreen) offerReeval(a checklist.Action) {
	if a.AreaID == "" || a.ItemID == "" || a.Status != checklist.Klar {
		return
	}
	p.reeval.offer = &a
	text := p.sh.tr("r omvärderar punktens risk med gruppen.", "r re-evaluates the item's risk with the group.")
	if p.notice != "" {
		text = p.notice + " " + text
	}
	p.notice = text
}

// takeOffer returns the open offer and ends it: it holds for one key.
func (p *planScreen) takeOffer() *checklist.Action {
	o := p.reeval.offer
	p.reeval.offer = nil
	return o
}

// openReeval opens the risk view for the item of action a, once the
// answer it re-evaluates is read: this assessment's answer to the item,
// else the answer at the action's assessment, else the latest one with a
// risk.
func (p *planScreen) openReeval(a checklist.Action) {
	p.reeval.view = &reevalView{action: a}
	k := checklist.ItemKey{AreaID: a.AreaID, ItemID: a.ItemID}
	here, unit, id := p.a.Responses[k], p.a.UnitID, p.a.ID
	date := p.a.Date
	var reevals []checklist.Reevaluation
	for _, e := range p.a.Reevaluations {
		if e.Key() == k {
			reevals = append(reevals, e)
		}
	}
	p.sh.readOrdered(func(ctx context.Context, s Store) (tea.Msg, error) {
		if here.Risk != nil && here.Answer.IsShortcoming() {
			return reevalReadyMsg{actionID: a.ID, found: true,
				past: checklist.PastResponse{AssessmentID: id, Date: date, Response: here, Reevaluations: reevals}}, nil
		}
		cs, ok := s.(cycleStore)
		if !ok {
			return reevalReadyMsg{actionID: a.ID}, nil
		}
		list, err := cs.ItemHistory(ctx, unit, k)
		if err != nil {
			return nil, err
		}
		msg := reevalReadyMsg{actionID: a.ID}
		for _, h := range list {
			if h.Response.Risk == nil || date.Before(h.Date) {
				continue
			}
			if !msg.found || h.AssessmentID == a.AssessmentID || msg.past.AssessmentID != a.AssessmentID {
				msg.past, msg.found = h, true
			}
		}
		return msg, nil
	})
}

// reevalMsg handles the re-evaluation's messages; ok is false for others.
func (p *planScreen) reevalMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case reevalReadyMsg:
		v := p.reeval.view
		if v == nil || v.action.ID != msg.actionID {
			return nil, true
		}
		if !msg.found {
			p.reeval.view = nil
			return statusCmd(p.sh.tr("Punkten har ingen riskbedömning att omvärdera.", "The item has no risk evaluation to re-evaluate.")), true
		}
		v.past, v.loaded = msg.past, true
		v.eval = newRiskEval(p.sh, p.walkItemOf(msg.past.Response.Key()), checklist.Response{Answer: msg.past.Response.Answer})
		v.eval.noNote = true
		v.eval.SetSize(p.w, p.h)
		return nil, true
	case reevalSavedMsg:
		p.sh.loadOrdered(openMsg{id: p.a.ID}, nil)
		return statusCmd(fmt.Sprintf(p.sh.tr("Omvärderad: %s → %s. Båda finns kvar i punktens historik.",
			"Re-evaluated: %s → %s. Both stay in the item's history."), msg.before.Label(p.sh.lang), msg.e.Risk.Level.Label(p.sh.lang))), true
	}
	return nil, false
}

// walkItemOf returns the item k as the risk view draws it; an item the
// checklists no longer have is named by its id.
func (p *planScreen) walkItemOf(k checklist.ItemKey) walkItem {
	cat := p.sh.cat.WithOwnItems(p.a.OwnItems)
	if ar := cat.Area(k.AreaID); ar != nil {
		for i, it := range ar.Items {
			if it.ID == k.ItemID {
				return walkItem{area: ar, item: it, num: i + 1}
			}
		}
	}
	return walkItem{area: &checklist.Area{ID: k.AreaID, Title: checklist.Text{SV: k.AreaID}},
		item: checklist.Item{ID: k.ItemID, Statement: checklist.Text{SV: k.ItemID}}}
}

// updateReeval handles keys while the risk view is open: the digits set
// probability and consequence, enter saves beside the earlier evaluation,
// a saves it and opens a new action for the item, esc leaves without
// saving.
func (p *planScreen) updateReeval(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	v, rk := p.reeval.view, p.sh.keys.Risk
	switch {
	case key.Matches(k, p.sh.keys.Global.Back):
		p.reeval.view = nil
	case !v.loaded:
	case key.Matches(k, rk.Score):
		v.eval.Update(k)
	case key.Matches(k, rk.Save, rk.AddAction):
		if v.eval.level() == checklist.NoLevel {
			return p, statusCmd(p.sh.tr("Välj sannolikhet och konsekvens (1–4) först.", "Choose probability and consequence (1–4) first."))
		}
		e := checklist.Reevaluation{AssessmentID: v.past.AssessmentID, AreaID: v.past.Response.AreaID, ItemID: v.past.Response.ItemID,
			ActionID: v.action.ID, On: p.sh.today(), Risk: *v.eval.result().Risk}
		p.reeval.view = nil
		p.sh.saveReevaluation(e, v.past.Level(), p.sh.tr("omvärderingen av risken för ", "the re-evaluation of the risk of ")+quoteShort(v.action.What))
		if key.Matches(k, rk.AddAction) {
			// a, as in the walk's risk view: saved, then a new action for
			// the item with the new level (a serious one gets an early date).
			risk := e.Risk
			return p, p.openFormWith(p.newAction(e.AreaID, e.ItemID), &risk)
		}
	}
	return p, nil
}

// saveReevaluation queues a re-evaluation; before is the level it
// follows.
func (sh *shared) saveReevaluation(e checklist.Reevaluation, before checklist.Level, what string) {
	sh.enqueue(&writeOp{what: what, assessmentID: e.AssessmentID,
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			rs, ok := s.(reevalStore)
			if !ok {
				return nil, checklist.Errorf("databasen kan inte spara omvärderingar", "the database cannot store re-evaluations")
			}
			got, err := rs.SaveReevaluation(ctx, e)
			if err != nil {
				return nil, err
			}
			return reevalSavedMsg{e: got, before: before}, nil
		}})
}

// reevalViewString draws the risk view with the earlier level above it.
func (p *planScreen) reevalViewString() string {
	v, sh, st := p.reeval.view, p.sh, p.sh.styles
	head := st.Title.Render(ansi.Truncate(sh.tr("Omvärdera risken", "Re-evaluate the risk")+" · "+quoteShort(v.action.What), p.w, "…"))
	if !v.loaded {
		return head + "\n\n" + st.Subtle.Render(sh.tr("Hämtar …", "Loading …"))
	}
	earlier := fmt.Sprintf(sh.tr("Tidigare: %s (APT %s)", "Earlier: %s (APT %s)"), st.Levels[v.past.Level()].Render(v.past.Level().Label(sh.lang)), v.past.Date)
	for _, e := range v.past.Reevaluations {
		earlier += " → " + st.Levels[e.Risk.Level].Render(e.Risk.Level.Label(sh.lang)) + st.Subtle.Render(" ("+e.On.String()+")")
	}
	lines := []string{head, ansi.Truncate(earlier, p.w, "…")}
	if v.action.Effect != "" {
		lines = append(lines, st.Subtle.Render(ansi.Truncate(sh.tr("Effekt: ", "Effect: ")+oneLine(v.action.Effect), p.w, "…")))
	}
	return strings.Join(append(lines, v.eval.View()), "\n")
}

// reevalHelp are the keys of the open risk view.
func (p *planScreen) reevalHelp() []key.Binding {
	k := p.sh.keys.Risk
	return []key.Binding{k.Score, k.Save, k.AddAction, p.sh.keys.Global.Back}
}
