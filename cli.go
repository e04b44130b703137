package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"samkoll/assets"
	"samkoll/checklist"
	"samkoll/report"
	"samkoll/store"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

// errSilent is returned when the message has already been printed.
var errSilent = errors.New("")

// usageError is wrong use of the command line; it exits with code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// safeWriter writes text through checklist.Sanitize, so that messages
// quoting user data (unit names, file names, paths) cannot carry escape
// sequences or invisible characters to the terminal. Every command's
// stderr goes through it; stdout carries exports, which are made safe
// where they are written, and the commands sanitize the user text they
// print there.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(s.w, checklist.Sanitize(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// env is what every command gets: the parsed global options and where to
// write.
type env struct {
	stdout, stderr io.Writer
	lang           checklist.Lang
	// dbPath is --db, else SAMKOLL_DB, else "" for the default location.
	dbPath string
	// checklistDir is --checklists, else the default in the config directory.
	checklistDir string
	// configDir is the organisation's samkoll config directory; "" if the
	// platform has none.
	configDir string
	now       func() time.Time
	// openedDB is the path of the database a command opened, "" before.
	openedDB string
}

// explain prints an error that means the opened database is damaged or
// the disk is full as the store's message, naming the file and what to
// do, instead of SQLite's words; see store.Explain. A command stopped by
// ctrl+c says "avbrutet" (interrupted).
func (e *env) explain(err error) error {
	if errors.Is(err, context.Canceled) {
		return interrupted{e.tr("avbrutet", "interrupted")}
	}
	if err == nil || e.openedDB == "" {
		return err
	}
	var oe *store.OpenError
	if errors.As(store.Explain(e.openedDB, err), &oe) {
		fmt.Fprintln(e.stderr, "samkoll: "+oe.Message(e.lang))
		return errSilent
	}
	return err
}

// interrupted is a command stopped by ctrl+c, said in the user's language
// instead of Go's "context canceled". It is context.Canceled underneath,
// so the exit code stays 130.
type interrupted struct{ msg string }

func (i interrupted) Error() string { return i.msg }
func (i interrupted) Unwrap() error { return context.Canceled }

// tr picks the Swedish or English text.
func (e *env) tr(sv, en string) string { return checklist.Text{SV: sv, EN: en}.In(e.lang) }

// wrote says on stderr which file a command wrote, with its full path, so
// that the manager finds it (a relative -o is relative to a folder the
// terminal may not show).
func (e *env) wrote(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	fmt.Fprintln(e.stderr, e.tr("skrev ", "wrote ")+path)
}

// fileError turns an error of the file system about path into a sentence
// in the chosen language that names the file and says what to do
// (checklist.FileProblem), instead of the system's own English words.
// Other errors are returned as they are.
func (e *env) fileError(path string, err error) error {
	if err == nil {
		return nil
	}
	if l, ok := err.(checklist.Localized); ok {
		return errors.New(l.Message(e.lang)) // says it better: e.g. open in Word, a device
	}
	if t, ok := checklist.FileProblem(path, err); ok {
		return errors.New(t.In(e.lang))
	}
	return err
}

// today is the local date.
func (e *env) today() checklist.Date { return checklist.DateOf(e.now()) }

// catalog loads the built-in and the organisation's checklists.
func (e *env) catalog() (*checklist.Catalog, []error) {
	return checklist.Load(assets.FS, e.checklistDir)
}

// reportCatalog loads the checklists for a report, which shows no policy
// statement (checklist.LoadForReports).
func (e *env) reportCatalog() (*checklist.Catalog, []error) {
	return checklist.LoadForReports(assets.FS, e.checklistDir)
}

// globals are the flags every command accepts.
type globals struct {
	db, checklists, lang string
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.db, "db", g.db, "databasfil (annars SAMKOLL_DB eller standardplatsen)")
	fs.StringVar(&g.checklists, "checklists", g.checklists, "katalog med egna checklistor")
	fs.StringVar(&g.lang, "lang", g.lang, "språk: sv eller en")
}

// command is one subcommand.
type command struct {
	name    string
	summary checklist.Text
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"checklists", checklist.Text{SV: "lista, granska (lint) och täckningsrapport för checklistor", EN: "list, lint and coverage report of checklists"}, runChecklists},
		{"export", checklist.Text{SV: "exportera handlingsplan (markdown) eller data (json)", EN: "export the action plan (markdown) or data (json)"}, runExport},
		{"followup", checklist.Text{SV: "årlig uppföljning av arbetsmiljöarbetet (AFS 2023:1 14 §)", EN: "yearly follow-up of the work-environment management (AFS 2023:1 14 §)"}, runFollowup},
		{"import", checklist.Text{SV: "importera JSON-exporter eller databaser", EN: "import JSON exports or databases"}, runImport},
		{"region", checklist.Text{SV: "regionens bild av alla enheters SAM-arbete", EN: "the region's picture of every unit's SAM work"}, runRegion},
		{"demo", checklist.Text{SV: "fyll en databas med demodata", EN: "fill a database with demo data"}, runDemo},
		{"version", checklist.Text{SV: "visa versionen", EN: "print the version"}, runVersion},
	}
}

// run parses the command line and runs samkoll.
func run(ctx context.Context, args []string) error {
	err := runWith(ctx, args, os.Stdout, os.Stderr, os.Getenv)
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

func runWith(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	g := &globals{db: getenv("SAMKOLL_DB"), lang: defaultLang(getenv)}
	e := &env{stdout: stdout, stderr: safeWriter{stderr}, now: time.Now, lang: checklist.Swedish}
	if l, err := checklist.ParseLang(g.lang); err == nil {
		e.lang = l
	}
	fs := flag.NewFlagSet("samkoll", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	g.register(fs)
	fs.Usage = func() { printUsage(e) }
	if len(args) > 0 {
		args = args[1:]
	}
	if err := parseFlags(e, fs, args); err != nil {
		return err
	}
	if err := g.apply(e); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return e.explain(runTUI(ctx, e))
	}
	name := rest[0]
	if name == "help" {
		printUsage(e)
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			return e.explain(c.run(ctx, e, rest[1:]))
		}
	}
	return &usageError{e.tr(
		fmt.Sprintf("okänt kommando %q; se samkoll --help", name),
		fmt.Sprintf("unknown command %q; see samkoll --help", name))}
}

// apply turns the global flags into env fields.
func (g *globals) apply(e *env) error {
	l, err := checklist.ParseLang(g.lang)
	if err != nil {
		return &usageError{e.tr(
			fmt.Sprintf("--lang %q: välj sv eller en", g.lang),
			fmt.Sprintf("--lang %q: choose sv or en", g.lang))}
	}
	e.lang = l
	e.dbPath = g.db
	if dir, err := os.UserConfigDir(); err == nil {
		e.configDir = filepath.Join(dir, "samkoll")
	}
	e.checklistDir = g.checklists
	if e.checklistDir == "" && e.configDir != "" {
		e.checklistDir = filepath.Join(e.configDir, "checklists")
	}
	return nil
}

// defaultLang is Swedish unless LANG starts with "en".
func defaultLang(getenv func(string) string) string {
	if strings.HasPrefix(getenv("LANG"), "en") {
		return "en"
	}
	return "sv"
}

// parseFlags parses fs and turns the flag package's English errors into a
// short localized usage error. --help prints usage and returns errSilent
// wrapped so that the process exits 0.
func parseFlags(e *env, fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		return errHelp // the flag package has printed fs.Usage

	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return &usageError{e.tr(
			fmt.Sprintf("okänd flagga %s; se samkoll --help", name),
			fmt.Sprintf("unknown flag %s; see samkoll --help", name))}
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return &usageError{e.tr(
			fmt.Sprintf("flaggan %s behöver ett värde", name),
			fmt.Sprintf("flag %s needs a value", name))}
	}
	return &usageError{e.tr("felaktig flagga: ", "bad flag: ") + msg}
}

// errHelp ends a command after its help was printed; it exits 0.
var errHelp = errors.New("help")

func printUsage(e *env) {
	w := e.stdout
	fmt.Fprintln(w, e.tr(
		"samkoll – checklistor för systematiskt arbetsmiljöarbete på APT",
		"samkoll – checklists for systematic work-environment management at workplace meetings"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.tr("Användning:", "Usage:"))
	fmt.Fprintln(w, e.tr("  samkoll [flaggor]              starta programmet", "  samkoll [flags]                start the app"))
	fmt.Fprintln(w, e.tr("  samkoll KOMMANDO [flaggor]     kör ett kommando", "  samkoll COMMAND [flags]        run a command"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.tr("Kommandon:", "Commands:"))
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary.In(e.lang))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.tr("Flaggor för alla kommandon:", "Flags for every command:"))
	fmt.Fprintln(w, e.tr(
		"  --db FIL          databasfil (annars SAMKOLL_DB, annars standardplatsen)",
		"  --db FILE         database file (else SAMKOLL_DB, else the default location)"))
	fmt.Fprintln(w, e.tr(
		"  --checklists KAT  katalog med egna checklistor",
		"  --checklists DIR  directory of your own checklists"))
	fmt.Fprintln(w, e.tr(
		"  --lang sv|en      språk (svenska om inte LANG börjar med en)",
		"  --lang sv|en      language (Swedish unless LANG starts with en)"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.tr("Hjälp för ett kommando: samkoll KOMMANDO --help", "Help for a command: samkoll COMMAND --help"))
}

// newFlagSet returns a flag set for a subcommand that also accepts the
// global flags, and whose --help prints usage.
func newFlagSet(e *env, name, usageSV, usageEN string, body func(w io.Writer)) (*flag.FlagSet, *globals) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	g := &globals{db: e.dbPath, checklists: e.checklistDir, lang: string(e.lang)}
	g.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stdout, e.tr("Användning: ", "Usage: ")+e.tr(usageSV, usageEN))
		if body != nil {
			body(e.stdout)
		}
		fmt.Fprintln(e.stdout, e.tr(
			"\nFlaggorna --db, --checklists och --lang gäller också.",
			"\nThe flags --db, --checklists and --lang apply too."))
	}
	return fs, g
}

// parseCommand parses a subcommand's flags, including the global ones, and
// updates e.
func parseCommand(e *env, fs *flag.FlagSet, g *globals, args []string) error {
	if err := parseFlags(e, fs, args); err != nil {
		return err
	}
	return g.apply(e)
}

func runVersion(_ context.Context, e *env, args []string) error {
	fs, g := newFlagSet(e, "version", "samkoll version", "samkoll version", nil)
	if err := parseCommand(e, fs, g, args); err != nil {
		return err
	}
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok && v == "dev" {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += "+" + s.Value[:12]
			}
		}
	}
	fmt.Fprintln(e.stdout, "samkoll", v)
	return nil
}

// openStore opens the database of e: read-only for exports, read-write
// otherwise. Problems are printed as the store's localized message.
func openStore(ctx context.Context, e *env, readOnly bool) (*store.Store, error) {
	path := e.dbPath
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.tr("hittar ingen plats för databasen", "cannot find a place for the database"), err)
		}
		path = p
		from, err := store.MoveOldDefault(ctx, path)
		var oe *store.OpenError
		switch {
		case errors.As(err, &oe):
			fmt.Fprintln(e.stderr, "samkoll: "+oe.Message(e.lang))
			return nil, errSilent
		case err != nil:
			return nil, err
		case from != "":
			fmt.Fprintln(e.stderr, "samkoll: "+e.tr(
				fmt.Sprintf("databasen har flyttats från %s till %s, den lokala mappen för programdata (den centrala AppData-mappen kan ligga på en nätverksenhet). Den gamla platsen används inte längre.", from, path),
				fmt.Sprintf("the database has moved from %s to %s, the local folder for application data (the roaming AppData folder may be on a network share). The old place is no longer used.", from, path)))
		}
	}
	if readOnly {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, errors.New(e.tr(
				fmt.Sprintf("det finns ingen databas i %s ännu; starta samkoll och gör en bedömning först, eller ange filen med --db", path),
				fmt.Sprintf("there is no database at %s yet; start samkoll and make an assessment first, or name the file with --db", path)))
		}
	}
	open := func(ctx context.Context, path string) (*store.Store, error) {
		return store.OpenNotify(ctx, path, func(u store.Upgrade) {
			fmt.Fprintln(e.stderr, "samkoll: "+upgradeNotice(e, u))
		})
	}
	if readOnly {
		open = store.OpenReadOnly
	}
	s, err := open(ctx, path)
	var oe *store.OpenError
	if errors.As(err, &oe) {
		fmt.Fprintln(e.stderr, "samkoll: "+oe.Message(e.lang))
		return nil, errSilent
	}
	if err == nil {
		e.openedDB = s.Path()
	}
	if err != nil {
		return nil, e.fileError(path, err)
	}
	if s.OnNetwork() {
		fmt.Fprintln(e.stderr, "samkoll: "+networkWarning(e, s.Path()))
	}
	return s, err
}

// upgradeNotice says that the database is being upgraded to this
// version's format and where its backup is, before the upgrade starts: at
// thousands of assessments it takes seconds before anything else shows.
func upgradeNotice(e *env, u store.Upgrade) string {
	return e.tr(
		fmt.Sprintf("databasen %s uppgraderas till den här versionens format (version %d till %d). En säkerhetskopia sparas först: %s", u.Path, u.From, u.To, u.Backup),
		fmt.Sprintf("the database %s is being upgraded to this version's format (version %d to %d). A backup is written first: %s", u.Path, u.From, u.To, u.Backup))
}

// networkWarning says that the database is on a network drive or share,
// what samkoll does about it and what to do.
func networkWarning(e *env, path string) string {
	return e.tr(
		fmt.Sprintf("varning: databasen %s ligger på en nätverksenhet. samkoll skriver där utan WAL-logg, men en nätverksanslutning som bryts mitt i en ändring kan ändå skada filen. Lägg databasen på datorns egen disk (standardplatsen, eller välj med --db) och kopiera den till nätverket som säkerhetskopia.", path),
		fmt.Sprintf("warning: the database %s is on a network drive. samkoll writes there without a WAL log, but a network connection lost in the middle of a change can still damage the file. Keep the database on the computer's own disk (the default place, or choose one with --db) and copy it to the network as a backup.", path))
}

// parseInterspersed parses a command's flags wherever they stand among its
// positional arguments (samkoll export 3 -o plan.md) and returns the
// positional ones.
func parseInterspersed(e *env, fs *flag.FlagSet, g *globals, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseCommand(e, fs, g, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// parseYear reads --year: "" is this year; anything but a year from 1900
// to 2200 is a usage error.
func parseYear(e *env, flag string) (int, error) {
	if flag == "" {
		return e.today().Year, nil
	}
	y, err := strconv.Atoi(flag)
	if err != nil || y < 1900 || y > 2200 {
		return 0, &usageError{e.tr(fmt.Sprintf("--year %q: skriv ett årtal, t.ex. 2026", flag),
			fmt.Sprintf("--year %q: give a year, e.g. 2026", flag))}
	}
	return y, nil
}

// writeOutput writes a report to standard output, or, with -o, atomically
// to the file out and says where.
func writeOutput(e *env, out string, data []byte) error {
	if out == "" {
		_, err := e.stdout.Write(data)
		return err
	}
	if err := report.WriteFileAtomic(out, data); err != nil {
		return err
	}
	e.wrote(out)
	return nil
}
