package store

import (
	"context"
	"database/sql/driver"
	"strings"

	"modernc.org/sqlite"

	"samkoll/checklist"
)

// foldFunc is the SQL function that lower-cases text as Go does
// (strings.ToLower), so that the list filter matches å, ä and ö in any
// case; SQLite's own lower() folds only A–Z.
const foldFunc = "samkoll_fold"

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(foldFunc, 1,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case string:
				return strings.ToLower(v), nil
			case []byte:
				return strings.ToLower(string(v)), nil
			case nil:
				return "", nil
			default:
				return v, nil
			}
		})
}

// listFilter matches the assessments whose unit, meeting date or
// participants contain ?1, ignoring case; an empty ?1 matches all.
const listFilter = `(?1 = '' OR instr(` + foldFunc + `(u.name || ' ' || a.meeting_date || ' ' || a.participants), ?1) > 0)`

// ListWindow returns one window of the start screen's list: the
// assessments at positions offset to offset+limit of the list sorted as
// ListAssessments sorts it, among those whose unit, meeting date or
// participants contain filter (ignoring case and the spaces around it; ""
// for all), with their progress and action counts. total is how many
// match in all. The filter is searched in SQL and only the window is read
// and summarized, so the memory used does not grow with the database;
// the time grows with offset (the rows before the window are skipped in
// index order), not with the assessments after it.
func (s *Store) ListWindow(ctx context.Context, today checklist.Date, filter string, offset, limit int) (list []Summary, total int, err error) {
	q := strings.ToLower(strings.TrimSpace(filter))
	if err := s.queryRow(ctx, `SELECT count(*) FROM assessments a JOIN units u ON u.id = a.unit_id
		WHERE `+listFilter, q).Scan(&total); err != nil {
		return nil, 0, err
	}
	if limit <= 0 || offset >= total {
		return []Summary{}, total, nil
	}
	offset = max(offset, 0)
	// The order is that of sortSummaries: newest meeting first, then the
	// unit's name key, then the newest id. The date index gives the first
	// term; SQLite sorts only within a date.
	rows, err := s.query(ctx, `SELECT a.id, a.unit_id, u.name, a.meeting_date, a.status, a.participants,
			a.safety_rep, a.updated
		FROM assessments a INDEXED BY assessments_by_date JOIN units u ON u.id = a.unit_id
		WHERE `+listFilter+`
		ORDER BY a.meeting_date DESC, u.name_key, a.id DESC LIMIT ?2 OFFSET ?3`, q, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	list = make([]Summary, 0, min(limit, total-offset))
	for rows.Next() {
		var m Summary
		var date, status, updated string
		if err := rows.Scan(&m.ID, &m.UnitID, &m.Unit, &date, &status, &m.Participants, &m.SafetyRepPresent, &updated); err != nil {
			rows.Close()
			return nil, 0, err
		}
		m.Date, _ = parseDate(date)
		m.Status, _ = checklist.ParseAssessmentStatus(status)
		m.Updated, _ = parseTime(updated)
		list = append(list, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if err := s.summarize(ctx, today, list, false); err != nil {
		return nil, 0, err
	}
	return list, total, nil
}
