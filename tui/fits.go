package tui

import "unicode/utf8"

// fitsIn reports whether line surely fits in w cells: its characters
// outside its colour and hyperlink sequences (CSI and OSC) are no more
// than w, and each is ASCII or one of narrowRune's, which take at most
// one cell. It answers false when unsure (another escape, another
// character, too many), and the caller measures.
func fitsIn(line string, w int) bool {
	if len(line) <= w {
		return true // no character takes more cells than it has bytes
	}
	n := 0
	for i := 0; i < len(line); i++ {
		if c := line[i]; c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(line[i:])
			if !narrowRune(r) {
				return false
			}
			i += size - 1
			if n++; n > w {
				return false
			}
			continue
		}
		if line[i] != 0x1b {
			if n++; n > w {
				return false
			}
			continue
		}
		if i+1 >= len(line) {
			return false
		}
		switch line[i+1] {
		case '[': // CSI: parameters, intermediates, then a final byte in @–~
			i += 2
			for i < len(line) && line[i] >= 0x30 && line[i] < 0x40 {
				i++
			}
			for i < len(line) && line[i] >= 0x20 && line[i] < 0x30 {
				i++
			}
			if i >= len(line) || line[i] < 0x40 || line[i] > 0x7e {
				return false
			}
		case ']': // OSC: printable ASCII up to BEL or ESC \
			i += 2
			for i < len(line) && line[i] >= 0x20 && line[i] < 0x7f {
				i++
			}
			if i >= len(line) || (line[i] != 0x07 && line[i] != 0x1b) {
				return false
			}
			if line[i] == 0x1b {
				if i+1 >= len(line) || line[i+1] != '\\' {
					return false
				}
				i++
			}
		default:
			return false
		}
	}
	return true
}

// narrowRune reports whether r is in a block whose every character takes
// at most one cell (ansi.StringWidth), whatever follows it: Latin letters
// with their accents (å, ä, ö, é), Latin-1's signs (§, ·, ×), general
// punctuation (–, …, •, ‹ ›), arrows and box drawing. Wide characters, and
// those an emoji variation selector can widen, are in other blocks, and
// so are the selectors; an invalid byte is utf8.RuneError, outside too.
func narrowRune(r rune) bool {
	return (r >= 0xa0 && r < 0x300) || (r >= 0x2000 && r < 0x2070) ||
		(r >= 0x2190 && r < 0x2200) || (r >= 0x2500 && r < 0x25a0)
}
