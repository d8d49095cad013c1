#!/usr/bin/env bash
# pincheck's robustness sweep: the one command.
#
#   bash sweep/run.sh                      full run (about 40 minutes on 2 cores)
#   bash sweep/run.sh --quick              about 3 minutes
#   bash sweep/run.sh --only lint,determinism -j 2 --seed 7
#
# 1. installs, as root and only when missing, the Debian -dev packages whose
#    headers the sweep compiles (through scripts/setup.sh, as bench/run.sh
#    does);
# 2. builds pincheck with scripts/setup.sh (idempotent; skip it with
#    PINCHECK_SWEEP_NO_BUILD=1 when build/ is current);
# 3. runs sweep/sweep.py with the arguments given here, which prints the
#    summary table and writes sweep/results/latest.{md,json} (quick.* for
#    --quick, partial.* with --only and other selections).
#
# Exit status: sweep.py's, 0 when every part passed. Not part of the test
# suite; nothing here runs in CI.
set -euo pipefail

sweep="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$sweep/.." && pwd)"

say() { printf 'pincheck-sweep: %s\n' "$*"; }

# The headers part's packages (sweep.py's PACKAGES names the same ones; a
# package that is missing is skipped and listed in the results). llvm-22-dev
# and libclang-22-dev come with scripts/setup.sh itself.
export PINCHECK_EXTRA_PACKAGES="python3 libboost-dev qt6-base-dev libabsl-dev libprotobuf-dev
  libgrpc++-dev libfmt-dev libspdlog-dev nlohmann-json3-dev libeigen3-dev libtbb-dev"

if [[ "${PINCHECK_SWEEP_NO_BUILD:-0}" == 1 ]]; then
  say "PINCHECK_SWEEP_NO_BUILD=1: using the existing build/"
  PINCHECK_SETUP_PACKAGES_ONLY=1 bash "$repo/scripts/setup.sh"
else
  bash "$repo/scripts/setup.sh"
fi

cd "$repo"
exec python3 "$sweep/sweep.py" "$@"
