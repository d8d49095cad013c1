#!/usr/bin/env bash
# pincheck's benchmarks: the one command.
#
#   bash bench/run.sh              full run (about 40 minutes on 2 cores)
#   bash bench/run.sh --quick      short run (about 5 minutes)
#   bash bench/run.sh --only size,dense --runs 3 --no-callgrind
#
# 1. installs, as root and only when missing, the Debian packages the
#    benchmarks need: valgrind (callgrind), time, and the -dev packages whose
#    headers make the real-code corpus;
# 2. builds pincheck with scripts/setup.sh (idempotent; skip it with
#    PINCHECK_BENCH_NO_BUILD=1 when build/ is current);
# 3. runs bench/bench.py with the arguments given here, which writes
#    bench/results/latest.{md,json} (quick.* for --quick, partial.* with --only)
#    and prints the table.
#
# Not part of the test suite; nothing here runs in CI.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"

say() { printf 'pincheck-bench: %s\n' "$*"; }

# valgrind: instruction counts. time: peak RSS. The rest: the real-code
# corpus (about 260 MB installed in all, Qt's widgets being the largest).
# scripts/setup.sh installs them with its own (only what is missing).
export PINCHECK_EXTRA_PACKAGES="valgrind time python3 nlohmann-json3-dev libfmt-dev
  libasio-dev libeigen3-dev libabsl-dev libboost-dev libprotobuf-dev qtbase5-dev
  libgtest-dev"

if [[ "${PINCHECK_BENCH_NO_BUILD:-0}" == 1 ]]; then
  say "PINCHECK_BENCH_NO_BUILD=1: using the existing build/"
  PINCHECK_SETUP_PACKAGES_ONLY=1 bash "$repo/scripts/setup.sh"
else
  bash "$repo/scripts/setup.sh"
fi

cd "$repo"
exec python3 "$bench/bench.py" "$@"
