package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"samkoll/assets"
	"samkoll/checklist"
	"samkoll/store"
)

func runDemoCmd(t *testing.T, lang string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "LANG" {
			return lang
		}
		return ""
	}
	err = runWith(context.Background(), append([]string{"samkoll", "demo"}, args...), &out, &errOut, getenv)
	return out.String(), errOut.String(), err
}

func countAssessments(t *testing.T, path string) int {
	t.Helper()
	s, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.ListAssessments(context.Background(), checklist.Today())
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

func TestDemoFillsAndRefusesToRefill(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	out, _, err := runDemoCmd(t, "sv_SE.UTF-8", "--db", db, "--assessments", "12", "--seed", "3")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Lade till 12 demobedömningar") {
		t.Errorf("stdout %q", out)
	}
	if n := countAssessments(t, db); n != 12 {
		t.Fatalf("%d assessments, want 12", n)
	}

	_, _, err = runDemoCmd(t, "sv_SE.UTF-8", "--db", db, "--assessments", "5")
	if err == nil || !strings.Contains(err.Error(), "har redan 12 bedömningar") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("refill without --force: %v", err)
	}
	_, _, err = runDemoCmd(t, "en_GB.UTF-8", "--db", db, "--assessments", "5")
	if err == nil || !strings.Contains(err.Error(), "already has 12 assessments") {
		t.Fatalf("refill without --force, English: %v", err)
	}
	if n := countAssessments(t, db); n != 12 {
		t.Fatalf("a refused fill changed the database: %d assessments", n)
	}

	if _, _, err := runDemoCmd(t, "", "--db", db, "--assessments", "5", "--force"); err != nil {
		t.Fatal(err)
	}
	if n := countAssessments(t, db); n != 17 {
		t.Fatalf("%d assessments after --force, want 17", n)
	}
}

func TestDemoDefaultCountAndContent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if _, _, err := runDemoCmd(t, "", "--db", db); err != nil {
		t.Fatal(err)
	}
	s, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.ListAssessments(context.Background(), checklist.Today())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != defaultDemoAssessments {
		t.Fatalf("%d assessments, want %d", len(list), defaultDemoAssessments)
	}
	units := map[string]bool{}
	for _, a := range list {
		units[a.Unit] = true
	}
	if len(units) < 3 {
		t.Errorf("demo data covers %d units, want several", len(units))
	}
	a, err := s.LoadAssessment(context.Background(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	cat, _ := checklist.Load(assets.FS, "")
	var core int
	for _, ar := range cat.Areas {
		if ar.Core {
			core += len(ar.Items)
		}
	}
	// Every core item is walked; most are answered.
	if len(a.Areas) < 5 || len(a.Responses) < core*3/4 {
		t.Errorf("an assessment covers %d areas with %d answers, want the core areas and one more, most answered", len(a.Areas), len(a.Responses))
	}
}

func TestDemoArgumentErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	for _, args := range [][]string{
		{"--assessments", "0"},
		{"--assessments", "x"},
		{"extra"},
		{"--bogus"},
	} {
		_, _, err := runDemoCmd(t, "", append([]string{"--db", db}, args...)...)
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: got %v, want a usage error", args, err)
		}
	}
}

func TestDemoUnusableDatabase(t *testing.T) {
	dir := t.TempDir()
	// A directory where the file should be cannot be opened.
	_, stderr, err := runDemoCmd(t, "", "--db", dir)
	if err == nil {
		t.Fatal("demo into a directory succeeded")
	}
	if errors.Is(err, errSilent) && stderr == "" {
		t.Error("errSilent without a message on stderr")
	}
}
