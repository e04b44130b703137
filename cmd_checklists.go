package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"samkoll/assets"
	"samkoll/checklist"
)

// runChecklists lists the loaded areas, or runs "lint" or "coverage".
func runChecklists(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "lint":
			return runChecklistsLint(e, args[1:])
		case "coverage":
			return runChecklistsCoverage(e, args[1:])
		}
	}
	fs, g := newFlagSet(e, "checklists",
		"samkoll checklists [lint FIL... | coverage [-o FIL]]",
		"samkoll checklists [lint FILE... | coverage [-o FILE]]",
		func(w io.Writer) {
			fmt.Fprintln(w, e.tr(
				"\nUtan argument listas de inlästa områdena med antal punkter och var de kommer ifrån.\n"+
					"  lint FIL...        granska checklistfiler; avslutar med fel om något är fel\n"+
					"  coverage [-o FIL]  skriv rapporten över policytäckning (markdown)",
				"\nWithout arguments, lists the loaded areas with their item counts and origin.\n"+
					"  lint FILE...        validate checklist files; exits non-zero on errors\n"+
					"  coverage [-o FILE]  write the policy coverage report (markdown)"))
		})
	if err := parseCommand(e, fs, g, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{e.tr(
			fmt.Sprintf("okänt underkommando %q (lint eller coverage)", fs.Arg(0)),
			fmt.Sprintf("unknown subcommand %q (lint or coverage)", fs.Arg(0)))}
	}
	cat, errs := e.catalog()
	reportLoadErrors(e, errs)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, e.tr("ID\tOMRÅDE\tVERSION\tPUNKTER\tKÄRNA\tKÄLLA", "ID\tAREA\tVERSION\tITEMS\tCORE\tORIGIN"))
	for _, a := range cat.Areas {
		core := e.tr("nej", "no")
		switch {
		case a.Core:
			core = e.tr("ja", "yes")
		case a.Recommended:
			core = e.tr("nej, förvald", "no, preselected")
		}
		origin := a.Origin
		if origin == checklist.BuiltinOrigin {
			origin = e.tr("inbyggd", "built-in")
		}
		line := checklist.SanitizeLine
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", line(a.ID), line(a.Title.In(e.lang)), a.Version, len(a.Items), core, line(origin))
	}
	return tw.Flush()
}

// reportLoadErrors prints problems in the organisation's checklists as
// warnings: they never stop samkoll.
func reportLoadErrors(e *env, errs []error) {
	for _, err := range errs {
		fmt.Fprintln(e.stderr, e.tr("varning: ", "warning: ")+checklist.Message(err, e.lang))
	}
	if len(errs) > 0 {
		fmt.Fprintln(e.stderr, e.tr(
			"De felaktiga filerna hoppades över; övriga checklistor lästes in.",
			"The broken files were skipped; the other checklists were loaded."))
	}
}

func runChecklistsLint(e *env, args []string) error {
	fs, g := newFlagSet(e, "lint", "samkoll checklists lint FIL...", "samkoll checklists lint FILE...", nil)
	if err := parseCommand(e, fs, g, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{e.tr("ange minst en fil att granska", "name at least one file to lint")}
	}
	errs := checklist.Lint(assets.FS, fs.Args())
	for _, err := range errs {
		fmt.Fprintln(e.stdout, checklist.SanitizeLine(checklist.Message(err, e.lang)))
	}
	if len(errs) > 0 {
		fmt.Fprintln(e.stderr, e.tr(
			fmt.Sprintf("%d fel i %d fil(er)", len(errs), fs.NArg()),
			fmt.Sprintf("%d error(s) in %d file(s)", len(errs), fs.NArg())))
		return errSilent
	}
	fmt.Fprintln(e.stdout, e.tr(
		fmt.Sprintf("%d fil(er) utan fel", fs.NArg()),
		fmt.Sprintf("%d file(s) without errors", fs.NArg())))
	return nil
}

func runChecklistsCoverage(e *env, args []string) error {
	fs, g := newFlagSet(e, "coverage", "samkoll checklists coverage [-o FIL]", "samkoll checklists coverage [-o FILE]", nil)
	out := fs.String("o", "", e.tr("skriv till FIL i stället för standard ut", "write to FILE instead of standard output"))
	if err := parseCommand(e, fs, g, args); err != nil {
		return err
	}
	cat, errs := e.catalog()
	reportLoadErrors(e, errs)
	var buf bytes.Buffer
	if err := checklist.WriteCoverage(&buf, cat); err != nil {
		return err
	}
	if *out == "" {
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", *out, err)
	}
	e.wrote(*out)
	return nil
}
