package store

import (
	slashpath "path"
	"runtime"
	"strings"
)

// onNetwork reports whether the database at the absolute path lies on a
// network file system, where SQLite's WAL mode is not safe (see
// docs/storage.md). On Windows that is a UNC path or a drive that Windows
// reports as remote (a mapped network drive, or a folder redirected to a
// share); on Linux a directory on NFS, SMB/CIFS, AFS, Coda or 9p.
//
// It is a variable so that tests can put a database "on a network".
var onNetwork = func(path string) bool {
	return networkPath(runtime.GOOS, path, remoteVolume)
}

// networkPath is the decision of onNetwork for the system goos. remote
// answers for a volume root (Windows: `C:\`, `\\?\Volume{…}\`) or, elsewhere,
// for the database's folder, whether it is on a network file system.
func networkPath(goos, path string, remote func(root string) bool) bool {
	if goos != "windows" {
		return remote(slashpath.Dir(path))
	}
	vol, unc := winVolume(path)
	if unc {
		return true
	}
	if vol == "" {
		return false
	}
	return remote(vol + `\`)
}

// winVolume returns the volume of the Windows path p ("C:", `\\?\C:`,
// `\\.\C:`, `\\?\Volume{…}`, `\\server\share`) and whether it is a UNC
// path, that is a share on another computer: `\\server\share\…`,
// `\\?\UNC\server\share\…` or `\\.\UNC\server\share\…`. Both separators are
// accepted, as Windows does outside the \\?\ form. A relative path has no
// volume.
func winVolume(p string) (vol string, unc bool) {
	sep := func(c byte) bool { return c == '\\' || c == '/' }
	switch {
	case len(p) >= 2 && p[1] == ':':
		return p[:2], false
	case len(p) < 2 || !sep(p[0]) || !sep(p[1]):
		return "", false
	}
	// p starts with two separators.
	if len(p) >= 4 && (p[2] == '?' || p[2] == '.') && sep(p[3]) {
		// A device path: \\?\X or \\.\X. Its first element is the volume
		// (C:, Volume{…}, or UNC followed by server and share).
		rest := p[4:]
		first, _, _ := cutSep(rest)
		if strings.EqualFold(first, "UNC") {
			n := 4 + len(first)
			if n < len(p) {
				n += 1 + uncLen(p[n+1:])
			}
			return p[:n], true
		}
		return p[:4+len(first)], false
	}
	return p[:2+uncLen(p[2:])], true
}

// uncLen returns the length of "server\share" at the start of s.
func uncLen(s string) int {
	server, rest, ok := cutSep(s)
	if !ok {
		return len(s)
	}
	share, _, _ := cutSep(rest)
	return len(server) + 1 + len(share)
}

// cutSep cuts s around its first \ or /.
func cutSep(s string) (before, after string, found bool) {
	if i := strings.IndexAny(s, `\/`); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}
