package tui

import (
	"context"

	"samkoll/checklist"
)

// Store is the storage tui uses. *store.Store satisfies it; tests use an
// in-memory fake. Every method is called from a command, never from
// Init, Update or View.
type Store interface {
	// ListAssessments returns all assessments for the start screen; today
	// decides which actions are overdue.
	ListAssessments(ctx context.Context, today checklist.Date) ([]Summary, error)
	// RecentAssessments returns the n newest of them, in the same order,
	// at a cost that does not grow with the database.
	RecentAssessments(ctx context.Context, today checklist.Date, n int) ([]Summary, error)
	// ListWindow returns limit assessments from position offset of the
	// same list, among those whose unit, date or participants contain
	// filter (ignoring case; "" for all), and how many match in all. Its
	// cost does not grow with the assessments after the window.
	ListWindow(ctx context.Context, today checklist.Date, filter string, offset, limit int) ([]Summary, int, error)
	// Units returns the known units, for suggestions.
	Units(ctx context.Context) ([]checklist.Unit, error)
	// CreateAssessment saves a new assessment and carries over the unit's
	// unfinished actions. itemCounts holds the item count of each area.
	CreateAssessment(ctx context.Context, a checklist.Assessment, itemCounts map[string]int) (checklist.Assessment, error)
	// LoadAssessment returns an assessment with its responses and actions.
	LoadAssessment(ctx context.Context, id int64) (checklist.Assessment, error)
	// UpdateAssessment saves the assessment's own fields.
	UpdateAssessment(ctx context.Context, a checklist.Assessment) error
	// DeleteAssessment removes an assessment.
	DeleteAssessment(ctx context.Context, id int64) error
	// SaveResponse upserts one answer with its comment, reason and risk
	// (nil risk = none).
	SaveResponse(ctx context.Context, assessmentID int64, r checklist.Response) error
	// SaveAction inserts (ID 0) or updates an action and returns it saved.
	SaveAction(ctx context.Context, a checklist.Action) (checklist.Action, error)
	// DeleteAction removes an action.
	DeleteAction(ctx context.Context, id int64) error
	// SaveDraft stores the text typed into a field and not yet saved
	// (empty text removes it) and returns it as stored.
	SaveDraft(ctx context.Context, assessmentID int64, field, text string) (checklist.Draft, error)
	// DeleteDraft removes a draft.
	DeleteDraft(ctx context.Context, assessmentID int64, field string) error
	// Drafts returns the drafts of an assessment by field.
	Drafts(ctx context.Context, assessmentID int64) (map[string]checklist.Draft, error)
}

// ExportRequest says what to export.
type ExportRequest struct {
	// HTML asks for the HTML file instead of markdown.
	HTML bool
	// Copy asks for the short extract for the minutes as markdown, to put
	// on the clipboard; it is written to a file as well.
	Copy bool
	// AllowPersonalData writes the plan although its free text looks like
	// a personnummer: the user said yes when asked.
	AllowPersonalData bool
}

// ExportResult is a written export, or the reason it was not written.
type ExportResult struct {
	// Path is the file written.
	Path string
	// Warning, when set, is a problem that did not stop the export, such
	// as a broken override template replaced by the built-in one.
	Warning error
	// Text is what was written, for Copy.
	Text string
	// PersonalData, when set, names the places whose text looks like a
	// personnummer; nothing was written, and the app asks before it
	// exports with AllowPersonalData.
	PersonalData []string
}

// Exporter writes an assessment's handlingsplan to a file and returns its
// path.
type Exporter interface {
	ExportAssessment(ctx context.Context, id int64, req ExportRequest) (ExportResult, error)
}

// Summary is one row of the start screen (see checklist.Summary).
type Summary = checklist.Summary
