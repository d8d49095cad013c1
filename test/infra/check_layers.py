#!/usr/bin/env python3
"""Checks that includes point one way through pincheck's core (docs/internals.md).

Usage: check_layers.py <src_root>

The layers, lowest first; a file may include files of its own layer and the
layers below, never above:
  base     checks/Registry.h, Finding.h, Options.h, Checks.def, Options.def:
           the vocabulary every layer and every front end shares
  model    checks/model/     what declarations and types mean
  catalog  checks/catalog/   expression -> operation / pin event
  facts    checks/facts/     one body -> facts; summaries
  flow     checks/flow/      CFG analyses
  explain  checks/explain/   notes and dumps from what the analysis computed
  checks   checks/*          the checks, the driver (Analyzer) and the tables
Front ends (plugin/**) see only the base and checks/Analyzer.h, never the
engine. Prints each violation and exits 1 if there is any.
"""

import os
import re
import sys

ORDER = ["base", "model", "catalog", "facts", "flow", "explain", "checks"]
BASE = {"Registry.h", "Finding.h", "Options.h", "Checks.def", "Options.def"}
FRONT_END_ALLOWED = BASE | {"Analyzer.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(rel):
    """The layer of a file under checks/ (rel is relative to checks/)."""
    parts = rel.split("/")
    if len(parts) == 1:
        return "base" if parts[0] in BASE else "checks"
    return parts[0] if parts[0] in ORDER else None


def main(argv):
    if len(argv) != 2:
        print("usage: check_layers.py <src_root>", file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    checks = os.path.join(root, "checks")
    known = set()
    for d, _, files in os.walk(checks):
        for f in files:
            if f.endswith((".h", ".cpp", ".def")):
                known.add(os.path.relpath(os.path.join(d, f), checks))
    problems, edges = [], 0

    def resolve(including_dir, inc):
        # Includes are by path from checks/, or (for .def) by name.
        if inc in known:
            return inc
        local = os.path.normpath(os.path.join(including_dir, inc))
        return local if local in known else None

    for rel in sorted(known):
        me = layer_of(rel)
        if me is None:
            problems.append("checks/%s: in no layer (put it in one of %s)" % (rel, ", ".join(ORDER)))
            continue
        with open(os.path.join(checks, rel), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = resolve(os.path.dirname(rel), m.group(1))
                if target is None:
                    continue  # clang, llvm, the standard library
                edges += 1
                them = layer_of(target)
                if ORDER.index(them) > ORDER.index(me):
                    problems.append("checks/%s:%d: the %s layer includes %s, of the %s layer above it"
                                    % (rel, n, me, m.group(1), them))
    plugin = os.path.join(root, "plugin")
    for d, _, files in os.walk(plugin):
        for f in sorted(files):
            if not f.endswith((".h", ".cpp")):
                continue
            path = os.path.join(d, f)
            with open(path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    m = INCLUDE.match(line)
                    if m and m.group(1) in known and m.group(1) not in FRONT_END_ALLOWED:
                        problems.append("%s:%d: a front end includes the engine's %s (front ends see %s)"
                                        % (os.path.relpath(path, root), n, m.group(1),
                                           ", ".join(sorted(FRONT_END_ALLOWED))))
    for p in problems:
        print("layers: " + p)
    if problems:
        print("layers: %d problem(s)" % len(problems))
        return 1
    if edges == 0:
        print("layers: no include between pincheck's files found: the check would pass vacuously")
        return 1
    print("layers: %d includes between %d files, all pointing down" % (edges, len(known)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
