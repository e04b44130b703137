package main

import "context"

func runImport(_ context.Context, e *env, _ []string) error {
	return &usageError{e.tr("kommandot import finns inte ännu", "the import command is not available yet")}
}
