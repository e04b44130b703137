package tui

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Tables of the reports: aligned columns with the widths in terminal
// cells, long cells wrapped within their column; where the window is too
// narrow for the columns, each row becomes a small block of "Header:
// value" lines under its first cell.

// colSep is drawn between two columns; colRule under the header and
// between rows that take more than one line.
const (
	colSep    = " │ "
	colRule   = "─┼─"
	minColCap = 18 // a word longer than this may be broken to fit a column
	// maxRowLines is the most lines a row may take as columns; a table
	// with a taller row reads better as blocks.
	maxRowLines = 6
	// wholeLack is how many cells a column may lack of its widest cell
	// and still be given them all before the others grow.
	wholeLack = 8
)

// isDelimiterRow reports whether l is a table's delimiter row, such as
// "|---|---:|".
func isDelimiterRow(l string) bool {
	if !strings.HasPrefix(l, "|") {
		return false
	}
	cells := splitRow(l)
	for _, c := range cells {
		c = strings.TrimSpace(c)
		t := strings.Trim(c, ":")
		if t == "" || strings.Trim(t, "-") != "" || len(c)-len(t) > 2 {
			return false
		}
	}
	return len(cells) > 0
}

// delimiterAligns returns each column's alignment from the delimiter row:
// 'r' for right ("---:"), 'l' otherwise.
func delimiterAligns(l string) []byte {
	cells := splitRow(l)
	a := make([]byte, len(cells))
	for i, c := range cells {
		a[i] = 'l'
		if c = strings.TrimSpace(c); strings.HasSuffix(c, ":") && !strings.HasPrefix(c, ":") {
			a[i] = 'r'
		}
	}
	return a
}

// splitRow splits a table row at its unescaped pipes; the escapes stay in
// the cells for inline to read.
func splitRow(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimPrefix(l, "|")
	var cells []string
	start := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(l[start:i]))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(l[start:]); rest != "" {
		cells = append(cells, rest)
	}
	return cells
}

// table draws a table: the header, then the rows, as columns where they
// fit the width and as blocks where they do not.
func (r *mdRender) table(head []string, aligns []byte, rows [][]string) {
	n := len(head)
	for _, row := range rows {
		n = max(n, len(row))
	}
	cell := func(row []string, c int) []span {
		if c < len(row) {
			return inline(row[c])
		}
		return nil
	}
	hs := make([][]span, n)
	for c := range n {
		hs[c] = cell(head, c)
		for i := range hs[c] {
			hs[c][i].bold = false
		}
	}
	body := make([][][]span, len(rows))
	for i, row := range rows {
		body[i] = make([][]span, n)
		for c := range n {
			body[i][c] = cell(row, c)
		}
	}
	r.blank()
	var lines []string
	headN := 0
	if widths := columnWidths(hs, body, r.w); widths != nil {
		lines, headN = r.columns(hs, body, aligns, widths)
	}
	if lines != nil {
		r.tables = append(r.tables, tableLines{first: len(r.out), head: headN, last: len(r.out) + len(lines) - 1})
		r.out = append(r.out, lines...)
	} else {
		r.blocks(hs, body)
	}
	r.blank()
}

// columnWidths returns the width of each column so that the table fits w
// cells, or nil when even the narrowest columns do not: a column is never
// narrower than its longest word (up to minColCap). The room left goes
// first to the cells, so that they wrap as little as can be, then to the
// headers.
func columnWidths(head []cellText, body [][]cellText, w int) []int {
	n := len(head)
	cells, heads, low := make([]int, n), make([]int, n), make([]int, n)
	see := func(c int, spans []span, nat []int) {
		t := plainText(spans)
		nat[c] = max(nat[c], cellWidth(t))
		for _, f := range strings.Fields(t) {
			low[c] = max(low[c], min(cellWidth(f), minColCap))
		}
	}
	for c := range n {
		see(c, head[c], heads)
		for _, row := range body {
			see(c, row[c], cells)
		}
	}
	room := w - ansi.StringWidth(colSep)*(n-1)
	widths := make([]int, n)
	for c := range n {
		widths[c] = max(min(low[c], max(cells[c], heads[c])), 2)
		room -= widths[c]
	}
	if room < 0 {
		return nil
	}
	for c := range n {
		heads[c] = max(heads[c], cells[c])
	}
	room = grow(widths, cells, room, wholeLack)
	grow(widths, heads, room, 0)
	return widths
}

// grow gives room to the columns short of their target width: first
// whole to those that lack at most whole cells, least first, as long as it
// lasts, so that a name a little too long for its column is not wrapped;
// then, a cell at a time, to the column that lacks the most. It returns
// the room left.
func grow(widths, target []int, room, whole int) int {
	order := make([]int, len(widths))
	for c := range order {
		order[c] = c
	}
	sort.SliceStable(order, func(i, j int) bool {
		return target[order[i]]-widths[order[i]] < target[order[j]]-widths[order[j]]
	})
	for _, c := range order {
		if lack := target[c] - widths[c]; lack > 0 && lack <= min(room, whole) {
			widths[c] += lack
			room -= lack
		}
	}
	for ; room > 0; room-- {
		best := -1
		for c := range widths {
			if target[c] > widths[c] && (best < 0 || target[c]-widths[c] > target[best]-widths[best]) {
				best = c
			}
		}
		if best < 0 {
			break
		}
		widths[best]++
	}
	return room
}

// cellText is the text of one table cell.
type cellText = []span

// columns draws the table as aligned columns of the widths, and returns
// its lines and how many of them are the header with its rule; or nil
// when a row would take more than maxRowLines lines.
func (r *mdRender) columns(head []cellText, body [][]cellText, aligns []byte, widths []int) ([]string, int) {
	st := r.st
	rule := make([]string, len(widths))
	for c, w := range widths {
		rule[c] = strings.Repeat("─", w)
	}
	ruleLine := st.Subtle.Render(strings.Join(rule, colRule))
	sep := st.Subtle.Render(colSep)
	row := func(cells []cellText, cs *lipgloss.Style) []string {
		wrapped := make([][]string, len(cells))
		lw := make([][]int, len(cells))
		h := 1
		for c, spans := range cells {
			wrapped[c], lw[c] = wrapSpans(spans, widths[c], cs, &st.Strong, "", "")
			h = max(h, len(wrapped[c]))
		}
		out := make([]string, h)
		for i := range h {
			var b strings.Builder
			for c := range cells {
				if c > 0 {
					b.WriteString(sep)
				}
				var l string
				lwid := 0
				if i < len(wrapped[c]) {
					l, lwid = wrapped[c][i], lw[c][i]
				}
				pad := strings.Repeat(" ", max(widths[c]-lwid, 0))
				if c < len(aligns) && aligns[c] == 'r' {
					b.WriteString(pad + l)
				} else {
					b.WriteString(l + pad)
				}
			}
			out[i] = strings.TrimRight(b.String(), " ")
		}
		return out
	}
	out := append(row(head, &st.Strong), ruleLine)
	headLines := len(out)
	var drawn [][]string
	tall := false
	for _, cells := range body {
		lines := row(cells, nil)
		if len(lines) > maxRowLines {
			return nil, 0
		}
		tall = tall || len(lines) > 1
		drawn = append(drawn, lines)
	}
	for i, lines := range drawn {
		if i > 0 && tall {
			out = append(out, ruleLine)
		}
		out = append(out, lines...)
	}
	return out, headLines
}

// blocks draws each row as its first cell in bold over "Header: value"
// lines, rows apart by an empty line. Where the labels take at most half
// the width and leave 20 cells for the values, the values start in one
// column, so that the blocks read like a form; otherwise each value
// follows its label.
func (r *mdRender) blocks(head []cellText, body [][]cellText) {
	label := r.st.Label
	labels := make([]string, len(head))
	lw := 0
	for c := 1; c < len(head); c++ {
		labels[c] = oneSpace(plainText(head[c])) + ":"
		lw = max(lw, cellWidth(labels[c]))
	}
	aligned := 2+lw+1 <= r.w/2 && r.w-(2+lw+1) >= 20
	for i, cells := range body {
		if len(cells) == 0 {
			continue
		}
		if i > 0 {
			r.out = append(r.out, "")
		}
		title := append(cellText(nil), cells[0]...)
		for j := range title {
			title[j].bold = true
		}
		r.words(title, &r.st.Strong, "", "  ")
		for c := 1; c < len(cells); c++ {
			if len(cells[c]) == 0 {
				continue
			}
			if aligned {
				first := "  " + label.Render(labels[c]) + strings.Repeat(" ", lw-cellWidth(labels[c])+1)
				r.words(cells[c], nil, first, strings.Repeat(" ", 2+lw+1))
				continue
			}
			spans := cellText{{text: labels[c] + " ", style: &label}}
			spans = append(spans, cells[c]...)
			r.words(spans, nil, "  ", "    ")
		}
	}
}

// oneSpace is s with its runs of spaces made one.
func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
