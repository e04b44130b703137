// Command samkoll walks a work group through checklists for systematic
// work-environment management (SAM) at a workplace meeting, records the
// group's answers and risks, and keeps the handlingsplan in a local SQLite
// file. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"samkoll/checklist"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args)
	code := exitCode(ctx, err)
	stop()
	if err != nil && !errors.Is(err, errSilent) {
		fmt.Fprintln(os.Stderr, "samkoll:", checklist.Sanitize(err.Error()))
	}
	os.Exit(code)
}

// exitCode maps the result of run to the process exit code: 0 success,
// 2 wrong usage, 130 interrupted, 1 any other failure.
func exitCode(ctx context.Context, err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		return 2
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		return 130
	}
	return 1
}
