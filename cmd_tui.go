package main

import "context"

func runTUI(_ context.Context, e *env) error {
	return &usageError{e.tr("programmet kan inte startas ännu", "the app cannot start yet")}
}
