package store

import (
	"fmt"
	"strings"
	"time"

	"samkoll/checklist"
)

// importNow is the time import compares stored times with; tests set it.
var importNow = time.Now

// futureSlack is how far in the future a stored time may lie (clocks
// differ between computers).
const futureSlack = 24 * time.Hour

// checkInvariants checks what the app relies on beyond the format of each
// field, across fields and assessments, and names the field path of the
// first violation:
//
//   - created is not after updated, and neither (nor answered_at) lies in
//     the future (each by more than a day: clocks differ and move);
//   - a risk belongs to an answer that calls for one (nej or delvis);
//   - an area has no more distinct answered items than its item count, so
//     the start screen never shows "40/15";
//   - an action linked into another assessment (carried over) comes from an
//     assessment of the same unit and an earlier or the same meeting date.
func checkInvariants(f jsonFile) error {
	bad := func(path, sv, en string, args ...any) error {
		return &ImportError{Path: path, Msg: checklist.Textf(sv, en, args...)}
	}
	limit := importNow().Add(futureSlack)
	times := func(at, created, updated string) error {
		c, cerr := parseTime(created)
		u, uerr := parseTime(updated)
		if cerr != nil || uerr != nil {
			return nil // reported with the field itself
		}
		switch {
		case c.After(limit):
			return bad(at+".created", "tiden %s ligger i framtiden", "the time %s lies in the future", created)
		case u.After(limit):
			return bad(at+".updated", "tiden %s ligger i framtiden", "the time %s lies in the future", updated)
		case !c.IsZero() && !u.IsZero() && c.After(u.Add(futureSlack)):
			return bad(at+".created", "skapad (%s) efter senast ändrad (%s)", "created (%s) after last updated (%s)", created, updated)
		}
		return nil
	}
	type origin struct {
		unit, date, path string
	}
	origins := map[string]origin{}
	for i, ja := range f.Assessments {
		origins[ja.UID] = origin{unitKey(ja.Unit), ja.Date, fmt.Sprintf("assessments[%d]", i)}
	}
	for i, ja := range f.Assessments {
		at := fmt.Sprintf("assessments[%d]", i)
		if err := times(at, ja.Created, ja.Updated); err != nil {
			return err
		}
		items := map[string]int{}
		for _, ar := range ja.Areas {
			items[ar.ID] = ar.Items
		}
		own := map[checklist.ItemKey]bool{} // the group's own items are not counted in an area's items
		for _, o := range ja.OwnItems {
			own[checklist.ItemKey{AreaID: o.Area, ItemID: o.Item}] = true
		}
		answered := map[string]map[string]bool{}
		for k, jr := range ja.Answers {
			ap := fmt.Sprintf("%s.answers[%d]", at, k)
			if t, err := parseTime(jr.AnsweredAt); err == nil && t.After(limit) {
				return bad(ap+".answered_at", "tiden %s ligger i framtiden", "the time %s lies in the future", jr.AnsweredAt)
			}
			if jr.Risk != nil && jr.Answer != "nej" && jr.Answer != "delvis" {
				return bad(ap+".risk", "en riskbedömning hör bara till svaren nej och delvis, inte %q",
					"a risk evaluation belongs only to the answers nej and delvis, not %q", jr.Answer)
			}
			if n, ok := items[jr.Area]; ok && n > 0 && jr.Answer != "" && !own[checklist.ItemKey{AreaID: jr.Area, ItemID: jr.Item}] {
				if answered[jr.Area] == nil {
					answered[jr.Area] = map[string]bool{}
				}
				answered[jr.Area][jr.Item] = true
				if len(answered[jr.Area]) > n {
					return bad(ap+".item", "området %q har %d punkter men fler besvarade", "the area %q has %d items but more answered", jr.Area, n)
				}
			}
		}
		for k, jx := range ja.Actions {
			ap := fmt.Sprintf("%s.actions[%d]", at, k)
			if err := times(ap, jx.Created, jx.Updated); err != nil {
				return err
			}
			if jx.Origin == ja.UID {
				continue
			}
			o, ok := origins[jx.Origin]
			if !ok {
				continue // from an assessment already in the database: checked when linked
			}
			if o.unit != unitKey(ja.Unit) {
				return bad(ap+".origin", "åtgärden kommer från %s, en bedömning av en annan enhet; åtgärder förs bara vidare inom en enhet",
					"the action comes from %s, an assessment of another unit; actions are carried over within a unit only", o.path)
			}
			if strings.Compare(o.date, ja.Date) > 0 {
				return bad(ap+".origin", "åtgärden kommer från %s, ett senare möte (%s)", "the action comes from %s, a later meeting (%s)", o.path, o.date)
			}
		}
	}
	return nil
}
