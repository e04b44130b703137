package tui

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// sgr is a style sequence (select graphic rendition): the only escape
// sequence the renderer may write.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// checkTerminalSafe fails on a line wider than w or holding, once the
// styles' own sequences (SGR only; any other sequence stays and fails) are
// taken out, a control or invisible format character.
func checkTerminalSafe(t *testing.T, lines []string, w int) {
	t.Helper()
	for i, l := range lines {
		plain := sgr.ReplaceAllString(l, "")
		if ansi.StringWidth(plain) > w {
			t.Errorf("line %d is %d wide, window %d: %q", i, ansi.StringWidth(plain), w, plain)
		}
		for _, r := range plain {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Errorf("line %d holds %U: %q", i, r, l)
			}
		}
	}
}

func TestRenderMarkdownTable(t *testing.T) {
	st := PlainStyles()
	md := "## Risker\n\n| Datum | Åtgärd | Nej |\n|---|---|---:|\n| 2026-01-25 | Systematiskt arbetsmiljöarbete, Kränkande särbehandling och sexuella trakasserier | 3 |\n| 2026-02-01 | Boka \\*utbildning\\* \\| alla | 12 |\n"
	wide := renderMarkdown(md, 80, &st)
	checkTerminalSafe(t, wide, 80)
	got := ansi.Strip(strings.Join(wide, "\n"))
	for _, want := range []string{"Risker\n──────", "Datum      │ Åtgärd", "│   3", "│  12", "Boka *utbildning* | alla"} {
		if !strings.Contains(got, want) {
			t.Errorf("at 80 lacks %q:\n%s", want, got)
		}
	}
	// The long cell wraps within its column: its second line starts
	// under the column, not at the left edge.
	if !strings.Contains(got, "\n           │ ") {
		t.Errorf("the long cell does not wrap in its column:\n%s", got)
	}
	// Too narrow for three columns: each row a block under its date.
	narrow := renderMarkdown(md, 20, &st)
	checkTerminalSafe(t, narrow, 20)
	got = ansi.Strip(strings.Join(narrow, "\n"))
	for _, want := range []string{"2026-01-25\n  Åtgärd:", "  Nej: 3", "2026-02-01"} {
		if !strings.Contains(got, want) {
			t.Errorf("at 20 lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "│") {
		t.Errorf("at 20 still columns:\n%s", got)
	}
}

func TestRenderMarkdownInline(t *testing.T) {
	st := PlainStyles()
	got := strings.Join(renderMarkdown("# Rubrik ##\n\nEn rad\nsom fortsätter.\n\n- **Utskriven:** 2026-12-02\n- \\- inte en lista\n\n### Avd C\\#\n", 40, &st), "\n")
	plain := ansi.Strip(got)
	want := "Rubrik\n\nEn rad som fortsätter.\n\n• Utskriven: 2026-12-02\n• - inte en lista\n\nAvd C#"
	if plain != want {
		t.Errorf("got\n%s\nwant\n%s", plain, want)
	}
	if !strings.Contains(got, "\x1b[1mUtskriven:\x1b[m") {
		t.Errorf("bold is not bold: %q", got)
	}
}

// TestRenderMarkdownHostile: what a unit name or an action text could
// smuggle in (ESC, OSC 52 to the clipboard, bidi controls, C1) never
// reaches the terminal, in a table cell, a heading or a block.
func TestRenderMarkdownHostile(t *testing.T) {
	st := NewStyles(colorprofile.TrueColor, true)
	bad := "Avd\x1b[31m 12\x1b]52;c;aGVq\x07 \u202eevil\u2066 \x9b2J\u200bslut"
	md := "# " + bad + "\n\n| Enhet | Åtgärd |\n|---|---|\n| " + bad + " | " + bad + " " + strings.Repeat("lång", 30) + " |\n\n- " + bad + "\n"
	for _, w := range []int{80, 40, 12} {
		lines := renderMarkdown(md, w, &st)
		checkTerminalSafe(t, lines, w)
		for _, l := range lines {
			if strings.Contains(l, "]52") || strings.Contains(l, "[31m") || strings.Contains(l, "[2J") {
				t.Errorf("at %d a sequence of the text is left: %q", w, l)
			}
		}
	}
}

func FuzzRenderMarkdown(f *testing.F) {
	f.Add("# T\n\n| a | b |\n|---|---:|\n| x **y** | 1 |\n", 40)
	f.Add("- **a\x1b]52;c;x\x07** \\| b\n\n## h\u202e\n", 12)
	f.Add("|x|\n|-|\n|\\", 1)
	f.Add("| a | b | c | d |\n|---|---|---|---|\n| 界界界界界 | 😀😀 | x | y |\n", 10)
	plain, colour := PlainStyles(), NewStyles(colorprofile.TrueColor, false)
	f.Fuzz(func(t *testing.T, md string, w int) {
		if len(md) > 4096 {
			return
		}
		w = 10 + (w%200+200)%200
		checkTerminalSafe(t, renderMarkdown(md, w, &plain), w)
		checkTerminalSafe(t, renderMarkdown(md, w, &colour), w)
	})
}

// BenchmarkRenderMarkdown draws the region's picture with an escalation
// table of 5,000 rows at 100 columns in true colour: what a resize of the
// region screen costs on a large region.
func BenchmarkRenderMarkdown(b *testing.B) {
	st := NewStyles(colorprofile.TrueColor, true)
	var sb strings.Builder
	sb.WriteString(readTestdata(b, "report_region.md"))
	sb.WriteString("\n| Enhet | Punkt | Åtgärd | Eskalerad till | Beslutad på APT | Klart senast |\n|---|---|---|---|---|---|\n")
	for range 5000 {
		sb.WriteString("| Akutmottagningen | Kränkande särbehandling, trakasserier och sexuella trakasserier, punkt 4 | Sätt upp information i personalrummet | Närmaste chef | 2024-12-20 | 2025-04-13 |\n")
	}
	md := sb.String()
	for b.Loop() {
		renderMarkdown(md, 100, &st)
	}
}
