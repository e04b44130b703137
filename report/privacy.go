package report

import (
	"sort"

	"samkoll/checklist"
)

// Finding is one place in an export's user text that holds a likely
// personnummer or samordningsnummer.
type Finding struct {
	// Where names the place as a person finds it in the app: the area and
	// the item's number ("Organisatorisk och social arbetsmiljö, punkt
	// 2"), the action ("åtgärd: Köp in …") or the meeting.
	Where string
	// Field is the field, as a label: "kommentar", "skäl", "kommentar om risken",
	// "risk", "åtgärd", "ansvarig", "effekt", "enhet", "deltagare".
	Field string
}

// String is "Where: Field".
func (f Finding) String() string { return f.Where + ": " + f.Field }

// PersonalData scans all the user text that an export of a shows (the
// unit, the participants, the comments, reasons and risk notes of every
// answer, the statements of the group's own items, and the risk, measure,
// responsible and effect of every action, carried-over ones included) with checklist.FindPersonnummer. It returns
// the places with a find, in the export's order: the meeting, the answers
// by area and item, then the actions. Labels are in lang. cat names areas
// and numbers items; it may be nil.
func PersonalData(a checklist.Assessment, cat *checklist.Catalog, lang checklist.Lang) []Finding {
	tr := func(sv, en string) string { return checklist.Text{SV: sv, EN: en}.In(lang) }
	var out []Finding
	meeting := tr("APT ", "meeting of ") + a.Date.String()
	if checklist.ContainsPersonnummer(a.Unit) {
		out = append(out, Finding{meeting, tr("enhet", "unit")})
	}
	if checklist.ContainsPersonnummer(a.Participants) {
		out = append(out, Finding{meeting, tr("deltagare", "participants")})
	}
	keys := make([]checklist.ItemKey, 0, len(a.Responses))
	for k := range a.Responses {
		keys = append(keys, k)
	}
	order := map[string]int{}
	for i, ref := range a.Areas {
		order[ref.ID] = i + 1
	}
	num := func(k checklist.ItemKey) int {
		_, n := lookupItemNumber(lookupArea(cat, k.AreaID), k.ItemID)
		return n
	}
	sort.Slice(keys, func(i, j int) bool {
		if oi, oj := order[keys[i].AreaID], order[keys[j].AreaID]; oi != oj {
			return oi < oj
		}
		if keys[i].AreaID != keys[j].AreaID {
			return keys[i].AreaID < keys[j].AreaID
		}
		if ni, nj := num(keys[i]), num(keys[j]); ni != nj {
			return ni < nj
		}
		return keys[i].ItemID < keys[j].ItemID
	})
	for _, k := range keys {
		r := a.Responses[k]
		where := ""
		place := func() string {
			if where == "" {
				where = itemPlace(cat, k.AreaID, k.ItemID, lang)
			}
			return where
		}
		if checklist.ContainsPersonnummer(r.Comment) {
			out = append(out, Finding{place(), tr("kommentar", "comment")})
		}
		if checklist.ContainsPersonnummer(r.Reason) {
			out = append(out, Finding{place(), tr("skäl för ej aktuellt", "reason for not applicable")})
		}
		if r.Risk != nil && checklist.ContainsPersonnummer(r.Risk.Note) {
			out = append(out, Finding{place(), tr("kommentar om risken", "comment on the risk")})
		}
	}
	// The group's own items: their statements are printed like the
	// checklists' items.
	if len(a.OwnItems) > 0 {
		own := cat.WithOwnItems(a.OwnItems)
		for _, o := range a.OwnItems {
			if checklist.ContainsPersonnummer(o.Statement) {
				out = append(out, Finding{itemPlace(own, o.AreaID, o.ItemID, lang), tr("egen punkt", "own item")})
			}
		}
	}
	for _, x := range a.Actions {
		out = append(out, actionFindings(x, cat, lang)...)
	}
	return out
}

// actionFindings scans the user text of action x: its risk, measure,
// responsible and effect.
func actionFindings(x checklist.Action, cat *checklist.Catalog, lang checklist.Lang) []Finding {
	tr := func(sv, en string) string { return checklist.Text{SV: sv, EN: en}.In(lang) }
	var out []Finding
	where := ""
	for _, field := range []struct{ text, sv, en string }{
		{x.Risk, "risk", "risk"},
		{x.What, "åtgärd", "action"},
		{x.Who, "ansvarig", "responsible"},
		{x.Effect, "effekt", "effect"},
	} {
		if !checklist.ContainsPersonnummer(field.text) {
			continue
		}
		if where == "" {
			where = tr("åtgärd: ", "action: ") + clip(maskPersonnummer(oneLine(x.What)), 40)
			if x.AreaID != "" {
				where = itemPlace(cat, x.AreaID, x.ItemID, lang) + ", " + where
			}
		}
		out = append(out, Finding{where, tr(field.sv, field.en)})
	}
	return out
}

// itemPlace is "Area title, punkt 3" for an item.
func itemPlace(cat *checklist.Catalog, areaID, itemID string, lang checklist.Lang) string {
	area := lookupArea(cat, areaID)
	title := oneLine(areaID)
	if area != nil {
		title = oneLine(area.Title.In(lang))
	}
	_, n := lookupItemNumber(area, itemID)
	return title + ", " + itemRef(n, lang)
}

// clip shortens s to at most n characters, marking the cut with "…".
func clip(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

// maskPersonnummer replaces each likely personnummer in s with
// "ÅÅMMDD-XXXX", so that a warning naming the place does not repeat it.
func maskPersonnummer(s string) string {
	ms := checklist.FindPersonnummer(s)
	for i := len(ms) - 1; i >= 0; i-- {
		s = s[:ms[i].Start] + "ÅÅMMDD-XXXX" + s[ms[i].End:]
	}
	return s
}
