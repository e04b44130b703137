//go:build !windows

package store

// underWine is false outside Windows.
func underWine() bool { return false }
