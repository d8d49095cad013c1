#!/usr/bin/env bash
# Builds pincheck (scripts/setup.sh) and runs the lit tests in build/test.
# The output goes to the terminal and to build/test.log. The last line is a
# plain summary, "N passed, N failed" (", N skipped" when some were skipped);
# the exit status is lit's (or the setup's, if setup failed).
#
#   bash scripts/test.sh [extra lit arguments, e.g. --filter pin-move]
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo" || exit 1
lit=/usr/lib/llvm-22/bin/lit
log="$repo/build/test.log"

bash "$repo/scripts/setup.sh"
setup_rc=$?
if ((setup_rc != 0)); then
  echo "pincheck-test: setup/build failed (exit $setup_rc); tests not run"
  # The build is the first test: count it, so that no summary reads "0 failed".
  echo "0 passed, 1 failed"
  exit "$setup_rc"
fi

mkdir -p "$repo/build"
# A test that hangs fails after 10 minutes instead of holding the run (lit
# needs psutil to stop a test's processes; setup installs python3-psutil).
timeout=()
if /usr/bin/python3 -c 'import psutil' >/dev/null 2>&1; then
  timeout=(--timeout=600)
fi
"$lit" -sv "${timeout[@]}" "$@" "$repo/build/test" 2>&1 | tee "$log"
lit_rc=${PIPESTATUS[0]}

# lit 22 ends with "Total Discovered Tests: N" and lines such as
# "  Passed           : 10 (83.33%)" (older lits: "  Passed    : 10").
py=/usr/bin/python3
[[ -x "$py" ]] || py=python3
read -r passed failed skipped < <("$py" - "$log" <<'PY'
import re, sys
counts = {}
summary = False
for line in open(sys.argv[1], errors="replace"):
    # The summary comes last; start over at each header so that text in a
    # failing test's output cannot count.
    if line.startswith("Total Discovered Tests:") or line.startswith("Testing Time:"):
        summary = True
        counts = {}
        continue
    m = re.match(r"^\s+([A-Za-z][A-Za-z ]*?)\s*:\s*(\d+)(\s+\(.*\))?\s*$", line)
    if summary and m:
        counts[m.group(1)] = int(m.group(2))
passed = sum(counts.get(k, 0) for k in ("Passed", "Passed With Retry", "Expectedly Failed"))
failed = sum(counts.get(k, 0) for k in ("Failed", "Unexpectedly Passed", "Unresolved", "Timed Out"))
skipped = sum(counts.get(k, 0) for k in ("Unsupported", "Skipped"))
print(passed, failed, skipped)
PY
)
passed=${passed:-0} failed=${failed:-0} skipped=${skipped:-0}

# A failing lit run whose summary says nothing failed (lit crashed, a
# configuration error): never report it as clean.
if ((lit_rc != 0 && failed == 0)); then
  echo "pincheck-test: lit exited with $lit_rc without reporting a failed test (see $log)"
  failed=1
fi
summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
exit "$lit_rc"
