package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestForeignKeyTablesAreAll keeps checkForeignKeys' list to the schema:
// every table with a foreign key but answers.
func TestForeignKeyTablesAreAll(t *testing.T) {
	s := openTest(t)
	rows, err := s.db.Query(`SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) p
		WHERE m.type = 'table' AND m.name <> 'answers' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		got = append(got, name)
	}
	want := slices.Clone(foreignKeyTables)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("tables with foreign keys %v, checkForeignKeys checks %v", got, want)
	}
}

// TestCheckForeignKeys: a row written with the keys off that refers to
// nothing is found, in each table the import writes, and a whole sample
// passes.
func TestCheckForeignKeys(t *testing.T) {
	ctx := context.Background()
	// Each insert may name the later and the earlier assessment of the
	// sample's first unit (%[1]d, %[2]d).
	for _, c := range []struct{ table, insert string }{
		{"carried_risks", "INSERT INTO carried_risks (assessment_id, from_assessment_id, area_id, item_id) VALUES (%[1]d, %[2]d, 'osa', 'saknas')"},
		{"assessment_actions", "INSERT INTO assessment_actions (assessment_id, action_id) VALUES (%[1]d, 9999)"},
		{"actions", `INSERT INTO actions (uid, unit_id, assessment_id, area_id, item_id, risk, what, who, due, status, done_on,
			checked_on, effect, escalation, created, updated) SELECT '0000000000000000000000000000abcd', unit_id, 9999,
			'', '', '', 'x', '', '', 'planerad', '', '', '', 'apt', created, updated FROM assessments WHERE id = %[1]d`},
		{"", ""},
	} {
		name := c.table
		if name == "" {
			name = "none"
		}
		t.Run(name, func(t *testing.T) {
			s := openTest(t)
			ids := fillSample(t, s)
			conn, err := s.db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
				t.Fatal(err)
			}
			defer conn.ExecContext(ctx, "PRAGMA foreign_keys = ON")
			err = s.txOn(ctx, conn, func(tx *sql.Tx) error {
				if c.insert != "" {
					if _, err := tx.ExecContext(ctx, fmt.Sprintf(c.insert, ids[1], ids[0])); err != nil {
						return err
					}
				}
				return checkForeignKeys(ctx, tx)
			})
			switch {
			case c.table == "" && err != nil:
				t.Fatalf("a consistent database fails the check: %v", err)
			case c.table != "" && (err == nil || !strings.Contains(err.Error(), c.table)):
				t.Fatalf("a row of %s that refers to nothing: %v", c.table, err)
			}
		})
	}
}

// TestImportTurnsForeignKeysBackOn: after an import into an empty database,
// which writes with the foreign keys off, every connection the store keeps
// has them on again.
func TestImportTurnsForeignKeysBackOn(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	fillSample(t, src)
	data := export(t, src, nil)
	dst := openTest(t)
	if _, err := dst.ImportJSON(ctx, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	idle := dst.db.Stats().Idle
	if idle == 0 {
		t.Fatal("no idle connection to look at")
	}
	for range idle {
		conn, err := dst.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var on int
		if err := conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&on); err != nil {
			t.Fatal(err)
		}
		if on != 1 {
			t.Fatal("a connection has its foreign keys off after the import")
		}
	}
}
