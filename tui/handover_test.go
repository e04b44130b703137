package tui

import (
	"regexp"
	"strings"
	"testing"

	"samkoll/checklist"
)

// burst sends keys as a fast typist does: every key is read from the
// terminal before the commands of the keys before it have delivered their
// messages; those follow in order afterwards.
func (d *driver) burst(names ...string) {
	d.t.Helper()
	for _, cmd := range burst(d, names...) {
		d.run(cmd)
	}
}

// TestKeyAfterOverviewGoesToWalk: o, enter and an answer key in one burst:
// the answer goes to the item the overview jumped to, not to the closed
// overview.
func TestKeyAfterOverviewGoesToWalk(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.send(openMsg{to: walkScreenID, id: a.ID})
	d.keys("o")
	d.burst("down", "enter", "1")
	if got := fs.response(a.ID, "krank", "p2").Answer; got != checklist.Ja {
		t.Fatalf("the key after the overview's enter was lost: item 2 is %v\n%s", got, d.view())
	}
	d.burst("o", "esc", "2")
	w := d.walk()
	if w.ov != nil || w.mode != modeRisk {
		t.Fatalf("after o esc 2 the walk is in mode %v (overview open: %v)\n%s", w.mode, w.ov != nil, d.view())
	}
}

// TestKeyAfterActionFormGoesToPlan: the enter that saves the action form
// and the next key in one burst: the key reaches the plan.
func TestKeyAfterActionFormGoesToPlan(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.send(openMsg{to: planScreenID, id: a.ID})
	d.keys("a")
	d.fillActionForm("Ny rutin", "chef", "2026-04-30")
	d.burst("enter", "a")
	if len(fs.actions) != 1 {
		t.Fatalf("%d actions saved, want 1", len(fs.actions))
	}
	p, ok := d.m.active().(*planScreen)
	if !ok || p.form == nil || p.form.base.ID != 0 {
		t.Fatalf("the a typed right after enter did not open a new form:\n%s", d.view())
	}
	d.burst("esc", "a")
	if p.form == nil {
		t.Fatalf("the a typed right after esc did not open the form again:\n%s", d.view())
	}
}

// TestKeyAfterKeysOverlayGoesToScreen: ? ? 1 in one burst answers.
func TestKeyAfterKeysOverlayGoesToScreen(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.send(openMsg{to: walkScreenID, id: a.ID})
	d.burst("?", "?", "1")
	if got := fs.response(a.ID, "krank", "p1").Answer; got != checklist.Ja {
		t.Fatalf("the key after closing the keys overlay was lost: item 1 is %v\n%s", got, d.view())
	}
}

// TestKeysWaitForTheScreenThatOpens: keys typed while a screen is on its
// way (its assessment being read, a new assessment being created) go to
// that screen, in order, not to the one still shown.
func TestKeysWaitForTheScreenThatOpens(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	d := newDriver(t, fs)
	d.burst("enter", "1")
	if d.m.ActiveScreen() != "walk" || fs.response(a.ID, "krank", "p1").Answer != checklist.Ja {
		t.Fatalf("enter 1 on the start screen: screen %s, item 1 %v\n%s", d.m.ActiveScreen(),
			fs.response(a.ID, "krank", "p1").Answer, d.view())
	}
	d.burst("a", "a")
	if p, ok := d.m.active().(*planScreen); !ok || p.form == nil {
		t.Fatalf("a a in the walk did not open the plan's new-action form:\n%s", d.view())
	}
	d.burst("esc", "esc", "esc", "n")
	if d.m.ActiveScreen() != "new" {
		t.Fatalf("esc esc esc n: screen %s, want the new assessment form\n%s", d.m.ActiveScreen(), d.view())
	}
	if got := fs.response(a.ID, "krank", "p2").Answer; got != checklist.Unanswered {
		t.Fatalf("a key typed after esc answered in the walk it left: %v", got)
	}
	d.typeText("Avd 2")
	d.burst("ctrl+s", "1", "1")
	var b checklist.Assessment
	for _, x := range fs.assessments {
		if x.Unit == "Avd 2" {
			b = *x
		}
	}
	if b.ID == 0 || d.m.ActiveScreen() != "walk" {
		t.Fatalf("ctrl+s did not create and open the walk: screen %s\n%s", d.m.ActiveScreen(), d.view())
	}
	if n := len(fs.assessments[b.ID].Responses); n != 2 {
		t.Fatalf("the keys typed while the assessment was created gave %d answers, want 2\n%s", n, d.view())
	}
}

// TestAnswerRightAfterReopen: u and an answer in one burst on a closed
// assessment: the answer is written after the reopening, not refused.
func TestAnswerRightAfterReopen(t *testing.T) {
	fs := newFakeStore()
	a := seed(t, fs, "Avd 1", testToday, 0)
	fs.assessments[a.ID].Status = checklist.Avslutad
	d := newDriver(t, fs)
	d.send(openMsg{to: walkScreenID, id: a.ID})
	d.burst("u", "1")
	if got := fs.response(a.ID, "krank", "p1").Answer; got != checklist.Ja || fs.assessments[a.ID].Status != checklist.Pagaende {
		t.Fatalf("u 1: item 1 %v, status %v\n%s", got, fs.assessments[a.ID].Status, d.view())
	}
}

// deliveredNavigation finds a command that delivers a navigation or a
// finishing message: such a message reaches the root after keys already
// read, so they would go to the screen being left (post it instead).
var deliveredNavigation = regexp.MustCompile(`func\(\) tea\.Msg \{\s*return (open\w*Msg|backMsg|newAssessmentMsg|addActionMsg|\w*DoneMsg|keysClosedMsg)\b`)

// TestNavigationIsPosted fails on a file that opens or leaves a screen, or
// finishes a part, through a command instead of shared.post.
func TestNavigationIsPosted(t *testing.T) {
	for f, src := range packageSources(t) {
		for _, loc := range deliveredNavigation.FindAllIndex(src, -1) {
			line := 1 + strings.Count(string(src[:loc[0]]), "\n")
			t.Errorf("%s:%d delivers %q by a command; post it (shared.post, open, back)", f, line, src[loc[0]:loc[1]])
		}
	}
}
