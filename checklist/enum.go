package checklist

import "strings"

// enumName is one value of an enum: the stable code stored in the database
// and in JSON, and the label shown to users.
type enumName struct {
	code  string
	label Text
}

// enum is the table behind an int enum's String, Label and Parse: value v
// is names[v]; a value outside the table reads as the zero value. unknown
// is the message for a code that is not in the table, with %q for the code
// and %s for the list of codes.
type enum[T ~int] struct {
	names   []enumName
	unknown Text
}

// name returns the entry of v.
func (e enum[T]) name(v T) enumName {
	if v < 0 || int(v) >= len(e.names) {
		return e.names[0]
	}
	return e.names[v]
}

// code returns the stable code of v.
func (e enum[T]) code(v T) string { return e.name(v).code }

// label returns v as shown to users.
func (e enum[T]) label(v T, lang Lang) string { return e.name(v).label.In(lang) }

// parse returns the value whose code is s.
func (e enum[T]) parse(s string) (T, error) {
	var codes []string
	for i, n := range e.names {
		if n.code == s {
			return T(i), nil
		}
		if n.code != "" {
			codes = append(codes, n.code)
		}
	}
	list := strings.Join(codes, ", ")
	return 0, Errorf(e.unknown.SV, e.unknown.EN, s, list)
}
