package store

import (
	"errors"
	"fmt"
	"path/filepath"

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
	case Locked:
		return "locked"
	case Permission:
		return "permission"
	case IsDir:
		return "is-dir"
	}
	return "unknown"
}

// OpenError reports a database file samkoll cannot use. The file is left
// as it was.
type OpenError struct {
	// Kind says what is wrong.
	Kind OpenErrorKind
	// Path is the database path.
	Path string
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
	case Corrupt:
		t = checklist.Text{
			SV: "Databasen %s är skadad eller avkortad. Filen har inte ändrats. Återställ en säkerhetskopia (filer som slutar på .bak-…) eller flytta undan filen så skapas en ny.",
			EN: "The database %s is damaged or truncated. The file has not been changed. Restore a backup (files ending in .bak-…) or move the file away to start a new one.",
		}
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
	default:
		t = checklist.Text{
			SV: "Databasen %s kunde inte öppnas.",
			EN: "The database %s could not be opened.",
		}
	}
	return fmt.Sprintf(t.In(lang), e.Path)
}
