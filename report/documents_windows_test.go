package report

import (
	"os"
	"testing"
)

// TestKnownDocumentsRedirected asks Windows for the Documents folder after
// scripts/windows-smoke.sh has redirected it, as OneDrive does, to the
// folder in SAMKOLL_SMOKE_DOCUMENTS. Without that variable there is no
// redirection to check.
func TestKnownDocumentsRedirected(t *testing.T) {
	want := os.Getenv("SAMKOLL_SMOKE_DOCUMENTS")
	if want == "" {
		t.Skip("SAMKOLL_SMOKE_DOCUMENTS is not set (scripts/windows-smoke.sh sets it)")
	}
	got, err := KnownDocuments()
	if err != nil || got != want {
		t.Fatalf("KnownDocuments() = %q, %v; want %q", got, err, want)
	}
	if d := DocumentsDir(`C:\Users\nobody`, KnownDocuments); d != want {
		t.Errorf("DocumentsDir = %q, want %q", d, want)
	}
}
