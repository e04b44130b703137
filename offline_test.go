package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkPackages makes sure samkoll has no way to open a network
// connection: no package linked into the binary imports a network package,
// except the ones listed below after review. A new dependency that starts
// to import one fails this test and must be questioned.
func TestNoNetworkPackages(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found")
	}
	out, err := exec.Command(goTool, "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	network := map[string]bool{"net": true, "net/http": true, "crypto/tls": true, "net/rpc": true, "net/smtp": true, "net/mail": false}
	// reviewed lists importers of package net that never connect.
	reviewed := map[string]string{
		// Imported by modernc.org/libc (the pure-Go SQLite's C runtime). It
		// uses net only for net.Interfaces, to find a MAC address for
		// version 1 UUIDs; it opens no connection.
		"github.com/google/uuid": "net",
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 20 {
		t.Fatalf("go list returned only %d packages", len(lines))
	}
	for _, line := range lines {
		fields := strings.Fields(line)
		pkg := fields[0]
		if network[pkg] || strings.HasPrefix(pkg, "net/") || strings.HasPrefix(pkg, "vendor/") || strings.HasPrefix(pkg, "internal/") {
			continue // the standard library's own network packages
		}
		for _, imp := range fields[1:] {
			if !network[imp] {
				continue
			}
			if reviewed[pkg] == imp {
				continue
			}
			t.Errorf("%s imports %s, which can open network connections", pkg, imp)
		}
	}
}
