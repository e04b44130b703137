package store

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"samkoll/checklist"
)

// unitOverviewPerUnit is UnitOverview as it was first written, with
// several queries per unit: the reference the set-based one is compared
// with.
func (s *Store) unitOverviewPerUnit(ctx context.Context, today checklist.Date, core []string) ([]UnitRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT u.id, u.name,
			(SELECT a2.id FROM assessments a2 WHERE a2.unit_id = u.id ORDER BY a2.meeting_date DESC, a2.id DESC LIMIT 1),
			max(a.meeting_date),
			(SELECT count(*) FROM actions x WHERE x.unit_id = u.id AND x.status IN ('planerad', 'pagar') AND x.due <> '' AND x.due < ?)
		FROM units u JOIN assessments a ON a.unit_id = u.id GROUP BY u.id`, today.String())
	if err != nil {
		return nil, err
	}
	var out []UnitRow
	for rows.Next() {
		var r UnitRow
		var last string
		if err := rows.Scan(&r.Unit.ID, &r.Unit.Name, &r.LastID, &last, &r.Overdue); err != nil {
			rows.Close()
			return nil, err
		}
		if r.LastDate, err = parseDate(last); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		r := &out[i]
		if r.OpenSerious, err = s.openSeriousOfUnit(ctx, r.Unit.ID); err != nil {
			return nil, err
		}
		p, err := s.YearPlan(ctx, r.Unit.ID, today.Year)
		if err != nil {
			return nil, err
		}
		covered, err := s.CoveredAreas(ctx, r.Unit.ID, today.Year)
		if err != nil {
			return nil, err
		}
		r.Core = checklist.CoreAreaStates(core, today.Year, p, covered, today)
	}
	slices.SortStableFunc(out, func(a, b UnitRow) int {
		if c := b.LastDate.Compare(a.LastDate); c != 0 {
			return c
		}
		return strings.Compare(unitKey(a.Unit.Name), unitKey(b.Unit.Name))
	})
	return out, nil
}

// openSeriousOfUnit counts the unit's items whose latest answer is Delvis or Nej
// with a serious risk level after its latest re-evaluation.
func (s *Store) openSeriousOfUnit(ctx context.Context, unitID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `WITH latest AS (SELECT w.assessment_id, w.area_id, w.item_id, w.answer,
			coalesce((SELECT r.level FROM reevaluations r WHERE r.assessment_id = w.assessment_id
				AND r.area_id = w.area_id AND r.item_id = w.item_id
				ORDER BY r.evaluated_on DESC, r.created DESC, r.id DESC LIMIT 1), w.risk_level) AS level,
			row_number() OVER (PARTITION BY w.area_id, w.item_id ORDER BY a.meeting_date DESC, a.id DESC) AS rn
			FROM answers w JOIN assessments a ON a.id = w.assessment_id WHERE a.unit_id = ? AND w.answer <> '')
		SELECT count(*) FROM latest WHERE rn = 1 AND answer IN ('delvis', 'nej') AND level IN ('hog', 'mycket_hog')`,
		unitID).Scan(&n)
	return n, err
}

// TestUnitOverviewMatchesPerUnit compares UnitOverview with the per-unit
// reference on demo data of many units, on several days: before, within
// and after the data's years, with and without core areas.
func TestUnitOverviewMatchesPerUnit(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	areas := demoAreas(4, 8)
	if err := FillDemoWith(ctx, s, areas, 240, 3, DemoOptions{Units: 12, Years: 2}); err != nil {
		t.Fatal(err)
	}
	// Some shortcomings re-evaluated twice: the later evaluation counts.
	rows, err := s.db.QueryContext(ctx, `SELECT w.assessment_id, w.area_id, w.item_id, a.meeting_date FROM answers w
		JOIN assessments a ON a.id = w.assessment_id WHERE w.answer IN ('delvis', 'nej') ORDER BY a.meeting_date DESC LIMIT 40`)
	if err != nil {
		t.Fatal(err)
	}
	var again []checklist.Reevaluation
	for rows.Next() {
		var e checklist.Reevaluation
		var date string
		if err := rows.Scan(&e.AssessmentID, &e.AreaID, &e.ItemID, &date); err != nil {
			t.Fatal(err)
		}
		e.On, _ = parseDate(date)
		again = append(again, e)
	}
	rows.Close()
	for i, e := range again {
		levels := [][2]int{{1, 1}, {4, 4}}
		if i%2 == 1 {
			levels[0], levels[1] = levels[1], levels[0]
		}
		for k, pc := range levels {
			e.On = e.On.AddDays(10 * (k + 1))
			e.Risk = checklist.Risk{Probability: pc[0], Consequence: pc[1]}
			if _, err := s.SaveReevaluation(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
	}
	list, err := s.ListAssessments(ctx, checklist.Today())
	if err != nil || len(list) == 0 {
		t.Fatalf("%d assessments, %v", len(list), err)
	}
	first, last := list[0].Date, list[0].Date
	for _, a := range list {
		if a.Date.Before(first) {
			first = a.Date
		}
		if last.Before(a.Date) {
			last = a.Date
		}
	}
	// Two more units whose latest APT is on the same day as the newest:
	// the order among them is by name.
	mustCreate(t, s, newAssessment("aa enhet", last.String(), "omrade2"), nil)
	mustCreate(t, s, newAssessment("Bb enhet", last.String(), "omrade1"), nil)
	core := []string{"omrade1", "omrade2", "saknas"}
	tests := []struct {
		name  string
		today checklist.Date
		core  []string
	}{
		{"before the first APT", first.AddDays(-1), core},
		{"the first APT's day", first, core},
		{"in the middle", first.AddDays(int(last.Time().Sub(first.Time()).Hours() / 48)), core},
		{"the last APT's day", last, core},
		{"a year later", last.AddDays(365), core},
		{"no core areas", last, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := s.unitOverviewPerUnit(ctx, tt.today, tt.core)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.UnitOverview(ctx, tt.today, tt.core)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) != 14 {
				t.Fatalf("reference has %d units, want 14", len(want))
			}
			if !reflect.DeepEqual(got, want) {
				for i := range min(len(got), len(want)) {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("unit %d:\n got %+v\nwant %+v", i, got[i], want[i])
					}
				}
				t.Fatalf("%d units, want %d", len(got), len(want))
			}
			// The first frame's units: the same, without what needs the
			// answers; 1 and 5 of 14 are found from the newest meetings.
			for _, n := range []int{1, 2, 5, 0} {
				page, err := s.RecentUnits(ctx, tt.today, n)
				if err != nil {
					t.Fatal(err)
				}
				short := want
				if n > 0 {
					short = want[:n]
				}
				for i := range short {
					short[i].OpenSerious, short[i].Core = 0, nil
				}
				if !reflect.DeepEqual(page, short) {
					t.Errorf("RecentUnits(%d):\n got %+v\nwant %+v", n, page, short)
				}
			}
		})
	}
	// The demo data must show what the comparison is about.
	got, _ := s.UnitOverview(ctx, last, core)
	var serious, overdue, covered, planned int
	for _, r := range got {
		serious += r.OpenSerious
		overdue += r.Overdue
		for _, c := range r.Core {
			if c.State == checklist.CoreCovered {
				covered++
			}
			if c.Planned != 0 {
				planned++
			}
		}
	}
	if serious == 0 || overdue == 0 || covered == 0 || planned == 0 {
		t.Errorf("demo data too thin: %d serious, %d overdue, %d core covered, %d planned", serious, overdue, covered, planned)
	}
}

var (
	overviewOnce sync.Once
	overviewPath string
	overviewErr  error
)

// BenchmarkUnitOverview reads the start screen by unit of 100 units with
// 3,000 assessments of 40 items; the database is built once per test
// binary. The per-unit reference runs beside it for comparison.
func BenchmarkUnitOverview(b *testing.B) {
	ctx := context.Background()
	overviewOnce.Do(func() {
		overviewPath = filepath.Join(b.TempDir(), "units.db")
		s, err := Open(ctx, overviewPath)
		if err != nil {
			overviewErr = err
			return
		}
		overviewErr = FillDemoWith(ctx, s, demoAreas(5, 8), 3000, 1, DemoOptions{Units: 100, Years: 2})
		s.Close()
	})
	if overviewErr != nil {
		b.Fatal(overviewErr)
	}
	s, err := Open(ctx, overviewPath)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	core := []string{"omrade1", "omrade2"}
	today := checklist.Today()
	for _, bb := range []struct {
		name string
		fn   func(context.Context, checklist.Date, []string) ([]UnitRow, error)
	}{{"set", s.UnitOverview}, {"perUnit", s.unitOverviewPerUnit}} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				rows, err := bb.fn(ctx, today, core)
				if err != nil || len(rows) != 100 {
					b.Fatalf("%d rows, %v", len(rows), err)
				}
			}
		})
	}
}
