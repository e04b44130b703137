//go:build windows

package store

import "golang.org/x/sys/windows"

// remoteVolume reports whether Windows says the volume root (`C:\`) is a
// network drive.
func remoteVolume(root string) bool {
	p, err := windows.UTF16PtrFromString(root)
	if err != nil {
		return false
	}
	return windows.GetDriveType(p) == windows.DRIVE_REMOTE
}
