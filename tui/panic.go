package tui

// testPanicKey, when set, makes the root model panic on that key. It is set
// only in binaries built with the samkoll_paniktest tag, so the end-to-end
// test can check that a panic restores the terminal and writes a crash log.
var testPanicKey string
