package checklist

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// PersonnummerMatch is a substring that looks like a Swedish personnummer or
// samordningsnummer.
type PersonnummerMatch struct {
	// Start and End are byte offsets into the text.
	Start, End int
	// Samordningsnummer is set when the day is 61–91.
	Samordningsnummer bool
}

// FindPersonnummer returns the substrings of s that are valid personnummer
// or samordningsnummer: YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN,
// YYMMDDNNNN or YYYYMMDDNNNN, with a date that exists (day + 60 for a
// samordningsnummer) and a correct Luhn control digit.
//
// The text is normalised first, as people type and paste numbers:
// full-width and other Unicode digits count as digits, every dash (en
// dash, hyphen, minus, full-width) as "-", invisible characters (zero-width
// space, joiners, bidi marks, soft hyphen) are ignored, and spaces may
// separate the date from the last four digits ("811218 9876",
// "811218 - 9876") or split them into pairs when a dash or plus marks the
// end of the date ("81 12 18-98 76"). Runs of digits longer than 12,
// digits glued to letters, and lists of numbers without a dash are not
// matched, so that invoice numbers, phone numbers and tables rarely
// trigger the warning. Start and End are offsets into s itself.
func FindPersonnummer(s string) []PersonnummerMatch {
	if !hasDigits(s, minPNDigits) {
		return nil // most text: no need to normalise it
	}
	return findPersonnummer(s)
}

// minPNDigits is the fewest digits a match has (YYMMDD and four).
const minPNDigits = 10

// hasDigits reports whether s has at least n decimal digits, in any script:
// normalizePN keeps no other digits, so a text with fewer holds no match.
func hasDigits(s string, n int) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r) {
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}

// findPersonnummer is FindPersonnummer without the count of digits first.
func findPersonnummer(s string) []PersonnummerMatch {
	n := normalizePN(s)
	var out []PersonnummerMatch
	t := n.text
	for i := 0; i < len(t); {
		if !isDigit(t[i]) || (i > 0 && (isDigit(t[i-1]) || isWordByte(t[i-1]))) {
			i++
			continue
		}
		if start, end, samo, ok := matchAt(t, i); ok {
			out = append(out, PersonnummerMatch{Start: n.start[start], End: n.end[end-1], Samordningsnummer: samo})
			i = end
			continue
		}
		for i < len(t) && isDigit(t[i]) {
			i++
		}
	}
	return out
}

// ContainsPersonnummer reports whether s holds a likely personnummer.
func ContainsPersonnummer(s string) bool { return len(FindPersonnummer(s)) > 0 }

// RemovePersonnummer returns s with every likely personnummer cut out, for
// places such as a file name where it must not appear.
func RemovePersonnummer(s string) string {
	ms := FindPersonnummer(s)
	for i := len(ms) - 1; i >= 0; i-- {
		s = s[:ms[i].Start] + s[ms[i].End:]
	}
	return s
}

// pnText is s normalised for the search: one byte per kept character,
// with the offsets in s where each starts and ends.
type pnText struct {
	text       string
	start, end []int
}

// normalizePN maps digits in any script to ASCII digits, dashes to "-",
// the full-width plus to "+", spaces to " ", drops invisible format
// characters, and turns every other non-ASCII character into a letter
// byte (so it still glues to digits).
func normalizePN(s string) pnText {
	var b []byte
	var start, end []int
	for i, r := range s {
		size := utf8.RuneLen(r)
		if size < 0 {
			size = 1
		}
		var c byte
		switch {
		case r < 0x80:
			c = byte(r)
		case digitValue(r) >= 0:
			c = byte('0' + digitValue(r))
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014' || r == '\u2015' ||
			r == '\u2212' || r == '\ufe58' || r == '\ufe63' || r == '\uff0d':
			c = '-'
		case r == '\uff0b' || r == '\ufe62':
			c = '+'
		case unicode.IsSpace(r):
			c = ' '
		case unicode.Is(unicode.Cf, r):
			continue // zero-width and bidi characters, soft hyphen: ignored
		default:
			c = 'a'
		}
		b = append(b, c)
		start = append(start, i)
		end = append(end, i+size)
	}
	return pnText{string(b), start, end}
}

// digitValue returns the value of a decimal digit in another script
// (full-width, Arabic-Indic, mathematical …), or -1.
func digitValue(r rune) int {
	if !unicode.IsDigit(r) {
		return -1
	}
	// Decimal digits come in runs of ten, zero first.
	zero := r
	for k := 0; k < 10 && unicode.IsDigit(zero-1); k++ {
		zero--
	}
	if v := int(r - zero); v <= 9 {
		return v % 10
	}
	return -1
}

// pnGroup is a run of digits in the normalised text and what separates it
// from the next one.
type pnGroup struct {
	start, end int
	// sep is what follows until the next group: "" (none), " " (spaces
	// only) or "-" / "+" (with optional spaces).
	sep string
}

// matchAt tries to read a personnummer at t[i], a digit that starts a
// digit run. It returns the span in t and whether it is a
// samordningsnummer.
func matchAt(t string, i int) (start, end int, samo, ok bool) {
	groups := digitGroups(t, i)
	digits := func(g []pnGroup) string {
		var b strings.Builder
		for _, x := range g {
			b.WriteString(t[x.start:x.end])
		}
		return b.String()
	}
	glued := func(end int) bool { return end < len(t) && (isWordByte(t[end]) || isDigit(t[end])) }
	// One run of 10 or 12 digits.
	if g := groups[0]; g.end-g.start == 10 || g.end-g.start == 12 {
		run := t[g.start:g.end]
		if glued(g.end) {
			return 0, 0, false, false
		}
		if samo, ok := checkPN(run[:len(run)-4], run[len(run)-4:]); ok {
			return g.start, g.end, samo, true
		}
		return 0, 0, false, false
	}
	// A date part and four last digits, each one run or pairs.
	for k := 1; k < len(groups); k++ {
		date, serial := groups[:k], groups[k:]
		sep := date[len(date)-1].sep
		if sep == "" {
			continue
		}
		d := digits(date)
		if len(d) != 6 && len(d) != 8 {
			continue
		}
		paired := len(date) > 1
		if paired && (!allPairs(date) || sep == " ") {
			continue // "10 12 15 20 25" is a list, not a number
		}
		var last []pnGroup
		switch {
		case len(serial) >= 1 && serial[0].end-serial[0].start == 4:
			last = serial[:1]
		case len(serial) >= 2 && serial[0].sep == " " && allPairs(serial[:2]):
			last = serial[:2]
		default:
			continue
		}
		endAt := last[len(last)-1].end
		if glued(endAt) {
			continue
		}
		if samo, ok := checkPN(d, digits(last)); ok {
			return date[0].start, endAt, samo, true
		}
	}
	return 0, 0, false, false
}

// digitGroups reads the runs of digits from t[i] on, separated by at most
// three characters of spaces with at most one dash or plus.
func digitGroups(t string, i int) []pnGroup {
	var out []pnGroup
	for len(out) < 6 {
		j := i
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		g := pnGroup{start: i, end: j}
		k, sep := j, ""
		for k < len(t) && k-j < 3 && (t[k] == ' ' || t[k] == '-' || t[k] == '+') {
			if t[k] != ' ' {
				if sep == "-" || sep == "+" {
					break
				}
				sep = string(t[k])
			} else if sep == "" {
				sep = " "
			}
			k++
		}
		if k == j || k >= len(t) || !isDigit(t[k]) {
			out = append(out, g)
			return out
		}
		g.sep = sep
		out = append(out, g)
		i = k
	}
	return out
}

// allPairs reports whether every group has two digits and the groups are
// separated by single spaces.
func allPairs(gs []pnGroup) bool {
	for k, g := range gs {
		if g.end-g.start != 2 {
			return false
		}
		if k < len(gs)-1 && (g.sep != " " || gs[k+1].start-g.end != 1) {
			return false
		}
	}
	return true
}

// checkPN checks a date part of 6 or 8 digits and the last four: a date
// that exists (day + 60 for a samordningsnummer), a century of 19 or 20,
// and the Luhn control digit.
func checkPN(date, last string) (samo, ok bool) {
	short := date
	if len(date) == 8 {
		short = date[2:]
		century := atoi(date[:2])
		if century != 19 && century != 20 {
			return false, false
		}
	}
	year, month, day := atoi(date[:len(date)-4]), atoi(short[2:4]), atoi(short[4:6])
	if day > 60 {
		day -= 60
		samo = true
	}
	if !validDate(year, len(date) == 8, month, day) {
		return false, false
	}
	if !luhn(short[:6] + last) {
		return false, false
	}
	return samo, true
}

func validDate(year int, full bool, month, day int) bool {
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	if !full {
		// Two-digit year: accept the day if it exists in either century.
		return day <= daysIn(1900+year, month) || day <= daysIn(2000+year, month)
	}
	return day <= daysIn(year, month)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// luhn checks the control digit of the ten digits YYMMDDNNNC.
func luhn(ten string) bool {
	sum := 0
	for k := 0; k < 10; k++ {
		d := int(ten[k] - '0')
		if k%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isWordByte(b byte) bool {
	return b == '_' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80
}

func allDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for k := 0; k < len(s); k++ {
		n = n*10 + int(s[k]-'0')
	}
	return n
}
