package main

import "context"

func runExport(_ context.Context, e *env, _ []string) error {
	return &usageError{e.tr("kommandot export finns inte ännu", "the export command is not available yet")}
}
