package report

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"samkoll/assets"
	"samkoll/checklist"
)

// TestTemplateOutOfTimeEnds runs override templates past their time limit
// and checks that their goroutine ends soon after, whether the template
// writes or only calls functions; before, it ran on to the end.
func TestTemplateOutOfTimeEnds(t *testing.T) {
	oldTime := maxTemplateTime
	maxTemplateTime = 20 * time.Millisecond
	ended := make(chan struct{}, 1)
	executeDone = func() { ended <- struct{}{} }
	t.Cleanup(func() { maxTemplateTime, executeDone = oldTime, func() {} })
	data := make([]int, 1000)
	for name, src := range map[string]string{
		// 90 million iterations each: many seconds when run to the end.
		"writes": `{{range 90000}}{{range $}}x{{end}}{{end}}`,
		"calls":  `{{range 90000}}{{range $}}{{$x := esc "a"}}{{end}}{{end}}`,
		// Neither writes nor calls a function, and checkLoops cannot
		// count them: a number in dot, in parentheses, loops nested
		// through a template call.
		"number in dot":    `{{with 100000000000000}}{{range .}}{{end}}{{end}}`,
		"in parentheses":   `{{range (100000000000000)}}{{end}}`,
		"through template": `{{define "a"}}{{range 100000}}{{end}}{{end}}{{range 100000}}{{template "a"}}{{end}}`,
	} {
		t.Run(name, func(t *testing.T) {
			stop := new(atomic.Bool)
			tmpl, err := parseOverride(name+".md.tmpl", src, checklist.Swedish, stop)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			if _, err := executeBounded(tmpl, data, stop); err == nil {
				t.Fatal("the template finished in time; make it slower")
			}
			select {
			case <-ended:
				t.Logf("ended %v after the start", time.Since(start).Round(time.Millisecond))
			case <-time.After(3 * time.Second):
				t.Fatal("the template's goroutine still runs 3 s after its time was up")
			}
		})
	}
}

// TestLoopTicksWriteNothing uses the built-in plan's own template as an
// override: with a tick in every loop and template (addTicks) it writes
// the same plan, byte for byte, as the built-in one.
func TestLoopTicksWriteNothing(t *testing.T) {
	cat := testCatalog(t)
	a, opt := sample(t)
	want := render1(t, a, cat, opt)
	src, err := fs.ReadFile(assets.FS, "templates/"+PlanTemplate)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), PlanTemplate)
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	opt.Template = path
	opt.Warn = func(err error) { t.Errorf("unexpected warning: %v", err) }
	if got := render1(t, a, cat, opt); got != want {
		t.Errorf("the built-in template as an override writes another plan:\n%s", got)
	}
}

// TestTemplateFunctionTextBounded grows a text with esc applied to its own
// result, which doubles it each time: the call whose result passes the
// output limit fails, instead of memory running out.
func TestTemplateFunctionTextBounded(t *testing.T) {
	stop := new(atomic.Bool)
	src := `{{$x := "**"}}{{range 21}}{{$x = printf "%s%s" $x $x}}{{end}}{{range 12}}{{$x = esc $x}}{{end}}{{len $x}}`
	tmpl, err := parseOverride("grow.md.tmpl", src, checklist.Swedish, stop)
	if err != nil {
		t.Fatal(err)
	}
	_, err = executeBounded(tmpl, nil, stop)
	if err == nil || !strings.Contains(err.Error(), "MB") {
		t.Fatalf("want the output limit, got %v", err)
	}
}
