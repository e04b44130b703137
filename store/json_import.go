package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"samkoll/checklist"
)

// ImportResult counts what an import did.
type ImportResult struct {
	// UnitsCreated counts units that did not exist before.
	UnitsCreated int
	// AssessmentsCreated, AssessmentsUpdated and AssessmentsUnchanged count
	// the assessments in the file by outcome. An existing assessment (same
	// uid) is replaced only when the file's copy was updated later.
	AssessmentsCreated, AssessmentsUpdated, AssessmentsUnchanged int
	// ActionsCreated, ActionsUpdated and ActionsUnchanged do the same for
	// actions.
	ActionsCreated, ActionsUpdated, ActionsUnchanged int
}

// ImportError is a problem in an import file. Nothing was written.
type ImportError struct {
	// Line and Column locate a problem in the JSON text (1-based); 0 when
	// the problem is in a value.
	Line, Column int
	// Path locates a problem in a value by its field path, such as
	// assessments[2].answers[5].answer.
	Path string
	// Msg says what is wrong, in Swedish and English.
	Msg checklist.Text
}

// Error returns "rad L, kolumn C: msg" or "path: msg", in Swedish.
func (e *ImportError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("rad %d, kolumn %d: %s", e.Line, e.Column, e.Msg.SV)
	}
	return e.Path + ": " + e.Msg.SV
}

// Message says what is wrong in lang, without the location; Where gives
// that.
func (e *ImportError) Message(lang checklist.Lang) string { return e.Msg.In(lang) }

// Where locates the problem in file name: name:line:column for the JSON
// text, or name: path for a value. Both forms read the same in any
// language.
func (e *ImportError) Where(name string) string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d", name, e.Line, e.Column)
	}
	return name + ": " + e.Path
}

// validUID reports whether s has the form of a uid: 8 to 64 characters
// of 0-9, a-f and "-", beginning and ending with a digit or letter (the
// pattern ^[0-9a-f][0-9a-f-]{6,62}[0-9a-f]$, checked by hand: compiling
// the pattern when the package loaded took a millisecond of every start).
func validUID(s string) bool {
	if len(s) < 8 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		hex := '0' <= c && c <= '9' || 'a' <= c && c <= 'f'
		if !hex && (c != '-' || i == 0 || i == len(s)-1) {
			return false
		}
	}
	return true
}

// ImportJSON reads a file written by ExportJSON and merges it into the
// database in one transaction. Assessments and actions are matched on their
// uid, so importing the same file twice changes nothing the second time.
//
// The file is read as a stream: each assessment is checked and written
// before the next is decoded, through statements prepared once, so memory
// holds one assessment and the uids met so far, not the file. Any problem
// gives an *ImportError and rolls the transaction back, leaving the
// database unchanged.
func (s *Store) ImportJSON(ctx context.Context, r io.Reader) (ImportResult, error) {
	var res ImportResult
	// The background check of the file runs on a connection of its own,
	// which would keep bulkJournal from changing the journal mode: it
	// finishes first, as before every write.
	if err := s.Checked(ctx); err != nil {
		return res, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return res, err
	}
	defer conn.Close()
	empty := emptyDatabase(ctx, conn)
	bulk, restore := s.bulkJournal(ctx, conn, empty)
	defer restore()
	keysOff, restoreKeys := bulkForeignKeys(ctx, conn, empty)
	defer restoreKeys()
	err = s.txOn(ctx, conn, func(tx *sql.Tx) error {
		im := &importer{ctx: ctx, q: newTxStmts(tx), v: newValidator(), ids: map[string]int64{}, units: map[int64]int64{}}
		defer im.q.close()
		// SQLite's default page cache for the one large transaction (the
		// connections that may write have a smaller one, dsn.go).
		if _, err := tx.ExecContext(ctx, "PRAGMA cache_size = -2000"); err != nil {
			return err
		}
		defer tx.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = -%d", cacheKiB))
		// Into an empty database nothing in the file can exist already:
		// the lookups by uid are left out.
		if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM assessments),
			NOT EXISTS (SELECT 1 FROM actions)`).Scan(&im.noAssessments, &im.noActions); err != nil {
			return err
		}
		var remake, retrigger []string
		if im.noAssessments {
			// The answers' CHECK constraints cost more than the rest of
			// their insert. The validator has checked every value they
			// check (parseAnswer; the risk's columns come from one
			// checklist.Risk), so the import's statements are prepared
			// without CHECK constraints, and the other tables it wrote,
			// small beside the answers, are checked at the end.
			if _, err := tx.ExecContext(ctx, "PRAGMA ignore_check_constraints = ON"); err != nil {
				return err
			}
			defer tx.ExecContext(context.WithoutCancel(ctx), "PRAGMA ignore_check_constraints = OFF")
			var err error
			if remake, err = dropBulkIndexes(ctx, tx); err != nil {
				return err
			}
			if retrigger, err = dropAnswerTriggers(ctx, tx); err != nil {
				return err
			}
		}
		if err := im.read(r); err != nil {
			return err
		}
		var synced <-chan error
		if bulk && s.lockFile != nil {
			// What the rows filled is in the system's cache, not yet on
			// disk, and the commit's fsync would wait for all of it (0.7
			// s at 10,000 assessments): it goes to disk now, through the
			// lock's handle of the same file, while the indexes are made.
			synced = syncInBackground(s.lockFile)
		}
		for _, q := range remake {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		if im.noAssessments {
			// What the answers' triggers keep, made from all the answers
			// at once; then the triggers are back for what follows.
			if _, err := tx.ExecContext(ctx, "DELETE FROM latest_answers"); err != nil {
				return err
			}
			if err := im.latest.insert(ctx, tx); err != nil {
				return err
			}
			for _, q := range retrigger {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					return err
				}
			}
		}
		if im.noAssessments {
			if err := checkConstraints(ctx, tx, checkedTables); err != nil {
				return err
			}
		}
		res = im.res
		// A file may be older than the checklists' item renames.
		if err := remapRetiredItems(ctx, tx, im.written, false, ""); err != nil {
			return err
		}
		if keysOff {
			if err := checkForeignKeys(ctx, tx); err != nil {
				return err
			}
		}
		// The imported answers join latest_answers at once (latest.go),
		// so that the readers need not merge a whole file's answers.
		if err := foldPending(ctx, tx); err != nil {
			return err
		}
		if synced != nil {
			if err := <-synced; err != nil {
				return fmt.Errorf("import: sync: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// bulkJournal gives an import into an empty database (empty, from
// emptyDatabase) a rollback journal on conn instead of the write-ahead
// log, for its one transaction, reports whether it did, and returns the
// func that puts the log back. Through the log every page of
// the new file is written twice, to the log and then, when the log is
// copied in, to the file; with a journal it is written once, and the
// journal holds only the few pages the empty file had (an import of
// 10,000 assessments wrote 502 MB for a file of 228 MB through the log).
// A crash in the middle leaves a journal that SQLite plays back when the
// file is next opened for writing (checkFile lets it): the file is empty
// again. Where the database is not empty, on a network drive (no log
// there), or when another connection holds the file so that the mode
// cannot change, the import writes as every other write does.
func (s *Store) bulkJournal(ctx context.Context, conn *sql.Conn, empty bool) (bulk bool, restore func()) {
	restore = func() {}
	if s.network || !empty {
		return false, restore
	}
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode); err != nil || mode != "delete" {
		return false, restore
	}
	return true, func() {
		// Should this fail, the next connection's DSN puts the log back.
		_ = conn.QueryRowContext(context.WithoutCancel(ctx), "PRAGMA journal_mode = WAL").Scan(&mode)
	}
}

// syncInBackground syncs f to disk in the background and reports the
// outcome.
func syncInBackground(f *os.File) <-chan error {
	done := make(chan error, 1)
	go func() { done <- f.Sync() }()
	return done
}

// emptyDatabase reports whether the database of conn has no assessments
// and no actions: an import into it writes only new rows.
func emptyDatabase(ctx context.Context, conn *sql.Conn) bool {
	var empty bool
	err := conn.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM assessments)
		AND NOT EXISTS (SELECT 1 FROM actions)`).Scan(&empty)
	return err == nil && empty
}

// bulkForeignKeys turns the foreign keys off on conn for an import into an
// empty database, reports whether it did, and returns the func that turns
// them on again. SQLite checks an immediate foreign key of a statement
// that writes many rows at the statement's end, and keeps a journal of
// the statement to undo it alone should a key fail: every multi-row insert
// of the import first wrote each page it changed to that journal (with the
// conflict clause of the answers' and actions' inserts, OR FAIL, they need
// none). The import checks the keys itself before it commits
// (checkForeignKeys), so a file cannot leave a row that refers to nothing.
// Should turning them on again fail, the connection is closed instead of
// going back to the pool, so that no other write runs without them.
func bulkForeignKeys(ctx context.Context, conn *sql.Conn, empty bool) (off bool, restore func()) {
	restore = func() {}
	if !empty {
		return false, restore
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return false, restore
	}
	return true, func() {
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON"); err != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}
}

// checkForeignKeys checks the foreign keys of every table an import may
// write but answers (PRAGMA foreign_key_check), for an import that wrote
// with them off (bulkForeignKeys). The answers' one key is their
// assessment, which the import writes just before them and never changes
// (72,000 lookups at 1,000 assessments); the rows that refer to answers
// (carried risks, re-evaluations) are checked from their own side.
func checkForeignKeys(ctx context.Context, tx *sql.Tx) error {
	for _, t := range foreignKeyTables {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		err := tx.QueryRowContext(ctx, `PRAGMA foreign_key_check("`+t+`")`).Scan(&table, &rowid, &parent, &fk)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		return fmt.Errorf("import: %s: a row refers to a missing row of %s", table, parent)
	}
	return nil
}

// foreignKeyTables are the tables with foreign keys that checkForeignKeys
// checks: all but answers (TestForeignKeyTablesAreAll).
var foreignKeyTables = []string{"assessments", "assessment_areas", "actions", "assessment_actions", "own_items",
	"carried_risks", "reevaluations", "year_plans", "latest_pending"}

// checkedTables are the tables with CHECK constraints an import writes,
// but for answers, whose values the validator checks one by one.
var checkedTables = []string{"units", "assessments", "assessment_areas", "actions", "own_items", "reevaluations", "year_plans"}

// checkConstraints checks the CHECK and NOT NULL constraints of tables
// (PRAGMA quick_check), with ignore_check_constraints off again.
func checkConstraints(ctx context.Context, tx *sql.Tx, tables []string) error {
	if _, err := tx.ExecContext(ctx, "PRAGMA ignore_check_constraints = OFF"); err != nil {
		return err
	}
	for _, t := range tables {
		var msg string
		if err := tx.QueryRowContext(ctx, `PRAGMA quick_check("`+t+`")`).Scan(&msg); err != nil {
			return err
		}
		if msg != "ok" {
			return fmt.Errorf("import: %s: %s", t, msg)
		}
	}
	return nil
}

// bulkTables are the tables an import fills row by row.
var bulkTables = []string{"answers", "actions", "assessment_actions", "carried_risks", "reevaluations"}

// dropBulkIndexes drops the indexes of bulkTables other than their keys
// and unique constraints, and returns the statements that make them again.
// An import into an empty database makes them once at the end, each in
// one sort, instead of keeping them up to date row by row (a fifth of its
// time); nothing it looks up while it writes uses them, and in the one
// transaction a failed import keeps them as they were.
func dropBulkIndexes(ctx context.Context, tx *sql.Tx) ([]string, error) {
	return dropSchemaObjects(ctx, tx, "INDEX", `type = 'index' AND sql IS NOT NULL AND tbl_name IN (`+sqlList(bulkTables)+`)`)
}

// dropAnswerTriggers drops the triggers on answers and returns the
// statements that make them again. An import into an empty database (which
// only inserts answers) keeps what they keep itself: each area's answered
// count as it inserts the area (answeredByArea), and each unit's latest
// answer to each item as it goes (latestByItem), written at the end; the
// triggers were half of the cost of each answer, and filling the two from
// all the answers at the end took 1.8 s at 10,000 assessments.
// TestEmptyImportKeepsWhatTriggersKeep compares the two ways.
func dropAnswerTriggers(ctx context.Context, tx *sql.Tx) ([]string, error) {
	return dropSchemaObjects(ctx, tx, "TRIGGER", `type = 'trigger' AND tbl_name = 'answers'`)
}

// dropSchemaObjects drops the objects of kind (INDEX or TRIGGER) that
// where chooses from sqlite_schema, and returns the statements that make
// them again, in the order of their names.
func dropSchemaObjects(ctx context.Context, tx *sql.Tx, kind, where string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_schema WHERE `+where+` ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var names, remake []string
	for rows.Next() {
		var name, q string
		if err := rows.Scan(&name, &q); err != nil {
			rows.Close()
			return nil, err
		}
		names, remake = append(names, name), append(remake, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DROP "+kind+` "`+strings.ReplaceAll(name, `"`, `""`)+`"`); err != nil {
			return nil, err
		}
	}
	return remake, nil
}

// sqlList quotes names as an SQL list of strings.
func sqlList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + strings.ReplaceAll(n, "'", "''") + "'"
	}
	return strings.Join(q, ", ")
}

// importer writes a file as it is read.
type importer struct {
	ctx context.Context
	q   *txStmts
	v   *validator
	res ImportResult
	// ids maps the uids of the assessments met so far to their ids in the
	// database; the validator's actions hold those of the actions.
	ids map[string]int64
	// units maps the ids in ids to their unit's id.
	units map[int64]int64
	// noAssessments and noActions say that the database had none before
	// the import, so that a uid not met in the file is not in it either.
	noAssessments, noActions bool
	// nextAction is the id of the last action inserted into a database
	// that had none (insertActions).
	nextAction int64
	// written are the ids of the assessments created or replaced.
	written []int64
	// What refers to an assessment or action not met yet, which may come
	// later in the file; settled at the end (settle).
	laterActions []laterAction
	laterReevals [][2]string // reevaluation uid, action uid
	laterOwn     [][2]string // own item uid, assessment uid
	laterCarried []laterCarried
	// latest is each unit's latest answer to each item, for latest_answers
	// (into an empty database, where the triggers are set aside).
	latest latestByItem
}

// laterAction is an action created with a provisional origin: its own
// origin had not been met in the file.
type laterAction struct {
	id     int64  // the action's id
	origin string // the uid of its origin
	first  int64  // the assessment it was created for (provisional origin)
}

type laterCarried struct {
	id int64 // the assessment the risk is carried into
	jc jsonCarried
}

// read reads, checks and writes the file.
func (im *importer) read(r io.Reader) error {
	st := newJSONStream(r)
	// The file is read, decoded and checked in a goroutine a few
	// assessments ahead of the one being written, so that on two cores
	// decoding the JSON does not wait for SQLite, nor SQLite for it.
	type checked struct {
		ia      importAssessment
		actions []importAction
	}
	read := func(_ context.Context, emit func(checked) error) error {
		return st.read(func(i int, ja jsonAssessment) error {
			ia, actions, err := im.v.assessment(i, ja)
			if err != nil {
				return err
			}
			return emit(checked{ia, actions})
		})
	}
	// Everything read before a problem in the file is written first, so a
	// problem in writing an earlier assessment is reported, as when the
	// file was read one assessment at a time.
	write := func(c checked) error { return im.write(c.ia, c.actions) }
	if err := pipeline(im.ctx, 4, read, write); err != nil {
		return err
	}
	if err := im.v.finish(st.head); err != nil {
		return err
	}
	if err := im.settle(); err != nil {
		return err
	}
	n, err := applyYearPlans(im.ctx, im.q, st.head.YearPlans, time.Now())
	im.res.UnitsCreated += n
	return err
}

// importAssessment is a checked assessment of the file, ready to write.
type importAssessment struct {
	j       jsonAssessment
	a       checklist.Assessment
	counts  map[string]int
	answers []checklist.Response
	rows    answerRows // the answers' values
	created time.Time
	updated time.Time
	links   []string // uids of actions carried over into it
	cycle   importCycle
}

type importAction struct {
	a       checklist.Action
	uid     string
	origin  string // assessment uid
	created time.Time
	updated time.Time
}

// validator checks a file one assessment at a time; it keeps what the
// checks across assessments need (uids, and a digest of each action).
type validator struct {
	seenAssessment map[string]string // uid → path
	seenOwn        map[string]jsonOwnItem
	// actions is shared with the writer, which records the ids; mu
	// guards it.
	mu      sync.Mutex
	actions map[string]seenAction // by uid
	inv     *invariants
}

// seenAction is an action met in the file: a digest of its first copy, and
// its id in the database once written (0 before).
type seenAction struct {
	sum [16]byte
	id  int64
}

func newValidator() *validator {
	return &validator{seenAssessment: map[string]string{}, seenOwn: map[string]jsonOwnItem{},
		actions: map[string]seenAction{}, inv: newInvariants()}
}

// importBad returns an *ImportError at path; the message is formatted with
// checklist.Textf (an error argument keeps its English text).
func importBad(path, sv, en string, args ...any) error {
	return &ImportError{Path: path, Msg: checklist.Textf(sv, en, args...)}
}

// finish checks the fields outside the assessments, and what the
// assessments referred to ahead.
func (v *validator) finish(f jsonFile) error {
	if f.Format != JSONFormat {
		return importBad("format", "%q är inte en samkoll-fil (väntade %q)", "%q is not a samkoll file (expected %q)", f.Format, JSONFormat)
	}
	if f.Version > JSONVersion {
		return importBad("version", "filen kommer från en nyare samkoll (format version %d; den här versionen läser till och med %d). Uppdatera samkoll och importera den igen",
			"the file comes from a newer samkoll (format version %d; this version reads up to %d). Update samkoll and import it again", f.Version, JSONVersion)
	}
	if f.Version < jsonOldestVersion {
		return importBad("version", "version %d stöds inte (den här versionen av samkoll läser version %d)",
			"version %d is not supported (this version of samkoll reads version %d)", f.Version, JSONVersion)
	}
	if f.Exported != "" {
		if _, err := parseTime(f.Exported); err != nil {
			return importBad("exported", "ogiltig tid %q", "invalid time %q", f.Exported)
		}
	}
	if err := validateYearPlans(f.YearPlans); err != nil {
		return err
	}
	return v.inv.finish()
}

// assessment checks assessment i of the file, ja. It returns the actions
// it lists that the file has not listed before.
func (v *validator) assessment(i int, ja jsonAssessment) (importAssessment, []importAction, error) {
	bad := importBad
	badErr := func(path string, err error) error { return bad(path, "%v", "%v", err) }
	var actions []importAction
	at := fmt.Sprintf("assessments[%d]", i)
	if !validUID(ja.UID) {
		return importAssessment{}, nil, bad(at+".uid", "ogiltigt uid %q", "invalid uid %q", ja.UID)
	}
	if prev, ok := v.seenAssessment[ja.UID]; ok {
		return importAssessment{}, nil, bad(at+".uid", "samma uid som %s", "the same uid as %s", prev)
	}
	v.seenAssessment[ja.UID] = at
	ia := importAssessment{j: ja, counts: map[string]int{}}
	a := checklist.Assessment{Unit: strings.TrimSpace(ja.Unit), Participants: ja.Participants, SafetyRepPresent: ja.SafetyRepPresent}
	var err error
	if a.Unit == "" {
		return ia, nil, bad(at+".unit", "enheten saknar namn", "the unit has no name")
	}
	if a.Date, err = checklist.ParseDate(ja.Date); err != nil {
		return ia, nil, badErr(at+".date", err)
	}
	if a.Status, err = checklist.ParseAssessmentStatus(ja.Status); err != nil {
		return ia, nil, bad(at+".status", "okänd status %q (pagaende, avslutad)", "unknown status %q (pagaende, avslutad)", ja.Status)
	}
	if ia.created, err = requiredTime(ja.Created); err != nil {
		return ia, nil, badErr(at+".created", err)
	}
	if ia.updated, err = requiredTime(ja.Updated); err != nil {
		return ia, nil, badErr(at+".updated", err)
	}
	areas := map[string]bool{}
	for k, ar := range ja.Areas {
		ap := fmt.Sprintf("%s.areas[%d]", at, k)
		if strings.TrimSpace(ar.ID) == "" {
			return ia, nil, bad(ap+".id", "område utan id", "an area without an id")
		}
		if areas[ar.ID] {
			return ia, nil, bad(ap+".id", "området %q förekommer två gånger", "the area %q occurs twice", ar.ID)
		}
		if ar.Version < 0 {
			return ia, nil, bad(ap+".version", "negativ version %d", "negative version %d", ar.Version)
		}
		if ar.Items < 0 {
			return ia, nil, bad(ap+".items", "negativt antal punkter %d", "negative number of items %d", ar.Items)
		}
		a.Areas = append(a.Areas, checklist.AreaRef{ID: ar.ID, Version: ar.Version, Hash: ar.Hash})
		ia.counts[ar.ID] = ar.Items
		areas[ar.ID] = true
	}
	if len(a.Areas) == 0 {
		return ia, nil, bad(at+".areas", "inga områden (välj minst ett)", "no areas (choose at least one)")
	}
	if err := a.Validate(); err != nil {
		return ia, nil, badErr(at, err)
	}
	ia.a = a
	cyc, ownKeys, err := validateCycle(at, ja, v.seenOwn)
	if err != nil {
		return ia, nil, err
	}
	ia.cycle = cyc
	answerAreas := areas
	if len(ownKeys) > 0 {
		answerAreas = map[string]bool{}
		for k := range areas {
			answerAreas[k] = true
		}
		for k := range ownKeys {
			answerAreas[k.AreaID] = true
		}
	}
	seenAnswer := map[checklist.ItemKey]bool{}
	ia.answers = make([]checklist.Response, 0, len(ja.Answers))
	for k, jr := range ja.Answers {
		ap := func() string { return fmt.Sprintf("%s.answers[%d]", at, k) } // on error only
		if jr.Area == checklist.OwnArea && !ownKeys[checklist.ItemKey{AreaID: jr.Area, ItemID: jr.Item}] {
			return ia, nil, bad(ap()+".item", "den egna punkten %q finns inte i own_items", "the own item %q is not in own_items", jr.Item)
		}
		r, field, err := parseAnswer(jr, answerAreas)
		if err != nil {
			return ia, nil, badErr(ap()+field, err)
		}
		if seenAnswer[r.Key()] {
			return ia, nil, bad(ap(), "punkt %s/%s besvarad två gånger", "item %s/%s answered twice", r.AreaID, r.ItemID)
		}
		seenAnswer[r.Key()] = true
		ia.answers = append(ia.answers, r)
	}
	for k, jx := range ja.Actions {
		ap := func() string { return fmt.Sprintf("%s.actions[%d]", at, k) } // on error only
		if !validUID(jx.UID) {
			return ia, nil, bad(ap()+".uid", "ogiltigt uid %q", "invalid uid %q", jx.UID)
		}
		if !validUID(jx.Origin) {
			return ia, nil, bad(ap()+".origin", "ogiltigt uid %q", "invalid uid %q", jx.Origin)
		}
		sum := actionDigest(jx)
		v.mu.Lock()
		prev, ok := v.actions[jx.UID]
		if !ok {
			v.actions[jx.UID] = seenAction{sum: sum}
		}
		v.mu.Unlock()
		if ok {
			if prev.sum != sum {
				return ia, nil, bad(ap(), "åtgärden %s förekommer flera gånger med olika innehåll",
					"the action %s occurs several times with different content", jx.UID)
			}
		} else {
			x, field, err := parseAction(jx)
			if err != nil {
				return ia, nil, badErr(ap()+field, err)
			}
			actions = append(actions, x)
		}
		if jx.Origin != ja.UID {
			ia.links = append(ia.links, jx.UID)
		}
	}
	if err := v.inv.assessment(i, ja); err != nil {
		return ia, nil, err
	}
	ia.rows = newAnswerRows(ia.answers)
	return ia, actions, nil
}

// actionDigest identifies the content of an action, so that the copies of
// an action carried over through several assessments can be compared
// without keeping them.
func actionDigest(jx jsonAction) [16]byte {
	h := fnv.New128a()
	for _, f := range []string{jx.UID, jx.Origin, jx.Area, jx.Item, jx.Risk, jx.What, jx.Who, jx.Due, jx.Status,
		jx.DoneOn, jx.CheckedOn, jx.Effect, jx.Escalation, jx.Created, jx.Updated} {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(f)))])
		h.Write([]byte(f))
	}
	var sum [16]byte
	h.Sum(sum[:0])
	return sum
}

// write writes one checked assessment and the actions it lists first.
func (im *importer) write(ia importAssessment, actions []importAction) error {
	ctx, tx := im.ctx, im.q
	unitID, _, created, err := ensureUnit(ctx, tx, ia.a.Unit, ia.created)
	if err != nil {
		return err
	}
	if created {
		im.res.UnitsCreated++
	}
	var id int64
	var updated string
	var keep [][4]any // carried-risk links to the answers replaced
	if im.noAssessments {
		err = sql.ErrNoRows // the file's uids are unique
	} else {
		err = tx.QueryRowContext(ctx, "SELECT id, updated FROM assessments WHERE uid = ?", ia.j.UID).Scan(&id, &updated)
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if id, err = insertAssessment(ctx, tx, ia.j.UID, unitID, ia.a, ia.created, ia.updated); err != nil {
			return err
		}
		im.res.AssessmentsCreated++
	case err != nil:
		return err
	default:
		old, _ := parseTime(updated)
		if !ia.updated.After(old) {
			im.res.AssessmentsUnchanged++
			if err := tx.QueryRowContext(ctx, "SELECT unit_id FROM assessments WHERE id = ?", id).Scan(&unitID); err != nil {
				return err
			}
			im.ids[ia.j.UID], im.units[id] = id, unitID
			if err := im.ownItems(ia, unitID); err != nil {
				return err
			}
			return im.writeLinks(id, ia, actions)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assessments SET unit_id = ?, meeting_date = ?, participants = ?,
			safety_rep = ?, status = ?, updated = ? WHERE id = ?`, unitID, ia.a.Date.String(), ia.a.Participants,
			ia.a.SafetyRepPresent, ia.a.Status.String(), fmtTime(ia.updated), id); err != nil {
			return err
		}
		if keep, err = carriedLinksTo(ctx, tx, id); err != nil {
			return err
		}
		for _, q := range []string{"DELETE FROM assessment_areas WHERE assessment_id = ?", "DELETE FROM answers WHERE assessment_id = ?"} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		im.res.AssessmentsUpdated++
	}
	im.ids[ia.j.UID], im.units[id] = id, unitID
	im.written = append(im.written, id)
	var answered map[string]int // nil: the answers' triggers count them
	if im.noAssessments {
		// The answers' triggers are set aside: the areas get their
		// answered counts here, and the unit its latest answers.
		answered = answeredByArea(ia.answers)
		im.latest.note(unitID, ia.a.Date.String(), id, ia.answers)
	}
	if err := insertAreas(ctx, tx, id, ia.a.Areas, ia.counts, answered); err != nil {
		return err
	}
	if err := ia.rows.insert(ctx, tx, id); err != nil {
		return err
	}
	if err := restoreCarriedLinks(ctx, tx, keep); err != nil {
		return err
	}
	if err := im.ownItems(ia, unitID); err != nil {
		return err
	}
	return im.writeLinks(id, ia, actions)
}

// ownItems writes the own items of ia, of the unit unitID.
func (im *importer) ownItems(ia importAssessment, unitID int64) error {
	later, err := applyOwnItems(im.ctx, im.q, ia.cycle.ownItems, unitID, im.ids)
	im.laterOwn = append(im.laterOwn, later...)
	return err
}

// writeLinks writes the actions assessment id lists first, its links to
// actions carried over, its re-evaluations and its carried risks.
func (im *importer) writeLinks(id int64, ia importAssessment, actions []importAction) error {
	ctx, tx := im.ctx, im.q
	if im.noActions {
		if err := im.insertActions(actions, id); err != nil {
			return err
		}
	} else {
		for _, x := range actions {
			if err := im.writeAction(x, id); err != nil {
				return err
			}
		}
	}
	// An action is linked to later assessments of its own unit only; its
	// origin needs no link. One statement for the assessment's links.
	for links := ia.links; len(links) > 0; {
		n := min(len(links), rowsPerStatement)
		args := make([]any, 0, n+1)
		args = append(args, id)
		for _, uid := range links[:n] {
			aid, _ := im.actionID(uid)
			args = append(args, aid)
		}
		if _, err := tx.ExecContext(ctx, repeated(`INSERT OR IGNORE INTO assessment_actions (assessment_id, action_id)
			SELECT ?1, x.id FROM actions x WHERE x.assessment_id <> ?1 AND x.id IN (`, "?", ")", n), args...); err != nil {
			return err
		}
		links = links[n:]
	}
	later, err := applyReevaluations(ctx, tx, id, ia.cycle.reevals, im.actionID)
	if err != nil {
		return err
	}
	im.laterReevals = append(im.laterReevals, later...)
	var now []jsonCarried
	for _, jc := range ia.cycle.carried {
		if _, ok := im.ids[jc.Origin]; ok {
			now = append(now, jc)
		} else {
			im.laterCarried = append(im.laterCarried, laterCarried{id, jc})
		}
	}
	return applyCarried(ctx, tx, id, now, im.ids)
}

// writeAction writes action x, first listed by assessment first, into a
// database that had actions before the import (insertActions writes into
// one that had none): it is new, newer than the one there, or unchanged.
func (im *importer) writeAction(x importAction, first int64) error {
	ctx, tx := im.ctx, im.q
	origin, unitID, met, provisional, err := im.actionOrigin(x, first)
	if err != nil {
		return err
	}
	var id int64
	var updated string
	err = tx.QueryRowContext(ctx, "SELECT id, updated FROM actions WHERE uid = ?", x.uid).Scan(&id, &updated)
	a := x.a
	switch {
	case errors.Is(err, sql.ErrNoRows):
		r, err := tx.ExecContext(ctx, `INSERT INTO actions (`+actionInsertColumns+`) VALUES `+actionRow,
			actionValues(x, unitID, origin)...)
		if err != nil {
			return err
		}
		if id, err = r.LastInsertId(); err != nil {
			return err
		}
		im.created(x, id, first, met, provisional)
	case err != nil:
		return err
	default:
		old, _ := parseTime(updated)
		if x.updated.After(old) {
			if _, err := tx.ExecContext(ctx, `UPDATE actions SET area_id = ?, item_id = ?, risk = ?, what = ?,
				who = ?, due = ?, status = ?, done_on = ?, checked_on = ?, effect = ?, escalation = ?, updated = ?
				WHERE id = ?`, a.AreaID, a.ItemID, a.Risk, a.What, a.Who, a.Due.String(), a.Status.String(),
				a.DoneOn.String(), a.CheckedOn.String(), a.Effect, a.Escalation.String(), fmtTime(x.updated), id); err != nil {
				return err
			}
			im.res.ActionsUpdated++
		} else {
			im.res.ActionsUnchanged++
		}
		im.setActionID(x.uid, id)
	}
	return nil
}

// insertActions writes actions, first listed by assessment first, into a
// database that had no actions before the import: each is new, so they
// are inserted many to a statement, and their ids are counted from the
// first (nextAction) instead of asked for one by one. SQLite gives each
// new row the largest id so far plus one; the statement leaves the ids to
// it, as a multi-row insert that names the key keeps a journal of the
// statement (a page written twice), and the last id it reports is checked
// against the count.
func (im *importer) insertActions(actions []importAction, first int64) error {
	args := make([]any, 0, len(actions)*actionInsertCols)
	for _, x := range actions {
		origin, unitID, met, provisional, err := im.actionOrigin(x, first)
		if err != nil {
			return err
		}
		args = append(args, actionValues(x, unitID, origin)...)
		im.created(x, im.nextAction+int64(len(args)/actionInsertCols), first, met, provisional)
	}
	for len(args) > 0 {
		n := min(len(args)/actionInsertCols, rowsPerStatement)
		r, err := im.q.ExecContext(im.ctx, repeated(`INSERT OR FAIL INTO actions (`+actionInsertColumns+`) VALUES `,
			actionRow, "", n), args[:n*actionInsertCols]...)
		if err != nil {
			return err
		}
		im.nextAction += int64(n)
		if last, err := r.LastInsertId(); err != nil || last != im.nextAction {
			return fmt.Errorf("import: the new actions got ids up to %d, not %d (%v)", last, im.nextAction, err)
		}
		args = args[n*actionInsertCols:]
	}
	return nil
}

// The columns of an action the import inserts (actionValues), their
// number, and a row of their values.
const (
	actionInsertColumns = `uid, unit_id, assessment_id, area_id, item_id, risk, what, who, due, status, done_on,
		checked_on, effect, escalation, created, updated`
	actionInsertCols = 16
	actionRow        = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

// actionValues are the values of action x, of unit unitID and origin
// assessment origin, in the order of actionInsertColumns.
func actionValues(x importAction, unitID, origin int64) []any {
	a := x.a
	return []any{x.uid, unitID, origin, a.AreaID, a.ItemID, a.Risk, a.What, a.Who, a.Due.String(), a.Status.String(),
		a.DoneOn.String(), a.CheckedOn.String(), a.Effect, a.Escalation.String(), fmtTime(x.created), fmtTime(x.updated)}
}

// actionOrigin returns the origin assessment of action x, first listed by
// assessment first, and its unit. met says the origin was met in the file;
// provisional that it is not known yet, and first stands for it until
// settle knows.
func (im *importer) actionOrigin(x importAction, first int64) (origin, unitID int64, met, provisional bool, err error) {
	ctx, tx := im.ctx, im.q
	origin, met = im.ids[x.origin]
	if !met {
		err := sql.ErrNoRows
		if !im.noAssessments {
			err = tx.QueryRowContext(ctx, "SELECT id FROM assessments WHERE uid = ?", x.origin).Scan(&origin)
		}
		if errors.Is(err, sql.ErrNoRows) {
			// The origin was not exported, or comes later in the file:
			// the first assessment that shows the action is its origin
			// until settle knows.
			origin, provisional = first, true
		} else if err != nil {
			return 0, 0, false, false, err
		}
	}
	unitID, ok := im.units[origin]
	if !ok {
		if err := tx.QueryRowContext(ctx, "SELECT unit_id FROM assessments WHERE id = ?", origin).Scan(&unitID); err != nil {
			return 0, 0, false, false, err
		}
	}
	return origin, unitID, met, provisional, nil
}

// created records the new action x with id, first listed by assessment
// first, whose origin was met or is provisional (actionOrigin).
func (im *importer) created(x importAction, id, first int64, met, provisional bool) {
	im.res.ActionsCreated++
	if !met {
		// Its origin may yet come in the file (and change unit).
		l := laterAction{id: id, origin: x.origin, first: first}
		if !provisional {
			l.first = 0
		}
		im.laterActions = append(im.laterActions, l)
	}
	im.setActionID(x.uid, id)
}

// setActionID records the id of the action uid of the file.
func (im *importer) setActionID(uid string, id int64) {
	im.v.mu.Lock()
	e := im.v.actions[uid]
	e.id = id
	im.v.actions[uid] = e
	im.v.mu.Unlock()
}

// actionID returns the id of the action uid of the file, if written.
func (im *importer) actionID(uid string) (int64, bool) {
	im.v.mu.Lock()
	e := im.v.actions[uid]
	im.v.mu.Unlock()
	return e.id, e.id != 0
}

// settle resolves, once the whole file is written, what referred to an
// assessment or action that had not been met when it was written.
func (im *importer) settle() error {
	ctx, tx := im.ctx, im.q
	for _, l := range im.laterActions {
		origin, ok := im.ids[l.origin]
		if !ok {
			// Not in the file: the origin in the database, or the
			// provisional one, stays.
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE actions SET assessment_id = ?1,
			unit_id = (SELECT unit_id FROM assessments WHERE id = ?1) WHERE id = ?2`, origin, l.id); err != nil {
			return err
		}
		if l.first != 0 {
			// The first assessment listing it carried it over after all.
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO assessment_actions (assessment_id, action_id)
				SELECT ?1, x.id FROM actions x WHERE x.id = ?2 AND x.assessment_id <> ?1`, l.first, l.id); err != nil {
				return err
			}
		}
	}
	for _, l := range im.laterReevals {
		if aid, ok := im.actionID(l[1]); ok {
			if _, err := tx.ExecContext(ctx, "UPDATE reevaluations SET action_id = ? WHERE uid = ?", aid, l[0]); err != nil {
				return err
			}
		}
	}
	for _, l := range im.laterOwn {
		if id, ok := im.ids[l[1]]; ok {
			if _, err := tx.ExecContext(ctx, "UPDATE own_items SET assessment_id = ? WHERE uid = ?", id, l[0]); err != nil {
				return err
			}
		}
	}
	for _, l := range im.laterCarried {
		if err := applyCarried(ctx, tx, l.id, []jsonCarried{l.jc}, im.ids); err != nil {
			return err
		}
	}
	return nil
}

func requiredTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, checklist.Errorf("tid saknas", "the time is missing")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return t, checklist.Errorf("ogiltig tid %q (RFC 3339, t.ex. 2026-03-14T09:30:00Z)",
			"invalid time %q (RFC 3339, e.g. 2026-03-14T09:30:00Z)", s)
	}
	return t, nil
}

// parseAnswer converts one answer; field names the offending field.
func parseAnswer(jr jsonAnswer, areas map[string]bool) (checklist.Response, string, error) {
	r := checklist.Response{AreaID: jr.Area, ItemID: jr.Item, Comment: jr.Comment, Reason: jr.Reason, Measures: jr.Measures}
	if !areas[jr.Area] {
		return r, ".area", checklist.Errorf("området %q ingår inte i bedömningen", "the area %q is not part of the assessment", jr.Area)
	}
	if strings.TrimSpace(jr.Item) == "" {
		return r, ".item", checklist.Errorf("punkt saknas", "the item is missing")
	}
	var err error
	if r.Answer, err = checklist.ParseAnswer(jr.Answer); err != nil {
		return r, ".answer", err
	}
	if jr.AnsweredAt != "" {
		if r.AnsweredAt, err = requiredTime(jr.AnsweredAt); err != nil {
			return r, ".answered_at", err
		}
	}
	if jr.Risk != nil {
		rk := checklist.Risk{Probability: jr.Risk.Probability, Consequence: jr.Risk.Consequence, Note: jr.Risk.Note}
		if rk.Level, err = checklist.ParseLevel(jr.Risk.Level); err != nil {
			return r, ".risk.level", err
		}
		if err := rk.Validate(); err != nil {
			return r, ".risk", err
		}
		if jr.Risk.Serious != rk.Serious() {
			return r, ".risk.serious", checklist.Errorf("serious %v stämmer inte med nivån %q",
				"serious %v does not match the level %q", jr.Risk.Serious, jr.Risk.Level)
		}
		r.Risk = &rk
	}
	return r, "", nil
}

// parseAction converts one action; field names the offending field.
func parseAction(jx jsonAction) (importAction, string, error) {
	x := importAction{uid: jx.UID, origin: jx.Origin}
	a := checklist.Action{AreaID: jx.Area, ItemID: jx.Item, Risk: jx.Risk, What: jx.What, Who: jx.Who, Effect: jx.Effect}
	var err error
	if a.Due, err = importDate(jx.Due); err != nil {
		return x, ".due", err
	}
	if a.DoneOn, err = importDate(jx.DoneOn); err != nil {
		return x, ".done_on", err
	}
	if a.CheckedOn, err = importDate(jx.CheckedOn); err != nil {
		return x, ".checked_on", err
	}
	if a.Status, err = checklist.ParseActionStatus(jx.Status); err != nil {
		return x, ".status", err
	}
	if a.Escalation, err = checklist.ParseEscalation(jx.Escalation); err != nil {
		return x, ".escalation", err
	}
	if x.created, err = requiredTime(jx.Created); err != nil {
		return x, ".created", err
	}
	if x.updated, err = requiredTime(jx.Updated); err != nil {
		return x, ".updated", err
	}
	if err := validAction(a); err != nil {
		return x, "", err
	}
	x.a = a
	return x, "", nil
}

// insertAnswers inserts the answers rs of assessment id.
func insertAnswers(ctx context.Context, tx querier, id int64, rs []checklist.Response) error {
	return newAnswerRows(rs).insert(ctx, tx, id)
}

// answerRows are the values of an assessment's answers as they are bound,
// made before the assessment's id is known: the import's reading goroutine
// makes them, so that the writing one, the slower, only binds them. Most
// answers are only an answer and its time (plain): those are inserted
// with five values each, the other columns taking their defaults (empty
// texts, no risk), as binding a value costs about as much as inserting it.
type answerRows struct {
	plain, full []any // plainAnswerCols and answerCols values a row; nil for the id
}

// The values of a row of answerRows.
const plainAnswerCols, answerCols = 5, 13

func newAnswerRows(rs []checklist.Response) answerRows {
	plain := 0
	for _, r := range rs {
		if isPlainAnswer(r) {
			plain++
		}
	}
	ar := answerRows{plain: make([]any, 0, plain*plainAnswerCols), full: make([]any, 0, (len(rs)-plain)*answerCols)}
	for _, r := range rs {
		if isPlainAnswer(r) {
			ar.plain = append(ar.plain, nil, r.AreaID, r.ItemID, r.Answer.String(), fmtTime(r.AnsweredAt))
			continue
		}
		var prob, cons, serious sql.NullInt64
		var level, note sql.NullString
		if r.Risk != nil {
			prob = sql.NullInt64{Int64: int64(r.Risk.Probability), Valid: true}
			cons = sql.NullInt64{Int64: int64(r.Risk.Consequence), Valid: true}
			level = sql.NullString{String: r.Risk.Level.String(), Valid: true}
			serious = sql.NullInt64{Int64: b2i(r.Risk.Serious()), Valid: true}
			note = sql.NullString{String: r.Risk.Note, Valid: true}
		}
		ar.full = append(ar.full, nil, r.AreaID, r.ItemID, r.Answer.String(), r.Comment, r.Reason, fmtTime(r.AnsweredAt),
			prob, cons, level, serious, note, r.Measures)
	}
	return ar
}

// isPlainAnswer reports whether r has nothing but an answer and its time.
func isPlainAnswer(r checklist.Response) bool {
	return r.Comment == "" && r.Reason == "" && r.Risk == nil && r.Measures == ""
}

// insert inserts the rows as answers of assessment id, many rows to a
// statement: a call into SQLite per answer costs more than the insert.
func (ar answerRows) insert(ctx context.Context, tx querier, id int64) error {
	var boxed any = id
	for _, part := range []struct {
		args []any
		cols int
		sql  func(n int) string
	}{{ar.plain, plainAnswerCols, insertPlainAnswersSQL}, {ar.full, answerCols, insertAnswersSQL}} {
		for i := 0; i < len(part.args); i += part.cols {
			part.args[i] = boxed
		}
		for args := part.args; len(args) > 0; {
			n := min(len(args)/part.cols, answersPerStatement)
			if _, err := tx.ExecContext(ctx, part.sql(n), args[:n*part.cols]...); err != nil {
				return err
			}
			args = args[n*part.cols:]
		}
	}
	return nil
}

// answeredByArea counts the answered checklist items of each area in rs,
// as the answers' triggers of schema 7 count them: an answer that is not
// empty, own items (E1, E2, …) left out.
func answeredByArea(rs []checklist.Response) map[string]int {
	out := map[string]int{}
	for _, r := range rs {
		if r.Answer.String() != "" && !isOwnItemID(r.ItemID) {
			out[r.AreaID]++
		}
	}
	return out
}

// isOwnItemID reports whether id is an own item's (GLOB 'E[0-9]*').
func isOwnItemID(id string) bool { return len(id) >= 2 && id[0] == 'E' && id[1] >= '0' && id[1] <= '9' }

// latestByItem is, for each unit and item, the meeting of the unit's
// latest non-empty answer to it, as schema 9's latest_answers holds it:
// the newest meeting date, then the newest assessment.
type latestByItem map[latestKey]latestMeeting

type latestKey struct {
	unit       int64
	area, item string
}

type latestMeeting struct {
	date string
	id   int64
}

// note records the answers rs of assessment id, of unit at date.
func (l *latestByItem) note(unit int64, date string, id int64, rs []checklist.Response) {
	if *l == nil {
		*l = latestByItem{}
	}
	for _, r := range rs {
		if r.Answer.String() == "" {
			continue
		}
		k := latestKey{unit, r.AreaID, r.ItemID}
		if m, ok := (*l)[k]; !ok || date > m.date || (date == m.date && id > m.id) {
			(*l)[k] = latestMeeting{date, id}
		}
	}
}

// insert writes l into latest_answers, in key order, many rows to a
// statement.
func (l latestByItem) insert(ctx context.Context, tx querier) error {
	keys := make([]latestKey, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.unit != b.unit {
			return a.unit < b.unit
		}
		if a.area != b.area {
			return a.area < b.area
		}
		return a.item < b.item
	})
	for len(keys) > 0 {
		n := min(len(keys), rowsPerStatement)
		args := make([]any, 0, 5*n)
		for _, k := range keys[:n] {
			m := l[k]
			args = append(args, k.unit, k.area, k.item, m.id, m.date)
		}
		if _, err := tx.ExecContext(ctx, repeated(`INSERT INTO latest_answers (unit_id, area_id, item_id, assessment_id, meeting_date) VALUES `,
			"(?, ?, ?, ?, ?)", "", n), args...); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// answersPerStatement is how many answers insertAnswers inserts with one
// statement.
const answersPerStatement = 500

// rowsPerStatement is how many rows the import's other multi-row
// statements write at most.
const rowsPerStatement = 300

// insertAnswersSQL is the statement inserting n answers. OR FAIL: a row
// that fails ends the statement without undoing the rows before it, which
// the import's transaction undoes anyway, so that with the foreign keys
// off SQLite keeps no journal of the statement (bulkForeignKeys).
func insertAnswersSQL(n int) string {
	return repeated(`INSERT OR FAIL INTO answers (assessment_id, area_id, item_id, answer, comment, reason, answered_at,
			risk_probability, risk_consequence, risk_level, risk_serious, risk_note, measures) VALUES `,
		"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "", n)
}

// insertPlainAnswersSQL is the statement inserting n answers that have
// no comment, reason, risk or measures, OR FAIL as insertAnswersSQL.
func insertPlainAnswersSQL(n int) string {
	return repeated(`INSERT OR FAIL INTO answers (assessment_id, area_id, item_id, answer, answered_at) VALUES `,
		"(?, ?, ?, ?, ?)", "", n)
}

// repeatedTexts holds the texts repeated made.
var repeatedTexts struct {
	sync.Mutex
	m map[string]string
}

// repeated returns head, then n copies of item separated by commas, then
// tail: a statement for n rows or values. Each text is made once; an
// import runs the same few thousands of times.
func repeated(head, item, tail string, n int) string {
	key := head + "\x00" + item + "\x00" + tail + "\x00" + strconv.Itoa(n)
	repeatedTexts.Lock()
	defer repeatedTexts.Unlock()
	if q, ok := repeatedTexts.m[key]; ok {
		return q
	}
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(item)
	}
	b.WriteString(tail)
	if repeatedTexts.m == nil {
		repeatedTexts.m = map[string]string{}
	}
	repeatedTexts.m[key] = b.String()
	return b.String()
}

// importDate parses an optional date of an import file.
func importDate(s string) (checklist.Date, error) {
	if s == "" {
		return checklist.Date{}, nil
	}
	return checklist.ParseDate(s)
}
