package store

import "golang.org/x/sys/windows"

// underWine reports whether the tests run under wine rather than Windows
// (scripts/windows-smoke.sh), where a few file-system behaviours differ.
func underWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}
