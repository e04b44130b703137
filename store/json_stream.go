package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"samkoll/checklist"
)

// Reading an import file as a stream: the top-level object is read token
// by token and each assessment is decoded on its own, so that memory holds
// one assessment, not the file. A problem in the JSON text is located by
// line and column as if the whole file had been decoded at once.

// jsonStream reads the top level of an import file. Each assessment is
// passed to assessment as soon as it is decoded; the other fields are kept
// in head.
type jsonStream struct {
	pr  *posReader
	dec *json.Decoder
	// base is the offset in the file where dec's text starts, less the
	// text resume put before it.
	base int64
	// head holds the fields other than the assessments.
	head jsonFile
	// decoderOnly leaves every assessment to the decoder (direct), for
	// the tests that compare the two.
	decoderOnly bool
}

// offset is the decoder's offset in the file.
func (st *jsonStream) offset() int64 { return st.base + st.dec.InputOffset() }

// resume gives the stream a new decoder that reads the file from offset
// off on, after the JSON text prefix, whose tokens it has read: so that
// it is in the state prefix leaves a decoder in (in the top-level object,
// say, or in a list in it). prefix ends in a token that ends itself, so
// that what follows cannot continue it.
func (st *jsonStream) resume(off int64, prefix string) {
	kept := st.pr.from(off)
	text := make([]byte, 0, len(prefix)+len(kept))
	text = append(append(text, prefix...), kept...)
	dec := json.NewDecoder(io.MultiReader(bytes.NewReader(text), st.pr))
	dec.DisallowUnknownFields()
	st.dec, st.base = dec, off-int64(len(prefix))
	for dec.InputOffset() < int64(len(prefix)) {
		if _, err := dec.Token(); err != nil {
			break // not for the valid prefixes of direct
		}
	}
}

func newJSONStream(r io.Reader) *jsonStream {
	pr := &posReader{r: r, line: 1}
	dec := json.NewDecoder(pr)
	dec.DisallowUnknownFields()
	return &jsonStream{pr: pr, dec: dec}
}

// read reads the file, calling assessment for each assessment in turn
// with its index. Errors of assessment are returned as they are.
func (st *jsonStream) read(assessment func(i int, ja jsonAssessment) error) error {
	tok, err := st.dec.Token()
	if err != nil {
		return st.fail(err, -1, nil, "")
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return st.notA(0, "", checklist.Text{SV: "ett JSON-objekt", EN: "a JSON object"})
	}
	seen := map[string]bool{}
	for st.dec.More() {
		tok, err := st.dec.Token()
		if err != nil {
			return st.fail(err, -1, nil, "")
		}
		key, _ := tok.(string)
		name := strings.ToLower(key)
		if seen[name] {
			return &ImportError{Path: key, Msg: checklist.Textf("fältet %q förekommer två gånger", "the field %q occurs twice", key)}
		}
		seen[name] = true
		from := st.offset()
		switch name {
		case "format":
			err = st.decode(from, &st.head.Format, key)
		case "version":
			err = st.decode(from, &st.head.Version, key)
		case "exported":
			err = st.decode(from, &st.head.Exported, key)
		case "year_plans":
			err = st.decode(from, &st.head.YearPlans, key)
		case "assessments":
			err = st.assessments(assessment)
		default:
			// The key itself is unknown: located at its end, as the
			// decoder of a whole file does.
			line, col := st.pr.at(from)
			return &ImportError{Line: line, Column: col, Msg: checklist.Textf("okänt fält %q", "unknown field %q", key)}
		}
		if err != nil {
			return err
		}
	}
	if _, err := st.dec.Token(); err != nil { // the closing brace
		return st.fail(err, -1, nil, "")
	}
	if st.dec.More() {
		return st.extraData()
	}
	if _, err := st.dec.Token(); err != io.EOF {
		if st.pr.err != nil {
			return st.pr.err
		}
		return st.extraData()
	}
	return nil
}

// assessments reads the list of assessments: directly while it can, then
// with the decoder.
func (st *jsonStream) assessments(assessment func(i int, ja jsonAssessment) error) error {
	from := st.offset()
	tok, err := st.dec.Token()
	if err != nil {
		return st.fail(err, -1, nil, "")
	}
	if tok == nil { // null: no assessments
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return st.notA(from, "assessments", checklist.Text{SV: "en lista", EN: "a list"})
	}
	i := 0
	if !st.decoderOnly {
		var done bool
		if i, done, err = st.direct(assessment); err != nil || done {
			return err
		}
	}
	for ; st.dec.More(); i++ {
		from := st.offset()
		var ja jsonAssessment
		if err := st.dec.Decode(&ja); err != nil {
			return st.fail(err, from, func() any { return new(jsonAssessment) }, "assessments.")
		}
		// Nothing before the next assessment can be the site of a problem.
		st.pr.mark(st.offset())
		if err := assessment(i, ja); err != nil {
			return err
		}
	}
	if _, err := st.dec.Token(); err != nil { // ]
		return st.fail(err, -1, nil, "")
	}
	return nil
}

// direct reads the assessments from the decoder's offset, just after the
// list's '[', without the decoder, for as long as each is an object that
// fastAssessment reads. It returns the number it read, and whether that
// was the whole list; the decoder is resumed where it stopped, in the
// list or after it. Its only errors are those of assessment.
func (st *jsonStream) direct(assessment func(i int, ja jsonAssessment) error) (int, bool, error) {
	pos := st.offset()
	for i := 0; ; i++ {
		start, c := st.pr.nonSpace(pos)
		if c == ']' {
			st.resume(start+1, `{"":[]`) // in the top-level object, after a value
			return i, true, nil
		}
		separated := i == 0 // by a comma from the assessment before
		if i > 0 && c == ',' {
			start, c = st.pr.nonSpace(start + 1)
			separated = true
		}
		var end int64
		var ja jsonAssessment
		ok := separated && c == '{'
		if ok {
			end, ok = st.pr.objectEnd(start)
		}
		if !ok || !fastAssessment(st.pr.from(start)[:end-start], &ja) {
			// The decoder reads on from after the last assessment read:
			// in the list, before its first element or after one.
			if i == 0 {
				st.resume(pos, `{"":[`)
			} else {
				st.resume(pos, `{"":[[]`)
			}
			return i, false, nil
		}
		pos = end
		st.pr.mark(pos)
		if err := assessment(i, ja); err != nil {
			return i, false, err
		}
	}
}

// decode decodes the value of the top-level field key into v.
func (st *jsonStream) decode(from int64, v any, key string) error {
	if err := st.dec.Decode(v); err != nil {
		return st.fail(err, from, func() any { return v }, key)
	}
	return nil
}

// notA reports that the value at or after offset from (after a colon) is
// not what (an object, a list).
func (st *jsonStream) notA(from int64, field string, what checklist.Text) error {
	off := int64(skipSeparator(st.pr.from(from))) + from
	line, col := st.pr.at(off)
	msg := checklist.Textf("fel typ: väntade %s", "wrong type: expected %s", what)
	if field != "" {
		msg = checklist.Textf("fel typ för %s: väntade %s", "wrong type for %s: expected %s", field, what)
	}
	return &ImportError{Line: line, Column: col, Msg: msg}
}

func (st *jsonStream) extraData() error {
	line, col := st.pr.at(st.offset())
	return &ImportError{Line: line, Column: col, Msg: checklist.Text{SV: "ogiltig JSON: extra data efter slutet", EN: "invalid JSON: extra data after the end"}}
}

// fail turns an error of the decoder into an *ImportError located by line
// and column. An error of Token is located by the decoder's offset; one of
// Decode (from >= 0) by decoding the value again from the bytes kept since
// offset from with a decoder of its own into a new target, whose offsets
// count from the value's start. field prefixes the field of a type error.
func (st *jsonStream) fail(err error, from int64, target func() any, field string) error {
	if st.pr.err != nil {
		return st.pr.err // the reader's own error, such as a file too large
	}
	off := st.offset()
	if from >= 0 && target != nil {
		off, err = st.decodeAgain(err, from, target, field)
	} else {
		err = st.inFile(err)
	}
	var msg checklist.Text
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
		if from >= 0 {
			off-- // the decoder of a value counts the offending byte
		}
		msg = checklist.Textf("ogiltig JSON: %s", "invalid JSON: %s", strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ):
		off = typ.Offset
		msg = checklist.Textf("fel typ för %s: %s i stället för %s", "wrong type for %s: %s instead of %s", typ.Field, typ.Value, typ.Type)
	case errors.Is(err, io.EOF) && st.pr.start == 0 && len(bytes.TrimSpace(st.pr.buf)) == 0:
		msg = checklist.Text{SV: "filen är tom", EN: "the file is empty"}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		off = st.pr.end()
		msg = checklist.Text{SV: "filen tar slut mitt i", EN: "the file ends in the middle"}
	default:
		text := strings.TrimPrefix(err.Error(), "json: ")
		if f, ok := strings.CutPrefix(text, "unknown field "); ok {
			msg = checklist.Textf("okänt fält %s", "unknown field %s", f)
		} else {
			msg = checklist.Textf("ogiltig JSON: %s", "invalid JSON: %s", text)
		}
	}
	line, col := st.pr.at(off)
	return &ImportError{Line: line, Column: col, Msg: msg}
}

// decodeAgain decodes the value at offset from again, from the bytes kept,
// with a decoder of its own into target(), and returns the offset where
// it stopped and its error, with offsets in the file; the decoder's offset
// and err when the value decodes. field prefixes the field of a type
// error.
func (st *jsonStream) decodeAgain(err error, from int64, target func() any, field string) (int64, error) {
	rest := st.pr.from(from)
	k := skipSeparator(rest)
	d := json.NewDecoder(bytes.NewReader(rest[k:]))
	d.DisallowUnknownFields()
	e2 := d.Decode(target())
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case e2 == nil:
		if errors.As(err, &syn) {
			// The value decodes: the problem lies before it, where the
			// decoder's offset is not the file's (a second comma, say).
			syn.Offset = from + int64(skipSpace(rest)) + 1
			return st.offset(), err
		}
		return st.offset(), st.inFile(err)
	case errors.As(e2, &syn):
		syn.Offset += from + int64(k)
	case errors.As(e2, &typ):
		typ.Offset += from + int64(k)
		switch {
		case strings.HasSuffix(field, "."):
			typ.Field = field + typ.Field
		case typ.Field == "":
			typ.Field = field
		}
	}
	return from + int64(k) + d.InputOffset(), e2
}

// inFile returns err, an error of the stream's decoder, with offsets in
// the file.
func (st *jsonStream) inFile(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	if errors.As(err, &syn) {
		syn.Offset = st.syntaxOffset(syn)
	} else if errors.As(err, &typ) {
		typ.Offset += st.base
	}
	return err
}

// syntaxOffset returns the offset in the file of syn, an error of Token.
// The decoder gives a token it does not expect its own offset. A problem
// inside a value (a key, say) it counts in all the bytes it has scanned
// values in, and stays at the value's start: the value is scanned again
// from there by a decoder of its own, whose count starts there.
func (st *jsonStream) syntaxOffset(syn *json.SyntaxError) int64 {
	at := st.dec.InputOffset()
	if syn.Offset == at {
		return st.base + at
	}
	var again *json.SyntaxError
	d := json.NewDecoder(bytes.NewReader(st.pr.from(st.base + at)))
	if err := d.Decode(new(json.RawMessage)); errors.As(err, &again) {
		return st.base + at + again.Offset - 1
	}
	return st.base + at
}

// skipSeparator returns the length of the white space, colon or comma and
// white space that b starts with: what lies between the decoder's offset
// and the next value.
func skipSeparator(b []byte) int {
	k := skipSpace(b)
	if k < len(b) && (b[k] == ':' || b[k] == ',') {
		k++
	}
	return k + skipSpace(b[k:])
}

// skipSpace returns the length of the white space b starts with.
func skipSpace(b []byte) int {
	k := 0
	for k < len(b) && isSpace(b[k]) {
		k++
	}
	return k
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// posReader passes the file to the decoder and keeps the bytes from offset
// start on, with the line and column where they start, so that a problem
// can be located without holding the whole file: mark forgets what lies
// before a point no problem can be reported in.
type posReader struct {
	r     io.Reader
	err   error  // the reader's first error other than io.EOF
	buf   []byte // the bytes read from offset start on
	start int64
	line  int // the line of start, 1-based
	col   int // the runes between the start of that line and start
	// scratch is what more reads into.
	scratch []byte
}

func (p *posReader) Read(b []byte) (int, error) {
	if len(p.buf) > maxKept {
		if p.err == nil {
			p.err = &ImportError{Line: p.line, Column: p.col + 1, Msg: checklist.Textf(
				"en bedömning (eller ett annat fält) här är större än %d MB; en bedömning i en export från samkoll är några tiotals kB",
				"an assessment (or another field) here is larger than %d MB; an assessment in an export from samkoll is a few tens of kB",
				maxKept>>20)}
		}
		return 0, p.err
	}
	if room := maxKept + 1 - len(p.buf); len(b) > room {
		b = b[:room]
	}
	n, err := p.r.Read(b)
	p.buf = append(p.buf, b[:n]...)
	if err != nil && err != io.EOF && p.err == nil {
		p.err = err
	}
	return n, err
}

// maxKept bounds the bytes kept since the last mark: one assessment, or
// the fields before the assessments. The decoder holds a value whole, and
// the value, these bytes and what it decodes to are in memory at once, so
// one huge text in a file would run memory out long before the limit on
// the file's size.
const maxKept = 16 << 20

// mark forgets the bytes before offset off.
func (p *posReader) mark(off int64) {
	k := p.index(off)
	seg := p.buf[:k]
	if nl := bytes.Count(seg, []byte("\n")); nl > 0 {
		p.line += nl
		p.col = utf8.RuneCount(seg[bytes.LastIndexByte(seg, '\n')+1:])
	} else {
		p.col += utf8.RuneCount(seg)
	}
	p.start += int64(k)
	// Move what is left to the front, so that the buffer is reused
	// rather than grown.
	p.buf = p.buf[:copy(p.buf, p.buf[k:])]
}

func (p *posReader) index(off int64) int { return int(min(max(off-p.start, 0), int64(len(p.buf)))) }

// nonSpace returns the offset and the value of the first byte from offset
// off on that is not white space, reading on as needed; 0 at the end of
// the file or on an error, which the decoder meets again.
func (p *posReader) nonSpace(off int64) (int64, byte) {
	for {
		for _, c := range p.from(off) {
			if !isSpace(c) {
				return off, c
			}
			off++
		}
		if !p.more() {
			return off, 0
		}
	}
}

// objectEnd returns the offset just after the object that starts at
// offset start, reading on as needed, by its braces and brackets outside
// its strings; false where the file ends first or cannot be read. Of text
// that is not JSON it may find any end or none: what it finds is read by
// fastAssessment, which checks it.
func (p *posReader) objectEnd(start int64) (int64, bool) {
	depth, inString, escaped := 0, false, false
	for off := start; ; {
		for _, c := range p.from(off) {
			off++
			switch {
			case escaped:
				escaped = false
			case inString:
				escaped = c == '\\'
				inString = c != '"'
			case c == '"':
				inString = true
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				if depth--; depth == 0 {
					return off, true
				}
			}
		}
		if !p.more() {
			return 0, false
		}
	}
}

// more reads on into the kept bytes and reports whether it read any.
func (p *posReader) more() bool {
	if p.scratch == nil {
		p.scratch = make([]byte, 64<<10)
	}
	for {
		n, err := p.Read(p.scratch)
		if n > 0 {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// from returns the bytes kept from offset off on.
func (p *posReader) from(off int64) []byte { return p.buf[p.index(off):] }

// end is the offset after the last byte read.
func (p *posReader) end() int64 { return p.start + int64(len(p.buf)) }

// at returns the line and column (1-based, in runes) of offset off.
func (p *posReader) at(off int64) (int, int) {
	seg := p.buf[:p.index(off)]
	if nl := bytes.Count(seg, []byte("\n")); nl > 0 {
		return p.line + nl, utf8.RuneCount(seg[bytes.LastIndexByte(seg, '\n')+1:]) + 1
	}
	return p.line, p.col + utf8.RuneCount(seg) + 1
}
