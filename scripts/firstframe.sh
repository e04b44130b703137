#!/usr/bin/env bash
# firstframe.sh – whole-process start-up of samkoll, side by side with a
# minimal Bubble Tea v2 program (tools/minimaltea).
#
# Usage, from the repository root:
#
#     scripts/firstframe.sh [RUNS] [ASSESSMENTS]
#
# RUNS (default 20) is the number of starts of each program, alternating;
# ASSESSMENTS (default 1000) the size of the demo database. Needs bash 5,
# tmux and Go. Nothing outside a temporary directory is written.
#
# It builds both programs with -ldflags='-s -w', fills a database with
# `samkoll demo --assessments ASSESSMENTS`, then starts each program in a
# tmux pane, RUNS times, alternating. A wrapper in the pane stores the start
# time ($EPOCHREALTIME) just before it execs the program; the script polls
# `tmux capture-pane` until the first frame's text is on the screen (for
# samkoll the header of the filled list of assessments, for minimaltea its
# only line). The time between is the time to first frame. After the first
# frame it reads VmRSS and VmHWM from /proc/PID/status, then quits the
# program with q. It prints medians side by side, the ratio, and the sizes
# of the stripped binaries. The polling adds the same small delay to both.
set -euo pipefail

runs=${1:-20}
assessments=${2:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/samkoll-firstframe.XXXXXX")
sock="samkoll-ff-$$"
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }
[[ -n ${EPOCHREALTIME:-} ]] || { echo "bash 5 is needed (EPOCHREALTIME)" >&2; exit 1; }

echo "building (-ldflags='-s -w') …" >&2
(cd "$root" && go build -ldflags='-s -w' -o "$work/samkoll" . && go build -ldflags='-s -w' -o "$work/minimaltea" ./tools/minimaltea)
echo "filling a database with $assessments assessments …" >&2
"$work/samkoll" demo --db "$work/demo.db" --assessments "$assessments" >&2

# A long-lived session keeps the tmux server up between the runs.
tmux -L "$sock" new-session -d -s keep -x 100 -y 30 "sleep 100000"

# measure NAME TEXT CMD… runs CMD once and prints "ms rss_kB hwm_kB".
measure() {
	local name=$1 text=$2
	shift 2
	local start="$work/start" cmd
	rm -f "$start"
	printf -v cmd '%q ' "$@"
	tmux -L "$sock" new-window -d -t keep -n "$name" \
		"bash -c 'echo \$EPOCHREALTIME > $start; exec $cmd'"
	local end
	while :; do
		if tmux -L "$sock" capture-pane -p -t "keep:$name" 2>/dev/null | grep -qF -- "$text"; then
			end=$EPOCHREALTIME
			break
		fi
		# A short pause leaves the cores to the program being measured;
		# it adds at most 2 ms, the same to both programs.
		sleep 0.002
	done
	local pid rss hwm
	pid=$(tmux -L "$sock" display-message -p -t "keep:$name" '#{pane_pid}')
	rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
	hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
	tmux -L "$sock" send-keys -t "keep:$name" q
	while tmux -L "$sock" list-windows -t keep -F '#W' | grep -qx "$name"; do sleep 0.01; done
	awk -v s="$(cat "$start")" -v e="$end" -v r="$rss" -v h="$hwm" 'BEGIN { printf "%.2f %d %d\n", (e - s) * 1000, r, h }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/app.txt"
: >"$work/ref.txt"
for ((i = 1; i <= runs; i++)); do
	measure ref "minimaltea redo" "$work/minimaltea" >>"$work/ref.txt"
	measure app "Åtgärder öppna/försenade" "$work/samkoll" --db "$work/demo.db" --lang sv >>"$work/app.txt"
	printf '.' >&2
done
echo >&2

app_ms=$(cut -d' ' -f1 "$work/app.txt" | median)
ref_ms=$(cut -d' ' -f1 "$work/ref.txt" | median)
app_rss=$(cut -d' ' -f2 "$work/app.txt" | median)
ref_rss=$(cut -d' ' -f2 "$work/ref.txt" | median)
app_hwm=$(cut -d' ' -f3 "$work/app.txt" | median)
ref_hwm=$(cut -d' ' -f3 "$work/ref.txt" | median)
app_size=$(stat -c %s "$work/samkoll")
ref_size=$(stat -c %s "$work/minimaltea")

printf '%-28s %12s %12s\n' "" samkoll minimaltea
printf '%-28s %12s %12s\n' "first frame, median ms" "$app_ms" "$ref_ms"
printf '%-28s %12s\n' "ratio samkoll/minimaltea" "$(awk -v a="$app_ms" -v r="$ref_ms" 'BEGIN { printf "%.2f", a / r }')"
printf '%-28s %12s %12s\n' "VmRSS after frame, MB" "$(awk -v k="$app_rss" 'BEGIN { printf "%.1f", k / 1024 }')" "$(awk -v k="$ref_rss" 'BEGIN { printf "%.1f", k / 1024 }')"
printf '%-28s %12s %12s\n' "VmHWM after frame, MB" "$(awk -v k="$app_hwm" 'BEGIN { printf "%.1f", k / 1024 }')" "$(awk -v k="$ref_hwm" 'BEGIN { printf "%.1f", k / 1024 }')"
printf '%-28s %12s %12s\n' "stripped binary, MB" "$(awk -v b="$app_size" 'BEGIN { printf "%.2f", b / 1048576 }')" "$(awk -v b="$ref_size" 'BEGIN { printf "%.2f", b / 1048576 }')"
printf '%-28s %12s\n' "runs each, assessments" "$runs, $assessments"
