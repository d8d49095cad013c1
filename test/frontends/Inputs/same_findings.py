"""Reads the outputs of several front ends and checks they report the same
findings: each warning with its location, message, check and notes.

usage: same_findings.py NAME=FILE NAME=FILE ...
Prints the findings of the first (one block per warning, locations reduced to
file name:line:col) so a test can FileCheck them; exits 1 with the first
difference when the front ends disagree."""
import os
import re
import sys

LINE = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<kind>warning|error|note): (?P<msg>.*)$")


def findings(path):
    out, current = [], None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\n"))
            if not m:
                continue
            loc = "%s:%s:%s" % (os.path.basename(m["file"]), m["line"], m["col"])
            if m["kind"] == "note" and m["msg"].startswith("expanded from macro"):
                continue  # clang's macro backtrace: rendering, not a finding
            if m["kind"] == "note":
                if current is not None:
                    current[1].append("%s: note: %s" % (loc, m["msg"]))
                continue
            current = ("%s: %s: %s" % (loc, m["kind"], m["msg"]), [])
            out.append(current)
    # Front ends order findings differently (clang-tidy sorts by place).
    def place(finding):
        f, line, col = finding[0].split(":")[:3]
        return (f, int(line), int(col), finding)
    return sorted(out, key=place)


def main(argv):
    runs = [a.split("=", 1) for a in argv[1:]]
    if len(runs) < 2 or any(len(r) != 2 for r in runs):
        sys.exit("usage: same_findings.py NAME=FILE NAME=FILE ...")
    results = [(name, findings(path)) for name, path in runs]
    first_name, first = results[0]
    for name, other in results[1:]:
        if other != first:
            a = {w: n for w, n in first}
            b = {w: n for w, n in other}
            for w in sorted(set(a) | set(b)):
                if w not in b:
                    print("only in %s: %s" % (first_name, w))
                elif w not in a:
                    print("only in %s: %s" % (name, w))
                elif a[w] != b[w]:
                    print("notes differ for %s:\n  %s: %s\n  %s: %s"
                          % (w, first_name, a[w], name, b[w]))
            sys.exit(1)
    for warning, notes in first:
        print(warning)
        for n in notes:
            print("  " + n)
    print("%d findings, identical in %s" % (len(first), ", ".join(n for n, _ in results)))


if __name__ == "__main__":
    main(sys.argv)
