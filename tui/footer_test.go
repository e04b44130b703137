package tui

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
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
