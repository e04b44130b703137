package store

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samkoll/checklist"
)

var genFixtures = flag.Bool("gen-fixtures", false, "write testdata/schema-vN.db for every earlier schema version")

// fixtureData is inserted into each fixture; it uses only columns of
// schema version 1.
const fixtureData = `
INSERT INTO units (id, name, name_key, created) VALUES (1, 'Avdelning 7', 'avdelning 7', '2025-03-01T08:00:00.000000000Z');
INSERT INTO assessments (id, uid, unit_id, meeting_date, participants, safety_rep, status, created, updated)
VALUES (1, '0123456789abcdef0123456789abcdef', 1, '2025-03-01', 'chef, skyddsombud, 9 medarbetare', 1, 'avslutad',
	'2025-03-01T08:00:00.000000000Z', '2025-03-01T09:00:00.000000000Z');
INSERT INTO assessment_areas (assessment_id, area_id, version, hash, items, position)
VALUES (1, 'krankningar', 1, 'abc', 13, 0), (1, 'diskriminering', 1, 'def', 12, 1);
INSERT INTO answers (assessment_id, area_id, item_id, answer, comment, reason, answered_at,
	risk_probability, risk_consequence, risk_level, risk_serious, risk_note)
VALUES (1, 'krankningar', '3.1', 'ja', 'Känt', '', '2025-03-01T08:10:00.000000000Z', NULL, NULL, NULL, NULL, NULL),
	(1, 'krankningar', '3.2', 'nej', '', '', '2025-03-01T08:12:00.000000000Z', 3, 3, 'hog', 1, 'lagkrav'),
	(1, 'diskriminering', '4.6', 'ej_aktuellt', '', 'Berör inte oss', '2025-03-01T08:20:00.000000000Z', NULL, NULL, NULL, NULL, NULL);
INSERT INTO actions (id, uid, unit_id, assessment_id, area_id, item_id, risk, what, who, due, status, done_on,
	checked_on, effect, escalation, created, updated)
VALUES (1, 'fedcba9876543210fedcba9876543210', 1, 1, 'krankningar', '3.2', 'Alla vet inte vem man vänder sig till',
	'Sätt upp rutinen i personalrummet', 'Enhetschef', '2025-04-01', 'pagar', '', '', '', 'apt',
	'2025-03-01T08:30:00.000000000Z', '2025-03-01T08:30:00.000000000Z');
`

// buildAtVersion creates a database at path with the schema of version v
// and the fixture data.
func buildAtVersion(t *testing.T, path string, v int) {
	t.Helper()
	path, err := filepath.Abs(path) // dsn takes an absolute path
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path, false, false))
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{db: db, path: path}
	for _, m := range migrations()[:v] {
		tx, _ := db.Begin()
		if _, err := tx.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(fixtureData); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.userVersion(context.Background()); got != v {
		t.Fatalf("built version %d, want %d", got, v)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func fixturePath(v int) string { return filepath.Join("testdata", fmt.Sprintf("schema-v%d.db", v)) }

func TestGenerateFixtures(t *testing.T) {
	if !*genFixtures {
		t.Skip("run with -gen-fixtures to rewrite testdata/schema-v*.db")
	}
	for v := 1; v < SchemaVersion; v++ {
		p, _ := filepath.Abs(fixturePath(v)) // the DSN takes an absolute path
		os.Remove(p)
		buildAtVersion(t, p, v)
		os.Chmod(p, 0o644)
	}
}

func TestMigrateFromEveryEarlierVersion(t *testing.T) {
	ctx := context.Background()
	for v := 1; v < SchemaVersion; v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			orig, err := os.ReadFile(fixturePath(v))
			if err != nil {
				t.Fatalf("fixture for schema version %d missing (go test ./store -run Fixtures -gen-fixtures): %v", v, err)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "samkoll.db")
			if err := os.WriteFile(path, orig, 0o600); err != nil {
				t.Fatal(err)
			}
			// A read-only open refuses an older schema and changes nothing.
			if _, err := OpenReadOnly(ctx, path); err == nil {
				t.Fatal("OpenReadOnly accepted an older schema")
			} else if oe, ok := err.(*OpenError); !ok || oe.Kind != Older {
				t.Fatalf("OpenReadOnly: %v, want Older", err)
			}
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got, _ := s.userVersion(ctx); got != SchemaVersion {
				t.Errorf("user_version %d after migration, want %d", got, SchemaVersion)
			}
			backups, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("samkoll.db.bak-v%d-*", v)))
			if len(backups) != 1 {
				t.Fatalf("backups %v, want one", backups)
			}
			checkBackup(t, backups[0], v)
			a, err := s.LoadAssessment(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if a.Unit != "Avdelning 7" || a.Status != checklist.Avslutad || len(a.Areas) != 2 || len(a.Responses) != 3 ||
				len(a.Actions) != 1 || a.Actions[0].Status != checklist.Pagar {
				t.Errorf("migrated assessment %+v", a)
			}
			if r := a.Responses[checklist.ItemKey{AreaID: "krankningar", ItemID: "3.2"}]; r.Risk == nil || r.Risk.Level != checklist.Hog {
				t.Errorf("risk lost: %+v", r)
			}
			// Every answer keeps its text, and the cycle's new fields start
			// empty.
			for k, want := range map[string][2]string{"3.1": {"ja", "Känt"}, "3.2": {"nej", ""}, "4.6": {"ej_aktuellt", "Berör inte oss"}} {
				area := "krankningar"
				if k == "4.6" {
					area = "diskriminering"
				}
				r := a.Responses[checklist.ItemKey{AreaID: area, ItemID: k}]
				if r.Answer.String() != want[0] || r.Comment+r.Reason != want[1] || r.Measures != "" || r.AnsweredAt.IsZero() {
					t.Errorf("answer %s after migration: %+v", k, r)
				}
			}
			if len(a.OwnItems)+len(a.CarriedRisks)+len(a.Reevaluations) != 0 {
				t.Errorf("cycle data from nowhere: %+v", a)
			}
			list, err := s.ListAssessments(ctx, d("2025-03-02"))
			if err != nil || len(list) != 1 || list[0].Answered != 3 || list[0].Total != 25 || list[0].OpenActions != 1 {
				t.Errorf("summary after migration %+v, %v", list, err)
			}
			// The migrated database carries over into a new assessment.
			b := mustCreate(t, s, newAssessment("avdelning 7", "2026-03-01", "krankningar"), nil)
			if len(b.Actions) != 1 || b.Actions[0].ID != 1 {
				t.Errorf("carry-over after migration: %+v", b.Actions)
			}
			// 3.2 has an action, so no risk is carried; the previous
			// answers are those of the migrated meeting.
			prev, err := s.PreviousResponses(ctx, b.ID)
			if err != nil || len(b.CarriedRisks) != 0 || len(prev) != 3 || prev[checklist.ItemKey{AreaID: "krankningar", ItemID: "3.2"}].Level() != checklist.Hog {
				t.Errorf("cycle after migration: %+v %+v %v", b.CarriedRisks, prev, err)
			}
			// Opening again does not migrate or back up again.
			s.Close()
			s, err = Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if again, _ := filepath.Glob(filepath.Join(dir, "samkoll.db.bak-*")); len(again) != 1 {
				t.Errorf("backups after reopening: %v", again)
			}
		})
	}
}

// checkBackup checks that the backup is a complete copy at version v.
func checkBackup(t *testing.T, path string, v int) {
	t.Helper()
	wantPrivate(t, path)
	db, err := sql.Open("sqlite", dsn(path, true, false)+"&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got, answers int
	db.QueryRow("PRAGMA user_version").Scan(&got)
	db.QueryRow("SELECT count(*) FROM answers").Scan(&answers)
	if got != v || answers != 3 {
		t.Errorf("backup at version %d with %d answers, want %d and 3", got, answers, v)
	}
}

// TestSchemaVersionCountsMigrations holds the constant SchemaVersion to
// the embedded migrations: a new migration must raise it.
func TestSchemaVersionCountsMigrations(t *testing.T) {
	if n := len(migrations()); n != SchemaVersion {
		t.Errorf("%d migrations are embedded but SchemaVersion is %d", n, SchemaVersion)
	}
}

func TestMigrationsAreNumbered(t *testing.T) {
	if SchemaVersion < 2 {
		t.Fatalf("SchemaVersion %d", SchemaVersion)
	}
	for i, m := range migrations() {
		if m.version != i+1 || !strings.HasPrefix(m.name, fmt.Sprintf("%04d_", i+1)) {
			t.Errorf("migration %d is %s", i, m.name)
		}
	}
}
