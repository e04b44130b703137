package checklist

import (
	"fmt"
	"strings"
	"time"
)

// This file holds the types of the SAM cycle: what one APT hands to the
// next (earlier answers, unresolved risks, the group's own items), the
// re-evaluation of a risk after an action, and the unit's year plan.

// OwnArea is the area id of a unit's own area: the place for the group's
// own items that belong to none of the checklist areas.
const OwnArea = "egen"

// OwnAreaTitle is the title of OwnArea.
var OwnAreaTitle = Text{SV: "Egna punkter", EN: "Own items"}

// OwnItem is an item the work group added itself ("Egen punkt"). It is
// answered, risk-evaluated and acted on like a checklist item, and offered
// again at the unit's later APTs.
type OwnItem struct {
	// ID is the store's id; 0 before it is saved.
	ID int64
	// UnitID is the unit the item belongs to.
	UnitID int64
	// AssessmentID is the assessment where the item was added.
	AssessmentID int64
	// AreaID is a checklist area or OwnArea.
	AreaID string
	// ItemID is given by the store, "E1", "E2", ... within the unit.
	ItemID string
	// Statement is affirmative, as in a checklist: Ja means good.
	Statement string
	// Guidance is optional: what to talk about.
	Guidance string
	// Since is the meeting date of the assessment where it was added;
	// the item is offered at the unit's assessments from that date on.
	Since Date
	// Created and Updated are set by the store.
	Created, Updated time.Time
}

// Validate checks the fields the group enters.
func (o OwnItem) Validate() error {
	if strings.TrimSpace(o.Statement) == "" {
		return Errorf("den egna punkten saknar påstående", "the own item has no statement")
	}
	if strings.TrimSpace(o.AreaID) == "" {
		return Errorf("den egna punkten saknar område", "the own item has no area")
	}
	if len(o.Statement) > 2000 || len(o.Guidance) > 10000 {
		return Errorf("den egna punkten är för lång", "the own item is too long")
	}
	return nil
}

// Item returns the own item as a checklist item: a risk item whose
// problem phrasing is the statement prefixed by "Brist:".
func (o OwnItem) Item() Item {
	return Item{
		ID:        o.ItemID,
		Type:      RiskItem,
		Statement: Text{SV: o.Statement},
		Problem:   Text{SV: "Brist: " + o.Statement, EN: "Shortcoming: " + o.Statement},
		Guidance:  Text{SV: o.Guidance},
	}
}

// IsOwnItemID reports whether id has the form the store gives own items.
func IsOwnItemID(id string) bool {
	if len(id) < 2 || id[0] != 'E' {
		return false
	}
	for _, c := range id[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Reevaluation is a later risk evaluation of an answered item, typically
// after an action was done or checked. It is kept beside the original
// evaluation, so the history shows the effect.
type Reevaluation struct {
	// ID is the store's id; 0 before it is saved.
	ID int64
	// AssessmentID, AreaID and ItemID name the answer whose risk is
	// re-evaluated.
	AssessmentID   int64
	AreaID, ItemID string
	// ActionID is the action whose effect prompted it; 0 if none.
	ActionID int64
	// On is the date of the re-evaluation.
	On Date
	// Risk is the new evaluation.
	Risk Risk
	// Created is set by the store.
	Created time.Time
}

// Key returns the item the re-evaluation belongs to.
func (r Reevaluation) Key() ItemKey { return ItemKey{r.AreaID, r.ItemID} }

// Validate checks the evaluation.
func (r Reevaluation) Validate() error {
	if r.AreaID == "" || r.ItemID == "" {
		return Errorf("omvärderingen saknar punkt", "the re-evaluation has no item")
	}
	if r.On.IsZero() {
		return Errorf("omvärderingen saknar datum", "the re-evaluation has no date")
	}
	if r.Risk.Level == NoLevel {
		return Errorf("omvärderingen saknar risknivå", "the re-evaluation has no risk level")
	}
	return r.Risk.Validate()
}

// PastResponse is an answer given at an earlier APT of the unit, with the
// re-evaluations of its risk, oldest first.
type PastResponse struct {
	// AssessmentID and Date are the earlier assessment and its meeting
	// date.
	AssessmentID int64
	Date         Date
	// Response is the answer as given there.
	Response Response
	// Reevaluations are the later evaluations of its risk.
	Reevaluations []Reevaluation
}

// Level returns the current risk level: that of the last re-evaluation, or
// of the answer's own evaluation, or NoLevel.
func (p PastResponse) Level() Level {
	if n := len(p.Reevaluations); n > 0 {
		return p.Reevaluations[n-1].Risk.Level
	}
	if p.Response.Risk != nil {
		return p.Response.Risk.Level
	}
	return NoLevel
}

// CarriedRisk is a risk from an earlier assessment of the unit that was
// left unresolved: judged but without an action, or a Delvis/Nej answer
// without a risk evaluation. It refers to the earlier answer; nothing is
// copied.
type CarriedRisk struct {
	PastResponse
}

// Unevaluated reports a shortcoming that never got a risk evaluation.
func (c CarriedRisk) Unevaluated() bool { return c.Level() == NoLevel }

// Change is how an item's answer or risk moved between two APTs.
type Change int

// The kinds of change, in the order the summary lists them.
const (
	// NoChange: the same answer and level.
	NoChange Change = iota
	// Resolved: a shortcoming then, Ja now.
	Resolved
	// NewShortcoming: Ja or unanswered then, Delvis/Nej now.
	NewShortcoming
	// RiskRose: a higher risk level now.
	RiskRose
	// RiskFell: a lower risk level now.
	RiskFell
	// AnswerChanged: another answer, none of the above.
	AnswerChanged
)

// String returns a stable code.
func (c Change) String() string {
	return [...]string{"none", "resolved", "new_shortcoming", "risk_rose", "risk_fell", "answer_changed"}[c]
}

// Label returns the change as shown to users.
func (c Change) Label(lang Lang) string {
	return [...]Text{
		{"Oförändrad", "Unchanged"},
		{"Brist då, Ja nu", "Shortcoming then, Yes now"},
		{"Ny brist", "New shortcoming"},
		{"Risken har ökat", "Risk rose"},
		{"Risken har minskat", "Risk fell"},
		{"Ändrat svar", "Answer changed"},
	}[c].In(lang)
}

// Arrow returns ↑ for a risen and ↓ for a fallen risk, else "".
func (c Change) Arrow() string {
	switch c {
	case RiskRose:
		return "↑"
	case RiskFell:
		return "↓"
	}
	return ""
}

// CompareResponses says how an item moved from its previous answer and
// level to its current ones. An unanswered current item is NoChange.
func CompareResponses(prevAnswer Answer, prevLevel Level, cur Answer, curLevel Level) Change {
	switch {
	case cur == Unanswered:
		return NoChange
	case prevAnswer.IsShortcoming() && cur == Ja:
		return Resolved
	case !prevAnswer.IsShortcoming() && cur.IsShortcoming() && prevAnswer != EjAktuellt:
		return NewShortcoming
	case prevLevel != NoLevel && curLevel != NoLevel && curLevel > prevLevel:
		return RiskRose
	case prevLevel != NoLevel && curLevel != NoLevel && curLevel < prevLevel:
		return RiskFell
	case prevAnswer != cur:
		return AnswerChanged
	}
	return NoChange
}

// PlanEntry is one area in a unit's year plan, taken at the APT of one
// month.
type PlanEntry struct {
	// AreaID is the area.
	AreaID string
	// Month is 1–12.
	Month time.Month
}

// YearPlan is a unit's årshjul: which areas are taken at which APT of a
// year.
type YearPlan struct {
	// UnitID is the unit; Year the calendar year.
	UnitID  int64
	Year    int
	Entries []PlanEntry
}

// Validate checks months and that no area is planned twice.
func (p YearPlan) Validate() error {
	if p.Year < 1900 || p.Year > 2200 {
		return Errorf("ogiltigt år %d", "invalid year %d", p.Year)
	}
	seen := map[string]bool{}
	for _, e := range p.Entries {
		if strings.TrimSpace(e.AreaID) == "" {
			return Errorf("årshjulet har ett område utan id", "the year plan has an area without an id")
		}
		if e.Month < 1 || e.Month > 12 {
			return Errorf("ogiltig månad %d för %s", "invalid month %d for %s", int(e.Month), e.AreaID)
		}
		if seen[e.AreaID] {
			return Errorf("området %s finns två gånger i årshjulet", "the area %s is in the year plan twice", e.AreaID)
		}
		seen[e.AreaID] = true
	}
	return nil
}

// Month returns the month planned for area, or 0.
func (p YearPlan) Month(area string) time.Month {
	for _, e := range p.Entries {
		if e.AreaID == area {
			return e.Month
		}
	}
	return 0
}

// CoreState is where a core area stands in a unit's year.
type CoreState int

// The states of a core area in a year.
const (
	// CoreCovered: taken at an APT this year.
	CoreCovered CoreState = iota
	// CoreDue: not yet taken; its planned month is now or later, or it
	// has no plan.
	CoreDue
	// CoreOverdue: not taken, and its planned month has passed (or the
	// year is over).
	CoreOverdue
)

// Label returns the state as shown to users.
func (s CoreState) Label(lang Lang) string {
	return [...]Text{{"Genomgånget", "Covered"}, {"Att ta", "Due"}, {"Försenat", "Overdue"}}[s].In(lang)
}

// CoreArea is one core area's state in a unit's year.
type CoreArea struct {
	// AreaID is the core area.
	AreaID string
	// State says covered, due or overdue.
	State CoreState
	// Covered is the first meeting date this year that took it.
	Covered Date
	// Planned is the planned month, or 0.
	Planned time.Month
}

// CoreAreaStates works out the core areas' states for one year: covered
// lists, by area, the meeting dates of the year's assessments that took
// the area; today decides what is overdue.
func CoreAreaStates(core []string, year int, plan YearPlan, covered map[string][]Date, today Date) []CoreArea {
	out := make([]CoreArea, 0, len(core))
	for _, id := range core {
		c := CoreArea{AreaID: id, Planned: plan.Month(id), State: CoreDue}
		for _, d := range covered[id] {
			if d.Year == year && (c.Covered.IsZero() || d.Before(c.Covered)) {
				c.Covered = d
			}
		}
		switch {
		case !c.Covered.IsZero():
			c.State = CoreCovered
		case today.Year > year:
			c.State = CoreOverdue
		case today.Year == year && c.Planned != 0 && c.Planned < today.Month:
			c.State = CoreOverdue
		}
		out = append(out, c)
	}
	return out
}

// FormatPrevious returns the quiet line the walk shows for an earlier
// answer, e.g. "Förra APT 2026-10-04: Nej · Hög".
func FormatPrevious(p PastResponse, lang Lang) string {
	s := fmt.Sprintf("%s %s: %s", Text{"Förra APT", "Last APT"}.In(lang), p.Date, p.Response.Answer.Label(lang))
	if l := p.Level(); l != NoLevel {
		s += " · " + l.Label(lang)
	}
	return s
}

// ItemChange is how one item moved since the unit's previous APT.
type ItemChange struct {
	// Key is the item.
	Key ItemKey
	// Prev is the previous answer, with its date and re-evaluations.
	Prev PastResponse
	// Cur is the answer now; CurLevel its risk level.
	Cur      Response
	CurLevel Level
	// Change is the kind of change.
	Change Change
}

// SinceLast lists the items of a whose answer moved since the unit's
// previous answer to them (prev, as from the store's PreviousResponses):
// answers that changed, risks that rose or fell, shortcomings then that
// are Ja now, and new shortcomings. Items unchanged, not answered now or
// answered for the first time are left out. The order is by kind of change, then area and item id.
func SinceLast(a Assessment, prev map[ItemKey]PastResponse) []ItemChange {
	var out []ItemChange
	for k, r := range a.Responses {
		p, ok := prev[k]
		if !ok {
			continue // answered for the first time: nothing to compare
		}
		cur := a.CurrentLevel(k)
		c := CompareResponses(p.Response.Answer, p.Level(), r.Answer, cur)
		if c == NoChange {
			continue
		}
		out = append(out, ItemChange{Key: k, Prev: p, Cur: r, CurLevel: cur, Change: c})
	}
	sortChanges(out)
	return out
}

func sortChanges(list []ItemChange) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && lessChange(list[j], list[j-1]); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

func lessChange(a, b ItemChange) bool {
	if a.Change != b.Change {
		return a.Change < b.Change
	}
	if a.Key.AreaID != b.Key.AreaID {
		return a.Key.AreaID < b.Key.AreaID
	}
	return a.Key.ItemID < b.Key.ItemID
}

// WithOwnItems returns a catalog in which the group's own items are items
// like the others: each is added at the end of its area, and those of
// OwnArea form an area of that id titled OwnAreaTitle. c is not changed;
// c may be nil. Without own items it returns c.
func (c *Catalog) WithOwnItems(items []OwnItem) *Catalog {
	if len(items) == 0 {
		return c
	}
	out := &Catalog{areas: map[string]*Area{}, statements: map[string]*Statement{}}
	if c != nil {
		out.Sources = c.Sources
		out.statements = c.statements
		for _, a := range c.Areas {
			out.Areas = append(out.Areas, a)
			out.areas[a.ID] = a
		}
	}
	for _, o := range items {
		a := out.areas[o.AreaID]
		switch {
		case a == nil:
			a = &Area{ID: o.AreaID, Title: Text{SV: o.AreaID}, Origin: "egen", Order: 1 << 20}
			if o.AreaID == OwnArea {
				a.Title = OwnAreaTitle
			}
			out.Areas = append(out.Areas, a)
		case c != nil && c.areas[o.AreaID] == a:
			// Copy the area before adding to it.
			cp := *a
			cp.Items = append([]Item(nil), a.Items...)
			a = &cp
			for i := range out.Areas {
				if out.Areas[i].ID == a.ID {
					out.Areas[i] = a
				}
			}
		}
		a.Items = append(a.Items, o.Item())
		out.areas[a.ID] = a
	}
	return out
}
