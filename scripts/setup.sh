#!/usr/bin/env bash
# Sets up pincheck on Debian 12 (bookworm): installs the packages it needs
# (as root, only those missing), configures build/ with CMake + Ninja and
# builds it. Idempotent: a second run only rebuilds what changed.
#
#   bash scripts/setup.sh          (from any directory)
#
# Environment: PINCHECK_JOBS (default 2) build parallelism;
# PINCHECK_EXTRA_PACKAGES (space-separated) more Debian packages to ensure
# (bench/run.sh passes its own); PINCHECK_SETUP_PACKAGES_ONLY=1 stops after
# the packages.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build="$repo/build"

say() { printf 'pincheck-setup: %s\n' "$*"; }
die() { printf 'pincheck-setup: error: %s\n' "$*" >&2; exit 1; }

packages=(clang-22 clang-tidy-22 libclang-22-dev libclang-cpp22-dev llvm-22-dev llvm-22-tools
          cmake ninja-build python3 python3-psutil g++ make)
# shellcheck disable=SC2206  # split on any blank, newlines included
extra=(${PINCHECK_EXTRA_PACKAGES:-})
packages+=("${extra[@]}")

# 1. Packages.
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    say "packages present: ${packages[*]}"
  elif [[ "$(id -u)" -ne 0 ]]; then
    die "missing packages: ${missing[*]}
pincheck-setup: run this script as root, or install them first:
pincheck-setup:   sudo apt-get update && sudo apt-get install --no-install-recommends ${missing[*]}"
  else
    say "installing missing packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    say "packages installed"
  fi
else
  say "no dpkg-query (not Debian?): not checking packages"
fi

if [[ "${PINCHECK_SETUP_PACKAGES_ONLY:-0}" == 1 ]]; then
  say "PINCHECK_SETUP_PACKAGES_ONLY=1: not building"
  exit 0
fi

for tool in /usr/lib/llvm-22/bin/clang++ /usr/lib/llvm-22/bin/lit /usr/lib/llvm-22/bin/FileCheck; do
  [[ -x "$tool" ]] || die "$tool not found: install clang-22 and llvm-22-tools"
done
command -v cmake >/dev/null 2>&1 || die "cmake not found"
command -v ninja >/dev/null 2>&1 || die "ninja not found (package ninja-build)"

# 2. Configure. A fresh tree gets Ninja + Release; an existing one keeps its
# generator and cache (CMake refuses to switch generators in place) and is
# simply re-run, which is cheap and picks up new files.
if [[ -f "$build/CMakeCache.txt" ]]; then
  say "reconfiguring $build"
  cmake -S "$repo" -B "$build"
else
  say "configuring $build (Ninja, Release)"
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi

# 3. Build.
say "building (-j${PINCHECK_JOBS:-2})"
cmake --build "$build" -j "${PINCHECK_JOBS:-2}"
say "done: plugin at $build/lib/pincheck-plugin.so"
