package tui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// Styles is every style the app uses, built for one background. Screens
// read it through shared and never build colours themselves.
type Styles struct {
	// Title is a screen's heading; Area the area name above a statement.
	Title, Area lipgloss.Style
	// Subtle is secondary text; Hint a privacy or usage hint, and a text
	// field's placeholder (italic, so it never reads as typed text where
	// secondary text has the text colour, on a light 16-colour terminal).
	Subtle, Hint lipgloss.Style
	// Statement is the walk's statement; Present its presentation-mode form.
	Statement, Present lipgloss.Style
	// Strong is emphasised body text, such as a total row.
	Strong lipgloss.Style
	// Selected marks the cursor row; Label a form label; Focused a focused
	// form label.
	Selected, Label, Focused lipgloss.Style
	// Error, Warning and Info colour status lines and inline messages.
	Error, Warning, Info lipgloss.Style
	// Overdue marks overdue actions; Serious an allvarlig risk.
	Overdue, Serious lipgloss.Style
	// Answers colours each answer label, by checklist.Answer; AnswersStrong
	// is its emphasised form, for the answer given.
	Answers, AnswersStrong map[checklist.Answer]lipgloss.Style
	// Levels colours each risk level, by checklist.Level.
	Levels map[checklist.Level]lipgloss.Style
	// Cell is a matrix cell; MarkedCell the chosen one.
	Cell, MarkedCell lipgloss.Style
	// Box frames a panel such as a confirmation.
	Box lipgloss.Style
	// Help styles the bubbles help in the footer.
	Help help.Styles
	// ProgressFull and ProgressEmpty colour the progress bar; nil when
	// there is no colour.
	ProgressFull, ProgressEmpty color.Color
	// pens holds the styles the walk's item draws with on every key as
	// pens (pen.go), made on the first call of walk.
	pens *walkPens
}

// NewStyles builds the styles for a colour profile (16 colours, 256 or
// true colour) on a dark or light background from its palette
// (palette.go). Profiles without colour get PlainStyles.
func NewStyles(p colorprofile.Profile, isDark bool) Styles {
	if p == colorprofile.NoTTY || p == colorprofile.ASCII {
		return PlainStyles()
	}
	c := paletteFor(p, isDark)
	s := lipgloss.NewStyle()
	// fg is a text colour, or the terminal's own where the palette leaves
	// it (nil).
	fg := func(st lipgloss.Style, col color.Color) lipgloss.Style {
		if col == nil {
			return st
		}
		return st.Foreground(col)
	}
	// alarm is bold where the palette allows it (noBold).
	alarm := func(st lipgloss.Style) lipgloss.Style { return st.Bold(!c.noBold) }
	key := s.Foreground(c.accent).Bold(true)
	desc := fg(s, c.subtle)
	hs := help.Styles{ShortKey: key, FullKey: key, ShortDesc: desc, FullDesc: desc,
		ShortSeparator: desc, FullSeparator: desc, Ellipsis: desc}
	answers := map[checklist.Answer]lipgloss.Style{
		checklist.Unanswered: fg(s, c.subtle),
		checklist.Ja:         c.low.on(s),
		checklist.Delvis:     c.mid.on(s),
		checklist.Nej:        alarm(s.Foreground(c.bad)),
		checklist.EjAktuellt: fg(s, c.subtle),
	}
	strong := map[checklist.Answer]lipgloss.Style{}
	for a, st := range answers {
		strong[a] = st.Bold(true)
	}
	strong[checklist.Nej] = answers[checklist.Nej]
	return Styles{
		Title:         s.Bold(true).Foreground(c.accent),
		Area:          s.Bold(true).Foreground(c.accent),
		Subtle:        fg(s, c.subtle),
		Hint:          fg(s.Italic(true), c.subtle),
		Statement:     fg(s.Bold(true), c.fg),
		Present:       fg(s.Bold(true), c.strong),
		Strong:        fg(s.Bold(true), c.fg),
		Selected:      c.selected.on(s.Bold(true)),
		Label:         fg(s, c.subtle),
		Focused:       s.Bold(true).Foreground(c.accent),
		Error:         alarm(s.Foreground(c.bad)),
		Warning:       alarm(s.Foreground(c.warn)),
		Info:          s.Foreground(c.info),
		Overdue:       alarm(s.Foreground(c.bad)),
		Serious:       alarm(s.Foreground(c.bad)),
		Answers:       answers,
		AnswersStrong: strong,
		Levels: map[checklist.Level]lipgloss.Style{
			checklist.NoLevel:   fg(s, c.subtle),
			checklist.Lag:       c.low.on(s),
			checklist.Medel:     c.mid.on(s),
			checklist.Hog:       c.high.on(alarm(s)),
			checklist.MycketHog: c.veryHigh.on(s.Bold(true)),
		},
		Cell:          fg(s, c.subtle),
		MarkedCell:    s.Bold(true).Reverse(true),
		Box:           s.Border(lipgloss.RoundedBorder()).BorderForeground(c.accent).Padding(0, 1),
		Help:          hs,
		ProgressFull:  c.accent,
		ProgressEmpty: c.empty,
	}
}

// levelMark is the risk level in one or two letters, beside its colour
// so that the levels differ without colour too: L, M, H, MH (VH in
// English).
func levelMark(lv checklist.Level, lang checklist.Lang) string {
	switch lv {
	case checklist.Lag:
		return "L"
	case checklist.Medel:
		return "M"
	case checklist.Hog:
		return "H"
	case checklist.MycketHog:
		return checklist.Text{SV: "MH", EN: "VH"}.In(lang)
	}
	return ""
}

// PlainStyles builds styles without any colour, for NO_COLOR: emphasis by
// bold, underline and reverse only.
func PlainStyles() Styles {
	s := lipgloss.NewStyle()
	bold := s.Bold(true)
	return Styles{
		Title:     bold.Underline(true),
		Area:      bold,
		Subtle:    s,
		Hint:      s.Italic(true),
		Statement: bold,
		Present:   bold,
		Strong:    bold,
		Selected:  s.Reverse(true),
		Label:     s,
		Focused:   bold.Underline(true),
		Error:     bold,
		Warning:   bold,
		Info:      s,
		Overdue:   bold.Underline(true),
		Serious:   bold.Underline(true),
		Answers: map[checklist.Answer]lipgloss.Style{
			checklist.Unanswered: s, checklist.Ja: s, checklist.Delvis: bold,
			checklist.Nej: bold, checklist.EjAktuellt: s,
		},
		AnswersStrong: map[checklist.Answer]lipgloss.Style{
			checklist.Unanswered: bold, checklist.Ja: bold, checklist.Delvis: bold,
			checklist.Nej: bold, checklist.EjAktuellt: bold,
		},
		Levels: map[checklist.Level]lipgloss.Style{
			checklist.NoLevel: s, checklist.Lag: s, checklist.Medel: s,
			checklist.Hog: bold, checklist.MycketHog: bold.Underline(true),
		},
		Cell:       s,
		MarkedCell: bold.Reverse(true),
		Box:        s.Border(lipgloss.NormalBorder()).Padding(0, 1),
		Help: help.Styles{
			ShortKey: bold, FullKey: bold, ShortDesc: s, FullDesc: s,
			ShortSeparator: s, FullSeparator: s, Ellipsis: s,
		},
	}
}

// cursorMark marks the cursor row of every list, beside the Selected bar.
const cursorMark = ">"

// padLeft pads s on the left to w cells (numbers in a column).
func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) + s
}

// hang word-wraps s to width w with first before its first line and rest
// before the others (a hanging indent); a word longer than the line is
// broken.
func hang(s string, w int, first, rest string) []string {
	lw := max(w-max(ansi.StringWidth(first), ansi.StringWidth(rest)), 10)
	lines := strings.Split(ansi.Hardwrap(ansi.Wrap(s, lw, ""), lw, true), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	return lines
}

// fitWords cuts s to w cells at the end of a word, with "…" when cut, so
// that a hint or placeholder never stops mid-word.
func fitWords(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	cut := ansi.Truncate(s, max(w-1, 0), "")
	// Back to the last space, unless the cut falls at a word's end.
	if rest := s[len(cut):]; !strings.HasPrefix(rest, " ") && !strings.HasPrefix(rest, ",") {
		if i := strings.LastIndex(cut, " "); i > 0 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, " ,;:·–") + "…"
}
