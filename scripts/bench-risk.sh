#!/usr/bin/env bash
# Runs the Monte Carlo benchmark and the numpy toy Monte Carlo back to back
# (same machine state), ROUNDS times (default 3) in turn, and prints each
# round's medians and ratio and the median ratio over the rounds (issue 8:
# the full Afrikanda model at most 3x the toy). Taking turns keeps a burst
# of load on this shared machine from landing on one side only. Needs
# python3 with numpy. Honours CARGO_TARGET_DIR (criterion writes its
# estimates there) and CARGO_ARGS (words put before `bench`, e.g.
# `--config ...`).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}
target=${CARGO_TARGET_DIR:-target}
: >/tmp/assay-bench-rounds.log
for round in $(seq 1 "$rounds"); do
    # shellcheck disable=SC2086
    cargo ${CARGO_ARGS:-} bench --bench risk -- monte_carlo/afrikanda_100k 2>&1 | tee -a /tmp/assay-bench-risk.log | grep -E "time:"
    python3 scripts/toy_mc.py | tee /tmp/assay-toy.log
    python3 - "$target" "$round" <<'PY' | tee -a /tmp/assay-bench-rounds.log
import json, re, sys
target, round_ = sys.argv[1], sys.argv[2]
est = json.load(open(f"{target}/criterion/monte_carlo/afrikanda_100k/new/estimates.json"))
seconds = est["median"]["point_estimate"] / 1e9
toy = float(re.search(r"median (\S+) s", open("/tmp/assay-toy.log").read()).group(1))
print(f"round {round_}: Afrikanda 100k trials median {seconds:.3f} s; numpy toy median {toy:.3f} s; ratio {seconds / toy:.2f}x")
PY
done
python3 - <<'PY'
import re, statistics
rows = [tuple(map(float, re.findall(r"median (\S+) s", line))) + (float(re.search(r"ratio (\S+)x", line).group(1)),)
        for line in open("/tmp/assay-bench-rounds.log")]
print(f"over {len(rows)} rounds: Afrikanda median {statistics.median(r[0] for r in rows):.3f} s, "
      f"toy median {statistics.median(r[1] for r in rows):.3f} s, median ratio {statistics.median(r[2] for r in rows):.2f}x")
PY
