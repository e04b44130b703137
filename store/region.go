package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"samkoll/checklist"
)

// RegionReport returns the region's picture of year: every unit with an
// assessment, counted by a handful of set-based queries whatever the
// number of units. today decides what is overdue; maxShortfalls bounds the
// list of items (0 means 10).
func (s *Store) RegionReport(ctx context.Context, year int, today checklist.Date, maxShortfalls int) (checklist.Region, error) {
	if maxShortfalls <= 0 {
		maxShortfalls = 10
	}
	lo, hi := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)
	r := checklist.Region{Year: year}
	byID := map[int64]*checklist.RegionUnit{}

	rows, err := s.db.QueryContext(ctx, `SELECT u.id, u.name, max(a.meeting_date),
			count(CASE WHEN a.meeting_date >= ?1 AND a.meeting_date < ?2 THEN 1 END),
			(SELECT count(*) FROM actions x WHERE x.unit_id = u.id AND x.status IN ('planerad', 'pagar') AND x.due <> '' AND x.due < ?3)
		FROM units u JOIN assessments a ON a.unit_id = u.id GROUP BY u.id`, lo, hi, today.String())
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var u checklist.RegionUnit
		var last string
		if err := rows.Scan(&u.Unit.ID, &u.Unit.Name, &last, &u.Meetings, &u.Overdue); err != nil {
			rows.Close()
			return r, err
		}
		if u.Last, err = parseDate(last); err != nil {
			rows.Close()
			return r, err
		}
		u.Plan = checklist.YearPlan{UnitID: u.Unit.ID, Year: year}
		u.Covered = map[string][]checklist.Date{}
		r.Units = append(r.Units, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	for i := range r.Units {
		byID[r.Units[i].Unit.ID] = &r.Units[i]
	}

	// The year plans.
	if err := s.regionRows(ctx, byID, `SELECT unit_id, area_id, month FROM year_plans WHERE year = ? ORDER BY unit_id, month, area_id`,
		func(scan unitScan) error {
			var e checklist.PlanEntry
			u, err := scan(&e.AreaID, &e.Month)
			if u != nil {
				u.Plan.Entries = append(u.Plan.Entries, e)
			}
			return err
		}, year); err != nil {
		return r, err
	}

	// The areas the year's meetings took.
	if err := s.regionRows(ctx, byID, `SELECT a.unit_id, r.area_id, a.meeting_date FROM assessment_areas r
			JOIN assessments a ON a.id = r.assessment_id
			WHERE a.meeting_date >= ? AND a.meeting_date < ? ORDER BY a.unit_id, a.meeting_date`,
		func(scan unitScan) error {
			var area, date string
			u, err := scan(&area, &date)
			if u == nil || err != nil {
				return err
			}
			d, err := parseDate(date)
			if err != nil {
				return err
			}
			u.Covered[area] = append(u.Covered[area], d)
			return nil
		}, lo, hi); err != nil {
		return r, err
	}

	// Serious risks still open: the latest answer of each of a unit's
	// items (latest_answers with the pending answers, latest.go) is a
	// shortcoming whose current level, after its latest re-evaluation, is
	// serious. Counted per unit in one query that reads one row per unit
	// and item, not every answer the units ever gave.
	if err := s.regionRows(ctx, byID, `WITH `+latestCTE+` SELECT unit_id, count(CASE WHEN acted THEN 1 END), count(CASE WHEN NOT acted THEN 1 END)
			FROM (SELECT l.unit_id AS unit_id,
					coalesce((SELECT r.level FROM reevaluations r
						WHERE r.assessment_id = w.assessment_id AND r.area_id = w.area_id AND r.item_id = w.item_id
						ORDER BY r.evaluated_on DESC, r.created DESC, r.id DESC LIMIT 1), w.risk_level, '') AS level,
					EXISTS (SELECT 1 FROM actions x WHERE x.unit_id = l.unit_id AND x.area_id = l.area_id
						AND x.item_id = l.item_id AND x.status <> 'struken') AS acted
				FROM latest l CROSS JOIN answers w
				WHERE w.assessment_id = l.assessment_id AND w.area_id = l.area_id AND w.item_id = l.item_id
					AND w.answer IN ('delvis', 'nej'))
			WHERE level IN ('hog', 'mycket_hog')
			GROUP BY unit_id`,
		func(scan unitScan) error {
			var with, without int
			u, err := scan(&with, &without)
			if u != nil {
				u.SeriousWithAction, u.SeriousWithoutAction = with, without
			}
			return err
		}); err != nil {
		return r, err
	}

	// Open actions escalated beyond the APT.
	if err := s.regionRows(ctx, byID, `SELECT x.unit_id, x.area_id, x.item_id, x.what, x.escalation, a.meeting_date, x.due
			FROM actions x JOIN assessments a ON a.id = x.assessment_id
			WHERE x.status IN ('planerad', 'pagar') AND x.escalation <> 'apt'
			ORDER BY x.unit_id, a.meeting_date, x.id`,
		func(scan unitScan) error {
			var e checklist.EscalatedAction
			var to, since, due string
			u, err := scan(&e.Area, &e.Item, &e.What, &to, &since, &due)
			if u == nil || err != nil {
				return err
			}
			if e.To, err = checklist.ParseEscalation(to); err != nil {
				return err
			}
			if e.Since, err = parseDate(since); err != nil {
				return err
			}
			if due != "" {
				if e.Due, err = parseDate(due); err != nil {
					return err
				}
			}
			u.Escalated = append(u.Escalated, e)
			return nil
		}); err != nil {
		return r, err
	}

	// The yearly follow-up, as the unit recorded it.
	// The year's meetings first (by date), each answer by its key: not
	// every unit's answer to the item over all years.
	if err := s.regionRows(ctx, byID, `SELECT a.unit_id, max(a.meeting_date) FROM assessments a CROSS JOIN answers w
			WHERE w.assessment_id = a.id AND w.area_id = ? AND w.item_id = ? AND w.answer = 'ja'
				AND a.meeting_date >= ? AND a.meeting_date < ?
			GROUP BY a.unit_id`,
		func(scan unitScan) error {
			var date string
			u, err := scan(&date)
			if u == nil || err != nil {
				return err
			}
			u.Followup, err = parseDate(date)
			return err
		}, checklist.FollowupItem.AreaID, checklist.FollowupItem.ItemID, lo, hi); err != nil {
		return r, err
	}

	// The items where most units found a shortcoming this year. Own items
	// (E1, E2 …) are the unit's own and not compared across units.
	rows, err = s.db.QueryContext(ctx, `SELECT w.area_id, w.item_id, count(DISTINCT a.unit_id),
			count(CASE WHEN w.answer = 'delvis' THEN 1 END), count(CASE WHEN w.answer = 'nej' THEN 1 END)
		FROM answers w JOIN assessments a ON a.id = w.assessment_id
		WHERE w.answer IN ('delvis', 'nej') AND a.meeting_date >= ? AND a.meeting_date < ? AND w.item_id NOT GLOB 'E[0-9]*'
		GROUP BY w.area_id, w.item_id
		ORDER BY 3 DESC, 5 DESC, 4 DESC, w.area_id, w.item_id LIMIT ?`, lo, hi, maxShortfalls)
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var f checklist.ItemShortfall
		if err := rows.Scan(&f.Item.AreaID, &f.Item.ItemID, &f.Units, &f.Delvis, &f.Nej); err != nil {
			rows.Close()
			return r, err
		}
		r.Shortfalls = append(r.Shortfalls, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}

	// sort, not slices: a generic sort copies the sorting code into the
	// binary once per element type (docs/performance.md, "Binary size").
	order := func(a, b checklist.RegionUnit) int {
		return strings.Compare(unitKey(a.Unit.Name), unitKey(b.Unit.Name))
	}
	sort.SliceStable(r.Units, func(i, j int) bool { return order(r.Units[i], r.Units[j]) < 0 })
	return r, nil
}

// unitScan scans the rest of a row whose first column is a unit id and
// returns that unit (nil for a unit not in the report).
type unitScan func(dest ...any) (*checklist.RegionUnit, error)

// regionRows runs query, whose first column is a unit id, and calls row for
// each row.
func (s *Store) regionRows(ctx context.Context, byID map[int64]*checklist.RegionUnit, query string, row func(unitScan) error, args ...any) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	scan := func(dest ...any) (*checklist.RegionUnit, error) {
		var id int64
		if err := rows.Scan(append([]any{&id}, dest...)...); err != nil {
			return nil, err
		}
		if byID == nil {
			return nil, nil
		}
		return byID[id], nil
	}
	for rows.Next() {
		if err := row(scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
