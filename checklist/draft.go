package checklist

import "time"

// Draft is text typed into a field and not yet saved: kept so that a closed
// window or a crash loses nothing, offered back when the field is opened
// again, and never taken as the saved value without the manager's word.
type Draft struct {
	// AssessmentID is the assessment the field belongs to (0: none).
	AssessmentID int64
	// Field names the text field, e.g. "comment/krankningar/3.2".
	Field string
	// Text is what was typed.
	Text string
	// Saved is when the draft was stored.
	Saved time.Time
}
