#!/usr/bin/env python3
"""Checks pincheck's check registry against the "one name, six places" rule.

Usage: check_registry.py <src_root>

For every CHECK(Class, "name", "summary") line in checks/Checks.def:
  - names and classes are unique, and the names are sorted;
  - the name is pin-<lowercase words> and the class is its CamelCase + "Check"
    (pin-foo-bar -> PinFooBarCheck);
  - docs/checks/<name>.md and test/checks/<name>.cpp exist;
  - checks/<Class>.h and checks/<Class>.cpp exist;
  - checks/AllChecks.h, checks/CMakeLists.txt, README.md's table and
    docs/diagnostics.md name it;
  - each family is claimed by at most one check and declared in OpFamily,
    and each OpFamily value but None has its check.
Prints every problem found and exits 1 if there is any, 0 otherwise.
"""

import os
import re
import sys

CHECK_LINE = re.compile(
    r'^CHECK\(\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*(\w+)\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)\s*$')
NAME = re.compile(r"^pin(-[a-z0-9]+)+$")


def class_for(name):
    return "".join(part[:1].upper() + part[1:] for part in name.split("-")) + "Check"


entries_with_family = []  # (line number, class, name, family, summary)


def read_text(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def read_registry(path, problems):
    entries = []  # (line number, class, name, summary)
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line.startswith("CHECK("):
                continue
            m = CHECK_LINE.match(line)
            if not m:
                problems.append('%s:%d: malformed entry (want CHECK(Class, "name", Family, "summary")): %s'
                                % (path, number, line))
                continue
            entries.append((number, m.group(1), m.group(2), m.group(4)))
            entries_with_family.append((number, m.group(1), m.group(2), m.group(3), m.group(4)))
    return entries


def main(argv):
    if len(argv) != 2:
        print("usage: check_registry.py <src_root>", file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    registry = os.path.join(root, "checks", "Checks.def")
    if not os.path.isfile(registry):
        print("registry: %s not found" % registry)
        return 1

    problems = []
    entries = read_registry(registry, problems)
    if not entries and not problems:
        problems.append("%s: no CHECK(...) entries" % registry)

    seen_names, seen_classes = {}, {}
    for number, cls, name, summary in entries:
        where = "%s:%d" % (registry, number)
        if name in seen_names:
            problems.append("%s: duplicate check name '%s' (first on line %d)"
                            % (where, name, seen_names[name]))
        seen_names.setdefault(name, number)
        if cls in seen_classes:
            problems.append("%s: duplicate class '%s' (first on line %d)"
                            % (where, cls, seen_classes[cls]))
        seen_classes.setdefault(cls, number)
        if not NAME.match(name):
            problems.append("%s: check name '%s' is not pin-<lowercase words>" % (where, name))
        elif cls != class_for(name):
            problems.append("%s: class '%s' does not match check name '%s' (want '%s')"
                            % (where, cls, name, class_for(name)))
        if not summary.strip():
            problems.append("%s: '%s' has an empty summary" % (where, name))

    names = [name for _, _, name, _ in entries]
    for (n1, _, a, _), (n2, _, b, _) in zip(entries, entries[1:]):
        if b < a:
            problems.append("%s:%d: '%s' is out of order: it sorts before '%s' (line %d)"
                            % (registry, n2, b, a, n1))

    checked = set()
    for _, cls, name, _ in entries:
        if (cls, name) in checked:
            continue
        checked.add((cls, name))
        wanted = [
            os.path.join("docs", "checks", name + ".md"),
            os.path.join("test", "checks", name + ".cpp"),
            os.path.join("checks", cls + ".h"),
            os.path.join("checks", cls + ".cpp"),
        ]
        for rel in wanted:
            if not os.path.isfile(os.path.join(root, rel)):
                problems.append("missing %s (for check '%s', class '%s')" % (rel, name, cls))
        # Every list that names the checks names this one.
        lists = [
            ("checks/AllChecks.h", '#include "%s.h"' % cls),
            ("checks/CMakeLists.txt", "  %s.cpp" % cls),
            ("README.md", "| [%s](docs/checks/%s.md) | " % (name, name)),
            ("docs/diagnostics.md", ("## %s" % name, "| %s |" % name, "| %s (" % name)),
        ]
        for rel, starts in lists:
            starts = (starts,) if isinstance(starts, str) else starts
            text = read_text(os.path.join(root, rel))
            if text is not None and not any(l.startswith(starts) for l in text.split("\n")):
                problems.append("%s does not name '%s' (want a line starting '%s')"
                                % (rel, name, "' or '".join(starts)))

    # Each family of relocating operations is claimed by one check.
    families = [f for _, _, _, f, _ in entries_with_family if f != "None"]
    for f in sorted(set(families)):
        if families.count(f) > 1:
            problems.append("family %s is claimed by %d checks" % (f, families.count(f)))
    registry_h = read_text(os.path.join(root, "checks", "Registry.h")) or ""
    m = re.search(r"enum class OpFamily : unsigned \{([^}]*)\}", registry_h)
    declared = [x.strip() for x in m.group(1).split(",")] if m else []
    for f in families:
        if f not in declared:
            problems.append("family %s is not in OpFamily (checks/Registry.h)" % f)
    for f in declared:
        if f != "None" and f not in families:
            problems.append("OpFamily::%s has no check in checks/Checks.def" % f)

    for p in problems:
        print("registry: " + p)
    if problems:
        print("registry: %d problem(s) in %d check(s)" % (len(problems), len(entries)))
        return 1
    print("registry: %d checks, all consistent: %s" % (len(entries), ", ".join(names)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
