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

// invariants checks what the app relies on beyond the format of each
// field, across fields and assessments, one assessment at a time, and
// names the field path of the first violation:
//
//   - created is not after updated, and neither (nor answered_at) lies in
//     the future (each by more than a day: clocks differ and move);
//   - a risk belongs to an answer that calls for one (nej or delvis);
//   - an area has no more distinct answered items than its item count, so
//     the start screen never shows "40/15";
//   - an action linked into another assessment (carried over) comes from an
//     assessment of the same unit and an earlier or the same meeting date.
type invariants struct {
	limit   time.Time
	origins map[string]invOrigin // assessment uid → its unit, date and path
	later   []invLater           // actions whose origin had not been met
}

type invOrigin struct{ unit, date, path string }

// invLater is an action carried over from an assessment not met yet in
// the file, checked when the file has been read.
type invLater struct {
	origin, path string // the origin's uid, the action's path
	unit, date   string // of the assessment it is carried into
}

func newInvariants() *invariants {
	return &invariants{limit: importNow().Add(futureSlack), origins: map[string]invOrigin{}}
}

// assessment checks assessment i of the file, ja.
func (v *invariants) assessment(i int, ja jsonAssessment) error {
	bad := importBad
	times := func(at, created, updated string) error {
		c, cerr := parseTime(created)
		u, uerr := parseTime(updated)
		if cerr != nil || uerr != nil {
			return nil // reported with the field itself
		}
		switch {
		case c.After(v.limit):
			return bad(at+".created", "tiden %s ligger i framtiden", "the time %s lies in the future", created)
		case u.After(v.limit):
			return bad(at+".updated", "tiden %s ligger i framtiden", "the time %s lies in the future", updated)
		case !c.IsZero() && !u.IsZero() && c.After(u.Add(futureSlack)):
			return bad(at+".created", "skapad (%s) efter senast ändrad (%s)", "created (%s) after last updated (%s)", created, updated)
		}
		return nil
	}
	at := fmt.Sprintf("assessments[%d]", i)
	unit := unitKey(ja.Unit)
	v.origins[ja.UID] = invOrigin{unit, ja.Date, at}
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
		ap := func() string { return fmt.Sprintf("%s.answers[%d]", at, k) } // on error only
		if t, err := parseTime(jr.AnsweredAt); err == nil && t.After(v.limit) {
			return bad(ap()+".answered_at", "tiden %s ligger i framtiden", "the time %s lies in the future", jr.AnsweredAt)
		}
		if jr.Risk != nil && jr.Answer != "nej" && jr.Answer != "delvis" {
			return bad(ap()+".risk", "en riskbedömning hör bara till svaren nej och delvis, inte %q",
				"a risk evaluation belongs only to the answers nej and delvis, not %q", jr.Answer)
		}
		if n, ok := items[jr.Area]; ok && n > 0 && jr.Answer != "" && !own[checklist.ItemKey{AreaID: jr.Area, ItemID: jr.Item}] {
			if answered[jr.Area] == nil {
				answered[jr.Area] = map[string]bool{}
			}
			answered[jr.Area][jr.Item] = true
			if len(answered[jr.Area]) > n {
				return bad(ap()+".item", "området %q har %d punkter men fler besvarade", "the area %q has %d items but more answered", jr.Area, n)
			}
		}
	}
	for k, jx := range ja.Actions {
		ap := func() string { return fmt.Sprintf("%s.actions[%d]", at, k) } // on error only
		if err := times(ap(), jx.Created, jx.Updated); err != nil {
			return err
		}
		if jx.Origin == ja.UID {
			continue
		}
		if o, ok := v.origins[jx.Origin]; ok {
			if err := carriedFrom(o, ap(), unit, ja.Date); err != nil {
				return err
			}
		} else {
			v.later = append(v.later, invLater{origin: jx.Origin, path: ap(), unit: unit, date: ja.Date})
		}
	}
	return nil
}

// finish checks the actions carried over from assessments that came later
// in the file.
func (v *invariants) finish() error {
	for _, l := range v.later {
		o, ok := v.origins[l.origin]
		if !ok {
			continue // from an assessment already in the database: checked when linked
		}
		if err := carriedFrom(o, l.path, l.unit, l.date); err != nil {
			return err
		}
	}
	return nil
}

// carriedFrom checks that the action at path, carried into an assessment of
// unit at date, comes from an assessment o of that unit and not a later
// meeting.
func carriedFrom(o invOrigin, path, unit, date string) error {
	if o.unit != unit {
		return importBad(path+".origin", "åtgärden kommer från %s, en bedömning av en annan enhet; åtgärder förs bara vidare inom en enhet",
			"the action comes from %s, an assessment of another unit; actions are carried over within a unit only", o.path)
	}
	if strings.Compare(o.date, date) > 0 {
		return importBad(path+".origin", "åtgärden kommer från %s, ett senare möte (%s)", "the action comes from %s, a later meeting (%s)", o.path, o.date)
	}
	return nil
}
