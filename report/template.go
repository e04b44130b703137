package report

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"maps"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
	"time"
	"unicode/utf8"

	template "github.com/DataDog/datadog-agent/pkg/template/text"

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

// parseOverride parses an organisation's template like parseTemplate, with
// the builtins that can grow a text (print, printf, println, html, js,
// urlquery) replaced by versions that refuse a result over maxOutput, and
// refuses loops that could run for hours (checkLoops).
//
// Every function of the template fails once stop is set (executeBounded
// sets it when the time is up), and so ends the execution.
func parseOverride(name, src string, lang checklist.Lang, stop *atomic.Bool) (executor, error) {
	f := funcs(lang)
	if strings.HasSuffix(name, ".html.tmpl") {
		f = htmlFuncs(lang)
	}
	maps.Copy(f, boundedBuiltins())
	for k, fn := range f {
		f[k] = stoppable(fn, stop)
	}
	f[tickName] = func() (string, error) {
		if stop.Load() {
			return "", errTemplateStopped
		}
		return "", nil
	}
	t, err := template.New(name).Funcs(f).Option("missingkey=error").Parse(src)
	if err != nil {
		return nil, err
	}
	for _, tt := range t.Templates() {
		if err := checkLoops(name, tt.Tree); err != nil {
			return nil, err
		}
	}
	if err := addTicks(t); err != nil {
		return nil, err
	}
	return t, nil
}

// tickName is the template function that addTicks calls at every turn of
// a loop and at the start of every template. It writes nothing and fails
// once the template's time is up.
const tickName = "samkollTick"

// addTicks puts a call of tickName first in the body of every range and
// in every template of t, so that a template out of time stops at its
// next turn of any loop or its next template call, even one that writes
// nothing and calls no function: {{range (100000000000000)}}{{end}}, a
// range over a number held in dot, or loops nested through {{template}},
// which checkLoops cannot count.
func addTicks(t *template.Template) error {
	trees, err := parse.Parse("tick", "{{"+tickName+"}}", "", "", map[string]any{tickName: true})
	if err != nil {
		return err
	}
	tick := trees["tick"].Root.Nodes[0]
	var walk func(l *parse.ListNode)
	walk = func(l *parse.ListNode) {
		if l == nil {
			return
		}
		for _, n := range l.Nodes {
			switch n := n.(type) {
			case *parse.RangeNode:
				walk(n.List)
				walk(n.ElseList)
				if n.List != nil {
					n.List.Nodes = append([]parse.Node{tick.Copy()}, n.List.Nodes...)
				}
			case *parse.IfNode:
				walk(n.List)
				walk(n.ElseList)
			case *parse.WithNode:
				walk(n.List)
				walk(n.ElseList)
			case *parse.ListNode:
				walk(n)
			}
		}
	}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		walk(tt.Tree.Root)
		tt.Tree.Root.Nodes = append([]parse.Node{tick.Copy()}, tt.Tree.Root.Nodes...)
	}
	return nil
}

// Bounds on an organisation's template. The built-in ones are trusted;
// an override is a file anyone with access to the config folder can
// write, and a template language can loop and grow text.
var (
	// maxOutput bounds what a template may write, and every text a
	// template function returns (a plan is tens of kilobytes).
	maxOutput = 8 << 20
	// maxTemplateTime bounds how long a template may run.
	maxTemplateTime = 5 * time.Second
	// maxLoop bounds the product of the numeric ranges nested in a
	// template ({{range 1000}}…): data ranges are bounded by the data.
	maxLoop = int64(100_000)
)

// outputLimitError is returned when a template writes more than
// maxOutput.
func outputLimitError() error {
	return checklist.Errorf("mallen skriver mer än %d MB", "the template writes more than %d MB", maxOutput>>20)
}

// boundedBuiltins returns the text/template builtins that build text,
// refusing a result longer than maxOutput, so that a template cannot
// double a string in a variable until memory runs out.
func boundedBuiltins() template.FuncMap {
	bound := func(s string) (string, error) {
		if len(s) > maxOutput {
			return "", outputLimitError()
		}
		return s, nil
	}
	return template.FuncMap{
		"print":    func(a ...any) (string, error) { return bound(fmt.Sprint(a...)) },
		"printf":   func(f string, a ...any) (string, error) { return bound(fmt.Sprintf(f, a...)) },
		"println":  func(a ...any) (string, error) { return bound(fmt.Sprintln(a...)) },
		"html":     func(a ...any) (string, error) { return bound(template.HTMLEscaper(a...)) },
		"js":       func(a ...any) (string, error) { return bound(template.JSEscaper(a...)) },
		"urlquery": func(a ...any) (string, error) { return bound(template.URLQueryEscaper(a...)) },
	}
}

// checkLoops refuses a template whose numeric ranges ({{range N}}, also
// through a variable set from a number) nest to more than maxLoop
// iterations: {{range 100000000000000}}{{end}} writes nothing and would
// run for days.
func checkLoops(name string, tree *parse.Tree) error {
	if tree == nil || tree.Root == nil {
		return nil
	}
	nums := map[string]int64{} // variables set from a number
	var walk func(n parse.Node, product int64) error
	walkList := func(l *parse.ListNode, product int64) error {
		if l == nil {
			return nil
		}
		for _, n := range l.Nodes {
			if err := walk(n, product); err != nil {
				return err
			}
		}
		return nil
	}
	walk = func(n parse.Node, product int64) error {
		switch n := n.(type) {
		case *parse.ActionNode:
			noteNumbers(n.Pipe, nums)
		case *parse.IfNode:
			if err := walkList(n.List, product); err != nil {
				return err
			}
			return walkList(n.ElseList, product)
		case *parse.WithNode:
			if err := walkList(n.List, product); err != nil {
				return err
			}
			return walkList(n.ElseList, product)
		case *parse.RangeNode:
			if k, ok := rangeCount(n.Pipe, nums); ok {
				if k > maxLoop || product*k > maxLoop {
					line, _ := tree.ErrorContext(n)
					return checklist.Errorf("%s: {{range %d}} går för många varv (en mall får gå högst %d varv, yttre loopar medräknade)",
						"%s: {{range %d}} loops too often (a template may loop at most %d times, outer loops included)",
						line, k, maxLoop)
				}
				product *= max(k, 1)
			}
			if err := walkList(n.List, product); err != nil {
				return err
			}
			return walkList(n.ElseList, product)
		case *parse.ListNode:
			return walkList(n, product)
		}
		return nil
	}
	return walk(tree.Root, 1)
}

// noteNumbers records variables that a pipeline sets from a number.
func noteNumbers(p *parse.PipeNode, nums map[string]int64) {
	if p == nil || len(p.Decl) != 1 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return
	}
	if num, ok := p.Cmds[0].Args[0].(*parse.NumberNode); ok && num.IsInt {
		nums[p.Decl[0].Ident[0]] = num.Int64
	}
}

// rangeCount returns the count of a range over a number or a variable set
// from one; ok is false for a range over data.
func rangeCount(p *parse.PipeNode, nums map[string]int64) (int64, bool) {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return 0, false
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.NumberNode:
		if a.IsInt {
			return a.Int64, true
		}
		if a.IsFloat {
			return int64(min(a.Float64, 1<<62)), true
		}
	case *parse.VariableNode:
		if k, ok := nums[a.Ident[0]]; ok && len(a.Ident) == 1 {
			return k, true
		}
	}
	return 0, false
}

// limitedWriter passes at most max bytes to w and then fails; it also
// fails once stop is set.
type limitedWriter struct {
	w    io.Writer
	left int
	stop *atomic.Bool
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.stop != nil && l.stop.Load() {
		return 0, errTemplateStopped
	}
	if len(p) > l.left {
		return 0, outputLimitError()
	}
	l.left -= len(p)
	return l.w.Write(p)
}

// errTemplateStopped ends a template that ran out of time.
var errTemplateStopped = errors.New("mallen avbröts: tiden tog slut")

// stoppable returns the template function fn made to fail (by a panic,
// which text/template turns into an error of the execution) once stop is
// set, or when it returns a text longer than maxOutput.
func stoppable(fn any, stop *atomic.Bool) any {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func {
		return fn
	}
	variadic := v.Type().IsVariadic()
	return reflect.MakeFunc(v.Type(), func(args []reflect.Value) []reflect.Value {
		if stop.Load() {
			panic(errTemplateStopped)
		}
		var out []reflect.Value
		if variadic {
			out = v.CallSlice(args)
		} else {
			out = v.Call(args)
		}
		// esc and cell can double a text; applied again and again to
		// their own result they would grow it until memory runs out.
		for _, o := range out {
			if o.Kind() == reflect.String && o.Len() > maxOutput {
				panic(outputLimitError())
			}
		}
		return out
	}).Interface()
}

// executeBounded runs an organisation's template, parsed with stop, with
// a time limit and an output limit. When the time is up it sets stop:
// the template's next write, function call, turn of a loop or template
// call fails (addTicks), which ends its goroutine (Go cannot stop one from
// outside).
func executeBounded(t executor, data any, stop *atomic.Bool) ([]byte, error) {
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer executeDone()
		var buf bytes.Buffer
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("mallen avbröts: %v", r)
				}
			}()
			return t.Execute(&limitedWriter{w: &buf, left: maxOutput, stop: stop}, data)
		}()
		done <- result{buf.Bytes(), err}
	}()
	timer := time.NewTimer(maxTemplateTime)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.out, r.err
	case <-timer.C:
		stop.Store(true)
		return nil, checklist.Errorf("mallen blev inte klar på %d sekunder", "the template did not finish in %d seconds", int(maxTemplateTime/time.Second))
	}
}

// executeDone is called when the goroutine of executeBounded ends; tests
// replace it.
var executeDone = func() {}

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
	cause := strings.TrimPrefix(checklist.Message(e.Err, lang), "template: ")
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
func overrideTemplate(path string, lang checklist.Lang, stop *atomic.Bool) (executor, error) {
	f, err := checklist.OpenRegular(path)
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
	return parseOverride(path, string(src), lang, stop)
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
		stop := new(atomic.Bool)
		t, err := overrideTemplate(opt.Template, opt.lang(), stop)
		var out []byte
		if err == nil {
			out, err = executeBounded(t, data, stop)
		}
		if err == nil {
			_, err = w.Write(out)
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
