package tui

import (
	"strings"
	"testing"

	"samkoll/checklist"
	"samkoll/store"
)

// TestFailureTextNamesTheFileOnce: a write refused because the file is
// damaged gets the store's sentence, which names the file, without a
// second full stop and without naming the file again.
func TestFailureTextNamesTheFileOnce(t *testing.T) {
	path := "/data/samkoll.db"
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		sh := &shared{lang: lang, dbPath: path}
		for _, err := range []error{
			&store.OpenError{Kind: store.Corrupt, Path: path},
			&store.OpenError{Kind: store.DiskFull, Path: path},
		} {
			got := failureText(sh, writeFailure{what: "svaret Ja", err: err})
			if strings.Contains(got, "..") || !strings.Contains(got, path) || strings.Contains(got, "Fil: ") || strings.Contains(got, "File: ") {
				t.Errorf("%s: %q", lang, got)
			}
		}
	}
}
