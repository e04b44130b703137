package checklist

import (
	"strings"
	"testing"
)

// TestEnumsRoundTrip checks every value of the table-driven enums: its
// code parses back to it, it has a label in both languages, and an unknown
// code is refused with the list of codes.
func TestEnumsRoundTrip(t *testing.T) {
	type entry struct {
		code, sv, en string
		value        int
		back         func(string) (int, error)
	}
	var all []entry
	add := func(n int, code func(int) string, label func(int, Lang) string, parse func(string) (int, error)) {
		for i := range n {
			all = append(all, entry{code(i), label(i, Swedish), label(i, English), i, parse})
		}
	}
	add(5, func(i int) string { return Answer(i).String() }, func(i int, l Lang) string { return Answer(i).Label(l) },
		func(s string) (int, error) { v, err := ParseAnswer(s); return int(v), err })
	add(5, func(i int) string { return Level(i).String() }, func(i int, l Lang) string { return Level(i).Label(l) },
		func(s string) (int, error) { v, err := ParseLevel(s); return int(v), err })
	add(4, func(i int) string { return ActionStatus(i).String() }, func(i int, l Lang) string { return ActionStatus(i).Label(l) },
		func(s string) (int, error) { v, err := ParseActionStatus(s); return int(v), err })
	add(3, func(i int) string { return Escalation(i).String() }, func(i int, l Lang) string { return Escalation(i).Label(l) },
		func(s string) (int, error) { v, err := ParseEscalation(s); return int(v), err })
	add(2, func(i int) string { return AssessmentStatus(i).String() }, func(i int, l Lang) string { return AssessmentStatus(i).Label(l) },
		func(s string) (int, error) { v, err := ParseAssessmentStatus(s); return int(v), err })
	for _, e := range all {
		if e.sv == "" || e.en == "" {
			t.Errorf("code %q has no label", e.code)
		}
		v, err := e.back(e.code)
		if err != nil || v != e.value {
			t.Errorf("code %q parses to %d, %v; want %d", e.code, v, err, e.value)
		}
		if _, err := e.back("kanske"); err == nil || !strings.Contains(Message(err, English), "(") {
			t.Errorf("an unknown code is accepted or its message lists no codes: %v", err)
		}
	}
	if Answer(99).String() != "" || ActionStatus(-1).String() != "planerad" || Level(7).Label(Swedish) != "Ej bedömd" {
		t.Error("a value outside the table does not read as the zero value")
	}
}
