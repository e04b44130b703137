package report

import (
	"strings"

	"samkoll/checklist"
)

// Inline turns user text into one line of markdown that renders as the text
// itself and nothing else: it is sanitized (checklist.Sanitize), line breaks and runs of spaces
// become one space, and every character that markdown (CommonMark and
// GitHub's extensions) could read as syntax is escaped with a backslash:
// \ ` * _ [ ] < > | # ~ $ and & when it would start an entity. A leading
// list, quote or heading marker ("-", "+", "1.", "1)", ">", "=") is escaped
// too, so the text is safe at the start of a line, in a list item and in a
// table cell.
func Inline(s string) string {
	if isPlain(s) {
		return s
	}
	s = checklist.Sanitize(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '$':
			b.WriteByte('\\')
		case '&':
			if startsEntity(s[i+1:]) {
				b.WriteByte('\\')
			}
		case '-', '+', '=':
			if b.Len() == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			if (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') && allDigits(b.String()) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// needsLook marks the bytes isPlain must look at: controls, markdown
// punctuation and space (for runs).
var needsLook = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte("\\`*_[]<>|#~$& \x7f") {
		t[c] = true
	}
	return t
}()

// isPlain reports whether s is already safe as one line and needs neither
// sanitizing nor escaping: no markdown characters, no double or edge
// spaces, no leading marker, and nothing checklist.Sanitize would change.
func isPlain(s string) bool {
	if s == "" {
		return true
	}
	if c := s[0]; c == ' ' || c == '-' || c == '+' || c == '=' || (c >= '0' && c <= '9') || s[len(s)-1] == ' ' {
		return false
	}
	high := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			high = true
			continue
		}
		if !needsLook[c] {
			continue
		}
		if c != ' ' || s[i+1] == ' ' {
			return false
		}
	}
	return !high || checklist.IsClean(s)
}

// startsEntity reports whether s (the text after an &) would make an HTML
// entity such as "amp;" or "#124;".
func startsEntity(s string) bool {
	n := 0
	for n < len(s) && n < 32 {
		c := s[n]
		if c == ';' {
			return n > 0
		}
		if !(c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
		n++
	}
	return false
}

// allDigits reports whether s is 1–9 ASCII digits: what an ordered list
// marker starts with.
func allDigits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Cell is Inline for a table cell: the same, but empty text becomes "–" so
// that no cell is blank.
func Cell(s string) string {
	s = Inline(s)
	if s == "" {
		return "–"
	}
	return s
}
