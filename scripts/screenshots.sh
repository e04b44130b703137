#!/usr/bin/env bash
# screenshots.sh – PNGs of samkoll's main screens from a real terminal.
#
#     scripts/screenshots.sh [OUTDIR]      # default docs/screenshots
#
# It builds samkoll, fills a fresh database with `samkoll demo`, and for
# each screen starts xterm (DejaVu Sans Mono 14 pt, 100×30) on a virtual X
# display (Xvfb), types the keys that lead to the screen with xdotool and
# grabs the window with xwd, converted to PNG by ImageMagick. Each shot has
# a terminal of its own on a copy of the demo database, so no shot depends
# on the one before.
#
# Needs: go, Xvfb, xterm, xdotool, xwd, convert (ImageMagick) and the
# DejaVu fonts. On Debian or Ubuntu:
#     apt-get install -y xvfb xterm xdotool x11-apps imagemagick fonts-dejavu-core
#
# The shots: start (the units), list (the assessments, u), walk, risk (the item answered Nej, probability 3,
# consequence 4), plan, summary and presentation (dark
# background, 256 colours), walk-light (light background), walk-16
# (TERM=xterm, 16 colours) and risk-16-light (16 colours on white, as
# xterm starts by default).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/screenshots}
for tool in go Xvfb xterm xdotool xwd convert; do
	command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing (see the top of this script)" >&2; exit 1; }
done
work=$(mktemp -d)
xvfb=
cleanup() {
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "building samkoll and the demo database …" >&2
(cd "$root" && go build -o "$work/samkoll" .)
"$work/samkoll" demo --db "$work/demo.db" >/dev/null

# A display number nobody uses.
disp=99
while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=":$disp"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

mkdir -p "$out"

# shot NAME BG FG TERM KEYS… – starts xterm with samkoll on a copy of the
# demo database, types KEYS (xdotool key names; "wait" pauses), and saves
# the window as NAME.png.
shot() {
	local name=$1 bg=$2 fg=$3 term=$4
	shift 4
	cp "$work/demo.db" "$work/$name.db"
	xterm -name "shot-$name" -geometry 100x30 -fa 'DejaVu Sans Mono' -fs 14 -bg "$bg" -fg "$fg" \
		-xrm 'XTerm*allowWindowOps: true' -xrm 'XTerm*cursorBlink: false' \
		-e env TERM="$term" COLORTERM= LANG=sv_SE.UTF-8 LC_ALL=C.UTF-8 HOME="$work" \
		"$work/samkoll" --db "$work/$name.db" &
	local pid=$!
	local win=
	for _ in $(seq 100); do
		win=$(xdotool search --classname "shot-$name" 2>/dev/null | head -1) && [ -n "$win" ] && break
		sleep 0.1
	done
	[ -n "$win" ] || { echo "screenshots.sh: xterm for $name did not start" >&2; exit 1; }
	sleep 2
	# Keys go through XTEST to the focused window (xterm ignores keys
	# sent to a window directly).
	xdotool windowfocus --sync "$win"
	for k in "$@"; do
		if [ "$k" = wait ]; then sleep 1; continue; fi
		xdotool key "$k"
		sleep 0.5
	done
	sleep 1.5
	xwd -id "$win" -silent | convert xwd:- PNG8:"$out/$name.png"
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	echo "$out/$name.png" >&2
}

dark=("#1e1e1e" "#e5e5e5" xterm-256color)
shot start "${dark[@]}"
shot list "${dark[@]}" u
shot walk "${dark[@]}" Return
shot risk "${dark[@]}" Return 3 3 4
shot plan "${dark[@]}" a
shot summary "${dark[@]}" s
shot presentation "${dark[@]}" Return F2
shot walk-light "#ffffff" "#1a1a1a" xterm-256color Return
shot walk-16 "#000000" "#e5e5e5" xterm Return
shot risk-16-light "#ffffff" "#000000" xterm Return 3 3 4
