package checklist

import (
	"strings"
	"time"
)

// Answer is the work group's answer to one item.
type Answer int

// The answers. Unanswered is the zero value.
const (
	Unanswered Answer = iota
	Ja
	Delvis
	Nej
	EjAktuellt
)

// Answers lists the four real answers in key order (1–4).
var Answers = []Answer{Ja, Delvis, Nej, EjAktuellt}

// answers is the table of the answers.
var answers = enum[Answer]{names: []enumName{
	{"", Text{"Ej besvarad", "Not answered"}},
	{"ja", Text{"Ja", "Yes"}},
	{"delvis", Text{"Delvis", "Partly"}},
	{"nej", Text{"Nej", "No"}},
	{"ej_aktuellt", Text{"Ej aktuellt", "Not applicable"}},
}, unknown: Text{"okänt svar %q (%s)", "unknown answer %q (%s)"}}

// String returns the stable code stored in the database and in JSON.
func (a Answer) String() string { return answers.code(a) }

// Label returns the answer as shown to users.
func (a Answer) Label(lang Lang) string { return answers.label(a, lang) }

// ParseAnswer parses a stored code. The empty string is Unanswered.
func ParseAnswer(s string) (Answer, error) { return answers.parse(s) }

// IsShortcoming reports whether the answer calls for a risk evaluation.
func (a Answer) IsShortcoming() bool { return a == Delvis || a == Nej }

// Level is a risk level on the 4×4 matrix.
type Level int

// The risk levels. NoLevel means not evaluated.
const (
	NoLevel Level = iota
	Lag
	Medel
	Hog
	MycketHog
)

// LevelFor returns the level for a probability and a consequence, each 1–4:
// score 1–3 låg, 4–6 medel, 8–9 hög, 12–16 mycket hög. Values out of range
// give NoLevel.
func LevelFor(probability, consequence int) Level {
	if probability < 1 || probability > 4 || consequence < 1 || consequence > 4 {
		return NoLevel
	}
	switch s := probability * consequence; {
	case s <= 3:
		return Lag
	case s <= 6:
		return Medel
	case s <= 9:
		return Hog
	default:
		return MycketHog
	}
}

// Serious reports whether the level makes the risk allvarlig (AFS 2023:1 11 §).
func (l Level) Serious() bool { return l == Hog || l == MycketHog }

// levels is the table of the risk levels.
var levels = enum[Level]{names: []enumName{
	{"", Text{"Ej bedömd", "Not assessed"}},
	{"lag", Text{"Låg", "Low"}},
	{"medel", Text{"Medel", "Medium"}},
	{"hog", Text{"Hög", "High"}},
	{"mycket_hog", Text{"Mycket hög", "Very high"}},
}, unknown: Text{"okänd risknivå %q (%s)", "unknown risk level %q (%s)"}}

// String returns the stable code stored in the database.
func (l Level) String() string { return levels.code(l) }

// Label returns the level as shown to users.
func (l Level) Label(lang Lang) string { return levels.label(l, lang) }

// ParseLevel parses a stored code.
func ParseLevel(s string) (Level, error) { return levels.parse(s) }

// Probability labels, index 1–4.
var ProbabilityLabels = [5]Text{{}, {"Osannolik", "Unlikely"}, {"Möjlig", "Possible"}, {"Sannolik", "Likely"}, {"Mycket sannolik", "Very likely"}}

// Consequence labels, index 1–4.
var ConsequenceLabels = [5]Text{{}, {"Lindrig", "Minor"}, {"Måttlig", "Moderate"}, {"Allvarlig", "Serious"}, {"Mycket allvarlig", "Very serious"}}

// Risk is the evaluation of one shortcoming.
type Risk struct {
	// Probability is 1 (osannolik) to 4 (mycket sannolik), or 0 if unset.
	Probability int `json:"probability"`
	// Consequence is 1 (lindrig) to 4 (mycket allvarlig), or 0 if unset.
	Consequence int `json:"consequence"`
	// Level follows from Probability × Consequence, or is set directly
	// (lagkrav items default to hög).
	Level Level `json:"-"`
	// Note explains the evaluation, e.g. why a lagkrav default was changed.
	Note string `json:"note,omitempty"`
}

// Serious reports whether the risk is allvarlig.
func (r Risk) Serious() bool { return r.Level.Serious() }

// DefaultRisk returns the starting evaluation for a shortcoming of an item of
// type t: lagkrav items start at hög (probability 3 × consequence 3); others
// start unset.
func DefaultRisk(t ItemType) Risk {
	if t == Lagkrav {
		return Risk{Probability: 3, Consequence: 3, Level: Hog}
	}
	return Risk{}
}

// Validate checks the ranges and that the level matches the matrix.
func (r Risk) Validate() error {
	if r.Probability < 0 || r.Probability > 4 {
		return Errorf("sannolikhet %d: måste vara 1–4", "probability %d: must be 1–4", r.Probability)
	}
	if r.Consequence < 0 || r.Consequence > 4 {
		return Errorf("konsekvens %d: måste vara 1–4", "consequence %d: must be 1–4", r.Consequence)
	}
	if r.Probability > 0 && r.Consequence > 0 && r.Level != LevelFor(r.Probability, r.Consequence) {
		return Errorf("risknivå %s stämmer inte med %d × %d", "risk level %s does not match %d × %d", r.Level, r.Probability, r.Consequence)
	}
	return nil
}

// ActionStatus is where an action stands.
type ActionStatus int

// The statuses of an action.
const (
	Planerad ActionStatus = iota
	Pagar
	Klar
	Struken
)

// ActionStatuses lists the statuses in cycle order.
var ActionStatuses = []ActionStatus{Planerad, Pagar, Klar, Struken}

// actionStatuses is the table of the statuses.
var actionStatuses = enum[ActionStatus]{names: []enumName{
	{"planerad", Text{"Planerad", "Planned"}},
	{"pagar", Text{"Pågår", "In progress"}},
	{"klar", Text{"Klar", "Done"}},
	{"struken", Text{"Struken", "Cancelled"}},
}, unknown: Text{"okänd status %q (%s)", "unknown status %q (%s)"}}

// String returns the stable code.
func (s ActionStatus) String() string { return actionStatuses.code(s) }

// Label returns the status as shown to users.
func (s ActionStatus) Label(lang Lang) string { return actionStatuses.label(s, lang) }

// Open reports whether the action is unfinished (planerad or pågår).
func (s ActionStatus) Open() bool { return s == Planerad || s == Pagar }

// ParseActionStatus parses a stored code.
func ParseActionStatus(s string) (ActionStatus, error) { return actionStatuses.parse(s) }

// Escalation says who decides on an action.
type Escalation int

// The escalation levels.
const (
	// EscAPT: the manager decides within the mandate, at the APT.
	EscAPT Escalation = iota
	// EscSamverkan: the samverkansgrupp handles it.
	EscSamverkan
	// EscChef: the next manager level (närmast högre chef).
	EscChef
)

// Escalations lists the levels in cycle order.
var Escalations = []Escalation{EscAPT, EscSamverkan, EscChef}

// escalations is the table of the escalation levels.
var escalations = enum[Escalation]{names: []enumName{
	{"apt", Text{"APT", "Workplace meeting"}},
	{"samverkansgrupp", Text{"Samverkansgrupp", "Joint consultation group"}},
	{"narmaste_chef", Text{"Närmaste chef", "Next manager level"}},
}, unknown: Text{"okänd eskalering %q (%s)", "unknown escalation %q (%s)"}}

// String returns the stable code.
func (e Escalation) String() string { return escalations.code(e) }

// Label returns the level as shown to users.
func (e Escalation) Label(lang Lang) string { return escalations.label(e, lang) }

// ParseEscalation parses a stored code.
func ParseEscalation(s string) (Escalation, error) { return escalations.parse(s) }

// Action is one row of a handlingsplan: what, who, by when, status.
type Action struct {
	// ID is the store's id; 0 before it is saved.
	ID int64
	// UnitID is the unit the action belongs to. Actions follow the unit, so
	// unfinished ones carry over to its next assessment.
	UnitID int64
	// AssessmentID is the assessment where the action was created.
	AssessmentID int64
	// AreaID and ItemID link the action to an item; both empty for a
	// free-standing action.
	AreaID, ItemID string
	// Risk is the problem the action addresses, as shown in the plan: the
	// item's problem phrasing, or free text for a free-standing action.
	Risk string
	// What is the measure.
	What string
	// Who is the responsible role or person.
	Who string
	// Due is "klart senast".
	Due Date
	// Status is planerad, pågår, klar or struken.
	Status ActionStatus
	// DoneOn is when it was done.
	DoneOn Date
	// CheckedOn is when it was checked (AFS 2023:1 13 §).
	CheckedOn Date
	// Effect records whether the measure worked.
	Effect string
	// Escalation says who decides.
	Escalation Escalation
	// RiskLevel is the level the linked item's risk got in the action's
	// own assessment, as loaded by the store: it tells the level of an
	// action carried over from an earlier meeting. NoLevel for a
	// free-standing action. It is never saved.
	RiskLevel Level
	// Created and Updated are set by the store.
	Created, Updated time.Time
}

// UnitAction is an action with the name of its unit and the meeting date
// of the assessment where it was created, as the open-actions export lists
// it.
type UnitAction struct {
	// Unit is the unit's name.
	Unit string
	// Action is the action itself.
	Action Action
	// AssessmentDate is the meeting date of the action's own assessment.
	AssessmentDate Date
}

// Overdue reports whether the action is open and past its due date.
func (a Action) Overdue(today Date) bool {
	return a.Status.Open() && !a.Due.IsZero() && a.Due.Before(today)
}

// Validate checks that the action can be saved.
func (a Action) Validate() error {
	if strings.TrimSpace(a.What) == "" {
		return Errorf("åtgärden saknar text (vad ska göras?)", "the action has no text (what is to be done?)")
	}
	if (a.AreaID == "") != (a.ItemID == "") {
		return Errorf("åtgärden måste länkas till både område och punkt, eller till ingen", "the action must be linked to both an area and an item, or to neither")
	}
	if !a.DoneOn.IsZero() && a.Status != Klar {
		return Errorf("datum för klar kräver status klar", "a done date needs the status klar (done)")
	}
	return nil
}
