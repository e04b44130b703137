package store

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"slices"

	"samkoll/checklist"
)

// ExportJSON writes the assessments with the given ids, or all of them when
// ids is nil, in the format of docs/json-format.md. Each assessment lists
// its answers and every action shown in it, its own and carried over.
func (s *Store) ExportJSON(ctx context.Context, w io.Writer, ids []int64) error {
	uids, err := s.uidMap(ctx, "assessments")
	if err != nil {
		return err
	}
	actionUIDs, err := s.uidMap(ctx, "actions")
	if err != nil {
		return err
	}
	cycle, err := s.loadCycleUIDs(ctx)
	if err != nil {
		return err
	}
	var planUnits map[int64]bool // nil: every unit's year plans
	if ids != nil {
		planUnits = map[int64]bool{}
	}
	if ids == nil {
		rows, err := s.db.QueryContext(ctx, "SELECT id FROM assessments ORDER BY meeting_date, id")
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	// The file is written one assessment at a time, so that exporting
	// years of meetings needs memory for one of them only. The bytes are
	// those of encoding a jsonFile with two-space indentation, with
	// invisible characters escaped (jsonSafeWriter).
	bw := bufio.NewWriter(&jsonSafeWriter{w: w})
	head, err := json.Marshal(struct {
		Format   string `json:"format"`
		Version  int    `json:"version"`
		Exported string `json:"exported,omitempty"`
	}{JSONFormat, JSONVersion, fmtTime(s.now())})
	if err != nil {
		return err
	}
	var hb bytes.Buffer
	if err := json.Indent(&hb, head, "", "  "); err != nil {
		return err
	}
	// hb ends with "\n}": continue the object with the assessments.
	bw.Write(bytes.TrimSuffix(hb.Bytes(), []byte("\n}")))
	bw.WriteString(",\n  \"assessments\": [")
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	for i, id := range ids {
		a, err := s.LoadAssessment(ctx, id)
		if err != nil {
			return err
		}
		_, counts, err := s.loadAreas(ctx, id)
		if err != nil {
			return err
		}
		ja := jsonAssessment{UID: uids[id], Unit: a.Unit, Date: a.Date.String(), Participants: a.Participants,
			SafetyRepPresent: a.SafetyRepPresent, Status: a.Status.String(), Created: fmtTime(a.Created),
			Updated: fmtTime(a.Updated), Areas: []jsonArea{}, Answers: []jsonAnswer{}, Actions: []jsonAction{}}
		for _, ar := range a.Areas {
			ja.Areas = append(ja.Areas, jsonArea{ID: ar.ID, Version: ar.Version, Hash: ar.Hash, Items: counts[ar.ID]})
			for _, r := range sortedResponses(a.Responses, ar.ID) {
				ja.Answers = append(ja.Answers, answerJSON(r))
			}
		}
		for _, x := range a.Actions {
			ja.Actions = append(ja.Actions, jsonAction{UID: actionUIDs[x.ID], Origin: uids[x.AssessmentID],
				Area: x.AreaID, Item: x.ItemID, Risk: x.Risk, What: x.What, Who: x.Who, Due: x.Due.String(),
				Status: x.Status.String(), DoneOn: x.DoneOn.String(), CheckedOn: x.CheckedOn.String(),
				Effect: x.Effect, Escalation: x.Escalation.String(), Created: fmtTime(x.Created), Updated: fmtTime(x.Updated)})
		}
		ja.Answers = append(ja.Answers, ownAreaAnswers(a)...)
		if err := s.exportCycle(ctx, &ja, a, uids, actionUIDs, cycle); err != nil {
			return err
		}
		if planUnits != nil {
			planUnits[a.UnitID] = true
		}
		buf.Reset()
		if err := enc.Encode(ja); err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	if len(ids) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]")
	plans, err := s.exportYearPlans(ctx, planUnits)
	if err != nil {
		return err
	}
	if len(plans) > 0 {
		pb, err := json.MarshalIndent(plans, "  ", "  ")
		if err != nil {
			return err
		}
		bw.WriteString(",\n  \"year_plans\": ")
		bw.Write(pb)
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// sortedResponses returns the responses of one area ordered by item id,
// comparing digit runs as numbers so that 3.2 comes before 3.10.
func sortedResponses(m map[checklist.ItemKey]checklist.Response, area string) []checklist.Response {
	var out []checklist.Response
	for k, r := range m {
		if k.AreaID == area {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b checklist.Response) int { return naturalCompare(a.ItemID, b.ItemID) })
	return out
}

func (s *Store) uidMap(ctx context.Context, table string) (map[int64]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, uid FROM "+table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[int64]string{}
	for rows.Next() {
		var id int64
		var uid string
		if err := rows.Scan(&id, &uid); err != nil {
			return nil, err
		}
		m[id] = uid
	}
	return m, rows.Err()
}
