#!/usr/bin/env python3
"""Adds a new pincheck check: everything but its rule, its wording and its tests.

  python3 scripts/new-check.py pin-foo-bar --kind use --family FooBar \\
      --summary "a pinned value is foo-barred"

Kinds (what the check reports, docs/internals.md "Adding a check"):
  use          pinned operands of one family of relocating operations; with
               --family, a new family (OpFamily in checks/Registry.h) or an
               existing one no check claims yet
  function     something else found in a function's results (like
               pin-container-relocation)
  declaration  something about a declaration (like pin-annotation)

It writes checks/<Class>.{h,cpp}, docs/checks/<name>.md and
test/checks/<name>.cpp from templates, and adds the check to every list that
names the checks: the registry row (checks/Checks.def, sorted), the driver's
includes (checks/AllChecks.h), the core's sources (checks/CMakeLists.txt), the
README's table of checks and a section of docs/diagnostics.md. A new family
is added to OpFamily. test/infra/registry.test then holds the check to all
of them. What is left is marked TODO in the files it wrote: the catalog rows
that produce a new family's operations, the rule, the message, the doc's
text and the test's cases, and a line of examples/demo.cpp that the check
reports (test/infra/demo.test asks for one).

--dry-run prints what it would write and change, and changes nothing.
"""

import argparse
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
NAME = re.compile(r"^pin(-[a-z0-9]+)+$")
FAMILY = re.compile(r"^[A-Z][A-Za-z0-9]*$")


def class_for(name):
    return "".join(p[:1].upper() + p[1:] for p in name.split("-")) + "Check"


def read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


class Change:
    def __init__(self, dry):
        self.dry = dry
        self.writes = []

    def write(self, rel, text, new=True):
        path = os.path.join(ROOT, rel)
        if new and os.path.exists(path):
            sys.exit("new-check: %s exists already" % rel)
        self.writes.append((rel, text, new))

    def commit(self):
        for rel, text, new in self.writes:
            print("new-check: %s %s" % ("would write" if self.dry else ("wrote" if new else "updated"), rel))
            if not self.dry:
                path = os.path.join(ROOT, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)


def insert_sorted(lines, new_line, is_entry, key):
    """Inserts new_line among the lines for which is_entry holds, by key."""
    entries = [i for i, l in enumerate(lines) if is_entry(l)]
    if not entries:
        sys.exit("new-check: no entries found to insert %r among" % new_line)
    at = entries[-1] + 1
    for i in entries:
        if key(lines[i]) > key(new_line):
            at = i
            break
    lines.insert(at, new_line)


HEADER = {
    "use": """// {cls}.h - {name}: see docs/checks/{name}.md.
#ifndef PINCHECK_{upper}_H
#define PINCHECK_{upper}_H

#include "RelocationCheck.h"

namespace pincheck {{

class {cls} : public CheckBase {{
public:
  static constexpr CheckId Id = CheckId::{cls};
  static constexpr unsigned Needs = NeedsPinFlow;
  /// The finding for a pinned operand of one of its family's operations.
  static void reportUse(const FunctionResults &R, const PinnedUse &U,
                        std::vector<Finding> &Out);
  /// Its message for U.
  static std::string message(const UseDescription &U);
}};

}} // namespace pincheck

#endif
""",
    "function": """// {cls}.h - {name}: see docs/checks/{name}.md.
#ifndef PINCHECK_{upper}_H
#define PINCHECK_{upper}_H

#include "Check.h"

namespace pincheck {{

class {cls} : public CheckBase {{
public:
  static constexpr CheckId Id = CheckId::{cls};
  // TODO: the analyses the rule reads (NeedsPinFlow, NeedsBorrowFlow).
  static constexpr unsigned Needs = NeedsPinFlow;
  /// Findings from one function's results.
  static void checkFunction(const FunctionResults &R, std::vector<Finding> &Out);
}};

}} // namespace pincheck

#endif
""",
    "declaration": """// {cls}.h - {name}: see docs/checks/{name}.md.
#ifndef PINCHECK_{upper}_H
#define PINCHECK_{upper}_H

#include "Check.h"

namespace pincheck {{

class {cls} : public CheckBase {{
public:
  static constexpr CheckId Id = CheckId::{cls};
  /// Findings on one declaration.
  static void checkDeclaration(const clang::Decl *D, DeclarationContext &C,
                               std::vector<Finding> &Out);
}};

}} // namespace pincheck

#endif
""",
}

SOURCE = {
    "use": """// {cls}.cpp - {name}'s rule and wording (docs/checks/{name}.md).
#include "{cls}.h"

namespace pincheck {{

void {cls}::reportUse(const FunctionResults &R, const PinnedUse &U,
                      std::vector<Finding> &Out) {{
  // TODO: the caret (Caret::Operand or Caret::Call) and any filter of the rule.
  Out.push_back(relocationFinding(R, U, Id, Caret::Call, message(describeUse(R, U))));
}}

std::string {cls}::message(const UseDescription &U) {{
  // TODO: the message (docs/diagnostics.md).
  return U.Name + " is ... " + afterPinned(U.Must) + "; ...";
}}

}} // namespace pincheck
""",
    "function": """// {cls}.cpp - {name}'s rule and wording (docs/checks/{name}.md).
#include "{cls}.h"

namespace pincheck {{

void {cls}::checkFunction(const FunctionResults &R, std::vector<Finding> &Out) {{
  // TODO: the rule: a Finding (Check = Id, Loc, Range, Message, Notes) for
  // each thing it reports in R.
  (void)R;
  (void)Out;
}}

}} // namespace pincheck
""",
    "declaration": """// {cls}.cpp - {name}'s rule and wording (docs/checks/{name}.md).
#include "{cls}.h"

namespace pincheck {{

void {cls}::checkDeclaration(const clang::Decl *D, DeclarationContext &C,
                             std::vector<Finding> &Out) {{
  // TODO: the rule: a Finding (Check = Id, Loc, Range, Message, Notes) for
  // each thing it reports on D.
  (void)D;
  (void)C;
  (void)Out;
}}

}} // namespace pincheck
""",
}

DOC = """# {name}

**{summary}**

TODO: what it reports and why it matters, in two or three sentences.

## The bug it catches

```cpp
// TODO: the smallest realistic code that has the bug
```

```
TODO: the warning and its notes, exactly as clang prints them
```

## The fix

```cpp
// TODO: the same code, fixed
```

## What it does not report

- TODO: the negatives the test holds it to.

## Cost

TODO.

## Options

{name} has no options of its own. The [plugin arguments](../plugin.md) that
apply to every check (`checks=`, `warnings-as-errors=`, `werror`) apply to it.
"""

TEST = """// Checks {name}: TODO what is reported, with the wording of
// docs/diagnostics.md, and side by side what must not be.
//
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s

#include <pin/pin.h>

// TODO: positives (expected-warning / expected-note) and their negatives.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.split("\n")[2:]))
    ap.add_argument("name", help="pin-<lowercase words>, e.g. pin-foo-bar")
    ap.add_argument("--kind", choices=["use", "function", "declaration"], required=True)
    ap.add_argument("--family", help="with --kind use: the OpFamily it reports (new or free)")
    ap.add_argument("--summary", required=True, help="one line, lowercase, no final period")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    if not NAME.match(a.name):
        sys.exit("new-check: '%s' is not pin-<lowercase words>" % a.name)
    if a.summary != a.summary.strip() or a.summary.endswith(".") or '"' in a.summary:
        sys.exit("new-check: the summary is one line, without a final period or quotes")
    if (a.kind == "use") != bool(a.family):
        sys.exit("new-check: --family goes with --kind use, and only with it")
    if a.family and not FAMILY.match(a.family):
        sys.exit("new-check: --family is a CamelCase name, e.g. FooBar")
    cls = class_for(a.name)
    fields = dict(name=a.name, cls=cls, upper=cls.upper(), summary=a.summary)
    ch = Change(a.dry_run)

    registry = read("checks/Checks.def")
    if '"%s"' % a.name in registry:
        sys.exit("new-check: %s is in checks/Checks.def already" % a.name)
    family = a.family or "None"
    claimed = re.findall(r'^CHECK\(\w+, "[^"]*", (\w+), ', registry, re.M)
    if a.family and a.family in claimed:
        sys.exit("new-check: family %s is claimed by another check already" % a.family)

    # The registry row, sorted by name.
    lines = registry.split("\n")
    insert_sorted(lines, 'CHECK(%s, "%s", %s, "%s")' % (cls, a.name, family, a.summary),
                  lambda l: l.startswith("CHECK("), lambda l: l.split('"')[1])
    ch.write("checks/Checks.def", "\n".join(lines), new=False)

    # A new family.
    if a.family:
        reg = read("checks/Registry.h")
        m = re.search(r"enum class OpFamily : unsigned \{([^}]*)\};", reg)
        members = [x.strip() for x in m.group(1).split(",")]
        if a.family not in members:
            last = members[-1]
            reg = reg.replace(m.group(0), "enum class OpFamily : unsigned {%s, %s};"
                              % (m.group(1).rstrip(), a.family))
            reg = reg.replace("unsigned(OpFamily::%s) + 1" % last,
                              "unsigned(OpFamily::%s) + 1" % a.family)
            ch.write("checks/Registry.h", reg, new=False)

    # The driver's includes and the sources.
    lines = read("checks/AllChecks.h").split("\n")
    insert_sorted(lines, '#include "%s.h"' % cls, lambda l: l.startswith('#include "Pin'),
                  lambda l: l)
    ch.write("checks/AllChecks.h", "\n".join(lines), new=False)
    lines = read("checks/CMakeLists.txt").split("\n")
    insert_sorted(lines, "  %s.cpp" % cls, lambda l: re.match(r"^  Pin\w+Check\.cpp$", l),
                  lambda l: l)
    ch.write("checks/CMakeLists.txt", "\n".join(lines), new=False)

    # README's table and docs/diagnostics.md.
    lines = read("README.md").split("\n")
    insert_sorted(lines, "| [%s](docs/checks/%s.md) | %s |" % (a.name, a.name, a.summary),
                  lambda l: l.startswith("| [pin-"), lambda l: l.split("]")[0])
    ch.write("README.md", "\n".join(lines), new=False)
    diag = read("docs/diagnostics.md").rstrip("\n")
    diag += "\n\n## %s\n\n- TODO: `the message` (and each variant)\n" % a.name
    ch.write("docs/diagnostics.md", diag, new=False)

    ch.write("checks/%s.h" % cls, HEADER[a.kind].format(**fields))
    ch.write("checks/%s.cpp" % cls, SOURCE[a.kind].format(**fields))
    ch.write("docs/checks/%s.md" % a.name, DOC.format(**fields))
    ch.write("test/checks/%s.cpp" % a.name, TEST.format(**fields))
    ch.commit()
    left = ["the rule and the message in checks/%s.cpp" % cls,
            "the doc page docs/checks/%s.md and its section in docs/diagnostics.md" % a.name,
            "the test test/checks/%s.cpp (positives with their negatives)" % a.name,
            "a line of examples/demo.cpp that %s reports" % a.name]
    if a.family:
        left.insert(0, "catalog rows that produce OpFamily::%s operations (checks/catalog), "
                       "and its words in explain/Dump.cpp and explain/Explain.cpp "
                       "(the build fails on the missing switch cases)" % a.family)
    print("new-check: %s: left to write (marked TODO):" % ("would add" if a.dry_run else "added")
          + "".join("\n  - " + x for x in left))


if __name__ == "__main__":
    main()
