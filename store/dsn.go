package store

import (
	"runtime"
	"strings"
)

// dsn returns the connection string for the absolute path on this system.
// readOnly opens the file with mode=ro; network (see onNetwork) replaces
// WAL with a rollback journal, because WAL needs memory shared between the
// processes that use the file, which a network file system does not give.
func dsn(path string, readOnly, network bool) string {
	return buildDSN(runtime.GOOS, path, readOnly, network)
}

// buildDSN is dsn for the system goos. It is a pure function so that the
// Windows forms can be tested anywhere.
//
// SQLite reads the name as a URI (file:PATH?query): an authority after
// "file://" must be empty or "localhost", "%XX" is decoded, "?" starts the
// query and "#" a fragment. So on Windows the path is kept as Windows wrote
// it, with backslashes: "file:C:\Users\a.db", "file:\\server\share\a.db",
// "file:\\%3f\C:\a.db" and "file:\\.\C:\a.db" all reach Windows unchanged,
// whereas forward slashes would turn "\\server" and "\\?" into an authority
// SQLite rejects ("invalid uri authority"). Only "%", "?" and "#" are
// escaped. On Unix the path follows "file://", an empty authority.
func buildDSN(goos, path string, readOnly, network bool) string {
	p := path
	if goos == "windows" {
		// Windows accepts / for \ in every path except the \\?\ form, where
		// / is not allowed in a name anyway; a leading // would otherwise
		// be read as an authority.
		p = strings.ReplaceAll(p, "/", `\`)
	} else {
		p = "//" + p
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	if readOnly {
		return "file:" + p + "?mode=ro&_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)"
	}
	journal := "WAL"
	if network {
		journal = "DELETE"
	}
	extra := ""
	if goos == "darwin" || goos == "ios" {
		extra = darwinPragmas
	}
	return "file:" + p + "?_pragma=journal_mode(" + journal + ")&_pragma=synchronous(FULL)" +
		"&_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)" + extra + "&_txlock=immediate"
}

// darwinPragmas adds fullfsync on macOS, where fsync alone does not reach
// the disk.
const darwinPragmas = "&_pragma=fullfsync(1)"
