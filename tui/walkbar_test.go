package tui

import (
	"image/color"
	"maps"
	"math/rand/v2"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"samkoll/checklist"
)

// TestProgressBarMemo checks the walk's memo of its progress bar against
// the bar progress draws, for every count of answers at several widths
// and after a change of colours, in the order a meeting gives them and
// out of it.
func TestProgressBarMemo(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.send(tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	hs.send(openMsg{to: walkScreenID, id: pbCurrent})
	s, ok := hs.m.active().(*walkScreen)
	if !ok {
		t.Fatalf("active screen %T, want the walk", hs.m.active())
	}
	check := func(answered, total int) {
		t.Helper()
		pm := s.bar
		pm.FullColor, pm.EmptyColor = s.sh.styles.ProgressFull, s.sh.styles.ProgressEmpty
		want := pm.ViewAs(float64(answered) / float64(total))
		if got := s.progressBar(answered, total); got != want {
			t.Fatalf("%d/%d at width %d: memo drew %q, progress draws %q", answered, total, pm.Width(), got, want)
		}
	}
	for _, w := range []int{80, 41, 12, 200} {
		hs.send(tea.WindowSizeMsg{Width: w, Height: 24})
		for _, total := range []int{7, 71, 150} {
			for a := 0; a <= total; a++ {
				check(a, total)
			}
			for a := total; a >= 0; a -= 3 {
				check(a, total)
			}
		}
		hs.send(tea.BackgroundColorMsg{Color: color.White})
		check(3, 7)
		hs.send(tea.BackgroundColorMsg{Color: color.Black})
		check(3, 7)
	}
}

// TestProgressCountFollowsAnswers checks the walk's kept count of saved
// answers against counting them afresh, through answers given in and out
// of order and a reload that changes an answer without changing how many
// responses the assessment holds.
func TestProgressCountFollowsAnswers(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.send(openMsg{to: walkScreenID, id: pbCurrent})
	s := hs.walk()
	rng := rand.New(rand.NewPCG(5, 6))
	steps := []string{"1", "4", "left", "right", "right", "1"}
	for i := range 120 {
		k := steps[rng.IntN(len(steps))]
		hs.keys(k)
		if hs.m.active() != s {
			hs.send(openMsg{to: walkScreenID, id: pbCurrent})
			s = hs.walk()
		}
		if got, _ := s.progress(); got != s.countAnswered() {
			t.Fatalf("step %d (%s): kept count %d, counted %d", i, k, got, s.countAnswered())
		}
	}
	// A reload where an answered item lost its answer but kept a comment:
	// as many responses as before, one answer fewer.
	before, _ := s.progress()
	a := s.a
	a.Responses = maps.Clone(a.Responses)
	for k, r := range a.Responses {
		if r.Answer != checklist.Unanswered {
			r.Answer, r.Comment = checklist.Unanswered, "kvar"
			a.Responses[k] = r
			break
		}
	}
	hs.send(assessmentLoadedMsg{a: a, open: openMsg{to: walkScreenID, id: a.ID}})
	if got, _ := s.progress(); got != before-1 || got != s.countAnswered() {
		t.Fatalf("after the reload: kept count %d, counted %d, want %d", got, s.countAnswered(), before-1)
	}
}

// TestSavedResponseKeepsTheCount sends the walk confirmed responses of
// every kind (an answer, a changed answer, an answer taken back to a
// comment, an emptied response, a response to a key the walk does not
// hold, one for another assessment) and checks the kept count against
// counting afresh after each, and whether an item is left unanswered
// against looking at every item.
func TestSavedResponseKeepsTheCount(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	hs.send(openMsg{to: walkScreenID, id: pbCurrent})
	s := hs.walk()
	if len(s.items) < 3 {
		t.Fatalf("the walk has %d items, want 3 or more", len(s.items))
	}
	resp := func(i int, a checklist.Answer, comment string) checklist.Response {
		k := s.items[i].key()
		return checklist.Response{AreaID: k.AreaID, ItemID: k.ItemID, Answer: a, Comment: comment}
	}
	stranger := checklist.Response{AreaID: "ingen", ItemID: "x1", Answer: checklist.Nej}
	steps := []struct {
		name string
		id   int64
		r    checklist.Response
	}{
		{"first item Ja", pbCurrent, resp(0, checklist.Ja, "")},
		{"first item Nej", pbCurrent, resp(0, checklist.Nej, "")},
		{"second item with a comment only", pbCurrent, resp(1, checklist.Unanswered, "bara en kommentar")},
		{"second item Delvis", pbCurrent, resp(1, checklist.Delvis, "bara en kommentar")},
		{"first item back to a comment", pbCurrent, resp(0, checklist.Unanswered, "kvar")},
		{"first item emptied", pbCurrent, resp(0, checklist.Unanswered, "")},
		{"a key outside the walk", pbCurrent, stranger},
		{"last item Ej aktuellt", pbCurrent, resp(len(s.items)-1, checklist.EjAktuellt, "")},
		{"another assessment", pbCurrent + 1000, resp(2, checklist.Ja, "")},
		{"the key outside the walk emptied", pbCurrent, checklist.Response{AreaID: "ingen", ItemID: "x1"}},
	}
	for _, st := range steps {
		hs.send(responseSavedMsg{assessmentID: st.id, r: st.r})
		got, total := s.progress()
		if want := s.countAnswered(); got != want {
			t.Fatalf("%s: kept count %d, counted %d", st.name, got, want)
		}
		left := false
		for _, wi := range s.items {
			left = left || s.response(wi).Answer == checklist.Unanswered
		}
		if s.anyUnanswered() != left || (got < total) != left {
			t.Fatalf("%s: anyUnanswered %v, an item unanswered %v (%d/%d)", st.name, s.anyUnanswered(), left, got, total)
		}
	}
}

// TestAnsweredAtIsWhenTheAnswerWasGiven checks the time saved with an
// answer: a new or changed answer is given now, a comment on an answered
// item keeps the answer's time, and pressing the same answer again keeps
// it too.
func TestAnsweredAtIsWhenTheAnswerWasGiven(t *testing.T) {
	hs := newPBHarness(t, checklist.Swedish, 80, 24)
	long := time.Date(2020, time.May, 4, 9, 30, 0, 0, time.UTC)
	k := checklist.ItemKey{AreaID: "sam", ItemID: "2"} // Ja in the seed
	f := hs.store.fakeStore
	f.mu.Lock()
	r := f.assessments[pbCurrent].Responses[k]
	r.AnsweredAt = long
	f.assessments[pbCurrent].Responses[k] = r
	f.mu.Unlock()
	saved := func() checklist.Response {
		f.mu.Lock()
		defer f.mu.Unlock()
		return f.assessments[pbCurrent].Responses[k]
	}
	hs.send(openMsg{to: walkScreenID, id: pbCurrent, focus: k})
	s := hs.walk()
	if wi, _ := s.current(); wi.key() != k {
		t.Fatalf("the walk is on %v, want %v", wi.key(), k)
	}

	hs.keys("c")
	hs.typeText("Rutinen finns")
	hs.keys("enter")
	if got := saved(); got.Comment != "Rutinen finns" || !got.AnsweredAt.Equal(long) {
		t.Fatalf("after a comment: comment %q, answered at %v; want the comment and %v", got.Comment, got.AnsweredAt, long)
	}

	s.idx = 1 // back on the item: the answer moved the walk on
	hs.keys("1")
	if got := saved(); got.Answer != checklist.Ja || !got.AnsweredAt.Equal(long) {
		t.Fatalf("after the same answer again: %v at %v, want Ja at %v", got.Answer, got.AnsweredAt, long)
	}

	s.idx = 1
	before := time.Now()
	hs.keys("3")
	if got := saved(); got.Answer != checklist.Nej || got.AnsweredAt.Before(before) {
		t.Fatalf("after a changed answer: %v at %v, want Nej at %v or later", got.Answer, got.AnsweredAt, before)
	}
}
