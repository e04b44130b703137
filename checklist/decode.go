package checklist

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// decoder maps a YAML node tree onto the domain types strictly: unknown
// fields, wrong kinds and missing required fields are errors with positions.
// It collects every error instead of stopping at the first.
type decoder struct {
	file string
	errs []error
}

// errAt records an error at n (nil: no position), formatted by Textf from
// the Swedish and English formats.
func (d *decoder) errAt(n *yaml.Node, sv, en string, args ...any) {
	e := &FileError{File: d.file, Msg: Textf(sv, en, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// errIn records an error about the scalar n whose trimmed value is v, at
// byte offset off in v, so that the column points at the offending part of
// a one-line value.
func (d *decoder) errIn(n *yaml.Node, v string, off int, sv, en string, args ...any) {
	d.errAt(n, sv, en, args...)
	e := d.errs[len(d.errs)-1].(*FileError)
	if strings.Contains(n.Value, "\n") || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || off > len(v) {
		return
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		e.Column++
	}
	e.Column += utf8.RuneCountInString(v[:off])
}

// field describes one key of a mapping.
type field struct {
	required bool
	decode   func(key, val *yaml.Node)
}

// lit names a field in messages; field names read the same in both
// languages.
func lit(name string) Text { return Text{SV: name, EN: name} }

// mapping decodes a mapping node. what names the mapping in messages, e.g.
// "punkt". It reports unknown, duplicate and missing keys.
func (d *decoder) mapping(n *yaml.Node, what Text, fields map[string]field) {
	if n.Kind != yaml.MappingNode {
		d.errAt(n, "%s måste vara en mappning (nyckel: värde), inte %s",
			"%s must be a mapping (key: value), not %s", what, kindName(n))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		f, ok := fields[name]
		if !ok {
			d.errAt(k, "okänt fält %q i %s (tillåtna: %s)", "unknown field %q in %s (allowed: %s)", name, what, fieldNames(fields))
			continue
		}
		if prev, dup := seen[name]; dup {
			d.errAt(k, "fältet %q förekommer två gånger i %s (första på rad %d)",
				"the field %q occurs twice in %s (first on line %d)", name, what, prev.Line)
			continue
		}
		seen[name] = k
		f.decode(k, v)
	}
	var missing []string
	for name, f := range fields {
		if f.required && seen[name] == nil {
			missing = append(missing, name)
		}
	}
	slices.Sort(missing)
	for _, name := range missing {
		d.errAt(n, "fältet %q saknas i %s", "the field %q is missing in %s", name, what)
	}
}

func fieldNames(fields map[string]field) string {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

func kindName(n *yaml.Node) Text {
	switch n.Kind {
	case yaml.MappingNode:
		return Text{SV: "en mappning", EN: "a mapping"}
	case yaml.SequenceNode:
		return Text{SV: "en lista", EN: "a list"}
	case yaml.ScalarNode:
		return Textf("värdet %q", "the value %q", n.Value)
	case yaml.AliasNode:
		return Text{SV: "ett alias", EN: "an alias"}
	}
	return Text{SV: "ett tomt värde", EN: "an empty value"}
}

func (d *decoder) str(n *yaml.Node, what Text) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errAt(n, "%s måste vara text, inte %s", "%s must be text, not %s", what, kindName(n))
		return ""
	}
	v := strings.TrimSpace(n.Value)
	if r, _, bad := Unsafe(v); bad {
		d.errAt(n, "%s innehåller ett styrtecken eller osynligt tecken (%U); ta bort det",
			"%s holds a control or invisible character (%U); remove it", what, r)
		return Sanitize(v)
	}
	return v
}

func (d *decoder) integer(n *yaml.Node, what Text) int {
	if n.Kind != yaml.ScalarNode {
		d.errAt(n, "%s måste vara ett heltal, inte %s", "%s must be a whole number, not %s", what, kindName(n))
		return 0
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		d.errAt(n, "%s måste vara ett heltal, inte %q", "%s must be a whole number, not %q", what, n.Value)
		return 0
	}
	return v
}

func (d *decoder) boolean(n *yaml.Node, what Text) bool {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "true":
			return true
		case "false":
			return false
		}
	}
	d.errAt(n, "%s måste vara true eller false, inte %s", "%s must be true or false, not %s", what, kindName(n))
	return false
}

// text decodes a Text: a mapping with sv (required) and en.
// what is a field name, the same in both languages.
func (d *decoder) text(n *yaml.Node, what string) Text {
	var t Text
	if n.Kind != yaml.MappingNode {
		d.errAt(n, "%q måste ha svensk och engelsk text (sv: ..., en: ...), inte %s",
			"%q must have Swedish and English text (sv: ..., en: ...), not %s", what, kindName(n))
		return t
	}
	d.mapping(n, lit(fmt.Sprintf("%q", what)), map[string]field{
		"sv": {decode: func(_, v *yaml.Node) { t.SV = d.str(v, lit(what+".sv")) }},
		"en": {decode: func(_, v *yaml.Node) { t.EN = d.str(v, lit(what+".en")) }},
	})
	if t.SV == "" {
		d.errAt(n, "svensk text (sv) saknas i %q", "Swedish text (sv) is missing in %q", what)
	}
	return t
}

func (d *decoder) seq(n *yaml.Node, what Text, each func(*yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		if n.Tag == "!!null" {
			return
		}
		d.errAt(n, "%s måste vara en lista, inte %s", "%s must be a list, not %s", what, kindName(n))
		return
	}
	for _, c := range n.Content {
		each(c)
	}
}

var idPattern = lazyRegexp(`^[a-z0-9][a-z0-9.-]*$`)

func (d *decoder) id(n *yaml.Node, what Text) string {
	s := d.str(n, what)
	if s != "" && !idPattern().MatchString(s) {
		d.errAt(n, "ogiltigt id %q i %s: använd små bokstäver a–z, siffror, '-' och '.'",
			"invalid id %q in %s: use lower-case letters a–z, digits, '-' and '.'", s, what)
	}
	return s
}

// policyRef is a reference to a policy statement, kept with its position so
// unknown references can be reported after all policies are loaded.
type policyRef struct {
	id   string
	node *yaml.Node
}

// parseArea decodes an area file. known reports whether a policy statement
// id exists; nil skips that check.
func parseArea(file string, data []byte, known func(string) bool) (*Area, []error) {
	d := &decoder{file: file}
	root, ok := d.document(data)
	if !ok {
		return nil, d.errs
	}
	a := &Area{}
	var refs []policyRef
	area := Text{SV: "området", EN: "the area"}
	d.mapping(root, area, map[string]field{
		"id":          {required: true, decode: func(_, v *yaml.Node) { a.ID = d.id(v, area) }},
		"version":     {required: true, decode: func(_, v *yaml.Node) { a.Version = d.positive(v, lit("version")) }},
		"core":        {decode: func(_, v *yaml.Node) { a.Core = d.boolean(v, lit("core")) }},
		"recommended": {decode: func(_, v *yaml.Node) { a.Recommended = d.boolean(v, lit("recommended")) }},
		"order":       {decode: func(_, v *yaml.Node) { a.Order = d.integer(v, lit("order")) }},
		"title":       {required: true, decode: func(_, v *yaml.Node) { a.Title = d.text(v, "title") }},
		"description": {required: true, decode: func(_, v *yaml.Node) {
			a.Description = d.text(v, "description")
		}},
		"verified_on": {decode: func(_, v *yaml.Node) {
			s := d.str(v, lit("verified_on"))
			if _, err := ParseDate(s); err != nil && s != "" {
				d.errAt(v, "verified_on: %v", "verified_on: %v", err)
			}
			a.VerifiedOn = s
		}},
		"items": {required: true, decode: func(_, v *yaml.Node) {
			seen := map[string]int{}
			d.seq(v, lit("items"), func(n *yaml.Node) {
				it, r := d.item(n)
				if it.ID != "" {
					if line, dup := seen[it.ID]; dup {
						d.errAt(n, "punkten %q finns redan (rad %d)", "the item %q already exists (line %d)", it.ID, line)
					}
					seen[it.ID] = n.Line
				}
				refs = append(refs, r...)
				a.Items = append(a.Items, it)
			})
			if len(a.Items) == 0 {
				d.errAt(v, "området har inga punkter (items)", "the area has no items")
			}
		}},
	})
	if known != nil {
		for _, r := range refs {
			if !known(r.id) {
				d.errAt(r.node, "okänd policyreferens %q", "unknown policy reference %q", r.id)
			}
		}
	}
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return a, nil
}

func (d *decoder) positive(n *yaml.Node, what Text) int {
	v := d.integer(n, what)
	if v < 1 && n.Kind == yaml.ScalarNode {
		if _, err := strconv.Atoi(n.Value); err == nil {
			d.errAt(n, "%s måste vara 1 eller större", "%s must be 1 or more", what)
		}
	}
	return v
}

func (d *decoder) item(n *yaml.Node) (Item, []policyRef) {
	it := Item{Pos: Pos{n.Line, n.Column}}
	var refs []policyRef
	what := Text{SV: "punkt", EN: "item"}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
				what = Textf("punkten %q", "the item %q", n.Content[i+1].Value)
			}
		}
	}
	d.mapping(n, what, map[string]field{
		"id": {required: true, decode: func(_, v *yaml.Node) { it.ID = d.id(v, what) }},
		"type": {required: true, decode: func(_, v *yaml.Node) {
			it.Type = ItemType(d.str(v, lit("type")))
			if it.Type != "" && !it.Type.Valid() {
				d.errAt(v, "okänd typ %q (lagkrav, risk eller friskfaktor)", "unknown type %q (lagkrav, risk or friskfaktor)", it.Type)
			}
		}},
		"statement": {required: true, decode: func(_, v *yaml.Node) { it.Statement = d.text(v, "statement") }},
		"problem":   {required: true, decode: func(_, v *yaml.Node) { it.Problem = d.text(v, "problem") }},
		"guidance":  {required: true, decode: func(_, v *yaml.Node) { it.Guidance = d.text(v, "guidance") }},
		"policies": {decode: func(_, v *yaml.Node) {
			d.seq(v, lit("policies"), func(p *yaml.Node) {
				id := d.str(p, Text{SV: "policyreferens", EN: "a policy reference"})
				if id != "" {
					it.Policies = append(it.Policies, id)
					refs = append(refs, policyRef{id, p})
				}
			})
		}},
		"legal": {decode: func(_, v *yaml.Node) {
			d.seq(v, lit("legal"), func(l *yaml.Node) { it.Legal = append(it.Legal, d.legal(l)) })
		}},
		"measures": {required: true, decode: func(_, v *yaml.Node) {
			d.seq(v, lit("measures"), func(m *yaml.Node) { it.Measures = append(it.Measures, d.text(m, "measures")) })
			if len(it.Measures) == 0 {
				d.errAt(v, "%s saknar förslag på åtgärder (measures)", "%s has no suggested measures", what)
			}
		}},
	})
	if n.Kind == yaml.MappingNode && len(it.Policies) == 0 && len(it.Legal) == 0 {
		d.errAt(n, "%s saknar både policyreferens och rättslig grund", "%s has neither a policy reference nor a legal basis", what)
	}
	return it, refs
}

func (d *decoder) legal(n *yaml.Node) Legal {
	var l Legal
	var refNode, kindNode *yaml.Node
	d.mapping(n, Text{SV: "rättslig grund (legal)", EN: "the legal basis (legal)"}, map[string]field{
		"ref": {decode: func(_, v *yaml.Node) { refNode = v; l.Ref = d.str(v, lit("ref")) }},
		"kind": {required: true, decode: func(_, v *yaml.Node) {
			kindNode = v
			l.Kind = LegalKind(d.str(v, lit("kind")))
			if l.Kind != "" && !l.Kind.Valid() {
				d.errAt(v, "okänd sorts grund %q (law, advice, practice eller policy)",
					"unknown kind of basis %q (law, advice, practice or policy)", l.Kind)
			}
		}},
		"unverified": {decode: func(_, v *yaml.Node) { l.Unverified = d.boolean(v, lit("unverified")) }},
	})
	if refNode != nil && l.Ref != "" {
		if _, p := CheckRef(l.Ref); p != nil {
			d.errIn(refNode, l.Ref, p.Offset, "%q: %s", "%q: %s", l.Ref, p.Msg)
		}
	}
	if l.Ref == "" && kindNode != nil && l.Kind != PolicyOnly && l.Kind.Valid() {
		d.errAt(n, "ref saknas (bara kind: policy får sakna hänvisning)", "ref is missing (only kind: policy may lack a reference)")
	}
	return l
}

// parsePolicy decodes a policy file.
func parsePolicy(file string, data []byte) (*PolicySource, []error) {
	d := &decoder{file: file}
	root, ok := d.document(data)
	if !ok {
		return nil, d.errs
	}
	src := &PolicySource{}
	seen := map[string]int{}
	statement := Text{SV: "policyuttalandet", EN: "the policy statement"}
	d.mapping(root, Text{SV: "policyfilen", EN: "the policy file"}, map[string]field{
		"source": {required: true, decode: func(_, v *yaml.Node) {
			d.mapping(v, lit("source"), map[string]field{
				"file":         {decode: func(_, v *yaml.Node) { src.File = d.str(v, lit("file")) }},
				"title":        {required: true, decode: func(_, v *yaml.Node) { src.Title = d.str(v, lit("title")) }},
				"organisation": {required: true, decode: func(_, v *yaml.Node) { src.Organisation = d.str(v, lit("organisation")) }},
			})
		}},
		"statements": {required: true, decode: func(_, v *yaml.Node) {
			d.seq(v, lit("statements"), func(n *yaml.Node) {
				st := &Statement{Source: src}
				d.mapping(n, statement, map[string]field{
					"id":      {required: true, decode: func(_, v *yaml.Node) { st.ID = d.id(v, statement) }},
					"section": {required: true, decode: func(_, v *yaml.Node) { st.Section = d.str(v, lit("section")) }},
					"theme": {required: true, decode: func(_, v *yaml.Node) {
						st.Theme = Theme(d.str(v, lit("theme")))
						if st.Theme != "" && !st.Theme.Valid() {
							d.errAt(v, "okänt tema %q", "unknown theme %q", st.Theme)
						}
					}},
					"text":         {required: true, decode: func(_, v *yaml.Node) { st.Text = d.text(v, "text") }},
					"out_of_scope": {decode: func(_, v *yaml.Node) { st.OutOfScope = d.text(v, "out_of_scope") }},
				})
				if st.ID != "" {
					if line, dup := seen[st.ID]; dup {
						d.errAt(n, "policyuttalandet %q finns redan (rad %d)", "the policy statement %q already exists (line %d)", st.ID, line)
					}
					seen[st.ID] = n.Line
				}
				src.Statements = append(src.Statements, st)
			})
		}},
	})
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return src, nil
}

// document parses data and returns its root mapping node.
func (d *decoder) document(data []byte) (*yaml.Node, bool) {
	if line, col, r, ok := rawControl(data); ok {
		// The YAML reader refuses it too, but in English and without a
		// place.
		d.errAt(nil, "här står ett styrtecken (U+%04X); ta bort det", "a control character (U+%04X) here; remove it", r)
		fe := d.errs[len(d.errs)-1].(*FileError)
		fe.Line, fe.Column = line, col
		return nil, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		d.errAt(nil, "felaktig YAML: %s", "invalid YAML: %s", yamlMessage(err))
		if fe, ok := d.errs[len(d.errs)-1].(*FileError); ok {
			fe.Line = yamlErrLine(err)
		}
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		d.errAt(nil, "filen är tom", "the file is empty")
		return nil, false
	}
	return doc.Content[0], true
}

var yamlLineRe = lazyRegexp(`line (\d+)`)

// yamlParserProblems are the parser (not scanner) errors of yaml.v3. For
// them it reports the 0-based line where the enclosing collection starts,
// and no line at all for the first line, so one is added.
var yamlParserProblems = []string{"did not find expected ',' or", "did not find expected '-' indicator",
	"did not find expected <", "did not find expected key", "did not find expected node content",
	"found duplicate %", "found incompatible YAML document", "found undefined tag handle"}

func yamlErrLine(err error) int {
	msg := err.Error()
	n := 0
	if m := yamlLineRe().FindStringSubmatch(msg); m != nil {
		n, _ = strconv.Atoi(m[1])
	}
	for _, p := range yamlParserProblems {
		if strings.Contains(msg, p) {
			return n + 1
		}
	}
	return n
}

func yamlMessage(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = yamlLineRe().ReplaceAllString(msg, "")
	return strings.TrimLeft(msg, ": ")
}

// rawControl finds the first control character written as such in a YAML
// file (not as an escape like "\e"): C0 other than tab, line feed and
// carriage return, DEL, and C1 other than NEL, which YAML reads as a line
// break. It returns its 1-based line and column in characters.
func rawControl(data []byte) (line, col int, r rune, ok bool) {
	line, col = 1, 1
	for _, c := range string(data) {
		switch {
		case c == '\n':
			line, col = line+1, 1
			continue
		case c == '\t' || c == '\r' || c == '\u0085':
		case c < 0x20 || (c >= 0x7f && c <= 0x9f):
			return line, col, c, true
		}
		col++
	}
	return 0, 0, 0, false
}
