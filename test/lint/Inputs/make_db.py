"""Writes a compile_commands.json, with absolute paths, for tests that cannot
write one with split-file (the paths are only known when the test runs).

    %python make_db.py <db-dir> <directory> [--command] [--relative]
                       <file> [<file> ...] -- <compiler flag> ...

<db-dir> is where compile_commands.json goes (created if need be).
<directory> is each entry's "directory", made absolute. Each <file> is
relative to <directory> (or absolute); the entry's "file" is absolute unless
--relative is given. Entries use "arguments" (clang++ <flags> -c <file>), or
a single shell-quoted "command" string with --command.
"""
import json
import os
import shlex
import sys


def main(argv):
    if "--" not in argv:
        sys.exit("make_db.py: expected '--' before the compiler flags")
    split = argv.index("--")
    head, flags = argv[:split], argv[split + 1:]
    opts = [a for a in head if a.startswith("--")]
    pos = [a for a in head if not a.startswith("--")]
    unknown = set(opts) - {"--command", "--relative"}
    if unknown or len(pos) < 3:
        sys.exit("usage: make_db.py <db-dir> <directory> [--command] [--relative] "
                 "<file>... -- <flags>...")
    db_dir, directory, files = pos[0], os.path.abspath(pos[1]), pos[2:]
    entries = []
    for f in files:
        absf = os.path.normpath(os.path.join(directory, f))
        shown = os.path.relpath(absf, directory) if "--relative" in opts else absf
        args = ["clang++"] + flags + ["-c", shown]
        entry = {"directory": directory, "file": shown}
        if "--command" in opts:
            entry["command"] = " ".join(shlex.quote(a) for a in args)
        else:
            entry["arguments"] = args
        entries.append(entry)
    os.makedirs(db_dir, exist_ok=True)
    with open(os.path.join(db_dir, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
