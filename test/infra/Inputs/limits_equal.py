"""Compiles each .cpp of the given directories with the plugin twice, with
the default limits and with every limit off, and compares the diagnostics.

usage: limits_equal.py CLANGXX PLUGIN PIN_INCLUDE MOCK_STD DIR..."""
import glob
import os
import subprocess
import sys

LIMITS_OFF = ["max-block-visits=0", "max-places=0"]


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True).stdout


def main(argv):
    clangxx, plugin, pin_include, mock_std, *dirs = argv[1:]
    files = sorted(f for d in dirs for f in glob.glob(os.path.join(d, "*.cpp")))
    base = [clangxx, "-fsyntax-only", "-std=c++20", "-fplugin=" + plugin,
            "-I", pin_include, "-nostdinc++", "-isystem", mock_std,
            "-fno-caret-diagnostics"]
    findings = 0
    for f in files:
        default = run(base + [f])
        unlimited = run(base + ["-fplugin-arg-pincheck-" + a for a in LIMITS_OFF] + [f])
        if default != unlimited:
            print("%s: findings differ with the limits off" % f)
            print("--- default\n" + default + "--- unlimited\n" + unlimited)
            return 1
        findings += sum(1 for line in default.splitlines() if "] " not in line
                        and line.endswith("]") and ": warning: " in line)
    if not files or not findings:
        print("no findings in the corpus: nothing was compared")
        return 1
    print("%d files, %d findings: identical with default and unlimited limits"
          % (len(files), findings))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
