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

	b.WriteString("# ")
	b.WriteString(t("Riskbedömning och handlingsplan", "Risk assessment and action plan"))
	b.WriteString(": ")
	b.WriteString(d.Unit)
	b.WriteString("\n\n- **")
	b.WriteString(t("Enhet", "Unit"))
	b.WriteString(":** ")
	b.WriteString(d.Unit)
	b.WriteString("\n- **")
	b.WriteString(t("Datum för APT", "Meeting date"))
	b.WriteString(":** ")
	b.WriteString(d.Date)
	b.WriteString("\n- **")
	b.WriteString(t("Deltagare (roller)", "Participants (roles)"))
	b.WriteString(":** ")
	b.WriteString(dash(d.Participants))
	b.WriteString("\n- **")
	b.WriteString(t("Skyddsombud närvarande", "Safety representative present"))
	b.WriteString(":** ")
	if d.SafetyRepPresent {
		b.WriteString(t("Ja", "Yes"))
	} else {
		b.WriteString(t("Nej", "No"))
	}
	b.WriteString("\n- **")
	b.WriteString(t("Områden", "Areas"))
	b.WriteString(":** ")
	for i, a := range d.Areas {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.Title)
		b.WriteString(" (")
		b.WriteString(t("version", "version"))
		b.WriteString(" ")
		num(a.Version)
		b.WriteString(")")
	}
	if len(d.Areas) == 0 {
		b.WriteString("–")
	}
	b.WriteString("\n- **")
	b.WriteString(t("Status", "Status"))
	b.WriteString(":** ")
	b.WriteString(d.Status)
	b.WriteString("\n- **")
	b.WriteString(t("Utskriven", "Exported"))
	b.WriteString(":** ")
	b.WriteString(dash(d.Today))
	b.WriteString("\n\n## ")
	b.WriteString(t("Allvarliga risker", "Serious risks"))
	b.WriteString("\n\n")

	if len(d.Serious) > 0 {
		b.WriteString(t("Dessa risker har bedömts som allvarliga (AFS 2023:1 11 §). De åtgärdas först, omedelbart eller med ett tidigt datum, och kräver skriftliga instruktioner (AFS 2023:1 10 §).",
			"These risks were judged serious (AFS 2023:1 11 §). They are dealt with first, at once or by an early date, and require written instructions (AFS 2023:1 10 §)."))
		b.WriteString("\n\n")
		for i := range d.Serious {
			s := &d.Serious[i]
			b.WriteString("- **")
			b.WriteString(s.Level)
			b.WriteString(":** ")
			b.WriteString(s.Risk)
			switch {
			case s.Area != "":
				b.WriteString(" (")
				b.WriteString(s.Area)
				if s.CarriedOver {
					b.WriteString(", ")
					b.WriteString(from)
					b.WriteString(" ")
					b.WriteString(s.From)
				}
				b.WriteString(")")
			case s.CarriedOver:
				b.WriteString(" (")
				b.WriteString(from)
				b.WriteString(" ")
				b.WriteString(s.From)
				b.WriteString(")")
			}
			for j := range s.Actions {
				x := &s.Actions[j]
				b.WriteString("\n  - ")
				b.WriteString(action)
				b.WriteString(": ")
				b.WriteString(x.What)
				b.WriteString(". ")
				b.WriteString(responsible)
				b.WriteString(": ")
				b.WriteString(x.Who)
				b.WriteString(". ")
				b.WriteString(due)
				b.WriteString(": ")
				b.WriteString(x.Due)
				b.WriteString(". ")
				b.WriteString(status)
				b.WriteString(": ")
				b.WriteString(x.StatusText)
				b.WriteString(".")
			}
			if len(s.Actions) == 0 {
				b.WriteString("\n  - **")
				b.WriteString(noAction)
				b.WriteString("**")
			}
			b.WriteString("\n")
		}
	} else {
		b.WriteString(t("Ingen risk har bedömts som allvarlig.", "No risk was judged serious."))
		b.WriteString("\n")
	}

	b.WriteString("\n## ")
	b.WriteString(t("Handlingsplan", "Action plan"))
	b.WriteString("\n\n")
	head := func(last string) {
		b.WriteString("| ")
		b.WriteString(t("Risk/brist", "Risk/shortcoming"))
		b.WriteString(" | ")
		b.WriteString(t("Åtgärd", "Action"))
		b.WriteString(" | ")
		b.WriteString(t("Ansvarig", "Responsible"))
		b.WriteString(" | ")
		b.WriteString(t("Klart senast", "Due"))
		b.WriteString(" | ")
		b.WriteString(t("Status", "Status"))
		b.WriteString(" | ")
		b.WriteString(t("Allvarlig", "Serious"))
		b.WriteString(" |")
		if last != "" {
			b.WriteString(" ")
			b.WriteString(last)
			b.WriteString(" |\n|---|---|---|---|---|---|---|\n")
		} else {
			b.WriteString("\n|---|---|---|---|---|---|\n")
		}
	}
	row := func(x *ActionRow, withFrom bool) {
		b.WriteString("| ")
		b.WriteString(x.Risk)
		b.WriteString(" | ")
		b.WriteString(x.What)
		b.WriteString(" | ")
		b.WriteString(x.Who)
		b.WriteString(" | ")
		b.WriteString(x.Due)
		b.WriteString(" | ")
		b.WriteString(x.StatusText)
		b.WriteString(" | ")
		b.WriteString(x.SeriousText)
		if withFrom {
			b.WriteString(" | ")
			b.WriteString(x.From)
		}
		b.WriteString(" |\n")
	}
	if len(d.Actions) > 0 {
		head("")
		for i := range d.Actions {
			row(&d.Actions[i], false)
		}
	} else {
		b.WriteString(t("Inga nya åtgärder.", "No new actions."))
		b.WriteString("\n")
	}
	if len(d.CarriedOver) > 0 {
		b.WriteString("\n## ")
		b.WriteString(t("Åtgärder från tidigare APT", "Actions from earlier meetings"))
		b.WriteString("\n\n")
		head(t("Från APT", "From meeting"))
		for i := range d.CarriedOver {
			row(&d.CarriedOver[i], true)
		}
	}
	if d.Overdue != 0 {
		b.WriteString("\n")
		b.WriteString(t("Försenade åtgärder", "Overdue actions"))
		b.WriteString(": ")
		num(d.Overdue)
		b.WriteString(".\n")
	}

	b.WriteString("\n## ")
	b.WriteString(t("Brister (Nej och Delvis)", "Shortcomings (No and Partly)"))
	b.WriteString("\n\n")
	for i := range d.Shortcomings {
		s := &d.Shortcomings[i]
		b.WriteString("- **")
		b.WriteString(s.Answer)
		b.WriteString(":** ")
		b.WriteString(s.Statement)
		b.WriteString(" (")
		b.WriteString(s.Area)
		b.WriteString(", ")
		b.WriteString(s.ItemID)
		b.WriteString(")\n  - ")
		b.WriteString(level)
		b.WriteString(": ")
		b.WriteString(s.LevelText)
		if s.Note != "" {
			b.WriteString("\n  - ")
			b.WriteString(note)
			b.WriteString(": ")
			b.WriteString(s.Note)
		}
		if s.Comment != "" {
			b.WriteString("\n  - ")
			b.WriteString(comment)
			b.WriteString(": ")
			b.WriteString(s.Comment)
		}
		b.WriteString("\n  - ")
		b.WriteString(inPlan)
		b.WriteString(": ")
		num(s.Actions)
		b.WriteString("\n")
	}
	if len(d.Shortcomings) == 0 {
		b.WriteString(t("Inga punkter besvarades med Nej eller Delvis.", "No item was answered No or Partly."))
		b.WriteString("\n")
	}

	b.WriteString("\n## ")
	b.WriteString(t("Ej aktuellt", "Not applicable"))
	b.WriteString("\n\n")
	for i := range d.NotApplicable {
		s := &d.NotApplicable[i]
		b.WriteString("- ")
		b.WriteString(s.Statement)
		b.WriteString(" (")
		b.WriteString(s.Area)
		b.WriteString(", ")
		b.WriteString(s.ItemID)
		b.WriteString(") – ")
		b.WriteString(reason)
		b.WriteString(": ")
		b.WriteString(dash(s.Reason))
		b.WriteString("\n")
	}
	if len(d.NotApplicable) == 0 {
		b.WriteString(t("Inga punkter besvarades med Ej aktuellt.", "No item was answered Not applicable."))
		b.WriteString("\n")
	}

	b.WriteString("\n## ")
	b.WriteString(t("Svar per område", "Answers per area"))
	b.WriteString("\n\n| ")
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
		b.WriteString("| ")
		b.WriteString(a.Title)
		if a.Changed {
			b.WriteString(changed)
		}
		b.WriteString(" | ")
		num(a.Version)
		counts(a)
	}
	b.WriteString("| **")
	b.WriteString(t("Summa", "Total"))
	b.WriteString("** |")
	counts(&d.Total)
	b.WriteString("\n")
	b.WriteString(t("Uppgifterna gäller arbetsgruppen. De innehåller inga namn och inga enskilda ärenden.",
		"The information concerns the work group. It holds no names and no individual cases."))
	b.WriteString("\n\n")
	b.WriteString(t("Justerat av", "Approved by"))
	b.WriteString(": ______________________ ")
	b.WriteString(t("Datum", "Date"))
	b.WriteString(": ____________\n")
}

// dash returns "–" for empty (already escaped) text, like the template
// function of the same name.
func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
