#!/usr/bin/env bash
# Issue 10: no work lost when the window is killed. In the real window under
# a virtual X display: open a copy of Afrikanda, rename the project (typed
# with xdotool), wait past the autosave interval, kill -9 the process, start
# it again on the same file, and check that it offers the recovery copy and
# that Restore (Enter) brings the edit back; quitting then removes the copy.
#
#   scripts/recovery-test.sh BINARY
#
# BINARY is an already built assay binary, e.g. target/release/assay.
# Debian/Ubuntu packages needed:
#   apt-get install -y --no-install-recommends xvfb xauth imagemagick xdotool libgl1-mesa-dri libegl1 libgl1
#
# Settings (environment): DISPLAY_NUM (default 98); AUTOSAVE_SECONDS (default
# 2; the window's default is 30).
set -euo pipefail

if [[ $# -ne 1 ]]; then
    sed -n '2,15p' "$0" >&2
    exit 2
fi
binary=$1
display_num=${DISPLAY_NUM:-98}
autosave=${AUTOSAVE_SECONDS:-2}
work=$(mktemp -d)
xvfb_pid=""
app_pid=""

cleanup() {
    [[ -n $app_pid ]] && kill -9 "$app_pid" 2>/dev/null || true
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "recovery-test: $*" >&2
    for log in "$work"/app*.log; do
        [[ -f $log ]] && { echo "--- $log" >&2; cat "$log" >&2; }
    done
    exit 1
}

for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "recovery-test: $tool is not installed (see the apt list at the top)" >&2; exit 2; }
done
[[ -x $binary ]] || { echo "recovery-test: $binary is not an executable (build it first)" >&2; exit 2; }

Xvfb ":$display_num" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
    [[ -e /tmp/.X11-unix/X$display_num ]] && break
    sleep 0.1
done
kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(cat "$work/xvfb.log")"

export DISPLAY=":$display_num" LIBGL_ALWAYS_SOFTWARE=1
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export ASSAY_RECOVERY_DIR="$work/recovery" ASSAY_AUTOSAVE_SECONDS=$autosave
# The window fills the screen, so the field clicked below is where it is.
export ASSAY_WINDOW_SIZE=1400x900
unset WAYLAND_DISPLAY
project="$work/afrikanda.ron"
cp "$(dirname "$0")/../projects/afrikanda.ron" "$project"
touch -d '1 hour ago' "$project"

# Waits for the Assay window and gives it the input focus.
focus_window() {
    local id=""
    for _ in $(seq 300); do
        id=$(xdotool search --name 'Assay' 2>/dev/null | head -1) && [[ -n $id ]] && break
        kill -0 "$app_pid" 2>/dev/null || fail "the window died while starting"
        sleep 0.1
    done
    [[ -n $id ]] || fail "no window appeared"
    sleep 2 # the first frames
    xdotool windowfocus --sync "$id"
    echo "$id"
}

# Run 1: edit, wait past the autosave, kill -9.
ASSAY_VIEW=general "$binary" "$project" >"$work/app1.log" 2>&1 &
app_pid=$!
focus_window >/dev/null
# The project's Name field (General section, at 1400x900, below the
# first-start welcome strip: see an ASSAY_VIEW=general screenshot).
xdotool mousemove 480 124 click 1
sleep 0.5
xdotool key ctrl+a
xdotool type --delay 20 "Recovered edit"
xdotool key Tab
[[ -n ${EDIT_SHOT:-} ]] && import -display ":$display_num" -window root "$EDIT_SHOT"
sleep $((autosave + 2))
copies=("$work"/recovery/*.ron)
[[ -f ${copies[0]} ]] || fail "no recovery copy after $((autosave + 2)) s"
grep -q 'name: "Recovered edit"' "${copies[0]}" || fail "the recovery copy lacks the edit: $(head -c 600 "${copies[0]}")"
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
grep -q 'name: "Afrikanda"' "$project" || fail "the file itself changed"

# Run 2: the copy is offered; Enter restores it; the project dumped has the
# edit; quitting (ASSAY_EXIT_AFTER) removes the copy.
ASSAY_DUMP_PROJECT="$work/dump.ron" ASSAY_EXIT_AFTER=12 "$binary" "$project" >"$work/app2.log" 2>&1 &
app_pid=$!
focus_window >/dev/null
import -display ":$display_num" -window root "${OFFER_SHOT:-$work/offer.png}"
grep -q 'name: "Afrikanda"' "$work/dump.ron" || fail "before the choice, the saved file is shown"
# A click on the dialog (centred on the screen) gives the window the
# keyboard; then Enter answers Restore.
xdotool mousemove 700 450 click 1
sleep 0.5
xdotool key Return
for _ in $(seq 50); do
    grep -q 'name: "Recovered edit"' "$work/dump.ron" 2>/dev/null && break
    sleep 0.1
done
grep -q 'name: "Recovered edit"' "$work/dump.ron" || fail "Restore did not bring the edit back"
echo "recovery-test: the restored project has the edit"
for _ in $(seq 200); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null && fail "the window did not close when asked to"
app_pid=""
leftover=$(find "$work/recovery" -name '*.ron' | wc -l)
[[ $leftover -eq 0 ]] || fail "quitting left $leftover recovery copies"
echo "recovery-test: passed (autosave every ${autosave} s, kill -9, restore, quit removes the copy)"
