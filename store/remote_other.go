//go:build !windows && !linux

package store

// remoteVolume is false where samkoll cannot tell a network file system
// apart; docs/storage.md says to keep the database on a local disk.
func remoteVolume(string) bool { return false }
