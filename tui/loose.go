package tui

import (
	"fmt"

	"samkoll/checklist"
)

// Loose ends of an assessment: unanswered items and serious risks that no
// action addresses. The walk reminds of a serious risk when its evaluation
// is left, the summary lists them with a key to add an action, and closing
// the assessment warns about both.

// seriousItem is an item with a serious risk.
type seriousItem struct {
	key     checklist.ItemKey
	area    string
	num     int
	problem string
	level   checklist.Level
}

// name names the item: "Kränkningar, punkt 3".
func (it seriousItem) name(sh *shared) string {
	return fmt.Sprintf("%s, %s %d", it.area, sh.tr("punkt", "item"), it.num)
}

// hasAction reports whether an action that is not struck addresses item k
// of a.
func hasAction(a *checklist.Assessment, k checklist.ItemKey) bool {
	for _, x := range a.Actions {
		if x.AreaID == k.AreaID && x.ItemID == k.ItemID && x.Status != checklist.Struken {
			return true
		}
	}
	return false
}

// looseEnds returns the number of unanswered items of a and its serious
// risks without an action, in walk order, the group's own items included.
func looseEnds(sh *shared, a *checklist.Assessment) (unanswered int, serious []seriousItem) {
	for _, ar := range sh.walkAreas(*a) {
		for i, it := range ar.Items {
			k := checklist.ItemKey{AreaID: ar.ID, ItemID: it.ID}
			r, ok := a.Responses[k]
			if !ok || r.Answer == checklist.Unanswered {
				unanswered++
				continue
			}
			if !r.Answer.IsShortcoming() || r.Risk == nil || !r.Risk.Serious() || hasAction(a, k) {
				continue
			}
			serious = append(serious, seriousItem{key: k, area: ar.Title.In(sh.lang), num: i + 1,
				problem: it.Problem.In(sh.lang), level: r.Risk.Level})
		}
	}
	return unanswered, serious
}
