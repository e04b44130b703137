package report

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"text/template"

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
)

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
	}
}

var builtin struct {
	sync.Mutex
	parsed map[string]*template.Template
}

// builtinTemplate returns the parsed built-in template name for lang. It is
// parsed once per language and then shared: executing a template is safe
// for concurrent use.
func builtinTemplate(name string, lang checklist.Lang) (*template.Template, error) {
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
	t, err := template.New(name).Funcs(funcs(lang)).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, err
	}
	if builtin.parsed == nil {
		builtin.parsed = map[string]*template.Template{}
	}
	builtin.parsed[key] = t
	return t, nil
}

// overrideTemplate reads and parses the organisation's template at path.
func overrideTemplate(path string, lang checklist.Lang) (*template.Template, error) {
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
	return template.New(path).Funcs(funcs(lang)).Option("missingkey=error").Parse(string(src))
}

// bufPool holds output buffers, so that exporting many assessments does
// not grow a new buffer for each.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes the override template opt.Template, if any, else the
// built-in template name, with data, and writes the result to w. A broken
// override is reported to opt.Warn as a *TemplateError and the built-in
// template is used. Nothing reaches w unless a template ran to the end.
// direct, if not nil, writes exactly what the built-in template would and
// is used instead of it.
func render(w io.Writer, name string, data any, opt Options, direct func(*bytes.Buffer)) error {
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
	if direct != nil {
		direct(buf)
		_, err := w.Write(buf.Bytes())
		return err
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
