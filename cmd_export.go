package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"samkoll/assets"
	"samkoll/checklist"
	"samkoll/report"
	"samkoll/store"
)

// runExport writes an assessment's action plan (markdown or html, whole or
// --short), the data of one or all assessments (json) or every unfinished
// action (--open). It opens the database read-only and never starts a
// tea.Program. A plan whose user text holds a likely personnummer is not
// written unless --allow-personal-data is given.
func runExport(ctx context.Context, e *env, args []string) error {
	fs, g := newFlagSet(e, "export",
		"samkoll export [ID] [-o FIL] [--format markdown|html|json] [--short] [--allow-personal-data] [--all] [--open [--unit NAMN]]",
		"samkoll export [ID] [-o FILE] [--format markdown|html|json] [--short] [--allow-personal-data] [--all] [--open [--unit NAME]]",
		func(w io.Writer) {
			fmt.Fprintln(w, e.tr(
				"\nUtan ID exporteras den senaste bedömningen. ID är numret i listan i samkoll.\n"+
					"  -o FIL             skriv till FIL i stället för standard ut\n"+
					"  --format markdown  handlingsplanen som markdown (standard)\n"+
					"  --format html      handlingsplanen som en HTML-fil att skriva ut eller klistra in i Word\n"+
					"  --short            bara utdraget för protokollet, utan bilagan\n"+
					"  --allow-personal-data  skriv planen fast fritexten liknar ett personnummer\n"+
					"  --format json      data för flytt eller till HR (ett ID eller --all)\n"+
					"  --all              alla bedömningar (bara json)\n"+
					"  --open             alla ofärdiga åtgärder, för alla enheter eller en (--unit NAMN)",
				"\nWithout an ID the newest assessment is exported. ID is the number in samkoll's list.\n"+
					"  -o FILE            write to FILE instead of standard output\n"+
					"  --format markdown  the action plan as markdown (default)\n"+
					"  --format html      the action plan as one HTML file to print or paste into Word\n"+
					"  --short            only the extract for the minutes, without the appendix\n"+
					"  --allow-personal-data  write the plan although its free text looks like a personnummer\n"+
					"  --format json      data for moving or for HR (one ID or --all)\n"+
					"  --all              all assessments (json only)\n"+
					"  --open             every unfinished action, of all units or one (--unit NAME)"))
		})
	out := fs.String("o", "", e.tr("skriv till FIL", "write to FILE"))
	format := fs.String("format", "markdown", "markdown|html|json")
	short := fs.Bool("short", false, e.tr("bara utdraget för protokollet", "only the extract for the minutes"))
	allowPersonal := fs.Bool("allow-personal-data", false, e.tr("skriv fast fritexten liknar ett personnummer", "write although the free text looks like a personnummer"))
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
	case "html", "htm":
		*format = "html"
	case "json":
	default:
		return usage(fmt.Sprintf("--format %q: välj markdown, html eller json", *format),
			fmt.Sprintf("--format %q: choose markdown, html or json", *format))
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
	case *open && *format != "markdown":
		return usage("--open skriver bara markdown", "--open writes markdown only")
	case *short && (*open || *format == "json"):
		return usage("--short gäller bara handlingsplanen (markdown eller html)", "--short only applies to the action plan (markdown or html)")
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
	// An export's live data is a few tens of megabytes at most (the open
	// actions of 10,000 assessments); a soft limit keeps the collector
	// from letting the heap grow to twice that before it runs.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(exportMemoryLimit))

	var buf bytes.Buffer
	switch {
	case *open:
		if *out == "" {
			// The report is written once, whole, when it is ready:
			// standard output needs no second copy of it.
			return exporter(e, s).Open(ctx, e.stdout, *unit)
		}
		if err := exporter(e, s).Open(ctx, &buf, *unit); err != nil {
			return err
		}
	case *all:
		// Every assessment is streamed to the output as it is read, so
		// memory does not grow with the number of assessments.
		if *out == "" {
			return s.ExportJSON(ctx, e.stdout, nil)
		}
		if err := report.WriteAtomic(*out, func(w io.Writer) error { return s.ExportJSON(ctx, w, nil) }); err != nil {
			return err
		}
		fmt.Fprintln(e.stderr, e.tr("skrev ", "wrote ")+*out)
		return nil
	default:
		if id == 0 {
			if id, err = newestAssessment(ctx, e, s); err != nil {
				return err
			}
		}
		if *format == "json" {
			if _, err := s.LoadAssessment(ctx, id); err != nil {
				return assessmentError(e, id, err)
			}
			err = s.ExportJSON(ctx, &buf, []int64{id})
		} else {
			x := exporter(e, s)
			x.Short = *short
			if *format == "html" {
				x.Format = report.HTML
			}
			a, err := s.LoadAssessment(ctx, id)
			if err != nil {
				return assessmentError(e, id, err)
			}
			if err := checkPersonalData(e, x, a, *allowPersonal); err != nil {
				return err
			}
			err = x.PlanOf(ctx, &buf, a)
		}
		if err != nil {
			return assessmentError(e, id, err)
		}
	}

	if *out == "" {
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := report.WriteFileAtomic(*out, buf.Bytes()); err != nil {
		return e.fileError(*out, err)
	}
	e.wrote(*out)
	return nil
}

// newestAssessment returns the id of the assessment with the latest meeting
// date and says on stderr which one it is.
func newestAssessment(ctx context.Context, e *env, s *store.Store) (int64, error) {
	list, _, err := s.ListWindow(ctx, e.today(), "", 0, 1)
	if err != nil {
		return 0, err
	}
	if len(list) == 0 {
		return 0, errors.New(e.tr("det finns inga bedömningar att exportera", "there are no assessments to export"))
	}
	m := list[0]
	fmt.Fprintln(e.stderr, e.tr(
		fmt.Sprintf("Exporterar den senaste bedömningen: %d, %s %s (ange ett ID för en annan).", m.ID, checklist.SanitizeLine(m.Unit), m.Date),
		fmt.Sprintf("Exporting the newest assessment: %d, %s %s (give an ID for another one).", m.ID, checklist.SanitizeLine(m.Unit), m.Date)))
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

// exporter returns the export use-case reading from s, warning about a
// broken override template on stderr.
func exporter(e *env, s *store.Store) *report.Exporter {
	return &report.Exporter{
		Source: s,
		Catalog: func() *checklist.Catalog {
			cat, errs := e.reportCatalog()
			reportLoadErrors(e, errs)
			return cat
		},
		CatalogFor: func(areas []string) *checklist.Catalog {
			cat, errs := checklist.LoadForReports(builtinAreas(areas), e.checklistDir)
			reportLoadErrors(e, errs)
			return cat
		},
		Lang:        e.lang,
		Today:       e.today,
		TemplateDir: templateDir(e),
		Warn:        func(err error) { warnTemplate(e, err) },
	}
}

// checkPersonalData scans the user text of a's plan for personnummer. It
// names each place on stderr and, unless allow, returns an error, so that
// nothing is written and the command exits non-zero.
func checkPersonalData(e *env, x *report.Exporter, a checklist.Assessment, allow bool) error {
	found := x.PersonalDataOf(a)
	if len(found) == 0 {
		return nil
	}
	for _, f := range found {
		fmt.Fprintln(e.stderr, e.tr("varning: något som liknar ett personnummer: ", "warning: what looks like a personnummer: ")+checklist.Sanitize(f.String()))
	}
	if allow {
		fmt.Fprintln(e.stderr, e.tr(
			"Planen skrivs ändå (--allow-personal-data), utan raden om att den saknar namn och enskilda ärenden.",
			"The plan is written all the same (--allow-personal-data), without the line saying it holds no names or individual cases."))
		return nil
	}
	where, it := e.tr(fmt.Sprintf("fritexten på %d ställen liknar personnummer", len(found)),
		fmt.Sprintf("the free text in %d places looks like a personnummer", len(found))), e.tr("dem", "them")
	if len(found) == 1 {
		where, it = e.tr("fritexten på ett ställe liknar ett personnummer", "the free text in one place looks like a personnummer"), e.tr("det", "it")
	}
	return errors.New(e.tr(
		"planen skrevs inte: "+where+". Ta bort "+it+" i samkoll, eller ge --allow-personal-data för att skriva ändå",
		"the plan was not written: "+where+". Remove "+it+" in samkoll, or give --allow-personal-data to write it all the same"))
}

// templateDir is where the organisation's own templates are, or "".
func templateDir(e *env) string {
	if e.configDir == "" {
		return ""
	}
	return filepath.Join(e.configDir, "templates")
}

// exportMemoryLimit is the Go heap an export aims to stay within; see
// docs/performance.md.
const exportMemoryLimit = 36 << 20

// builtinAreas is the built-in assets with only the checklists of the
// given areas (a built-in checklist's file is named after its area:
// TestBuiltinAreasByFileName): one plan needs its own few areas, and
// parsing all of them was most of the time of a plan export. Policies
// and the organisation's own checklists are read as always.
func builtinAreas(areas []string) fs.FS {
	return areasFS{FS: assets.FS, keep: areas}
}

type areasFS struct {
	fs.FS
	keep []string
}

// ReadDir lists the checklists directory with the kept areas only.
func (f areasFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(f.FS, name)
	if err != nil || name != "checklists" {
		return entries, err
	}
	var out []fs.DirEntry
	for _, en := range entries {
		if id, ok := strings.CutSuffix(en.Name(), ".yaml"); !ok || slices.Contains(f.keep, id) {
			out = append(out, en)
		}
	}
	return out, nil
}
