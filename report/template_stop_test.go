package report

import (
	"sync/atomic"
	"testing"
	"time"

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
