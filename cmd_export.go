package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"samkoll/checklist"
	"samkoll/report"
	"samkoll/store"
)

// runExport writes an assessment's action plan (markdown), the data of one
// or all assessments (json) or every unfinished action (--open). It opens
// the database read-only and never starts a tea.Program.
func runExport(ctx context.Context, e *env, args []string) error {
	fs, g := newFlagSet(e, "export",
		"samkoll export [ID] [-o FIL] [--format markdown|json] [--all] [--open [--unit NAMN]]",
		"samkoll export [ID] [-o FILE] [--format markdown|json] [--all] [--open [--unit NAME]]",
		func(w io.Writer) {
			fmt.Fprintln(w, e.tr(
				"\nUtan ID exporteras den senaste bedömningen. ID är numret i listan i samkoll.\n"+
					"  -o FIL             skriv till FIL i stället för standard ut\n"+
					"  --format markdown  handlingsplanen som markdown (standard)\n"+
					"  --format json      data för flytt eller till HR (ett ID eller --all)\n"+
					"  --all              alla bedömningar (bara json)\n"+
					"  --open             alla ofärdiga åtgärder, för alla enheter eller en (--unit NAMN)",
				"\nWithout an ID the newest assessment is exported. ID is the number in samkoll's list.\n"+
					"  -o FILE            write to FILE instead of standard output\n"+
					"  --format markdown  the action plan as markdown (default)\n"+
					"  --format json      data for moving or for HR (one ID or --all)\n"+
					"  --all              all assessments (json only)\n"+
					"  --open             every unfinished action, of all units or one (--unit NAME)"))
		})
	out := fs.String("o", "", e.tr("skriv till FIL", "write to FILE"))
	format := fs.String("format", "markdown", "markdown|json")
	all := fs.Bool("all", false, e.tr("alla bedömningar (json)", "all assessments (json)"))
	open := fs.Bool("open", false, e.tr("alla ofärdiga åtgärder", "every unfinished action"))
	unit := fs.String("unit", "", e.tr("enhet för --open", "unit for --open"))
	pos, err := parseInterspersed(e, fs, g, args)
	if err != nil {
		return err
	}

	usage := func(sv, en string) error { return &usageError{e.tr(sv, en)} }
	switch *format {
	case "markdown", "md":
		*format = "markdown"
	case "json":
	default:
		return usage(fmt.Sprintf("--format %q: välj markdown eller json", *format),
			fmt.Sprintf("--format %q: choose markdown or json", *format))
	}
	if len(pos) > 1 {
		return usage("ange högst ett ID", "give at most one ID")
	}
	var id int64
	if len(pos) == 1 {
		n, err := strconv.ParseInt(pos[0], 10, 64)
		if err != nil || n <= 0 {
			return usage(fmt.Sprintf("%q är inget bedömnings-ID; ange numret från listan i samkoll, t.ex. samkoll export 3", pos[0]),
				fmt.Sprintf("%q is not an assessment ID; give the number from samkoll's list, e.g. samkoll export 3", pos[0]))
		}
		id = n
	}
	switch {
	case *open && (id != 0 || *all):
		return usage("--open kan inte kombineras med ett ID eller --all", "--open cannot be combined with an ID or --all")
	case *open && *format == "json":
		return usage("--open skriver bara markdown", "--open writes markdown only")
	case *unit != "" && !*open:
		return usage("--unit gäller bara tillsammans med --open", "--unit only applies with --open")
	case *all && id != 0:
		return usage("ange antingen ett ID eller --all", "give either an ID or --all")
	case *all && *format != "json":
		return usage("--all gäller bara --format json", "--all only applies with --format json")
	}

	s, err := openStore(ctx, e, true)
	if err != nil {
		return err
	}
	defer s.Close()

	var buf bytes.Buffer
	switch {
	case *open:
		if err := exportOpen(ctx, e, s, *unit, &buf); err != nil {
			return err
		}
	case *all:
		if err := s.ExportJSON(ctx, &buf, nil); err != nil {
			return err
		}
	default:
		if id == 0 {
			if id, err = newestAssessment(ctx, e, s); err != nil {
				return err
			}
		} else if _, err := s.LoadAssessment(ctx, id); err != nil {
			return assessmentError(e, id, err)
		}
		if *format == "json" {
			err = s.ExportJSON(ctx, &buf, []int64{id})
		} else {
			cat, errs := e.catalog()
			reportLoadErrors(e, errs)
			err = writePlan(ctx, e, s, cat, id, &buf, func(err error) { warnTemplate(e, err) })
		}
		if err != nil {
			return assessmentError(e, id, err)
		}
	}

	if *out == "" {
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, e.tr("skrev ", "wrote ")+*out)
	return nil
}

// newestAssessment returns the id of the assessment with the latest meeting
// date and says on stderr which one it is.
func newestAssessment(ctx context.Context, e *env, s *store.Store) (int64, error) {
	list, err := s.ListAssessments(ctx, e.today())
	if err != nil {
		return 0, err
	}
	if len(list) == 0 {
		return 0, errors.New(e.tr("det finns inga bedömningar att exportera", "there are no assessments to export"))
	}
	m := list[0]
	fmt.Fprintln(e.stderr, e.tr(
		fmt.Sprintf("Exporterar den senaste bedömningen: %d, %s %s (ange ett ID för en annan).", m.ID, m.Unit, m.Date),
		fmt.Sprintf("Exporting the newest assessment: %d, %s %s (give an ID for another one).", m.ID, m.Unit, m.Date)))
	return m.ID, nil
}

// assessmentError turns the store's not-found error into a localized
// message.
func assessmentError(e *env, id int64, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return errors.New(e.tr(
			fmt.Sprintf("det finns ingen bedömning med ID %d; ID är numret i listan i samkoll", id),
			fmt.Sprintf("there is no assessment with ID %d; the ID is the number in samkoll's list", id)))
	}
	return err
}

// warnTemplate prints a broken override template's message.
func warnTemplate(e *env, err error) {
	var te *report.TemplateError
	if errors.As(err, &te) {
		fmt.Fprintln(e.stderr, e.tr("varning: ", "warning: ")+te.Message(e.lang))
		return
	}
	fmt.Fprintln(e.stderr, e.tr("varning: ", "warning: ")+err.Error())
}

// templatePath returns the organisation's override of the template name,
// or "" when there is none.
func templatePath(e *env, name string) string {
	if e.configDir == "" {
		return ""
	}
	p := filepath.Join(e.configDir, "templates", name)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// originCache loads the assessments that carried-over actions come from,
// each once.
type originCache struct {
	s     *store.Store
	loads map[int64]*checklist.Assessment
}

// origin returns where action x was created: the meeting date and the risk
// level its item got there.
func (c *originCache) origin(ctx context.Context, x checklist.Action) (report.Origin, error) {
	a, ok := c.loads[x.AssessmentID]
	if !ok {
		loaded, err := c.s.LoadAssessment(ctx, x.AssessmentID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return report.Origin{}, err
		}
		if err == nil {
			a = &loaded
		}
		c.loads[x.AssessmentID] = a
	}
	if a == nil {
		return report.Origin{}, nil
	}
	o := report.Origin{Date: a.Date}
	if r, ok := a.Responses[checklist.ItemKey{AreaID: x.AreaID, ItemID: x.ItemID}]; ok && x.AreaID != "" && r.Risk != nil {
		o.Level = r.Risk.Level
	}
	return o, nil
}

// writePlan writes the markdown action plan of assessment id to w.
func writePlan(ctx context.Context, e *env, s *store.Store, cat *checklist.Catalog, id int64, w io.Writer, warn func(error)) error {
	a, err := s.LoadAssessment(ctx, id)
	if err != nil {
		return err
	}
	opt := report.Options{
		Lang:     e.lang,
		Today:    e.today(),
		Template: templatePath(e, report.PlanTemplate),
		Warn:     warn,
		Origins:  map[int64]report.Origin{},
	}
	c := &originCache{s: s, loads: map[int64]*checklist.Assessment{a.ID: &a}}
	for _, x := range a.Actions {
		if a.CarriedOver(x) {
			if opt.Origins[x.ID], err = c.origin(ctx, x); err != nil {
				return err
			}
		}
	}
	return report.Assessment(w, a, cat, opt)
}

// exportOpen writes the unfinished actions of unit, or of all units, to w.
func exportOpen(ctx context.Context, e *env, s *store.Store, unit string, w io.Writer) error {
	if unit != "" {
		units, err := s.Units(ctx)
		if err != nil {
			return err
		}
		var names []string
		found := false
		for _, u := range units {
			names = append(names, u.Name)
			found = found || strings.EqualFold(strings.TrimSpace(u.Name), strings.TrimSpace(unit))
		}
		if !found {
			known := strings.Join(names, ", ")
			if known == "" {
				known = "–"
			}
			return errors.New(e.tr(
				fmt.Sprintf("enheten %q finns inte; enheterna är: %s", unit, known),
				fmt.Sprintf("there is no unit %q; the units are: %s", unit, known)))
		}
	}
	list, err := s.OpenActions(ctx, unit)
	if err != nil {
		return err
	}
	c := &originCache{s: s, loads: map[int64]*checklist.Assessment{}}
	rows := make([]report.OpenAction, 0, len(list))
	for _, ua := range list {
		o, err := c.origin(ctx, ua.Action)
		if err != nil {
			return err
		}
		rows = append(rows, report.OpenAction{Unit: ua.Unit, AssessmentDate: ua.AssessmentDate, Action: ua.Action, Level: o.Level})
	}
	cat, errs := e.catalog()
	reportLoadErrors(e, errs)
	opt := report.Options{
		Lang:     e.lang,
		Today:    e.today(),
		Template: templatePath(e, report.OpenTemplate),
		Warn:     func(err error) { warnTemplate(e, err) },
		Unit:     unit,
	}
	return report.OpenActions(w, rows, cat, opt)
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory and a rename, so a reader never sees half a file. The file gets
// mode 0600: exports are personnel records.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("%s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	ok = true
	return nil
}

// fileExporter writes an assessment's markdown action plan to a file. The
// TUI uses it to export from inside the app.
type fileExporter struct {
	e   *env
	s   *store.Store
	cat *checklist.Catalog
	// home returns the user's home directory; tests replace it.
	home func() (string, error)
	// warning is the last broken-template warning, if any.
	warning error
}

// newFileExporter returns an exporter that reads from s and takes titles
// and item texts from cat.
func newFileExporter(e *env, s *store.Store, cat *checklist.Catalog) *fileExporter {
	return &fileExporter{e: e, s: s, cat: cat, home: os.UserHomeDir}
}

// ExportAssessment writes the plan and returns the file's path. The file
// goes in the user's Documents/samkoll directory if Documents exists, else
// in the home directory under samkoll-export; its name is
// handlingsplan-<unit-slug>-<YYYY-MM-DD>.md. An earlier export of the same
// unit and date is replaced: it is the same plan. The file is written
// atomically (temporary file and rename) with mode 0600.
//
// A broken override template does not stop the export: the built-in
// template is used and Warning returns the problem.
func (x *fileExporter) ExportAssessment(ctx context.Context, id int64) (string, error) {
	x.warning = nil
	a, err := x.s.LoadAssessment(ctx, id)
	if err != nil {
		return "", assessmentError(x.e, id, err)
	}
	var buf bytes.Buffer
	if err := writePlan(ctx, x.e, x.s, x.cat, id, &buf, func(err error) { x.warning = err }); err != nil {
		return "", err
	}
	dir, err := x.dir()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	path := filepath.Join(dir, "handlingsplan-"+slug(a.Unit)+"-"+a.Date.String()+".md")
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return "", err
	}
	return path, nil
}

// Warning returns the problem with the organisation's template found by
// the last ExportAssessment, or nil. The message is (*report.TemplateError).Message.
func (x *fileExporter) Warning() error { return x.warning }

// dir is Documents/samkoll, or samkoll-export in the home directory when
// there is no Documents directory.
func (x *fileExporter) dir() (string, error) {
	home, err := x.home()
	if err != nil {
		return "", errors.New(x.e.tr("hittar ingen hemkatalog att spara i", "cannot find a home directory to save in"))
	}
	if docs := documentsDir(home); docs != "" {
		return filepath.Join(docs, "samkoll"), nil
	}
	return filepath.Join(home, "samkoll-export"), nil
}

// documentsDir returns the user's documents directory if it exists: the
// XDG_DOCUMENTS_DIR of ~/.config/user-dirs.dirs (often "Dokument" on a
// Swedish desktop), else home/Documents. It returns "" when neither
// exists.
func documentsDir(home string) string {
	var candidates []string
	if f, err := os.Open(filepath.Join(home, ".config", "user-dirs.dirs")); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
			if !ok {
				continue
			}
			v = strings.Trim(v, `"`)
			if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
				v = filepath.Join(home, rest)
			}
			if filepath.IsAbs(v) && filepath.Clean(v) != filepath.Clean(home) {
				candidates = append(candidates, v)
			}
		}
		f.Close()
	}
	candidates = append(candidates, filepath.Join(home, "Documents"))
	for _, c := range candidates {
		if fi, err := os.Stat(c); err == nil && fi.IsDir() {
			return c
		}
	}
	return ""
}

// slug turns a unit name into a file-name part: lower case a–z, 0–9 and
// single dashes, å/ä → a and ö → o, at most 40 characters; "enhet" when
// nothing is left.
func slug(name string) string {
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
