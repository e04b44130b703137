package report

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"

	"samkoll/assets"
	"samkoll/checklist"
)

// The names of the built-in templates in assets/templates, which are also
// the file names an organisation uses to override them.
const (
	// PlanTemplate lays out the action plan of one assessment.
	PlanTemplate = "handlingsplan.md.tmpl"
	// OpenTemplate lays out the unfinished actions of one or all units.
	OpenTemplate = "oppna-atgarder.md.tmpl"
	// PlanHTMLTemplate lays out the action plan of one assessment as one
	// HTML document. It is a text/template like the others; its data is
	// escaped for HTML (HTMLText), and esc and cell escape for HTML.
	PlanHTMLTemplate = "handlingsplan.html.tmpl"
)

// executor is a parsed template.
type executor interface {
	Execute(w io.Writer, data any) error
}

// parseTemplate parses src as template name, with the functions of HTML
// when name ends in ".html.tmpl" and those of markdown otherwise.
func parseTemplate(name, src string, lang checklist.Lang) (executor, error) {
	f := funcs(lang)
	if strings.HasSuffix(name, ".html.tmpl") {
		f = htmlFuncs(lang)
	}
	return template.New(name).Funcs(f).Option("missingkey=error").Parse(src)
}

// maxTemplateSize bounds an override file; a template is a few kilobytes.
const maxTemplateSize = 1 << 20

// TemplateError reports an override template that could not be read,
// parsed or executed. The export then used the built-in template.
type TemplateError struct {
	// Path is the override file.
	Path string
	// Err is the cause; parse and execution errors name the file and line.
	Err error
}

// Error returns the Swedish message.
func (e *TemplateError) Error() string { return e.Message(checklist.Swedish) }

// Unwrap returns the cause.
func (e *TemplateError) Unwrap() error { return e.Err }

// Message returns a sentence for the user in lang naming the file, the
// line when known, and what happened instead.
func (e *TemplateError) Message(lang checklist.Lang) string {
	cause := strings.TrimPrefix(e.Err.Error(), "template: ")
	if !strings.Contains(cause, e.Path) {
		cause = e.Path + ": " + cause
	}
	return fmt.Sprintf(checklist.Text{
		SV: "exportmallen går inte att använda: %s. Den inbyggda mallen användes i stället.",
		EN: "the export template cannot be used: %s. The built-in template was used instead.",
	}.In(lang), cause)
}

// htmlFuncs returns the functions of an HTML template for lang: those of
// funcs, with esc and cell escaping for HTML, and tr escaping its literal.
func htmlFuncs(lang checklist.Lang) template.FuncMap {
	f := funcs(lang)
	f["tr"] = func(sv, en string) string { return html.EscapeString(checklist.Text{SV: sv, EN: en}.In(lang)) }
	f["esc"] = HTMLText
	f["cell"] = HTMLCell
	return f
}

// funcs returns the template functions for lang. Every function returns
// markdown that is safe to place anywhere on a line.
func funcs(lang checklist.Lang) template.FuncMap {
	return template.FuncMap{
		// tr picks the Swedish or the English literal.
		"tr": func(sv, en string) string { return checklist.Text{SV: sv, EN: en}.In(lang) },
		// esc escapes text for a line or a list item.
		"esc": Inline,
		// cell escapes text for a table cell; empty text becomes "–".
		"cell": Cell,
		// dash returns "–" for empty (already escaped) text.
		"dash": dash,
		// stop ends a sentence with one full stop: none is added after
		// text that already ends in . ! ? or …
		"stop": stop,
	}
}

var builtin struct {
	sync.Mutex
	parsed map[string]executor
}

// builtinTemplate returns the parsed built-in template name for lang. It is
// parsed once per language and then shared: executing a template is safe
// for concurrent use.
func builtinTemplate(name string, lang checklist.Lang) (executor, error) {
	builtin.Lock()
	defer builtin.Unlock()
	key := name + "/" + string(lang)
	if t := builtin.parsed[key]; t != nil {
		return t, nil
	}
	src, err := fs.ReadFile(assets.FS, "templates/"+name)
	if err != nil {
		return nil, err
	}
	t, err := parseTemplate(name, string(src), lang)
	if err != nil {
		return nil, err
	}
	if builtin.parsed == nil {
		builtin.parsed = map[string]executor{}
	}
	builtin.parsed[key] = t
	return t, nil
}

// overrideTemplate reads and parses the organisation's template at path.
func overrideTemplate(path string, lang checklist.Lang) (executor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxTemplateSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > maxTemplateSize {
		return nil, fmt.Errorf("filen är större än %d byte", maxTemplateSize)
	}
	return parseTemplate(path, string(src), lang)
}

// bufPool holds output buffers, so that exporting many assessments does
// not grow a new buffer for each.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes the override template opt.Template, if any, else the
// built-in template name, with data, and writes the result to w. A broken
// override is reported to opt.Warn as a *TemplateError and the built-in
// template is used. Nothing reaches w unless a template ran to the end.
func render(w io.Writer, name string, data any, opt Options) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 1<<20 {
			bufPool.Put(buf)
		}
	}()
	if opt.Template != "" {
		t, err := overrideTemplate(opt.Template, opt.lang())
		if err == nil {
			err = t.Execute(buf, data)
		}
		if err == nil {
			_, err = w.Write(buf.Bytes())
			return err
		}
		if opt.Warn != nil {
			opt.Warn(&TemplateError{Path: opt.Template, Err: err})
		}
		buf.Reset()
	}
	t, err := builtinTemplate(name, opt.lang())
	if err != nil {
		return err
	}
	if err := t.Execute(buf, data); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// stop returns s with a full stop at the end, unless it already ends a
// sentence (. ! ? …, also escaped as \.), so that "med stöd av HR." does
// not become "HR..".
func stop(s string) string {
	t := strings.TrimRight(s, " ")
	if t == "" {
		return s
	}
	switch r, _ := utf8.DecodeLastRuneInString(t); r {
	case '.', '!', '?', '…':
		return t
	}
	return t + "."
}

// dash returns "–" for empty (already escaped) text.
func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
