package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
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

// demoMeasures are measures already in place, as a group would say them.
var demoMeasures = []string{
	"Rutinen finns på intranätet och gås igenom vid introduktion.",
	"Skyddsombudet är med när vi riskbedömer.\nVi tar upp frågan på varannan APT.",
	"Vi har en kontaktlista i personalrummet.",
	"Chefen har avstämning med varje medarbetare varje månad.",
	"Vi följer upp sjukfrånvaron på gruppnivå varje kvartal.",
}

// demoOwnItems are own items a group might add: statement and guidance.
var demoOwnItems = [][2]string{
	{"Vi hinner äta lunch utan att bli störda.", "Prata om raster, larm och telefon under lunchen."},
	{"Vi vet vem som tar över när chefen är borta.", ""},
	{"Överlämningen mellan passen fungerar.", "Vad tappas bort vid skiftbyte?"},
}

// FillDemo adds n assessments with answers, risk evaluations and actions to
// s, for demonstrations and benchmarks. The assessments are spread over
// several units and the last two years, walk every item of areas, and have
// actions in every status, with unfinished ones carried over to the unit's
// later assessments. They show the SAM cycle: a unit's answers change from
// one APT to the next, risks rise and fall, measures in place are noted and
// kept, each unit has own items and a year plan of its core areas,
// unresolved risks are carried to the next APT, and finished actions lead
// to a re-evaluation of their risk. The same seed gives the same content.
// It writes in a few large transactions: 1,000 assessments take a few
// seconds.
func FillDemo(ctx context.Context, s *Store, areas []*checklist.Area, n int, seed int64) error {
	return FillDemoWith(ctx, s, areas, n, seed, DemoOptions{})
}

// DemoOptions shapes the demo data: how many units, which of them, and
// over how many years. The zero value is eight units over two years.
type DemoOptions struct {
	// Units is the number of units (0 means the eight named ones).
	Units int
	// FirstUnit is the index of the first unit, so that several files
	// can hold different units of one region ("Enhet 009" …).
	FirstUnit int
	// Years is the number of years back from today (0 means 2).
	Years int
}

// unitNames returns the units' names: the eight named ones first, then
// "Enhet 009" and on.
func (o DemoOptions) unitNames() []string {
	n := o.Units
	if n <= 0 {
		n = len(demoUnits)
	}
	names := make([]string, n)
	for i := range names {
		k := o.FirstUnit + i
		if k < len(demoUnits) {
			names[i] = demoUnits[k]
		} else {
			names[i] = fmt.Sprintf("Enhet %03d", k+1)
		}
	}
	return names
}

// FillDemoWith is FillDemo shaped by opt.
func FillDemoWith(ctx context.Context, s *Store, areas []*checklist.Area, n int, seed int64, opt DemoOptions) error {
	demoUnits := opt.unitNames()
	years := opt.Years
	if years <= 0 {
		years = 2
	}
	if n <= 0 {
		return nil
	}
	if len(areas) == 0 {
		return errors.New("inga områden att fylla med")
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5a4d4b))
	end := checklist.DateOf(s.now())
	start := end.AddDays(-years * 365)
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
		// origin, key and risk name the answer the action addresses, for
		// the re-evaluation once it is done.
		origin int64
		key    checklist.ItemKey
		risk   *checklist.Risk
		// due is the action's date; one still open at a meeting after it
		// gets a new date there, as a group does when it sees it is late.
		due checklist.Date
	}
	open := make([][]openAction, len(demoUnits))
	ownAreas := make([][]string, len(demoUnits))
	// The cycle per unit: the latest answer to each item, whether it is
	// left unresolved, and the unit's own items.
	type lastAnswer struct {
		assessment int64
		r          checklist.Response
		unresolved bool
	}
	last := make([]map[checklist.ItemKey]lastAnswer, len(demoUnits))
	own := make([][]checklist.Item, len(demoUnits))
	ownArea := ""
	var core []string
	for _, a := range areas {
		if a.Core {
			core = append(core, a.ID)
		}
	}
	if len(areas) > 0 {
		ownArea = areas[0].ID
	}
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
				if last[p.unit] == nil {
					// The year plan: the core areas spread over the year,
					// for every year of the demo.
					for y := start.Year; y <= end.Year; y++ {
						plan := checklist.YearPlan{UnitID: unitID, Year: y}
						for k, id := range core {
							plan.Entries = append(plan.Entries, checklist.PlanEntry{AreaID: id, Month: time.Month(1 + (2+3*k+p.unit)%11)})
						}
						if err := saveYearPlan(ctx, tx, plan); err != nil {
							return err
						}
					}
					last[p.unit] = map[checklist.ItemKey]lastAnswer{}
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
				if err := insertAreas(ctx, tx, p.id, refs, counts, nil); err != nil {
					return err
				}
				// The unit's first APT adds its own items.
				if len(own[p.unit]) == 0 && ownArea != "" {
					first, err := nextOwnItemNumber(ctx, tx, unitID)
					if err != nil {
						return err
					}
					for k, oi := range demoOwnItems[:1+p.unit%2] {
						area := checklist.OwnArea
						if k == 1 {
							area = ownArea
						}
						itemID := fmt.Sprintf("E%d", first+k)
						if _, err := tx.ExecContext(ctx, `INSERT INTO own_items (uid, unit_id, assessment_id, since, area_id, item_id,
							statement, guidance, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
							newUID(), unitID, p.id, p.date.String(), area, itemID, oi[0], oi[1], fmtTime(at), fmtTime(at)); err != nil {
							return err
						}
						it := checklist.OwnItem{ItemID: itemID, Statement: oi[0], Guidance: oi[1]}.Item()
						own[p.unit] = append(own[p.unit], it)
						ownAreas[p.unit] = append(ownAreas[p.unit], area)
					}
				}
				// Unresolved risks of the unit's earlier APTs come along.
				var q strings.Builder
				var args []any
				for k, l := range last[p.unit] {
					if !l.unresolved {
						continue
					}
					if len(args) > 0 {
						q.WriteString(", ")
					}
					q.WriteString("(?, ?, ?, ?)")
					args = append(args, p.id, l.assessment, k.AreaID, k.ItemID)
				}
				if len(args) > 0 {
					if _, err := tx.ExecContext(ctx, `INSERT INTO carried_risks (assessment_id, from_assessment_id, area_id, item_id)
						VALUES `+q.String(), args...); err != nil {
						return err
					}
				}
				// Carry over the unit's open actions; settle those whose
				// time has come.
				var still []openAction
				for _, o := range open[p.unit] {
					if _, err := tx.ExecContext(ctx, "INSERT INTO assessment_actions (assessment_id, action_id) VALUES (?, ?)", p.id, o.id); err != nil {
						return err
					}
					if o.left--; o.left > 0 {
						if o.due.Before(p.date.AddDays(7)) && rng.IntN(5) > 0 {
							o.due = p.date.AddDays(30 + rng.IntN(60))
							if _, err := tx.ExecContext(ctx, "UPDATE actions SET due = ? WHERE id = ?", o.due.String(), o.id); err != nil {
								return err
							}
						}
						still = append(still, o)
						continue
					}
					if err := settleDemoAction(ctx, tx, o.id, o.fate, p.date); err != nil {
						return err
					}
					if o.fate == checklist.Klar && o.risk != nil && o.risk.Probability > 1 {
						// Checked with effect: the group re-evaluates.
						r := checklist.Risk{Probability: o.risk.Probability - 1 - rng.IntN(o.risk.Probability-1), Consequence: o.risk.Consequence}
						r.Level = checklist.LevelFor(r.Probability, r.Consequence)
						if _, err := tx.ExecContext(ctx, `INSERT INTO reevaluations (uid, assessment_id, area_id, item_id, action_id,
							evaluated_on, probability, consequence, level, serious, note, created)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, newUID(), o.origin, o.key.AreaID, o.key.ItemID, o.id,
							p.date.String(), r.Probability, r.Consequence, r.Level.String(), b2i(r.Serious()),
							"Omvärderad efter kontrollerad åtgärd", fmtTime(at)); err != nil {
							return err
						}
					}
				}
				open[p.unit] = still
				var answers []checklist.Response
				walk := func(areaID string, k int, it checklist.Item) error {
					key := checklist.ItemKey{AreaID: areaID, ItemID: it.ID}
					prev, had := last[p.unit][key]
					ans, r := demoAnswer(rng, it)
					if had && rng.IntN(10) < 6 {
						// Mostly the same as last time, with the risk moving.
						ans, r = prev.r.Answer, demoDrift(rng, prev.r.Risk)
					}
					if ans == checklist.Unanswered {
						return nil
					}
					switch {
					case ans.IsShortcoming() && r == nil && rng.IntN(3) > 0:
						r = demoRisk(rng, it)
					case ans.IsShortcoming() && rng.IntN(10) == 0:
						// Left without a risk evaluation.
						r = nil
					}
					if !ans.IsShortcoming() {
						r = nil
					}
					reason := ""
					if ans == checklist.EjAktuellt {
						reason = "Berör inte vår verksamhet"
					}
					resp := checklist.Response{AreaID: areaID, ItemID: it.ID, Answer: ans,
						Reason: reason, AnsweredAt: at.Add(time.Duration(k) * time.Minute), Risk: r}
					switch {
					case had && prev.r.Measures != "" && ans != checklist.EjAktuellt:
						resp.Measures = prev.r.Measures
					case (ans == checklist.Ja || ans == checklist.Delvis) && rng.IntN(5) == 0:
						resp.Measures = demoMeasures[rng.IntN(len(demoMeasures))]
					}
					answers = append(answers, resp)
					l := lastAnswer{assessment: p.id, r: resp, unresolved: ans.IsShortcoming()}
					defer func() { last[p.unit][key] = l }()
					if !ans.IsShortcoming() || r == nil || rng.IntN(2) == 0 {
						return nil
					}
					l.unresolved = false
					due := p.date.AddDays(21 + rng.IntN(120))
					res, err := insAction.ExecContext(ctx, newUID(), unitID, p.id, areaID, it.ID, it.Problem.SV,
						demoActions[rng.IntN(len(demoActions))], demoWho[rng.IntN(len(demoWho))],
						due.String(), checklist.Escalations[rng.IntN(3)].String(),
						fmtTime(at), fmtTime(at))
					if err != nil {
						return err
					}
					id, err := res.LastInsertId()
					if err != nil {
						return err
					}
					fate := []checklist.ActionStatus{checklist.Klar, checklist.Klar, checklist.Klar, checklist.Struken, checklist.Pagar}[rng.IntN(5)]
					o := openAction{id: id, left: 1 + rng.IntN(3), fate: fate, origin: p.id, key: key, risk: r, due: due}
					if rng.IntN(4) == 0 {
						// Done at once, at the meeting.
						return settleDemoAction(ctx, tx, id, checklist.Klar, p.date)
					}
					open[p.unit] = append(open[p.unit], o)
					return nil
				}
				for _, area := range areas {
					for k, it := range area.Items {
						if err := walk(area.ID, k, it); err != nil {
							return err
						}
					}
				}
				for k, it := range own[p.unit] {
					if err := walk(ownAreas[p.unit][k], k, it); err != nil {
						return err
					}
				}
				if err := insertAnswers(ctx, tx, p.id, answers); err != nil {
					return err
				}
			}
			// The batch's answers join latest_answers with it (latest.go),
			// so that tens of thousands of assessments are not left for
			// Close to fold.
			return foldPending(ctx, tx)
		})
		if err != nil {
			return fmt.Errorf("demodata: %w", err)
		}
	}
	return nil
}

// settleDemoAction gives a demo action its final status at date, changed
// after the meeting of that day (11:00), never before the action was made.
func settleDemoAction(ctx context.Context, tx *sql.Tx, id int64, st checklist.ActionStatus, date checklist.Date) error {
	done, checked, effect := "", "", ""
	if st == checklist.Klar {
		done, checked, effect = date.AddDays(-7).String(), date.String(), "ja"
	}
	_, err := tx.ExecContext(ctx, "UPDATE actions SET status = ?, done_on = ?, checked_on = ?, effect = ?, updated = ? WHERE id = ?",
		st.String(), done, checked, effect, fmtTime(date.Time().Add(11*time.Hour)), id)
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

// demoDrift returns a copy of r with the probability moved one step up or
// down now and then: risks that rise and fall between APTs.
func demoDrift(rng *rand.Rand, r *checklist.Risk) *checklist.Risk {
	if r == nil {
		return nil
	}
	c := *r
	switch rng.IntN(4) {
	case 0:
		c.Probability = min(c.Probability+1, 4)
	case 1:
		c.Probability = max(c.Probability-1, 1)
	}
	if c.Probability > 0 && c.Consequence > 0 {
		c.Level = checklist.LevelFor(c.Probability, c.Consequence)
	}
	return &c
}

func demoRisk(rng *rand.Rand, it checklist.Item) *checklist.Risk {
	r := checklist.DefaultRisk(it.Type)
	if r.Level == checklist.NoLevel {
		r.Probability, r.Consequence = 1+rng.IntN(4), 1+rng.IntN(4)
		r.Level = checklist.LevelFor(r.Probability, r.Consequence)
	}
	return &r
}
