package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samkoll/store"
)

// A database of an older schema is upgraded by the first command that
// writes, which first says so and names the backup it writes, in the
// user's language; a database already upgraded is opened without a word.
func TestUpgradeIsAnnounced(t *testing.T) {
	cliHome(t)
	v := store.SchemaVersion - 1
	orig, err := os.ReadFile(filepath.Join("store", "testdata", fmt.Sprintf("schema-v%d.db", v)))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("store", "testdata", "export-v1.json")
	for _, tc := range []struct{ lang, want string }{
		{"sv", fmt.Sprintf("uppgraderas till den här versionens format (version %d till %d). En säkerhetskopia sparas först: ", v, store.SchemaVersion)},
		{"en", fmt.Sprintf("is being upgraded to this version's format (version %d to %d). A backup is written first: ", v, store.SchemaVersion)},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "samkoll.db")
			if err := os.WriteFile(db, orig, 0o600); err != nil {
				t.Fatal(err)
			}
			_, errOut, err := runCLI(t, "--lang", tc.lang, "--db", db, "import", file)
			if err != nil {
				t.Fatalf("import: %v\n%s", err, errOut)
			}
			i := strings.Index(errOut, tc.want)
			if i < 0 {
				t.Fatalf("no notice of the upgrade:\n%s", errOut)
			}
			backup, _, _ := strings.Cut(errOut[i+len(tc.want):], "\n")
			if !strings.HasPrefix(backup, db+".bak-v") {
				t.Fatalf("the backup named is %q, want one beside %s", backup, db)
			}
			if got, err := os.ReadFile(backup); err != nil || len(got) == 0 {
				t.Errorf("the backup named does not exist: %v", err)
			}
			_, errOut, err = runCLI(t, "--lang", tc.lang, "--db", db, "import", file)
			if err != nil || strings.Contains(errOut, tc.want) {
				t.Errorf("second import: %v\n%s", err, errOut)
			}
		})
	}
}

// A command stopped by ctrl+c says so in the user's language, not with
// Go's "context canceled", and exits with 130.
func TestInterruptedCommandSaysSo(t *testing.T) {
	cliHome(t)
	db, _ := testDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct{ lang, want string }{{"sv", "avbrutet"}, {"en", "interrupted"}} {
		out := filepath.Join(t.TempDir(), "alla.json")
		err := runWith(ctx, []string{"samkoll", "--lang", tc.lang, "--db", db, "export", "--all", "--format", "json", "-o", out},
			io.Discard, io.Discard, func(string) string { return "" })
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.lang, err, tc.want)
		}
		if code := exitCode(ctx, err); code != 130 {
			t.Errorf("%s: exit code %d, want 130", tc.lang, code)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: the interrupted export left %s", tc.lang, out)
		}
	}
}
