package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"samkoll/checklist"
)

// demoUnits are the units FillDemo spreads its assessments over.
var demoUnits = []string{
	"Avdelning 12 Medicin", "Akutmottagningen", "Vårdcentralen Norr", "Röntgen", "Ekonomienheten",
	"IT-support", "Kirurgavdelning 3", "Tandvården Centrum",
}

var demoActions = []string{
	"Gå igenom rutinen på nästa APT", "Ta fram skriftlig instruktion", "Boka utbildning för alla",
	"Sätt upp information i personalrummet", "Följ upp med skyddsombudet", "Beställ riskbedömning från FHV",
	"Lyft frågan i samverkansgruppen", "Se över schemat tillsammans",
}

var demoWho = []string{"Enhetschef", "Skyddsombud", "Samordnare", "Biträdande chef", "HR-partner"}

// FillDemo adds n assessments with answers, risk evaluations and actions to
// s, for demonstrations and benchmarks. The assessments are spread over
// several units and the last four years, walk every item of areas, and have
// actions in every status, with unfinished ones carried over to the unit's
// later assessments. The same seed gives the same content. It writes in a
// few large transactions: 1,000 assessments take a few seconds.
func FillDemo(ctx context.Context, s *Store, areas []*checklist.Area, n int, seed int64) error {
	if n <= 0 {
		return nil
	}
	if len(areas) == 0 {
		return errors.New("inga områden att fylla med")
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5a4d4b))
	end := checklist.DateOf(s.now())
	start := end.AddDays(-4 * 365)
	span := end.Time().Sub(start.Time()).Hours() / 24

	// Plan the assessments: dates per unit in order.
	type plan struct {
		unit int
		date checklist.Date
		id   int64
	}
	plans := make([]plan, n)
	for i := range plans {
		plans[i] = plan{unit: i % len(demoUnits), date: start.AddDays(int(float64(i) / float64(n) * span))}
	}
	now := s.now()
	counts := map[string]int{}
	var refs []checklist.AreaRef
	for _, a := range areas {
		refs = append(refs, checklist.AreaRef{ID: a.ID, Version: a.Version, Hash: a.Hash})
		counts[a.ID] = len(a.Items)
	}
	// open holds, per unit, the unfinished actions and how many more
	// assessments each stays open for.
	type openAction struct {
		id   int64
		left int
		fate checklist.ActionStatus
	}
	open := make([][]openAction, len(demoUnits))
	const batch = 100
	for lo := 0; lo < n; lo += batch {
		hi := min(lo+batch, n)
		err := s.tx(ctx, func(tx *sql.Tx) error {
			insAction, err := tx.PrepareContext(ctx, `INSERT INTO actions (uid, unit_id, assessment_id, area_id, item_id,
				risk, what, who, due, status, done_on, checked_on, effect, escalation, created, updated)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'planerad', '', '', '', ?, ?, ?)`)
			if err != nil {
				return err
			}
			defer insAction.Close()
			for i := lo; i < hi; i++ {
				p := &plans[i]
				unitID, _, _, err := ensureUnit(ctx, tx, demoUnits[p.unit], now)
				if err != nil {
					return err
				}
				status := checklist.Avslutad
				if i >= n-len(demoUnits) {
					status = checklist.Pagaende
				}
				a := checklist.Assessment{Date: p.date, Participants: fmt.Sprintf("chef, %d medarbetare", 4+rng.IntN(20)),
					SafetyRepPresent: rng.IntN(4) > 0, Status: status}
				at := p.date.Time().Add(9 * time.Hour)
				if p.id, err = insertAssessment(ctx, tx, newUID(), unitID, a, at, at.Add(2*time.Hour)); err != nil {
					return err
				}
				if err := insertAreas(ctx, tx, p.id, refs, counts); err != nil {
					return err
				}
				// Carry over the unit's open actions; settle those whose
				// time has come.
				var still []openAction
				for _, o := range open[p.unit] {
					if _, err := tx.ExecContext(ctx, "INSERT INTO assessment_actions (assessment_id, action_id) VALUES (?, ?)", p.id, o.id); err != nil {
						return err
					}
					if o.left--; o.left > 0 {
						still = append(still, o)
						continue
					}
					if err := settleDemoAction(ctx, tx, o.id, o.fate, p.date); err != nil {
						return err
					}
				}
				open[p.unit] = still
				var answers []checklist.Response
				for _, area := range areas {
					for k, it := range area.Items {
						ans, r := demoAnswer(rng, it)
						if ans == checklist.Unanswered {
							continue
						}
						reason := ""
						if ans == checklist.EjAktuellt {
							reason = "Berör inte vår verksamhet"
						}
						answers = append(answers, checklist.Response{AreaID: area.ID, ItemID: it.ID, Answer: ans,
							Reason: reason, AnsweredAt: at.Add(time.Duration(k) * time.Minute), Risk: r})
						if !ans.IsShortcoming() || rng.IntN(2) == 0 {
							continue
						}
						res, err := insAction.ExecContext(ctx, newUID(), unitID, p.id, area.ID, it.ID, it.Problem.SV,
							demoActions[rng.IntN(len(demoActions))], demoWho[rng.IntN(len(demoWho))],
							p.date.AddDays(14+rng.IntN(120)).String(), checklist.Escalations[rng.IntN(3)].String(),
							fmtTime(at), fmtTime(at))
						if err != nil {
							return err
						}
						id, err := res.LastInsertId()
						if err != nil {
							return err
						}
						fate := []checklist.ActionStatus{checklist.Klar, checklist.Klar, checklist.Klar, checklist.Struken, checklist.Pagar}[rng.IntN(5)]
						o := openAction{id: id, left: 1 + rng.IntN(3), fate: fate}
						if rng.IntN(4) == 0 {
							// Done at once, at the meeting.
							if err := settleDemoAction(ctx, tx, id, checklist.Klar, p.date); err != nil {
								return err
							}
							continue
						}
						open[p.unit] = append(open[p.unit], o)
					}
				}
				if err := insertAnswers(ctx, tx, p.id, answers); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("demodata: %w", err)
		}
	}
	return nil
}

// settleDemoAction gives a demo action its final status at date.
func settleDemoAction(ctx context.Context, tx *sql.Tx, id int64, st checklist.ActionStatus, date checklist.Date) error {
	done, checked, effect := "", "", ""
	if st == checklist.Klar {
		done, checked, effect = date.AddDays(-7).String(), date.String(), "ja"
	}
	_, err := tx.ExecContext(ctx, "UPDATE actions SET status = ?, done_on = ?, checked_on = ?, effect = ?, updated = ? WHERE id = ?",
		st.String(), done, checked, effect, fmtTime(date.Time()), id)
	return err
}

// demoAnswer picks an answer: mostly Ja, some shortcomings with a risk.
func demoAnswer(rng *rand.Rand, it checklist.Item) (checklist.Answer, *checklist.Risk) {
	switch x := rng.IntN(20); {
	case x < 13:
		return checklist.Ja, nil
	case x < 16:
		return checklist.Delvis, demoRisk(rng, it)
	case x < 18:
		return checklist.Nej, demoRisk(rng, it)
	case x < 19:
		return checklist.EjAktuellt, nil
	}
	return checklist.Unanswered, nil
}

func demoRisk(rng *rand.Rand, it checklist.Item) *checklist.Risk {
	r := checklist.DefaultRisk(it.Type)
	if r.Level == checklist.NoLevel {
		r.Probability, r.Consequence = 1+rng.IntN(4), 1+rng.IntN(4)
		r.Level = checklist.LevelFor(r.Probability, r.Consequence)
	}
	return &r
}
