package checklist

import (
	"regexp"
	"sync"
)

// lazyRegexp returns the regular expression of pattern, compiled the first
// time it is asked for. The package's patterns are needed only where
// checklists are read; compiled when the package loaded, they cost every
// start of samkoll (the app's first frame reads no checklist) about a
// millisecond.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
