package assets_test

import (
	"testing"

	"samkoll/assets"
	"samkoll/checklist"
)

// BenchmarkLoadBuiltin loads and validates the built-in checklists and
// policies, as every command does when it starts.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := checklist.Load(assets.FS, ""); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
