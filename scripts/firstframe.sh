#!/usr/bin/env bash
# firstframe.sh – budget row "first frame, whole process, median ratio to
# the minimal Bubble Tea v2 program in the same run": ≤ 1.2× on a plain
# pseudo-terminal and ≤ 1.3× in tmux, at every size.
#
#     scripts/firstframe.sh             # RUNS=7 SIZES="10 1000 10000"
#
# samkoll (on a demo database) and tools/minimaltea are started in turn,
# RUNS times for each size, interleaved: on a plain pseudo-terminal with
# tools/ptyframe (no tmux, as on a laptop's own terminal; TMUX is removed
# from the environment), then in a tmux pane on a private server. The time
# to first frame runs from just before the process is started until the
# frame's text is on the screen: for samkoll the header of the filled list,
# for minimaltea its only line. Each start waits 100 ms after the previous
# program has exited (settle). ptyframe reads the program's output
# directly; in tmux the script asks for `capture-pane` every 2 ms through
# one control-mode client, which adds the same small delay to both
# programs. Needs bash 5, tmux 3.2 or later and Go; see lib.sh for RUNS,
# SIZES and BENCH_CACHE.
source "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }
build
declare -A db
for n in $SIZES; do db[$n]=$(demo_db "$n"); done
ref_text="minimaltea redo"

sock="samkoll-ff-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# nap pauses without starting a process (sleep is one): a read that times
# out on a pipe nothing writes to.
exec {nap_fd}<> <(:)
nap() { read -r -t "$1" -u "$nap_fd" _ || true; }

# tm COMMAND gives one command to the server and leaves its output in out
# (no subshell: the script itself starts no process while it looks).
tm() {
	local line
	out=
	printf '%s\n' "$1" >&"${ctl[1]}"
	while IFS= read -r line <&"${ctl[0]}"; do
		case $line in
		%begin*) ;;
		%end* | %error*) return 0 ;;
		%*) ;; # a notification
		*) out+=$line$'\n' ;;
		esac
	done
}

# start_tmux starts the private tmux server, only once the runs on the
# plain pseudo-terminal are done: they are meant to run without tmux. A
# long-lived session keeps the server up between the runs.
start_tmux() {
	local line
	tmux -L "$sock" new-session -d -s keep -x 100 -y 30 "sleep 100000"
	# One control-mode client gives the script's commands to the server
	# for the whole run: starting a tmux client for every look at the
	# screen would take most of a core from the program being measured on
	# a 2-core machine (each look starts a process). It is told not to
	# send the panes' output.
	coproc ctl { tmux -L "$sock" -C attach -t keep; }
	# The client's own start answers first: wait for a line of ours.
	printf 'display-message -p samkoll-ready\n' >&"${ctl[1]}"
	while IFS= read -r line <&"${ctl[0]}" && [[ $line != samkoll-ready ]]; do :; done
	while IFS= read -r line <&"${ctl[0]}" && [[ $line != %end* ]]; do :; done
	tm "refresh-client -f no-output"
}

# settle pauses before each start. A program's exit leaves work behind it
# for a moment (in tmux, in the kernel): without the pause each start
# after samkoll at 10,000 took up to 30 ms longer, minimaltea's included,
# since every minimaltea run follows a samkoll run.
settle() { nap 0.1; }

# in_tmux NAME TEXT CMD… runs CMD once in a new tmux window and prints the
# milliseconds until TEXT is on its screen; then it quits it with q.
in_tmux() {
	local name=$1 text=$2
	shift 2
	local start="$work/start" cmd end
	settle
	rm -f "$start"
	printf -v cmd '%q ' "$@"
	tm "new-window -d -t keep -n $name 'bash -c \"echo \\\$EPOCHREALTIME > $start; exec $cmd\"'"
	while :; do
		tm "capture-pane -p -t keep:$name"
		if [[ $out == *"$text"* ]]; then
			end=$EPOCHREALTIME
			break
		fi
		# A short pause leaves the cores to the program being measured;
		# it adds at most 2 ms, the same to both programs.
		nap 0.002
	done
	tm "send-keys -t keep:$name q"
	while tm "list-windows -t keep -F #W" && [[ $'\n'$out == *$'\n'"$name"$'\n'* ]]; do nap 0.01; done
	awk -v s="$(cat "$start")" -v e="$end" 'BEGIN { printf "%.2f\n", (e - s) * 1000 }'
}

# on_pty TEXT CMD… prints the milliseconds to first frame on a plain pty.
on_pty() {
	local text=$1
	shift
	settle
	"$work/ptyframe" -text "$text" -- "$@" | cut -d' ' -f1
}

echo "$(load) before" >&2
for ((r = 1; r <= RUNS; r++)); do
	for n in $SIZES; do
		on_pty "$ref_text" "$work/minimaltea" >>"$work/pty-ref-$n"
		on_pty "$app_text" "$work/samkoll" --db "${db[$n]}" --lang sv >>"$work/pty-app-$n"
	done
	printf . >&2
done
start_tmux
for ((r = 1; r <= RUNS; r++)); do
	for n in $SIZES; do
		in_tmux ref "$ref_text" "$work/minimaltea" >>"$work/tmux-ref-$n"
		in_tmux app "$app_text" "$work/samkoll" --db "${db[$n]}" --lang sv >>"$work/tmux-app-$n"
	done
	printf . >&2
done
echo >&2

echo "first frame, ms: samkoll vs tools/minimaltea ($RUNS runs each, interleaved; $(load) after)"
printf '%-8s %-12s %26s %26s %8s   %s\n' where assessments "samkoll min/median/max" "minimaltea min/median/max" ratio budget
for where in pty tmux; do
	budget=1.2
	[[ $where == tmux ]] && budget=1.3
	for n in $SIZES; do
		read -r alo amed ahi < <(stats "$work/$where-app-$n" 1)
		read -r rlo rmed rhi < <(stats "$work/$where-ref-$n" 1)
		ratio=$(awk -v a="$amed" -v r="$rmed" 'BEGIN { printf "%.2f", a / r }')
		verdict="≤ ${budget}× met"
		awk -v x="$ratio" -v b="$budget" 'BEGIN { exit !(x > b) }' && verdict="≤ ${budget}× NOT met"
		printf '%-8s %-12s %26s %26s %8s   %s\n' "$where" "$n" "$alo/$amed/$ahi" "$rlo/$rmed/$rhi" "$ratio" "$verdict"
	done
done
