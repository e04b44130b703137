package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"samkoll/checklist"
)

// pen is a style's colours and attributes as the text before and after a
// line. The walk draws an item on every key, and lipgloss's Render took
// about 3 µs a call there, most of an answer key's View; painting a line
// is two concatenations. penOf makes one only for a style Render draws as
// on+text+off (no width, padding, margin, border or transform), checked on
// probe texts; otherwise, and for text Render lays out (a line break, a
// tab, an escape), paint calls Render.
type pen struct {
	on, off string
	st      lipgloss.Style
	plain   bool // Render gives on+text+off
}

// penProbes are the texts penOf checks a style on: letters, spaces at
// either end and inside, a letter outside ASCII, digits and brackets.
var penProbes = []string{"xy", "a b", " å ", "12/150 besvarade", "[1 Ja]", "Ej aktuellt"}

func penOf(st lipgloss.Style) pen {
	k := pen{st: st}
	r := st.Render("x")
	i := strings.Index(r, "x")
	if i < 0 {
		return k
	}
	on, off := r[:i], r[i+1:]
	for _, p := range penProbes {
		if st.Render(p) != on+p+off {
			return k
		}
	}
	k.on, k.off, k.plain = on, off, true
	return k
}

// paint styles one line of text as st.Render does.
func (k pen) paint(s string) string {
	if !k.plain || s == "" || strings.ContainsAny(s, "\n\r\t\x1b") {
		return k.st.Render(s)
	}
	return k.on + s + k.off
}

// walkPens are the styles the walk's item draws on every key, as pens.
type walkPens struct {
	area, subtle, statement pen
	answers, answersStrong  map[checklist.Answer]pen
}

// walk returns the walk's pens, made from the styles on the first call:
// testing each style takes a hundred Renders, which the start screen, drawn
// before anyone opens the walk, should not wait for. The styles are
// replaced whole when the colours change (Model.restyle), and their pens
// with them.
func (s *Styles) walk() *walkPens {
	if s.pens == nil {
		p := walkPens{area: penOf(s.Area), subtle: penOf(s.Subtle), statement: penOf(s.Statement),
			answers: map[checklist.Answer]pen{}, answersStrong: map[checklist.Answer]pen{}}
		for a, st := range s.Answers {
			p.answers[a] = penOf(st)
		}
		for a, st := range s.AnswersStrong {
			p.answersStrong[a] = penOf(st)
		}
		s.pens = &p
	}
	return s.pens
}
