//go:build unix

package store

import (
	"fmt"
	"os"
	"syscall"
)

// fileID names the file itself (device and inode), so that another file
// put in its place is not taken for it.
func fileID(fi os.FileInfo) string {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fmt.Sprintf("%d:%d", st.Dev, st.Ino)
	}
	return "-"
}
