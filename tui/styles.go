package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"samkoll/checklist"
)

// Styles is every style the app uses, built for one background. Screens
// read it through shared and never build colours themselves.
type Styles struct {
	// Title is a screen's heading; Area the area name above a statement.
	Title, Area lipgloss.Style
	// Subtle is secondary text; Hint a privacy or usage hint.
	Subtle, Hint lipgloss.Style
	// Statement is the walk's statement; Present its presentation-mode form.
	Statement, Present lipgloss.Style
	// Selected marks the cursor row; Label a form label; Focused a focused
	// form label.
	Selected, Label, Focused lipgloss.Style
	// Error, Warning and Info colour status lines and inline messages.
	Error, Warning, Info lipgloss.Style
	// Overdue marks overdue actions; Serious an allvarlig risk.
	Overdue, Serious lipgloss.Style
	// Answers colours each answer label, by checklist.Answer.
	Answers map[checklist.Answer]lipgloss.Style
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
}

// NewStyles builds the styles for a dark or light background from a few
// semantic colours.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		fg      = ld(lipgloss.Color("#1a1a1a"), lipgloss.Color("#f2f2f2"))
		subtle  = ld(lipgloss.Color("#5c5c5c"), lipgloss.Color("#a8a8a8"))
		accent  = ld(lipgloss.Color("#005f87"), lipgloss.Color("#5fafff"))
		good    = ld(lipgloss.Color("#006b2d"), lipgloss.Color("#5fd787"))
		warn    = ld(lipgloss.Color("#8a5a00"), lipgloss.Color("#ffd75f"))
		bad     = ld(lipgloss.Color("#b00020"), lipgloss.Color("#ff6b6b"))
		orange  = ld(lipgloss.Color("#a23b00"), lipgloss.Color("#ff9f5f"))
		selBg   = ld(lipgloss.Color("#dbe9f4"), lipgloss.Color("#2a3f55"))
		empty   = ld(lipgloss.Color("#d0d0d0"), lipgloss.Color("#444444"))
		neutral = ld(lipgloss.Color("#7a7a7a"), lipgloss.Color("#8a8a8a"))
	)
	s := lipgloss.NewStyle()
	hs := help.DefaultStyles(isDark)
	hs.ShortKey = hs.ShortKey.Foreground(accent).Bold(true)
	hs.FullKey = hs.FullKey.Foreground(accent).Bold(true)
	hs.ShortDesc = hs.ShortDesc.Foreground(subtle)
	hs.FullDesc = hs.FullDesc.Foreground(subtle)
	return Styles{
		Title:     s.Bold(true).Foreground(accent),
		Area:      s.Bold(true).Foreground(accent),
		Subtle:    s.Foreground(subtle),
		Hint:      s.Italic(true).Foreground(subtle),
		Statement: s.Bold(true).Foreground(fg),
		Present:   s.Bold(true).Foreground(ld(lipgloss.Color("#000000"), lipgloss.Color("#ffffff"))),
		Selected:  s.Bold(true).Foreground(fg).Background(selBg),
		Label:     s.Foreground(subtle),
		Focused:   s.Bold(true).Foreground(accent),
		Error:     s.Bold(true).Foreground(bad),
		Warning:   s.Bold(true).Foreground(warn),
		Info:      s.Foreground(good),
		Overdue:   s.Bold(true).Foreground(bad),
		Serious:   s.Bold(true).Foreground(bad),
		Answers: map[checklist.Answer]lipgloss.Style{
			checklist.Unanswered: s.Foreground(subtle),
			checklist.Ja:         s.Foreground(good),
			checklist.Delvis:     s.Foreground(warn),
			checklist.Nej:        s.Foreground(bad),
			checklist.EjAktuellt: s.Foreground(neutral),
		},
		Levels: map[checklist.Level]lipgloss.Style{
			checklist.NoLevel:   s.Foreground(subtle),
			checklist.Lag:       s.Foreground(good),
			checklist.Medel:     s.Foreground(warn),
			checklist.Hog:       s.Bold(true).Foreground(orange),
			checklist.MycketHog: s.Bold(true).Foreground(bad),
		},
		Cell:          s.Foreground(subtle),
		MarkedCell:    s.Bold(true).Reverse(true),
		Box:           s.Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Help:          hs,
		ProgressFull:  accent,
		ProgressEmpty: empty,
	}
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
