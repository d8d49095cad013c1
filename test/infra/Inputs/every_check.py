#!/usr/bin/env python3
"""every_check.py <Checks.def> <diagnostics file>: each check of the registry
has a warning in the file, and every warning is a pincheck check's.
Prints what is missing and exits 1, or prints the count."""
import re
import sys

names = re.findall(r'^CHECK\(\w+, "([^"]+)"', open(sys.argv[1]).read(), re.M)
text = open(sys.argv[2], errors="replace").read()
seen = set(re.findall(r"warning: .*\[(pin-[a-z-]+)\]$", text, re.M))
others = [l for l in text.splitlines()
          if re.search(r"(warning|error): ", l) and not re.search(r"\[pin-[a-z-]+\]$", l)]
missing = [n for n in names if n not in seen]
for n in missing:
    print("no finding of %s" % n)
for l in others:
    print("not a pincheck finding: %s" % l)
if missing or others or not names:
    sys.exit(1)
print("%d checks, each with a finding" % len(names))
