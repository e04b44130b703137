//go:build linux

package store

import (
	"errors"
	"io/fs"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// Magic numbers of network file systems in statfs(2).
var networkMagics = map[int64]bool{
	0x6969:     true, // NFS
	0x517B:     true, // SMB
	0xFF534D42: true, // CIFS
	0xFE534D42: true, // SMB2
	0x5346414F: true, // AFS
	0x73757245: true, // Coda
	0x01021997: true, // 9p (also WSL's view of Windows drives)
}

// remoteVolume reports whether dir, or its nearest existing parent, is on
// a network file system.
func remoteVolume(dir string) bool {
	for {
		var st unix.Statfs_t
		err := unix.Statfs(dir, &st)
		if err == nil {
			return networkMagics[int64(st.Type)]
		}
		parent := filepath.Dir(dir)
		if !errors.Is(err, fs.ErrNotExist) || parent == dir {
			return false
		}
		dir = parent
	}
}
