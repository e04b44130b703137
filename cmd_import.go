package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"samkoll/checklist"
	"samkoll/store"
)

// runImport merges JSON exports, or other samkoll databases, into the
// database. The store checks each whole file before it writes anything, so
// a refused file changes nothing; the others are imported all the same and
// each file's outcome is reported.
func runImport(ctx context.Context, e *env, args []string) error {
	fs, g := newFlagSet(e, "import", "samkoll import [--units KARTA] FIL...", "samkoll import [--units MAP] FILE...",
		func(w io.Writer) {
			fmt.Fprintln(w, e.tr(
				"\nLäser filer från samkoll export --format json, eller andra samkoll-databaser, in i databasen.\n"+
					"Bedömningar och åtgärder som redan finns känns igen, så samma fil kan importeras flera gånger\n"+
					"utan dubbletter. En fil som inte går att importera lämnar databasen orörd; de andra importeras ändå.\n"+
					"  --units KARTA  slå ihop enheter som skrivits på olika sätt; en rad per enhet: Avd 12 = Avdelning 12",
				"\nReads files from samkoll export --format json, or other samkoll databases, into the database.\n"+
					"Assessments and actions that already exist are recognised, so the same file can be imported again\n"+
					"without duplicates. A file that cannot be imported leaves the database untouched; the others are imported.\n"+
					"  --units MAP    merge units written in different ways; one line per unit: Avd 12 = Avdelning 12"))
		})
	mapFile := fs.String("units", "", e.tr("fil som slår ihop enhetsnamn", "file that merges unit names"))
	paths, err := parseInterspersed(e, fs, g, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return &usageError{e.tr("ange filen att importera: samkoll import FIL", "name the file to import: samkoll import FILE")}
	}
	mapping, err := readUnitMap(e, *mapFile)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, e, false)
	if err != nil {
		return err
	}
	defer s.Close()
	// An import makes much short-lived garbage, one assessment at a time,
	// over a small live heap: collecting at three times the live heap
	// instead of twice, under a limit, costs a fifth less CPU.
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemoryLimit))
	failed, err := importFiles(ctx, e, s, paths, mapping, e.stdout)
	if err != nil {
		return err
	}
	switch {
	case len(paths) == 1 && failed != nil:
		return failed
	case failed != nil:
		return errSilent
	}
	return nil
}

// importFiles imports paths into s one file at a time, writes each file's
// outcome to w (refusals to stderr), then merges the units of mapping. It
// returns the last refusal (the others are printed) and any error that
// stops the whole import.
func importFiles(ctx context.Context, e *env, s *store.Store, paths []string, mapping []checklist.UnitMapping, w io.Writer) (failed error, err error) {
	refused := 0
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return failed, err
		}
		res, err := importFile(ctx, e, s, path)
		if err != nil {
			failed = err
			refused++
			if len(paths) > 1 {
				fmt.Fprintln(e.stderr, "samkoll: "+err.Error())
			}
			continue
		}
		printImport(e, w, path, res)
	}
	for _, m := range mapping {
		found, err := s.MergeUnits(ctx, m.From, m.To)
		if err != nil {
			return failed, errors.New(e.tr(
				fmt.Sprintf("enheten %q kunde inte slås ihop med %q: %v", m.From, m.To, checklist.Message(err, e.lang)),
				fmt.Sprintf("the unit %q could not be merged into %q: %v", m.From, m.To, checklist.Message(err, e.lang))))
		}
		if found {
			fmt.Fprintln(w, e.tr(
				fmt.Sprintf("Enheten %s ingår nu i %s", checklist.SanitizeLine(m.From), checklist.SanitizeLine(m.To)),
				fmt.Sprintf("The unit %s is now part of %s", checklist.SanitizeLine(m.From), checklist.SanitizeLine(m.To))))
		}
	}
	if len(paths) > 1 {
		fmt.Fprintln(w, e.tr(
			fmt.Sprintf("%d av %d filer importerade, %d kunde inte importeras.", len(paths)-refused, len(paths), refused),
			fmt.Sprintf("%d of %d files imported, %d could not be imported.", len(paths)-refused, len(paths), refused)))
	}
	return failed, nil
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// importFile imports one JSON export or samkoll database. Its error is the
// sentence for the user, naming the file and saying that nothing changed.
func importFile(ctx context.Context, e *env, s *store.Store, path string) (store.ImportResult, error) {
	// A missing file or folder is said in the manager's words, naming it.
	if _, err := os.Stat(path); err != nil {
		if t, ok := checklist.FileProblem(path, err); ok {
			return store.ImportResult{}, errors.New(t.In(e.lang))
		}
	}
	f, err := checklist.OpenRegular(path)
	if err != nil {
		return store.ImportResult{}, errors.New(path + ": " + checklist.Message(err, e.lang))
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, _ := io.ReadFull(f, head)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return store.ImportResult{}, err
	}
	var res store.ImportResult
	if bytes.Equal(head[:n], sqliteHeader) {
		res, err = importDatabase(ctx, s, path)
	} else {
		res, err = s.ImportJSON(ctx, checklist.LimitReader(f, maxImportBytes))
	}
	var ie *store.ImportError
	var oe *store.OpenError
	switch {
	case errors.As(err, &ie):
		return res, errors.New(e.tr(
			fmt.Sprintf("kan inte importeras: %s: %s. Ingenting har ändrats i databasen.", ie.Where(path), ie.Message(e.lang)),
			fmt.Sprintf("cannot be imported: %s: %s. Nothing has changed in the database.", ie.Where(path), ie.Message(e.lang))))
	case errors.Is(err, checklist.ErrTooLarge):
		return res, errors.New(path + ": " + checklist.Message(err, e.lang) + e.tr(
			". Ingenting har ändrats i databasen.", ". Nothing has changed in the database."))
	case errors.As(err, &oe):
		msg := strings.TrimSuffix(oe.Message(e.lang), ".") // it is a sentence already
		return res, errors.New(e.tr(
			fmt.Sprintf("kan inte importeras: %s. Ingenting har ändrats i databasen.", msg),
			fmt.Sprintf("cannot be imported: %s. Nothing has changed in the database.", msg)))
	case err != nil:
		var full *store.OpenError
		if errors.As(store.Explain(s.Path(), err), &full) && full.Kind == store.DiskFull {
			// SQLite's "database or disk is full (13)" names no file.
			return res, errors.New(e.tr("importen av "+path+" misslyckades: ", "importing "+path+" failed: ") + full.Message(e.lang))
		}
		return res, errors.New(e.tr(
			fmt.Sprintf("importen av %s misslyckades: %v. Ingenting har ändrats i databasen.", path, checklist.Message(err, e.lang)),
			fmt.Sprintf("importing %s failed: %v. Nothing has changed in the database.", path, checklist.Message(err, e.lang))))
	}
	return res, nil
}

// importDatabase imports every assessment of the samkoll database at path,
// opened read-only, through the JSON format: the same checks and the same
// matching as an exported file.
func importDatabase(ctx context.Context, s *store.Store, path string) (store.ImportResult, error) {
	src, err := store.OpenReadOnly(ctx, path)
	var oe *store.OpenError
	if errors.As(err, &oe) && oe.Kind == store.Older {
		// A unit's database from an older samkoll (HR gets them by mail):
		// a copy is brought up to date in a folder of its own, and the
		// unit's file is left as it came.
		store.RemoveStaleTemp("samkoll-import-")
		dir, derr := os.MkdirTemp("", "samkoll-import-")
		if derr != nil {
			return store.ImportResult{}, derr
		}
		defer os.RemoveAll(dir)
		src, err = openUpgradedCopy(ctx, path, filepath.Join(dir, filepath.Base(path)))
	}
	if err != nil {
		return store.ImportResult{}, err
	}
	defer src.Close()
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(src.ExportJSON(ctx, pw, nil)) }()
	res, err := s.ImportJSON(ctx, pr)
	pr.CloseWithError(errors.New("import ended"))
	return res, err
}

// openUpgradedCopy copies the database at path (with its write-ahead log,
// if any) to copy and opens the copy, which migrates it to this samkoll's
// schema.
//
// Only regular files are copied, and at most maxImportBytes of each: a
// -wal beside the file that is a FIFO waited for ever, and one that is a
// link to /dev/zero filled the temporary folder.
func openUpgradedCopy(ctx context.Context, path, copy string) (*store.Store, error) {
	for _, suffix := range []string{"", "-wal"} {
		if _, err := os.Lstat(path + suffix); errors.Is(err, fs.ErrNotExist) && suffix != "" {
			continue
		}
		in, err := checklist.OpenRegular(path + suffix)
		if err != nil {
			return nil, &checklist.ValueError{Msg: checklist.Text{
				SV: path + suffix + ": " + checklist.Message(err, checklist.Swedish),
				EN: path + suffix + ": " + checklist.Message(err, checklist.English)}}
		}
		out, err := os.OpenFile(copy+suffix, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			_, err = io.Copy(out, checklist.LimitReader(in, maxImportBytes))
			if cerr := out.Close(); err == nil {
				err = cerr
			}
		}
		in.Close()
		switch {
		case errors.Is(err, checklist.ErrTooLarge):
			return nil, checklist.Errorf("%s: filen är större än %d MB", "%s: the file is larger than %d MB", path+suffix, maxImportBytes>>20)
		case err != nil:
			// Said of the temporary copy, not of the database imported
			// into.
			if t, ok := checklist.FileProblem(copy+suffix, err); ok {
				return nil, &checklist.ValueError{Msg: checklist.Text{
					SV: "en kopia att läsa kunde inte göras: " + t.SV, EN: "a copy to read could not be made: " + t.EN}}
			}
			return nil, checklist.Errorf("en kopia att läsa kunde inte göras: %v", "a copy to read could not be made: %v", err)
		}
	}
	return store.Open(ctx, copy)
}

// printImport writes what the import of path added and what was already
// there.
func printImport(e *env, w io.Writer, path string, res store.ImportResult) {
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
}

// readUnitMap reads the unit map of --units; "" is none.
func readUnitMap(e *env, path string) ([]checklist.UnitMapping, error) {
	if path == "" {
		return nil, nil
	}
	// Only a regular file: opening a FIFO waited for a writer for ever.
	f, err := checklist.OpenRegular(path)
	if err != nil {
		return nil, errors.New(e.tr("enhetskartan ", "the unit map ") + path + ": " + checklist.Message(err, e.lang))
	}
	defer f.Close()
	m, err := checklist.ParseUnitMap(f, path)
	if err != nil {
		return nil, errors.New(checklist.Message(err, e.lang))
	}
	return m, nil
}

// importMemoryLimit is the Go heap an import aims to stay within (SQLite's
// page cache comes on top); see docs/performance.md.
const importMemoryLimit = 40 << 20

// maxImportBytes bounds what import reads: a JSON export of 10,000
// assessments of about 70 answers each is about 300 MB.
const maxImportBytes = 1 << 30
