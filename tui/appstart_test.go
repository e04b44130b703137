package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// TestAppMakesTheModelInInit: the program's model is made in Init, draws
// what New's model draws, and hands the program the Model with the first
// Update; a program that ends before Init leaves nothing to save.
func TestAppMakesTheModelInInit(t *testing.T) {
	cfg := Config{Store: newFakeStore(), Today: func() checklist.Date { return pbToday }}
	app := NewApp(cfg)
	if lost := app.Finish(context.Background(), time.Second); lost != nil {
		t.Fatalf("Finish before Init: %v", lost)
	}
	if app.m != nil {
		t.Fatal("the model was made before Init")
	}
	cmd := app.Init()
	if app.m == nil || cmd == nil {
		t.Fatalf("Init made model %v and command %v", app.m, cmd)
	}
	next, _ := app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, ok := next.(*Model)
	if !ok || m != app.m {
		t.Fatalf("Update returned %T, not the model Init made", next)
	}
	want := New(cfg)
	want.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if got, w := app.View().Content, want.View().Content; got != w || !strings.Contains(got, "samkoll") {
		t.Fatalf("the app draws\n%s\nNew's model draws\n%s", got, w)
	}
}
