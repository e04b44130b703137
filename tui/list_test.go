package tui

import (
	"fmt"
	"strings"
	"testing"

	"samkoll/checklist"
)

// TestListWindow drives a list of 20 rows, 5 shown, where rows 0 and 10
// are headings, with the list keys, and checks the cursor and the window
// after each key.
func TestListWindow(t *testing.T) {
	for _, tc := range []struct {
		keys           []string
		cursor, offset int
	}{
		{nil, 1, 0},
		{[]string{"up"}, 1, 0},
		{[]string{"down", "down", "down", "down"}, 5, 1},
		{[]string{"end"}, 19, 15},
		{[]string{"end", "home"}, 1, 0},
		{[]string{"pgdown"}, 5, 1},
		{[]string{"pgdown", "pgdown"}, 9, 5},
		{[]string{"pgdown", "pgdown", "down"}, 11, 7},
		// Up onto the first row of a group shows its heading too.
		{[]string{"end", "up", "up", "up", "up", "up", "up", "up", "up"}, 11, 10},
		{[]string{"end", "pgup", "pgup", "pgup"}, 7, 7},
		{[]string{"k", "j", "j"}, 3, 0},
	} {
		t.Run(strings.Join(tc.keys, ","), func(t *testing.T) {
			l := newListWindow(DefaultKeyMap(checklist.Swedish).List, func(i int, selected bool) string {
				if selected {
					return fmt.Sprintf("> %d", i)
				}
				return fmt.Sprint(i)
			})
			l.heading = func(i int) bool { return i == 0 || i == 10 }
			l.SetSize(20, 5)
			l.SetLen(20)
			l.Select(0)
			for _, k := range tc.keys {
				l, _ = l.Update(keyMsg(k))
			}
			if l.Cursor() != tc.cursor || l.Offset() != tc.offset {
				t.Fatalf("cursor %d offset %d, want %d %d", l.Cursor(), l.Offset(), tc.cursor, tc.offset)
			}
			lines := l.Lines()
			if len(lines) != 5 || lines[tc.cursor-tc.offset] != fmt.Sprintf("> %d", tc.cursor) {
				t.Fatalf("window %q does not show the cursor row %d", lines, tc.cursor)
			}
		})
	}
}

// TestListWindowShrinks checks that the cursor stays in a list that gets
// shorter and that rows are cut to the width in cells.
func TestListWindowShrinks(t *testing.T) {
	l := newListWindow(DefaultKeyMap(checklist.Swedish).List, func(i int, _ bool) string { return "ｗｉｄｅ 👩‍⚕️ rad" })
	l.SetSize(6, 3)
	l.SetLen(10)
	l, _ = l.Update(keyMsg("end"))
	l.SetLen(4)
	if l.Cursor() != 3 || l.Offset() != 1 {
		t.Fatalf("cursor %d offset %d after shrinking, want 3 1", l.Cursor(), l.Offset())
	}
	l.SetLen(0)
	if l.Cursor() != 0 || len(l.Lines()) != 0 {
		t.Fatalf("empty list: cursor %d, lines %q", l.Cursor(), l.Lines())
	}
	l.SetLen(1)
	checkFits(t, l.View(), 6, 3)
}

// TestOverviewJumpsAndCloses opens the overview, moves through all areas
// and jumps to an item; back closes it where the walk was.
func TestOverviewJumpsAndCloses(t *testing.T) {
	fs := newFakeStore()
	seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter", "o", "down", "esc")
	w := d.walk()
	if w.ov != nil || w.idx != 0 {
		t.Fatalf("esc: overview open %v, idx %d", w.ov != nil, w.idx)
	}
	d.keys("o", "down", "enter")
	if w.ov != nil || w.idx != 1 {
		t.Fatalf("down, enter: idx %d, want 1", w.idx)
	}
	// The area has three items; all areas shows the two of disk after it.
	d.keys("o", "end")
	if got := w.ov.current(); got != 2 {
		t.Fatalf("end in the area went to item %d, want 2", got)
	}
	d.keys("tab", "end", "enter")
	if wi := w.items[w.idx]; wi.area.ID != "disk" || wi.item.ID != "p2" {
		t.Fatalf("jumped to %s/%s, want disk/p2", wi.area.ID, wi.item.ID)
	}
	d.keys("o", "tab", "home")
	if !strings.Contains(d.view(), ">  1. Ej besvarad") || !strings.Contains(d.view(), "Kränkande särbehandling") {
		t.Fatalf("home does not show the first item under its heading:\n%s", d.view())
	}
}
