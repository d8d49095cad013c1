#!/usr/bin/env bash
# Builds pincheck (scripts/setup.sh) and runs the plugin, then the lint tool,
# on examples/demo.cpp.
# The example is meant to produce warnings: they are shown and the script
# still exits 0. It fails if the plugin cannot be loaded or clang fails.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

bash scripts/setup.sh

plugin=build/lib/pincheck-plugin.so
clangxx=clang++-22
command -v "$clangxx" >/dev/null 2>&1 || clangxx=/usr/lib/llvm-22/bin/clang++
[[ -f "$plugin" ]] || { echo "pincheck-demo: $plugin was not built" >&2; exit 1; }
[[ -f examples/demo.cpp ]] || { echo "pincheck-demo: examples/demo.cpp not found" >&2; exit 1; }

cmd=("$clangxx" -std=c++20 -fsyntax-only "-fplugin=$plugin" -I include examples/demo.cpp)
echo "pincheck-demo: ${cmd[*]}"
set +e
output="$("${cmd[@]}" 2>&1)"
rc=$?
set -e
[[ -z "$output" ]] || printf '%s\n' "$output"

if grep -q "unable to load plugin" <<<"$output"; then
  echo "pincheck-demo: clang could not load $plugin" >&2
  exit 1
fi
if ((rc != 0)); then
  echo "pincheck-demo: clang failed (exit $rc)" >&2
  exit "$rc"
fi
warnings=$(grep -cE '(^|: )warning: ' <<<"$output" || true)
echo "pincheck-demo: ok, $warnings warning(s) from examples/demo.cpp"

# The same example through the CI lint tool (exit 1 means "findings": expected).
tool=build/bin/pincheck
[[ -x "$tool" ]] || { echo "pincheck-demo: $tool was not built" >&2; exit 1; }
tcmd=("$tool" examples/demo.cpp -- -std=c++20 -I include)
echo "pincheck-demo: ${tcmd[*]}"
set +e
"${tcmd[@]}"
trc=$?
set -e
if ((trc > 1)); then
  echo "pincheck-demo: the lint tool failed (exit $trc)" >&2
  exit "$trc"
fi
echo "pincheck-demo: ok, the lint tool ran (exit $trc; 1 means findings, which the example has)"
