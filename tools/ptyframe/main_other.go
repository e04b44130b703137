//go:build !linux

package main

import (
	"fmt"
	"os"
)

// main says that the measurement needs Linux: ptyframe opens /dev/ptmx and
// reads /proc.
func main() {
	fmt.Fprintln(os.Stderr, "ptyframe: only on Linux")
	os.Exit(2)
}
