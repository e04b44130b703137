package checklist

import (
	"errors"
	"testing"
	"testing/fstest"
)

// TestYAMLErrorLines loads files with YAML syntax errors and checks that
// the error names the file and the 1-based line where the broken
// construct starts, for parser and scanner errors alike, and that the
// other files still load.
func TestYAMLErrorLines(t *testing.T) {
	tests := []struct {
		name, body string
		line       int
	}{
		{"unclosed flow sequence", "id: x\nversion: 1\ntitle:\n  sv: [oavslutad\n", 4},
		{"unclosed flow mapping", "id: x\nversion: 1\ntitle: {sv: Eget\ndescription: {sv: B}\n", 3},
		{"unclosed flow on line 1, found at the end", "{id: x\n", 2},
		{"tab indentation", "id: x\nversion: 1\ntitle:\n\tsv: Eget\n", 4},
		{"mapping in scalar", "id: x\nversion: 1\ntitle: a: b\n", 3},
		{"bad indentation", "id: x\nitems:\n  - id: a\n bad: 1\n", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"checklists/trasig.yaml": {Data: []byte(tt.body)}}
			_, errs := Load(fsys, "")
			if len(errs) == 0 {
				t.Fatal("a broken file loaded without error")
			}
			var fe *FileError
			if !errors.As(errs[0], &fe) {
				t.Fatalf("error %v is not a *FileError", errs[0])
			}
			if fe.Line != tt.line {
				t.Errorf("line %d, want %d: %v", fe.Line, tt.line, fe)
			}
			if fe.File == "" {
				t.Errorf("no file named: %v", fe)
			}
		})
	}
}
