package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"samkoll/checklist"
)

// ErrNotFound is returned when an assessment, action or unit does not exist.
var ErrNotFound = errors.New("finns inte")

// OpenErrorKind says why a database file could not be used.
type OpenErrorKind int

// The reasons a database file cannot be used.
const (
	// NotDatabase: the file is not an SQLite database (other content, an
	// empty file or an overwritten header).
	NotDatabase OpenErrorKind = iota + 1
	// NotSamkoll: an SQLite database made by another program.
	NotSamkoll
	// Corrupt: a samkoll database that is damaged or truncated.
	Corrupt
	// Newer: made by a newer samkoll with a schema this binary does not know.
	Newer
	// Older: the schema is older than this binary and must be upgraded by a
	// normal (writable) open first. Only OpenReadOnly returns it.
	Older
	// Locked: another samkoll has the database open.
	Locked
	// Permission: the file or its directory cannot be read, written or
	// created.
	Permission
	// IsDir: the path is a directory.
	IsDir
	// DanglingLink: the path is a symbolic link to nothing.
	DanglingLink
	// DiskFull: the disk (or the size the file may grow to) is full.
	DiskFull
	// ForeignWAL: the -wal next to the file belongs to another database.
	ForeignWAL
	// LockFile: the lock file next to the database cannot be used (only
	// where the lock is a separate file).
	LockFile
	// Interrupted: a write in rollback mode (an import into an empty
	// file, any write on a network drive) was cut off, and its journal
	// waits beside the file for the next writable open to play it back.
	// Only OpenReadOnly returns it.
	Interrupted
)

// String returns a short code for logs.
func (k OpenErrorKind) String() string {
	switch k {
	case NotDatabase:
		return "not-database"
	case NotSamkoll:
		return "not-samkoll"
	case Corrupt:
		return "corrupt"
	case Newer:
		return "newer"
	case Older:
		return "older"
	case Interrupted:
		return "interrupted"
	case Locked:
		return "locked"
	case Permission:
		return "permission"
	case IsDir:
		return "is-dir"
	case DanglingLink:
		return "dangling-link"
	case DiskFull:
		return "disk-full"
	case ForeignWAL:
		return "foreign-wal"
	case LockFile:
		return "lock-file"
	}
	return "unknown"
}

// OpenError reports a database file samkoll cannot use. The file is left
// as it was.
type OpenError struct {
	// Kind says what is wrong.
	Kind OpenErrorKind
	// Path is the database path (for LockFile, the lock file's).
	Path string
	// Target is where a DanglingLink points.
	Target string
	// Backup is the newest backup next to a Corrupt or ForeignWAL
	// database, "" when there is none.
	Backup string
	// Err is the underlying cause, for logs; may be nil.
	Err error
}

// Error returns the Swedish message followed by the cause.
func (e *OpenError) Error() string {
	if e.Err != nil {
		return e.Message(checklist.Swedish) + " (" + e.Err.Error() + ")"
	}
	return e.Message(checklist.Swedish)
}

// Unwrap returns the cause.
func (e *OpenError) Unwrap() error { return e.Err }

// Message returns a sentence for the user in lang that names the path and
// says what to do.
func (e *OpenError) Message(lang checklist.Lang) string {
	var t checklist.Text
	switch e.Kind {
	case NotDatabase:
		t = checklist.Text{
			SV: "Filen %s är ingen samkoll-databas (den är tom eller innehåller något annat). Filen har inte ändrats. Välj en annan fil med --db eller flytta undan filen.",
			EN: "The file %s is not a samkoll database (it is empty or holds something else). The file has not been changed. Choose another file with --db or move the file away.",
		}
	case NotSamkoll:
		t = checklist.Text{
			SV: "Filen %s är en SQLite-databas från ett annat program, inte från samkoll. Filen har inte ändrats. Välj en annan fil med --db.",
			EN: "The file %s is an SQLite database from another program, not from samkoll. The file has not been changed. Choose another file with --db.",
		}
	case Corrupt, ForeignWAL:
		what := checklist.Text{
			SV: "Databasen %s är skadad eller avkortad (sidor eller tabeller saknas eller är fel).",
			EN: "The database %s is damaged or truncated (pages or tables are missing or wrong).",
		}
		if e.Kind == ForeignWAL {
			what = checklist.Text{
				SV: "Bredvid databasen %[1]s ligger en logg (%[1]s-wal) som hör till en annan databas.",
				EN: "Next to the database %[1]s lies a log (%[1]s-wal) that belongs to another database.",
			}
		}
		msg := fmt.Sprintf(what.In(lang), e.Path) + " " + checklist.Text{
			SV: "samkoll har inte ändrat något och skriver inte i den.",
			EN: "samkoll has changed nothing and does not write to it.",
		}.In(lang) + " "
		switch {
		case e.Kind == ForeignWAL:
			msg += fmt.Sprintf(checklist.Text{
				SV: "Flytta undan %s-wal och starta igen.",
				EN: "Move %s-wal away and start again.",
			}.In(lang), e.Path)
		case e.Backup != "":
			msg += fmt.Sprintf(checklist.Text{
				SV: "Återställ säkerhetskopian bredvid: flytta undan den skadade filen och kopiera %s till %s.",
				EN: "Restore the backup beside it: move the damaged file away and copy %s to %s.",
			}.In(lang), e.Backup, e.Path)
		default:
			msg += fmt.Sprintf(checklist.Text{
				SV: "Det finns ingen säkerhetskopia (%s.bak-…) bredvid. Återställ filen från din säkerhetskopiering, eller flytta undan den så skapas en ny, tom databas.",
				EN: "There is no backup (%s.bak-…) beside it. Restore the file from your backups, or move it away to start a new, empty database.",
			}.In(lang), e.Path)
		}
		return msg
	case Newer:
		t = checklist.Text{
			SV: "Databasen %s har skapats av en nyare version av samkoll. Filen har inte ändrats. Uppdatera samkoll för att öppna den.",
			EN: "The database %s was made by a newer version of samkoll. The file has not been changed. Update samkoll to open it.",
		}
	case Older:
		t = checklist.Text{
			SV: "Databasen %s har ett äldre format. Starta samkoll en gång utan export så uppgraderas den (en säkerhetskopia sparas först).",
			EN: "The database %s has an older format. Start samkoll once without export to upgrade it (a backup is saved first).",
		}
	case Interrupted:
		t = checklist.Text{
			SV: "En ändring av databasen %s avbröts innan den blev klar (samkoll stängdes mitt i den). Inget har gått förlorat: starta samkoll en gång utan export, så lägger det tillbaka filen som den var före ändringen. Försök sedan igen.",
			EN: "A change to the database %s was cut off before it was done (samkoll was closed in the middle of it). Nothing is lost: start samkoll once without export, and it puts the file back as it was before the change. Then try again.",
		}
	case Locked:
		t = checklist.Text{
			SV: "Databasen %s används redan av ett annat samkoll-fönster. Avsluta det först och försök igen.",
			EN: "The database %s is already in use by another samkoll window. Quit that one first and try again.",
		}
	case Permission:
		t = checklist.Text{
			SV: "samkoll saknar behörighet att läsa, skriva eller skapa %s eller dess mapp. Kontrollera behörigheterna eller välj en annan plats med --db.",
			EN: "samkoll is not allowed to read, write or create %s or its folder. Check the permissions or choose another place with --db.",
		}
	case IsDir:
		t = checklist.Text{
			SV: "%s är en mapp, inte en databasfil. Ange en fil, t.ex. %s, med --db.",
			EN: "%s is a folder, not a database file. Give a file, e.g. %s, with --db.",
		}
		return fmt.Sprintf(t.In(lang), e.Path, filepath.Join(e.Path, "samkoll.db"))
	case DanglingLink:
		return fmt.Sprintf(checklist.Text{
			SV: "%s är en länk till %s, som inte finns. Ingen ny databas skapas i länkens ställe. Ange den riktiga filen med --db eller rätta länken.",
			EN: "%s is a link to %s, which does not exist. No new database is made in the link's place. Give the real file with --db or fix the link.",
		}.In(lang), e.Path, e.Target)
	case DiskFull:
		t = checklist.Text{
			SV: "Det finns inte plats på disken för %s. Det som skulle skrivas sparades inte, och inget halvskrivet lämnades kvar. Frigör utrymme eller välj en annan plats med --db.",
			EN: "There is no room on the disk for %s. What was to be written was not saved, and nothing half-written was left behind. Free some space or choose another place with --db.",
		}
	case LockFile:
		t = checklist.Text{
			SV: "Låsfilen %s kan inte användas (den är en mapp eller kan inte skapas). Flytta undan den och försök igen.",
			EN: "The lock file %s cannot be used (it is a folder or cannot be created). Move it away and try again.",
		}
	default:
		t = checklist.Text{
			SV: "Databasen %s kunde inte öppnas.",
			EN: "The database %s could not be opened.",
		}
	}
	return fmt.Sprintf(t.In(lang), e.Path)
}

// Explain turns an error from a use of the database at path into the
// *OpenError a user should see when it means that the file is damaged or
// the disk is full (SQLite's "database disk image is malformed", a
// missing table, a stored time that does not parse); other errors are
// returned as they are.
func Explain(path string, err error) error {
	if err == nil {
		return nil
	}
	var oe *OpenError
	if errors.As(err, &oe) {
		if oe.Path == "" {
			c := *oe
			c.Path = path
			if c.Kind == Corrupt {
				c.Backup = newestBackup(path)
			}
			return &c
		}
		return err
	}
	if errors.Is(err, errBadTime) {
		return &OpenError{Kind: Corrupt, Path: path, Err: err, Backup: newestBackup(path)}
	}
	if e := fileError(path, err); e != err {
		var oe *OpenError
		if errors.As(e, &oe) && (oe.Kind == Corrupt || oe.Kind == DiskFull || oe.Kind == NotDatabase) {
			return e
		}
	}
	if strings.Contains(err.Error(), "no such table") || strings.Contains(err.Error(), "no such column") {
		return &OpenError{Kind: Corrupt, Path: path, Err: err, Backup: newestBackup(path)}
	}
	return err
}
