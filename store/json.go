package store

// The JSON file format shared by ExportJSON (json_export.go) and
// ImportJSON (json_import.go).

// JSONFormat and JSONVersion identify samkoll's export files; see
// docs/json-format.md.
const (
	JSONFormat  = "samkoll"
	JSONVersion = 2
	// jsonOldestVersion is the oldest version ImportJSON reads: version 1
	// is version 2 without the SAM cycle's fields.
	jsonOldestVersion = 1
)

type jsonFile struct {
	Format      string           `json:"format"`
	Version     int              `json:"version"`
	Exported    string           `json:"exported,omitempty"`
	Assessments []jsonAssessment `json:"assessments"`
	YearPlans   []jsonYearPlan   `json:"year_plans,omitempty"`
}

type jsonAssessment struct {
	UID              string        `json:"uid"`
	Unit             string        `json:"unit"`
	Date             string        `json:"date"`
	Participants     string        `json:"participants"`
	SafetyRepPresent bool          `json:"safety_rep_present"`
	Status           string        `json:"status"`
	Created          string        `json:"created"`
	Updated          string        `json:"updated"`
	Areas            []jsonArea    `json:"areas"`
	Answers          []jsonAnswer  `json:"answers"`
	Actions          []jsonAction  `json:"actions"`
	OwnItems         []jsonOwnItem `json:"own_items,omitempty"`
	CarriedRisks     []jsonCarried `json:"carried_risks,omitempty"`
}

type jsonArea struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	Hash    string `json:"hash"`
	Items   int    `json:"items"`
}

type jsonAnswer struct {
	Area       string    `json:"area"`
	Item       string    `json:"item"`
	Answer     string    `json:"answer"`
	Comment    string    `json:"comment,omitempty"`
	Reason     string    `json:"reason,omitempty"`
	AnsweredAt string    `json:"answered_at,omitempty"`
	Risk       *jsonRisk `json:"risk,omitempty"`
	Measures   string    `json:"measures,omitempty"`
	// Reevaluations are later evaluations of the risk, oldest first.
	Reevaluations []jsonReeval `json:"reevaluations,omitempty"`
}

type jsonRisk struct {
	Probability int    `json:"probability"`
	Consequence int    `json:"consequence"`
	Level       string `json:"level"`
	Serious     bool   `json:"serious"`
	Note        string `json:"note,omitempty"`
}

type jsonAction struct {
	UID        string `json:"uid"`
	Origin     string `json:"origin"`
	Area       string `json:"area,omitempty"`
	Item       string `json:"item,omitempty"`
	Risk       string `json:"risk,omitempty"`
	What       string `json:"what"`
	Who        string `json:"who,omitempty"`
	Due        string `json:"due,omitempty"`
	Status     string `json:"status"`
	DoneOn     string `json:"done_on,omitempty"`
	CheckedOn  string `json:"checked_on,omitempty"`
	Effect     string `json:"effect,omitempty"`
	Escalation string `json:"escalation"`
	Created    string `json:"created"`
	Updated    string `json:"updated"`
}
