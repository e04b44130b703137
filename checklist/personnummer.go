package checklist

import (
	"time"
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
// samordningsnummer) and a correct Luhn control digit. Runs of digits longer
// than 12, or digits glued to letters, are not matched, so that arbitrary
// numbers such as invoice or phone numbers rarely trigger the warning.
func FindPersonnummer(s string) []PersonnummerMatch {
	var out []PersonnummerMatch
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || (i > 0 && (isDigit(s[i-1]) || isWordByte(s[i-1]))) {
			i++
			continue
		}
		if m, ok := matchAt(s, i); ok {
			out = append(out, m)
			i = m.End
			continue
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	return out
}

// ContainsPersonnummer reports whether s holds a likely personnummer.
func ContainsPersonnummer(s string) bool { return len(FindPersonnummer(s)) > 0 }

func matchAt(s string, i int) (PersonnummerMatch, bool) {
	// Count the leading digit run.
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	run := j - i
	var date, last string
	end := j
	switch {
	case (run == 6 || run == 8) && j+5 <= len(s) && (s[j] == '-' || s[j] == '+') && allDigits(s[j+1:j+5]) &&
		(j+5 == len(s) || !isDigit(s[j+5])):
		date, last, end = s[i:j], s[j+1:j+5], j+5
	case run == 10:
		date, last = s[i:i+6], s[i+6:j]
	case run == 12:
		date, last = s[i:i+8], s[i+8:j]
	default:
		return PersonnummerMatch{}, false
	}
	if end < len(s) && isWordByte(s[end]) {
		return PersonnummerMatch{}, false
	}
	short := date
	if len(date) == 8 {
		short = date[2:]
		century := atoi(date[:2])
		if century != 19 && century != 20 {
			return PersonnummerMatch{}, false
		}
	}
	year, month, day := atoi(date[:len(date)-4]), atoi(short[2:4]), atoi(short[4:6])
	samordning := false
	if day > 60 {
		day -= 60
		samordning = true
	}
	if !validDate(year, len(date) == 8, month, day) {
		return PersonnummerMatch{}, false
	}
	if !luhn(short[:6] + last) {
		return PersonnummerMatch{}, false
	}
	return PersonnummerMatch{Start: i, End: end, Samordningsnummer: samordning}, true
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
