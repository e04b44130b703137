package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkPackages makes sure samkoll cannot open a network connection:
// no package in the binary's dependency graph provides one. A dependency that
// starts to pull in package net fails this test and must be questioned.
func TestNoNetworkPackages(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	forbidden := map[string]bool{"net": true, "net/http": true, "crypto/tls": true, "net/rpc": true, "net/smtp": true}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("go list returned only %d packages: %q", len(deps), out)
	}
	for _, p := range deps {
		if forbidden[p] {
			t.Errorf("the binary depends on %s, which can open network connections", p)
		}
	}
}
