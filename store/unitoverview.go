package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"samkoll/checklist"
)

// UnitRow is one unit on the start screen (see checklist.UnitRow).
type UnitRow = checklist.UnitRow

// UnitOverview returns the units that have assessments, latest APT first:
// what the start screen shows by unit. core lists the core area ids.
//
// It reads every unit at once, one query per kind (RecentUnits, open
// serious risks, year plans, areas taken this year), so that its cost grows with the stored answers and
// not with one round of queries per unit.
func (s *Store) UnitOverview(ctx context.Context, today checklist.Date, core []string) ([]UnitRow, error) {
	out, err := s.RecentUnits(ctx, today, 0)
	if err != nil || len(out) == 0 {
		return out, err
	}
	serious, err := s.openSeriousByUnit(ctx)
	if err != nil {
		return nil, err
	}
	plans, err := s.yearPlansByUnit(ctx, today.Year)
	if err != nil {
		return nil, err
	}
	covered, err := s.coveredByUnit(ctx, today.Year)
	if err != nil {
		return nil, err
	}
	for i := range out {
		r := &out[i]
		r.OpenSerious = serious[r.Unit.ID]
		p := plans[r.Unit.ID]
		p.UnitID, p.Year = r.Unit.ID, today.Year
		r.Core = checklist.CoreAreaStates(core, today.Year, p, covered[r.Unit.ID], today)
	}
	// sort, not slices: a generic sort copies the sorting code into the
	// binary once per element type (docs/performance.md, "Binary size").
	order := func(a, b UnitRow) int {
		if c := b.LastDate.Compare(a.LastDate); c != 0 {
			return c
		}
		return strings.Compare(unitKey(a.Unit.Name), unitKey(b.Unit.Name))
	}
	sort.SliceStable(out, func(i, j int) bool { return order(out[i], out[j]) < 0 })
	return out, nil
}

// RecentUnits returns the first n units (all for n <= 0) in the order of
// UnitOverview, with their latest APT and their open actions past due on
// today, but without the open serious
// risks and the core areas: what the start screen by unit can show in its
// first frame, at about the cost of the first page of assessments. Where
// the database holds many more units than n, the units are found by
// reading the meetings newest first until n units are seen
// (newestUnits); otherwise through each unit's meetings by date.
func (s *Store) RecentUnits(ctx context.Context, today checklist.Date, n int) ([]UnitRow, error) {
	var only any // a JSON array of the unit ids to read, or NULL for all
	if n > 0 {
		var units int
		if err := s.queryRow(ctx, "SELECT count(*) FROM units").Scan(&units); err != nil {
			return nil, err
		}
		if units > 2*n {
			ids, err := s.newestUnits(ctx, n)
			if err != nil {
				return nil, err
			}
			b, err := json.Marshal(ids)
			if err != nil {
				return nil, err
			}
			only = string(b)
		}
	} else {
		n = -1
	}
	rows, err := s.query(ctx, `SELECT p.id, p.name, p.last, p.meeting_date,
			(SELECT count(*) FROM actions x WHERE x.unit_id = p.id AND x.status IN ('planerad', 'pagar')
				AND x.due <> '' AND x.due < ?1)
		FROM (SELECT u.id, u.name, u.name_key, l.id AS last, l.meeting_date
			FROM units u JOIN assessments l ON l.id = (SELECT a.id FROM assessments a WHERE a.unit_id = u.id
				ORDER BY a.meeting_date DESC, a.id DESC LIMIT 1)
			WHERE ?3 IS NULL OR u.id IN (SELECT value FROM json_each(?3))
			ORDER BY l.meeting_date DESC, u.name_key LIMIT ?2) p
		ORDER BY p.meeting_date DESC, p.name_key`, today.String(), n, only)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UnitRow
	for rows.Next() {
		var r UnitRow
		var last string
		if err := rows.Scan(&r.Unit.ID, &r.Unit.Name, &r.LastID, &last, &r.Overdue); err != nil {
			return nil, err
		}
		if r.LastDate, err = parseDate(last); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// newestUnits returns the units of the newest meetings, read newest first
// through the date index until n units are seen, and then those whose
// latest meeting is on the same day as the n-th (the order among them is
// by name): the n units with the latest APTs are among them.
func (s *Store) newestUnits(ctx context.Context, n int) ([]int64, error) {
	rows, err := s.query(ctx, "SELECT unit_id, meeting_date FROM assessments ORDER BY meeting_date DESC, id DESC")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := map[int64]bool{}
	var ids []int64
	var cut string
	for rows.Next() {
		var unit int64
		var date string
		if err := rows.Scan(&unit, &date); err != nil {
			return nil, err
		}
		if len(ids) >= n && date < cut {
			break
		}
		if !seen[unit] {
			seen[unit] = true
			ids = append(ids, unit)
			if len(ids) == n {
				cut = date
			}
		}
	}
	return ids, rows.Err()
}

// openSeriousByUnit counts, by unit, the items whose latest answer is
// Delvis or Nej with a serious risk level after its latest re-evaluation.
// The latest answer of each item is kept by the schema (latest.go),
// so this reads one row per unit and item, not every answer ever given;
// only the shortcomings among them look up their re-evaluations.
func (s *Store) openSeriousByUnit(ctx context.Context) (map[int64]int, error) {
	rows, err := s.query(ctx, openSeriousSQL)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var unit int64
		var n int
		if err := rows.Scan(&unit, &n); err != nil {
			return nil, err
		}
		out[unit] = n
	}
	return out, rows.Err()
}

const openSeriousSQL = `WITH ` + latestCTE + ` SELECT l.unit_id, count(*) FROM latest l CROSS JOIN answers w
	WHERE w.assessment_id = l.assessment_id AND w.area_id = l.area_id AND w.item_id = l.item_id
		AND w.answer IN ('delvis', 'nej')
		AND coalesce((SELECT r.level FROM reevaluations r
			WHERE r.assessment_id = w.assessment_id AND r.area_id = w.area_id AND r.item_id = w.item_id
			ORDER BY r.evaluated_on DESC, r.created DESC, r.id DESC LIMIT 1), w.risk_level) IN ('hog', 'mycket_hog')
	GROUP BY l.unit_id`

// yearPlansByUnit returns every unit's year plan for year, each ordered as
// YearPlan orders it.
func (s *Store) yearPlansByUnit(ctx context.Context, year int) (map[int64]checklist.YearPlan, error) {
	rows, err := s.query(ctx, `SELECT unit_id, area_id, month FROM year_plans WHERE year = ?
		ORDER BY unit_id, month, area_id`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]checklist.YearPlan{}
	for rows.Next() {
		var unit int64
		var e checklist.PlanEntry
		var month int
		if err := rows.Scan(&unit, &e.AreaID, &month); err != nil {
			return nil, err
		}
		e.Month = time.Month(month)
		p := out[unit]
		p.Entries = append(p.Entries, e)
		out[unit] = p
	}
	return out, rows.Err()
}

// coveredByUnit returns, by unit and area, the first meeting date in year
// of the unit's assessments that took the area: all that
// checklist.CoreAreaStates reads of CoveredAreas.
func (s *Store) coveredByUnit(ctx context.Context, year int) (map[int64]map[string][]checklist.Date, error) {
	rows, err := s.query(ctx, `SELECT a.unit_id, r.area_id, min(a.meeting_date) FROM assessments a
		JOIN assessment_areas r ON r.assessment_id = a.id
		WHERE a.meeting_date >= ? AND a.meeting_date < ? GROUP BY a.unit_id, r.area_id`,
		fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[string][]checklist.Date{}
	for rows.Next() {
		var unit int64
		var area, date string
		if err := rows.Scan(&unit, &area, &date); err != nil {
			return nil, err
		}
		d, err := parseDate(date)
		if err != nil {
			return nil, err
		}
		if out[unit] == nil {
			out[unit] = map[string][]checklist.Date{}
		}
		out[unit][area] = []checklist.Date{d}
	}
	return out, rows.Err()
}
