//go:build samkoll_paniktest

package tui

import "charm.land/bubbles/v2/key"

func init() {
	testPanicKey = key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "panic (test build)"))
}
