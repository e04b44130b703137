package tui

import "charm.land/bubbles/v2/key"

// testPanicKey, when enabled, makes the root model panic on its key. It is
// set only in binaries built with the samkoll_paniktest tag, so the
// end-to-end test can check that a panic restores the terminal and writes a
// crash log. The zero binding matches nothing.
var testPanicKey key.Binding
