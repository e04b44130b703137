package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"samkoll/checklist"
	"samkoll/store"
)

// defaultDemoAssessments is how many assessments samkoll demo adds unless
// --assessments says otherwise.
const defaultDemoAssessments = 40

// runDemo fills a database with demo data: assessments over several units
// and years, with answers, risks and actions in every status. It refuses a
// database that already holds assessments unless --force is given, so that
// demo data never mixes with real work by mistake.
func runDemo(ctx context.Context, e *env, args []string) error {
	fs, g := newFlagSet(e, "demo",
		"samkoll demo [--assessments N] [--units N] [--first-unit K] [--years ÅR] [--seed S] [--force] [--db FIL]",
		"samkoll demo [--assessments N] [--units N] [--first-unit K] [--years YEARS] [--seed S] [--force] [--db FILE]",
		func(w io.Writer) {
			fmt.Fprintln(w, e.tr(
				"\nFyller databasen med påhittade bedömningar från flera enheter och år, med svar, risker och\n"+
					"åtgärder i alla statusar. Bra för att prova samkoll och för att mäta prestanda. Använd en\n"+
					"egen fil med --db, så att demodata inte blandas med riktiga bedömningar.",
				"\nFills the database with made-up assessments from several units and years, with answers,\n"+
					"risks and actions in every status. Useful for trying samkoll out and for measuring\n"+
					"performance. Use a file of its own with --db, so that demo data does not mix with real work."))
		})
	n := fs.Int("assessments", defaultDemoAssessments, e.tr("antal bedömningar", "number of assessments"))
	seed := fs.Int64("seed", 1, e.tr("slumpfrö; samma frö ger samma innehåll", "random seed; the same seed gives the same content"))
	units := fs.Int("units", 0, e.tr("antal enheter (annars åtta)", "number of units (else eight)"))
	firstUnit := fs.Int("first-unit", 0, e.tr("den första enhetens nummer, för att fylla flera filer med olika enheter", "the first unit's number, to fill several files with different units"))
	years := fs.Int("years", 2, e.tr("antal år bakåt", "number of years back"))
	force := fs.Bool("force", false, e.tr("fyll även en databas som redan har bedömningar", "fill a database that already has assessments too"))
	if err := parseCommand(e, fs, g, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{e.tr(
			fmt.Sprintf("okänt argument %q; se samkoll demo --help", fs.Arg(0)),
			fmt.Sprintf("unexpected argument %q; see samkoll demo --help", fs.Arg(0)))}
	}
	if *n < 1 || *n > 100_000 {
		return &usageError{e.tr(
			fmt.Sprintf("--assessments %d: välj ett antal mellan 1 och 100000", *n),
			fmt.Sprintf("--assessments %d: choose a number from 1 to 100000", *n))}
	}
	if *units < 0 || *units > 10_000 || *firstUnit < 0 || *firstUnit > 100_000 || *years < 1 || *years > 20 {
		return &usageError{e.tr(
			"--units 0–10000, --first-unit 0–100000 och --years 1–20",
			"--units 0–10000, --first-unit 0–100000 and --years 1–20")}
	}
	cat, errs := e.catalog()
	if len(errs) > 0 {
		for _, err := range errs {
			fmt.Fprintln(e.stderr, "samkoll:", err)
		}
	}
	if cat == nil || len(cat.Areas) == 0 {
		return errors.New(e.tr("inga checklistor att fylla demodata med", "no checklists to fill demo data with"))
	}
	s, err := openStore(ctx, e, false)
	if err != nil {
		return err
	}
	defer s.Close()
	existing, err := s.ListAssessments(ctx, e.today())
	if err != nil {
		return err
	}
	if len(existing) > 0 && !*force {
		return errors.New(e.tr(
			fmt.Sprintf("databasen har redan %d bedömningar; demodata läggs inte till. Ange en ny fil med --db, eller --force för att ändå lägga till", len(existing)),
			fmt.Sprintf("the database already has %d assessments; no demo data was added. Name a new file with --db, or add --force to add it anyway", len(existing))))
	}
	start := time.Now()
	if err := store.FillDemoWith(ctx, s, demoAreas(cat), *n, *seed,
		store.DemoOptions{Units: *units, FirstUnit: *firstUnit, Years: *years}); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.tr(
		fmt.Sprintf("Lade till %d demobedömningar på %.1f s.", *n, time.Since(start).Seconds()),
		fmt.Sprintf("Added %d demo assessments in %.1f s.", *n, time.Since(start).Seconds())))
	return nil
}

// demoAreas are the areas the demo assessments walk, as at a typical
// meeting: the core areas and the first optional one (systematic
// work-environment management), about 70 items.
func demoAreas(cat *checklist.Catalog) []*checklist.Area {
	var out []*checklist.Area
	extra := false
	for _, a := range cat.Areas {
		if a.Core || !extra {
			out = append(out, a)
			extra = extra || !a.Core
		}
	}
	return out
}
