package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// ink is a text colour, on a ground of its own when bg is set (a badge).
type ink struct{ fg, bg color.Color }

// on applies the ink to s.
func (k ink) on(s lipgloss.Style) lipgloss.Style {
	if k.fg != nil {
		s = s.Foreground(k.fg)
	}
	if k.bg != nil {
		s = s.Background(k.bg)
	}
	return s
}

// palette is the colours of one colour profile on one background, chosen
// by hand for that pair: every text colour reaches a contrast of 4.5:1
// against the background it is drawn on (TestPaletteContrast computes it).
// Risk levels differ in hue and weight, and the very high level and, where
// no text colour reads on a light ground, the low and middle levels are
// badges: dark or white text on a coloured ground.
type palette struct {
	fg, strong, subtle, accent color.Color
	info, warn, bad            color.Color
	selected                   ink
	low, mid, high, veryHigh   ink
	// empty is the unfilled part of the progress bar (not text).
	empty color.Color
	// noBold keeps the warning colours (bad, warn, high) out of bold:
	// xterm and others draw bold text in colours 0–7 in their bright
	// forms (boldColors), and bright red and magenta are unreadable on
	// white.
	noBold bool
}

// c16 is one of the 16 ANSI colours; the terminal's theme decides its RGB.
func c16(i int) color.Color { return ansi.BasicColor(i) }

// c256 is one of the 256 indexed colours (16–255 are the same everywhere).
func c256(i int) color.Color { return ansi.IndexedColor(i) }

// hex is a true colour.
func hex(s string) color.Color { return lipgloss.Color(s) }

// paletteFor returns the palette for a colour profile and background.
// Unknown counts as true colour (the profile arrives after the first
// frame); the profiles without colour use PlainStyles instead.
func paletteFor(p colorprofile.Profile, isDark bool) palette {
	switch {
	case p == colorprofile.ANSI && isDark:
		// 16 colours on a dark ground: the bright colours, since the
		// normal red, blue and magenta are too dark on black. Magenta is
		// too dark in Windows Terminal's scheme, so high is bright red
		// text and very high white on red.
		return palette{
			fg: c16(15), strong: c16(15), subtle: c16(7), accent: c16(14),
			info: c16(10), warn: c16(11), bad: c16(9),
			selected: ink{c16(15), c16(4)},
			low:      ink{fg: c16(10)}, mid: ink{fg: c16(11)}, high: ink{fg: c16(9)},
			veryHigh: ink{c16(15), c16(1)},
			empty:    c16(8),
		}
	case p == colorprofile.ANSI:
		// 16 colours on a light ground: green, yellow, cyan and the grey
		// are unreadable as text on white, so secondary text is in the
		// terminal's own (dark) text colour too, and the low and middle
		// levels are that colour on green and yellow. Black is left to
		// the terminal (nil): an explicit black in bold is drawn grey.
		return palette{
			accent: c16(4),
			info:   c16(4), warn: c16(5), bad: c16(1),
			selected: ink{c16(15), c16(4)},
			low:      ink{bg: c16(10)}, mid: ink{bg: c16(11)}, high: ink{fg: c16(1)},
			veryHigh: ink{c16(15), c16(1)},
			empty:    c16(8),
			noBold:   true,
		}
	case p == colorprofile.ANSI256 && isDark:
		return palette{
			fg: c256(255), strong: c256(231), subtle: c256(248), accent: c256(75),
			info: c256(78), warn: c256(221), bad: c256(203),
			selected: ink{c256(255), c256(24)},
			low:      ink{fg: c256(78)}, mid: ink{fg: c256(221)}, high: ink{fg: c256(209)},
			veryHigh: ink{c256(231), c256(160)},
			empty:    c256(238),
		}
	case p == colorprofile.ANSI256:
		return palette{
			fg: c256(234), strong: c256(16), subtle: c256(240), accent: c256(24),
			info: c256(22), warn: c256(94), bad: c256(124),
			selected: ink{c256(234), c256(153)},
			low:      ink{fg: c256(22)}, mid: ink{c256(234), c256(220)}, high: ink{fg: c256(94)},
			veryHigh: ink{c256(231), c256(160)},
			empty:    c256(252),
		}
	case isDark:
		return palette{
			fg: hex("#f2f2f2"), strong: hex("#ffffff"), subtle: hex("#a8a8a8"), accent: hex("#5fafff"),
			info: hex("#5fd787"), warn: hex("#ffd75f"), bad: hex("#ff6b6b"),
			selected: ink{hex("#f2f2f2"), hex("#2a3f55")},
			low:      ink{fg: hex("#5fd787")}, mid: ink{fg: hex("#ffd75f")}, high: ink{fg: hex("#ff9f5f")},
			veryHigh: ink{hex("#ffffff"), hex("#b00020")},
			empty:    hex("#444444"),
		}
	}
	return palette{
		fg: hex("#1a1a1a"), strong: hex("#000000"), subtle: hex("#5c5c5c"), accent: hex("#005f87"),
		info: hex("#006b2d"), warn: hex("#8a5a00"), bad: hex("#b00020"),
		selected: ink{hex("#1a1a1a"), hex("#dbe9f4")},
		low:      ink{fg: hex("#006b2d")}, mid: ink{hex("#1a1a1a"), hex("#ffd75f")}, high: ink{fg: hex("#a23b00")},
		veryHigh: ink{hex("#ffffff"), hex("#b00020")},
		empty:    hex("#d0d0d0"),
	}
}
