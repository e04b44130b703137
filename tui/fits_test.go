package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFitsIn checks the frame's quick test of a line's width: it may say
// "measure" for a line that fits, never "fits" for one that does not.
func TestFitsIn(t *testing.T) {
	for _, c := range []struct {
		line string
		w    int
		want bool
	}{
		{"", 0, true},
		{"\x1b[31", 9, true}, // no more bytes than cells: fits whatever it is
		{"abc", 3, true},
		{"abcd", 3, false},
		{"\x1b[1;38;2;10;20;30mabc\x1b[0m", 3, true},
		{"\x1b[1mabcd\x1b[m", 3, false},
		{"åäö", 3, true}, // six bytes of three cells
		{"åäö", 2, false},
		{"§ 3 – ok… →│", 12, true}, // signs, punctuation, arrows, lines
		{"§ 3 – ok… →│", 11, false},
		{"→\ufe0f", 2, false},                              // an emoji selector: measured
		{"a\u0301", 2, false},                              // a combining accent: measured
		{"\u009b31m", 4, false},                            // a C1 control: measured
		{"ab\xff", 2, false},                               // not UTF-8: measured
		{"\x1b[31måä\x1b[m", 4, true},                      // four bytes of two cells
		{"日本", 4, false},                                   // six bytes, four cells: measured
		{"\x1b]8;;https://x\x07länk\x1b]8;;\x07", 5, true}, // a hyperlink
		{"\x1b]8;;https://x\x1b\\a\x1b]8;;\x1b\\", 1, true},
		{"\x1b[31", 2, false},       // a colour never ended
		{"ab\x1b", 2, false},        // an escape at the end
		{"a\x1bPq\x1b\\", 2, false}, // another sequence: measured
		{"\x1b]0;titel", 3, false},  // an OSC never ended
	} {
		if got := fitsIn(c.line, c.w); got != c.want {
			t.Errorf("fitsIn(%q, %d) = %v, want %v", c.line, c.w, got, c.want)
		}
		if fitsIn(c.line, c.w) && ansi.StringWidth(c.line) > c.w {
			t.Errorf("fitsIn(%q, %d) says it fits, but it is %d cells wide", c.line, c.w, ansi.StringWidth(c.line))
		}
	}
}

// FuzzFitsIn checks on any text that a line fitsIn lets through is no
// wider than the width.
func FuzzFitsIn(f *testing.F) {
	for _, s := range []string{"abc", "\x1b[1mabc\x1b[m", "日本語", "\x1b]8;;u\x07x\x1b]8;;\x07", "e\u0301", "👩‍👩‍👧", "åäö…", "→\ufe0f", "\u00a9\ufe0f", "\u2194\u200d\u2194"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, line string, w int) {
		if w < 0 || w > 500 {
			return
		}
		if fitsIn(line, w) && ansi.StringWidth(line) > w {
			t.Fatalf("fitsIn(%q, %d): fits, but it is %d cells wide", line, w, ansi.StringWidth(line))
		}
	})
}
