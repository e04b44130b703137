package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"samkoll/checklist"
)

// Source is the storage the exports read. *store.Store satisfies it; the
// report package does not import the store.
type Source interface {
	// LoadAssessment returns an assessment with its answers and actions.
	LoadAssessment(ctx context.Context, id int64) (checklist.Assessment, error)
	// MeetingDates returns the meeting date of each existing assessment in
	// ids, by id.
	MeetingDates(ctx context.Context, ids []int64) (map[int64]checklist.Date, error)
	// Units returns the known units by name.
	Units(ctx context.Context) ([]checklist.Unit, error)
	// OpenActions returns the unfinished actions of the unit named unit,
	// or of all units when unit is "". Each action carries the risk level
	// its item got where it was created (checklist.Action.RiskLevel).
	OpenActions(ctx context.Context, unit string) ([]checklist.UnitAction, error)
}

// PreviousSource is a Source that also knows the unit's earlier answers,
// for the plan's section "Sedan förra APT". *store.Store satisfies it.
type PreviousSource interface {
	// PreviousResponses returns the unit's latest earlier answer to each
	// item, before assessment id.
	PreviousResponses(ctx context.Context, id int64) (map[checklist.ItemKey]checklist.PastResponse, error)
}

// previousAnswersSource is a Source that knows the unit's earlier answers
// to the items an assessment answered, which is all a plan compares and
// cheaper than every earlier answer; had says whether the unit answered
// anything before. *store.Store satisfies it, and the plan prefers it.
type previousAnswersSource interface {
	PreviousAnswers(ctx context.Context, id int64) (prev map[checklist.ItemKey]checklist.PastResponse, had bool, err error)
}

// Exporter is the export use-case shared by the command line and the app:
// it reads from Source and writes markdown with the built-in templates or
// the organisation's own (TemplateDir).
type Exporter struct {
	// Source is where the assessments are read.
	Source Source
	// Catalog returns the checklists for area titles and item texts; it is
	// called only once an export needs them and may return nil.
	Catalog func() *checklist.Catalog
	// CatalogFor, when set, replaces Catalog for the export of one
	// assessment: it returns the checklists with at least the areas named
	// and may leave the others out, since parsing every checklist costs
	// more than the rest of a plan export. It may return nil.
	CatalogFor func(areas []string) *checklist.Catalog
	// Lang is the language of the export.
	Lang checklist.Lang
	// Today returns the export date.
	Today func() checklist.Date
	// TemplateDir is the directory of the organisation's own templates, or
	// "" for none. A template overrides the built-in one of the same name.
	TemplateDir string
	// Warn receives a broken override template's *TemplateError; the
	// built-in template is used instead.
	Warn func(error)
	// Home returns the user's home directory, for the export files;
	// nil means os.UserHomeDir.
	Home func() (string, error)
	// Format is the form of a plan export: markdown (the zero value) or
	// HTML.
	Format Format
	// Short asks for the extract for the minutes without the full plan.
	Short bool
	// Documents returns Windows' Documents known folder, for the export
	// files; nil means KnownDocuments. Other systems do not ask it.
	Documents func() (string, error)

	// forKey and forCat are the last catalog CatalogFor returned, for
	// the areas forKey.
	forKey string
	forCat *checklist.Catalog
}

// Format is the form of a plan export.
type Format int

// The forms of a plan export.
const (
	// Markdown is the plan as markdown, for Teams, a wiki or a text file.
	Markdown Format = iota
	// HTML is one self-contained HTML document, to print or to paste into
	// Word or Outlook.
	HTML
)

// Ext is the file name extension of the format, with its dot.
func (f Format) Ext() string {
	if f == HTML {
		return ".html"
	}
	return ".md"
}

// FileName is the name of the file a plan export of a is saved under, in
// lang: handlingsplan-<unit>-<date>.md, or action-plan-… in English;
// protokollsutdrag-… (minutes-extract-…) for the short extract; .html for
// HTML.
func FileName(a checklist.Assessment, lang checklist.Lang, f Format, short bool) string {
	base := checklist.Text{SV: "handlingsplan", EN: "action-plan"}
	if short {
		base = checklist.Text{SV: "protokollsutdrag", EN: "minutes-extract"}
	}
	return base.In(lang) + "-" + Slug(checklist.RemovePersonnummer(a.Unit)) + "-" + a.Date.String() + f.Ext()
}

func (x *Exporter) catalog() *checklist.Catalog {
	if x.Catalog == nil {
		return nil
	}
	return x.Catalog()
}

// catalogOf returns the checklists for an export of a: CatalogFor's for
// the areas a refers to, when set, else Catalog's.
func (x *Exporter) catalogOf(a checklist.Assessment) *checklist.Catalog {
	if x.CatalogFor == nil {
		return x.catalog()
	}
	areas := AreasOf(a)
	key := strings.Join(areas, "\n")
	if x.forCat == nil || x.forKey != key {
		x.forCat, x.forKey = x.CatalogFor(areas), key
	}
	return x.forCat
}

// AreasOf returns the ids of every area an export of a refers to, sorted:
// its areas, and those of its answers, actions (carried-over ones
// included), carried risks, re-evaluations and own items.
func AreasOf(a checklist.Assessment) []string {
	seen := map[string]bool{}
	add := func(id string) {
		if id != "" {
			seen[id] = true
		}
	}
	for _, ref := range a.Areas {
		add(ref.ID)
	}
	for k := range a.Responses {
		add(k.AreaID)
	}
	for _, x := range a.Actions {
		add(x.AreaID)
	}
	for _, c := range a.CarriedRisks {
		add(c.Response.AreaID)
	}
	for _, e := range a.Reevaluations {
		add(e.AreaID)
	}
	for _, o := range a.OwnItems {
		add(o.AreaID)
	}
	return slices.Sorted(maps.Keys(seen))
}

func (x *Exporter) today() checklist.Date {
	if x.Today == nil {
		return checklist.Date{}
	}
	return x.Today()
}

// templatePath returns the organisation's override of the template name,
// or "" when there is none.
func (x *Exporter) templatePath(name string) string { return TemplateFile(x.TemplateDir, name) }

// TemplateFile returns the organisation's override of the template name
// in dir, or "" when dir is "" or has no such file.
func TemplateFile(dir, name string) string {
	if dir == "" {
		return ""
	}
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func (x *Exporter) options(template string) Options {
	return Options{
		Lang:     x.Lang,
		Today:    x.today(),
		Template: x.templatePath(template),
		Warn:     x.Warn,
	}
}

// Plan writes the markdown action plan of assessment id to w. An unknown
// id gives the Source's not-found error.
func (x *Exporter) Plan(ctx context.Context, w io.Writer, id int64) error {
	a, err := x.Source.LoadAssessment(ctx, id)
	if err != nil {
		return err
	}
	return x.PlanOf(ctx, w, a)
}

// PlanOf writes the action plan of the loaded assessment a to w, in
// x.Format, short when x.Short. Carried-over actions are shown with the
// meeting date and the risk level of the assessment where they were
// created.
func (x *Exporter) PlanOf(ctx context.Context, w io.Writer, a checklist.Assessment) error {
	name := PlanTemplate
	if x.Format == HTML {
		name = PlanHTMLTemplate
	}
	opt := x.options(name)
	opt.Short = x.Short
	opt.Origins = map[int64]Origin{}
	var ids []int64
	seen := map[int64]bool{}
	for _, act := range a.Actions {
		if a.CarriedOver(act) && !seen[act.AssessmentID] {
			seen[act.AssessmentID] = true
			ids = append(ids, act.AssessmentID)
		}
	}
	if len(ids) > 0 {
		dates, err := x.Source.MeetingDates(ctx, ids)
		if err != nil {
			return err
		}
		for _, act := range a.Actions {
			if !a.CarriedOver(act) {
				continue
			}
			o := Origin{}
			if d, ok := dates[act.AssessmentID]; ok {
				o = Origin{Date: d, Level: act.RiskLevel}
			}
			opt.Origins[act.ID] = o
		}
	}
	if ps, ok := x.Source.(previousAnswersSource); ok {
		prev, had, err := ps.PreviousAnswers(ctx, a.ID)
		if err != nil {
			return err
		}
		opt.Previous, opt.HadPrevious = prev, had
	} else if ps, ok := x.Source.(PreviousSource); ok {
		prev, err := ps.PreviousResponses(ctx, a.ID)
		if err != nil {
			return err
		}
		opt.Previous = prev
	}
	cat := x.catalogOf(a)
	if x.Format == HTML {
		return AssessmentHTML(w, a, cat, opt)
	}
	return Assessment(w, a, cat, opt)
}

// PersonalData loads assessment id and returns the places in the user
// text its plan shows that hold a likely personnummer (see PersonalData).
func (x *Exporter) PersonalData(ctx context.Context, id int64) ([]Finding, error) {
	a, err := x.Source.LoadAssessment(ctx, id)
	if err != nil {
		return nil, err
	}
	return x.PersonalDataOf(a), nil
}

// PersonalDataOf is PersonalData of the loaded assessment a.
func (x *Exporter) PersonalDataOf(a checklist.Assessment) []Finding {
	return PersonalData(a, x.catalogOf(a), x.Lang)
}

// Open writes the unfinished actions of unit, or of all units when unit
// is "", to w. An unknown unit is an error naming the known ones.
func (x *Exporter) Open(ctx context.Context, w io.Writer, unit string) error {
	if unit != "" {
		units, err := x.Source.Units(ctx)
		if err != nil {
			return err
		}
		var names []string
		found := false
		for _, u := range units {
			names = append(names, checklist.SanitizeLine(u.Name))
			found = found || strings.EqualFold(strings.TrimSpace(u.Name), strings.TrimSpace(unit))
		}
		if !found {
			known := strings.Join(names, ", ")
			if known == "" {
				known = "–"
			}
			return errors.New(fmt.Sprintf(checklist.Text{
				SV: "enheten %q finns inte; enheterna är: %s",
				EN: "there is no unit %q; the units are: %s",
			}.In(x.Lang), unit, known))
		}
	}
	list, err := x.Source.OpenActions(ctx, unit)
	if err != nil {
		return err
	}
	rows := make([]OpenAction, len(list))
	for i, ua := range list {
		rows[i] = OpenAction{Unit: ua.Unit, AssessmentDate: ua.AssessmentDate, Action: ua.Action, Level: ua.Action.RiskLevel}
	}
	cat := x.catalog()
	opt := x.options(OpenTemplate)
	opt.Unit = unit
	return OpenActions(w, rows, cat, opt)
}

// PlanFile writes the action plan of assessment id to a file and returns
// its path. The file goes in the user's Documents/samkoll directory if
// Documents exists (see DocumentsDir: on Windows the folder Windows names,
// which OneDrive may have moved), else in the home directory under
// samkoll-export; its name is FileName's (handlingsplan-<unit-slug>-<YYYY-MM-DD>.md
// in Swedish). An earlier export of the same unit, date and form is
// replaced: it is the same plan. The file is written atomically (temporary
// file and rename) with mode 0600. When that file is open in another
// program (Word on Windows), the plan goes to the first free name beside
// it, "… (2).md", and Warn receives a *BesideError saying so.
//
// A broken override template does not stop the export: the built-in
// template is used and Warn receives the problem.
func (x *Exporter) PlanFile(ctx context.Context, id int64) (string, error) {
	path, _, err := x.PlanFileData(ctx, id)
	return path, err
}

// PlanFileData is PlanFile, and returns what it wrote as well: the app puts
// the short extract on the clipboard.
func (x *Exporter) PlanFileData(ctx context.Context, id int64) (string, []byte, error) {
	a, err := x.Source.LoadAssessment(ctx, id)
	if err != nil {
		return "", nil, err
	}
	var buf bytes.Buffer
	if err := x.PlanOf(ctx, &buf, a); err != nil {
		return "", nil, err
	}
	dir, err := x.dir()
	if err != nil {
		return "", nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", nil, fmt.Errorf("%s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName(a, x.Lang, x.Format, x.Short))
	written, err := WriteBeside(path, buf.Bytes())
	var beside *BesideError
	if errors.As(err, &beside) {
		// The plan is open in Word: it went to a free name beside it.
		if x.Warn != nil {
			x.Warn(beside)
		}
		return written, buf.Bytes(), nil
	}
	if err != nil {
		return "", nil, err
	}
	return path, buf.Bytes(), nil
}

// dir is Documents/samkoll, or samkoll-export in the home directory when
// there is no Documents directory.
func (x *Exporter) dir() (string, error) {
	homeDir := x.Home
	if homeDir == nil {
		homeDir = os.UserHomeDir
	}
	home, err := homeDir()
	if err != nil {
		return "", errors.New(checklist.Text{
			SV: "hittar ingen hemkatalog att spara i",
			EN: "cannot find a home directory to save in",
		}.In(x.Lang))
	}
	known := x.Documents
	if known == nil {
		known = KnownDocuments
	}
	if docs := DocumentsDir(home, known); docs != "" {
		return filepath.Join(docs, "samkoll"), nil
	}
	return filepath.Join(home, "samkoll-export"), nil
}

// Slug turns a unit name into a file-name part: lower case a–z, 0–9 and
// single dashes, å/ä → a and ö → o, at most 40 characters; "enhet" when
// nothing is left.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch r {
		case 'å', 'ä', 'á', 'à', 'â':
			r = 'a'
		case 'ö', 'ø', 'ó', 'ò', 'ô':
			r = 'o'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ü', 'ú':
			r = 'u'
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 40 {
				break
			}
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "enhet"
	}
	return b.String()
}
