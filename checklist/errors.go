package checklist

import (
	"errors"
	"fmt"
)

// ErrInvalid marks a value that failed validation.
var ErrInvalid = errors.New("ogiltigt värde")

// FileError is a problem at a position in a checklist or policy file. Its
// message names file:line:column, so the author can go straight to it.
type FileError struct {
	// File is the path as given, or "inbyggd:NAME" for embedded files.
	File string
	// Line and Column are 1-based; 0 when unknown.
	Line, Column int
	// Msg says what is wrong, in Swedish.
	Msg string
}

// Error formats the error as file:line:column: message.
func (e *FileError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Unwrap lets errors.Is(err, ErrInvalid) match.
func (e *FileError) Unwrap() error { return ErrInvalid }
