"""Runs a command with its standard output redirected or its file size
limited, then prints "exit=<code>" on our standard output (as exitcode.py
does), so that a test can make writes fail deterministically, as root too:

    %python run_limited.py [--stdout=full|closed] [--fsize=<bytes>] -- <command> ...

--stdout=full    the command's stdout is /dev/full (every write: ENOSPC);
--stdout=closed  the command starts with descriptor 1 closed;
--fsize=N        RLIMIT_FSIZE is N bytes, SIGXFSZ ignored: a write past N
                 bytes into a regular file fails with EFBIG, as on a full
                 disk. The command's stdout and stderr are pipes (copied to
                 ours), which the limit does not apply to.
"""
import os
import resource
import signal
import subprocess
import sys


def main(argv):
    if "--" not in argv:
        sys.exit(__doc__)
    split = argv.index("--")
    opts, cmd = argv[:split], argv[split + 1:]
    stdout_mode, fsize = None, None
    for o in opts:
        if o.startswith("--stdout="):
            stdout_mode = o.split("=", 1)[1]
        elif o.startswith("--fsize="):
            fsize = int(o.split("=", 1)[1])
        else:
            sys.exit("run_limited.py: unknown option %r\n%s" % (o, __doc__))

    def setup():
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if stdout_mode == "closed":
            os.close(1)

    stdout = subprocess.PIPE
    if stdout_mode == "full":
        stdout = open("/dev/full", "w")
    elif stdout_mode not in (None, "closed"):
        sys.exit("run_limited.py: --stdout=full or --stdout=closed")
    sys.stdout.flush()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, preexec_fn=setup)
    out, err = proc.communicate()
    if out:
        sys.stdout.buffer.write(out)
    sys.stderr.buffer.write(err)
    sys.stderr.flush()
    sys.stdout.write("exit=%d\n" % proc.returncode)
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
