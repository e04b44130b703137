package checklist

import (
	"fmt"
	"strings"
	"time"
)

// AssessmentStatus is pågående or avslutad.
type AssessmentStatus int

// The statuses of an assessment.
const (
	Pagaende AssessmentStatus = iota
	Avslutad
)

// assessmentStatuses is the table of the statuses.
var assessmentStatuses = enum[AssessmentStatus]{names: []enumName{
	{"pagaende", Text{"Pågående", "Ongoing"}},
	{"avslutad", Text{"Avslutad", "Closed"}},
}, unknown: Text{"okänd status %q (%s)", "unknown status %q (%s)"}}

// String returns the stable code.
func (s AssessmentStatus) String() string { return assessmentStatuses.code(s) }

// Label returns the status as shown to users.
func (s AssessmentStatus) Label(lang Lang) string { return assessmentStatuses.label(s, lang) }

// ParseAssessmentStatus parses a stored code.
func ParseAssessmentStatus(s string) (AssessmentStatus, error) { return assessmentStatuses.parse(s) }

// AreaRef records which version of an area an assessment used.
type AreaRef struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	Hash    string `json:"hash"`
}

// Unit is a work group or unit.
type Unit struct {
	ID   int64
	Name string
}

// Response is the group's answer to one item, with its risk evaluation.
type Response struct {
	AreaID, ItemID string
	Answer         Answer
	// Comment is free text; group level only.
	Comment string
	// Reason is required for Ej aktuellt.
	Reason string
	// AnsweredAt is when the answer was last given.
	AnsweredAt time.Time
	// Risk is set for Delvis and Nej once evaluated.
	Risk *Risk
	// Measures are the measures already in place for the item ("Det här
	// fungerar redan"): free text, several lines, group level only.
	Measures string
}

// Key returns the map key of the response.
func (r Response) Key() ItemKey { return ItemKey{r.AreaID, r.ItemID} }

// ItemKey identifies an item across areas.
type ItemKey struct{ AreaID, ItemID string }

// Assessment is one APT occasion for one unit: the areas gone through, the
// answers and the handlingsplan.
type Assessment struct {
	ID     int64
	UnitID int64
	Unit   string
	Date   Date
	// Participants are roles present, as free text (no names).
	Participants string
	// SafetyRepPresent is whether the skyddsombud took part.
	SafetyRepPresent bool
	Areas            []AreaRef
	Status           AssessmentStatus
	// Responses holds the given answers by item.
	Responses map[ItemKey]Response
	// Actions are the assessment's own actions and the unit's unfinished
	// actions carried over from earlier assessments.
	Actions []Action
	// OwnItems are the unit's own items offered at this assessment: those
	// added here or at an earlier APT of the unit.
	OwnItems []OwnItem
	// CarriedRisks are the unresolved risks of earlier assessments of the
	// unit shown in this one, oldest first.
	CarriedRisks []CarriedRisk
	// Reevaluations are the later evaluations of this assessment's own
	// answers, oldest first.
	Reevaluations    []Reevaluation
	Created, Updated time.Time
}

// OwnItem returns the own item with the given area and item id, if the
// assessment offers it.
func (as *Assessment) OwnItem(area, item string) (OwnItem, bool) {
	for _, o := range as.OwnItems {
		if o.AreaID == area && o.ItemID == item {
			return o, true
		}
	}
	return OwnItem{}, false
}

// CurrentLevel returns the risk level of the assessment's answer to k
// after any re-evaluation, or NoLevel.
func (as *Assessment) CurrentLevel(k ItemKey) Level {
	l := NoLevel
	if r, ok := as.Responses[k]; ok && r.Risk != nil {
		l = r.Risk.Level
	}
	for _, e := range as.Reevaluations {
		if e.Key() == k {
			l = e.Risk.Level
		}
	}
	return l
}

// CarriedOver reports whether action a came from an earlier assessment.
func (as *Assessment) CarriedOver(a Action) bool { return a.AssessmentID != as.ID }

// Validate checks the fields a user enters when creating an assessment.
func (as *Assessment) Validate() error {
	if strings.TrimSpace(as.Unit) == "" {
		return fmt.Errorf("enheten saknar namn")
	}
	if as.Date.IsZero() {
		return fmt.Errorf("mötesdatum saknas")
	}
	if len(as.Areas) == 0 {
		return fmt.Errorf("välj minst ett område")
	}
	seen := map[string]bool{}
	for _, a := range as.Areas {
		if seen[a.ID] {
			return fmt.Errorf("området %q är valt två gånger", a.ID)
		}
		seen[a.ID] = true
	}
	return nil
}

// Summary is one row of the list of assessments: an assessment without its
// answers and actions, with its progress and action counts.
type Summary struct {
	// ID, UnitID, Unit, Date, Status, Participants and SafetyRepPresent are
	// as in Assessment.
	ID               int64
	UnitID           int64
	Unit             string
	Date             Date
	Status           AssessmentStatus
	Participants     string
	SafetyRepPresent bool
	// Areas are the areas included, in the order chosen.
	Areas []AreaRef
	// AreaItems holds the item count of each area in Areas, by area id.
	AreaItems map[string]int
	// Answered counts the stored answers to the items of the included
	// areas and to the group's own items the walk offers, including
	// answers to checklist items the loaded checklists no longer have,
	// which only the app can tell (docs/storage.md, "Answered items and
	// expired items"); Total the items the areas had when taken and those
	// own items.
	Answered, Total int
	// OpenActions counts unfinished actions linked to the assessment, its
	// own and carried over; OverdueActions those of them past their due
	// date.
	OpenActions, OverdueActions int
	// Updated is when the assessment or one of its answers last changed.
	Updated time.Time
}
