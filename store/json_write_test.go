package store

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAssessmentJSONMatchesEncoding holds the export's hand-written
// encoder to the bytes of encoding/json, on every field, empty and nil
// lists, and strings with everything encoding/json escapes.
func TestAssessmentJSONMatchesEncoding(t *testing.T) {
	hostile := "a\"b\\c\b\f\n\r\t\x00\x01\x1f\x7f <&> å ä ö \u2028 \u2029 \xff\xfe end \xe2\x82"
	full := jsonAssessment{UID: "u1", Unit: hostile, Date: "2026-01-10", Participants: "", SafetyRepPresent: true,
		Status: "pagaende", Created: "c", Updated: "u",
		Areas: []jsonArea{{ID: "osa", Version: 3, Hash: "h", Items: 12}, {ID: hostile, Version: -1}},
		Answers: []jsonAnswer{
			{Area: "osa", Item: "1.1", Answer: "ja"},
			{Area: "osa", Item: "1.2", Answer: "nej", Comment: hostile, Reason: "r", AnsweredAt: "t", Measures: "m",
				Risk: &jsonRisk{Probability: 4, Consequence: 3, Level: "hog", Serious: true, Note: hostile},
				Reevaluations: []jsonReeval{{UID: "e", Date: "d", Probability: 1, Consequence: 2, Level: "lag", Note: "n",
					Action: "x", Created: "c"}, {UID: "f"}}},
			{Area: "osa", Item: "1.3", Risk: &jsonRisk{}},
		},
		Actions: []jsonAction{{UID: "x", Origin: "o", Area: "a", Item: "i", Risk: "r", What: hostile, Who: "w", Due: "d",
			Status: "s", DoneOn: "d", CheckedOn: "c", Effect: "e", Escalation: "apt", Created: "c", Updated: "u"}, {}},
		OwnItems:     []jsonOwnItem{{UID: "o", Origin: "a", Since: "s", Area: "x", Item: "E1", Statement: hostile, Guidance: "g", Retired: "r"}, {}},
		CarriedRisks: []jsonCarried{{Origin: "o", Area: "a", Item: "i"}, {}},
	}
	for name, ja := range map[string]jsonAssessment{
		"full":  full,
		"empty": {Areas: []jsonArea{}, Answers: []jsonAnswer{}, Actions: []jsonAction{}},
		"nil":   {},
	} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("    ", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(ja); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if got := appendAssessmentJSON(nil, &ja); !bytes.Equal(got, want) {
			t.Errorf("%s:\n%s\nwant\n%s", name, got, want)
		}
	}
}

func FuzzJSONString(f *testing.F) {
	f.Add("a\"b\\c\n\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: %s, want %s", s, got, want)
		}
	})
}
