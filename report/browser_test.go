package report

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"samkoll/checklist"
)

var screenshot = flag.String("screenshot", "", "write a PNG of the Swedish HTML export to this file (go test ./report -run TestHTMLInBrowser -screenshot ../docs/export-html.png)")

// The browser test opens the HTML export in Debian's Chromium, headless,
// through the DevTools protocol on a pipe (no port is opened). It fails on
// any console message of level error or warning, any script exception and
// any resource the page tried to load, and prints the page to PDF to count
// the A4 pages.

// chromiumFlags are the flags the browser starts with on a machine whose
// network is closed: no first-run, sync, component update or background
// requests, and a fresh profile.
var chromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
	"--disable-component-update", "--disable-sync", "--disable-quic", "--remote-debugging-pipe",
	"--window-size=1000,1400",
}

// findChromium returns the browser to use, or "" when there is none.
func findChromium() string {
	if p := os.Getenv("SAMKOLL_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is one Chromium process and a DevTools session on one page.
type browser struct {
	cmd     *exec.Cmd
	in      io.WriteCloser
	out     *bufio.Reader
	stderr  bytes.Buffer
	nextID  int
	session string
	// events are the events received so far, in order.
	events []cdpMessage
}

type cdpMessage struct {
	ID        int             `json:"id"`
	Method    string          `json:"method"`
	SessionID string          `json:"sessionId"`
	Params    json.RawMessage `json:"params"`
	Result    json.RawMessage `json:"result"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// startBrowser starts Chromium and opens a blank page, or skips the test
// with the reason when it cannot.
func startBrowser(t *testing.T, ctx context.Context) *browser {
	t.Helper()
	bin := findChromium()
	if bin == "" {
		t.Skip("no Chromium on this machine: install Debian's chromium (bash .ci/run does) to open the HTML export in a real browser")
	}
	toBrowser, fromUs, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromBrowser, toUs, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	b := &browser{in: fromUs, out: bufio.NewReaderSize(fromBrowser, 1<<20)}
	args := append(append([]string{}, chromiumFlags...), "--user-data-dir="+t.TempDir(), "about:blank")
	b.cmd = exec.CommandContext(ctx, bin, args...)
	b.cmd.ExtraFiles = []*os.File{toBrowser, toUs} // fd 3: commands in, fd 4: replies out
	b.cmd.Stderr = &b.stderr
	b.cmd.WaitDelay = 5 * time.Second
	if err := b.cmd.Start(); err != nil {
		t.Skipf("Chromium (%s) does not start here: %v", bin, err)
	}
	toBrowser.Close()
	toUs.Close()
	t.Cleanup(func() {
		b.in.Close()
		if b.cmd.Process != nil {
			b.cmd.Process.Kill()
		}
		b.cmd.Wait()
		fromBrowser.Close()
	})
	res, err := b.call("", "Target.createTarget", map[string]any{"url": "about:blank"})
	if err != nil {
		t.Skipf("Chromium (%s) started but does not answer on its DevTools pipe: %v\n%s", bin, err, b.stderr.String())
	}
	var target struct{ TargetID string }
	json.Unmarshal(res, &target)
	res, err = b.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true})
	if err != nil {
		t.Fatal(err)
	}
	var attached struct{ SessionID string }
	json.Unmarshal(res, &attached)
	b.session = attached.SessionID
	for _, m := range []string{"Runtime.enable", "Log.enable", "Page.enable", "Network.enable"} {
		if _, err := b.call(b.session, m, nil); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// call sends one command and waits for its reply, keeping the events that
// come before it.
func (b *browser) call(session, method string, params any) (json.RawMessage, error) {
	b.nextID++
	id := b.nextID
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, _ := json.Marshal(msg)
	if _, err := b.in.Write(append(data, 0)); err != nil {
		return nil, err
	}
	for {
		m, err := b.read()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", method, err)
		}
		if m.ID == id {
			if m.Error != nil {
				return nil, fmt.Errorf("%s: %s", method, m.Error.Message)
			}
			return m.Result, nil
		}
		if m.Method != "" {
			b.events = append(b.events, m)
		}
	}
}

func (b *browser) read() (cdpMessage, error) {
	line, err := b.out.ReadBytes(0)
	if err != nil {
		return cdpMessage{}, err
	}
	var m cdpMessage
	err = json.Unmarshal(line[:len(line)-1], &m)
	return m, err
}

// waitFor reads events until one named method arrives, counting those
// already received from index from on.
func (b *browser) waitFor(method string, from int) error {
	for _, e := range b.events[from:] {
		if e.Method == method {
			return nil
		}
	}
	for {
		m, err := b.read()
		if err != nil {
			return fmt.Errorf("waiting for %s: %w", method, err)
		}
		if m.Method != "" {
			b.events = append(b.events, m)
		}
		if m.Method == method {
			return nil
		}
	}
}

// problems lists what the page reported: console errors and warnings,
// script exceptions, log entries of level error or warning, and every
// request the page made other than the page itself.
func (b *browser) problems(page string) []string {
	var out []string
	for _, e := range b.events {
		switch e.Method {
		case "Runtime.consoleAPICalled":
			var p struct {
				Type string
				Args []struct{ Value any }
			}
			json.Unmarshal(e.Params, &p)
			if p.Type == "error" || p.Type == "warning" || p.Type == "assert" {
				out = append(out, fmt.Sprintf("console.%s: %v", p.Type, p.Args))
			}
		case "Runtime.exceptionThrown":
			out = append(out, "exception: "+string(e.Params))
		case "Log.entryAdded":
			var p struct {
				Entry struct{ Level, Source, Text string }
			}
			json.Unmarshal(e.Params, &p)
			if p.Entry.Level == "error" || p.Entry.Level == "warning" {
				out = append(out, fmt.Sprintf("%s %s: %s", p.Entry.Source, p.Entry.Level, p.Entry.Text))
			}
		case "Network.requestWillBeSent":
			var p struct{ Request struct{ URL string } }
			json.Unmarshal(e.Params, &p)
			if p.Request.URL != page {
				out = append(out, "request: "+p.Request.URL)
			}
		}
	}
	return out
}

// open loads the HTML file at path and waits until it has loaded and
// settled.
func (b *browser) open(t *testing.T, path string) string {
	t.Helper()
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	// Only this navigation's load counts: the events of a page opened
	// before are still in b.events, and waiting on its load let the next
	// page be read before it had loaded.
	from := len(b.events)
	if _, err := b.call(b.session, "Page.navigate", map[string]any{"url": page}); err != nil {
		t.Fatal(err)
	}
	if err := b.waitFor("Page.loadEventFired", from); err != nil {
		t.Fatalf("%v\n%s", err, b.stderr.String())
	}
	// A round trip through the page lets late console messages arrive.
	if _, err := b.call(b.session, "Runtime.evaluate", map[string]any{"expression": "document.readyState", "returnByValue": true}); err != nil {
		t.Fatal(err)
	}
	return page
}

// printPDF prints the open page as the user's "Print to PDF" would, with
// the page size and margins of the document's @page rule.
func (b *browser) printPDF(t *testing.T) []byte {
	t.Helper()
	res, err := b.call(b.session, "Page.printToPDF", map[string]any{"preferCSSPageSize": true, "printBackground": true})
	if err != nil {
		t.Fatal(err)
	}
	var pdf struct{ Data string }
	json.Unmarshal(res, &pdf)
	data, err := base64.StdEncoding.DecodeString(pdf.Data)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

var (
	pdfPageRe  = regexp.MustCompile(`/Type\s*/Page[^s]`)
	pdfCountRe = regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b`)
)

// pdfPages counts the pages of a PDF as Chromium writes it (page objects
// in the clear), checked against the page tree's /Count.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("Chromium did not print a PDF")
	}
	n := len(pdfPageRe.FindAll(pdf, -1))
	// The root of the page tree has the largest count.
	root := 0
	for _, m := range pdfCountRe.FindAllSubmatch(pdf, -1) {
		var c int
		fmt.Sscan(string(m[1])+string(m[2]), &c)
		root = max(root, c)
	}
	if root != n {
		t.Fatalf("the PDF has %d page objects but its page tree counts %d", n, root)
	}
	return n
}

func TestHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	b := startBrowser(t, ctx)
	cat := testCatalog(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		build func(testing.TB) (checklist.Assessment, Options)
		lang  checklist.Lang
		short bool
		// pages is what the print styles promise: the extract, the plan
		// and the answers each start on a page of their own, and each of
		// these fixtures fits one page per part.
		pages int
	}{
		{"sv", sample, checklist.Swedish, false, 3},
		{"en", sample, checklist.English, false, 3},
		{"empty-sv", emptyPlan, checklist.Swedish, false, 3},
		{"states-sv", allStates, checklist.Swedish, false, 4}, // the plan, with seven actions, takes two pages
		{"short-sv", sample, checklist.Swedish, true, 1},
		{"hostile-sv", hostile, checklist.Swedish, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, opt := tc.build(t)
			opt.Lang, opt.Short = tc.lang, tc.short
			path := filepath.Join(dir, tc.name+".html")
			if err := os.WriteFile(path, []byte(renderHTML(t, a, cat, opt)), 0o600); err != nil {
				t.Fatal(err)
			}
			before := len(b.events)
			page := b.open(t, path)
			b.events = b.events[before:]
			if p := b.problems(page); len(p) > 0 {
				t.Errorf("the page reported problems:\n%s", strings.Join(p, "\n"))
			}
			// Nothing a user wrote became an element: the page has only
			// the elements the template writes.
			res, err := b.call(b.session, "Runtime.evaluate", map[string]any{
				"expression":    `[document.querySelectorAll("script,img,a,iframe,object,embed,link,svg,form,input").length, document.querySelectorAll("table").length, document.title]`,
				"returnByValue": true,
			})
			if err != nil {
				t.Fatal(err)
			}
			var ev struct{ Result struct{ Value []any } }
			json.Unmarshal(res, &ev)
			if len(ev.Result.Value) != 3 || ev.Result.Value[0] != float64(0) {
				t.Errorf("the page holds foreign elements: %v", ev.Result.Value)
			}
			pages := pdfPages(t, b.printPDF(t))
			switch {
			case tc.pages > 0 && pages != tc.pages:
				t.Errorf("printed to %d A4 pages, want %d", pages, tc.pages)
			case tc.pages == 0 && pages < 4:
				t.Errorf("the hostile plan (100 kB in one cell) printed to %d pages; its long cell should flow over several", pages)
			}
			if tc.name == "sv" && *screenshot != "" {
				res, err := b.call(b.session, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": false})
				if err != nil {
					t.Fatal(err)
				}
				var shot struct{ Data string }
				json.Unmarshal(res, &shot)
				png, _ := base64.StdEncoding.DecodeString(shot.Data)
				if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestBrowserSeesProblems shows that the browser test can fail: a page
// with a script error, a console error and a missing image is reported.
func TestBrowserSeesProblems(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	b := startBrowser(t, ctx)
	path := filepath.Join(t.TempDir(), "bad.html")
	bad := `<!DOCTYPE html><html><body><p>x</p><img src="missing.png"><script>console.error("boom"); no.such.thing()</script></body></html>`
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	page := b.open(t, path)
	got := strings.Join(b.problems(page), "\n")
	for _, want := range []string{"console.error", "exception", "missing.png"} {
		if !strings.Contains(got, want) {
			t.Errorf("the problems do not show %q:\n%s", want, got)
		}
	}
	if n := pdfPages(t, b.printPDF(t)); n != 1 {
		t.Errorf("a one-line page printed to %d pages", n)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatal("the browser took too long")
	}
}
