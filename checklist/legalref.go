package checklist

import (
	"fmt"
	"strconv"
	"strings"
)

// This file holds the table of the provisions samkoll knows to be in force
// in the structure that applies from 2025-01-01, and of the regulations that
// were repealed that day, so that a checklist cannot cite a repealed AFS or
// a paragraph that does not exist. docs/legal-references.md says where each
// entry was checked and which ranges are still unverified.

// paraRange is the span of paragraphs (or articles) of a chapter or law.
// A zero max means the span is not checked.
type paraRange struct{ min, max int }

func (r paraRange) checked() bool { return r.max > 0 }

func (r paraRange) contains(n int) bool { return !r.checked() || (n >= r.min && n <= r.max) }

// lawEntry is one statute or regulation in the table.
type lawEntry struct {
	// name is the canonical citation, e.g. "Arbetsmiljölagen".
	name string
	// aliases are further spellings that cite the same law; the longest
	// match wins, so "Arbetsmiljölagen (1977:1160)" is one name.
	aliases []string
	// chapters is the number of chapters, 1 to chapters; 0 means the law
	// has none, and then paras spans the law.
	chapters int
	// spans are the paragraphs of the chapters that were checked; a
	// chapter not in it is not checked for paragraphs.
	spans map[int]paraRange
	// anyChapter: the law has chapters, but which exist is not checked.
	anyChapter bool
	// paras spans the paragraphs of a law without chapters.
	paras paraRange
	// articles spans the articles of an EU regulation or a convention;
	// zero when the law has none.
	articles paraRange
}

// afsChecked are the regulations of the 2025 structure whose chapters and
// paragraphs are checked; afsInForce gives the others. Their titles are in
// docs/legal-references.md. Nothing here is built when the program starts:
// the table is read only when a checklist is checked.
var afsChecked = [...]lawEntry{
	{name: "AFS 2023:1", paras: paraRange{1, 16}},
	{name: "AFS 2023:2", chapters: 8, spans: map[int]paraRange{2: {1, 11}, 3: {1, 7}, 4: {1, 6}, 5: {1, 8}, 6: {1, 9}}},
}

// afsInForce returns the entry of AFS 2023:num, one of the fifteen
// regulations of the 2025 structure (1 ≤ num ≤ 15).
func afsInForce(num int) *lawEntry {
	if num <= len(afsChecked) {
		return &afsChecked[num-1]
	}
	return &lawEntry{name: "AFS 2023:" + strconv.Itoa(num), anyChapter: true}
}

// laws are the statutes the built-in checklists cite, with their chapters.
var laws = []*lawEntry{
	{name: "Arbetsmiljölagen", aliases: []string{"Arbetsmiljölagen (1977:1160)", "AML"},
		chapters: 9, spans: map[int]paraRange{1: {1, 3}, 2: {1, 9}, 3: {1, 14}, 6: {1, 18}}},
	{name: "Diskrimineringslagen", aliases: []string{"Diskrimineringslagen (2008:567)", "Diskrimineringslag (2008:567)"},
		chapters: 6, spans: map[int]paraRange{1: {1, 5}, 2: {1, 20}, 3: {1, 20}}},
	{name: "Socialförsäkringsbalken", aliases: []string{"Socialförsäkringsbalken (2010:110)"}, chapters: 120},
	{name: "Dataskyddsförordningen (EU) 2016/679", aliases: []string{"Dataskyddsförordningen", "GDPR"}, articles: paraRange{1, 99}},
	{name: "Dataskyddslagen (2018:218)", aliases: []string{"Dataskyddslagen"}, chapters: 7},
	{name: "Offentlighets- och sekretesslagen (2009:400)", aliases: []string{"Offentlighets- och sekretesslagen"},
		chapters: 45},
	{name: "Lag (2018:1197) om Förenta nationernas konvention om barnets rättigheter",
		aliases: []string{"Barnkonventionen"}, articles: paraRange{1, 54}},
	{name: "Föräldraledighetslagen (1995:584)", aliases: []string{"Föräldraledighetslagen"}, paras: paraRange{}},
	{name: "Hälso- och sjukvårdslagen (2017:30)", aliases: []string{"Hälso- och sjukvårdslagen"}, chapters: 17},
	{name: "Socialtjänstlagen (2025:400)", anyChapter: true},
}

// afsSuccessor names where the content of a repealed regulation went, for
// the suggestion in lint messages. Only successors that were checked are
// listed; every other AFS before 2023 gets the general advice.
var afsSuccessor = map[string]string{
	"2001:1":  "AFS 2023:1",
	"2015:4":  "AFS 2023:2 kap 2",
	"2020:5":  "AFS 2023:2 kap 3",
	"1994:1":  "AFS 2023:2 kap 3",
	"1999:7":  "AFS 2023:2 kap 4",
	"1993:2":  "AFS 2023:2 kap 5",
	"1982:3":  "AFS 2023:2 kap 6",
	"2007:5":  "AFS 2023:2 kap 7",
	"2012:3":  "AFS 2023:2 kap 8",
	"2012:2":  "AFS 2023:10",
	"2011:19": "AFS 2023:10",
	"1981:14": "AFS 2023:10",
	"2020:1":  "AFS 2023:12",
}

// RefInfo is a parsed legal reference.
type RefInfo struct {
	// Law is the canonical name of the cited law; empty when the law is not
	// in the table (a practice document, say).
	Law string
	// Chapter is the cited chapter; 0 when none.
	Chapter int
	// Para and ParaTo are the first and last cited paragraph (or article);
	// 0 when none.
	Para, ParaTo int
}

// Known reports whether the reference names a law in the table.
func (r RefInfo) Known() bool { return r.Law != "" }

// RefProblem is what is wrong with a reference: a repealed regulation, a
// regulation outside the 2025 structure, or a chapter or paragraph that does
// not exist. Offset is the byte offset in the reference where the problem
// starts, for the column in lint messages.
type RefProblem struct {
	Msg    Text
	Offset int
}

var (
	afsRe   = lazyRegexp(`(?i)\bAFS\s*(\d{4})\s*:\s*(\d+)`)
	spaceRe = lazyRegexp(`\s+`)
	// locRe matches what follows the law: an optional chapter ("kap 2" in
	// AFS style or "3 kap"), optional paragraphs ("10 §", "2 a §",
	// "6–9 §§") and an optional description after a comma.
	locRe = lazyRegexp(`^(?:kap\.?\s*(\d+)\s*|(\d+)\s*kap\.?\s*)?` +
		`(?:(\d+)\s*([a-z])?\s*(?:[-–]\s*(\d+)\s*([a-z])?\s*)?§§?)?\s*(?:,.*)?$`)
	artRe = lazyRegexp(`^(?:art\.|artikel)\s*(\d+)\s*(?:,.*)?$`)
)

// RepealedAFS returns the repealed AFS citations in s: every AFS before
// 2023 was repealed on 2025-01-01, when the fifteen regulations AFS 2023:1
// to 2023:15 replaced the 67 earlier ones.
func RepealedAFS(s string) []string {
	var out []string
	for _, m := range afsRe().FindAllStringSubmatch(s, -1) {
		if y, _ := strconv.Atoi(m[1]); y < 2023 {
			out = append(out, "AFS "+m[1]+":"+m[2])
		}
	}
	return out
}

// IsOutdatedRef reports whether s cites a regulation repealed on
// 2025-01-01 (any AFS before 2023).
func IsOutdatedRef(s string) bool { return len(RepealedAFS(s)) > 0 }

// CheckRef parses a legal reference and checks it against the table. A
// reference to a law outside the table returns a zero RefInfo and no
// problem: it cannot be checked. A reference to a repealed regulation, to an
// AFS outside the 2025 structure, or to a chapter or paragraph that does not
// exist returns a problem.
func CheckRef(ref string) (RefInfo, *RefProblem) {
	if m := afsRe().FindStringSubmatchIndex(ref); m != nil {
		year, _ := strconv.Atoi(ref[m[2]:m[3]])
		num, _ := strconv.Atoi(ref[m[4]:m[5]])
		id := ref[m[2]:m[3]] + ":" + ref[m[4]:m[5]]
		switch {
		case year < 2023:
			msg := Textf("AFS %s upphävdes 2025-01-01", "AFS %s was repealed on 2025-01-01", id)
			if s, ok := afsSuccessor[id]; ok {
				msg = Textf("%s; använd %s", "%s; use %s", msg, s)
			} else {
				msg = Textf("%s; hänvisa till föreskrifterna AFS 2023:1–2023:15", "%s; cite the regulations AFS 2023:1–2023:15", msg)
			}
			return RefInfo{}, &RefProblem{Msg: msg, Offset: m[0]}
		case year > 2023 || num < 1 || num > 15:
			return RefInfo{}, &RefProblem{Offset: m[0], Msg: Textf(
				"AFS %s finns inte i 2025 års struktur (AFS 2023:1–2023:15); hänvisa till grundföreskriften, inte till en ändring",
				"AFS %s is not in the 2025 structure (AFS 2023:1–2023:15); cite the base regulation, not an amendment", id)}
		}
		if m[0] != 0 {
			return RefInfo{}, nil
		}
		return checkLocator(afsInForce(num), ref, m[1])
	}
	low := strings.ToLower(ref)
	var best *lawEntry
	bestLen := 0
	for _, l := range laws {
		for _, n := range append([]string{l.name}, l.aliases...) {
			if len(n) > bestLen && strings.HasPrefix(low, strings.ToLower(n)) {
				rest := ref[len(n):]
				if rest == "" || rest[0] == ' ' || rest[0] == ',' {
					best, bestLen = l, len(n)
				}
			}
		}
	}
	if best == nil {
		return RefInfo{}, nil
	}
	return checkLocator(best, ref, bestLen)
}

// checkLocator checks the part of ref after the law's name, which ends at
// byte start.
func checkLocator(l *lawEntry, ref string, start int) (RefInfo, *RefProblem) {
	info := RefInfo{Law: l.name}
	rest := strings.TrimSpace(ref[start:])
	off := start + (len(ref[start:]) - len(strings.TrimLeft(ref[start:], " ")))
	rest = strings.ReplaceAll(spaceRe().ReplaceAllString(rest, " "), "—", "–")
	bad := func(sv, en string, args ...any) (RefInfo, *RefProblem) {
		return info, &RefProblem{Msg: Textf(sv, en, args...), Offset: off}
	}
	if m := artRe().FindStringSubmatch(rest); m != nil {
		n, _ := strconv.Atoi(m[1])
		if l.articles.max == 0 {
			return bad("%s har inga artiklar", "%s has no articles", l.name)
		}
		if !l.articles.contains(n) {
			return bad("%s har artiklarna %d–%d, inte %d", "%s has articles %d–%d, not %d", l.name, l.articles.min, l.articles.max, n)
		}
		info.Para, info.ParaTo = n, n
		return info, nil
	}
	m := locRe().FindStringSubmatch(rest)
	if m == nil {
		return bad("%q går inte att tolka efter %s; skriv t.ex. \"3 kap 2 a §\", \"kap 2 10 §\" eller \"6–9 §§\"",
			"%q cannot be read after %s; write e.g. \"3 kap 2 a §\", \"kap 2 10 §\" or \"6–9 §§\"", rest, l.name)
	}
	chap := m[1] + m[2]
	if chap != "" {
		info.Chapter, _ = strconv.Atoi(chap)
		if l.chapters == 0 && !l.anyChapter {
			return bad("%s har inga kapitel", "%s has no chapters", l.name)
		}
		if (info.Chapter < 1 || info.Chapter > l.chapters) && !l.anyChapter {
			return bad("%s har kapitel 1–%d, inte %d", "%s has chapters 1–%d, not %d", l.name, l.chapters, info.Chapter)
		}
	}
	if m[3] == "" {
		return info, nil
	}
	info.Para, _ = strconv.Atoi(m[3])
	info.ParaTo = info.Para
	if m[5] != "" {
		info.ParaTo, _ = strconv.Atoi(m[5])
		if info.ParaTo < info.Para {
			return bad("paragraferna %d–%d står i fel ordning", "the paragraphs %d–%d are in the wrong order", info.Para, info.ParaTo)
		}
	}
	span := l.paras
	where := l.name
	switch {
	case l.anyChapter:
		span = paraRange{}
	case l.chapters > 0 && chap == "":
		return bad("kapitel saknas: %s har kapitel, skriv t.ex. \"%s\"", "the chapter is missing: %s has chapters, write e.g. \"%s\"",
			l.name, exampleRef(l))
	case l.chapters > 0:
		span = l.spans[info.Chapter]
		where = fmt.Sprintf("%s %d kap", l.name, info.Chapter)
		if strings.HasPrefix(l.name, "AFS") {
			where = fmt.Sprintf("%s kap %d", l.name, info.Chapter)
		}
	}
	for _, n := range []int{info.Para, info.ParaTo} {
		if !span.contains(n) {
			return bad("%s har %d–%d §§, inte %d §", "%s has §§ %d–%d, not § %d", where, span.min, span.max, n)
		}
	}
	return info, nil
}

func exampleRef(l *lawEntry) string {
	if strings.HasPrefix(l.name, "AFS") {
		return l.name + " kap 2 10 §"
	}
	return l.name + " 3 kap 2 §"
}
