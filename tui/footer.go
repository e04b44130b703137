package tui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The footer, and presentation mode.
//
// Presentation mode (p or F2) is for a projector: each main screen shows
// its essentials in bold, centred and spaced out, without the secondary
// lines, and the footer starts with a mark that the mode is on and keeps
// only the first keys. These are the helpers the screens share.

// presentKeys is how many of a screen's keys the footer keeps in
// presentation mode, besides ? and the mode's own key.
const presentKeys = 3

// centre centres each line on its own in w cells.
func centre(lines []string, w int) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = lipgloss.PlaceHorizontal(max(w, 1), lipgloss.Center, l)
	}
	return out
}

// centreBlock moves the lines right by one margin so that the widest is
// centred in w cells; columns within the block stay aligned.
func centreBlock(lines []string, w int) []string {
	widest := 0
	for _, l := range lines {
		widest = max(widest, ansi.StringWidth(l))
	}
	margin := strings.Repeat(" ", max((w-widest)/2, 0))
	out := make([]string, len(lines))
	for i, l := range lines {
		if l != "" {
			l = margin + l
		}
		out[i] = l
	}
	return out
}

// presentWidth is the width presentation mode wraps text to: narrower
// than the window, so that lines are short enough to read from the back.
func presentWidth(w int) int { return max(min(w-8, 64), 10) }

// presentFooter is the footer in presentation mode: the screen's first
// keys, and the key that leaves the mode, which the footer always keeps.
func (m *Model) presentFooter(keys []key.Binding) (first []key.Binding, leave key.Binding) {
	g := m.sh.keys.Global
	for _, b := range keys {
		if len(first) == presentKeys {
			break
		}
		if b.Enabled() && !slices.Equal(b.Keys(), g.Help.Keys()) {
			first = append(first, b)
		}
	}
	leave = g.Present
	if m.active().Inputting() {
		// p is typed: only F2 leaves.
		leave = g.PresentAlways
	}
	desc := m.sh.tr("avsluta presentation", "leave presentation")
	if m.width < 60 {
		desc = m.sh.tr("avsluta", "leave")
	}
	leave.SetHelp(leave.Help().Key, desc)
	return first, leave
}

// presentBadge is the mark that presentation mode is on.
func (m *Model) presentBadge() string {
	return m.sh.styles.Selected.Render(" " + m.sh.tr("PRESENTATION", "PRESENTATION") + " ")
}

// footer renders the keys that work now in one line, in the screen's
// order of importance: when they do not fit, the last ones go, and ? (all
// keys) stays at the end whenever it works (no text input has focus).
func (m *Model) footer(keys []key.Binding) string {
	k := m.footerKey(keys)
	if m.footerMemo.key != k || k == "" {
		m.footerMemo = footerMemo{key: k, out: m.drawFooter(keys)}
	}
	return m.footerMemo.out
}

// drawFooter draws the footer for footer.
func (m *Model) drawFooter(keys []key.Binding) string {
	g := m.sh.keys.Global
	width, badge := m.width, ""
	// tail is kept whatever else goes: the key that leaves presentation
	// mode, then ? (all keys).
	var tail []key.Binding
	if m.sh.presenting && m.keysHelp == nil {
		var leave key.Binding
		keys, leave = m.presentFooter(keys)
		tail = append(tail, leave)
		badge = m.presentBadge() + " "
		width -= ansi.StringWidth(badge)
	}
	var all *key.Binding
	kept := make([]key.Binding, 0, len(keys)+1)
	for _, b := range keys {
		if slices.Equal(b.Keys(), g.Help.Keys()) {
			all = &b
			continue
		}
		kept = append(kept, b)
	}
	if all == nil && m.keysHelp == nil && !m.active().Inputting() {
		all = &g.Help
	}
	h := m.help
	h.SetWidth(0)
	row := func() []key.Binding {
		r := append(slices.Clip(kept), tail...)
		if all == nil {
			return r
		}
		return append(r, *all)
	}
	// One key of the screen stays, unless the tail has to make room. The
	// row's width is added up from each key's, so that the row is drawn
	// once, not once for every key that goes (it was a third of the time
	// of an answer key).
	least := 1
	if len(tail) > 0 {
		least = 0
	}
	widths := make([]int, len(kept))
	for i, b := range kept {
		widths[i] = helpItemWidth(b)
	}
	fixed := slices.Clone(tail)
	if all != nil {
		fixed = append(fixed, *all)
	}
	var row0 rowWidth
	for _, b := range fixed {
		row0.add(helpItemWidth(b))
	}
	w := row0
	for _, x := range widths {
		w.add(x)
	}
	sep := lipgloss.Width(h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator))
	for len(kept) > least && w.cells(sep) > width {
		w.remove(widths[len(kept)-1])
		kept = kept[:len(kept)-1]
	}
	if all != nil && w.cells(sep) > width {
		// Narrow: ? alone, after the most important key.
		short := *all
		short.SetHelp(short.Help().Key, "")
		all = &short
	}
	return badge + h.ShortHelpView(row())
}

// footerMemo keeps the last footer drawn and what it was drawn from.
// Between two answer keys the footer rarely changes, and drawing it (the
// width of each key, then help's short view, which styles every key and
// separator) was a quarter of an answer key's View; restyle clears it.
type footerMemo struct {
	key, out string
}

// footerKey is what the footer depends on besides the styles and the
// language: the window's width, presentation mode, whether the keys
// overlay is open and a text field has focus, and each key's keys, help
// text and whether it is enabled.
func (m *Model) footerKey(keys []key.Binding) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(m.width))
	for _, on := range []bool{m.sh.presenting, m.keysHelp == nil, m.active().Inputting()} {
		if on {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	for _, k := range keys {
		hk := k.Help()
		b.WriteByte(0)
		if k.Enabled() {
			b.WriteByte('+')
		}
		b.WriteString(strings.Join(k.Keys(), "\x02"))
		b.WriteByte(1)
		b.WriteString(hk.Key)
		b.WriteByte(1)
		b.WriteString(hk.Desc)
	}
	return b.String()
}

// rowWidth adds up the width help's short view gives a row of keys: the
// shown keys' widths and one separator between each two.
type rowWidth struct{ sum, n int }

func (r *rowWidth) add(w int) {
	if w > 0 {
		r.sum, r.n = r.sum+w, r.n+1
	}
}

func (r *rowWidth) remove(w int) {
	if w > 0 {
		r.sum, r.n = r.sum-w, r.n-1
	}
}

func (r rowWidth) cells(sep int) int { return r.sum + sep*max(r.n-1, 0) }

// helpItemWidth is the width help's short view gives binding b, without
// a separator; 0 when b is disabled, which the view leaves out. The help
// styles only colour their text (TestFooterWidthAddsUp holds them to it),
// so the width is that of the text.
func helpItemWidth(b key.Binding) int {
	if !b.Enabled() {
		return 0
	}
	return ansi.StringWidth(b.Help().Key) + 1 + ansi.StringWidth(b.Help().Desc)
}
