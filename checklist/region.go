package checklist

// The region's picture: what HR and the skyddskommitté see of every unit's
// SAM work, at group level only (counts, dates and decided measures; never
// comment text).

// FollowupItem is the item whose Ja answer records that a unit has done its
// yearly follow-up of the SAM work (AFS 2023:1 14 §).
var FollowupItem = ItemKey{AreaID: "sam", ItemID: "arlig-uppfoljning"}

// RegionUnit is one unit's SAM work as the region sees it: group-level
// counts, never comment text.
type RegionUnit struct {
	// Unit is the unit.
	Unit Unit
	// Last is the unit's latest APT (any year); zero when it has none.
	Last Date
	// Meetings counts the APTs held in the year.
	Meetings int
	// Plan is the unit's year plan for the year (possibly empty).
	Plan YearPlan
	// Covered lists, by area, the year's meeting dates that took it.
	Covered map[string][]Date
	// SeriousWithAction and SeriousWithoutAction count the items whose
	// latest answer is Delvis or Nej with a serious current risk level
	// (after re-evaluation), with and without an action that is not struck.
	SeriousWithAction, SeriousWithoutAction int
	// Overdue counts the unit's open actions past their due date.
	Overdue int
	// Escalated are the open actions escalated beyond the APT.
	Escalated []EscalatedAction
	// Followup is the date of the year's APT that answered FollowupItem
	// with Ja; zero when none did.
	Followup Date
}

// EscalatedAction is an open action escalated to the samverkansgrupp or
// the manager's manager.
type EscalatedAction struct {
	// Area and Item name the item it belongs to ("" for a free-standing one).
	Area, Item string
	// What is the measure.
	What string
	// To is where it is escalated.
	To Escalation
	// Since is the date of the APT that decided the action.
	Since Date
	// Due is its due date (zero when none).
	Due Date
}

// ItemShortfall is one item's shortcomings across the region's units in a
// year.
type ItemShortfall struct {
	// Item is the item.
	Item ItemKey
	// Units counts the units that answered it Delvis or Nej in the year.
	Units int
	// Delvis and Nej count those answers.
	Delvis, Nej int
}

// Region is the region's picture of one year.
type Region struct {
	// Year is the year reported.
	Year int
	// Units are the units with at least one assessment, by name.
	Units []RegionUnit
	// Shortfalls are the items with the most Delvis and Nej answers across
	// units in the year, most units first.
	Shortfalls []ItemShortfall
}
