package main

import (
	"bufio"
	"bytes"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestLinkerDropsUnusedMethods builds samkoll with the linker's dependency
// dump and fails when any reachable function looks methods up by name
// through reflection (reflect.Value.MethodByName with a name known only
// at run time, as Go's text/template does for {{.Method}}). The linker
// then keeps every exported method of every type that reaches an
// interface: 1.2 MB of samkoll's binary (docs/performance.md). The
// exports use a copy of text/template without method calls for this.
func TestLinkerDropsUnusedMethods(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	cmd := exec.Command("go", "build", "-ldflags=-dumpdep", "-o", t.TempDir()+"/samkoll", ".")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build: %v\n%s", err, stderr.String())
	}
	var lookups []string
	sc := bufio.NewScanner(&stderr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		// "caller <ReflectMethod> -> callee"
		if caller, _, ok := strings.Cut(sc.Text(), " <ReflectMethod>"); ok && !strings.Contains(caller, "->") {
			lookups = append(lookups, caller)
		}
	}
	if stderr.Len() > 0 && !strings.Contains(stderr.String(), " -> ") {
		t.Fatalf("the linker printed no dependencies:\n%.500s", stderr.String())
	}
	slices.Sort(lookups)
	if len(lookups) > 0 {
		t.Errorf("reachable functions look methods up by name, so the linker keeps every exported method: %s",
			strings.Join(slices.Compact(lookups), ", "))
	}
}
