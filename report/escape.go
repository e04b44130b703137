package report

import (
	"strings"
	"unicode/utf8"
)

// Sanitize removes what must never reach an export from user text: terminal
// escape sequences (CSI, OSC, DCS, SOS, PM, APC, and the two-byte ESC
// sequences, in their 7-bit and 8-bit C1 forms), every other control
// character except line breaks, bidirectional override and isolate
// characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and the
// byte order mark. Invalid UTF-8 becomes U+FFFD. Tabs become spaces; CR LF,
// CR, U+2028 and U+2029 become LF. It runs in linear time.
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		switch {
		case r == 0x1b: // ESC
			i = skipEscape(s, i+size)
			continue
		case r >= 0x80 && r <= 0x9f: // C1 controls; some open a sequence
			i = skipC1(s, r, i+size)
			continue
		case r == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7f:
			// other C0 controls and DEL are dropped
		case isBidiControl(r) || r == '\ufeff':
			// dropped
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isClean reports whether s needs no sanitizing: printable ASCII, or UTF-8
// without any of the characters Sanitize touches.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			return isCleanUTF8(s[i:])
		}
	}
	return true
}

func isCleanUTF8(s string) bool {
	for _, r := range s {
		switch {
		case r == utf8.RuneError: // also invalid bytes
			return false
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			return false
		case r == '\u2028' || r == '\u2029' || r == '\ufeff' || isBidiControl(r):
			return false
		}
	}
	return true
}

// isBidiControl reports the characters that change the direction of the
// surrounding text and could make a table read differently from what it
// holds.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') ||
		r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// skipEscape returns the index after the escape sequence whose ESC ended
// just before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[': // CSI
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_': // OSC, DCS, SOS, PM, APC
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2f: // nF: intermediates, then a final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e: // Fp, Fe, Fs: one final byte
		return i + 1
	}
	return i // a lone ESC: drop it, keep what follows
}

// skipC1 handles a C1 control r (U+0080–U+009F) ending just before i.
func skipC1(s string, r rune, i int) int {
	switch r {
	case 0x9b: // CSI
		return skipCSI(s, i)
	case 0x9d, 0x90, 0x98, 0x9e, 0x9f: // OSC, DCS, SOS, PM, APC
		return skipString(s, i)
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte of a
// control sequence. A sequence broken by another byte ends there.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f:
			i++
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips a control string up to and including its terminator:
// BEL, ESC \ or the 8-bit ST (U+009C). An unterminated string runs to the
// end of the text, as a terminal would swallow it.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}

// Inline turns user text into one line of markdown that renders as the text
// itself and nothing else: it is sanitized, line breaks and runs of spaces
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
	s = Sanitize(s)
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
// punctuation, space (for runs) and the lead bytes of the UTF-8 sequences
// Sanitize removes.
var needsLook = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte("\\`*_[]<>|#~$& \x7f\xc2\xd8\xe2\xef") {
		t[c] = true
	}
	return t
}()

// isPlain reports whether s is already safe as one line and needs neither
// sanitizing nor escaping: no control or bidi characters, no markdown
// characters, no double or edge spaces, no leading marker and valid UTF-8.
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
		}
		if !needsLook[c] {
			continue
		}
		switch c {
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		case 0xc2: // U+0080–U+009F: C1 controls
			if i+1 < len(s) && s[i+1] <= 0x9f {
				return false
			}
		case 0xd8: // U+061C
			if i+1 < len(s) && s[i+1] == 0x9c {
				return false
			}
		case 0xe2: // U+200E, U+200F, U+2028–U+202E, U+2066–U+2069
			if i+2 < len(s) {
				b1, b2 := s[i+1], s[i+2]
				if (b1 == 0x80 && (b2 == 0x8e || b2 == 0x8f || (b2 >= 0xa8 && b2 <= 0xae))) || (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9) {
					return false
				}
			}
		case 0xef: // U+FEFF
			if i+2 < len(s) && s[i+1] == 0xbb && s[i+2] == 0xbf {
				return false
			}
		default:
			return false
		}
	}
	return !high || utf8.ValidString(s)
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
