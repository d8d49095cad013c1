#!/usr/bin/env bash
# The output oracle: proves that a change meant to preserve behaviour does.
# It saves the compiler plugin's complete output (stdout and stderr, findings,
# notes, remarks and clang's own diagnostics) over every test input, with the
# mock standard library and with the real libstdc++, what the analysis
# concluded about each of their functions (dump-facts), and over the
# benchmark's generated annotation-dense and function-size inputs; then it
# compares two such saves byte for byte.
#
#   bash scripts/oracle.sh save <dir>          write the outputs of build/ into <dir>
#   bash scripts/oracle.sh compare <a> <b>     exit 1 and show the differences if any
#   bash scripts/oracle.sh check <dir>         save into a temporary directory and
#                                              compare it with <dir>
#
# Typical use: `save /tmp/before` on the commit before a refactor, then
# `check /tmp/before` after each commit of it. Uses build/ as it is (build it
# first), or the plugin PINCHECK_ORACLE_PLUGIN names. Environment:
# PINCHECK_ORACLE_JOBS (default 2); PINCHECK_ORACLE_SIZES
# (default 1000,10000: statement counts of the size series).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clangxx=/usr/lib/llvm-22/bin/clang++
plugin="${PINCHECK_ORACLE_PLUGIN:-$repo/build/lib/pincheck-plugin.so}"
jobs="${PINCHECK_ORACLE_JOBS:-2}"
sizes="${PINCHECK_ORACLE_SIZES:-1000,10000}"

die() { printf 'pincheck-oracle: error: %s\n' "$*" >&2; exit 2; }

usage() {
  sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

# One input, one mode: the plugin's output, with the exit status last (a
# crash shows as a status, not as a missing file).
run_one() {
  local out="$1" mode="$2" file="$3"
  local lang=(-x c++ -std=c++20)
  case "$file" in
    *.c) lang=(-x c -std=c17) ;;
    *.m) lang=(-x objective-c -fobjc-exceptions) ;;
    *.mm) lang=(-x objective-c++ -std=c++20 -fobjc-exceptions) ;;
  esac
  local std=() extra=()
  [[ "$mode" != real ]] && std=(-nostdinc++ -isystem "$repo/test/Inputs/std")
  # dump: what the analysis concluded about every function, below findings.
  [[ "$mode" == dump ]] && extra=(-fplugin-arg-pincheck-dump-facts=*)
  local rel="${file#"$repo"/}"
  local dest="$out/$rel.$mode.txt"
  mkdir -p "$(dirname "$dest")"
  local rc=0
  (cd "$(dirname "$file")" && "$clangxx" -fsyntax-only "${lang[@]}" -fplugin="$plugin" \
     -fplugin-arg-pincheck-report-skipped "${extra[@]}" -fno-color-diagnostics -I "$repo/include" \
     "${std[@]}" -I "$(dirname "$file")" "$file") >"$dest" 2>&1 || rc=$?
  echo "exit status $rc" >>"$dest"
}
export -f run_one
export repo clangxx plugin

save() {
  local out="$1"
  [[ -f "$plugin" ]] || die "$plugin not built: run bash scripts/setup.sh first"
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
  # Generated at a fixed path (and seed), so that the saves name them alike.
  local gen="$repo/build/oracle-inputs"
  rm -rf "$gen"
  mkdir -p "$gen"
  python3 "$repo/bench/gen_dense.py" --out "$gen" --dense small,large,clean \
    --sizes "$sizes" >/dev/null
  local list="$out/.list"
  {
    find "$repo/test" -path "$repo/test/Inputs/std" -prune -o -type f \
      \( -name '*.cpp' -o -name '*.cc' -o -name '*.c' -o -name '*.m' -o -name '*.mm' \) \
      -print | sort | while read -r f; do
      printf '%s\t%s\t%s\n' "$out" mock "$f"
      printf '%s\t%s\t%s\n' "$out" real "$f"
      printf '%s\t%s\t%s\n' "$out" dump "$f"
    done
    find "$gen" -name '*.cpp' | sort | while read -r f; do
      printf '%s\t%s\t%s\n' "$out" real "$f"
    done
  } >"$list"
  local n
  n=$(wc -l <"$list")
  printf 'pincheck-oracle: %s runs into %s (%s at a time)\n' "$n" "$out" "$jobs"
  tr '\t' '\n' <"$list" | xargs -d '\n' -n 3 -P "$jobs" bash -c 'run_one "$@"' _
  rm -f "$list"
  printf 'pincheck-oracle: saved %s outputs\n' "$(find "$out" -name '*.txt' | wc -l)"
}

compare() {
  local a="$1" b="$2"
  [[ -d "$a" && -d "$b" ]] || die "compare needs two saved directories"
  if diff -r -q "$a" "$b" >/dev/null; then
    printf 'pincheck-oracle: identical (%s outputs)\n' "$(find "$a" -name '*.txt' | wc -l)"
    return 0
  fi
  echo "pincheck-oracle: outputs differ:"
  diff -r -u "$a" "$b" | head -200
  return 1
}

case "${1:-}" in
  save) [[ $# -eq 2 ]] || usage; save "$2" ;;
  compare) [[ $# -eq 3 ]] || usage; compare "$2" "$3" ;;
  check)
    [[ $# -eq 2 ]] || usage
    [[ -d "$2" ]] || die "no saved outputs in '$2': run 'bash scripts/oracle.sh save $2' first"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    save "$tmp/now"
    compare "$2" "$tmp/now"
    ;;
  *) usage ;;
esac
