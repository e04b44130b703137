package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// TestCommentWrapsOverLines: a long comment shows whole over several
// lines while it is typed, cleaned by the one sanitizer; enter saves it as
// one paragraph.
func TestCommentWrapsOverLines(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter", "c")
	words := strings.Repeat("rutinen finns men ingen vet var den ligger ", 4)
	d.typeText(words)
	d.send(tea.PasteMsg{Content: "rad ett\r\nrad\ttvå \x1b]52;c;aGVq\x07\u202eslut"})
	v := d.view()
	lines := 0
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "rutinen finns") {
			lines++
		}
	}
	if lines < 2 {
		t.Fatalf("the comment is not wrapped over lines:\n%s", v)
	}
	d.keys("enter")
	want := words + "rad ett rad två slut"
	if got := fs.response(a.ID, "krank", "p1").Comment; got != strings.TrimSpace(want) {
		t.Fatalf("saved %q, want %q", got, strings.TrimSpace(want))
	}
}

// TestGoldenCommentLong: a long comment in the area at 80×24 and 40×12.
func TestGoldenCommentLong(t *testing.T) {
	goldenViews(t, func(d *driver) {
		seed(t, d.store, "Avdelning 12", testToday, 0)
		d.send(resumedMsg{})
		d.keys("enter", "c")
		d.typeText(strings.Repeat("Rutinen för ensamarbete finns men är okänd. ", 5))
	})
}

// TestLongPasteIsCutAndSaid: a paste longer than the field is cut to its
// limit, and both the field and the status line after the save say so, in
// the chosen language.
func TestLongPasteIsCutAndSaid(t *testing.T) {
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		t.Run(string(lang), func(t *testing.T) {
			fs := newFakeStore()
			a := seed(t, fs, "Avd 1", testToday, 0)
			d := newLangDriver(t, fs, lang)
			d.keys("enter", "c")
			d.send(tea.PasteMsg{Content: strings.Repeat("a", 1<<20)})
			want := map[checklist.Lang]string{checklist.Swedish: "Texten kortades till 500 tecken",
				checklist.English: "The text was cut to 500 characters"}[lang]
			if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, want) {
				t.Fatalf("the field does not say the text was cut:\n%s", d.view())
			}
			d.keys("enter")
			if got := fs.response(a.ID, "krank", "p1").Comment; utf8.RuneCountInString(got) != 500 {
				t.Fatalf("saved %d characters, want 500", utf8.RuneCountInString(got))
			}
			if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, want) {
				t.Fatalf("after the save nothing says the text was cut:\n%s", d.view())
			}
		})
	}
}

// TestActionFieldCutIsSaid: the action form says so when its text is cut,
// and so does the plan after the save.
func TestActionFieldCutIsSaid(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.send(openMsg{to: planScreenID, id: a.ID})
	d.keys("a")
	d.send(tea.PasteMsg{Content: strings.Repeat("b", 400)})
	if !strings.Contains(d.view(), "Texten kortades till 300 tecken") {
		t.Fatalf("the form does not say the text was cut:\n%s", d.view())
	}
	d.keys("tab")
	d.typeText("chef")
	d.keys("tab")
	d.typeText("2026-04-30")
	d.keys("enter")
	if len(fs.actions) != 1 {
		t.Fatalf("%d actions", len(fs.actions))
	}
	if !strings.Contains(d.view(), "Texten kortades till 300 tecken") {
		t.Fatalf("after the save nothing says the text was cut:\n%s", d.view())
	}
}

// TestTypingAtLimitIsSaid: a key typed into a full field is refused, and
// the field says why.
func TestTypingAtLimitIsSaid(t *testing.T) {
	fs := newFakeStore()
	d := newDriver(t, fs)
	d.keys("n")
	d.typeText(strings.Repeat("x", 80))
	if strings.Contains(d.view(), "kortades") {
		t.Fatalf("a full field that took every key says it cut:\n%s", d.view())
	}
	d.typeText("y")
	if !strings.Contains(d.view(), "Texten kortades till 80 tecken") {
		t.Fatalf("the key past the limit was dropped without a word:\n%s", d.view())
	}
}

// TestWideTextInCommentArea: a comment with wide characters and emoji
// wraps in the area without a line passing the window's width.
func TestWideTextInCommentArea(t *testing.T) {
	goldenViews(t, func(d *driver) {
		seed(t, d.store, "Avdelning 12", testToday, 0)
		d.send(resumedMsg{})
		d.keys("enter", "c")
		d.typeText(strings.Repeat("食堂 ☕ 👩‍⚕️ ｗｉｄｅ text ", 6))
	})
}

// TestActionWhatWraps: a long measure in the action form shows over
// several lines under its label, within the width, and is saved whole.
func TestActionWhatWraps(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.send(openMsg{to: planScreenID, id: a.ID})
	d.keys("a")
	what := strings.TrimSpace(strings.Repeat("Gå igenom rutinen för ensamarbete med alla i gruppen. ", 3))
	d.typeText(what)
	v := d.view()
	checkFits(t, v, 80, 24)
	n := 0
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "rutinen för ensamarbete") {
			n++
		}
	}
	if n < 2 || !strings.Contains(flat(v), "med alla i gruppen.") {
		t.Fatalf("the measure does not wrap whole under its label:\n%s", v)
	}
	d.keys("tab")
	d.typeText("chef")
	d.keys("tab")
	d.typeText("2026-04-30")
	d.keys("enter")
	for _, ac := range fs.actions {
		if ac.What != what {
			t.Fatalf("saved %q, want %q", ac.What, what)
		}
	}
	if len(fs.actions) != 1 {
		t.Fatalf("%d actions", len(fs.actions))
	}
}

// TestAreaCursorStaysOnResize: a resize (or a message that changes the
// layout) while a comment is edited in its middle leaves the cursor there.
func TestAreaCursorStaysOnResize(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.keys("enter", "c")
	d.typeText("abcdef")
	d.keys("left", "left", "left")
	d.send(tea.WindowSizeMsg{Width: 70, Height: 20})
	d.typeText("X")
	d.keys("enter")
	if got := fs.response(a.ID, "krank", "p1").Comment; got != "abcXdef" {
		t.Fatalf("saved %q, want %q", got, "abcXdef")
	}
}
