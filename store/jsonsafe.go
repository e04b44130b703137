package store

import (
	"encoding/binary"
	"io"
	"unicode/utf8"

	"samkoll/checklist"
)

// jsonSafeWriter passes JSON text through, writing every non-ASCII
// character that checklist.Printable refuses (C1 controls, line
// separators, bidi and other invisible format characters, zero-width
// characters, the byte order mark) as a \uXXXX escape. encoding/json already escapes C0 controls but leaves these raw,
// and JSON on a terminal must not carry them. Inside JSON such characters
// only occur in strings, where the escape means the same character, so the
// data is unchanged: an import reads back exactly what was stored.
//
// Writes may split a character; its first bytes wait for the next Write.
// A stream that ends inside a character (which valid JSON never does)
// loses those bytes.
type jsonSafeWriter struct {
	w       io.Writer
	pending []byte
	out     []byte
}

func (j *jsonSafeWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(j.pending) > 0 {
		p = append(j.pending, p...)
		j.pending = nil
	}
	// Text without a character to escape, nearly all of it, is written
	// as it came; out collects a copy only from the first escape on.
	out, escaped := j.out[:0], false
	start, end := 0, len(p)
	for i := 0; i < len(p); {
		// ASCII, nearly all of an export, is skipped eight bytes at a time.
		for i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i >= len(p) {
			break
		}
		c := p[i]
		if c < 0x80 {
			i++
			continue
		}
		if !utf8.FullRune(p[i:]) {
			j.pending = append([]byte(nil), p[i:]...)
			end = i
			break
		}
		r, size := utf8.DecodeRune(p[i:])
		if size > 1 && !checklist.Printable(r) {
			out = append(out, p[start:i]...)
			out = appendEscape(out, r)
			start, escaped = i+size, true
		}
		i += size
	}
	chunk := p[:end]
	if escaped {
		out = append(out, p[start:end]...)
		j.out, chunk = out, out
	}
	if _, err := j.w.Write(chunk); err != nil {
		return 0, err
	}
	return n, nil
}

// appendEscape appends r as a JSON \u escape, as a surrogate pair above
// U+FFFF.
func appendEscape(b []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	one := func(b []byte, v rune) []byte {
		return append(b, '\\', 'u', hex[v>>12&0xf], hex[v>>8&0xf], hex[v>>4&0xf], hex[v&0xf])
	}
	if r > 0xffff {
		r -= 0x10000
		return one(one(b, 0xd800+(r>>10)), 0xdc00+(r&0x3ff))
	}
	return one(b, r)
}
