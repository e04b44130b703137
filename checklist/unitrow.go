package checklist

// UnitRow is one unit on the start screen by unit: its latest APT, its
// open serious risks, its overdue actions and where its core areas stand
// this year.
type UnitRow struct {
	// Unit is the unit.
	Unit Unit
	// LastID and LastDate are the unit's latest assessment.
	LastID   int64
	LastDate Date
	// OpenSerious counts the items whose latest answer is a shortcoming
	// with a serious current risk level (after re-evaluation).
	OpenSerious int
	// Overdue counts the unit's open actions past their due date.
	Overdue int
	// Core is the state of each core area in today's year.
	Core []CoreArea
}

// CoreDue counts the core areas due and overdue.
func (r UnitRow) CoreDue() (due, overdue int) {
	for _, c := range r.Core {
		switch c.State {
		case CoreDue:
			due++
		case CoreOverdue:
			overdue++
		}
	}
	return due, overdue
}
