#!/usr/bin/env bash
# Starts the Assay window under a virtual X display, checks that it stays up
# and draws, saves a screenshot, and reports start-up time and peak memory.
#
#   [ASSAY_VIEW=VIEW] scripts/screenshot.sh BINARY OUT.png [ARGS...]
#
# BINARY is an already built assay binary (this script builds nothing), e.g.
# target/release/assay. ARGS go to the binary (e.g. a project file).
# ASSAY_VIEW picks what the picture shows: the lower panel (ledger, cashflow,
# prices, npv, unitcost; default ledger) and/or the outline section (general,
# facilities, products, fiscal, support, financing, scenarios, compare) and/or
# scenario=NAME (the case shown), comma separated, e.g. ASSAY_VIEW=facilities,npv.
# ASSAY_VIEW=risk opens the Risk view; with ASSAY_RISK_RUN=1 the window also
# starts a Monte Carlo run of every funding option as soon as the Risk or
# Compare view opens (give it time: WAIT_SECONDS=20).
#
# Exits non-zero if the window died before the shot, did not close cleanly
# when asked to, or the picture is blank (few colours, flat brightness).
#
# Debian/Ubuntu packages needed (time is optional: without it no memory
# figure is printed):
#   apt-get install -y --no-install-recommends xvfb xauth imagemagick libgl1-mesa-dri libegl1 libgl1 time
#
# Settings (environment): DISPLAY_NUM (default 99); SIZE, the window's
# size (default 1400x900, e.g. SIZE=1024x700 for a small laptop); SCREEN
# (default SIZEx24); WAIT_SECONDS before the shot (default 4).
set -euo pipefail

if [[ $# -lt 2 ]]; then
    sed -n '2,27p' "$0" >&2
    exit 2
fi
binary=$1
out=$2
shift 2

display_num=${DISPLAY_NUM:-99}
size=${SIZE:-1400x900}
screen=${SCREEN:-${size}x24}
wait_seconds=${WAIT_SECONDS:-4}
log_dir=$(mktemp -d)
xvfb_pid=""
app_pid=""

cleanup() {
    if [[ -n $app_pid ]]; then
        # The app runs under /usr/bin/time: stop the app (time's child) first.
        for child in $(pgrep -P "$app_pid" 2>/dev/null); do kill "$child" 2>/dev/null || true; done
        kill "$app_pid" 2>/dev/null || true
    fi
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$log_dir"
}
trap cleanup EXIT

for tool in Xvfb import convert; do
    command -v "$tool" >/dev/null || { echo "screenshot: $tool is not installed (see the apt list at the top)" >&2; exit 2; }
done
[[ -x $binary ]] || { echo "screenshot: $binary is not an executable (build it first)" >&2; exit 2; }

Xvfb ":$display_num" -screen 0 "$screen" -nolisten tcp >"$log_dir/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
    [[ -e /tmp/.X11-unix/X$display_num ]] && break
    sleep 0.1
done
kill -0 "$xvfb_pid" 2>/dev/null || { echo "screenshot: Xvfb did not start:" >&2; cat "$log_dir/xvfb.log" >&2; exit 1; }

# A private settings folder, so the picture does not depend on what an
# earlier run stored (window size, zoom, theme, recent files).
export XDG_DATA_HOME="$log_dir/data" XDG_CONFIG_HOME="$log_dir/config"
export DISPLAY=":$display_num" ASSAY_VIEW="${ASSAY_VIEW:-ledger}" ASSAY_WINDOW_SIZE="$size"
unset WAYLAND_DISPLAY
# Mesa's software renderer: there is no GPU under Xvfb.
export LIBGL_ALWAYS_SOFTWARE=1
# The app prints the time to its first frame, and closes itself a few
# seconds after the shot so its peak memory can be read.
export ASSAY_TIMING=1 ASSAY_EXIT_AFTER=$((wait_seconds + 3))

runner=()
if [[ -x /usr/bin/time ]]; then
    runner=(/usr/bin/time -v -o "$log_dir/time.txt")
fi
"${runner[@]}" "$binary" "$@" >"$log_dir/app.log" 2>&1 &
app_pid=$!

sleep "$wait_seconds"
if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "screenshot: the app exited within ${wait_seconds}s; its output:" >&2
    cat "$log_dir/app.log" >&2
    exit 1
fi

import -display ":$display_num" -window root "$out"

if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "screenshot: the app died while the screenshot was taken; its output:" >&2
    cat "$log_dir/app.log" >&2
    exit 1
fi

# A window that drew shows text, lines and colours: many colours and a
# spread of brightness. A blank or one-colour screen has neither.
colors=$(convert "$out" -format '%k' info:)
spread=$(convert "$out" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "screenshot: $out: $colors colours, brightness spread $spread" >&2
if [[ $colors -lt 16 ]] || awk -v s="$spread" 'BEGIN { exit !(s < 0.02) }'; then
    echo "screenshot: the picture is blank" >&2
    exit 1
fi

# The app closes itself (ASSAY_EXIT_AFTER); give it ten seconds more.
status=""
for _ in $(seq 100); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
        status=0
        wait "$app_pid" || status=$?
        break
    fi
    sleep 0.1
done
app_pid_done=$app_pid
app_pid=""
if [[ -z $status ]]; then
    for child in $(pgrep -P "$app_pid_done" 2>/dev/null); do kill "$child" 2>/dev/null || true; done
    kill "$app_pid_done" 2>/dev/null || true
    echo "screenshot: the app did not close when asked to" >&2
    exit 1
fi
grep -h "first frame" "$log_dir/app.log" >&2 || true
if [[ -f $log_dir/time.txt ]]; then
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log_dir/time.txt")
    echo "screenshot: peak memory (max RSS) ${rss_kb} kB = $((rss_kb / 1024)) MB" >&2
fi
if [[ $status -ne 0 ]]; then
    echo "screenshot: the app exited with status $status; its output:" >&2
    cat "$log_dir/app.log" >&2
    exit 1
fi
