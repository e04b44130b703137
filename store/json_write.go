package store

import (
	"strconv"
	"unicode/utf8"
)

// appendAssessmentJSON appends ja as encoding/json writes it with
// SetIndent("    ", "  ") and SetEscapeHTML(false), without its final
// newline: the same bytes without reflection and without a second pass to
// indent, which took half of an export's time at 10,000 assessments.
// TestAssessmentJSONMatchesEncoding holds it to encoding/json.
func appendAssessmentJSON(b []byte, ja *jsonAssessment) []byte {
	w := jsonOut{b: b}
	o := w.object(0)
	o.str("uid", ja.UID)
	o.str("unit", ja.Unit)
	o.str("date", ja.Date)
	o.str("participants", ja.Participants)
	o.bool("safety_rep_present", ja.SafetyRepPresent)
	o.str("status", ja.Status)
	o.str("created", ja.Created)
	o.str("updated", ja.Updated)
	o.key("areas")
	w.array(1, len(ja.Areas), ja.Areas == nil, func(i int) {
		ar := &ja.Areas[i]
		o := w.object(2)
		o.str("id", ar.ID)
		o.int("version", ar.Version)
		o.str("hash", ar.Hash)
		o.int("items", ar.Items)
		o.end()
	})
	o.key("answers")
	w.array(1, len(ja.Answers), ja.Answers == nil, func(i int) { w.answer(&ja.Answers[i]) })
	o.key("actions")
	w.array(1, len(ja.Actions), ja.Actions == nil, func(i int) { w.action(&ja.Actions[i]) })
	if len(ja.OwnItems) > 0 {
		o.key("own_items")
		w.array(1, len(ja.OwnItems), false, func(i int) {
			oi := &ja.OwnItems[i]
			o := w.object(2)
			o.str("uid", oi.UID)
			o.strOmit("origin", oi.Origin)
			o.str("since", oi.Since)
			o.str("area", oi.Area)
			o.str("item", oi.Item)
			o.str("statement", oi.Statement)
			o.strOmit("guidance", oi.Guidance)
			o.strOmit("retired", oi.Retired)
			o.str("created", oi.Created)
			o.str("updated", oi.Updated)
			o.end()
		})
	}
	if len(ja.CarriedRisks) > 0 {
		o.key("carried_risks")
		w.array(1, len(ja.CarriedRisks), false, func(i int) {
			c := &ja.CarriedRisks[i]
			o := w.object(2)
			o.str("origin", c.Origin)
			o.str("area", c.Area)
			o.str("item", c.Item)
			o.end()
		})
	}
	o.end()
	return w.b
}

func (w *jsonOut) answer(jr *jsonAnswer) {
	o := w.object(2)
	o.str("area", jr.Area)
	o.str("item", jr.Item)
	o.str("answer", jr.Answer)
	o.strOmit("comment", jr.Comment)
	o.strOmit("reason", jr.Reason)
	o.strOmit("answered_at", jr.AnsweredAt)
	if r := jr.Risk; r != nil {
		o.key("risk")
		o := w.object(3)
		o.int("probability", r.Probability)
		o.int("consequence", r.Consequence)
		o.str("level", r.Level)
		o.bool("serious", r.Serious)
		o.strOmit("note", r.Note)
		o.end()
	}
	o.strOmit("measures", jr.Measures)
	if len(jr.Reevaluations) > 0 {
		o.key("reevaluations")
		w.array(3, len(jr.Reevaluations), false, func(i int) {
			e := &jr.Reevaluations[i]
			o := w.object(4)
			o.str("uid", e.UID)
			o.str("date", e.Date)
			o.int("probability", e.Probability)
			o.int("consequence", e.Consequence)
			o.str("level", e.Level)
			o.bool("serious", e.Serious)
			o.strOmit("note", e.Note)
			o.strOmit("action", e.Action)
			o.str("created", e.Created)
			o.end()
		})
	}
	o.end()
}

func (w *jsonOut) action(x *jsonAction) {
	o := w.object(2)
	o.str("uid", x.UID)
	o.str("origin", x.Origin)
	o.strOmit("area", x.Area)
	o.strOmit("item", x.Item)
	o.strOmit("risk", x.Risk)
	o.str("what", x.What)
	o.strOmit("who", x.Who)
	o.strOmit("due", x.Due)
	o.str("status", x.Status)
	o.strOmit("done_on", x.DoneOn)
	o.strOmit("checked_on", x.CheckedOn)
	o.strOmit("effect", x.Effect)
	o.str("escalation", x.Escalation)
	o.str("created", x.Created)
	o.str("updated", x.Updated)
	o.end()
}

// jsonOut appends indented JSON: each line after the first starts with
// the prefix "    " and two spaces per level.
type jsonOut struct{ b []byte }

func (w *jsonOut) newline(depth int) {
	w.b = append(w.b, "\n    "...)
	for range depth {
		w.b = append(w.b, "  "...)
	}
}

// array appends a list of n elements at depth, each written by elem; a
// nil list is null.
func (w *jsonOut) array(depth, n int, isNil bool, elem func(i int)) {
	switch {
	case isNil:
		w.b = append(w.b, "null"...)
		return
	case n == 0:
		w.b = append(w.b, "[]"...)
		return
	}
	w.b = append(w.b, '[')
	for i := range n {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.newline(depth + 1)
		elem(i)
	}
	w.newline(depth)
	w.b = append(w.b, ']')
}

// jsonObject appends the fields of an object at depth.
type jsonObject struct {
	w      *jsonOut
	depth  int
	fields int
}

func (w *jsonOut) object(depth int) jsonObject {
	w.b = append(w.b, '{')
	return jsonObject{w: w, depth: depth}
}

func (o *jsonObject) key(k string) {
	if o.fields > 0 {
		o.w.b = append(o.w.b, ',')
	}
	o.fields++
	o.w.newline(o.depth + 1)
	o.w.b = append(o.w.b, '"')
	o.w.b = append(o.w.b, k...)
	o.w.b = append(o.w.b, `": `...)
}

func (o *jsonObject) str(k, v string) {
	o.key(k)
	o.w.b = appendJSONString(o.w.b, v)
}

// strOmit is str for a field tagged omitempty.
func (o *jsonObject) strOmit(k, v string) {
	if v != "" {
		o.str(k, v)
	}
}

func (o *jsonObject) int(k string, v int) {
	o.key(k)
	o.w.b = strconv.AppendInt(o.w.b, int64(v), 10)
}

func (o *jsonObject) bool(k string, v bool) {
	o.key(k)
	o.w.b = strconv.AppendBool(o.w.b, v)
}

func (o *jsonObject) end() {
	if o.fields > 0 {
		o.w.newline(o.depth)
	}
	o.w.b = append(o.w.b, '}')
}

// appendJSONString appends s quoted as encoding/json quotes a string
// without HTML escaping: \" \\ and the short escapes of \b \f \n \r \t,
// \u00XX for other control characters, \ufffd for each invalid byte, and
// \u2028 and \u2029.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
