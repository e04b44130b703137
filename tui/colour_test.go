package tui

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"samkoll/checklist"
)

// colourDriver is newDriver on a dark or light background, or without
// colour (NO_COLOR), at 80×24.
func colourDriver(t *testing.T, fs *fakeStore, variant string) *driver {
	t.Helper()
	m := New(Config{Store: fs, Exporter: &fakeExporter{}, Catalog: testCatalog(t), Lang: checklist.Swedish,
		Today: func() checklist.Date { return testToday }, NoColor: variant == "nocolor"})
	d := attach(t, m, fs)
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	bg := color.Color(color.Black)
	if variant == "light" {
		bg = color.White
	}
	d.send(tea.BackgroundColorMsg{Color: bg})
	return d
}

// TestColourGoldens keeps the colour codes of the screens where colour
// carries meaning: the risk matrix with a serious level, an item's answer
// and risk status, and the plan's serious and overdue rows. Each is taken
// on a dark and a light background and without colour; the three must
// differ, so that each golden can fail on its own.
func TestColourGoldens(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(d *driver, a checklist.Assessment)
	}{
		{"risk_matrix", func(d *driver, a checklist.Assessment) {
			d.send(openMsg{to: walkScreenID, id: a.ID})
			d.keys("3", "4", "3")
		}},
		{"item_status", func(d *driver, a checklist.Assessment) {
			d.send(openMsg{to: walkScreenID, id: a.ID})
			d.keys("3", "4", "4", "enter", "left")
		}},
		{"plan_serious", func(d *driver, a checklist.Assessment) {
			d.send(openMsg{to: walkScreenID, id: a.ID})
			d.keys("3", "4", "4", "enter", "q")
			d.send(openMsg{to: planScreenID, id: a.ID})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			views := map[string]string{}
			for _, variant := range []string{"dark", "light", "nocolor"} {
				t.Run(variant, func(t *testing.T) {
					fs := newFakeStore()
					a := seed(t, fs, "Avdelning 12", testToday, 0)
					if _, err := fs.SaveAction(t.Context(), checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, AreaID: "krank", ItemID: "p1",
						What: "Ta fram rutin", Who: "Chef", Due: testToday.AddDays(-3)}); err != nil {
						t.Fatal(err)
					}
					d := colourDriver(t, fs, variant)
					tc.open(d, a)
					out := d.m.View().Content
					checkFits(t, d.view(), 80, 24)
					views[variant] = out
					golden.RequireEqual(t, []byte(out))
				})
			}
			if views["dark"] == views["light"] || views["light"] == views["nocolor"] || views["dark"] == views["nocolor"] {
				t.Error("two colour variants render the same; their goldens cannot fail on their own")
			}
		})
	}
}
