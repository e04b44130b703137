#!/usr/bin/env bash
# windows-smoke.sh: runs samkoll's CLI commands (those of the README) as a
# Windows program under wine and compares what they print with the Linux
# binary's, then checks what only Windows does: the default database in
# %LocalAppData% and the move from %AppData%, extended-length and device
# paths, a mapped network drive, the Documents known folder after a
# OneDrive-style redirection, and the single-writer lock (LockFileEx).
#
# Needs wine (8 or later) and mingw-w64 (Debian: apt-get install wine
# wine64 gcc-mingw-w64-x86-64). Without them it says so and exits 0;
# with --install it installs them first. Go 1.22+ programs load
# bcryptprimitives.dll (ProcessPrng), which Windows 10/11 has and wine 8
# does not: a few lines of C built with mingw stand in for it.
#
# Exits non-zero on the first difference, printing both outputs.
# docs/windows.md says what this does and does not prove.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

if [ "${1:-}" = "--install" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    wine wine64 gcc-mingw-w64-x86-64-win32 >/dev/null
fi
WINE=$(command -v wine || command -v wine-stable || command -v wine64 || true)
MINGW=$(command -v x86_64-w64-mingw32-gcc || true)
if [ -z "$WINE" ] || [ -z "$MINGW" ]; then
  echo "windows-smoke: skipped: wine or mingw-w64 is not installed" \
    "(apt-get install wine wine64 gcc-mingw-w64-x86-64, or run with --install)"
  exit 0
fi
WINESERVER=$(command -v wineserver || command -v wineserver-stable || echo /usr/lib/wine/wineserver)

# Go keeps its caches where they are when HOME moves below.
export GOCACHE GOMODCACHE GOPATH GOFLAGS GOPROXY
GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)
GOFLAGS=$(go env GOFLAGS) GOPROXY=$(go env GOPROXY)
work=$(mktemp -d "${TMPDIR:-/tmp}/samkoll-winsmoke.XXXXXX")
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
# wine takes the user's folders from HOME: keep them out of the real one.
export HOME=$work/home
mkdir -p "$HOME"
cleanup() {
  "$WINESERVER" -k >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "windows-smoke: FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }

echo "== build"
CGO_ENABLED=0 go build -o "$work/samkoll" .
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -o "$work/samkoll.exe" .
GOOS=windows GOARCH=amd64 go test -c -o "$work/store.test.exe" ./store
GOOS=windows GOARCH=amd64 go test -c -o "$work/report.test.exe" ./report
cat >"$work/prng.c" <<'EOF'
/* Stand-in for bcryptprimitives.dll on wine 8: Go's runtime needs
   ProcessPrng, which Windows 10/11 have. RtlGenRandom is advapi32's
   SystemFunction036. */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  return RtlGenRandom(data, (ULONG)len);
}
EOF
"$MINGW" -shared -O2 -s -o "$work/bcryptprimitives.dll" "$work/prng.c" -ladvapi32

echo "== wine prefix"
"$WINE" wineboot -i >"$work/wineboot.log" 2>&1 </dev/null || true
sys32=$WINEPREFIX/drive_c/windows/system32
[ -d "$sys32" ] || fail "wineboot made no prefix (see $work/wineboot.log)"
cp "$work/bcryptprimitives.dll" "$sys32/"
# N: is a network drive, as a mapped share is on a laptop.
mkdir -p "$work/share"
ln -sfn "$work/share" "$WINEPREFIX/dosdevices/n:"
"$WINE" reg add 'HKLM\Software\Wine\Drives' /v n: /d network /f >/dev/null 2>&1 </dev/null
# Documents redirected out of the profile, as OneDrive does.
mkdir -p "$work/OneDrive - Region/Dokument"
docs_win=$("$WINE" winepath -w "$work/OneDrive - Region/Dokument" 2>/dev/null </dev/null | tr -d '\r')
"$WINE" reg add 'HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders' \
  /v Personal /t REG_EXPAND_SZ /d "$docs_win" /f >/dev/null 2>&1 </dev/null
"$WINESERVER" -k >/dev/null 2>&1 || true
# One wine server for all runs: each run then takes under a second.
"$WINESERVER" -p >/dev/null 2>&1 </dev/null
user=$(ls "$WINEPREFIX/drive_c/users" | grep -v -x Public | head -n1)
profile=$WINEPREFIX/drive_c/users/$user
local_db=$profile/AppData/Local/samkoll/samkoll.db
roaming_db=$profile/AppData/Roaming/samkoll/samkoll.db
win() { "$WINE" "$work/samkoll.exe" "$@"; }

# Each side runs in its own folder with the same relative paths. LANG is
# a UTF-8 locale that is not English, so that both speak Swedish and wine
# hands the arguments (å ä ö) to the Windows program as Windows would:
# wine converts the command line from the Unix locale.
L=$work/linux W=$work/windows
mkdir -p "$L" "$W"
export XDG_CONFIG_HOME=$L/config XDG_DATA_HOME=$L/data
export LANG=C.UTF-8
unset LC_ALL LC_CTYPE || true
win_dir=$("$WINE" winepath -w "$W" 2>/dev/null </dev/null | tr -d '\r')

# compare NAME ARGS...: run both, compare exit code, stdout byte for byte
# (but for demo's timing), and stderr with the folders and separators made
# alike. Output goes to files: wine's server keeps a pipe open.
n=0
compare() {
  local name=$1
  shift
  n=$((n + 1))
  local lo=$work/l$n.out le=$work/l$n.err wo=$work/w$n.out we=$work/w$n.err lc=0 wc=0
  (cd "$L" && "$work/samkoll" "$@") >"$lo" 2>"$le" </dev/null || lc=$?
  (cd "$W" && win "$@") >"$wo" 2>"$we" </dev/null || wc=$?
  sed -i -e 's/på [0-9.]* s\./på N s./' "$lo" "$wo" # demo's timing
  sed -i -e "s|$L|<dir>|g" -e 's/på [0-9.]* s/på N s/' "$le"
  sed -i -e "s|$(printf '%s' "$win_dir" | sed 's/\\/\\\\/g')|<dir>|g" -e 's|\\|/|g' -e 's/på [0-9.]* s/på N s/' "$we"
  if [ "$lc" != "$wc" ]; then
    cat "$le" "$we" >&2
    fail "$name: exit code $lc on Linux, $wc on Windows"
  fi
  cmp -s "$lo" "$wo" || { diff "$lo" "$wo" | head -n 20 >&2; fail "$name: stdout differs"; }
  cmp -s "$le" "$we" || { diff "$le" "$we" | head -n 20 >&2; fail "$name: stderr differs"; }
  echo "same: $name (exit $lc, $(wc -c <"$lo") bytes)"
}

echo "== the README's commands, Linux and Windows"
db="APT 2026/å ä ö 100% #1/samkoll.db"
mkdir -p "$L/APT 2026" "$W/APT 2026"
# A checklist and a template saved by Notepad: CRLF and a byte-order mark.
for d in "$L/config/samkoll" "$profile/AppData/Roaming/samkoll"; do
  mkdir -p "$d/checklists" "$d/templates"
done
printf '\xef\xbb\xbf' >"$L/egen.yaml"
sed 's/$/\r/' assets/checklists/osa.yaml >>"$L/egen.yaml"
cp "$L/egen.yaml" "$W/egen.yaml"
# The same text as Notepad's "ANSI" (Windows-1252) would save it.
printf 'id: ansi\r\nversion: 1\r\ntitle:\r\n  sv: R\xe5d och st\xf6d\r\n' >"$L/ansi.yaml"
cp "$L/ansi.yaml" "$W/ansi.yaml"

compare "version" version
compare "help" --help
compare "help en" --lang en help
compare "export --help" export --help
compare "unknown command" inget-sådant
compare "checklists" checklists
compare "lint CRLF+BOM" checklists lint egen.yaml
compare "lint ANSI" checklists lint ansi.yaml
compare "coverage" checklists coverage -o coverage.md
cmp -s "$L/coverage.md" "$W/coverage.md" || fail "coverage.md differs"
compare "export, no database yet" export --db "$db"
compare "demo" demo --db "$db" --assessments 6
compare "demo again" demo --db "$db" --assessments 6
compare "export newest" export --db "$db"
compare "export 2" export 2 --db "$db"
compare "export en" --lang en export 3 --db "$db"
compare "export -o" export 4 --db "$db" -o "APT 2026/plan 4.md"
cmp -s "$L/APT 2026/plan 4.md" "$W/APT 2026/plan 4.md" || fail "plan 4.md differs"
compare "export --open" export --open --db "$db"
compare "export unknown id" export 999 --db "$db"
compare "export --format json --all" export --format json --all --db "$db" -o data.json
# The data files hold each side's own ids; both import the Linux one.
cp "$L/data.json" "$W/data.json"
compare "import" import --db "fresh/samkoll.db" data.json
compare "import again (nothing doubled)" import --db "fresh/samkoll.db" data.json
compare "export after import" export --db "fresh/samkoll.db"
compare "import a missing file" import --db "fresh/samkoll.db" saknas.json

echo "== Windows only"
step "the Linux binary reads the database Windows wrote, with the same result"
(cd "$L" && "$work/samkoll" export --db "$W/$db") >"$work/cross.md" 2>/dev/null
(cd "$L" && "$work/samkoll" export --db "$db") >"$work/own.md" 2>/dev/null
cmp -s "$work/cross.md" "$work/own.md" || fail "the Windows database exports differently on Linux"

step "the default database is in %LocalAppData%"
(cd "$W" && win demo --assessments 2) >/dev/null 2>"$work/e" </dev/null || { cat "$work/e"; fail "demo on the default database"; }
[ -f "$local_db" ] || fail "no database at $local_db"
[ ! -e "$roaming_db" ] || fail "a database in Roaming"

step "a database in %AppData% (Roaming) is moved once, with a message"
mkdir -p "$(dirname "$roaming_db")"
mv "$local_db" "$roaming_db"
(cd "$W" && win export) >"$work/o" 2>"$work/e" </dev/null || { cat "$work/e"; fail "export after the move"; }
grep -q "har flyttats från" "$work/e" || { cat "$work/e"; fail "no message about the move"; }
[ -f "$local_db" ] && [ ! -e "$roaming_db" ] || fail "the database was not moved"
(cd "$W" && win export) >/dev/null 2>"$work/e" </dev/null
! grep -q "flyttats" "$work/e" || fail "the move message came twice"

step "extended-length and device paths"
for p in "\\\\?\\$win_dir\\ext.db" "\\\\.\\$win_dir\\dev.db"; do
  (cd "$W" && win demo --db "$p" --assessments 2) >/dev/null 2>"$work/e" </dev/null || { cat "$work/e"; fail "demo --db $p"; }
  (cd "$W" && win export --db "$p") >"$work/o" 2>"$work/e" </dev/null || { cat "$work/e"; fail "export --db $p"; }
  [ -s "$work/o" ] || fail "empty export from $p"
done
[ -f "$W/ext.db" ] && [ -f "$W/dev.db" ] || fail "the extended paths did not name the files"

step "a failed open leaves no lock file"
printf 'inte en databas' >"$W/trasig.db"
(cd "$W" && win demo --db trasig.db) >/dev/null 2>"$work/e" </dev/null && fail "opened a file that is no database"
ls "$W" | grep -q 'trasig.db\.' && fail "files left beside trasig.db: $(ls "$W" | grep trasig)"

step "a mapped network drive: no WAL, and a warning"
(cd "$W" && win demo --db 'N:\samkoll.db' --assessments 2) >/dev/null 2>"$work/e" </dev/null || { cat "$work/e"; fail "demo on N:"; }
grep -q "nätverksenhet" "$work/e" || { cat "$work/e"; fail "no warning on the network drive"; }
[ ! -e "$work/share/samkoll.db-wal" ] || fail "a -wal file on the network drive"

# wintests PKG RUN: runs the Windows test binary of PKG with -test.run RUN
# under wine, and fails for a failed test. wine 8 cannot remove a test's
# temporary folder the way Go 1.26 does (FILE_DISPOSITION_POSIX_SEMANTICS:
# "Invalid function"), so a test whose only message is that cleanup
# failure counts as passed: that is wine's problem, not samkoll's.
wintests() {
  local pkg=$1 run=$2 out=$work/$1-tests.txt
  (cd "$repo/$pkg" && "$WINE" "$work/$pkg.test.exe" -test.run "$run" -test.v) >"$out" 2>&1 </dev/null || true
  local real
  real=$(awk '
    { line = $0; sub(/^[ \t]+/, "", line) }
    line ~ /^=== (RUN|NAME|CONT|PAUSE)/ { split(line, a, /[ \t]+/); cur = a[3]; next }
    line ~ /^--- FAIL: / { split(line, a, /[ \t]+/); if (bad[a[3]]) print a[3]; next }
    line ~ /^[A-Za-z0-9_]+\.go:[0-9]+: / && line !~ /TempDir RemoveAll cleanup/ { bad[cur] = 1 }
    /^panic:/ { print "panic" }' "$out")
  [ -z "$real" ] || { cat "$out"; fail "$pkg tests under wine: $real"; }
  grep -q -- "^--- " "$out" || { cat "$out"; fail "$pkg tests under wine: none ran"; }
  echo "passed under wine: $pkg: $(grep -c -- '^--- ' "$out") tests ($run)"
}

step "the Documents known folder follows the redirection"
export SAMKOLL_SMOKE_DOCUMENTS=$docs_win
wintests report 'TestKnownDocumentsRedirected|TestDocumentsDir'
grep -q -- "--- PASS: TestKnownDocumentsRedirected" "$work/report-tests.txt" || fail "the known folder was not checked"
step "the store's tests of the lock, the connection string, the paths, the move and the modes"
wintests store 'TestSecondOpenIsLocked|TestDSN|TestOpenUnusualNames|TestMoveDatabase|TestDefaultPath|TestNetworkPath|TestWinVolume|TestCreateAndFileModes|TestOpenPermissions'
grep -q -- "--- .*TestSecondOpenIsLocked" "$work/store-tests.txt" || fail "the lock test did not run"

echo "windows-smoke: ok: $n commands gave the same output on Windows (wine $("$WINE" --version 2>/dev/null </dev/null)) and Linux; Windows-only checks passed"
