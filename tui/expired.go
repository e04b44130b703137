package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// Answers to items the checklists no longer have ("utgångna punkter": an
// item taken out of a checklist file, an area no longer loaded, an own item
// no longer offered) are shown as such and never counted as answered.

// expiredLines lists the summary's answers to expired items; cut fits a
// line to the width.
func (s *summaryScreen) expiredLines(cut func(string) string) []string {
	list := s.sh.cat.ExpiredResponses(s.a)
	if len(list) == 0 {
		return nil
	}
	sh, st := s.sh, s.sh.styles
	out := []string{"", st.Area.Render(cut(fmt.Sprintf("%s (%d)", sh.tr("Svar på utgångna punkter, räknas inte", "Answers to expired items, not counted"), len(list))))}
	for _, r := range list {
		area := r.AreaID
		if ar := sh.cat.Area(r.AreaID); ar != nil {
			area = ar.Title.In(sh.lang)
		}
		out = append(out, st.Subtle.Render(cut(fmt.Sprintf("  %s, %s %s: %s", checklist.SanitizeLine(area),
			sh.tr("utgången punkt", "expired item"), checklist.SanitizeLine(r.ItemID), r.Answer.Label(sh.lang)))))
	}
	return out
}

// expiredCounts are, by assessment, the answers the start screen must not
// count: answers to checklist items the loaded checklists no longer have.
// Only an assessment with an area that has fewer items now than when it
// was taken (or is no longer loaded) is read for them; the reads join the
// ordered queue, so they are few, and any other answer to a removed item
// is still capped at the item count.
type expiredCounts struct {
	n     map[int64]int
	asked map[int64]bool
}

// set records the expired answers of assessment id.
func (e *expiredCounts) set(id int64, n int) {
	if e.n == nil {
		e.n = map[int64]int{}
	}
	e.n[id] = n
}

// expiredCountMsg carries the expired answers of an assessment.
type expiredCountMsg struct {
	id int64
	n  int
}

// maxExpiredReads bounds the assessments read at a time for the count.
const maxExpiredReads = 20

// areasShrank reports whether an answered assessment has an area that is
// no longer loaded or has fewer items now than when it was taken.
func (sh *shared) areasShrank(a Summary) bool {
	if sh.cat == nil || len(sh.cat.Areas) == 0 || a.Answered == 0 {
		return false // not loaded yet, or nothing to count
	}
	for _, r := range a.Areas {
		ar := sh.cat.Area(r.ID)
		if ar == nil || len(ar.Items) < a.AreaItems[r.ID] {
			return true
		}
	}
	return false
}

// checkExpired queues, for the rows whose areas changed, the read that
// counts their expired answers.
func (s *homeScreen) checkExpired() {
	if s.expired.asked == nil {
		s.expired = expiredCounts{n: map[int64]int{}, asked: map[int64]bool{}}
	}
	reads := 0
	for _, a := range s.all {
		if reads >= maxExpiredReads {
			return
		}
		if s.expired.asked[a.ID] || !s.sh.areasShrank(a) {
			continue
		}
		s.expired.asked[a.ID] = true
		reads++
		id, cat := a.ID, s.sh.cat
		s.sh.readOrdered(func(ctx context.Context, st Store) (tea.Msg, error) {
			full, err := st.LoadAssessment(ctx, id)
			if err != nil {
				return nil, err
			}
			n := 0
			for _, r := range cat.ExpiredResponses(full) {
				if !checklist.IsOwnItemID(r.ItemID) {
					n++
				}
			}
			return expiredCountMsg{id: id, n: n}, nil
		})
	}
}

// answeredText is the start screen's "answered/total": answers to items
// no longer in the checklists are not counted, nor are the items
// themselves (itemTotal), and never more answered than items.
func (s *homeScreen) answeredText(a Summary) string {
	n := a.Answered - s.expired.n[a.ID]
	total := s.sh.itemTotal(a)
	return fmt.Sprintf("%d/%d", min(max(n, 0), total), total)
}

// itemTotal is the item count of a as the walk and the summary count it:
// the count stored when it was taken, less the items an area has lost
// since and every item of an area no longer loaded. The group's own items
// are left as the store counts them.
func (sh *shared) itemTotal(a Summary) int {
	if sh.cat == nil || len(sh.cat.Areas) == 0 {
		return a.Total // not loaded yet
	}
	total := a.Total
	for _, r := range a.Areas {
		had := a.AreaItems[r.ID]
		if r.ID == checklist.OwnArea {
			continue
		}
		if ar := sh.cat.Area(r.ID); ar == nil {
			total -= had
		} else if len(ar.Items) < had {
			total -= had - len(ar.Items)
		}
	}
	return max(total, 0)
}
