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
# for 200 operations, and compares the medians. The answer key is also
# measured on a copy of each demo database (BenchmarkAnswerKeyDB: a new
# assessment among 10, 1,000 and 10,000), so that the row shows whether
# the commit grows with the data. All write to a temporary directory on
# the same file system. See lib.sh for RUNS, SIZES and BENCH_CACHE.
#
# Each measurement of the key is paired with a raw insert measured just
# before it, so that both meet the same moment of the machine: on a
# virtual machine whose pace swings between stretches of seconds, the
# medians of the two series taken apart move by up to a tenth against each
# other from run to run. The row shows both the ratio of the medians and
# the median of the pairs' ratios; the verdict is on the pairs'.
source "$(dirname "$0")/lib.sh"
echo "building the test binaries …" >&2
(cd "$root" && go test -c -o "$work/store.test" ./store && go test -c -o "$work/tui.test" ./tui)
# The demo databases are filled by samkoll as released; each size gets one
# private copy, written to the disk before the runs (otherwise the first
# commits would wait for the copy's hundreds of megabytes).
(cd "$root" && release_build host "$work/samkoll")
for n in $SIZES; do
	cp "$(demo_db "$n")" "$work/ak-$n.db"
	sync "$work/ak-$n.db"
done
echo "$(load) before" >&2
nsop() { awk '/^Benchmark/ { for (i = 1; i < NF; i++) if ($(i + 1) == "ns/op") { printf "%.3f\n", $i / 1e6; exit } }'; }
raw() {
	(cd "$root/store" && "$work/store.test" -test.run '^$' -test.bench '^BenchmarkRawInsertCommit$' -test.benchtime 200x) | nsop
}
# pair KEY CMD…: a raw insert, then the key (CMD's benchmark); appends the
# key's ms to key-KEY, the raw insert's to raw and "raw key" to pair-KEY.
pair() {
	local k=$1
	shift
	local r a
	r=$(raw)
	a=$("$@" | nsop)
	echo "$r" >>"$work/raw"
	echo "$a" >>"$work/key-$k"
	echo "$r $a" >>"$work/pair-$k"
}
key_new() { (cd "$root/tui" && "$work/tui.test" -test.run '^$' -test.bench '^BenchmarkAnswerKeyStore$' -test.benchtime 200x); }
key_db() { (cd "$root/tui" && SAMKOLL_BENCH_DB="$work/ak-$1.db" "$work/tui.test" -test.run '^$' -test.bench '^BenchmarkAnswerKeyDB$' -test.benchtime 200x); }
for ((r = 1; r <= RUNS; r++)); do
	pair new key_new
	for n in $SIZES; do
		pair "$n" key_db "$n"
	done
	printf . >&2
done
echo >&2
read -r rlo rmed rhi < <(stats "$work/raw" 1)
echo "answer key vs raw insert+commit, ms per operation ($RUNS runs of 200 each, each key run after a raw run; $(load) after)"
printf '%-44s %-24s %-22s %s\n' "" "min / median / max" "ratio of the medians" "median ratio of the pairs"
printf '%-44s %s\n' "raw INSERT+COMMIT (empty database)" "$rlo / $rmed / $rhi"
for k in new $SIZES; do
	read -r klo kmed khi < <(stats "$work/key-$k" 1)
	ratio=$(awk -v a="$kmed" -v r="$rmed" 'BEGIN { printf "%.2f", a / r }')
	awk '{ printf "%.4f\n", $2 / $1 }' "$work/pair-$k" >"$work/ratios-$k"
	read -r _ pmed _ < <(stats "$work/ratios-$k" 1)
	paired=$(awk -v x="$pmed" 'BEGIN { printf "%.2f", x }')
	verdict="≤ 1.5× met"
	awk -v x="$paired" 'BEGIN { exit !(x > 1.5) }' && verdict="≤ 1.5× NOT met"
	what="answer key, new database"
	[[ $k == new ]] || what="answer key, among $k assessments"
	printf '%-44s %-24s %-22s %s   %s\n' "$what" "$klo / $kmed / $khi" "$ratio" "$paired" "$verdict"
done
