package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"samkoll/checklist"
)

// stdAssessment decodes raw as the stream's decoder does.
func stdAssessment(raw []byte) (jsonAssessment, error) {
	var ja jsonAssessment
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	err := d.Decode(&ja)
	return ja, err
}

// exportedAssessments returns the assessments of an export of a demo
// database, each as its JSON text.
func exportedAssessments(t testing.TB) []json.RawMessage {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	if err := FillDemo(ctx, s, demoAreas(3, 8), 6, 4); err != nil {
		t.Fatal(err)
	}
	var f struct {
		Assessments []json.RawMessage `json:"assessments"`
	}
	if err := json.Unmarshal(export(t, s, nil), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Assessments) == 0 {
		t.Fatal("the export has no assessments")
	}
	return f.Assessments
}

// What samkoll exports is read by the direct path, not left to
// encoding/json, and gives what encoding/json gives.
func TestFastAssessmentReadsExports(t *testing.T) {
	answers, actions, escapes := 0, 0, 0
	for i, raw := range exportedAssessments(t) {
		want, err := stdAssessment(raw)
		if err != nil {
			t.Fatal(err)
		}
		var got jsonAssessment
		if !fastAssessment(raw, &got) {
			t.Fatalf("assessment %d left to encoding/json:\n%s", i, raw)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("assessment %d:\n got %+v\nwant %+v", i, got, want)
		}
		answers += len(got.Answers)
		actions += len(got.Actions)
		escapes += bytes.Count(raw, []byte(`\n`))
	}
	if answers == 0 || actions == 0 || escapes == 0 {
		t.Errorf("the export had %d answers, %d actions and %d escapes: too little to compare", answers, actions, escapes)
	}
}

// The cases the direct path leaves to encoding/json, and a few it reads.
var fastCases = []struct {
	name, json string
	fast       bool
}{
	{"empty object", `{}`, true},
	{"empty lists", `{"areas": [], "answers": [], "actions": []}`, true},
	{"escapes", `{"unit": "a\"b\\c\/d\b\f\n\r\te", "participants": "åäö"}`, true},
	{"integers", `{"areas": [{"id": "sam", "version": -0, "items": 123456789012345678}]}`, true},
	{"risk", `{"answers": [{"area": "a", "item": "b", "risk": {"probability": 2, "consequence": 3, "level": "medel", "serious": false}}]}`, true},
	{"unicode escape", `{"unit": "\u00e5"}`, false},
	{"key in upper case", `{"UID": "x"}`, false},
	{"key twice", `{"uid": "x", "uid": "y"}`, false},
	{"escaped key", `{"u\u0069d": "x"}`, false},
	{"unknown key", `{"colour": "red"}`, false},
	{"null", `{"unit": null}`, false},
	{"null risk", `{"answers": [{"risk": null}]}`, false},
	{"fraction", `{"areas": [{"version": 1.0}]}`, false},
	{"exponent", `{"areas": [{"version": 1e2}]}`, false},
	{"19 digits", `{"areas": [{"version": 1234567890123456789}]}`, false},
	{"string for a number", `{"areas": [{"version": "2"}]}`, false},
	{"number for a string", `{"unit": 2}`, false},
	{"object for a list", `{"answers": {}}`, false},
	{"invalid UTF-8", "{\"unit\": \"\xff\"}", false},
	{"unknown key in a risk", `{"answers": [{"risk": {"colour": 1}}]}`, false},
	{"list for the assessment", `[]`, false},
}

func TestFastAssessmentCases(t *testing.T) {
	for _, c := range fastCases {
		t.Run(c.name, func(t *testing.T) {
			var fast jsonAssessment
			ok := fastAssessment([]byte(c.json), &fast)
			if ok != c.fast {
				t.Errorf("fastAssessment = %v, want %v", ok, c.fast)
			}
			want, err := stdAssessment([]byte(c.json))
			if ok && (err != nil || !reflect.DeepEqual(fast, want)) {
				t.Errorf("got %+v\nwant %+v, %v", fast, want, err)
			}
		})
	}
}

// FuzzFastAssessment compares fastAssessment with encoding/json on any
// text: it may leave a text to encoding/json, but what it reads itself is
// valid JSON that it reads as encoding/json does.
func FuzzFastAssessment(f *testing.F) {
	for _, raw := range exportedAssessments(f)[:3] {
		f.Add([]byte(raw))
	}
	for _, c := range fastCases {
		f.Add([]byte(c.json))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		var fast jsonAssessment
		if !fastAssessment(data, &fast) {
			return
		}
		want, err := stdAssessment(data)
		if err != nil {
			t.Fatalf("read directly what encoding/json refuses (%v):\n%s", err, data)
		}
		if !reflect.DeepEqual(fast, want) {
			t.Fatalf("direct reading differs:\n got %+v\nwant %+v\n%s", fast, want, data)
		}
	})
}

// readStream reads data as the import does, directly where it can or
// (decoderOnly) with the decoder alone, and returns what it passed on and
// the error it ended with, as text.
func readStream(data []byte, decoderOnly bool) (got []jsonAssessment, errText string) {
	st := newJSONStream(bytes.NewReader(data))
	st.decoderOnly = decoderOnly
	err := st.read(func(i int, ja jsonAssessment) error {
		if i != len(got) {
			return fmt.Errorf("assessment %d after %d", i, len(got))
		}
		got = append(got, ja)
		if ja.UID == "stop" {
			return errors.New("stopped by the assessment")
		}
		return nil
	})
	if err != nil {
		errText = err.Error()
		var ie *ImportError
		if errors.As(err, &ie) {
			errText = fmt.Sprintf("%d:%d %s %s", ie.Line, ie.Column, ie.Path, ie.Msg.In(checklist.English))
		}
	}
	return got, errText
}

// streamCases are files the direct reading hands over to the decoder at
// some point, or reads to the end, each with the same outcome.
var streamCases = []struct{ name, json string }{
	{"empty list", `{"format": "samkoll", "version": 2, "assessments": []}`},
	{"null list", `{"format": "samkoll", "version": 2, "assessments": null}`},
	{"two", `{"assessments": [{"uid": "a"}, {"uid": "b"}], "version": 2}`},
	{"year plans after", `{"assessments": [{"uid": "a"}], "year_plans": [{"unit": "x", "year": 2026}]}`},
	{"the second for the decoder", `{"assessments": [{"uid": "a"}, {"uid": "\u0062"}, {"uid": "c"}]}`},
	{"the first for the decoder", `{"assessments": [{"UID": "a"}, {"uid": "b"}]}`},
	{"no comma", `{"assessments": [{"uid": "a"} {"uid": "b"}]}`},
	{"trailing comma", `{"assessments": [{"uid": "a"},]}`},
	{"leading comma", `{"assessments": [,{"uid": "a"}]}`},
	{"a list in the list", `{"assessments": [{"uid": "a"}, []]}`},
	{"a number in the list", `{"assessments": [{"uid": "a"}, 5]}`},
	{"unknown field", `{"assessments": [{"uid": "a"}, {"colour": "red"}]}`},
	{"type error", `{"assessments": [{"uid": "a"}, {"areas": [{"version": "2"}]}]}`},
	{"syntax error inside", "{\"assessments\": [{\"uid\": \"a\"},\n  {\"uid\": \"b\" \"unit\": \"c\"}]}"},
	{"raw newline in a string", "{\"assessments\": [{\"uid\": \"a\nb\"}]}"},
	{"ends inside", `{"assessments": [{"uid": "a"}, {"uid": "b`},
	{"ends after a comma", `{"assessments": [{"uid": "a"},`},
	{"ends after the list", `{"assessments": [{"uid": "a"}]`},
	{"garbage after the list", `{"assessments": [{"uid": "a"}]5}`},
	{"extra data", `{"assessments": [{"uid": "a"}]} {}`},
	{"unknown field after", `{"assessments": [{"uid": "a"}], "colour": 1}`},
	{"brace in a string", `{"assessments": [{"unit": "}{]["}, {"unit": "\"}"}]}`},
	{"unbalanced", `{"assessments": [{"areas": [}]}]}`},
	{"stopped by an assessment", `{"assessments": [{"uid": "a"}, {"uid": "stop"}, {"uid": "c"}]}`},
	{"leading zero", `{"assessments": [{"areas": [{"version": 01}]}]}`},
	{"assessments twice", `{"assessments": [], "assessments": []}`},
	{"control character in a key after the list", "{\"assessments\": [],\"\b"},
}

// A problem the decoder meets in a token is located at its byte, also
// inside a key, where the decoder's own offset is not the file's.
func TestStreamSyntaxLocation(t *testing.T) {
	for _, c := range []struct{ json, want string }{
		{"{\"format\": \"samkoll\", \"x\b\": 1}", "1:25  invalid JSON: invalid character '\\b' in string literal"},
		{"{\"assessments\": [],\n \"x\b\"", "2:4  invalid JSON: invalid character '\\b' in string literal"},
		{`{"assessments": [,{"uid": "a"}]}`, "1:18  invalid JSON: invalid character ',' looking for beginning of value"},
		{`{"assessments": [{"uid": "a"}]5}`, "1:31  invalid JSON: invalid character '5' after object key:value pair"},
	} {
		for _, decoderOnly := range []bool{true, false} {
			if _, err := readStream([]byte(c.json), decoderOnly); err != c.want {
				t.Errorf("%q (decoder only %v):\n got %s\nwant %s", c.json, decoderOnly, err, c.want)
			}
		}
	}
}

// The direct reading passes on the same assessments and ends with the
// same error, at the same line and column, as the decoder alone.
func TestStreamDirectAsDecoder(t *testing.T) {
	direct := 0
	for _, c := range streamCases {
		t.Run(c.name, func(t *testing.T) {
			want, wantErr := readStream([]byte(c.json), true)
			got, gotErr := readStream([]byte(c.json), false)
			if gotErr != wantErr {
				t.Errorf("error\n got %q\nwant %q", gotErr, wantErr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("assessments\n got %+v\nwant %+v", got, want)
			}
		})
	}
	// And an export is read directly to its end.
	ctx := context.Background()
	s := openTest(t)
	if err := FillDemo(ctx, s, demoAreas(3, 8), 6, 4); err != nil {
		t.Fatal(err)
	}
	data := export(t, s, nil)
	st := newJSONStream(bytes.NewReader(data))
	if _, done, err := func() (int, bool, error) {
		if _, err := st.dec.Token(); err != nil { // {
			return 0, false, err
		}
		for {
			tok, err := st.dec.Token()
			if err != nil {
				return 0, false, err
			}
			if tok == "assessments" {
				break
			}
			var skip json.RawMessage
			if err := st.dec.Decode(&skip); err != nil {
				return 0, false, err
			}
		}
		if _, err := st.dec.Token(); err != nil { // [
			return 0, false, err
		}
		return st.direct(func(int, jsonAssessment) error { direct++; return nil })
	}(); err != nil || !done {
		t.Fatalf("direct reading of an export: done %v, %v", done, err)
	}
	if direct == 0 {
		t.Error("the export had no assessments")
	}
	want, wantErr := readStream(data, true)
	got, gotErr := readStream(data, false)
	if gotErr != "" || wantErr != "" || !reflect.DeepEqual(got, want) {
		t.Errorf("an export read two ways: %q, %q, equal %v", gotErr, wantErr, reflect.DeepEqual(got, want))
	}
}

// FuzzStreamDirect compares the direct reading with the decoder alone on
// any text.
func FuzzStreamDirect(f *testing.F) {
	for _, c := range streamCases {
		f.Add([]byte(c.json))
	}
	ctx := context.Background()
	s := openTest(f)
	if err := FillDemo(ctx, s, demoAreas(2, 4), 2, 2); err != nil {
		f.Fatal(err)
	}
	f.Add(export(f, s, nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<18 {
			return
		}
		want, wantErr := readStream(data, true)
		got, gotErr := readStream(data, false)
		if gotErr != wantErr {
			t.Fatalf("error\n got %q\nwant %q\n%s", gotErr, wantErr, data)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("assessments differ\n%s", data)
		}
	})
}
