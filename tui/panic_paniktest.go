//go:build samkoll_paniktest

package tui

func init() { testPanicKey = "ctrl+p" }
