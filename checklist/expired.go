package checklist

import (
	"sort"
	"strings"
)

// ExpiredResponses returns the answers of a to items that the catalog no
// longer has ("utgångna punkter"): an item taken out of its checklist, an
// area no longer loaded, or an own item that is no longer offered. They
// are shown as such and never counted as answered items. c may be nil.
// The list is ordered by area and item id.
func (c *Catalog) ExpiredResponses(a Assessment) []Response {
	cat := c.WithOwnItems(a.OwnItems)
	var out []Response
	for k, r := range a.Responses {
		if r.Answer == Unanswered {
			continue
		}
		if cat != nil {
			if ar := cat.Area(k.AreaID); ar != nil {
				if _, ok := ar.Item(k.ItemID); ok {
					continue
				}
			}
		}
		out = append(out, r)
	}
	// sort, not slices: a generic sort copies the sorting code into the
	// binary once per element type (docs/performance.md, "Binary size").
	order := func(x, y Response) int {
		if c := strings.Compare(x.AreaID, y.AreaID); c != 0 {
			return c
		}
		if len(x.ItemID) != len(y.ItemID) {
			return len(x.ItemID) - len(y.ItemID)
		}
		return strings.Compare(x.ItemID, y.ItemID)
	}
	sort.Slice(out, func(i, j int) bool { return order(out[i], out[j]) < 0 })
	return out
}
