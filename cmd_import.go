package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"samkoll/checklist"
	"samkoll/store"
)

// runImport merges a JSON export into the database. The store checks the
// whole file before it writes anything, so on any error the database is
// unchanged.
func runImport(ctx context.Context, e *env, args []string) error {
	fs, g := newFlagSet(e, "import", "samkoll import FIL", "samkoll import FILE",
		func(w io.Writer) {
			fmt.Fprintln(w, e.tr(
				"\nLäser en fil från samkoll export --format json in i databasen. Bedömningar och åtgärder\n"+
					"som redan finns känns igen, så samma fil kan importeras flera gånger utan dubbletter.",
				"\nReads a file from samkoll export --format json into the database. Assessments and actions\n"+
					"that already exist are recognised, so the same file can be imported again without duplicates."))
		})
	pos, err := parseInterspersed(e, fs, g, args)
	if err != nil {
		return err
	}
	switch len(pos) {
	case 0:
		return &usageError{e.tr("ange filen att importera: samkoll import FIL", "name the file to import: samkoll import FILE")}
	case 1:
	default:
		return &usageError{e.tr("ange en fil att importera", "name one file to import")}
	}
	path := pos[0]
	// A missing file or folder is said in the manager's words, naming it.
	if _, err := os.Stat(path); err != nil {
		if t, ok := checklist.FileProblem(path, err); ok {
			return errors.New(t.In(e.lang))
		}
	}
	f, err := checklist.OpenRegular(path)
	if err != nil {
		return errors.New(path + ": " + checklist.Message(err, e.lang))
	}
	defer f.Close()

	s, err := openStore(ctx, e, false)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.ImportJSON(ctx, checklist.LimitReader(f, maxImportBytes))
	var ie *store.ImportError
	switch {
	case errors.As(err, &ie):
		return errors.New(e.tr(
			fmt.Sprintf("kan inte importeras: %s: %s. Ingenting har ändrats i databasen.", ie.Where(path), ie.Message(e.lang)),
			fmt.Sprintf("cannot be imported: %s: %s. Nothing has changed in the database.", ie.Where(path), ie.Message(e.lang))))
	case errors.Is(err, checklist.ErrTooLarge):
		return errors.New(path + ": " + checklist.Message(err, e.lang) + e.tr(
			". Ingenting har ändrats i databasen.", ". Nothing has changed in the database."))
	case err != nil:
		return errors.New(e.tr(
			fmt.Sprintf("importen av %s misslyckades: %v. Ingenting har ändrats i databasen.", path, checklist.Message(err, e.lang)),
			fmt.Sprintf("importing %s failed: %v. Nothing has changed in the database.", path, checklist.Message(err, e.lang))))
	}
	w := e.stdout
	fmt.Fprintln(w, e.tr("Importerade ", "Imported ")+checklist.SanitizeLine(path))
	fmt.Fprintln(w, e.tr(
		fmt.Sprintf("  bedömningar: %d nya, %d uppdaterade, %d fanns redan", res.AssessmentsCreated, res.AssessmentsUpdated, res.AssessmentsUnchanged),
		fmt.Sprintf("  assessments: %d new, %d updated, %d already there", res.AssessmentsCreated, res.AssessmentsUpdated, res.AssessmentsUnchanged)))
	fmt.Fprintln(w, e.tr(
		fmt.Sprintf("  åtgärder:    %d nya, %d uppdaterade, %d fanns redan", res.ActionsCreated, res.ActionsUpdated, res.ActionsUnchanged),
		fmt.Sprintf("  actions:     %d new, %d updated, %d already there", res.ActionsCreated, res.ActionsUpdated, res.ActionsUnchanged)))
	fmt.Fprintln(w, e.tr(
		fmt.Sprintf("  nya enheter: %d", res.UnitsCreated),
		fmt.Sprintf("  new units:   %d", res.UnitsCreated)))
	if res.AssessmentsCreated+res.AssessmentsUpdated+res.ActionsCreated+res.ActionsUpdated == 0 {
		fmt.Fprintln(w, e.tr("Allt i filen fanns redan; ingenting ändrades.", "Everything in the file was already there; nothing changed."))
	}
	return nil
}

// maxImportBytes bounds what import reads: a JSON export of 10,000
// assessments of about 70 answers each is about 300 MB.
const maxImportBytes = 1 << 30

// unwrapPath drops the *fs.PathError wrapper, whose English text repeats
// the path.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
