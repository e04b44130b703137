package tui

import (
	"image/color"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// TestFooterWidthAddsUp checks what the footer relies on to draw its row
// once: the width help's short view gives a row is the sum of its shown
// keys' widths and one separator between each two, in every style set.
func TestFooterWidthAddsUp(t *testing.T) {
	var all []key.Binding
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		all = append(all, bindingsOf(reflect.ValueOf(DefaultKeyMap(lang)))...)
	}
	if len(all) < 40 {
		t.Fatalf("found %d key bindings in the KeyMaps", len(all))
	}
	all = append(all, key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "av"), key.WithDisabled()),
		key.NewBinding(key.WithKeys("å"), key.WithHelp("å", "")))
	rng := rand.New(rand.NewPCG(1, 2))
	for _, st := range []Styles{PlainStyles(), NewStyles(colorprofile.ANSI, true), NewStyles(colorprofile.TrueColor, false)} {
		h := help.New()
		h.Styles = st.Help
		sep := ansi.StringWidth(h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator))
		for range 300 {
			row := make([]key.Binding, 1+rng.IntN(9))
			var w rowWidth
			for i := range row {
				row[i] = all[rng.IntN(len(all))]
				w.add(helpItemWidth(row[i]))
			}
			if got, want := w.cells(sep), ansi.StringWidth(h.ShortHelpView(row)); got != want {
				t.Fatalf("row %v: added up to %d cells, help draws %d", row, got, want)
			}
		}
	}
}

// bindingsOf returns every key.Binding in v, a KeyMap or a part of it.
func bindingsOf(v reflect.Value) []key.Binding {
	if b, ok := v.Interface().(key.Binding); ok {
		return []key.Binding{b}
	}
	var out []key.Binding
	if v.Kind() == reflect.Struct {
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = append(out, bindingsOf(v.Field(i))...)
			}
		}
	}
	return out
}

// TestFooterMemoDrawsTheRow checks the footer's memo against drawing the
// footer afresh: rows that repeat, change by one key, one key's help or
// enabled state, with the width and presentation mode changing between
// them, each give what drawFooter draws.
func TestFooterMemoDrawsTheRow(t *testing.T) {
	all := bindingsOf(reflect.ValueOf(DefaultKeyMap(checklist.Swedish)))
	rng := rand.New(rand.NewPCG(3, 4))
	fs := newFakeStore()
	m := New(Config{Store: fs, Catalog: testCatalog(t), Today: func() checklist.Date { return testToday }})
	d := attach(t, m, fs)
	d.send(tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	row := []key.Binding{all[0], all[1], all[2], m.sh.keys.Global.Help}
	for i := range 600 {
		switch rng.IntN(6) {
		case 0: // the same row again
		case 1:
			row[rng.IntN(len(row))] = all[rng.IntN(len(all))]
		case 2:
			j := rng.IntN(len(row))
			b := row[j]
			b.SetEnabled(!b.Enabled())
			row[j] = b
		case 3:
			j := rng.IntN(len(row))
			b := row[j]
			b.SetHelp(b.Help().Key, b.Help().Desc+"x")
			row[j] = b
		case 4:
			m.width = 30 + rng.IntN(60)
		case 5:
			m.sh.presenting = !m.sh.presenting
		}
		if got, want := m.footer(row), m.drawFooter(row); got != want {
			t.Fatalf("step %d: the memo gave %q, the footer is %q", i, got, want)
		}
	}
}

// TestFooterFollowsRestyle checks that the footer is drawn again in the
// new styles when the terminal's background changes, not kept from the
// memo.
func TestFooterFollowsRestyle(t *testing.T) {
	fs := newFakeStore()
	m := New(Config{Store: fs, Catalog: testCatalog(t), Today: func() checklist.Date { return testToday }})
	d := attach(t, m, fs)
	d.send(tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	footer := func() string {
		lines := strings.Split(m.View().Content, "\n")
		return lines[len(lines)-1]
	}
	d.send(tea.BackgroundColorMsg{Color: color.Black})
	dark := footer()
	d.send(tea.BackgroundColorMsg{Color: color.White})
	light := footer()
	if dark == light {
		t.Fatalf("the footer kept its dark colours on a light background: %q", light)
	}
	if want := m.footer(m.active().ShortHelp()); light != ansi.Truncate(want, m.width, "…") {
		t.Errorf("footer %q, want %q", light, want)
	}
}
