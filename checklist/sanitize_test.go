package checklist

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile are texts that must lose their escapes and invisible characters.
var sanitizeCases = []struct{ in, want, line string }{
	{"plain åäö", "plain åäö", "plain åäö"},
	{"\x1b[31mred\x1b[0m", "red", "red"},
	{"\x1b[38;2;255;0;0mrgb\x1b[m", "rgb", "rgb"},
	{"\x1b]0;title\x07after", "after", "after"},
	{"\x1b]52;c;aGVsbG8=\x07clip\x1b[2J", "clip", "clip"},
	{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link", "link"},
	{"\x1bP+q544e\x1b\\ok", "ok", "ok"},
	{"\x1b_apc\x1b\\ok", "ok", "ok"},
	{"\x1b^pm\x07ok", "ok", "ok"},
	{"\x1bXsos\x07ok", "ok", "ok"},
	{"a\x1b7b\x1b8c", "abc", "abc"},
	{"a\x1b(Bb", "ab", "ab"},
	{"\u009b31mC1\u009d0;t\u009cok", "C1ok", "C1ok"},
	{"nel\u0085x", "nelx", "nelx"},
	{"\x1b]unterminated", "", ""},
	{"tail\x1b", "tail", "tail"},
	{"a\x00b\x01c\x07d\x08e\x7ff", "abcdef", "abcdef"},
	{"tab\there", "tab here", "tab here"},
	{"crlf\r\nline\rmac\u2028ls\u2029ps", "crlf\nline\nmac\nls\nps", "crlf line mac ls ps"},
	{"\u202eevil\u202c \u2066iso\u2069 \u200fmark\u200e \u061calm \ufeffbom", "evil iso mark alm bom", "evil iso mark alm bom"},
	{"zero\u200bwidth\u2060joiner\u200cnon\u00adsoft", "zerowidthjoinernonsoft", "zerowidthjoinernonsoft"},
	{"8112\u200d18", "811218", "811218"},
	{"tag\U000e0041\U000e007f", "tag", "tag"},
	{"bad \xff utf8 \ufffd", "bad \ufffd utf8 \ufffd", "bad \ufffd utf8 \ufffd"},
	{"emoji 👩‍⚕️ 🏳️‍🌈 e\u0301", "emoji 👩‍⚕️ 🏳️‍🌈 e\u0301", "emoji 👩‍⚕️ 🏳️‍🌈 e\u0301"},
	{"العربية עברית", "العربية עברית", "العربية עברית"},
}

func TestSanitize(t *testing.T) {
	for _, tc := range sanitizeCases {
		if got := Sanitize(tc.in); got != tc.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := SanitizeLine(tc.in); got != tc.line {
			t.Errorf("SanitizeLine(%q) = %q, want %q", tc.in, got, tc.line)
		}
		if IsClean(tc.in) != (tc.in == tc.want) {
			t.Errorf("IsClean(%q) = %v", tc.in, IsClean(tc.in))
		}
		_, _, unsafe := Unsafe(tc.in)
		if !unsafe && strings.ReplaceAll(tc.in, "\t", " ") != tc.want {
			t.Errorf("Unsafe(%q) found nothing, but Sanitize changes it", tc.in)
		}
	}
}

func TestUnsafe(t *testing.T) {
	for _, tc := range []struct {
		in     string
		r      rune
		offset int
	}{
		{"ok\ttab\nline", 0, -1},
		{"title \x1b]52;c;x\x07", 0x1b, 6},
		{"å\u0085", 0x85, 2},
		{"a\ufeff", 0xfeff, 1},
		{"a\u2028", 0x2028, 1},
		{"a\xff", utf8.RuneError, 1},
		{"a\rb", '\r', 1},
		{"👩‍⚕️", 0, -1},
	} {
		r, off, ok := Unsafe(tc.in)
		if ok != (tc.offset >= 0) || r != tc.r || off != tc.offset {
			t.Errorf("Unsafe(%q) = %U, %d, %v; want %U, %d", tc.in, r, off, ok, tc.r, tc.offset)
		}
	}
}

func TestPrintable(t *testing.T) {
	for _, r := range "aÅ€👩\u0301\ufffd " {
		if !Printable(r) {
			t.Errorf("Printable(%U) = false", r)
		}
	}
	for _, r := range "\x00\x1b\x7f\u0085\u009b\u200b\u200d\u202e\u2066\u2028\u2029\ufeff\u00ad" {
		if Printable(r) {
			t.Errorf("Printable(%U) = true", r)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, tc := range sanitizeCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		line := SanitizeLine(s)
		if !utf8.ValidString(out) || !utf8.ValidString(line) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		if _, off, ok := Unsafe(out); ok {
			t.Fatalf("Sanitize(%q) = %q still holds an unsafe character at %d", s, out, off)
		}
		if strings.ContainsAny(line, "\n\t") {
			t.Fatalf("SanitizeLine(%q) = %q holds a break", s, line)
		}
		if Sanitize(out) != out || SanitizeLine(line) != line {
			t.Fatalf("not idempotent on %q", s)
		}
		if !IsClean(out) {
			t.Fatalf("IsClean(Sanitize(%q)) = false", s)
		}
	})
}
