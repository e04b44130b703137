package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// The reports the app shows (the yearly follow-up, the region's picture)
// are markdown written for the minutes. renderMarkdown draws the part of
// markdown their templates use for the terminal: headings, paragraphs,
// bullet lists, **bold**, backslash escapes and tables, with no marker
// left. Every line of the input goes through checklist.SanitizeLine
// first, so no control character of the text reaches the terminal; the
// only escape sequences in the result are the styles' own.

// span is a run of words with one style; words are the text split at
// spaces.
type span struct {
	text string
	bold bool
	// style, when set, is the span's own style (a label in a table row
	// drawn as a block).
	style *lipgloss.Style
}

// mdRender holds the styles and width of one rendering.
type mdRender struct {
	st     *Styles
	w      int
	out    []string
	tables []tableLines
}

// tableLines is where a table drawn as columns is among the lines: from
// first to last, its header (with the rule under it) the head lines from
// first.
type tableLines struct{ first, head, last int }

// renderMarkdown returns md drawn for a terminal w cells wide, one string
// a line, none wider than w (at least 10).
func renderMarkdown(md string, w int, st *Styles) []string {
	lines, _ := renderMarkdownTables(md, w, st)
	return lines
}

// renderMarkdownTables is renderMarkdown that also says where the tables
// drawn as columns are, so that their header can stay in sight.
func renderMarkdownTables(md string, w int, st *Styles) ([]string, []tableLines) {
	r := &mdRender{st: st, w: max(w, 10)}
	lines := strings.Split(strings.TrimRight(md, "\n"), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(checklist.SanitizeLine(lines[i]))
	}
	var para []string
	flush := func() {
		if len(para) > 0 {
			r.words(inline(strings.Join(para, " ")), nil, "", "")
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case l == "":
			flush()
			r.blank()
		case headingLevel(l) > 0:
			flush()
			r.heading(l)
		case bullet(l) != "":
			flush()
			r.words(inline(bullet(l)), nil, "• ", "  ")
		case strings.HasPrefix(l, "|") && i+1 < len(lines) && isDelimiterRow(lines[i+1]):
			flush()
			head, aligns := splitRow(l), delimiterAligns(lines[i+1])
			var rows [][]string
			for i += 2; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
				rows = append(rows, splitRow(lines[i]))
			}
			i--
			r.table(head, aligns, rows)
		default:
			para = append(para, l)
		}
	}
	flush()
	for len(r.out) > 0 && r.out[len(r.out)-1] == "" {
		r.out = r.out[:len(r.out)-1]
	}
	return r.out, r.tables
}

// blank adds one empty line, never two in a row and none at the top.
func (r *mdRender) blank() {
	if len(r.out) > 0 && r.out[len(r.out)-1] != "" {
		r.out = append(r.out, "")
	}
}

// headingLevel is the level of an ATX heading ("## Text" is 2), or 0.
func headingLevel(l string) int {
	n := 0
	for n < len(l) && n < 7 && l[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(l) || l[n] != ' ' {
		return 0
	}
	return n
}

// heading draws a heading: the first level as the screen's title, the
// second as an area heading over a rule, the others as strong text.
func (r *mdRender) heading(l string) {
	n := headingLevel(l)
	text := strings.TrimSpace(l[n:])
	// A closing run of # after a space is no part of the text ("C\#" is).
	if j := len(strings.TrimRight(text, "#")); j == 0 || text[j-1] == ' ' {
		text = strings.TrimSpace(text[:j])
	}
	st := r.st.Strong
	switch n {
	case 1:
		st = r.st.Title
	case 2:
		st = r.st.Area
	}
	r.blank()
	// A heading is bold throughout; the spans' own bold adds nothing.
	spans := inline(text)
	for i := range spans {
		spans[i].bold = false
	}
	start := len(r.out)
	r.words(spans, &st, "", "")
	if n == 2 {
		wide := 0
		for _, l := range r.out[start:] {
			wide = max(wide, ansi.StringWidth(l))
		}
		r.out = append(r.out, r.st.Subtle.Render(strings.Repeat("─", wide)))
	}
	r.blank()
}

// bullet returns the text of a list item ("- text" or "* text"), or "".
func bullet(l string) string {
	if len(l) > 2 && (l[0] == '-' || l[0] == '*') && l[1] == ' ' {
		return strings.TrimSpace(l[2:])
	}
	return ""
}

// inline reads one line of inline markdown: **bold** and backslash
// escapes of ASCII punctuation. Other markers are kept as text.
func inline(s string) []span {
	var spans []span
	var b strings.Builder
	bold := false
	// last is where the last ** starts: an opening one needs it after.
	last := strings.LastIndex(s, "**")
	end := func() {
		if b.Len() > 0 {
			spans = append(spans, span{text: b.String(), bold: bold})
			b.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i++
			b.WriteByte(s[i])
		case c == '*' && i+1 < len(s) && s[i+1] == '*' && (bold || last >= i+2):
			end()
			bold = !bold
			i++
		default:
			b.WriteByte(c)
		}
	}
	end()
	return spans
}

// isASCIIPunct reports whether c may be escaped with a backslash in
// markdown.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// plainText is the spans' text without styles.
func plainText(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return b.String()
}

// words draws spans word-wrapped to the width in style st (nil: none),
// bold spans in bold, with first before the first line and rest before
// the others.
func (r *mdRender) words(spans []span, st *lipgloss.Style, first, rest string) {
	lines, _ := wrapSpans(spans, r.w, st, &r.st.Strong, first, rest)
	r.out = append(r.out, lines...)
}

// wrapSpans word-wraps spans to w cells with a hanging indent: first
// before the first line, rest before the others, and returns the lines
// and their widths. Words of one style next to each other on a line are
// styled together (st, bold for a bold span, or the span's own style; a
// nil style is none), and no style runs over a line break; a word wider
// than the line is broken.
func wrapSpans(spans []span, w int, st, bold *lipgloss.Style, first, rest string) ([]string, []int) {
	type word struct {
		text  string
		style *lipgloss.Style
		glue  bool // no space before it: it continues the word before
	}
	var ws []word
	space := true
	for _, s := range spans {
		ps := st
		switch {
		case s.style != nil:
			ps = s.style
		case s.bold:
			ps = bold
		}
		for j, f := range strings.Split(s.text, " ") {
			if f == "" {
				space = true
				continue
			}
			ws = append(ws, word{text: f, style: ps, glue: !space && j == 0})
			space = false
		}
		space = strings.HasSuffix(s.text, " ")
	}
	var lines []string
	var widths []int
	var b, run strings.Builder
	var runStyle *lipgloss.Style
	used, lead := 0, 0
	// flush writes the run of words of one style.
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if runStyle == nil {
			b.WriteString(run.String())
		} else {
			b.WriteString(runStyle.Render(run.String()))
		}
		run.Reset()
	}
	// put adds text in style ps to the line, after a space when sep.
	put := func(text string, ps *lipgloss.Style, sep bool) {
		if ps != runStyle {
			flush()
		}
		if sep {
			if run.Len() > 0 {
				run.WriteByte(' ')
			} else {
				b.WriteByte(' ')
			}
			used++
		}
		runStyle = ps
		run.WriteString(text)
		used += cellWidth(text)
	}
	start := func(indent string) {
		b.WriteString(indent)
		used, lead = cellWidth(indent), cellWidth(indent)
	}
	newLine := func() {
		flush()
		lines = append(lines, b.String())
		widths = append(widths, used)
		b.Reset()
		start(rest)
	}
	start(first)
	for i := 0; i < len(ws); i++ {
		x := ws[i]
		// A word glued to the one before (bold ends mid-word) wraps with it:
		// measure the whole group.
		gw := cellWidth(x.text)
		for j := i + 1; j < len(ws) && ws[j].glue; j++ {
			gw += cellWidth(ws[j].text)
		}
		sep := used > lead && !x.glue
		if sep && used+1+gw > w {
			newLine()
			sep = false
		}
		// Break a word wider than the line.
		for x.text != "" && used+btoi(sep)+cellWidth(x.text) > w {
			cut := ansi.Truncate(x.text, max(w-used-btoi(sep), 0), "")
			if cut == "" {
				if used > lead {
					newLine()
					sep = false
					continue
				}
				cut = firstGrapheme(x.text)
			}
			put(cut, x.style, sep)
			sep = false
			x.text = x.text[len(cut):]
			newLine()
		}
		if x.text != "" {
			put(x.text, x.style, sep)
		}
	}
	if used > lead || len(lines) == 0 {
		newLine()
	}
	return lines, widths
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cellWidth is the width of plain text (no escape sequences) in
// terminal cells: ansi.StringWidth, with a short way for text of Latin
// letters and common punctuation, one cell a character.
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x300 && (r < 0x2010 || r > 0x2027) {
			return ansi.StringWidth(s)
		}
		n++
	}
	return n
}

// firstGrapheme is the first character of s as the terminal draws it.
func firstGrapheme(s string) string {
	for i := range s {
		if i > 0 && ansi.StringWidth(s[:i]) > 0 {
			return s[:i]
		}
	}
	return s
}
