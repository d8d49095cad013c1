"""Runs a command (its output goes where ours goes) and then prints
"exit=<code>" on standard output, so that a test can check the exact exit
code with FileCheck: lit's `not` accepts any failure, a crash included.
A command killed by a signal prints a negative code (exit=-11), which matches
no expected code.

    %python exitcode.py <command> [<arg> ...]
"""
import subprocess
import sys

if len(sys.argv) < 2:
    sys.exit("usage: exitcode.py <command> [<arg> ...]")
sys.stdout.flush()
code = subprocess.call(sys.argv[1:])
sys.stdout.write("exit=%d\n" % code)
sys.stdout.flush()
