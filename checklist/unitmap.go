package checklist

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxUnitMapSize bounds a unit map file: a line per unit of a large region
// is a few tens of kilobytes.
const MaxUnitMapSize = 1 << 20

// UnitMapping is one line of a unit map: the unit named From is the unit
// named To.
type UnitMapping struct {
	From, To string
	// Line is the line in the file.
	Line int
}

// ParseUnitMap reads a unit map: one mapping a line, "Avd 12 = Avdelning
// 12", blank lines and lines starting with # ignored. A unit can be mapped
// once, and a name that is mapped cannot also be a target, so the order of
// the lines never matters. Errors are *ValueError naming name and the line.
func ParseUnitMap(r io.Reader, name string) ([]UnitMapping, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxUnitMapSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxUnitMapSize {
		return nil, located(name, "filen är större än %d byte", "the file is larger than %d bytes", MaxUnitMapSize)
	}
	if !utf8.Valid(data) {
		return nil, located(name, "filen är inte UTF-8; spara den som UTF-8", "the file is not UTF-8; save it as UTF-8")
	}
	var out []UnitMapping
	from := map[string]int{}
	to := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF")))
	sc.Buffer(make([]byte, 0, 4096), MaxUnitMapSize)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		at := func(sv, en string, args ...any) error {
			return located(fmt.Sprintf("%s:%d", name, n), sv, en, args...)
		}
		a, b, ok := strings.Cut(line, "=")
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		switch {
		case !ok:
			return nil, at("skriv \"gammalt namn = nytt namn\"", "write \"old name = new name\"")
		case a == "" || b == "":
			return nil, at("ett namn saknas på raden", "a name is missing on the line")
		case Sanitize(a) != a || Sanitize(b) != b:
			return nil, at("namnet innehåller styrtecken", "the name holds control characters")
		}
		ka, kb := strings.ToLower(a), strings.ToLower(b)
		if ka == kb {
			continue
		}
		if prev, dup := from[ka]; dup {
			return nil, at("%q står redan på rad %d", "%q is already mapped on line %d", a, prev)
		}
		if prev, chain := to[ka]; chain {
			return nil, at("%q är redan ett nytt namn på rad %d; skriv den slutliga enheten direkt", "%q is already a new name on line %d; name the final unit directly", a, prev)
		}
		if prev, chain := from[kb]; chain {
			return nil, at("%q mappas själv på rad %d; skriv den slutliga enheten direkt", "%q is itself mapped on line %d; name the final unit directly", b, prev)
		}
		from[ka], to[kb] = n, n
		out = append(out, UnitMapping{From: a, To: b, Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, located(name, "kan inte läsas: %v", "cannot be read: %v", err)
	}
	return out, nil
}

// located is a *ValueError whose message starts with where: a file, or a
// file and line.
func located(where, sv, en string, args ...any) error {
	t := Textf(sv, en, args...)
	return &ValueError{Msg: Text{SV: where + ": " + t.SV, EN: where + ": " + t.EN}}
}
