package checklist

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/exp/golden"
)

// swedishWords are words that show a Swedish message leaked into English.
// Codes such as lagkrav, friskfaktor or klar stay as they are, so they are
// not listed.
var swedishWords = regexp.MustCompile(`(?i)\b(saknas|saknar|måste|finns|okänd|okänt|ogiltig|ogiltigt|felaktig|inte|eller|skriv|filen|fältet|området|punkten|rad|redan|och|året)\b`)

// swedishIn returns the first Swedish word in an English message, outside
// quoted values (which repeat the file's own text), or "".
func swedishIn(msg string) string {
	return swedishWords.FindString(quoted.ReplaceAllString(msg, `""`))
}

var quoted = regexp.MustCompile(`"[^"]*"`)

// lintFiles returns the files of testdata/lint except the shared policy
// file, plus one that does not exist.
func lintFiles(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "lint", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range names {
		if filepath.Base(n) != "policies.yaml" {
			out = append(out, filepath.Base(n))
		}
	}
	return append(out, "does-not-exist.yaml")
}

// TestLintEnglish checks the English messages of the validator against
// their own golden files: the same positions as the Swedish ones, in
// English.
func TestLintEnglish(t *testing.T) {
	policies := filepath.Join("testdata", "lint", "policies.yaml")
	for _, file := range lintFiles(t) {
		t.Run(strings.TrimSuffix(file, ".yaml"), func(t *testing.T) {
			errs := Lint(fstest.MapFS{}, []string{policies, filepath.Join("testdata", "lint", file)})
			var b strings.Builder
			for _, err := range errs {
				var fe *FileError
				if !errors.As(err, &fe) {
					t.Fatalf("error %v is not a *FileError", err)
				}
				en, sv := fe.Message(English), fe.Message(Swedish)
				if sv != err.Error() {
					t.Errorf("Message(Swedish) %q differs from Error() %q", sv, err.Error())
				}
				if en == sv {
					t.Errorf("no English message: %q", en)
				}
				if w := swedishIn(fe.Msg.EN); w != "" {
					t.Errorf("English message has the Swedish word %q: %q", w, en)
				}
				b.WriteString(filepath.ToSlash(en) + "\n")
			}
			golden.RequireEqual(t, b.String())
		})
	}
}

// TestDecodeMessagesEnglish runs the decoder over small broken files, one
// problem each, and checks that the message in each language names the
// problem and the English one carries no Swedish.
func TestDecodeMessagesEnglish(t *testing.T) {
	const item = `  - id: a
    type: risk
    statement: {sv: P}
    problem: {sv: P}
    guidance: {sv: V}
    measures: [{sv: Å}]
`
	const head = "id: x\nversion: 1\ntitle: {sv: T}\ndescription: {sv: B}\n"
	tests := []struct {
		name, body string
		sv, en     string
	}{
		{"not a mapping", "- a\n- b\n", "måste vara en mappning", "the area must be a mapping (key: value), not a list"},
		{"duplicate field", head + "version: 2\nitems:\n" + item + "    legal: [{ref: AML 3:2a, kind: law}]\n",
			"förekommer två gånger", `the field "version" occurs twice in the area (first on line 2)`},
		{"missing field", "id: x\nversion: 1\ntitle: {sv: T}\nitems:\n" + item + "    legal: [{ref: AML 3:2a, kind: law}]\n",
			`fältet "description" saknas i området`, `the field "description" is missing in the area`},
		{"zero version", "id: x\nversion: 0\ntitle: {sv: T}\ndescription: {sv: B}\nitems:\n" + item + "    legal: [{ref: AML 3:2a, kind: law}]\n",
			"version måste vara 1 eller större", "version must be 1 or more"},
		{"items not a list", head + "items: {a: b}\n", "items måste vara en lista", "items must be a list, not a mapping"},
		{"text not text", head + "items:\n" + item + "    legal: [{ref: [a], kind: law}]\n",
			"ref måste vara text, inte en lista", "ref must be text, not a list"},
		{"unknown legal kind", head + "items:\n" + item + "    legal: [{ref: AML 3:2a, kind: lag}]\n",
			`okänd sorts grund "lag"`, `unknown kind of basis "lag" (law, advice, practice or policy)`},
		{"missing ref", head + "items:\n" + item + "    legal: [{kind: law}]\n",
			"ref saknas", "ref is missing (only kind: policy may lack a reference)"},
		{"bad verified_on", head + "verified_on: 2026-02-30\nitems:\n" + item + "    legal: [{ref: AML 3:2a, kind: law}]\n",
			`verified_on: ogiltigt datum "2026-02-30"`, `verified_on: invalid date "2026-02-30": write YYYY-MM-DD`},
		{"no basis", head + "items:\n" + item, `punkten "a" saknar både`, `the item "a" has neither a policy reference nor a legal basis`},
		{"bad policy ref", head + "items:\n" + item + "    policies: [{a: b}]\n",
			"policyreferens måste vara text", "a policy reference must be text, not a mapping"},
		{"empty value", head + "order:\nitems:\n" + item + "    legal: [{ref: AML 3:2a, kind: law}]\n",
			`order måste vara ett heltal, inte ""`, `order must be a whole number, not ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := parseArea("f.yaml", []byte(tt.body), nil)
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			var sv, en []string
			for _, err := range errs {
				fe := err.(*FileError)
				sv = append(sv, fe.Message(Swedish))
				en = append(en, fe.Message(English))
				if w := swedishIn(fe.Msg.EN); w != "" {
					t.Errorf("English message has the Swedish word %q: %q", w, fe.Msg.EN)
				}
			}
			if s := strings.Join(sv, "\n"); !strings.Contains(s, tt.sv) {
				t.Errorf("Swedish:\n%s\nwant it to contain %q", s, tt.sv)
			}
			if s := strings.Join(en, "\n"); !strings.Contains(s, tt.en) {
				t.Errorf("English:\n%s\nwant it to contain %q", s, tt.en)
			}
		})
	}
}

func TestPolicyMessagesEnglish(t *testing.T) {
	body := `source: {title: T, organisation: O}
statements:
  - id: p-1
    section: "1"
    theme: okänt
    text: {sv: T}
  - id: p-1
    section: "1"
    theme: sam
    text: {sv: T}
`
	_, errs := parsePolicy("p.yaml", []byte(body))
	var en []string
	for _, err := range errs {
		en = append(en, err.(*FileError).Message(English))
	}
	got := strings.Join(en, "\n")
	for _, want := range []string{`p.yaml:5:12: unknown theme "okänt"`, `p.yaml:7:5: the policy statement "p-1" already exists (line 3)`} {
		if !strings.Contains(got, want) {
			t.Errorf("English:\n%s\nwant it to contain %q", got, want)
		}
	}
}

// TestLoadMessagesEnglish checks the messages of Load that are not about
// one file's content: duplicates across files and unreadable files.
func TestLoadMessagesEnglish(t *testing.T) {
	builtin := fstest.MapFS{
		"policies/test.yaml": {Data: []byte(policyYAML)},
		"policies/copy.yaml": {Data: []byte(policyYAML)},
		"checklists/a.yaml":  {Data: []byte(areaYAML("alfa", "Alfa", true, 1))},
		"checklists/b.yaml":  {Data: []byte(areaYAML("alfa", "Alfa", true, 1))},
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(areaYAML("egen", "Egen", false, 1)), 0o600)
	os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(areaYAML("egen", "Egen", false, 1)), 0o600)
	os.Mkdir(filepath.Join(dir, "c.yaml"), 0o700) // a directory with a yaml name is skipped
	os.WriteFile(filepath.Join(dir, "stor.yaml"), make([]byte, maxFileSize+1), 0o600)
	_, errs := Load(builtin, dir)
	var en []string
	for _, err := range errs {
		en = append(en, Message(err, English))
		if Message(err, Swedish) != err.Error() {
			t.Errorf("Swedish message %q is not Error() %q", Message(err, Swedish), err.Error())
		}
	}
	got := strings.Join(en, "\n")
	for _, want := range []string{
		`test.yaml: the policy statement "t-1-rutin" already exists in inbyggd:policies/copy.yaml; the file is skipped`,
		`b.yaml: the area "alfa" already exists`,
		`b.yaml: the area "egen" already exists in ` + filepath.Join(dir, "a.yaml") + `; the file is skipped`,
		`stor.yaml: the file is too large (at most 4 MB)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("English:\n%s\nwant it to contain %q", got, want)
		}
	}
	if w := swedishIn(got); w != "" {
		t.Errorf("English messages have the Swedish word %q:\n%s", w, got)
	}
}

func TestParseErrorsEnglish(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		sv, en string
	}{
		{"answer", second(ParseAnswer("kanske")), `okänt svar "kanske"`, `unknown answer "kanske" (ja, delvis, nej, ej_aktuellt)`},
		{"level", second(ParseLevel("jättehög")), `okänd risknivå "jättehög"`, `unknown risk level "jättehög"`},
		{"status", second(ParseActionStatus("typ klar")), `okänd status "typ klar"`, `unknown status "typ klar"`},
		{"escalation", second(ParseEscalation("vd")), `okänd eskalering "vd"`, `unknown escalation "vd"`},
		{"date", second(ParseDate("2026-02-30")), `ogiltigt datum "2026-02-30": skriv ÅÅÅÅ-MM-DD`, `invalid date "2026-02-30": write YYYY-MM-DD, e.g. 2026-03-14`},
		{"year", second(ParseDate("2300-01-01")), "året måste ligga mellan 1900 och 2200", "the year must be between 1900 and 2200"},
		{"probability", Risk{Probability: 5, Consequence: 1}.Validate(), "sannolikhet 5: måste vara 1–4", "probability 5: must be 1–4"},
		{"consequence", Risk{Probability: 1, Consequence: 9}.Validate(), "konsekvens 9: måste vara 1–4", "consequence 9: must be 1–4"},
		{"level mismatch", Risk{Probability: 1, Consequence: 1, Level: Hog}.Validate(), "risknivå hog stämmer inte med 1 × 1", "risk level hog does not match 1 × 1"},
		{"no what", Action{What: "  "}.Validate(), "åtgärden saknar text", "the action has no text (what is to be done?)"},
		{"half link", Action{What: "x", AreaID: "sam"}.Validate(), "både område och punkt", "both an area and an item, or to neither"},
		{"done date", Action{What: "x", DoneOn: Date{2026, 1, 1}}.Validate(), "datum för klar kräver status klar", "a done date needs the status klar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(tt.err, ErrInvalid) {
				t.Errorf("%v does not wrap ErrInvalid", tt.err)
			}
			if got := tt.err.Error(); !strings.Contains(got, tt.sv) {
				t.Errorf("Error() = %q, want it to contain %q", got, tt.sv)
			}
			if got := Message(tt.err, English); !strings.Contains(got, tt.en) {
				t.Errorf("English = %q, want it to contain %q", got, tt.en)
			}
			if got := Message(tt.err, Swedish); got != tt.err.Error() {
				t.Errorf("Swedish = %q, want Error() %q", got, tt.err.Error())
			}
		})
	}
}

func second[T any](_ T, err error) error { return err }

func TestMessageAndTextf(t *testing.T) {
	plain := errors.New("plain")
	if got := Message(plain, English); got != "plain" {
		t.Errorf("Message of a plain error = %q", got)
	}
	inner := Errorf("inre %d", "inner %d", 1)
	wrapped := fmt.Errorf("yttre: %w", inner)
	if got := Message(wrapped, English); got != "yttre: inre 1" {
		t.Errorf("a wrapper's own words must be kept: %q", got)
	}
	tx := Textf("%s, %v, %q, %d", "%s, %v, %q, %d", Text{SV: "text", EN: "text-en"}, inner, Text{SV: "citat"}, 7)
	if tx.SV != `text, inre 1, "citat", 7` || tx.EN != `text-en, inner 1, "citat", 7` {
		t.Errorf("Textf = %#v", tx)
	}
	if got := TextOf(inner); got != (Text{SV: "inre 1", EN: "inner 1"}) {
		t.Errorf("TextOf = %#v", got)
	}
	fe := &FileError{File: "f.yaml", Line: 3, Msg: Text{SV: "fel", EN: "wrong"}}
	if fe.Message(English) != "f.yaml:3: wrong" || fe.Error() != "f.yaml:3: fel" {
		t.Errorf("FileError: %q, %q", fe.Message(English), fe.Error())
	}
}
