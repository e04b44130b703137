package checklist

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the one sanitizer for user text that samkoll shows or
// writes: the app's views, the CLI's output and the exports all go through
// Sanitize or SanitizeLine. Text from the database, an import, a checklist
// file or a file name may hold anything; what reaches a terminal or a file
// must not be able to move the cursor, change the title, write the
// clipboard, reorder the text around it or hide characters.

// Sanitize returns s without what must never reach a terminal or an
// export: escape sequences (CSI, OSC, DCS, SOS, PM, APC and the two-byte
// ESC sequences, in their 7-bit and 8-bit C1 forms, with their whole
// payload), every other control character (C0, DEL, C1) except line
// breaks, and the invisible format characters (Unicode category Cf): bidi
// overrides, embeddings, isolates and marks, zero-width space and
// non-joiner, word joiner, the byte order mark, soft hyphen and tag
// characters. A zero-width joiner stays only inside an emoji sequence,
// where it joins two pictures into one. Invalid UTF-8 becomes U+FFFD, tabs
// become spaces, and CR LF, CR, U+2028 and U+2029 become LF. It runs in
// linear time and returns s itself when there is nothing to do.
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeLine is Sanitize for one line of a terminal: every line break and
// tab becomes a space as well.
func SanitizeLine(s string) string { return sanitize(s, true) }

// Printable reports whether the single character r, typed or pasted, may
// enter a text field: it is not a control character, not a line or
// paragraph separator and not an invisible format character. (A zero-width
// joiner is refused here too; it only survives Sanitize inside emoji.)
func Printable(r rune) bool {
	switch {
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		return false
	case r < 0xad:
		return true
	case r == '\u2028' || r == '\u2029':
		return false
	}
	return !unicode.Is(unicode.Cf, r)
}

// Unsafe returns the first character of s that Sanitize would remove or
// replace, other than tab and line feed, and its byte offset; ok is false
// when there is none. Lint uses it to refuse control characters in
// checklist texts.
func Unsafe(s string) (r rune, offset int, ok bool) {
	for i, c := range s {
		if c == '\n' || c == '\t' {
			continue
		}
		if c == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return c, i, true
			}
		}
		if c == '\u200d' && i > 0 {
			if p, _ := utf8.DecodeLastRuneInString(s[:i]); isEmoji(p) {
				continue
			}
		}
		if !Printable(c) {
			return c, i, true
		}
	}
	return 0, -1, false
}

// IsClean reports whether Sanitize returns s unchanged.
func IsClean(s string) bool { return isClean(s, false) }

// isClean reports whether sanitize(s, line) returns s unchanged. ASCII is
// checked byte by byte; only other characters are decoded.
func isClean(s string, line bool) bool {
	prev := rune(0)
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 && (line || c != '\n') || c == 0x7f {
				return false
			}
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false
		case r == '\u200d':
			if !isEmoji(prev) {
				return false
			}
		case !Printable(r):
			return false
		}
		prev = r
		i += size
	}
	return true
}

func sanitize(s string, line bool) string {
	if isClean(s, line) {
		return s
	}
	brk := byte('\n')
	if line {
		brk = ' '
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			prev = utf8.RuneError
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
			b.WriteByte(brk)
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case r == '\n' || r == '\u2028' || r == '\u2029':
			b.WriteByte(brk)
		case r == '\t':
			b.WriteByte(' ')
		case r == '\u200d' && isEmoji(prev):
			b.WriteString(s[i : i+size])
		case !Printable(r):
			// other controls and invisible format characters are dropped
			i += size
			continue
		default:
			b.WriteString(s[i : i+size])
		}
		prev = r
		i += size
	}
	return b.String()
}

// isEmoji reports whether r may precede a zero-width joiner in an emoji
// sequence: a pictograph, a skin-tone modifier or the emoji variation
// selector.
func isEmoji(r rune) bool {
	return r >= 0x1f000 && r <= 0x1faff || r >= 0x2600 && r <= 0x27bf || r == 0xfe0f
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
