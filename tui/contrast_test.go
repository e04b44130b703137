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
// A 16-colour terminal's theme decides these; the contrast test assumes
// xterm's, the one the 16-colour palette was chosen on.
var xterm16 = [16]color.RGBA{
	{0, 0, 0, 255}, {205, 0, 0, 255}, {0, 205, 0, 255}, {205, 205, 0, 255},
	{0, 0, 238, 255}, {205, 0, 205, 255}, {0, 205, 205, 255}, {229, 229, 229, 255},
	{127, 127, 127, 255}, {255, 0, 0, 255}, {0, 255, 0, 255}, {255, 255, 0, 255},
	{92, 92, 255, 255}, {255, 0, 255, 255}, {0, 255, 255, 255}, {255, 255, 255, 255},
}

// grounds are the terminal backgrounds (and their default text colour)
// the styles are checked on: for 16 colours xterm's black and white; for
// 256 and true colour also a near-black and a near-white theme.
func grounds(p colorprofile.Profile, isDark bool) (bgs []color.Color, fg color.Color) {
	switch {
	case p == colorprofile.ANSI && isDark:
		return []color.Color{xterm16[0]}, xterm16[7]
	case p == colorprofile.ANSI:
		return []color.Color{xterm16[15]}, xterm16[0]
	case isDark:
		return []color.Color{color.RGBA{0, 0, 0, 255}, color.RGBA{0x1e, 0x1e, 0x1e, 255}}, color.RGBA{0xe5, 0xe5, 0xe5, 255}
	}
	return []color.Color{color.RGBA{255, 255, 255, 255}, color.RGBA{0xf5, 0xf5, 0xf5, 255}}, color.RGBA{0x1a, 0x1a, 0x1a, 255}
}

// rgbOf resolves a colour as the terminal shows it: the 16 ANSI colours
// through xterm16, the others as they are (16–255 are fixed).
func rgbOf(c color.Color) color.Color {
	switch c := c.(type) {
	case ansi.BasicColor:
		return xterm16[c]
	case ansi.IndexedColor:
		if c < 16 {
			return xterm16[c]
		}
	}
	return c
}

// luminance is the WCAG relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := rgbOf(c).RGBA()
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
		{ansi.BasicColor(0), ansi.BasicColor(15), 21},
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
				walk(prefix+"."+v.Type().Field(i).Name, v.Field(i))
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
// A style without a background is checked on each of the terminal's
// assumed backgrounds (grounds); a reversed style with its colours
// swapped; in 16 colours, bold text in colours 0–7 as the bright colour
// xterm draws it in. Box frames text but draws only its border in colour, so it is
// left out.
func TestPaletteContrast(t *testing.T) {
	none := func(c color.Color) bool { _, ok := c.(lipgloss.NoColor); return c == nil || ok }
	for _, p := range []colorprofile.Profile{colorprofile.ANSI, colorprofile.ANSI256, colorprofile.TrueColor} {
		for _, dark := range []bool{true, false} {
			bgs, deffg := grounds(p, dark)
			styles := namedStyles(NewStyles(p, dark))
			if len(styles) < 20 {
				t.Fatalf("only %d styles found; the walk over Styles misses some", len(styles))
			}
			for name, s := range styles {
				if name == "Styles.Box" {
					continue
				}
				fg, bg := s.GetForeground(), s.GetBackground()
				if none(fg) && none(bg) && !s.GetReverse() {
					continue // the terminal's own colours
				}
				if none(fg) {
					fg = deffg
				} else if b, ok := fg.(ansi.BasicColor); ok && p == colorprofile.ANSI && s.GetBold() && b < 8 {
					// xterm draws bold text in colours 0–7 in their
					// bright forms (boldColors, on by default).
					fg = b + 8
				}
				for _, ground := range bgs {
					f, b := fg, bg
					if none(b) {
						b = ground
					}
					if s.GetReverse() {
						f, b = b, f
					}
					if r := contrast(f, b); r < 4.5 {
						t.Errorf("%v dark=%v: %s has contrast %.2f:1 (%v on %v), under 4.5:1", p, dark, name, r, rgbOf(f), rgbOf(b))
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
