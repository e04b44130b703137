package store

import (
	"bytes"
	"unicode/utf8"
)

// Reading the assessments of an import file directly. Most of an import's
// reading was encoding/json: its decoder scans each assessment to find
// where it ends, then scans it again as it puts the answers and actions
// into their structs through reflection, a third of the whole import's
// processor time. The file's stream (jsonStream.direct) instead finds the
// end of an assessment with a plain count of braces, and fastAssessment
// reads the shape samkoll's own exports have in one pass. Where either
// meets anything it does not read exactly as encoding/json would, valid
// or not, it gives up, and encoding/json decodes the file from there on,
// wording every error as before. FuzzFastAssessment and FuzzStreamDirect
// compare the two.

// fastAssessment decodes raw, one JSON object and nothing else, into ja,
// which must be the zero value, and reports whether it could. It reads
// keys only as samkoll writes them (in lower case, each once, without
// escapes), strings without \u escapes and valid in UTF-8, integers
// without fraction or exponent, and no null. For anything else, and for
// any text that is not valid JSON, it reports false, and what it has put
// into ja is to be thrown away.
func fastAssessment(raw []byte, ja *jsonAssessment) bool {
	r := fastReader{b: raw}
	var seen fields
	ok := r.object(func(key []byte) bool {
		switch string(key) {
		case "uid":
			return seen.first(0) && r.str(&ja.UID)
		case "unit":
			return seen.first(1) && r.str(&ja.Unit)
		case "date":
			return seen.first(2) && r.str(&ja.Date)
		case "participants":
			return seen.first(3) && r.str(&ja.Participants)
		case "safety_rep_present":
			return seen.first(4) && r.bool(&ja.SafetyRepPresent)
		case "status":
			return seen.first(5) && r.str(&ja.Status)
		case "created":
			return seen.first(6) && r.str(&ja.Created)
		case "updated":
			return seen.first(7) && r.str(&ja.Updated)
		case "areas":
			return seen.first(8) && fastSlice(&r, &ja.Areas, r.area)
		case "answers":
			return seen.first(9) && fastSlice(&r, &ja.Answers, r.answer)
		case "actions":
			return seen.first(10) && fastSlice(&r, &ja.Actions, r.action)
		case "own_items":
			return seen.first(11) && fastSlice(&r, &ja.OwnItems, r.ownItem)
		case "carried_risks":
			return seen.first(12) && fastSlice(&r, &ja.CarriedRisks, r.carried)
		}
		return false
	})
	r.space()
	return ok && r.i == len(r.b)
}

func (r *fastReader) area(a *jsonArea) bool {
	var seen fields
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			return seen.first(0) && r.str(&a.ID)
		case "version":
			return seen.first(1) && r.int(&a.Version)
		case "hash":
			return seen.first(2) && r.str(&a.Hash)
		case "items":
			return seen.first(3) && r.int(&a.Items)
		}
		return false
	})
}

func (r *fastReader) answer(a *jsonAnswer) bool {
	var seen fields
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "area":
			return seen.first(0) && r.str(&a.Area)
		case "item":
			return seen.first(1) && r.str(&a.Item)
		case "answer":
			return seen.first(2) && r.str(&a.Answer)
		case "comment":
			return seen.first(3) && r.str(&a.Comment)
		case "reason":
			return seen.first(4) && r.str(&a.Reason)
		case "answered_at":
			return seen.first(5) && r.str(&a.AnsweredAt)
		case "risk":
			if !seen.first(6) {
				return false
			}
			a.Risk = new(jsonRisk)
			return r.risk(a.Risk)
		case "measures":
			return seen.first(7) && r.str(&a.Measures)
		case "reevaluations":
			return seen.first(8) && fastSlice(r, &a.Reevaluations, r.reeval)
		}
		return false
	})
}

func (r *fastReader) risk(x *jsonRisk) bool {
	var seen fields
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "probability":
			return seen.first(0) && r.int(&x.Probability)
		case "consequence":
			return seen.first(1) && r.int(&x.Consequence)
		case "level":
			return seen.first(2) && r.str(&x.Level)
		case "serious":
			return seen.first(3) && r.bool(&x.Serious)
		case "note":
			return seen.first(4) && r.str(&x.Note)
		}
		return false
	})
}

func (r *fastReader) reeval(x *jsonReeval) bool {
	var seen fields
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "uid":
			return seen.first(0) && r.str(&x.UID)
		case "date":
			return seen.first(1) && r.str(&x.Date)
		case "probability":
			return seen.first(2) && r.int(&x.Probability)
		case "consequence":
			return seen.first(3) && r.int(&x.Consequence)
		case "level":
			return seen.first(4) && r.str(&x.Level)
		case "serious":
			return seen.first(5) && r.bool(&x.Serious)
		case "note":
			return seen.first(6) && r.str(&x.Note)
		case "action":
			return seen.first(7) && r.str(&x.Action)
		case "created":
			return seen.first(8) && r.str(&x.Created)
		}
		return false
	})
}

func (r *fastReader) action(x *jsonAction) bool {
	var seen fields
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "uid":
			return seen.first(0) && r.str(&x.UID)
		case "origin":
			return seen.first(1) && r.str(&x.Origin)
		case "area":
			return seen.first(2) && r.str(&x.Area)
		case "item":
			return seen.first(3) && r.str(&x.Item)
		case "risk":
			return seen.first(4) && r.str(&x.Risk)
		case "what":
			return seen.first(5) && r.str(&x.What)
		case "who":
			return seen.first(6) && r.str(&x.Who)
		case "due":
			return seen.first(7) && r.str(&x.Due)
		case "status":
			return seen.first(8) && r.str(&x.Status)
		case "done_on":
			return seen.first(9) && r.str(&x.DoneOn)
		case "checked_on":
			return seen.first(10) && r.str(&x.CheckedOn)
		case "effect":
			return seen.first(11) && r.str(&x.Effect)
		case "escalation":
			return seen.first(12) && r.str(&x.Escalation)
		case "created":
			return seen.first(13) && r.str(&x.Created)
		case "updated":
			return seen.first(14) && r.str(&x.Updated)
		}
		return false
	})
}

func (r *fastReader) ownItem(x *jsonOwnItem) bool {
	var seen fields
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "uid":
			return seen.first(0) && r.str(&x.UID)
		case "origin":
			return seen.first(1) && r.str(&x.Origin)
		case "since":
			return seen.first(2) && r.str(&x.Since)
		case "area":
			return seen.first(3) && r.str(&x.Area)
		case "item":
			return seen.first(4) && r.str(&x.Item)
		case "statement":
			return seen.first(5) && r.str(&x.Statement)
		case "guidance":
			return seen.first(6) && r.str(&x.Guidance)
		case "retired":
			return seen.first(7) && r.str(&x.Retired)
		case "created":
			return seen.first(8) && r.str(&x.Created)
		case "updated":
			return seen.first(9) && r.str(&x.Updated)
		}
		return false
	})
}

func (r *fastReader) carried(x *jsonCarried) bool {
	var seen fields
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "origin":
			return seen.first(0) && r.str(&x.Origin)
		case "area":
			return seen.first(1) && r.str(&x.Area)
		case "item":
			return seen.first(2) && r.str(&x.Item)
		}
		return false
	})
}

// fields records the fields of an object read so far.
type fields uint32

// first records field n and reports whether it is met for the first time.
func (f *fields) first(n uint) bool {
	if *f&(1<<n) != 0 {
		return false
	}
	*f |= 1 << n
	return true
}

// fastReader reads JSON text b from offset i on, and fails on what is not
// valid JSON as well as on what it leaves to encoding/json.
type fastReader struct {
	b []byte
	i int
}

func (r *fastReader) space() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\n', '\t', '\r':
			r.i++
		default:
			return
		}
	}
}

// next skips white space and reports whether the next byte is c,
// consuming it if so.
func (r *fastReader) next(c byte) bool {
	r.space()
	if r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

// object reads an object, calling field with each key (its bytes between
// the quotes, which have no backslash), with the reader at the value.
func (r *fastReader) object(field func(key []byte) bool) bool {
	if !r.next('{') {
		return false
	}
	if r.next('}') {
		return true
	}
	for {
		if !r.next('"') {
			return false
		}
		k := bytes.IndexByte(r.b[r.i:], '"')
		if k < 0 {
			return false
		}
		key := r.b[r.i : r.i+k]
		if bytes.IndexByte(key, '\\') >= 0 {
			return false
		}
		r.i += k + 1
		if !r.next(':') || !field(key) {
			return false
		}
		if r.next(',') {
			continue
		}
		return r.next('}')
	}
}

// fastSlice reads an array into *s, each element with elem. As
// encoding/json, an empty array gives an empty slice, not nil.
func fastSlice[T any](r *fastReader, s *[]T, elem func(*T) bool) bool {
	if !r.next('[') {
		return false
	}
	*s = []T{}
	if r.next(']') {
		return true
	}
	for {
		var x T
		if !elem(&x) {
			return false
		}
		*s = append(*s, x)
		if r.next(',') {
			continue
		}
		return r.next(']')
	}
}

// str reads a string: without escapes but \", \\, \/, \b, \f, \n, \r and
// \t, and valid UTF-8, where encoding/json would put U+FFFD.
func (r *fastReader) str(s *string) bool {
	if !r.next('"') {
		return false
	}
	ascii := true
	for k := r.i; k < len(r.b); k++ {
		switch c := r.b[k]; {
		case c == '"':
			seg := r.b[r.i:k]
			if !ascii && !utf8.Valid(seg) {
				return false
			}
			*s = string(seg)
			r.i = k + 1
			return true
		case c == '\\':
			return r.escaped(s)
		case c < ' ':
			return false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return false
}

// escaped reads the rest of a string that has escapes, as str.
func (r *fastReader) escaped(s *string) bool {
	var buf []byte
	start := r.i
	for r.i < len(r.b) {
		switch c := r.b[r.i]; c {
		case '"':
			buf = append(buf, r.b[start:r.i]...)
			r.i++
			if !utf8.Valid(buf) {
				return false
			}
			*s = string(buf)
			return true
		case '\\':
			if r.i+1 >= len(r.b) {
				return false
			}
			var u byte
			switch r.b[r.i+1] {
			case '"', '\\', '/':
				u = r.b[r.i+1]
			case 'b':
				u = '\b'
			case 'f':
				u = '\f'
			case 'n':
				u = '\n'
			case 'r':
				u = '\r'
			case 't':
				u = '\t'
			default: // \u, left to encoding/json
				return false
			}
			buf = append(append(buf, r.b[start:r.i]...), u)
			r.i += 2
			start = r.i
		default:
			if c < ' ' {
				return false
			}
			r.i++
		}
	}
	return false
}

// int reads an integer of at most 18 digits, without fraction or
// exponent.
func (r *fastReader) int(n *int) bool {
	r.space()
	neg := r.i < len(r.b) && r.b[r.i] == '-'
	if neg {
		r.i++
	}
	start, v := r.i, 0
	for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' && r.i-start < 18 {
		v = v*10 + int(r.b[r.i]-'0')
		r.i++
	}
	if r.i == start || r.b[start] == '0' && r.i-start > 1 ||
		r.i < len(r.b) && (r.b[r.i] == '.' || r.b[r.i] == 'e' || r.b[r.i] == 'E' || r.b[r.i] >= '0' && r.b[r.i] <= '9') {
		return false
	}
	if neg {
		v = -v
	}
	*n = v
	return true
}

func (r *fastReader) bool(b *bool) bool {
	r.space()
	switch {
	case bytes.HasPrefix(r.b[r.i:], []byte("true")):
		*b, r.i = true, r.i+4
	case bytes.HasPrefix(r.b[r.i:], []byte("false")):
		*b, r.i = false, r.i+5
	default:
		return false
	}
	return true
}
