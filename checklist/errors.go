package checklist

import (
	"errors"
	"fmt"
)

// ErrInvalid marks a value that failed validation.
var ErrInvalid = errors.New("ogiltigt värde")

// Localized is an error whose message can be given in Swedish or English.
// Its Error method returns the Swedish message, for logs and tests.
type Localized interface {
	error
	// Message returns the message in lang.
	Message(lang Lang) string
}

// Message returns err's message in lang: err's own Message when err is
// Localized, else err.Error(). Wrapped errors are not searched, since a
// wrapper's own words would be lost.
func Message(err error, lang Lang) string {
	if l, ok := err.(Localized); ok {
		return l.Message(lang)
	}
	return err.Error()
}

// Textf formats sv and en with the same arguments. An argument that is a
// Text or a Localized error is formatted in the language of the format.
func Textf(sv, en string, args ...any) Text {
	return Text{SV: fmt.Sprintf(sv, argsIn(Swedish, args)...), EN: fmt.Sprintf(en, argsIn(English, args)...)}
}

// TextOf returns err's message in both languages.
func TextOf(err error) Text {
	return Text{SV: Message(err, Swedish), EN: Message(err, English)}
}

func argsIn(lang Lang, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Text:
			out[i] = v.In(lang)
		case Localized:
			out[i] = v.Message(lang)
		default:
			out[i] = a
		}
	}
	return out
}

// ValueError is a bad value, such as a date that does not exist or an
// unknown answer code. It wraps ErrInvalid.
type ValueError struct {
	// Msg says what is wrong.
	Msg Text
}

// Errorf returns a *ValueError with the message formatted by Textf.
func Errorf(sv, en string, args ...any) error {
	return &ValueError{Msg: Textf(sv, en, args...)}
}

// Error returns the Swedish message.
func (e *ValueError) Error() string { return e.Msg.SV }

// Message returns the message in lang.
func (e *ValueError) Message(lang Lang) string { return e.Msg.In(lang) }

// Unwrap lets errors.Is(err, ErrInvalid) match.
func (e *ValueError) Unwrap() error { return ErrInvalid }

// FileError is a problem at a position in a checklist or policy file. Its
// message names file:line:column, so the author can go straight to it.
type FileError struct {
	// File is the path as given, or "inbyggd:NAME" for embedded files.
	File string
	// Line and Column are 1-based; 0 when unknown.
	Line, Column int
	// Msg says what is wrong.
	Msg Text
}

// Error formats the error as file:line:column: message, in Swedish.
func (e *FileError) Error() string { return e.Message(Swedish) }

// Message formats the error as file:line:column: message, in lang.
func (e *FileError) Message(lang Lang) string {
	msg := e.Msg.In(lang)
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", e.File, msg)
}

// Unwrap lets errors.Is(err, ErrInvalid) match.
func (e *FileError) Unwrap() error { return ErrInvalid }
