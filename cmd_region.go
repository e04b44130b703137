package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"samkoll/report"
	"samkoll/store"
)

// runRegion writes the region's picture of a year: from the units' exports
// (JSON files or samkoll databases, read-only) given as arguments, or from
// the database it is pointed at. Flags and wiring only; the use-case is
// store.RegionReport and report.Region.
func runRegion(ctx context.Context, e *env, args []string) error {
	fs, g := newFlagSet(e, "region",
		"samkoll region [--year ÅÅÅÅ] [-o FIL] [--format markdown|html] [--units KARTA] [FIL.json|FIL.db ...]",
		"samkoll region [--year YYYY] [-o FILE] [--format markdown|html] [--units MAP] [FILE.json|FILE.db ...]",
		func(w io.Writer) {
			fmt.Fprintln(w, e.tr(
				"\nRegionens bild av SAM-arbetet ett år, för HR, skyddskommittén och samverkansgruppen: varje enhets\n"+
					"APT, kärnområden mot årsplanen, allvarliga risker med och utan åtgärd, försenade och eskalerade\n"+
					"åtgärder, årlig uppföljning, och de punkter där flest enheter har brister. Bara antal, datum och\n"+
					"beslutade åtgärder; inga kommentarer och inga namn på personer.\n"+
					"Utan filer läses databasen (--db). Med filer läses enheternas exporter; databasen ändras inte.\n"+
					"  --year ÅÅÅÅ         året (annars i år)\n"+
					"  --format html       ett HTML-dokument att skriva ut (annars markdown)\n"+
					"  --units KARTA       slå ihop enheter som skrivits på olika sätt (Avd 12 = Avdelning 12)\n"+
					"  -o FIL              skriv till FIL i stället för standard ut",
				"\nThe region's picture of a year's SAM work, for HR, the safety committee and the joint consultation\n"+
					"group: each unit's APTs, core areas against its year plan, serious risks with and without an action,\n"+
					"overdue and escalated actions, the yearly follow-up, and the items where most units fall short. Counts,\n"+
					"dates and decided actions only; no comments and no names of people.\n"+
					"Without files the database (--db) is read. With files the units' exports are read; no database changes.\n"+
					"  --year YYYY         the year (else this year)\n"+
					"  --format html       an HTML document to print (else markdown)\n"+
					"  --units MAP         merge units written in different ways (Avd 12 = Avdelning 12)\n"+
					"  -o FILE             write to FILE instead of standard output"))
		})
	out := fs.String("o", "", e.tr("skriv till FIL", "write to FILE"))
	format := fs.String("format", "markdown", "markdown|html")
	yearFlag := fs.String("year", "", e.tr("år", "year"))
	mapFile := fs.String("units", "", e.tr("fil som slår ihop enhetsnamn", "file that merges unit names"))
	paths, err := parseInterspersed(e, fs, g, args)
	if err != nil {
		return err
	}
	write := report.Region
	tmpl := report.RegionTemplate
	switch *format {
	case "markdown", "md":
	case "html":
		write, tmpl = report.RegionHTML, report.RegionHTMLTemplate
	default:
		return &usageError{e.tr(fmt.Sprintf("--format %q: välj markdown eller html", *format),
			fmt.Sprintf("--format %q: choose markdown or html", *format))}
	}
	year, err := parseYear(e, *yearFlag)
	if err != nil {
		return err
	}
	mapping, err := readUnitMap(e, *mapFile)
	if err != nil {
		return err
	}

	// A region's report holds every unit and every escalated action, and
	// its files are imported first: the Go heap aims at the import's limit
	// (debug.SetMemoryLimit), which keeps the whole process of a region of
	// 500 units near 55 MiB instead of 70 (docs/performance.md).
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemoryLimit))
	var s *store.Store
	refused := false
	if len(paths) == 0 && len(mapping) == 0 {
		if s, err = openStore(ctx, e, true); err != nil {
			return err
		}
	} else {
		// The units' files are gathered in a database of their own that
		// lives as long as the command, so that the one database samkoll
		// is pointed at is never changed by a report.
		store.RemoveStaleTemp("samkoll-region-")
		dir, err := os.MkdirTemp("", "samkoll-region-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if s, err = store.Open(ctx, filepath.Join(dir, "region.db")); err != nil {
			return err
		}
		if len(paths) == 0 {
			paths = []string{dbPathOf(e)}
		}
		failed, err := importFiles(ctx, e, s, paths, mapping, e.stderr)
		if err == nil && len(paths) == 1 {
			err = failed // the only file was refused; importFiles printed none
		}
		if err != nil {
			s.Close()
			return err
		}
		// One of several files refused: it is named on stderr, the others
		// are reported, and the exit status says one was missing, as
		// samkoll import does.
		refused = failed != nil
	}
	defer s.Close()
	cat, errs := e.reportCatalog()
	reportLoadErrors(e, errs)
	opt := report.Options{
		Lang:     e.lang,
		Today:    e.today(),
		Template: report.TemplateFile(templateDir(e), tmpl),
		Warn:     func(err error) { warnTemplate(e, err) },
	}
	// The report goes straight to its destination: a region's is megabytes
	// (every escalated action), and the renderer already holds it whole.
	if *out == "" {
		if err := write(ctx, e.stdout, s, year, cat, opt); err != nil {
			return err
		}
	} else {
		if err := report.WriteAtomic(*out, func(w io.Writer) error { return write(ctx, w, s, year, cat, opt) }); err != nil {
			return err
		}
		e.wrote(*out)
	}
	if refused {
		return errSilent
	}
	return nil
}

// dbPathOf is the database the command is pointed at.
func dbPathOf(e *env) string {
	if e.dbPath != "" {
		return e.dbPath
	}
	if p, err := store.DefaultPath(); err == nil {
		return p
	}
	return ""
}
