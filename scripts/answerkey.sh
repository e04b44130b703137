#!/usr/bin/env bash
# answerkey.sh – budget row "answer key (Update + durable commit + View)
# ≤ 1.5× a raw modernc insert+commit measured in the same run".
#
#     scripts/answerkey.sh              # RUNS=7
#
# It compiles the store and tui test binaries once, then runs, RUNS times
# in turn, store's BenchmarkRawInsertCommit (one INSERT committed in its own
# transaction, samkoll's DSN: WAL, synchronous=FULL, no store code) and
# tui's BenchmarkAnswerKeyStore (the key 1 on an item of the walk: Update,
# the save through the real store with its durable commit, and View), each
# for 200 operations, and compares the medians. Both write to a temporary
# directory on the same file system. See lib.sh for RUNS.
source "$(dirname "$0")/lib.sh"
echo "building the test binaries …" >&2
(cd "$root" && go test -c -o "$work/store.test" ./store && go test -c -o "$work/tui.test" ./tui)
echo "$(load) before" >&2
nsop() { awk '/^Benchmark/ { for (i = 1; i < NF; i++) if ($(i + 1) == "ns/op") { printf "%.3f\n", $i / 1e6; exit } }'; }
for ((r = 1; r <= RUNS; r++)); do
	(cd "$root/store" && "$work/store.test" -test.run '^$' -test.bench '^BenchmarkRawInsertCommit$' -test.benchtime 200x) | nsop >>"$work/raw"
	(cd "$root/tui" && "$work/tui.test" -test.run '^$' -test.bench '^BenchmarkAnswerKeyStore$' -test.benchtime 200x) | nsop >>"$work/key"
	printf . >&2
done
echo >&2
read -r klo kmed khi < <(stats "$work/key" 1)
read -r rlo rmed rhi < <(stats "$work/raw" 1)
ratio=$(awk -v a="$kmed" -v r="$rmed" 'BEGIN { printf "%.2f", a / r }')
verdict="≤ 1.5× met"
awk -v x="$ratio" 'BEGIN { exit !(x > 1.5) }' && verdict="≤ 1.5× NOT met"
echo "answer key vs raw insert+commit, ms per operation ($RUNS runs of 200 each, interleaved; $(load) after)"
printf '%-34s %s\n' "answer key (Update+commit+View)" "$klo / $kmed / $khi"
printf '%-34s %s\n' "raw INSERT+COMMIT" "$rlo / $rmed / $rhi"
printf '%-34s %s   %s\n' "ratio of the medians" "$ratio" "$verdict"
