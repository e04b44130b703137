package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// wideUnits are unit names with wide characters, emoji (one of them a
// sequence joined by zero-width joiners) and combining marks.
var wideUnits = []string{"Kök 食堂 ☕", "Avd 👩‍⚕️ 12", "Café e\u0301", "ｗｉｄｅ ｗａｒｄ"}

// TestWideTextLinesUp shows units with wide characters and emoji in the
// start screen's list and in the new assessment's unit field: the columns
// after the unit start in the same cell on every row, and the field's text
// ends where the cursor is.
func TestWideTextLinesUp(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			fs := newFakeStore()
			for _, u := range wideUnits {
				seed(t, fs, u, testToday, 1)
			}
			d := newDriver(t, fs)
			d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			d.send(resumedMsg{})
			list := d.view()
			checkFits(t, list, size[0], size[1])
			col := -1
			for _, line := range strings.Split(list, "\n") {
				i := strings.Index(line, testToday.String())
				if i < 0 {
					continue
				}
				if c := ansi.StringWidth(line[:i]); col < 0 {
					col = c
				} else if c != col {
					t.Errorf("the date starts in cell %d, not %d, in %q", c, col, line)
				}
			}
			if col < 0 {
				t.Fatalf("no rows:\n%s", list)
			}

			d.keys("n")
			d.typeText("食堂 ☕ 👩‍⚕️ ｗｉｄｅ och mer text än fältet rymmer")
			form := d.view()
			checkFits(t, form, size[0], size[1])
			golden.RequireEqual(t, []byte(list+"\n----\n"+form))
		})
	}
}
