package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"samkoll/checklist"
)

// windowsPaths are the forms a Windows path to the database can take.
var windowsPaths = []string{
	`C:\Users\anna\AppData\Local\samkoll\samkoll.db`,
	`D:\APT 2026\100% #1 kök?.db`,
	`\\fs01\hem$\anna\samkoll.db`,
	`\\?\C:\users\Public\ext.db`,
	`\\.\C:\users\Public\dev.db`,
	`\\?\UNC\fs01\hem\anna\lång väg.db`,
	`\\?\Volume{0b5d2c3e-1111-4c4c-9d9d-000000000001}\samkoll.db`,
}

// TestDSNWindowsForms checks that SQLite's own URI parser hands every
// Windows path form to the file system exactly as written. On Linux a
// backslash is an ordinary character, so SQLite opens a file whose name is
// the whole Windows path in the current directory, where the test looks
// for it. The DSN of version 1 failed here with "invalid uri authority: %3f"
// for \\?\ and "invalid uri authority: ." for \\.\.
func TestDSNWindowsForms(t *testing.T) {
	if runtime.GOOS == "windows" {
		// On Windows these paths name real drives and shares; the same
		// DSNs are opened for real by scripts/windows-smoke.sh.
		t.Skip("names the Windows paths literally only where \\ is not a separator")
	}
	t.Chdir(t.TempDir())
	for _, p := range windowsPaths {
		for _, network := range []bool{false, true} {
			d := buildDSN("windows", p, false, network)
			if !strings.HasPrefix(d, "file:") || strings.HasPrefix(d, "file://") {
				t.Errorf("%s: DSN %q has an authority", p, d)
			}
			db, err := sql.Open("sqlite", d)
			if err == nil {
				_, err = db.Exec("CREATE TABLE IF NOT EXISTS t (x)")
				db.Close()
			}
			if err != nil {
				t.Errorf("%s: %v (DSN %q)", p, err, d)
				continue
			}
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s: SQLite did not open exactly this path: %v (DSN %q)", p, err, d)
			}
			// The read-only DSN reaches the same file.
			db, err = sql.Open("sqlite", buildDSN("windows", p, true, false))
			if err == nil {
				_, err = db.Exec("SELECT count(*) FROM t")
				db.Close()
			}
			if err != nil {
				t.Errorf("%s read-only: %v", p, err)
			}
		}
	}
}

func TestDSNOptions(t *testing.T) {
	tests := []struct {
		goos, path    string
		ro, network   bool
		want, notWant []string
	}{
		{"windows", `C:\a.db`, false, false, []string{"file:C:\\a.db?", "journal_mode(WAL)", "synchronous(FULL)", "_txlock=immediate", "wal_autocheckpoint(300)"}, []string{"fullfsync"}},
		{"windows", `C:/x/a.db`, false, false, []string{`file:C:\x\a.db?`}, nil},
		{"windows", `//srv/share/a.db`, false, true, []string{`file:\\srv\share\a.db?`, "journal_mode(DELETE)"}, []string{"WAL"}},
		{"windows", `C:\a.db`, true, false, []string{"mode=ro", "cache_size(-1000)"}, []string{"journal_mode"}},
		{"linux", "/home/anna/100% #1?.db", false, false, []string{"file:///home/anna/100%25 %231%3f.db?", "journal_mode(WAL)"}, []string{"fullfsync"}},
		{"linux", "/mnt/nfs/a.db", false, true, []string{"journal_mode(DELETE)"}, []string{"WAL", "wal_autocheckpoint"}},
		{"darwin", "/Users/anna/a.db", false, false, []string{"file:///Users/anna/a.db?", "fullfsync(1)"}, nil},
	}
	for _, tt := range tests {
		d := buildDSN(tt.goos, tt.path, tt.ro, tt.network)
		for _, w := range tt.want {
			if !strings.Contains(d, w) {
				t.Errorf("%s %q: %q lacks %q", tt.goos, tt.path, d, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(d, w) {
				t.Errorf("%s %q: %q has %q", tt.goos, tt.path, d, w)
			}
		}
	}
}

// TestReadOnlyCache checks that a read-only store's connection has the
// small page cache: an export read every page of a large database through
// SQLite's default cache of 2,000 KiB, and its peak memory grew with the
// database.
func TestReadOnlyCache(t *testing.T) {
	ctx := context.Background()
	ro, err := OpenReadOnly(ctx, emptyDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var kib int
	if err := ro.db.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&kib); err != nil {
		t.Fatal(err)
	}
	if kib != -cacheKiB {
		t.Errorf("cache_size = %d, want %d", kib, -cacheKiB)
	}
}

// TestOpenUnusualNames opens databases whose folder and name hold the
// characters a URI treats specially, and Swedish letters.
func TestOpenUnusualNames(t *testing.T) {
	ctx := context.Background()
	names := []string{"APT 2026", "100%", "#1", "a%3fb", "å ä ö"}
	if runtime.GOOS != "windows" {
		names = append(names, "kök?") // Windows allows no ? in a name
	}
	for _, name := range names {
		path := filepath.Join(t.TempDir(), name, name+".db")
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		mustCreate(t, s, newAssessment("E", "2026-01-01", "x"), map[string]int{"x": 3})
		s.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: not at its path: %v", name, err)
		}
		r, err := OpenReadOnly(ctx, path)
		if err != nil {
			t.Fatalf("%s read-only: %v", name, err)
		}
		r.Close()
	}
}

func TestWinVolume(t *testing.T) {
	tests := []struct {
		path, vol string
		unc       bool
	}{
		{`C:\Users\a.db`, `C:`, false},
		{`c:/Users/a.db`, `c:`, false},
		{`\\fs01\hem$\anna\a.db`, `\\fs01\hem$`, true},
		{`//fs01/hem/a.db`, `//fs01/hem`, true},
		{`\\?\C:\users\a.db`, `\\?\C:`, false},
		{`\\.\C:\users\a.db`, `\\.\C:`, false},
		{`\\?\UNC\fs01\hem\a.db`, `\\?\UNC\fs01\hem`, true},
		{`\\.\unc\fs01\hem\a.db`, `\\.\unc\fs01\hem`, true},
		{`\\?\Volume{abc}\a.db`, `\\?\Volume{abc}`, false},
		{`\\fs01`, `\\fs01`, true},
		{`relative\a.db`, ``, false},
		{`\rooted\a.db`, ``, false},
	}
	for _, tt := range tests {
		vol, unc := winVolume(tt.path)
		if vol != tt.vol || unc != tt.unc {
			t.Errorf("winVolume(%q) = %q, %v; want %q, %v", tt.path, vol, unc, tt.vol, tt.unc)
		}
	}
}

func TestNetworkPath(t *testing.T) {
	remoteRoots := map[string]bool{`H:\`: true, `\\?\H:\`: true, "/mnt/nfs": true}
	tests := []struct {
		goos, path string
		want       bool
		asked      string // the root the system was asked about; "" for none
	}{
		{"windows", `\\fs01\hem$\anna\samkoll.db`, true, ""},
		{"windows", `//fs01/hem/samkoll.db`, true, ""},
		{"windows", `\\?\UNC\fs01\hem\samkoll.db`, true, ""},
		{"windows", `\\.\UNC\fs01\hem\samkoll.db`, true, ""},
		{"windows", `C:\Users\anna\AppData\Local\samkoll\samkoll.db`, false, `C:\`},
		{"windows", `H:\samkoll\samkoll.db`, true, `H:\`},
		{"windows", `\\?\H:\samkoll.db`, true, `\\?\H:\`},
		{"windows", `\\.\C:\samkoll.db`, false, `\\.\C:\`},
		{"windows", `\\?\Volume{abc}\samkoll.db`, false, `\\?\Volume{abc}\`},
		{"linux", "/mnt/nfs/samkoll.db", true, "/mnt/nfs"},
		{"linux", "/home/anna/samkoll.db", false, "/home/anna"},
	}
	for _, tt := range tests {
		asked := ""
		got := networkPath(tt.goos, tt.path, func(root string) bool {
			asked = root
			return remoteRoots[root]
		})
		if got != tt.want || asked != tt.asked {
			t.Errorf("%s %q: %v, asked about %q; want %v, %q", tt.goos, tt.path, got, asked, tt.want, tt.asked)
		}
	}
}

// TestOpenOnNetwork: a database on a network file system is written with a
// rollback journal, never WAL, and an existing WAL database is converted
// with its data.
func TestOpenOnNetwork(t *testing.T) {
	ctx := context.Background()
	path := makeDB(t)
	defer func(f func(string) bool) { onNetwork = f }(onNetwork)
	onNetwork = func(string) bool { return true }
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if !s.OnNetwork() {
		t.Error("OnNetwork false")
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("journal_mode %q, %v; want delete", mode, err)
	}
	mustCreate(t, s, newAssessment("F", "2026-02-01", "x"), map[string]int{"x": 1})
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a -wal file exists on the network path: %v", err)
	}
	list, err := s.ListAssessments(ctx, checklist.Date{})
	if err != nil || len(list) != 2 {
		t.Errorf("assessments %d, %v; want the old and the new one", len(list), err)
	}
	s.Close()

	// A new database on a network path is made without WAL too.
	fresh := filepath.Join(t.TempDir(), "ny.db")
	s, err = Open(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("new database: journal_mode %q, %v; want delete", mode, err)
	}
}

// TestFailedOpenLeavesNoLock: when opening fails after the lock file was
// made, the lock file goes again (version 1 left samkoll.db.lock behind).
func TestFailedOpenLeavesNoLock(t *testing.T) {
	path := makeDB(t)
	os.Remove(path + ".lock")
	// A header that passes the checks, over a schema page that does not.
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 100; i < 4096 && i < len(b); i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, filepath.Dir(path))
	s, err := Open(context.Background(), path)
	if err == nil {
		s.Close()
		t.Fatal("opened a database with a garbled schema page")
	}
	if _, err := os.Stat(path + ".lock"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left behind: %v", err)
	}
	sameFiles(t, before, snapshot(t, filepath.Dir(path)))

	// A lock file that was there before stays: it may be another
	// samkoll's.
	os.WriteFile(path+".lock", nil, 0o600)
	if s, err := Open(context.Background(), path); err == nil {
		s.Close()
	}
	if _, err := os.Stat(path + ".lock"); err != nil {
		t.Errorf("existing lock file removed: %v", err)
	}
}

// TestWALStaysSmall answers 200 items one by one, as a meeting does, each
// committed on its own: the write-ahead log never grows much past
// walCheckpointPages, so that commits write over it in place instead of
// extending the file. With SQLite's default (1,000 pages) it reached
// 4 MB.
func TestWALStaysSmall(t *testing.T) {
	path, s, a := storeWithAssessment(t)
	defer s.Close()
	ctx := context.Background()
	var pageSize int64
	if err := s.db.QueryRow("PRAGMA page_size").Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	limit := 32 + (walCheckpointPages+32)*(pageSize+24)
	var largest int64
	for i := range 200 {
		r := checklist.Response{AreaID: "omrade1", ItemID: fmt.Sprintf("p%d", i), Answer: checklist.Ja}
		if err := s.SaveResponse(ctx, a.ID, r); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(path + "-wal"); err == nil {
			largest = max(largest, fi.Size())
		}
	}
	if largest == 0 || largest > limit {
		t.Fatalf("the write-ahead log reached %d bytes, want at most %d", largest, limit)
	}
}
