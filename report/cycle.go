package report

import (
	"samkoll/checklist"
)

// This file adds the SAM cycle to the plan: what changed since the unit's
// previous APT, and the unresolved risks carried from earlier APTs.

// ChangeRow is one item whose answer or risk moved since the unit's
// previous APT.
type ChangeRow struct {
	// Area is the area title; Item the item as people know it ("punkt
	// 3"); Statement the item's statement.
	Area, Item, Statement string
	// Change says what happened ("Risken har ökat"); Arrow is ↑ or ↓ for
	// a risk that rose or fell, else "".
	Change, Arrow string
	// PrevDate is the previous APT's date, "" for an item never answered
	// before; Prev and Now are "Nej · Hög" and "Ja".
	PrevDate, Prev, Now string
}

// UnresolvedRow is a risk of an earlier APT left without an action or
// without a risk evaluation, carried to this one.
type UnresolvedRow struct {
	// From is that APT's date; Area, Item and Problem locate the risk.
	From, Area, Item, Problem string
	// Answer is the answer given then; Level the level now, or "ej bedömd".
	Answer, Level string
	// IsSerious reports an allvarlig risk.
	IsSerious bool
}

// withOwnArea returns the areas of a, with the unit's own area added when
// a has answers there.
func withOwnArea(a checklist.Assessment) []checklist.AreaRef {
	for _, ref := range a.Areas {
		if ref.ID == checklist.OwnArea {
			return a.Areas
		}
	}
	for k := range a.Responses {
		if k.AreaID == checklist.OwnArea {
			return append(append([]checklist.AreaRef(nil), a.Areas...), checklist.AreaRef{ID: checklist.OwnArea})
		}
	}
	return a.Areas
}

// answerText is "Nej · Hög", or the answer alone without a level.
func answerText(ans checklist.Answer, level checklist.Level, lang checklist.Lang) string {
	s := ans.Label(lang)
	if level != checklist.NoLevel {
		s += " · " + level.Label(lang)
	}
	return s
}

// cycleRows builds the plan's "Sedan förra APT" and carried risks; cat
// already holds the own items. Serious carried risks without an action
// are returned as serious rows.
func cycleRows(a checklist.Assessment, cat *checklist.Catalog, opt Options, f *format) ([]ChangeRow, []UnresolvedRow, []SeriousRow) {
	lang := opt.lang()
	title := func(id string) string {
		if area := lookupArea(cat, id); area != nil {
			return f.inline(area.Title.In(lang))
		}
		return f.inline(id)
	}
	var changes []ChangeRow
	if opt.Previous != nil {
		for _, c := range checklist.SinceLast(a, opt.Previous) {
			it, num := lookupItemNumber(lookupArea(cat, c.Key.AreaID), c.Key.ItemID)
			row := ChangeRow{Area: title(c.Key.AreaID), Item: itemRef(num, lang), Statement: f.inline(c.Key.ItemID),
				Change: c.Change.Label(lang), Arrow: c.Change.Arrow(), Now: answerText(c.Cur.Answer, c.CurLevel, lang)}
			if it != nil {
				row.Statement = f.inline(it.Statement.In(lang))
			}
			if !c.Prev.Date.IsZero() {
				row.PrevDate = c.Prev.Date.String()
				row.Prev = answerText(c.Prev.Response.Answer, c.Prev.Level(), lang)
			}
			changes = append(changes, row)
		}
	}
	acted := map[checklist.ItemKey]bool{}
	for _, x := range a.Actions {
		if x.AreaID != "" {
			acted[checklist.ItemKey{AreaID: x.AreaID, ItemID: x.ItemID}] = true
		}
	}
	var unresolved []UnresolvedRow
	var serious []SeriousRow
	for _, c := range a.CarriedRisks {
		k := c.Response.Key()
		if _, again := a.Responses[k]; again {
			continue // answered again at this APT: it shows there
		}
		it, num := lookupItemNumber(lookupArea(cat, k.AreaID), k.ItemID)
		row := UnresolvedRow{From: c.Date.String(), Area: title(k.AreaID), Item: itemRef(num, lang), Problem: f.inline(k.ItemID),
			Answer: c.Response.Answer.Label(lang), Level: c.Level().Label(lang), IsSerious: c.Level().Serious()}
		if it != nil {
			row.Problem = f.inline(it.Problem.In(lang))
		}
		unresolved = append(unresolved, row)
		if row.IsSerious && !acted[k] {
			serious = append(serious, SeriousRow{Level: c.Level().Label(lang), Risk: row.Problem, Area: row.Area, Item: row.Item,
				CarriedOver: true, From: row.From, rank: c.Level()})
		}
	}
	return changes, unresolved, serious
}
