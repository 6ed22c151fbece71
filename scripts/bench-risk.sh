#!/usr/bin/env bash
# Runs the Monte Carlo benchmark and the numpy toy Monte Carlo back to back
# (same machine state) and prints the ratio of their medians (issue 8: the
# full Afrikanda model at most 3x the toy). Needs python3 with numpy.
# Honours CARGO_TARGET_DIR (criterion writes its estimates there) and
# CARGO_ARGS (words put before `bench`, e.g. `--config ...`).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
cargo ${CARGO_ARGS:-} bench --bench risk -- monte_carlo/afrikanda_100k 2>&1 | tee /tmp/assay-bench-risk.log
python3 scripts/toy_mc.py | tee /tmp/assay-toy.log
python3 - <<'PY'
import json, os, re
target = os.environ.get("CARGO_TARGET_DIR", "target")
est = json.load(open(f"{target}/criterion/monte_carlo/afrikanda_100k/new/estimates.json"))
seconds = est["median"]["point_estimate"] / 1e9
toy = float(re.search(r"median (\S+) s", open("/tmp/assay-toy.log").read()).group(1))
print(f"Afrikanda 100k trials: median {seconds:.3f} s; numpy toy: median {toy:.3f} s; ratio {seconds / toy:.2f}x")
PY
