//go:build !windows

package report

import "errors"

// KnownDocuments is Windows' Documents known folder; other systems have
// none and DocumentsDir looks elsewhere.
func KnownDocuments() (string, error) {
	return "", errors.ErrUnsupported
}
