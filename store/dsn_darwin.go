package store

// extraPragmas adds fullfsync on macOS, where fsync alone does not reach
// the disk.
const extraPragmas = "&_pragma=fullfsync(1)"
