package store

import (
	"fmt"
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
		return "file:" + p + "?mode=ro&_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)" + fmt.Sprintf("&_pragma=cache_size(-%d)", cacheKiB)
	}
	journal, checkpoint := "WAL", fmt.Sprintf("&_pragma=wal_autocheckpoint(%d)", walCheckpointPages)
	if network {
		journal, checkpoint = "DELETE", ""
	}
	extra := ""
	if goos == "darwin" || goos == "ios" {
		extra = darwinPragmas
	}
	return "file:" + p + "?_pragma=journal_mode(" + journal + ")&_pragma=synchronous(FULL)" +
		"&_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)" + fmt.Sprintf("&_pragma=cache_size(-%d)", cacheKiB) +
		checkpoint + extra + "&_txlock=immediate"
}

// walCheckpointPages is the size of the write-ahead log, in pages, at which
// a commit copies it into the database (SQLite's default is 1,000). An
// answer added seven pages (the answer, its indexes, the latest answers,
// the area's count, the assessment; five since schema 11, latest.go), so
// with the default the log grew by
// 4 MB through the first 143 answers of every session and each commit's
// fsync extended the file; from 300 pages on the log is written over
// again in place. Through the app with its durable commit an answer took
// 14 % less (BenchmarkAnswerKeyStore, 15 runs interleaved, the ratio of
// each pair), though the database file is written more often.
const walCheckpointPages = 300

// cacheKiB is SQLite's page cache of each connection, in KiB (SQLite's
// default is 2,000). A read-only export reads every page of the file once:
// with the default cache its peak memory grew with the database (JSON
// export 24.5 MiB at 1,000 assessments, 25.7 at 10,000; 22.6 and 23.5
// with this one). The app keeps two or three connections
// open (the first page, the overview, the background check), and their
// caches were most of its memory two seconds after start at 10,000
// assessments (37 MiB, budget 35); its queries touch few pages, and the
// operating system caches the file all the same. An import, which writes
// a whole file in one transaction, sets SQLite's default again for it.
const cacheKiB = 1000

// darwinPragmas adds fullfsync on macOS, where fsync alone does not reach
// the disk.
const darwinPragmas = "&_pragma=fullfsync(1)"
