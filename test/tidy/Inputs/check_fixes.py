"""Prints the fixes of a clang-tidy --export-fixes YAML file, one line per
diagnostic: "<check> <file name> <offset>+<length> '<replacement>'" or
"<check> <file name> no fix", sorted, so a test can FileCheck them."""
import os
import sys

import yaml  # python3-yaml: a dependency of clang-tidy-22 (run-clang-tidy)

with open(sys.argv[1], encoding="utf-8") as f:
    doc = yaml.safe_load(f)
lines = []
for d in doc.get("Diagnostics", []):
    name = d["DiagnosticName"]
    where = os.path.basename(d["DiagnosticMessage"]["FilePath"])
    reps = d["DiagnosticMessage"].get("Replacements") or []
    if not reps:
        lines.append("%s %s no fix" % (name, where))
    for r in reps:
        lines.append("%s %s %d+%d '%s'" % (name, os.path.basename(r["FilePath"]),
                                           r["Offset"], r["Length"], r["ReplacementText"]))
print("\n".join(sorted(lines)))
