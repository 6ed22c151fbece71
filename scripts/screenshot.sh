#!/usr/bin/env bash
# Starts the Assay window under a virtual X display, checks that it stays up
# and draws, and saves a screenshot.
#
#   [ASSAY_VIEW=VIEW] scripts/screenshot.sh BINARY OUT.png [ARGS...]
#
# BINARY is an already built assay binary (this script builds nothing), e.g.
# target/release/assay. ASSAY_VIEW picks the lower panel for the picture
# (ledger, cashflow, prices, npv, unitcost; default ledger). ARGS go to the
# binary (e.g. a project file). Exits non-zero if the window died within the
# wait, or the picture is blank (one flat colour).
#
# Debian/Ubuntu packages needed:
#   apt-get install -y --no-install-recommends xvfb xauth imagemagick libgl1-mesa-dri libegl1 libgl1
#
# Settings (environment): DISPLAY_NUM (default 99), SCREEN (1400x900x24, the
# default window size),
# WAIT_SECONDS before the shot (default 4), ASSAY_TIMING=1 to print the time
# to the first frame (the binary prints it on stderr).
set -euo pipefail

if [[ $# -lt 2 ]]; then
    sed -n '2,19p' "$0" >&2
    exit 2
fi
binary=$1
out=$2
shift 2
view=${ASSAY_VIEW:-ledger}

display_num=${DISPLAY_NUM:-99}
screen=${SCREEN:-1400x900x24}
wait_seconds=${WAIT_SECONDS:-4}
log_dir=$(mktemp -d)
xvfb_pid=""
app_pid=""

cleanup() {
    [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
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
# earlier run stored (window size, zoom, theme), and a fixed light theme
# unless the caller chose.
export XDG_DATA_HOME="$log_dir/data" XDG_CONFIG_HOME="$log_dir/config"
export DISPLAY=":$display_num" ASSAY_VIEW="$view"
unset WAYLAND_DISPLAY
# Mesa's software renderer: no GPU under Xvfb.
export LIBGL_ALWAYS_SOFTWARE=1

"$binary" "$@" >"$log_dir/app.log" 2>&1 &
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
grep -h "first frame" "$log_dir/app.log" >&2 || true

# A window that drew shows text, lines and colours: many colours and a
# spread of brightness. A blank or one-colour screen has neither.
colors=$(convert "$out" -format '%k' info:)
spread=$(convert "$out" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "screenshot: $out: $colors colours, brightness spread $spread" >&2
if [[ $colors -lt 16 ]] || awk -v s="$spread" 'BEGIN { exit !(s < 0.02) }'; then
    echo "screenshot: the picture is blank" >&2
    exit 1
fi
