package tui

import (
	"fmt"
	"image/color"
	"math"
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// xterm16 is the RGB of the 16 ANSI colours in xterm's default palette.
var xterm16 = [16]color.RGBA{
	{0, 0, 0, 255}, {205, 0, 0, 255}, {0, 205, 0, 255}, {205, 205, 0, 255},
	{0, 0, 238, 255}, {205, 0, 205, 255}, {0, 205, 205, 255}, {229, 229, 229, 255},
	{127, 127, 127, 255}, {255, 0, 0, 255}, {0, 255, 0, 255}, {255, 255, 0, 255},
	{92, 92, 255, 255}, {255, 0, 255, 255}, {0, 255, 255, 255}, {255, 255, 255, 255},
}

// campbell16 is Windows Terminal's default scheme (Campbell), dark.
var campbell16 = [16]color.RGBA{
	{12, 12, 12, 255}, {197, 15, 31, 255}, {19, 161, 14, 255}, {193, 156, 0, 255},
	{0, 55, 218, 255}, {136, 23, 152, 255}, {58, 150, 221, 255}, {204, 204, 204, 255},
	{118, 118, 118, 255}, {231, 72, 86, 255}, {22, 198, 12, 255}, {249, 241, 165, 255},
	{59, 120, 255, 255}, {180, 0, 158, 255}, {97, 214, 214, 255}, {242, 242, 242, 255},
}

// terminal is a background the styles are checked on: its 16 ANSI
// colours, its ground and its own text colour.
type terminal struct {
	name   string
	ansi16 *[16]color.RGBA
	bg, fg color.Color
}

// terminals are the grounds the styles are checked on. A 16-colour
// terminal's theme decides the RGB of its colours: the test takes xterm's
// default palette (black and white grounds), the one the 16-colour palette
// was chosen on, and Windows Terminal's default dark scheme. For 256 and
// true colour, black and white and a near-black and near-white theme.
func terminals(p colorprofile.Profile, isDark bool) []terminal {
	rgb := func(r, g, b uint8) color.Color { return color.RGBA{r, g, b, 255} }
	switch {
	case p == colorprofile.ANSI && isDark:
		return []terminal{{"xterm", &xterm16, xterm16[0], xterm16[7]}, {"Windows Terminal", &campbell16, campbell16[0], campbell16[7]}}
	case p == colorprofile.ANSI:
		return []terminal{{"xterm", &xterm16, xterm16[15], xterm16[0]}}
	case isDark:
		return []terminal{{"black", &xterm16, rgb(0, 0, 0), rgb(0xe5, 0xe5, 0xe5)}, {"#1e1e1e", &xterm16, rgb(0x1e, 0x1e, 0x1e), rgb(0xe5, 0xe5, 0xe5)}}
	}
	return []terminal{{"white", &xterm16, rgb(255, 255, 255), rgb(0x1a, 0x1a, 0x1a)}, {"#f5f5f5", &xterm16, rgb(0xf5, 0xf5, 0xf5), rgb(0x1a, 0x1a, 0x1a)}}
}

// rgbOf resolves a colour as the terminal shows it: the 16 ANSI colours
// through its palette, the others as they are (16–255 are fixed).
func (t terminal) rgbOf(c color.Color) color.Color {
	switch c := c.(type) {
	case ansi.BasicColor:
		return t.ansi16[c]
	case ansi.IndexedColor:
		if c < 16 {
			return t.ansi16[c]
		}
	}
	return c
}

// luminance is the WCAG relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours (1 to 21).
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastFormula(t *testing.T) {
	for _, tc := range []struct {
		a, b color.Color
		want float64
	}{
		{color.Black, color.White, 21},
		{color.White, color.White, 1},
		{color.RGBA{0x76, 0x76, 0x76, 255}, color.White, 4.54}, // the WCAG example grey
		{xterm16[0], xterm16[15], 21},
	} {
		if got := contrast(tc.a, tc.b); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.2f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

// namedStyles lists every lipgloss.Style in st by field name, including
// those in maps and in the help styles.
func namedStyles(st Styles) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	var walk func(prefix string, v reflect.Value)
	walk = func(prefix string, v reflect.Value) {
		switch {
		case v.Type() == reflect.TypeOf(lipgloss.Style{}):
			out[prefix] = v.Interface().(lipgloss.Style)
		case v.Kind() == reflect.Struct:
			for i := range v.NumField() {
				// Unexported fields (the pens) hold copies of the
				// exported styles.
				if v.Type().Field(i).IsExported() {
					walk(prefix+"."+v.Type().Field(i).Name, v.Field(i))
				}
			}
		case v.Kind() == reflect.Map:
			for _, k := range v.MapKeys() {
				walk(fmt.Sprintf("%s[%v]", prefix, k.Interface()), v.MapIndex(k))
			}
		}
	}
	walk("Styles", reflect.ValueOf(st))
	return out
}

// TestPaletteContrast computes the contrast of every foreground and
// background pair the styles draw text with, in each colour profile on a
// dark and a light background, and fails under 4.5:1 (WCAG AA for text).
// A style without a background is checked on each of the terminals'
// grounds (terminals); a reversed style with its colours swapped; in 16
// colours, bold text in colours 0–7 as the bright colour the terminal
// draws it in. Box frames text but draws only its border in colour, so it
// is left out.
func TestPaletteContrast(t *testing.T) {
	none := func(c color.Color) bool { _, ok := c.(lipgloss.NoColor); return c == nil || ok }
	for _, p := range []colorprofile.Profile{colorprofile.ANSI, colorprofile.ANSI256, colorprofile.TrueColor} {
		for _, dark := range []bool{true, false} {
			styles := namedStyles(NewStyles(p, dark))
			if len(styles) < 20 {
				t.Fatalf("only %d styles found; the walk over Styles misses some", len(styles))
			}
			for _, term := range terminals(p, dark) {
				for name, s := range styles {
					if name == "Styles.Box" {
						continue
					}
					f, b := s.GetForeground(), s.GetBackground()
					if none(f) && none(b) && !s.GetReverse() {
						continue // the terminal's own colours
					}
					if none(f) {
						f = term.fg
					} else if c, ok := f.(ansi.BasicColor); ok && p == colorprofile.ANSI && s.GetBold() && c < 8 {
						// xterm and Windows Terminal draw bold text in
						// colours 0–7 in their bright forms.
						f = c + 8
					}
					if none(b) {
						b = term.bg
					}
					if s.GetReverse() {
						f, b = b, f
					}
					f, b = term.rgbOf(f), term.rgbOf(b)
					if r := contrast(f, b); r < 4.5 {
						t.Errorf("%v dark=%v on %s: %s has contrast %.2f:1 (%v on %v), under 4.5:1", p, dark, term.name, name, r, f, b)
					}
				}
			}
		}
	}
}

// TestRiskLevelsDiffer checks that the four risk levels have four
// different looks in every profile, and four different letters.
func TestRiskLevelsDiffer(t *testing.T) {
	for _, p := range []colorprofile.Profile{colorprofile.ANSI, colorprofile.ANSI256, colorprofile.TrueColor} {
		for _, dark := range []bool{true, false} {
			st := NewStyles(p, dark)
			seen := map[string]string{}
			for l := checklist.Lag; l <= checklist.MycketHog; l++ {
				look := st.Levels[l].Render("x")
				if other, ok := seen[look]; ok {
					t.Errorf("%v dark=%v: %v looks like %s", p, dark, l, other)
				}
				seen[look] = l.String()
			}
		}
	}
	marks := map[string]bool{}
	for l := checklist.Lag; l <= checklist.MycketHog; l++ {
		marks[levelMark(l, checklist.Swedish)] = true
	}
	if len(marks) != 4 {
		t.Errorf("the level letters are not four different ones: %v", marks)
	}
}
