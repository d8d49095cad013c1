"""Checks README's "30-second example": writes its node.cpp, runs the plugin
command the README shows (with the build's plugin and include directory),
and compares the output with the README's, line for line.

usage: readme_example.py README.md WORKDIR CLANG PLUGIN INCLUDE"""
import re
import subprocess
import sys


def main():
    readme, work, clang, plugin, include = sys.argv[1:6]
    text = open(readme, encoding="utf-8").read()
    m = re.search(r"`node\.cpp`:\n\n```cpp\n(.*?)```\n\n```\n\$ (.*?)\n(.*?)```", text, re.S)
    if not m:
        sys.exit("readme_example: no node.cpp example followed by its output in " + readme)
    source, command, expected = m.groups()
    with open(work + "/node.cpp", "w", encoding="utf-8") as f:
        f.write(source)
    args = command.split()
    args = [clang if a == "clang++-22" else a for a in args]
    args = ["-fplugin=" + plugin if a.startswith("-fplugin=") else a for a in args]
    args = [include if a == "include" else a for a in args]
    got = subprocess.run(args, cwd=work, capture_output=True, text=True).stderr
    if got != expected:
        sys.stdout.write("README's output:\n" + expected + "\nthe plugin's:\n" + got)
        sys.exit(1)
    print("README example: identical")


main()
