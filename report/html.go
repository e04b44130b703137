package report

import (
	"io"

	"samkoll/checklist"
)

// AssessmentHTML writes the action plan of a to w as one self-contained
// HTML document: the content of Assessment (the extract for the minutes,
// then the full plan unless opt.Short), laid out by the template
// PlanHTMLTemplate, or by the organisation's own opt.Template. The page has
// its style sheet inline (screen in light and dark, A4 print with a page
// break between the extract, the plan and the answers), no scripts, and a
// Content-Security-Policy that loads nothing from outside.
//
// The data is that of Plan with text escaped for HTML instead of for
// markdown (see HTMLText), so no text from a user can become a tag, an
// attribute or a link, whatever the template does with it short of placing
// it in a script, a style or an unquoted attribute.
func AssessmentHTML(w io.Writer, a checklist.Assessment, cat *checklist.Catalog, opt Options) error {
	return render(w, PlanHTMLTemplate, PlanHTML(a, cat, opt), opt)
}

// PlanHTML is Plan with every text escaped for HTML: the data of an HTML
// template.
func PlanHTML(a checklist.Assessment, cat *checklist.Catalog, opt Options) PlanData {
	return plan(a, cat, opt, htmlFormat)
}

// PlanTitle is the plain-text title of an assessment's plan, for a window
// or a document title: "Handlingsplan – unit – date".
func PlanTitle(a checklist.Assessment, lang checklist.Lang) string {
	return checklist.Text{SV: "Handlingsplan", EN: "Action plan"}.In(lang) + " – " + oneLine(a.Unit) + " – " + a.Date.String()
}
