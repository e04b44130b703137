package tui

import (
	"fmt"

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

// answeredText is the start screen's "answered/total": answers beyond the
// items of the assessment's areas are to items that are no longer there,
// and are not counted.
func answeredText(a Summary) string {
	return fmt.Sprintf("%d/%d", min(a.Answered, a.Total), a.Total)
}
