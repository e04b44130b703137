package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"samkoll/checklist"
	"samkoll/report"
)

// runFollowup writes the yearly follow-up of the SAM work (AFS 2023:1
// 14 §) as markdown: flags and wiring only, the use-case is
// report.Followup.
func runFollowup(ctx context.Context, e *env, args []string) error {
	fs, g := newFlagSet(e, "followup",
		"samkoll followup [--unit NAMN] [--year ÅÅÅÅ] [-o FIL]",
		"samkoll followup [--unit NAME] [--year YYYY] [-o FILE]",
		func(w io.Writer) {
			fmt.Fprintln(w, e.tr(
				"\nÅrets uppföljning av arbetsmiljöarbetet (AFS 2023:1 14 §), byggd på årets APT.\n"+
					"  --unit NAMN  en enhet (annars alla enheter med APT under året)\n"+
					"  --year ÅÅÅÅ  året (annars i år)\n"+
					"  -o FIL       skriv till FIL i stället för standard ut",
				"\nThe year's follow-up of the work-environment management (AFS 2023:1 14 §), built from the year's APTs.\n"+
					"  --unit NAME  one unit (else every unit with an APT in the year)\n"+
					"  --year YYYY  the year (else this year)\n"+
					"  -o FILE      write to FILE instead of standard output"))
		})
	out := fs.String("o", "", e.tr("skriv till FIL", "write to FILE"))
	unit := fs.String("unit", "", e.tr("enhet", "unit"))
	yearFlag := fs.String("year", "", e.tr("år", "year"))
	pos, err := parseInterspersed(e, fs, g, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &usageError{e.tr(fmt.Sprintf("okänt argument %q", pos[0]), fmt.Sprintf("unknown argument %q", pos[0]))}
	}
	year, err := parseYear(e, *yearFlag)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, e, true)
	if err != nil {
		return err
	}
	defer s.Close()
	cat, errs := e.reportCatalog()
	reportLoadErrors(e, errs)
	opt := report.Options{
		Lang:     e.lang,
		Today:    e.today(),
		Template: report.TemplateFile(templateDir(e), report.FollowupTemplate),
		Warn:     func(err error) { warnTemplate(e, err) },
	}
	var buf bytes.Buffer
	if err := report.Followup(ctx, &buf, s, *unit, year, cat, opt); err != nil {
		var ve *checklist.ValueError
		if errors.As(err, &ve) {
			return errors.New(ve.Message(e.lang))
		}
		return err
	}
	return writeOutput(e, *out, buf.Bytes())
}
