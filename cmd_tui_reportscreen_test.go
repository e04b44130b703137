package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportScreensDrawn opens the region's picture and the yearly
// follow-up in the real binary on demo data: the screens show the report
// drawn (bullets, tables in columns or blocks) with no markdown marker,
// and x still writes the markdown.
func TestReportScreensDrawn(t *testing.T) {
	f := newAppFixture(t)
	bin := filepath.Join(filepath.Dir(f.db), "..", "samkoll")
	if out, err := exec.Command(bin, "--db", f.db, "demo").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := startTmux(t, size[0], size[1], f.cmd)
			s.waitFor("Tandvården")
			s.keys("r")
			scr := s.waitFor("Regionens SAM-arbete")
			noMarkdown(t, scr)
			// The first table, in columns at 80 and as blocks at 40.
			want := "─┼─"
			s.keys("PageDown")
			if size[0] == 40 {
				want = "  Allvarliga risker utan åtgärd: "
				s.keys("PageDown")
			}
			noMarkdown(t, s.waitFor(want))
			s.keys("q", "f")
			noMarkdown(t, s.waitFor("Årlig uppföljning av"))
		})
	}
	s := startTmux(t, 80, 24, f.cmd)
	s.waitFor("Akutmottagningen")
	s.keys("r")
	s.waitFor("Regionens SAM-arbete")
	s.keys("x")
	s.waitFor(".md")
	files, _ := filepath.Glob(filepath.Join(f.home, "samkoll-export", "*.md"))
	if len(files) != 1 {
		t.Fatalf("x wrote %v", files)
	}
	b, err := os.ReadFile(files[0])
	if err != nil || !strings.Contains(string(b), "# Regionens SAM-arbete") || !strings.Contains(string(b), "| Enhet |") {
		t.Errorf("the file is not the markdown (%v):\n%.400s", err, b)
	}
}

// noMarkdown fails when the screen shows a markdown marker.
func noMarkdown(t *testing.T, scr string) {
	t.Helper()
	for _, mark := range []string{"**", "| ", "|---", "\n# ", "\n## ", "\n- ", "\\"} {
		if strings.Contains("\n"+scr, mark) {
			t.Errorf("the screen shows %q:\n%s", mark, scr)
		}
	}
}
