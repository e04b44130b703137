# lib.sh – shared parts of the benchmark scripts in this directory. Each
# script measures one budget row of docs/performance.md on whole processes,
# as a user runs them; source this file, do not run it.
#
# Environment:
#   RUNS    runs of each measurement (default 7), interleaved across sizes
#           and, where there is a reference, with the reference
#   SIZES   demo database sizes (default "10 1000 10000")
#   BENCH_CACHE  a directory to keep the demo databases in between scripts
#           (filling 10,000 assessments takes minutes); default a temporary
#           directory removed at the end
set -euo pipefail

RUNS=${RUNS:-7}
SIZES=${SIZES:-"10 1000 10000"}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/samkoll-bench.XXXXXX")
cache=${BENCH_CACHE:-$work}
mkdir -p "$cache"
trap 'rm -rf "$work"' EXIT

[[ -n ${EPOCHREALTIME:-} ]] || { echo "bash 5 is needed (EPOCHREALTIME)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time (GNU time) is needed for the peak memory" >&2; exit 1; }

# app_text is what the start screen shows once its list is drawn (the
# list's column heading); the first-frame and memory scripts wait for it.
app_text="Försenade"

# build compiles samkoll and the reference program as released
# (lib-release.sh), and the pty helper, into $work.
source "$root/scripts/lib-release.sh"
build() {
	echo "building as released (${release_flags[*]}) …" >&2
	(cd "$root" && release_build host "$work/samkoll" &&
		release_build host "$work/minimaltea" ./tools/minimaltea &&
		go build -o "$work/ptyframe" ./tools/ptyframe)
}

# demo_db N prints the path of a demo database with N assessments, filling
# it first if it is not in the cache. The date is fixed so that the data
# is the same on every run.
demo_db() {
	local n=$1 db="$cache/demo-$1.db"
	if [[ ! -s $db ]]; then
		echo "filling a database with $n assessments …" >&2
		"$work/samkoll" demo --db "$db" --assessments "$n" >/dev/null
	fi
	echo "$db"
}

# timed OUT CMD… runs CMD once with standard output to $work/stdout and
# appends "wall_ms peak_kB cpu_ms" to OUT. The wall time includes starting
# the process; the peak is the process's maximum resident set and the CPU
# time user plus system time (GNU time; 10 ms resolution). On a loaded
# machine the CPU time shows the work done better than the wall time.
timed() {
	local out=$1
	shift
	local t0 t1
	# The previous run's output is emptied, and the emptying written to
	# the disk, before the clock starts: truncating a JSON export of
	# 10,000 assessments (hundreds of megabytes) took up to 600 ms, which
	# the shell's redirection below would have counted to the next run.
	: >"$work/stdout"
	sync "$work/stdout"
	t0=$EPOCHREALTIME
	if ! /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" >"$work/stdout" 2>"$work/stderr"; then
		echo "failed: $*" >&2
		cat "$work/stderr" >&2
		exit 1
	fi
	t1=$EPOCHREALTIME
	tail -n1 "$work/rss" | awk -v a="$t0" -v b="$t1" '{ printf "%.1f %d %.0f\n", (b - a) * 1000, $1, ($2 + $3) * 1000 }' >>"$out"
}

# stats FILE COL prints "min median max" of column COL of FILE.
stats() {
	cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END {
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%s %s %s\n", v[1], m, v[NR] }'
}

# mib KB prints KB in MiB with one decimal.
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# load prints the machine's load: the 1-minute load average and the cores.
load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"; }

# report_row TITLE FILE SIZE BUDGET_MS BUDGET_MIB prints one row: wall time
# min/median/max, the median CPU time, the largest peak RSS, and whether
# the median wall time and the largest peak are within the budget ("-" for
# no budget).
report_row() {
	local file=$2 size=$3 bms=$4 bmib=$5
	read -r lo med hi < <(stats "$file" 1)
	read -r _ _ peak < <(stats "$file" 2)
	read -r _ cpu _ < <(stats "$file" 3)
	local verdict=met
	if [[ $bms != - ]] && awk -v m="$med" -v b="$bms" 'BEGIN { exit !(m > b) }'; then verdict="NOT met"; fi
	if [[ $bmib != - ]] && awk -v k="$peak" -v b="$bmib" 'BEGIN { exit !(k / 1024 > b) }'; then verdict="NOT met"; fi
	printf '%-12s %8s %8s %8s %8s %10s   %-22s %s\n' "$size" "$lo" "$med" "$hi" "$cpu" "$(mib "$peak")" "≤ $bms ms, ≤ $bmib MiB" "$verdict"
}

report_head() {
	printf '%s\n' "$1"
	printf '%-12s %8s %8s %8s %8s %10s   %-22s %s\n' assessments "min ms" "median" "max ms" "CPU ms" "peak MiB" "budget (median, peak)" ""
}
