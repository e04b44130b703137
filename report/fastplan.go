package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strconv"
	"sync"

	"samkoll/assets"
	"samkoll/checklist"
)

// planTemplateSHA256 is the hash of the built-in handlingsplan template
// that writePlan reproduces. text/template looks up every field by name
// through reflection, which made exporting a thousand plans take about a
// second; writePlan writes the same bytes directly. It is used only while
// the embedded template is exactly this file: when the template changes,
// the export falls back to text/template until writePlan is updated and
// this hash with it (TestWritePlanMatchesTemplate says so). Organisations'
// own templates always go through text/template.
const planTemplateSHA256 = "feb51eaee499f3d68ae1735e8fc7cb92fb4d42dac20779cc2f4b1349e86e492d"

var fastPlan struct {
	once sync.Once
	ok   bool
}

// planFastPathOK reports whether the embedded plan template is the one
// writePlan reproduces.
func planFastPathOK() bool {
	fastPlan.once.Do(func() {
		src, err := fs.ReadFile(assets.FS, "templates/"+PlanTemplate)
		if err != nil {
			return
		}
		sum := sha256.Sum256(src)
		fastPlan.ok = hex.EncodeToString(sum[:]) == planTemplateSHA256
	})
	return fastPlan.ok
}

// put writes parts to b in order.
func put(b *bytes.Buffer, parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}

// writePlan writes d in the layout of the built-in handlingsplan template,
// byte for byte.
func writePlan(b *bytes.Buffer, d *PlanData, lang checklist.Lang) {
	en := lang == checklist.English
	t := func(sv, eng string) string {
		if en {
			return eng
		}
		return sv
	}
	num := func(n int) { b.WriteString(strconv.Itoa(n)) }
	action, responsible, due, status := t("Åtgärd", "Action"), t("Ansvarig", "Responsible"), t("Klart senast", "Due"), t("Status", "Status")
	from, noAction := t("från APT", "from the meeting of"), t("Ingen åtgärd i handlingsplanen.", "No action in the plan.")
	level := t("Risknivå", "Risk level")
	note, comment, inPlan := t("Bedömning", "Assessment note"), t("Kommentar", "Comment"), t("Åtgärder i planen", "Actions in the plan")
	reason, changed := t("skäl", "reason"), t(" (ändrad sedan bedömningen)", " (changed since the assessment)")

	put(b, "# ", t("Riskbedömning och handlingsplan", "Risk assessment and action plan"), ": ", d.Unit, "\n\n- **", t("Enhet", "Unit"), ":** ", d.Unit, "\n- **", t("Datum för APT", "Meeting date"), ":** ", d.Date, "\n- **", t("Deltagare (roller)", "Participants (roles)"), ":** ", dash(d.Participants), "\n- **", t("Skyddsombud närvarande", "Safety representative present"), ":** ")
	if d.SafetyRepPresent {
		b.WriteString(t("Ja", "Yes"))
	} else {
		b.WriteString(t("Nej", "No"))
	}
	put(b, "\n- **", t("Områden", "Areas"), ":** ")
	for i, a := range d.Areas {
		if i > 0 {
			b.WriteString(", ")
		}
		put(b, a.Title, " (", t("version", "version"), " ")
		num(a.Version)
		b.WriteString(")")
	}
	if len(d.Areas) == 0 {
		b.WriteString("–")
	}
	put(b, "\n- **", t("Status", "Status"), ":** ", d.Status, "\n- **", t("Utskriven", "Exported"), ":** ", dash(d.Today), "\n\n## ", t("Allvarliga risker", "Serious risks"), "\n\n")

	if len(d.Serious) > 0 {
		b.WriteString(t("Dessa risker har bedömts som allvarliga (AFS 2023:1 11 §). De åtgärdas först, omedelbart eller med ett tidigt datum, och kräver skriftliga instruktioner (AFS 2023:1 10 §).",
			"These risks were judged serious (AFS 2023:1 11 §). They are dealt with first, at once or by an early date, and require written instructions (AFS 2023:1 10 §)."))
		b.WriteString("\n\n")
		for i := range d.Serious {
			s := &d.Serious[i]
			put(b, "- **", s.Level, ":** ", s.Risk)
			switch {
			case s.Area != "":
				put(b, " (", s.Area)
				if s.CarriedOver {
					put(b, ", ", from, " ", s.From)
				}
				b.WriteString(")")
			case s.CarriedOver:
				put(b, " (", from, " ", s.From, ")")
			}
			for j := range s.Actions {
				x := &s.Actions[j]
				put(b, "\n  - ", action, ": ", x.What, ". ", responsible, ": ", x.Who, ". ", due, ": ", x.Due, ". ", status, ": ", x.StatusText, ".")
			}
			if len(s.Actions) == 0 {
				put(b, "\n  - **", noAction, "**")
			}
			b.WriteString("\n")
		}
	} else {
		put(b, t("Ingen risk har bedömts som allvarlig.", "No risk was judged serious."), "\n")
	}

	put(b, "\n## ", t("Handlingsplan", "Action plan"), "\n\n")
	head := func(last string) {
		put(b, "| ", t("Risk/brist", "Risk/shortcoming"), " | ", t("Åtgärd", "Action"), " | ", t("Ansvarig", "Responsible"), " | ", t("Klart senast", "Due"), " | ", t("Status", "Status"), " | ", t("Allvarlig", "Serious"), " |")
		if last != "" {
			put(b, " ", last, " |\n|---|---|---|---|---|---|---|\n")
		} else {
			b.WriteString("\n|---|---|---|---|---|---|\n")
		}
	}
	row := func(x *ActionRow, withFrom bool) {
		put(b, "| ", x.Risk, " | ", x.What, " | ", x.Who, " | ", x.Due, " | ", x.StatusText, " | ", x.SeriousText)
		if withFrom {
			put(b, " | ", x.From)
		}
		b.WriteString(" |\n")
	}
	if len(d.Actions) > 0 {
		head("")
		for i := range d.Actions {
			row(&d.Actions[i], false)
		}
	} else {
		put(b, t("Inga nya åtgärder.", "No new actions."), "\n")
	}
	if len(d.CarriedOver) > 0 {
		put(b, "\n## ", t("Åtgärder från tidigare APT", "Actions from earlier meetings"), "\n\n")
		head(t("Från APT", "From meeting"))
		for i := range d.CarriedOver {
			row(&d.CarriedOver[i], true)
		}
	}
	if d.Overdue != 0 {
		put(b, "\n", t("Försenade åtgärder", "Overdue actions"), ": ")
		num(d.Overdue)
		b.WriteString(".\n")
	}

	put(b, "\n## ", t("Brister (Nej och Delvis)", "Shortcomings (No and Partly)"), "\n\n")
	for i := range d.Shortcomings {
		s := &d.Shortcomings[i]
		put(b, "- **", s.Answer, ":** ", s.Statement, " (", s.Area, ", ", s.ItemID, ")\n  - ", level, ": ", s.LevelText)
		if s.Note != "" {
			put(b, "\n  - ", note, ": ", s.Note)
		}
		if s.Comment != "" {
			put(b, "\n  - ", comment, ": ", s.Comment)
		}
		put(b, "\n  - ", inPlan, ": ")
		num(s.Actions)
		b.WriteString("\n")
	}
	if len(d.Shortcomings) == 0 {
		put(b, t("Inga punkter besvarades med Nej eller Delvis.", "No item was answered No or Partly."), "\n")
	}

	put(b, "\n## ", t("Ej aktuellt", "Not applicable"), "\n\n")
	for i := range d.NotApplicable {
		s := &d.NotApplicable[i]
		put(b, "- ", s.Statement, " (", s.Area, ", ", s.ItemID, ") – ", reason, ": ", dash(s.Reason), "\n")
	}
	if len(d.NotApplicable) == 0 {
		put(b, t("Inga punkter besvarades med Ej aktuellt.", "No item was answered Not applicable."), "\n")
	}

	put(b, "\n## ", t("Svar per område", "Answers per area"), "\n\n| ")
	for i, h := range [...]string{
		t("Område", "Area"), t("Version", "Version"), t("Ja", "Yes"), t("Delvis", "Partly"), t("Nej", "No"),
		t("Ej aktuellt", "Not applicable"), t("Ej besvarade", "Not answered"), t("Punkter", "Items"),
	} {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(h)
	}
	b.WriteString(" |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	counts := func(a *AreaRow) {
		for _, n := range [...]int{a.Ja, a.Delvis, a.Nej, a.EjAktuellt, a.Unanswered, a.Items} {
			b.WriteString(" | ")
			num(n)
		}
		b.WriteString(" |\n")
	}
	for i := range d.Areas {
		a := &d.Areas[i]
		put(b, "| ", a.Title)
		if a.Changed {
			b.WriteString(changed)
		}
		b.WriteString(" | ")
		num(a.Version)
		counts(a)
	}
	put(b, "| **", t("Summa", "Total"), "** |")
	counts(&d.Total)
	b.WriteString("\n")
	b.WriteString(t("Uppgifterna gäller arbetsgruppen. De innehåller inga namn och inga enskilda ärenden.",
		"The information concerns the work group. It holds no names and no individual cases."))
	put(b, "\n\n", t("Justerat av", "Approved by"), ": ______________________ ", t("Datum", "Date"), ": ____________\n")
}

// dash returns "–" for empty (already escaped) text, like the template
// function of the same name.
func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
