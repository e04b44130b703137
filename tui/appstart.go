package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
)

// App is the model a Bubble Tea program runs: Model, made in Init rather
// than before the program starts. The program calls Init once its
// renderer is running, and the renderer draws the first frame on its
// first tick, 8 ms later, whatever the model is doing meanwhile; making
// the model's screens, styles and keys (1–2 ms on a cold start) there
// shortens the time to the first frame by as much instead of delaying
// the program's start. After Init the program holds the Model itself:
// Update returns it.
type App struct {
	cfg Config
	m   *Model
}

// NewApp returns the app for cfg; the Model is made when the program
// calls Init.
func NewApp(cfg Config) *App { return &App{cfg: cfg} }

// Init makes the Model and returns its Init.
func (a *App) Init() tea.Cmd {
	a.m = New(a.cfg)
	return a.m.Init()
}

// Update passes msg to the Model, which the program holds from then on.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return a.m.Update(msg) }

// View is the Model's view.
func (a *App) View() tea.View { return a.m.View() }

// Finish is Model.Finish; a program that ended before Init has made no
// Model and has nothing to save.
func (a *App) Finish(ctx context.Context, bound time.Duration) []string {
	if a.m == nil {
		return nil
	}
	return a.m.Finish(ctx, bound)
}
