package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"samkoll/checklist"
)

// fillSample creates two assessments of one unit with answers, risks and a
// carried-over action, and one of another unit.
func fillSample(t testing.TB, s *Store) []int64 {
	t.Helper()
	ctx := context.Background()
	a := mustCreate(t, s, newAssessment("Avd 1", "2026-01-10", "krankningar", "osa"), map[string]int{"krankningar": 13, "osa": 12})
	at := time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	for _, r := range []checklist.Response{
		{AreaID: "krankningar", ItemID: "3.1", Answer: checklist.Ja, Comment: "bra \"citat\" <tag>", AnsweredAt: at},
		{AreaID: "krankningar", ItemID: "3.10", Answer: checklist.Nej, AnsweredAt: at,
			Risk: &checklist.Risk{Probability: 4, Consequence: 4, Level: checklist.MycketHog, Note: "åtgärda nu"}},
		{AreaID: "krankningar", ItemID: "3.2", Answer: checklist.Delvis, AnsweredAt: at, Risk: &checklist.Risk{Level: checklist.Hog}},
		{AreaID: "osa", ItemID: "2.1", Answer: checklist.EjAktuellt, Reason: "Ingen nattjour", AnsweredAt: at},
	} {
		if err := s.SaveResponse(ctx, a.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, AreaID: "krankningar", ItemID: "3.10", Risk: "Risk", What: "Öppen",
		Who: "Chef", Due: d("2026-02-01"), Escalation: checklist.EscChef})
	mustAction(t, s, checklist.Action{AssessmentID: a.ID, What: "Klar", Status: checklist.Klar, CheckedOn: d("2026-01-20"), Effect: "ja"})
	b := mustCreate(t, s, newAssessment("Avd 1", "2026-05-10", "krankningar"), map[string]int{"krankningar": 13})
	mustAction(t, s, checklist.Action{AssessmentID: b.ID, What: "Egen"})
	c := mustCreate(t, s, newAssessment("Avd 2", "2026-03-01", "osa"), map[string]int{"osa": 12})
	fillCycle(t, s, a, b)
	return []int64{a.ID, b.ID, c.ID}
}

func export(t testing.TB, s *Store, ids []int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportJSON(context.Background(), &buf, ids); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// dump returns the whole database content as comparable text, without
// row ids.
func dump(t testing.TB, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT name, name_key FROM units ORDER BY name_key",
		`SELECT a.uid, u.name, meeting_date, participants, safety_rep, status, a.created, updated FROM assessments a
			JOIN units u ON u.id = a.unit_id ORDER BY a.uid`,
		`SELECT a.uid, area_id, version, hash, items, position FROM assessment_areas r
			JOIN assessments a ON a.id = r.assessment_id ORDER BY a.uid, position`,
		`SELECT a.uid, area_id, item_id, answer, comment, reason, answered_at, risk_probability, risk_consequence,
			risk_level, risk_serious, risk_note FROM answers w JOIN assessments a ON a.id = w.assessment_id
			ORDER BY a.uid, area_id, item_id`,
		`SELECT x.uid, u.name, a.uid, area_id, item_id, risk, what, who, due, x.status, done_on, checked_on, effect,
			escalation, x.created, x.updated FROM actions x JOIN units u ON u.id = x.unit_id
			JOIN assessments a ON a.id = x.assessment_id ORDER BY x.uid`,
		`SELECT a.uid, x.uid FROM assessment_actions l JOIN assessments a ON a.id = l.assessment_id
			JOIN actions x ON x.id = l.action_id ORDER BY a.uid, x.uid`,
		`SELECT a.uid, w.area_id, w.item_id, measures FROM answers w JOIN assessments a ON a.id = w.assessment_id
			WHERE measures <> '' ORDER BY a.uid, area_id, item_id`,
		`SELECT o.uid, u.name, coalesce(a.uid, ''), since, o.area_id, o.item_id, statement, guidance, retired, o.created, o.updated
			FROM own_items o JOIN units u ON u.id = o.unit_id LEFT JOIN assessments a ON a.id = o.assessment_id ORDER BY o.uid`,
		`SELECT a.uid, f.uid, c.area_id, c.item_id FROM carried_risks c JOIN assessments a ON a.id = c.assessment_id
			JOIN assessments f ON f.id = c.from_assessment_id ORDER BY a.uid, f.uid, c.area_id, c.item_id`,
		`SELECT r.uid, a.uid, r.area_id, r.item_id, coalesce(x.uid, ''), evaluated_on, probability, consequence, level, serious,
			note, r.created FROM reevaluations r JOIN assessments a ON a.id = r.assessment_id
			LEFT JOIN actions x ON x.id = r.action_id ORDER BY r.uid`,
		`SELECT u.name, year, area_id, month FROM year_plans p JOIN units u ON u.id = p.unit_id ORDER BY u.name_key, year, area_id`,
	} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			b.WriteString(strings.TrimSpace(strings.ReplaceAll(fmtRow(vals), "\n", " ")) + "\n")
		}
		rows.Close()
		b.WriteString("--\n")
	}
	return b.String()
}

func fmtRow(vals []any) string {
	j, _ := json.Marshal(vals)
	return string(j)
}

func TestJSONRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	fillSample(t, src)
	data := export(t, src, nil)

	dst := openTest(t)
	res, err := dst.ImportJSON(ctx, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := ImportResult{UnitsCreated: 2, AssessmentsCreated: 3, ActionsCreated: 4}
	if res != want {
		t.Errorf("first import %+v, want %+v", res, want)
	}
	if got, want := dump(t, dst), dump(t, src); got != want {
		t.Errorf("imported database differs:\n%s\nwant\n%s", got, want)
	}
	if again := export(t, dst, nil); !bytes.Equal(stripExported(again), stripExported(data)) {
		t.Errorf("re-export differs:\n%s\nwant\n%s", again, data)
	}
	// Importing again changes nothing.
	before := dump(t, dst)
	res, err = dst.ImportJSON(ctx, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want = ImportResult{AssessmentsUnchanged: 3, ActionsUnchanged: 4}
	if res != want {
		t.Errorf("second import %+v, want %+v", res, want)
	}
	if after := dump(t, dst); after != before {
		t.Errorf("second import changed the database:\n%s\nwas\n%s", after, before)
	}
}

func stripExported(b []byte) []byte {
	var m map[string]any
	json.Unmarshal(b, &m)
	delete(m, "exported")
	out, _ := json.Marshal(m)
	return out
}

func TestJSONImportMergesNewer(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := fillSample(t, s)
	old := export(t, s, nil)
	a, _ := s.LoadAssessment(ctx, ids[0])
	// Change one answer and close the open action after the export.
	s.now = func() time.Time { return time.Now().Add(time.Hour) }
	if err := s.SaveResponse(ctx, a.ID, checklist.Response{AreaID: "osa", ItemID: "2.2", Answer: checklist.Ja}); err != nil {
		t.Fatal(err)
	}
	x := a.Actions[0]
	x.Status = checklist.Klar
	mustAction(t, s, x)
	newer := export(t, s, nil)

	// Importing the old file keeps the newer data.
	before := dump(t, s)
	if _, err := s.ImportJSON(ctx, bytes.NewReader(old)); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, s); after != before {
		t.Errorf("old file overwrote newer data")
	}
	// A database that has the old state takes the newer file's changes.
	other := openTest(t)
	if _, err := other.ImportJSON(ctx, bytes.NewReader(old)); err != nil {
		t.Fatal(err)
	}
	res, err := other.ImportJSON(ctx, bytes.NewReader(newer))
	if err != nil {
		t.Fatal(err)
	}
	if res.AssessmentsUpdated != 1 || res.ActionsUpdated != 1 || res.AssessmentsCreated != 0 || res.ActionsCreated != 0 {
		t.Errorf("merge result %+v", res)
	}
	if got, want := dump(t, other), dump(t, s); got != want {
		t.Errorf("after merge:\n%s\nwant\n%s", got, want)
	}
}

func TestJSONExportOneAssessment(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := fillSample(t, s)
	// The second assessment shows the first one's open action, whose origin
	// is not in the file: it is imported as the second one's own.
	data := export(t, s, ids[1:2])
	dst := openTest(t)
	res, err := dst.ImportJSON(ctx, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if res.AssessmentsCreated != 1 || res.ActionsCreated != 2 {
		t.Errorf("result %+v", res)
	}
	list, _ := dst.ListAssessments(ctx, d("2026-01-01"))
	// Thirteen checklist items, and the unit's own items the file carried.
	got, err := dst.LoadAssessment(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].OpenActions != 2 || len(got.OwnItems) == 0 || list[0].Total != 13+len(got.OwnItems) {
		t.Errorf("imported %+v with own items %+v", list, got.OwnItems)
	}
	if err := s.ExportJSON(ctx, &bytes.Buffer{}, []int64{999}); !errors.Is(err, ErrNotFound) {
		t.Errorf("export of unknown id: %v", err)
	}
}

// sampleEditor exports the sample data as JSON (good) and returns edit,
// which gives that file changed by f.
func sampleEditor(t *testing.T) (good string, edit func(f func(m map[string]any)) string) {
	t.Helper()
	src := openTest(t)
	fillSample(t, src)
	good = string(export(t, src, nil))
	return good, func(f func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal([]byte(good), &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, _ := json.MarshalIndent(m, "", "  ")
		return string(b)
	}
}

// fileAssessment is assessment i of a JSON file read into m; fileElem is
// element i of the list under key in m.
func fileAssessment(m map[string]any, i int) map[string]any {
	return m["assessments"].([]any)[i].(map[string]any)
}

func fileElem(m map[string]any, key string, i int) map[string]any {
	return m[key].([]any)[i].(map[string]any)
}

func TestJSONImportRejects(t *testing.T) {
	ctx := context.Background()
	good, edit := sampleEditor(t)
	tests := []struct {
		name, file, want string
	}{
		{"empty", "", "filen är tom"},
		{"syntax", "{\n  \"format\": \"samkoll\",\n  \"version\": 1,,\n}", "rad 3, kolumn 16"},
		{"cut off", good[:len(good)/2], "filen tar slut"},
		{"own item missing", edit(func(m map[string]any) { delete(fileAssessment(m, 0), "own_items") }), "finns inte i own_items"},
		{"bad own item id", edit(func(m map[string]any) { fileElem(fileAssessment(m, 0), "own_items", 0)["item"] = "X1" }), `ogiltigt id för egen punkt "X1"`},
		{"own item copies differ", edit(func(m map[string]any) { fileElem(fileAssessment(m, 2), "own_items", 0)["statement"] = "Annat" }),
			"assessments[2].own_items[0]: den egna punkten"},
		{"reevaluation level", edit(func(m map[string]any) {
			answers := fileAssessment(m, 0)["answers"].([]any)
			fileElem(answers[len(answers)-1].(map[string]any), "reevaluations", 0)["serious"] = true
		}), "reevaluations[0].serious"},
		{"carried into itself", edit(func(m map[string]any) {
			fileElem(fileAssessment(m, 2), "carried_risks", 0)["origin"] = fileAssessment(m, 2)["uid"]
		}), "assessments[2].carried_risks[0].origin"},
		{"bad plan month", edit(func(m map[string]any) { fileElem(fileElem(m, "year_plans", 0), "areas", 0)["month"] = 13 }), "ogiltig månad 13"},
		{"trailing data", good + "{}", "extra data"},
		{"unknown field", strings.Replace(good, `"format"`, `"formatt": 1, "format"`, 1), `okänt fält "formatt"`},
		{"wrong type", strings.Replace(good, `"version": 2`, `"version": "2"`, 1), "fel typ för version"},
		{"other format", edit(func(m map[string]any) { m["format"] = "oira" }), "format:"},
		{"newer version", edit(func(m map[string]any) { m["version"] = 3 }), "version: filen kommer från en nyare samkoll (format version 3"},
		{"bad answer", edit(func(m map[string]any) { fileElem(fileAssessment(m, 0), "answers", 1)["answer"] = "kanske" }),
			`assessments[0].answers[1].answer: okänt svar "kanske"`},
		{"answer outside areas", edit(func(m map[string]any) { fileElem(fileAssessment(m, 0), "answers", 0)["area"] = "brand" }),
			"assessments[0].answers[0].area"},
		{"duplicate answer", edit(func(m map[string]any) {
			a := fileAssessment(m, 0)
			a["answers"] = append(a["answers"].([]any), a["answers"].([]any)[0])
		}), "assessments[0].answers[6]: punkt"},
		{"level mismatch", edit(func(m map[string]any) {
			fileElem(fileAssessment(m, 0), "answers", 1)["risk"].(map[string]any)["level"] = "lag"
		}), "assessments[0].answers[1].risk"},
		{"serious mismatch", edit(func(m map[string]any) {
			fileElem(fileAssessment(m, 0), "answers", 1)["risk"].(map[string]any)["serious"] = false
		}), "assessments[0].answers[1].risk.serious"},
		{"bad date", edit(func(m map[string]any) { fileAssessment(m, 2)["date"] = "2026-02-30" }), "assessments[2].date"},
		{"no unit", edit(func(m map[string]any) { fileAssessment(m, 1)["unit"] = " " }), "assessments[1].unit"},
		{"no areas", edit(func(m map[string]any) { fileAssessment(m, 1)["areas"] = []any{} }), "assessments[1].areas"},
		{"bad uid", edit(func(m map[string]any) { fileAssessment(m, 1)["uid"] = "x" }), "assessments[1].uid"},
		{"duplicate uid", edit(func(m map[string]any) { fileAssessment(m, 1)["uid"] = fileAssessment(m, 0)["uid"] }), "samma uid som assessments[0]"},
		{"bad action status", edit(func(m map[string]any) { fileElem(fileAssessment(m, 0), "actions", 0)["status"] = "typ klar" }),
			"assessments[0].actions[0].status"},
		{"empty action", edit(func(m map[string]any) { fileElem(fileAssessment(m, 0), "actions", 0)["what"] = "" }), "assessments[0].actions[0]"},
		{"conflicting copies", edit(func(m map[string]any) { fileElem(fileAssessment(m, 2), "actions", 0)["what"] = "annat" }),
			"assessments[2].actions[0]: åtgärden"},
		{"bad time", edit(func(m map[string]any) { fileAssessment(m, 0)["updated"] = "igår" }), "assessments[0].updated"},
		// The last assessment is broken: nothing of the earlier ones may
		// be written.
		{"error at the end", edit(func(m map[string]any) { fileAssessment(m, 2)["status"] = "klar" }), "assessments[2].status"},
		{"duplicate area", edit(func(m map[string]any) {
			a := fileAssessment(m, 0)
			a["areas"] = append(a["areas"].([]any), a["areas"].([]any)[0])
		}), `assessments[0].areas[2].id: området "krankningar" förekommer två gånger`},
		{"bad risk", edit(func(m map[string]any) {
			fileElem(fileAssessment(m, 0), "answers", 1)["risk"].(map[string]any)["probability"] = 7
		}), "assessments[0].answers[1].risk: sannolikhet 7"},
		{"bad due date", edit(func(m map[string]any) { fileElem(fileAssessment(m, 0), "actions", 0)["due"] = "2026-13-01" }),
			`assessments[0].actions[0].due: ogiltigt datum "2026-13-01"`},
	}
	// English messages, in part; every rejection must have one.
	english := map[string]string{
		"empty":                  "the file is empty",
		"syntax":                 "invalid JSON: invalid character",
		"cut off":                "the file ends in the middle",
		"trailing data":          "invalid JSON: extra data after the end",
		"unknown field":          `unknown field "formatt"`,
		"wrong type":             "wrong type for version: string instead of int",
		"other format":           `"oira" is not a samkoll file (expected "samkoll")`,
		"newer version":          "the file comes from a newer samkoll (format version 3; this version reads up to 2)",
		"bad answer":             `unknown answer "kanske" (ja, delvis, nej, ej_aktuellt)`,
		"duplicate answer":       "answered twice",
		"level mismatch":         `serious true does not match the level "lag"`,
		"bad date":               `invalid date "2026-02-30": write YYYY-MM-DD`,
		"no unit":                "the unit has no name",
		"no areas":               "no areas (choose at least one)",
		"bad uid":                `invalid uid "x"`,
		"own item missing":       `the own item "E1" is not in own_items`,
		"bad own item id":        `invalid own item id "X1" (E1, E2, ...)`,
		"own item copies differ": "occurs several times with different content",
		"reevaluation level":     `serious true does not match the level "lag"`,
		"carried into itself":    "a risk cannot be carried into its own assessment",
		"bad plan month":         "invalid month 13",
		"duplicate uid":          "the same uid as assessments[0]",
		"bad action status":      `unknown status "typ klar" (planerad, pagar, klar, struken)`,
		"empty action":           "the action has no text (what is to be done?)",
		"bad time":               `invalid time "igår" (RFC 3339`,
		"error at the end":       `unknown status "klar" (pagaende, avslutad)`,
		"duplicate area":         `the area "krankningar" occurs twice`,
		"bad risk":               "probability 7: must be 1–4",
		"bad due date":           `invalid date "2026-13-01"`,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			before := dump(t, s)
			_, err := s.ImportJSON(ctx, strings.NewReader(tt.file))
			if err == nil {
				t.Fatal("accepted")
			}
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v, want *ImportError", err, err)
			}
			en := ie.Message(checklist.English)
			if en == ie.Msg.SV || !strings.Contains(err.Error(), ie.Message(checklist.Swedish)) {
				t.Errorf("English %q, Swedish %q, Error() %q", en, ie.Msg.SV, err)
			}
			if w := swedishWords.FindString(quotedValue.ReplaceAllString(en, `""`)); w != "" {
				t.Errorf("English message %q has the Swedish word %q", en, w)
			}
			if want := english[tt.name]; !strings.Contains(en, want) {
				t.Errorf("English message %q, want it to contain %q", en, want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			if after := dump(t, s); after != before {
				t.Errorf("database changed by a rejected import:\n%s", after)
			}
		})
	}
}

// swedishWords are words that show a Swedish message leaked into English.
var swedishWords = regexp.MustCompile(`(?i)\b(saknas|saknar|måste|finns|okänd|okänt|ogiltig|ogiltigt|felaktig|inte|eller|skriv|filen|fältet|området|punkt|punkten|rad|redan|och|tid|stöds|samma|stämmer|två gånger)\b`)

// quotedValue matches a quoted value, which repeats the file's own text.
var quotedValue = regexp.MustCompile(`"[^"]*"`)

func FuzzImportJSON(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "import", "*.json"))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	src := openTest(f)
	fillSample(f, src)
	f.Add(export(f, src, nil))
	f.Add([]byte(`{"format":"samkoll","version":1,"assessments":[]}`))
	f.Add([]byte(`{"format":"samkoll","version":1,"assessments":[{"uid":"00000000"}]}`))
	f.Add([]byte(`[]`))
	s := openTest(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		before := dump(t, s)
		res, err := s.ImportJSON(ctx, bytes.NewReader(data))
		if err != nil {
			if after := dump(t, s); after != before {
				t.Fatalf("failed import %v changed the database", err)
			}
			return
		}
		// A successful import is idempotent.
		mid := dump(t, s)
		res2, err := s.ImportJSON(ctx, bytes.NewReader(data))
		if err != nil {
			t.Fatalf("second import failed: %v (first %+v)", err, res)
		}
		if res2.AssessmentsCreated+res2.ActionsCreated+res2.UnitsCreated+res2.AssessmentsUpdated+res2.ActionsUpdated != 0 {
			t.Fatalf("second import changed something: %+v", res2)
		}
		if after := dump(t, s); after != mid {
			t.Fatal("second import changed the database")
		}
	})
}

// fillCycle adds the SAM cycle to the sample: measures in place, an own
// item in the unit's own area and one in a checklist area (one retired), a
// re-evaluation after an action, and year plans; a's 3.2 (Delvis, hög, no
// action) is carried into b.
func fillCycle(t testing.TB, s *Store, a, b checklist.Assessment) {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2026, 1, 10, 9, 30, 0, 0, time.UTC)
	e1, err := s.SaveOwnItem(ctx, checklist.OwnItem{AssessmentID: a.ID, AreaID: checklist.OwnArea, Statement: "Vi hinner äta lunch.", Guidance: "Raster"})
	if err != nil {
		t.Fatal(err)
	}
	e2, err := s.SaveOwnItem(ctx, checklist.OwnItem{AssessmentID: a.ID, AreaID: "krankningar", Statement: "Vi hälsar."})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []checklist.Response{
		{AreaID: checklist.OwnArea, ItemID: e1.ItemID, Answer: checklist.Nej, AnsweredAt: at, Measures: "Lunchrum finns",
			Risk: &checklist.Risk{Probability: 3, Consequence: 2, Level: checklist.Medel}},
		{AreaID: "krankningar", ItemID: e2.ItemID, Answer: checklist.Ja, AnsweredAt: at, Measures: "Rad ett\nrad två"},
	} {
		if err := s.SaveResponse(ctx, a.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	x := mustAction(t, s, checklist.Action{AssessmentID: a.ID, AreaID: checklist.OwnArea, ItemID: e1.ItemID, What: "Schemalägg lunch",
		Status: checklist.Klar, CheckedOn: d("2026-02-01"), Effect: "ja"})
	if _, err := s.SaveReevaluation(ctx, checklist.Reevaluation{AssessmentID: a.ID, AreaID: checklist.OwnArea, ItemID: e1.ItemID,
		ActionID: x.ID, On: d("2026-02-01"), Risk: checklist.Risk{Probability: 1, Consequence: 2, Note: "Bättre"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RetireOwnItem(ctx, e2.ID, d("2026-03-01")); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveYearPlan(ctx, checklist.YearPlan{UnitID: a.UnitID, Year: 2026, Entries: []checklist.PlanEntry{
		{AreaID: "krankningar", Month: 1}, {AreaID: "osa", Month: 5}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveYearPlan(ctx, checklist.YearPlan{UnitID: a.UnitID, Year: 2027, Entries: []checklist.PlanEntry{{AreaID: "osa", Month: 2}}}); err != nil {
		t.Fatal(err)
	}
	if lb, err := s.LoadAssessment(ctx, b.ID); err != nil || len(lb.CarriedRisks) != 1 {
		t.Fatalf("sample carries %+v, %v", lb.CarriedRisks, err)
	}
}

func TestJSONVersion1StillImports(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	f, err := os.Open(filepath.Join("testdata", "export-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := s.ImportJSON(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if res.AssessmentsCreated != 1 || res.ActionsCreated != 1 {
		t.Errorf("result %+v", res)
	}
	list, _ := s.ListAssessments(ctx, d("2026-03-15"))
	a, err := s.LoadAssessment(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	r := a.Responses[key("krankningar", "3.2")]
	if len(a.Responses) != 3 || r.Risk == nil || r.Risk.Level != checklist.Hog || r.Comment != "Rutinen är okänd för nya" || r.Measures != "" {
		t.Errorf("imported %+v", a.Responses)
	}
	// Exported again it is a version 2 file that imports unchanged.
	data := export(t, s, nil)
	if !bytes.Contains(data, []byte(`"version": 2`)) {
		t.Errorf("re-export is not version 2:\n%s", data)
	}
	if res, err := s.ImportJSON(ctx, bytes.NewReader(data)); err != nil || res.AssessmentsUnchanged != 1 {
		t.Errorf("re-import %+v %v", res, err)
	}
}

func TestJSONImportKeepsCarriedLinksWhenReplacing(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := fillSample(t, s)
	// Another copy of the first assessment, updated later elsewhere.
	other := openTest(t)
	if _, err := other.ImportJSON(ctx, bytes.NewReader(export(t, s, nil))); err != nil {
		t.Fatal(err)
	}
	otherList, _ := other.ListAssessments(ctx, d("2026-06-01"))
	var first int64
	for _, m := range otherList {
		if m.Date == d("2026-01-10") {
			first = m.ID
		}
	}
	other.now = func() time.Time { return time.Now().Add(time.Hour) }
	if err := other.SaveResponse(ctx, first, checklist.Response{AreaID: "krankningar", ItemID: "3.1", Answer: checklist.Delvis}); err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportJSON(ctx, bytes.NewReader(export(t, other, []int64{first})))
	if err != nil || res.AssessmentsUpdated != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	b, err := s.LoadAssessment(ctx, ids[1])
	if err != nil || len(b.CarriedRisks) != 1 || b.CarriedRisks[0].Response.ItemID != "3.2" {
		t.Errorf("carried risks of the later assessment after replacing the earlier: %+v %v", b.CarriedRisks, err)
	}
	a, _ := s.LoadAssessment(ctx, ids[0])
	if len(a.Reevaluations) != 1 || a.Responses[key("krankningar", "3.1")].Answer != checklist.Delvis {
		t.Errorf("replaced assessment %+v %+v", a.Reevaluations, a.Responses)
	}
}

// TestImportForwardReferences imports the sample with its assessments in
// reverse order, so that carried-over actions, carried risks and
// re-evaluations name assessments and actions that come later in the
// file: the import is read as a stream, and what it cannot resolve when
// it meets it is settled at the end. The result is the same database.
func TestImportForwardReferences(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	fillSample(t, src)
	data := export(t, src, nil)
	dst := openTest(t)
	res, err := dst.ImportJSON(ctx, bytes.NewReader(reversedAssessments(t, data)))
	if err != nil {
		t.Fatal(err)
	}
	if want := (ImportResult{UnitsCreated: 2, AssessmentsCreated: 3, ActionsCreated: 4}); res != want {
		t.Errorf("import %+v, want %+v", res, want)
	}
	if again := export(t, dst, nil); !bytes.Equal(stripExported(again), stripExported(data)) {
		t.Errorf("re-export differs:\n%s\nwant\n%s", again, data)
	}
}

// reversedAssessments returns the export data with its assessments in the
// opposite order: every action and carried risk then refers forward.
func reversedAssessments(t *testing.T, data []byte) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	slices.Reverse(m["assessments"].([]any))
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEmptyImportKeepsWhatTriggersKeep imports the same file into an empty
// database, where the answers' triggers and secondary indexes are set
// aside and what they keep is made at the end, and into one that already
// holds an assessment, where the triggers run for each answer: the answered
// counts and the latest answers agree, and the triggers and indexes are
// back. Neither database has actions, so both insert the file's actions
// many to a statement, the second looking up their origins in the
// database as well: the actions and their links agree.
func TestEmptyImportKeepsWhatTriggersKeep(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	if err := FillDemo(ctx, src, demoAreas(3, 10), 40, 7); err != nil {
		t.Fatal(err)
	}
	fillSample(t, src)
	data := export(t, src, nil)
	for _, file := range []struct {
		name string
		data []byte
	}{{"in date order", data}, {"reversed", reversedAssessments(t, data)}, {"a re-evaluation twice", reevaluationTwice(t, data)},
		{"an action after its re-evaluation", actionAfterReevaluation(t, data)}} {
		t.Run(file.name, func(t *testing.T) {
			s := compareEmptyAndBusyImport(t, file.data)
			// Beside the comparison, what both must hold.
			var notes, unlinked int
			if err := s.db.QueryRow(`SELECT count(*) FILTER (WHERE note = 'en annan anteckning'),
				count(*) FILTER (WHERE action_id IS NULL) FROM reevaluations`).Scan(&notes, &unlinked); err != nil {
				t.Fatal(err)
			}
			if notes != 0 {
				t.Error("the second listing of a re-evaluation replaced the first")
			}
			if file.name == "an action after its re-evaluation" && unlinked != 0 {
				t.Errorf("%d re-evaluations without their action", unlinked)
			}
		})
	}
}

// reevaluationTwice returns data with the first re-evaluation also listed,
// with another note and no action, under an answer of the last assessment
// that has one: the first listing is the one kept.
func reevaluationTwice(t *testing.T, data []byte) []byte {
	t.Helper()
	var f jsonFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	var first *jsonReeval
	for i := range f.Assessments {
		for j := range f.Assessments[i].Answers {
			if r := f.Assessments[i].Answers[j].Reevaluations; first == nil && len(r) > 0 {
				first = &r[0]
			}
		}
	}
	if first == nil {
		t.Fatal("no re-evaluation in the file")
	}
	again := *first
	again.Note, again.Action = "en annan anteckning", ""
	for i := len(f.Assessments) - 1; i >= 0; i-- {
		for j := range f.Assessments[i].Answers {
			if a := &f.Assessments[i].Answers[j]; a.Risk != nil && (len(a.Reevaluations) == 0 || &a.Reevaluations[0] != first) {
				a.Reevaluations = append(a.Reevaluations, again)
				out, err := json.Marshal(f)
				if err != nil {
					t.Fatal(err)
				}
				return out
			}
		}
	}
	t.Fatal("no answer with a risk in the file")
	return nil
}

// actionAfterReevaluation returns data with the action of the first
// re-evaluation that has one listed only by the last assessment that
// lists it, after the re-evaluation.
func actionAfterReevaluation(t *testing.T, data []byte) []byte {
	t.Helper()
	var f jsonFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	action, at := "", -1
	for i := range f.Assessments {
		for _, a := range f.Assessments[i].Answers {
			for _, r := range a.Reevaluations {
				if action == "" && r.Action != "" {
					action, at = r.Action, i
				}
			}
		}
	}
	last := -1
	for i := range f.Assessments {
		for _, x := range f.Assessments[i].Actions {
			if x.UID == action {
				last = i
			}
		}
	}
	if action == "" || last <= at {
		t.Fatalf("no re-evaluation whose action is listed after it (action %q at %d, last listed at %d)", action, at, last)
	}
	for i := range f.Assessments[:last] {
		f.Assessments[i].Actions = slices.DeleteFunc(f.Assessments[i].Actions, func(x jsonAction) bool { return x.UID == action })
	}
	out, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// compareEmptyAndBusyImport imports data into an empty database and into
// one with an assessment of another unit, compares what the answers'
// triggers keep, the actions, their links and the re-evaluations, and
// returns the database that was empty.
func compareEmptyAndBusyImport(t *testing.T, data []byte) *Store {
	ctx := context.Background()
	empty, busy := openTest(t), openTest(t)
	mustCreate(t, busy, newAssessment("Annan enhet", "2020-01-01", "omrade1"), map[string]int{"omrade1": 10})
	schema := func(s *Store) string {
		return dumpQuery(t, s, "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name")
	}
	before := schema(empty)
	for _, s := range []*Store{empty, busy} {
		if _, err := s.ImportJSON(ctx, bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
	}
	if after := schema(empty); after != before {
		t.Errorf("indexes and triggers after the import:\n%s\nwant\n%s", after, before)
	}
	for _, q := range []string{
		`SELECT a.uid, r.area_id, r.answered FROM assessment_areas r JOIN assessments a ON a.id = r.assessment_id
			JOIN units u ON u.id = a.unit_id WHERE u.name <> 'Annan enhet' ORDER BY 1, 2`,
		`SELECT u.name, l.area_id, l.item_id, a.uid, l.meeting_date FROM latest_answers l JOIN units u ON u.id = l.unit_id
			JOIN assessments a ON a.id = l.assessment_id WHERE u.name <> 'Annan enhet' ORDER BY 1, 2, 3`,
		`SELECT x.uid, u.name, a.uid, x.area_id, x.item_id, x.what, x.status, x.due, x.updated FROM actions x
			JOIN units u ON u.id = x.unit_id JOIN assessments a ON a.id = x.assessment_id ORDER BY 1`,
		`SELECT a.uid, x.uid FROM assessment_actions l JOIN assessments a ON a.id = l.assessment_id
			JOIN actions x ON x.id = l.action_id ORDER BY 1, 2`,
		`SELECT r.uid, a.uid, r.area_id, r.item_id, coalesce(x.uid, ''), r.evaluated_on, r.probability, r.consequence,
			r.level, r.serious, r.note, r.created FROM reevaluations r JOIN assessments a ON a.id = r.assessment_id
			LEFT JOIN actions x ON x.id = r.action_id ORDER BY 1`,
	} {
		got, want := dumpQuery(t, empty, q), dumpQuery(t, busy, q)
		if got != want {
			t.Errorf("%s\nempty database:\n%s\nwith triggers:\n%s", q, got, want)
		}
		if strings.Count(want, "\n") < 10 {
			t.Errorf("too few rows to compare:\n%s", want)
		}
	}
	return empty
}

// dumpQuery returns the rows of q as text.
func dumpQuery(t *testing.T, s *Store, q string) string {
	t.Helper()
	rows, err := s.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		b.WriteString(fmtRow(vals) + "\n")
	}
	return b.String()
}

// An import into an empty database prepares its statements without CHECK
// constraints (the validator checks the answers' values; checkConstraints
// the other tables): afterwards the constraints hold again, and a value
// the validator let through in another table is caught.
func TestEmptyImportChecksConstraints(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	if err := FillDemo(ctx, src, demoAreas(2, 6), 5, 3); err != nil {
		t.Fatal(err)
	}
	dst := openTest(t)
	if _, err := dst.ImportJSON(ctx, bytes.NewReader(export(t, src, nil))); err != nil {
		t.Fatal(err)
	}
	var ignored int
	if err := dst.db.QueryRowContext(ctx, "PRAGMA ignore_check_constraints").Scan(&ignored); err != nil || ignored != 0 {
		t.Fatalf("ignore_check_constraints after the import = %d, %v; want 0", ignored, err)
	}
	if _, err := dst.db.ExecContext(ctx, "UPDATE answers SET answer = 'kanske' WHERE rowid = (SELECT min(rowid) FROM answers)"); err == nil {
		t.Error("an answer outside the CHECK constraint was written after the import")
	}
	err := dst.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "PRAGMA ignore_check_constraints = ON"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE units SET name = ' ' WHERE id = (SELECT min(id) FROM units)"); err != nil {
			return err
		}
		return checkConstraints(ctx, tx, checkedTables)
	})
	if err == nil || !strings.Contains(err.Error(), "units") {
		t.Errorf("checkConstraints on a unit without a name: %v, want an error naming units", err)
	}
}
