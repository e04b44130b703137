//go:build !darwin

package store

// extraPragmas is empty outside macOS.
const extraPragmas = ""
