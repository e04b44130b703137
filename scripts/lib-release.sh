# lib-release.sh – how samkoll is released: the build flags, in one place.
# Sourced by release.sh, binsize.sh, lib.sh (the benchmarks measure the
# binary as released) and .ci/run; do not run it.
#
#   -trimpath                 no path of the building machine in the binary
#   -ldflags=-s -w            no symbol table and no debug information
#   -gcflags=samkoll/...=-l   samkoll's own packages are compiled without
#                             inlining. It keeps the binary within its
#                             budget of 12.5 MiB: inlined, samkoll's code
#                             took 0.31 MiB more (12.65 instead of 12.34 on
#                             linux/amd64, 12.74 instead of 12.43 on
#                             windows/amd64). The libraries keep theirs, and
#                             where samkoll's own code is hot (an answer
#                             key's View, the JSON export) the benchmarks
#                             show no difference (docs/performance.md).
#   CGO_ENABLED=0             pure Go: one file that runs without a C library

release_flags=(-trimpath "-gcflags=samkoll/...=-l" "-ldflags=-s -w")

# release_build TARGET OUT [PACKAGE] builds PACKAGE (default the command
# in the current directory) for TARGET (GOOS/GOARCH, or "host") into OUT.
release_build() {
	local target=$1 out=$2 pkg=${3:-.}
	if [[ $target == host ]]; then
		CGO_ENABLED=0 go build "${release_flags[@]}" -o "$out" "$pkg"
	else
		GOOS=${target%/*} GOARCH=${target#*/} CGO_ENABLED=0 go build "${release_flags[@]}" -o "$out" "$pkg"
	fi
}

# release_targets are the systems samkoll is released for.
release_targets=(linux/amd64 windows/amd64 darwin/arm64)
