package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
	"samkoll/store"
	"samkoll/tui"
)

// runTUI opens the database and the checklists and runs the interactive
// app until the user quits.
func runTUI(ctx context.Context, e *env) error {
	path := e.dbPath
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	s, err := store.Open(ctx, path)
	if err != nil {
		var oe *store.OpenError
		if errors.As(err, &oe) {
			fmt.Fprintln(e.stderr, oe.Message(e.lang))
			return errSilent
		}
		return err
	}
	defer s.Close()

	cat, loadErrs := e.catalog()
	warnings := make([]string, 0, len(loadErrs))
	for _, le := range loadErrs {
		warnings = append(warnings, le.Error())
	}
	m := tui.New(tui.Config{
		Context: ctx,
		Store:   storeAdapter{s},
		// Exporter stays nil until the file exporter exists; the TUI then
		// says to use `samkoll export`.
		Exporter: nil,
		Catalog:  cat,
		Lang:     e.lang,
		Today:    e.today,
		Warnings: warnings,
		NoColor:  os.Getenv("NO_COLOR") != "",
	})
	_, err = tea.NewProgram(m, tea.WithContext(ctx)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// storeAdapter lets *store.Store serve as tui.Store: it converts the start
// screen's summaries; every other method is the store's own.
type storeAdapter struct{ *store.Store }

// ListAssessments converts store.Summary rows to tui.Summary.
func (a storeAdapter) ListAssessments(ctx context.Context, today checklist.Date) ([]tui.Summary, error) {
	list, err := a.Store.ListAssessments(ctx, today)
	if err != nil {
		return nil, err
	}
	out := make([]tui.Summary, len(list))
	for i, s := range list {
		out[i] = tui.Summary{
			ID: s.ID, UnitID: s.UnitID, Unit: s.Unit, Date: s.Date, Status: s.Status,
			Participants: s.Participants, SafetyRepPresent: s.SafetyRepPresent, Areas: s.Areas,
			Answered: s.Answered, Total: s.Total, OpenActions: s.OpenActions,
			OverdueActions: s.OverdueActions, Updated: s.Updated,
		}
	}
	return out, nil
}
