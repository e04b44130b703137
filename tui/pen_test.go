package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"samkoll/checklist"
)

// TestPensPaintAsRender holds the walk's pens to what lipgloss draws for
// the same styles, in every colour profile on dark and light and without
// colour, for texts the walk shows and texts Render lays out itself.
func TestPensPaintAsRender(t *testing.T) {
	texts := []string{"Arbetsmiljö", "3/71", "  indrag  ", "Ej aktuellt", "[4 Ej aktuellt]", "漢字 och ＡＢ",
		"", " ", "två\nrader", "tab\there", "\x1b[31mfärgad\x1b[m", "ﬁ ligatur", "😀 emoji", "a\r\nb"}
	sets := map[string]Styles{"plain": PlainStyles()}
	for _, p := range []colorprofile.Profile{colorprofile.ANSI, colorprofile.ANSI256, colorprofile.TrueColor} {
		sets[p.String()+" dark"] = NewStyles(p, true)
		sets[p.String()+" light"] = NewStyles(p, false)
	}
	for name, st := range sets {
		pens := st.walk()
		fast := 0
		check := func(what string, k pen) {
			t.Helper()
			if k.plain {
				fast++
			}
			for _, s := range texts {
				if got, want := k.paint(s), k.st.Render(s); got != want {
					t.Errorf("%s, %s, %q: pen %q, Render %q", name, what, s, got, want)
				}
			}
		}
		check("area", pens.area)
		check("subtle", pens.subtle)
		check("statement", pens.statement)
		if pens.area.st.Render("x") != st.Area.Render("x") || pens.subtle.st.Render("x") != st.Subtle.Render("x") ||
			pens.statement.st.Render("x") != st.Statement.Render("x") {
			t.Errorf("%s: a pen holds another style than its field", name)
		}
		for _, a := range []checklist.Answer{checklist.Unanswered, checklist.Ja, checklist.Delvis, checklist.Nej, checklist.EjAktuellt} {
			check("answer "+a.String(), pens.answers[a])
			check("strong answer "+a.String(), pens.answersStrong[a])
			if pens.answers[a].st.Render("x") != st.Answers[a].Render("x") || pens.answersStrong[a].st.Render("x") != st.AnswersStrong[a].Render("x") {
				t.Errorf("%s: the pen of %v holds another style than its field", name, a)
			}
		}
		if name != "plain" && fast < 8 {
			t.Errorf("%s: %d of 13 pens paint without Render; the walk's styles are plain colours", name, fast)
		}
	}
}

// TestPensFollowTheColours: the walk's pens are made on first use; when
// the terminal reports its colours and the styles are rebuilt, the walk
// paints with the new styles, not with pens made from the old ones.
func TestPensFollowTheColours(t *testing.T) {
	m := New(Config{})
	before := *m.sh.styles.walk()
	m.Update(tea.ColorProfileMsg{Profile: colorprofile.ANSI})
	after := m.sh.styles.walk()
	if want := penOf(m.sh.styles.Area).on; after.area.on != want {
		t.Fatalf("area pen after the profile %q, its style draws %q", after.area.on, want)
	}
	if after.area.on == before.area.on {
		t.Fatalf("area pen %q is the true-colour one after the 16-colour profile", after.area.on)
	}
}
