package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"

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
		if err := exporter(e, s).Open(ctx, &buf, *unit); err != nil {
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
		}
		if *format == "json" {
			if _, err := s.LoadAssessment(ctx, id); err != nil {
				return assessmentError(e, id, err)
			}
			err = s.ExportJSON(ctx, &buf, []int64{id})
		} else {
			err = exporter(e, s).Plan(ctx, &buf, id)
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

// exporter returns the export use-case reading from s, warning about a
// broken override template on stderr.
func exporter(e *env, s *store.Store) *report.Exporter {
	return &report.Exporter{
		Source: s,
		Catalog: func() *checklist.Catalog {
			cat, errs := e.catalog()
			reportLoadErrors(e, errs)
			return cat
		},
		Lang:        e.lang,
		Today:       e.today,
		TemplateDir: templateDir(e),
		Warn:        func(err error) { warnTemplate(e, err) },
	}
}

// templateDir is where the organisation's own templates are, or "".
func templateDir(e *env) string {
	if e.configDir == "" {
		return ""
	}
	return filepath.Join(e.configDir, "templates")
}
