package report

import "golang.org/x/sys/windows"

// KnownDocuments asks Windows for the user's Documents folder
// (SHGetKnownFolderPath with FOLDERID_Documents), which follows OneDrive's
// and the organisation's folder redirection.
func KnownDocuments() (string, error) {
	return windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
}
