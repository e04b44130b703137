package tui

import (
	"strings"
	"testing"

	"samkoll/checklist"
)

// TestBadDateMessageFollowsLang types a date that does not exist into the
// new-assessment form and the action form and checks that the message is
// in the app's language and that nothing is saved.
func TestBadDateMessageFollowsLang(t *testing.T) {
	for _, tc := range []struct {
		lang          checklist.Lang
		meeting, plan string
	}{
		{checklist.Swedish, `Mötesdatumet "2026-02-30" finns inte. Skriv ÅÅÅÅ-MM-DD`, "Ogiltigt datum: skriv ÅÅÅÅ-MM-DD"},
		{checklist.English, `The meeting date "2026-02-30" is not a valid date. Write YYYY-MM-DD`, "Invalid date: write YYYY-MM-DD"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			fs := newFakeStore()
			d := newLangDriver(t, fs, tc.lang)
			d.keys("n")
			d.typeText("Avd 7")
			d.keys("tab", "ctrl+u")
			d.typeText("2026-02-30")
			d.keys("ctrl+s")
			if n := fs.calls["CreateAssessment"]; n != 0 {
				t.Fatalf("CreateAssessment called %d times", n)
			}
			if v := flatten(d.view()); !strings.Contains(v, tc.meeting) {
				t.Errorf("want %q in:\n%s", tc.meeting, d.view())
			}

			hs := newPBHarness(t, tc.lang, 100, 30)
			hs.openPlan()
			hs.keys("a")
			hs.typeText("Ny rutin")
			hs.keys("down", "down") // due
			hs.typeText("2026-02-30")
			hs.keys("enter")
			if n := len(hs.store.savedActions()); n != 0 {
				t.Fatalf("SaveAction called %d times", n)
			}
			if v := flatten(hs.view()); !strings.Contains(v, tc.plan) {
				t.Errorf("want %q in:\n%s", tc.plan, hs.view())
			}
		})
	}
}

// flatten joins the lines of a view so a wrapped message can be matched.
func flatten(view string) string {
	var b strings.Builder
	for _, line := range strings.Split(view, "\n") {
		b.WriteString(strings.TrimSpace(line) + " ")
	}
	return b.String()
}
