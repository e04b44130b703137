package main

import "context"

func runDemo(_ context.Context, e *env, _ []string) error {
	return &usageError{e.tr("kommandot demo finns inte ännu", "the demo command is not available yet")}
}
