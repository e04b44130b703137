package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"samkoll/checklist"
)

func TestInline(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Chef", "Chef"},
		{"", ""},
		{"a|b", `a\|b`},
		{"zero\u200bwidth\ufeff\u00ad\u2060x\u2028y", "zerowidthx y"},
		{`back\slash \|`, `back\\slash \\\|`},
		{"*fet* _kursiv_ ~stryk~", `\*fet\* \_kursiv\_ \~stryk\~`},
		{"# rubrik", `\# rubrik`},
		{"<b>html</b>", `\<b\>html\</b\>`},
		{"`kod`", "\\`kod\\`"},
		{"[länk](x)", `\[länk\](x)`},
		{"$x^2$", `\$x^2\$`},
		{"&amp; &#124; R&D", `\&amp; \&\#124; R&D`},
		{"1. punkt", `1\. punkt`},
		{"12) punkt", `12\) punkt`},
		{"3.5 timmar", "3.5 timmar"},
		{"2026.", `2026\.`},
		{"- streck", `\- streck`},
		{"+ plus", `\+ plus`},
		{"> citat", `\> citat`},
		{"===", `\===`},
		{"a - b + c = d", "a - b + c = d"},
		{"  rad ett\n\n  rad två  ", "rad ett rad två"},
		{"ett\n1. två", `ett 1. två`},
		{"\x1b[1m- fet\x1b[0m", `\- fet`},
	} {
		if got := Inline(tc.in); got != tc.want {
			t.Errorf("Inline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if Cell("") != "–" || Cell(" \n ") != "–" {
		t.Error("an empty cell is not shown as –")
	}
}

func TestInlineLongText(t *testing.T) {
	s := strings.Repeat("a|\nb", 50_000)
	got := Inline(s)
	if strings.ContainsRune(got, '\n') {
		t.Fatal("a line break survived")
	}
	if n := strings.Count(got, `\|`); n != 50_000 {
		t.Fatalf("%d escaped pipes, want 50000", n)
	}
}

// cells splits a table row at the pipes that are not escaped, as GitHub
// does: a pipe after an odd number of backslashes is text.
func cells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	var out []string
	start, bs := 0, 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			bs++
			continue
		case '|':
			if bs%2 == 0 {
				out = append(out, line[start:i])
				start = i + 1
			}
		}
		bs = 0
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// checkTables finds every table (a header row followed by a |---| row) and
// checks that each of its rows has as many cells as the header, and that
// the table ends with a blank line, so no following text joins it.
func checkTables(t testing.TB, md string) {
	t.Helper()
	lines := strings.Split(md, "\n")
	tables := 0
	for i := 0; i+1 < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "|") || !strings.HasPrefix(lines[i+1], "|-") {
			continue
		}
		tables++
		want := len(cells(lines[i]))
		if got := len(cells(lines[i+1])); got != want {
			t.Fatalf("line %d: separator has %d cells, header %d", i+2, got, want)
		}
		j := i + 2
		for ; j < len(lines) && lines[j] != ""; j++ {
			row := lines[j]
			if !strings.HasPrefix(row, "| ") || !strings.HasSuffix(row, " |") {
				t.Fatalf("line %d: text joins the table: %.200q", j+1, row)
			}
			if got := len(cells(row)); got != want {
				t.Fatalf("line %d: %d cells, header has %d: %.300q", j+1, got, want, row)
			}
		}
		i = j
	}
	if tables == 0 && strings.Contains(md, "|---") {
		t.Fatal("a table has no header")
	}
}

// checkClean fails on control characters (other than line breaks), C1
// controls, bidi and other invisible format characters and invalid UTF-8
// in the output.
func checkClean(t testing.TB, md string) {
	t.Helper()
	if !utf8.ValidString(md) {
		t.Fatal("output is not valid UTF-8")
	}
	if r, i, ok := checklist.Unsafe(md); ok || strings.Contains(md, "\t") {
		t.Fatalf("control character %U at byte %d: %.80q", r, i, md[max(0, i-40):])
	}
}

// FuzzTableCells puts arbitrary text in every user field of an assessment
// and of the open-actions export and checks that every table keeps its
// shape and that no control character gets through, in the markdown and
// in the HTML (full and short), where no tag, attribute or link may come
// from the text.
func FuzzTableCells(f *testing.F) {
	for _, s := range []string{
		"",
		"|",
		`\|`,
		`\\|`,
		"a\nb|c\r\n| d |",
		"\x1b[31m|\x1b[0m",
		"\x1b]8;;x\x07|\x1b]8;;\x07",
		"\u009b|\u009c",
		"\u202e|\u2066",
		"- |\n1. |\n> |\n# |",
		"```\n|\n```",
		"<table><tr><td>|</td></tr></table>",
		"</td></tr><tr><td>x",
		`<a href="https://evil.example">x</a><img src=x onerror=alert(1)>`,
		`" onmouseover="alert(1)`,
		"</style><script>alert(1)</script>",
		"javascript:alert(1) data:text/html,x",
		"&#124; &vert; &amp;",
		"👩‍⚕️|e\u0301|",
		"\xff\xfe|",
		"\t|\t",
		"\\",
		strings.Repeat("|", 1000),
	} {
		f.Add(s)
	}
	cat := testCatalog(f)
	f.Fuzz(func(t *testing.T, s string) {
		a, opt := sample(t)
		a.Unit, a.Participants = s, s
		for k, r := range a.Responses {
			r.Comment, r.Reason = s, s
			if r.Risk != nil {
				rk := *r.Risk
				rk.Note = s
				r.Risk = &rk
			}
			a.Responses[k] = r
		}
		var rows []OpenAction
		for i := range a.Actions {
			x := &a.Actions[i]
			x.Risk, x.What, x.Who, x.Effect = s, s, s, s
			rows = append(rows, OpenAction{Unit: s, AssessmentDate: a.Date, Action: *x, Level: checklist.Hog})
		}
		a.Actions[0].AreaID, a.Actions[0].ItemID = s+"x", s+"y" // a carried-over link to an unknown area
		for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
			opt.Lang = lang
			var buf bytes.Buffer
			if err := Assessment(&buf, a, cat, opt); err != nil {
				t.Fatal(err)
			}
			checkTables(t, buf.String())
			checkClean(t, buf.String())
			for _, short := range []bool{false, true} {
				opt.Short = short
				buf.Reset()
				if err := AssessmentHTML(&buf, a, cat, opt); err != nil {
					t.Fatal(err)
				}
				checkHTML(t, buf.String())
				checkClean(t, buf.String())
			}
			opt.Short = false
			buf.Reset()
			if err := OpenActions(&buf, rows, cat, opt); err != nil {
				t.Fatal(err)
			}
			checkTables(t, buf.String())
			checkClean(t, buf.String())
		}
	})
}
