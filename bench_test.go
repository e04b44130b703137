package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"
)

// BenchmarkDemo1000 is `samkoll demo --assessments 1000` into a new
// database, including opening it and loading the checklists.
func BenchmarkDemo1000(b *testing.B) {
	getenv := func(string) string { return "" }
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "demo.db")
		if err := runWith(context.Background(), []string{"samkoll", "demo", "--db", db, "--assessments", "1000"}, io.Discard, io.Discard, getenv); err != nil {
			b.Fatal(err)
		}
	}
}
