package tui

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"samkoll/checklist"
)

// fakeStore is an in-memory Store for tests. It keeps assessments, units,
// responses and actions, and counts calls. Set failNext to make the next
// call fail.
type fakeStore struct {
	mu          sync.Mutex
	units       []checklist.Unit
	assessments map[int64]*checklist.Assessment
	counts      map[int64]map[string]int
	actions     map[int64]checklist.Action
	nextID      int64
	calls       map[string]int
	failNext    error
	now         time.Time
	drafts      map[int64]map[string]checklist.Draft
}

func newFakeStore() *fakeStore {
	return &fakeStore{
		assessments: map[int64]*checklist.Assessment{},
		counts:      map[int64]map[string]int{},
		actions:     map[int64]checklist.Action{},
		calls:       map[string]int{},
		now:         time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC),
	}
}

func (f *fakeStore) call(name string) error {
	f.calls[name]++
	if err := f.failNext; err != nil {
		f.failNext = nil
		return err
	}
	return nil
}

func (f *fakeStore) id() int64 { f.nextID++; return f.nextID }

func (f *fakeStore) unitID(name string) int64 {
	for _, u := range f.units {
		if strings.EqualFold(strings.TrimSpace(u.Name), strings.TrimSpace(name)) {
			return u.ID
		}
	}
	u := checklist.Unit{ID: f.id(), Name: strings.TrimSpace(name)}
	f.units = append(f.units, u)
	return u.ID
}

func (f *fakeStore) RecentAssessments(ctx context.Context, today checklist.Date, n int) ([]Summary, error) {
	list, err := f.ListAssessments(ctx, today)
	return list[:min(n, len(list))], err
}

func (f *fakeStore) ListWindow(ctx context.Context, today checklist.Date, filter string, offset, limit int) ([]Summary, int, error) {
	list, err := f.ListAssessments(ctx, today)
	if err != nil {
		return nil, 0, err
	}
	q := strings.ToLower(strings.TrimSpace(filter))
	var match []Summary
	for _, m := range list {
		if q == "" || strings.Contains(strings.ToLower(m.Unit+" "+m.Date.String()+" "+m.Participants), q) {
			match = append(match, m)
		}
	}
	offset = min(max(offset, 0), len(match))
	return match[offset:min(offset+max(limit, 0), len(match))], len(match), nil
}

func (f *fakeStore) ListAssessments(_ context.Context, today checklist.Date) ([]Summary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListAssessments"); err != nil {
		return nil, err
	}
	var out []Summary
	for _, a := range f.assessments {
		s := Summary{ID: a.ID, UnitID: a.UnitID, Unit: a.Unit, Date: a.Date, Status: a.Status,
			Participants: a.Participants, SafetyRepPresent: a.SafetyRepPresent, Areas: a.Areas, Updated: a.Updated}
		s.AreaItems = map[string]int{}
		for area, n := range f.counts[a.ID] {
			s.Total += n
			s.AreaItems[area] = n
		}
		// The own items the walk offers count on top, as the store counts them.
		for _, o := range a.OwnItems {
			if _, taken := f.counts[a.ID][o.AreaID]; taken || o.AreaID == checklist.OwnArea {
				s.Total++
			}
		}
		for _, r := range a.Responses {
			if r.Answer != checklist.Unanswered {
				s.Answered++
			}
		}
		for _, ac := range f.actionsOf(a) {
			if ac.Status.Open() {
				s.OpenActions++
				if ac.Overdue(today) {
					s.OverdueActions++
				}
			}
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Unit != out[j].Unit {
			return out[i].Unit < out[j].Unit
		}
		return out[j].Date.Before(out[i].Date)
	})
	return out, nil
}

// actionsOf returns the assessment's own actions and the unit's open
// actions from earlier assessments.
func (f *fakeStore) actionsOf(a *checklist.Assessment) []checklist.Action {
	var out []checklist.Action
	for _, ac := range f.actions {
		if ac.AssessmentID == a.ID || (ac.UnitID == a.UnitID && ac.AssessmentID < a.ID && ac.Status.Open()) {
			out = append(out, ac)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (f *fakeStore) Units(context.Context) ([]checklist.Unit, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("Units"); err != nil {
		return nil, err
	}
	return append([]checklist.Unit(nil), f.units...), nil
}

func (f *fakeStore) CreateAssessment(_ context.Context, a checklist.Assessment, counts map[string]int) (checklist.Assessment, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("CreateAssessment"); err != nil {
		return checklist.Assessment{}, err
	}
	if err := a.Validate(); err != nil {
		return checklist.Assessment{}, err
	}
	a.UnitID = f.unitID(a.Unit)
	a.ID = f.id()
	a.Created, a.Updated = f.now, f.now
	a.Responses = map[checklist.ItemKey]checklist.Response{}
	f.assessments[a.ID] = &a
	f.counts[a.ID] = counts
	return f.load(a.ID)
}

func (f *fakeStore) load(id int64) (checklist.Assessment, error) {
	a, ok := f.assessments[id]
	if !ok {
		return checklist.Assessment{}, fmt.Errorf("riskbedömning %d finns inte", id)
	}
	c := *a
	c.Responses = map[checklist.ItemKey]checklist.Response{}
	for k, r := range a.Responses {
		if r.Risk != nil {
			rk := *r.Risk
			r.Risk = &rk
		}
		c.Responses[k] = r
	}
	c.Actions = f.actionsOf(a)
	return c, nil
}

func (f *fakeStore) LoadAssessment(_ context.Context, id int64) (checklist.Assessment, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("LoadAssessment"); err != nil {
		return checklist.Assessment{}, err
	}
	return f.load(id)
}

func (f *fakeStore) UpdateAssessment(_ context.Context, a checklist.Assessment) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("UpdateAssessment"); err != nil {
		return err
	}
	old, ok := f.assessments[a.ID]
	if !ok {
		return fmt.Errorf("riskbedömning %d finns inte", a.ID)
	}
	old.Date, old.Participants, old.SafetyRepPresent, old.Status = a.Date, a.Participants, a.SafetyRepPresent, a.Status
	return nil
}

func (f *fakeStore) DeleteAssessment(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("DeleteAssessment"); err != nil {
		return err
	}
	if _, ok := f.assessments[id]; !ok {
		return fmt.Errorf("riskbedömning %d finns inte", id)
	}
	delete(f.assessments, id)
	for aid, ac := range f.actions {
		if ac.AssessmentID == id {
			delete(f.actions, aid)
		}
	}
	return nil
}

func (f *fakeStore) SaveResponse(_ context.Context, id int64, r checklist.Response) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("SaveResponse"); err != nil {
		return err
	}
	a, ok := f.assessments[id]
	if !ok {
		return fmt.Errorf("riskbedömning %d finns inte", id)
	}
	if r.Risk != nil {
		rk := *r.Risk
		r.Risk = &rk
	}
	a.Responses[r.Key()] = r
	return nil
}

func (f *fakeStore) SaveAction(_ context.Context, ac checklist.Action) (checklist.Action, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("SaveAction"); err != nil {
		return checklist.Action{}, err
	}
	if err := ac.Validate(); err != nil {
		return checklist.Action{}, err
	}
	if ac.ID == 0 {
		ac.ID = f.id()
		ac.Created = f.now
	} else if _, ok := f.actions[ac.ID]; !ok {
		return checklist.Action{}, fmt.Errorf("åtgärd %d finns inte", ac.ID)
	}
	ac.Updated = f.now
	f.actions[ac.ID] = ac
	return ac, nil
}

func (f *fakeStore) DeleteAction(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("DeleteAction"); err != nil {
		return err
	}
	if _, ok := f.actions[id]; !ok {
		return fmt.Errorf("åtgärd %d finns inte", id)
	}
	delete(f.actions, id)
	return nil
}

func (f *fakeStore) SaveDraft(_ context.Context, id int64, field, text string) (checklist.Draft, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("SaveDraft"); err != nil {
		return checklist.Draft{}, err
	}
	d := checklist.Draft{AssessmentID: id, Field: field, Text: text, Saved: f.now}
	if f.drafts == nil {
		f.drafts = map[int64]map[string]checklist.Draft{}
	}
	if f.drafts[id] == nil {
		f.drafts[id] = map[string]checklist.Draft{}
	}
	if text == "" {
		delete(f.drafts[id], field)
	} else {
		f.drafts[id][field] = d
	}
	return d, nil
}

func (f *fakeStore) DeleteDraft(ctx context.Context, id int64, field string) error {
	_, err := f.SaveDraft(ctx, id, field, "")
	return err
}

func (f *fakeStore) Drafts(_ context.Context, id int64) (map[string]checklist.Draft, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("Drafts"); err != nil {
		return nil, err
	}
	out := map[string]checklist.Draft{}
	for k, d := range f.drafts[id] {
		out[k] = d
	}
	return out, nil
}

// response returns the stored response of an item.
func (f *fakeStore) response(id int64, area, item string) checklist.Response {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.assessments[id].Responses[checklist.ItemKey{AreaID: area, ItemID: item}]
}

// fakeExporter records export calls; warning, when set, comes with each;
// personal, when set, stops every export not allowed to hold personal data.
type fakeExporter struct {
	ids      []int64
	reqs     []ExportRequest
	warning  error
	personal []string
}

func (e *fakeExporter) ExportAssessment(_ context.Context, id int64, req ExportRequest) (ExportResult, error) {
	e.reqs = append(e.reqs, req)
	if len(e.personal) > 0 && !req.AllowPersonalData {
		return ExportResult{PersonalData: e.personal}, nil
	}
	e.ids = append(e.ids, id)
	switch {
	case req.Copy:
		return ExportResult{Path: fmt.Sprintf("/tmp/protokollsutdrag-%d.md", id), Text: "# Utdrag\n\nrad två\n"}, nil
	case req.HTML:
		return ExportResult{Path: fmt.Sprintf("/tmp/handlingsplan-%d.html", id), Warning: e.warning}, nil
	}
	return ExportResult{Path: fmt.Sprintf("/tmp/handlingsplan-%d.md", id), Warning: e.warning}, nil
}
