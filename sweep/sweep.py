#!/usr/bin/env python3
"""pincheck's robustness sweep: real headers, mutated test inputs, the lint
tool's bad-input catalogue and determinism, each looked at for crashes, hangs,
findings on unannotated code, changes in clang's own diagnostics and lost or
corrupted output.

Run through `bash sweep/run.sh` (installs the packages, builds pincheck), or
directly once those are in place:

  python3 sweep/sweep.py                   full run, results/latest.{md,json}
  python3 sweep/sweep.py --quick           a few minutes, results/quick.*
  python3 sweep/sweep.py --only lint,determinism
  python3 sweep/sweep.py --only mutants --seed 7 --mutants-per-input 40

Parts (--only): headers (public headers of Debian -dev packages compiled as
user code, plainly and with the plugin, and a sample through the clang-tidy
module), mutants (random token edits of the test inputs, with the plugin),
lint (the bad-input catalogue of lint_cases.py against build/bin/pincheck),
determinism (the lint tool run again and again, object files with and
without the plugin).

Exit status: 0 when every part passed, 1 when one failed, 2 on a usage error.
Reproducers of crashes and hangs go to results/crashes/<part>/<id>/, of other
failures to results/failures/<part>/<id>/ (a cmd.sh and what it printed).
"""
import argparse
import concurrent.futures
import datetime
import fnmatch
import json
import os
import platform
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

SWEEP = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(SWEEP)
CACHE = os.path.join(SWEEP, ".cache")
RESULTS = os.path.join(SWEEP, "results")
PLUGIN = os.path.join(REPO, "build", "lib", "pincheck-plugin.so")
TIDY_MODULE = os.path.join(REPO, "build", "lib", "pincheck-tidy.so")
PIN_INCLUDE = os.path.join(REPO, "include")
MOCK_STD = os.path.join(REPO, "test", "Inputs", "std")
PARTS = ["headers", "mutants", "lint", "determinism"]

sys.path.insert(0, SWEEP)
import lint_cases  # noqa: E402  (the catalogue lives beside this file)

LOCK = threading.Lock()
T0 = time.monotonic()


def log(msg):
    with LOCK:
        print(f"[{time.monotonic() - T0:7.1f}s] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- running


class Result:
    def __init__(self, cmd, rc, out, err, secs, timed_out):
        self.cmd, self.rc, self.out, self.err = cmd, rc, out, err
        self.secs, self.timed_out = secs, timed_out


def run(cmd, timeout, cwd=None, stdin=None, stdout="pipe", stderr="pipe", env=None):
    """Runs cmd in its own process group; on timeout the whole group is killed
    (a compiler may have children). stdout/stderr: "pipe", "closed",
    "devfull"; stdin: None (/dev/null), "closed" or bytes."""
    closed = []

    def dest(kind, fd):
        if kind == "pipe":
            return subprocess.PIPE
        if kind == "devfull":
            return open("/dev/full", "wb")
        if kind == "closed":
            closed.append(fd)
            return subprocess.DEVNULL
        raise ValueError(kind)

    so, se = dest(stdout, 1), dest(stderr, 2)
    si = subprocess.PIPE if isinstance(stdin, bytes) else subprocess.DEVNULL
    if stdin == "closed":
        closed.append(0)

    def pre():
        for fd in closed:
            os.close(fd)

    t = time.monotonic()
    p = subprocess.Popen(cmd, cwd=cwd, stdin=si, stdout=so, stderr=se, env=env or ENV,
                         start_new_session=True, preexec_fn=pre if closed else None)
    timed_out = False
    try:
        out, err = p.communicate(stdin if isinstance(stdin, bytes) else None, timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
    for f in (so, se):
        if hasattr(f, "close"):
            f.close()
    return Result(cmd, p.returncode, out or b"", err or b"", time.monotonic() - t, timed_out)


CRASH_SIGNS = [b"PLEASE submit a bug report", b"Stack dump:", b"LLVM ERROR", b"UNREACHABLE executed",
               b"frontend command failed", b"Assertion `", b"terminate called",
               b"Segmentation fault", b"AddressSanitizer", b"libc++abi", b"stack overflow"]


SOURCE_LINE = re.compile(rb"^ *\d* \| ")


def crash_reason(r):
    """Why r looks like a crash, or None. A hang is reported separately."""
    if r.timed_out:
        return None
    if r.rc is not None and r.rc < 0:
        return f"killed by signal {-r.rc} ({signal.Signals(-r.rc).name})" \
            if -r.rc in signal.valid_signals() else f"killed by signal {-r.rc}"
    # Not in a diagnostic's quoted source line: a test input's comments may
    # name these very strings.
    text = b"\n".join(l for l in (r.out + r.err).split(b"\n") if not SOURCE_LINE.match(l))
    for s in CRASH_SIGNS:
        if s in text:
            return f"'{s.decode()}' in the output (exit {r.rc})"
    if r.rc is not None and r.rc >= 128:
        return f"exit code {r.rc}"
    return None


def shell_line(cmd, cwd=None):
    line = " ".join(shlex.quote(os.fsdecode(c)) for c in cmd)
    return f"cd {shlex.quote(cwd)} && {line}" if cwd else line


def save_repro(kind, part, ident, cmd, cwd=None, files=(), outputs=(), note=""):
    """Writes a reproducer: cmd.sh (the command, runnable as it is), copies of
    the input files, and what the run printed. Returns its path, relative to
    the repository."""
    d = os.path.join(RESULTS, kind, part, re.sub(r"[^A-Za-z0-9_.+-]", "_", ident))
    os.makedirs(d, exist_ok=True)
    text = cmd if isinstance(cmd, str) else shell_line(cmd, cwd)
    for f in files:
        if os.path.isfile(f):
            shutil.copy(f, d)
            # The cache is rebuilt by the next run: point at the copy.
            text = text.replace(f, '"$here"/' + os.path.basename(f))
    with open(os.path.join(d, "cmd.sh"), "w") as f:
        f.write("#!/bin/sh\n# " + note.replace("\n", "\n# ") + "\n" +
                'here="$(cd "$(dirname "$0")" && pwd)"\n' + text + "\n")
    for name, data in outputs:
        with open(os.path.join(d, name), "wb") as f:
            f.write(data[:256 * 1024])
    return os.path.relpath(d, REPO)


# ---------------------------------------------------------------- diagnostics

# A diagnostic's first line: "file:line:col: error: ...", "clang++-22: error:
# ...", "error: ...". Source lines ("  12 | ...") and carets start with blanks.
DIAG = re.compile(rb"^(?:(?P<loc>\S.*?): )?(?P<sev>fatal error|error|warning|remark|note): "
                  rb"(?P<msg>.*)$")
INCLUDED = re.compile(rb"^(In file included from |                 from ).*:\d+:$")
GENERATED = re.compile(rb"^\d+ (warning|error)s? (and \d+ (warning|error)s? )?generated\.$")
FINDING_TAG = re.compile(rb"\[(pin|pincheck)-[a-z-]+(,-W[^\]]*)?\]$")


def split_diagnostics(text):
    """Groups clang's stderr into diagnostics: a warning, error or remark with
    its include stack, source lines and notes. Returns (blocks, findings):
    blocks without pincheck's findings, each a bytes string, and the number
    of findings (a diagnostic tagged [pin-...]). "N warnings generated." is
    left out: it counts the findings too."""
    blocks, findings = [], 0
    cur, pending, cur_is_finding = None, [], False

    def close():
        nonlocal cur
        if cur is not None and not cur_is_finding:
            # Trailing blank lines: the last block of a plain run has the
            # output's final newline, the same block with the plugin does not.
            blocks.append(b"\n".join(cur).rstrip())
        cur = None

    for line in text.split(b"\n"):
        if GENERATED.match(line):
            continue
        if INCLUDED.match(line):
            pending.append(line)
            continue
        m = DIAG.match(line) if not line[:1].isspace() else None
        if m and m.group("sev") != b"note":
            close()
            cur_is_finding = bool(FINDING_TAG.search(line))
            findings += cur_is_finding
            cur = pending + [line]
            pending = []
            continue
        if cur is None:
            cur, cur_is_finding = [], False
        cur.extend(pending + [line])
        pending = []
    if pending:
        if cur is None:
            cur, cur_is_finding = [], False
        cur.extend(pending)
    close()
    blocks = [b for b in blocks if b.strip()]
    return blocks, findings


def compare_diagnostics(plain, plugin):
    """(findings, changed, detail): the plugin run's findings, and whether
    clang's own diagnostics differ between the two runs."""
    a, _ = split_diagnostics(plain.err)
    b, findings = split_diagnostics(plugin.err)
    if a == b and plain.rc == plugin.rc:
        return findings, False, ""
    if plain.rc != plugin.rc:
        detail = f"exit code {plain.rc} without the plugin, {plugin.rc} with it"
    else:
        only_a = [x for x in a if x not in b]
        only_b = [x for x in b if x not in a]
        first = (only_b or only_a or [b""])[0].split(b"\n")[0].decode(errors="replace")
        detail = (f"{len(only_a)} diagnostics only without the plugin, {len(only_b)} only "
                  f"with it (or reordered); first: {first[:300]}")
    return findings, True, detail


def first_errors(text, n=1):
    out = []
    for line in text.split(b"\n"):
        if re.search(rb"(fatal error|error): ", line):
            out.append(line.decode(errors="replace")[:300])
            if len(out) >= n:
                break
    return out


# ---------------------------------------------------------------- headers


class Package:
    """A -dev package's headers: the Debian packages that own them, the
    include root they are found under, which are public (shell globs relative
    to the root, minus the excluded ones), extra flags, and how many to take
    in a full and a quick run (spread evenly over the sorted list)."""

    def __init__(self, name, debs, root, public, exclude=(), flags=(), full=50, quick=3,
                 subdirs_as_include=False):
        self.name, self.debs, self.root = name, debs, root
        self.public, self.exclude = public, list(exclude)
        self.flags, self.full, self.quick = list(flags), full, quick
        self.subdirs_as_include = subdirs_as_include


QT6 = "/usr/include/x86_64-linux-gnu/qt6"
LLVM_INC = "/usr/lib/llvm-22/include"
LLVM_FLAGS = ["-D_GNU_SOURCE", "-D__STDC_CONSTANT_MACROS", "-D__STDC_FORMAT_MACROS",
              "-D__STDC_LIMIT_MACROS"]

PACKAGES = [
    Package("boost", ["libboost1.74-dev"], "/usr/include",
            ["boost/*.hpp", "boost/*/*.hpp"], ["boost/typeof/*"],
            full=200),
    Package("qt6", ["qt6-base-dev"], QT6, ["Qt*/q*.h"],
            ["*/qt*-config.h", "*/qt*version.h", "*/qt*exports.h"], ["-fPIC"], full=120,
            subdirs_as_include=True),
    Package("abseil", ["libabsl-dev"], "/usr/include", ["absl/*/*.h", "absl/*/*/*.h"],
            ["*_test_*"], full=80),
    # /usr/lib/llvm-22/include/llvm links to Debian's /usr/include/llvm-22/llvm.
    Package("llvm", ["llvm-22-dev"], "/usr/include/llvm-22",
            ["llvm/ADT/*.h", "llvm/Support/*.h", "llvm/IR/*.h", "llvm/Analysis/*.h"],
            flags=LLVM_FLAGS + ["-I/usr/include/llvm-c-22"], full=100),
    # Clang's headers include LLVM's: those are user code here too.
    Package("clang", ["libclang-22-dev"], LLVM_INC,
            ["clang/AST/*.h", "clang/Basic/*.h", "clang/Lex/*.h", "clang/Sema/*.h",
             "clang/Frontend/*.h", "clang/Tooling/*.h", "clang/ASTMatchers/*.h"],
            flags=LLVM_FLAGS + ["-I" + LLVM_INC], full=60),
    Package("protobuf", ["libprotobuf-dev"], "/usr/include",
            ["google/protobuf/*.h", "google/protobuf/util/*.h", "google/protobuf/io/*.h"],
            full=50),
    Package("grpc++", ["libgrpc++-dev"], "/usr/include",
            ["grpcpp/*.h", "grpcpp/*/*.h"], ["grpcpp/impl/*"], full=50),
    Package("fmt", ["libfmt-dev"], "/usr/include", ["fmt/*.h"], full=20),
    Package("spdlog", ["libspdlog-dev"], "/usr/include",
            ["spdlog/*.h", "spdlog/sinks/*.h", "spdlog/cfg/*.h"],
            ["spdlog/*-inl.h", "spdlog/*/*-inl.h"], full=40),
    Package("nlohmann-json", ["nlohmann-json3-dev"], "/usr/include", ["nlohmann/*.hpp"],
            full=10),
    Package("eigen", ["libeigen3-dev"], "/usr/include/eigen3",
            ["Eigen/[A-Z]*", "unsupported/Eigen/[A-Z]*"], ["*.h", "*/src/*"], full=50),
    Package("onetbb", ["libtbb-dev"], "/usr/include", ["oneapi/tbb/*.h", "tbb/*.h"],
            full=40),
]

SYSTEM_PRAGMA = re.compile(rb"^[ \t]*#[ \t]*pragma[ \t]+(GCC|clang)[ \t]+system_header\b.*$",
                           re.M)


def dpkg_files(deb):
    r = subprocess.run(["dpkg", "-L", deb], capture_output=True, text=True)
    return r.stdout.split("\n") if r.returncode == 0 else None


def mirror_package(pkg):
    """Mirrors the package's files under its root into the cache as symlinks
    (a header found through a -I directory is user code, whatever the link
    points to), so that every body in them is analysed; a file with
    `#pragma GCC system_header` is copied with the pragma commented out.
    Returns (mirror dir, sorted relative paths of the regular files) or None
    when the package is not installed."""
    files = []
    for deb in pkg.debs:
        listed = dpkg_files(deb)
        if listed is None:
            return None
        files += [f for f in listed if f.startswith(pkg.root + "/") and os.path.isfile(f)]
    rels = sorted({os.path.relpath(f, pkg.root) for f in files})
    dst_root = os.path.join(CACHE, "mirror", pkg.name)
    for rel in rels:
        src, dst = os.path.join(pkg.root, rel), os.path.join(dst_root, rel)
        if os.path.lexists(dst):
            continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(src, "rb") as f:
            data = f.read()
        if SYSTEM_PRAGMA.search(data):
            with open(dst, "wb") as f:
                f.write(SYSTEM_PRAGMA.sub(lambda m: b"// " + m.group(0).lstrip(), data))
        else:
            os.symlink(src, dst)
    return dst_root, rels


# Implementation directories at any depth (and Qt's *_p.h): not public.
PRIVATE_DIRS = {"detail", "details", "impl", "internal", "private", "aux_"}


def glob_re(pattern):
    """A shell glob whose * and ? stay within one path component (fnmatch's
    cross '/')."""
    out = ""
    for c in re.split(r"(\*|\?|\[[^\]]*\])", pattern):
        out += "[^/]*" if c == "*" else "[^/]" if c == "?" else c if c.startswith("[") \
            else re.escape(c)
    return re.compile(out + r"\Z")


def public_headers(pkg, rels):
    def match(rel, pats):
        return any(glob_re(p).match(rel) for p in pats)
    def private(rel):
        parts = rel.split("/")
        return bool(PRIVATE_DIRS & set(parts[:-1])) or parts[-1].endswith("_p.h")
    return [r for r in rels if match(r, pkg.public) and not match(r, pkg.exclude)
            and not private(r)]


def spread(items, n):
    """n items spread evenly over the list: the same ones every run."""
    if n >= len(items):
        return list(items)
    return [items[(i * len(items)) // n] for i in range(n)]


def header_flags(pkg, mirror, std):
    flags = [std, "-fsyntax-only", "-fno-color-diagnostics", "-fno-crash-diagnostics",
             "-I" + PIN_INCLUDE, "-I" + mirror] + pkg.flags
    if pkg.subdirs_as_include:
        flags += ["-I" + os.path.join(mirror, d) for d in sorted(os.listdir(mirror))
                  if os.path.isdir(os.path.join(mirror, d))]
    return flags


class Part:
    """One part's counts, its problems (each with a reproducer) and notes."""

    def __init__(self, name):
        self.name = name
        self.runs = 0
        self.inputs = 0
        self.crashes = []
        self.hangs = []
        self.findings = []
        self.diag_changes = []
        self.lost = []
        self.other = []
        self.info = {}
        self.items = []
        self.secs = 0.0

    def problem(self, kind, ident, detail, repro):
        getattr(self, kind).append({"id": ident, "detail": detail, "repro": repro})

    def failed(self):
        return any((self.crashes, self.hangs, self.findings, self.diag_changes, self.lost,
                    self.other))

    def summary(self):
        return {"inputs": self.inputs, "runs": self.runs, "seconds": round(self.secs, 1),
                "crashes": self.crashes, "hangs": self.hangs, "findings": self.findings,
                "diagnostic_changes": self.diag_changes, "lost_or_corrupted": self.lost,
                "other_failures": self.other, "info": self.info, "items": self.items}


def check_pair(part, ident, plain, plugin, cmd_plain, cmd_plugin, files, findings_fail):
    """Records what a plain/plugin pair of runs shows. Returns the status."""
    outputs = [("plain.stderr", plain.err), ("plugin.stderr", plugin.err)]
    for which, r, cmd in (("without the plugin", plain, cmd_plain),
                          ("with the plugin", plugin, cmd_plugin)):
        if r.timed_out:
            part.problem("hangs", ident, f"no answer after {r.secs:.0f} s {which}",
                         save_repro("crashes", part.name, ident, cmd, files=files,
                                    outputs=outputs, note=f"hang {which}"))
            return "hang"
        why = crash_reason(r)
        if why:
            part.problem("crashes", ident, f"{why} {which}",
                         save_repro("crashes", part.name, ident, cmd, files=files,
                                    outputs=outputs, note=f"crash {which}: {why}"))
            return "crash"
    findings, changed, detail = compare_diagnostics(plain, plugin)
    status = "ok"
    if changed:
        part.problem("diag_changes", ident, detail,
                     save_repro("failures", part.name, ident,
                                shell_line(cmd_plain) + " 2> plain.stderr\n" +
                                shell_line(cmd_plugin) + " 2> plugin.stderr",
                                files=files, outputs=outputs,
                                note="clang's own diagnostics differ with the plugin"))
        status = "diagnostics changed"
    if findings and findings_fail:
        part.problem("findings", ident, f"{findings} findings on unannotated code",
                     save_repro("failures", part.name, ident, cmd_plugin, files=files,
                                outputs=outputs, note="pincheck findings on unannotated code"))
        status = "findings"
    return status


def headers_part(args):
    part = Part("headers")
    t = time.monotonic()
    std = "-std=c++20"
    jobs = []
    wanted = args.packages.split(",") if args.packages else None
    for pkg in PACKAGES:
        if wanted and pkg.name not in wanted:
            continue
        m = mirror_package(pkg)
        if m is None:
            log(f"headers: {pkg.name}: {', '.join(pkg.debs)} not installed, skipped")
            part.info.setdefault("packages_missing", []).append(pkg.name)
            continue
        mirror, rels = m
        pub = public_headers(pkg, rels)
        n = args.headers_per_package or (pkg.quick if args.quick else pkg.full)
        chosen = spread(pub, n)
        part.info.setdefault("packages", {})[pkg.name] = {
            "debs": pkg.debs, "public_headers": len(pub), "compiled": len(chosen)}
        flags = header_flags(pkg, mirror, std)
        for rel in chosen:
            jobs.append((pkg.name, rel, flags))
        log(f"headers: {pkg.name}: {len(chosen)} of {len(pub)} public headers")
    for h in args.header:
        h = os.path.abspath(h)
        d = os.path.dirname(h)
        jobs.append(("extra", os.path.basename(h),
                     [std, "-fsyntax-only", "-fno-color-diagnostics", "-fno-crash-diagnostics",
                      "-I" + PIN_INCLUDE, "-I" + d]))
    tu_dir = os.path.join(CACHE, "headers")
    shutil.rmtree(tu_dir, ignore_errors=True)
    os.makedirs(tu_dir)

    def one(i, job):
        name, rel, flags = job
        tu = os.path.join(tu_dir, f"{i:04d}-{name}-" + re.sub(r"[^A-Za-z0-9]", "_", rel) + ".cpp")
        # pin/pin.h first: a translation unit that never lexed 'annotate' is
        # skipped whole by the plugin, and nothing would be analysed.
        with open(tu, "w") as f:
            f.write(f"#include <pin/pin.h>\n#include <{rel}>\n")
        plain_cmd = [args.clangxx] + flags + [tu]
        plugin_cmd = [args.clangxx, "-fplugin=" + PLUGIN] + \
            ["-fplugin-arg-pincheck-" + a for a in args.plugin_arg] + flags + [tu]
        plain = run(plain_cmd, args.timeout)
        plugin = run(plugin_cmd, args.timeout)
        ident = f"{name}-{rel}"
        status = check_pair(part, ident, plain, plugin, plain_cmd, plugin_cmd, [tu], True)
        alone = plain.rc == 0
        errs = first_errors(plain.err)
        item = {"package": name, "header": rel, "status": status, "compiles_alone": alone,
                "seconds": [round(plain.secs, 2), round(plugin.secs, 2)]}
        if not alone:
            item["first_error"] = errs[0] if errs else f"exit {plain.rc}"
        with LOCK:
            part.runs += 2
            part.items.append(item)
            done = len(part.items)
        if done % 25 == 0 or status != "ok":
            log(f"headers: {done}/{len(jobs)} {ident}: {status}")
        return item

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        items = list(ex.map(lambda a: one(*a), enumerate(jobs)))
    part.inputs = len(jobs)
    part.items = sorted(part.items, key=lambda x: (x["package"], x["header"]))
    part.info["does_not_compile_alone"] = sum(1 for x in items if not x["compiles_alone"])

    # A sample through the clang-tidy module, against clang-tidy with one
    # check that matches no AST (clang-tidy refuses to run without a check).
    n = args.tidy_sample if args.tidy_sample is not None else (4 if args.quick else 50)
    sample = spread(list(enumerate(jobs)), n)
    tidy_items = []

    def tidy_one(i, job):
        name, rel, flags = job
        tu = os.path.join(tu_dir, f"{i:04d}-{name}-" + re.sub(r"[^A-Za-z0-9]", "_", rel) + ".cpp")
        cflags = [f for f in flags if f not in ("-fsyntax-only",)]
        base = [args.clang_tidy, "--header-filter=.*", "--checks=-*,bugprone-suspicious-include",
                tu, "--"] + cflags
        mod = [args.clang_tidy, "-load", TIDY_MODULE, "--header-filter=.*", "--checks=-*,pin-*",
               tu, "--"] + cflags
        a = run(base, args.timeout)
        b = run(mod, args.timeout)
        # clang-tidy prints diagnostics on stdout, its statistics on stderr;
        # its count of suppressed warnings differs between the two runs.
        for r in (a, b):
            r.err = b"\n".join(l for l in (r.out + r.err).split(b"\n")
                               if not l.startswith(b"Suppressed ") and
                               not l.startswith(b"Use -header-filter"))
        status = check_pair(part, f"tidy-{name}-{rel}", a, b, base, mod, [tu], True)
        with LOCK:
            part.runs += 2
            tidy_items.append({"package": name, "header": rel, "status": status})
        return status

    if sample:
        log(f"headers: {len(sample)} through the clang-tidy module")
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
            list(ex.map(lambda a: tidy_one(*a), sample))
    part.info["tidy_sample"] = len(sample)
    part.info["tidy_items"] = sorted(tidy_items, key=lambda x: (x["package"], x["header"]))
    part.secs = time.monotonic() - t
    return part


# ---------------------------------------------------------------- mutants

TOKEN = re.compile(r"""
    (?P<skip>//[^\n]*|/\*.*?\*/|\s+)
  | (?P<tok>R"(?P<d>[^(\s]*)\(.*?\)(?P=d)"|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'
      |[A-Za-z_]\w*|\d[\w.']*|::|->\*?|\.\.\.|<<=|>>=|<=>|[-+*/%&|^<>=!]=|&&|\|\||<<|>>|\+\+|--|\#\#
      |.)
""", re.S | re.X)

STRAYS = ["{", "}", "(", ")", ";", "<", ">", ",", "::", "[", "]", "template", "typename",
          "struct", "class", "return", "co_await", "co_return", "operator", "decltype(", "auto",
          "const", "&&", "&", "*", "...", "std::move(", "PIN_ADDRESS_SENSITIVE",
          "PIN_PINS_THIS", "PIN_PINS", "PIN_UNPIN", "PIN_ADDRESS_AWARE", "= delete", "0", "\"x\"",
          "[](){}", "requires", "noexcept", "static_assert(", "new", "delete", "this", "goto L;",
          "L:", "#define", "#if 0", "#endif", "virtual", "friend", "explicit", "constexpr",
          "using", "namespace", "union", "enum", "sizeof", "alignas(", "try", "catch(...)",
          "throw", "__attribute__((annotate(\"pin_pins\")))"]


def tokens(src):
    return [(m.start("tok"), m.end("tok")) for m in TOKEN.finditer(src) if m.group("tok")]


def mutate(src, rng):
    """1 to 3 token edits; returns (mutant, description of the edits)."""
    edits = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        toks = tokens(src)
        if len(toks) < 2:
            break
        op = rng.choice(["delete", "duplicate", "swap", "insert", "insert", "replace", "truncate"]
                        if rng.random() < 0.05 else
                        ["delete", "duplicate", "swap", "insert", "insert", "replace"])
        i = rng.randrange(len(toks))
        a, b = toks[i]
        line = src.count("\n", 0, a) + 1
        if op == "delete":
            src = src[:a] + src[b:]
        elif op == "duplicate":
            src = src[:b] + " " + src[a:b] + src[b:]
        elif op == "swap" and i + 1 < len(toks):
            c, d = toks[i + 1]
            src = src[:a] + src[c:d] + src[b:c] + src[a:b] + src[d:]
        elif op == "insert":
            s = rng.choice(STRAYS)
            # A directive needs a line of its own.
            s = "\n" + s + "\n" if s.startswith("#") else " " + s + " "
            src = src[:a] + s + src[a:]
        elif op == "replace":
            idents = [t for t in toks if re.match(r"[A-Za-z_]", src[t[0]])]
            c, d = rng.choice(idents) if idents else toks[i]
            src = src[:a] + src[c:d] + src[b:]
        elif op == "truncate":
            src = src[:a]
        else:
            continue
        edits.append(f"{op}@{line}")
    return src, edits


SPLIT_FILE = re.compile(r"^#--- (\S+)\n", re.M)


def mutant_inputs():
    """(name, source, flags) of each test input: test/**/*.cpp, the .cpp parts
    of split-file tests that include nothing of their own, examples/demo.cpp.
    Flags come from the test's first RUN line that runs the plugin."""
    found = []
    for root, dirs, files in os.walk(os.path.join(REPO, "test")):
        dirs[:] = sorted(d for d in dirs if d != "Inputs")
        for f in sorted(files):
            p = os.path.join(root, f)
            rel = os.path.relpath(p, REPO)
            text = open(p, encoding="utf-8", errors="replace").read()
            if f.endswith(".cpp"):
                found.append((rel, text, text))
            elif f.endswith(".test"):
                parts = SPLIT_FILE.split(text)
                for k in range(1, len(parts) - 1, 2):
                    name, body = parts[k], parts[k + 1]
                    if name.endswith(".cpp") and '#include "' not in body:
                        found.append((rel + ":" + name, body, text))
    demo = os.path.join(REPO, "examples", "demo.cpp")
    found.append(("examples/demo.cpp", open(demo).read(), ""))
    out = []
    for name, body, runs in found:
        run_lines = [l for l in runs.split("\n") if "RUN:" in l and ("%pincc" in l or
                                                                    "%clangxx" in l)]
        first = run_lines[0] if run_lines else ""
        real = "%pincc_real" in first or "PINCHECK_REAL_STD" in first
        flags = [t for t in first.split() if t.startswith(("-std=", "-D", "-fblocks"))
                 and "%" not in t] or ["-std=c++20"]
        if not any(t.startswith("-std=") for t in flags):
            flags.insert(0, "-std=c++20")
        std = [] if real else ["-nostdinc++", "-isystem", MOCK_STD]
        out.append((name, body, flags + std))
    return out


def mutants_part(args):
    part = Part("mutants")
    t = time.monotonic()
    inputs = mutant_inputs()
    n = args.mutants_per_input or (2 if args.quick else 20)
    work = os.path.join(CACHE, "mutants")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    jobs = []
    for name, body, flags in inputs:
        for k in range(n):
            jobs.append((name, body, flags, k))
    outcomes = {"compiles": 0, "errors only": 0}

    def one(job):
        name, body, flags, k = job
        # Each mutant has its own generator: reproducible alone from the seed.
        rng = random.Random(f"{args.seed}:{name}:{k}")
        src, edits = mutate(body, rng)
        ident = re.sub(r"[^A-Za-z0-9]+", "_", name) + f"-{k}"
        path = os.path.join(work, ident + ".cpp")
        with open(path, "w") as f:
            f.write(src)
        base = ["-fsyntax-only", "-fno-color-diagnostics", "-fno-crash-diagnostics",
                "-I" + PIN_INCLUDE] + flags + [path]
        plain_cmd = [args.clangxx] + base
        plugin_cmd = [args.clangxx, "-fplugin=" + PLUGIN] + \
            ["-fplugin-arg-pincheck-" + a for a in args.plugin_arg] + base
        plain = run(plain_cmd, args.mutant_timeout)
        plugin = run(plugin_cmd, args.mutant_timeout)
        status = check_pair(part, ident, plain, plugin, plain_cmd, plugin_cmd, [path], False)
        with LOCK:
            part.runs += 2
            if status == "ok":
                outcomes["compiles" if plain.rc == 0 else "errors only"] += 1
            else:
                part.items.append({"mutant": ident, "input": name, "edits": edits,
                                   "status": status})
            done = part.runs // 2
        if done % 100 == 0:
            log(f"mutants: {done}/{len(jobs)}")
        os.unlink(path) if status == "ok" else None

    log(f"mutants: {len(jobs)} ({n} of each of {len(inputs)} inputs), seed {args.seed}")
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        list(ex.map(one, jobs))
    part.inputs = len(jobs)
    part.info.update({"seed": args.seed, "test_inputs": len(inputs), "per_input": n, **outcomes})
    part.secs = time.monotonic() - t
    return part


# ---------------------------------------------------------------- lint


def lint_part(args):
    part = Part("lint")
    t = time.monotonic()
    cases = lint_cases.CASES
    if args.case:
        pats = args.case.split(",")
        cases = [c for c in cases if any(fnmatch.fnmatchcase(c.name, p) for p in pats)]
    work = os.path.join(CACHE, "lint")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = {"mock": MOCK_STD, "inc": PIN_INCLUDE, "pincheck": args.pincheck}

    def one(case):
        ws = os.path.join(work, case.name)
        verdict = lint_cases.run_case(case, ws, env, run, crash_reason)
        ident = case.name
        if not verdict.ok:
            kind = {"crash": "crashes", "hang": "hangs", "lost": "lost"}.get(verdict.kind, "other")
            where = "crashes" if kind in ("crashes", "hangs") else "failures"
            repro = save_repro(where, "lint", ident, verdict.cmd,
                               outputs=[("stdout", verdict.out), ("stderr", verdict.err)],
                               note=f"{case.what}\nexpected: {case.expect_text()}\n"
                                    f"got: {verdict.got}\n"
                                    f"the workspace is made by: python3 sweep/sweep.py "
                                    f"--only lint --case {case.name} (kept in {ws})")
            part.problem(kind, ident, verdict.reason, repro)
        item = {"case": case.name, "group": case.group, "what": case.what,
                "expected": case.expect_text(), "got": verdict.got,
                "ok": verdict.ok, "reason": verdict.reason}
        with LOCK:
            part.runs += verdict.runs
            part.items.append(item)
        if not verdict.ok:
            log(f"lint: {case.name}: FAIL: {verdict.reason}")
        else:
            shutil.rmtree(ws, ignore_errors=True)

    log(f"lint: {len(cases)} cases against {args.pincheck}")
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        list(ex.map(one, cases))
    order = {c.name: i for i, c in enumerate(cases)}
    part.items.sort(key=lambda x: order[x["case"]])
    part.inputs = len(cases)
    part.info["passed"] = sum(1 for x in part.items if x["ok"])
    part.info["failed"] = [x["case"] for x in part.items if not x["ok"]]
    part.secs = time.monotonic() - t
    return part


# ---------------------------------------------------------------- determinism

DET_PROJECT = os.path.join(SWEEP, "project")
DET_FLAGS = ["-std=c++20", "-nostdinc++", "-isystem", MOCK_STD, "-I", PIN_INCLUDE]


def det_database(src_dir, db_dir):
    """A compile_commands.json for every .cpp under src_dir, unless it has
    its own."""
    own = os.path.join(src_dir, "compile_commands.json")
    if os.path.exists(own):
        return src_dir
    entries = []
    for root, _, files in os.walk(src_dir):
        for f in sorted(files):
            if f.endswith(".cpp"):
                p = os.path.join(root, f)
                entries.append({"directory": src_dir, "file": p,
                                "arguments": ["clang++"] + DET_FLAGS + ["-c", p]})
    os.makedirs(db_dir, exist_ok=True)
    with open(os.path.join(db_dir, "compile_commands.json"), "w") as f:
        json.dump(sorted(entries, key=lambda e: e["file"]), f, indent=1)
    return db_dir


def determinism_part(args):
    part = Part("determinism")
    t = time.monotonic()
    work = os.path.join(CACHE, "determinism")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    project = os.path.abspath(args.det_project or DET_PROJECT)
    db = det_database(project, os.path.join(work, "db"))
    runs = args.det_runs or (2 if args.quick else 5)
    formats = ["text", "json", "sarif", "gitlab"]
    by_format = {}
    n_files = len(json.load(open(os.path.join(db, "compile_commands.json"))))
    log(f"determinism: {n_files} files, {runs} runs x -j1/-j2 x {len(formats)} formats")
    for fmt in formats:
        seen = {}
        for j in (1, 2):
            for k in range(runs):
                out = os.path.join(work, f"{fmt}-j{j}-{k}.out")
                cmd = [args.pincheck, "-p", db, f"--format={fmt}", f"-j{j}", "-o", out,
                       f"--base-dir={project}"]
                r = run(cmd, args.timeout, cwd=project)
                part.runs += 1
                ident = f"{fmt}-j{j}-{k}"
                if r.timed_out:
                    part.problem("hangs", ident, f"no answer after {r.secs:.0f} s",
                                 save_repro("crashes", "determinism", ident, cmd, cwd=project))
                    continue
                why = crash_reason(r)
                if why:
                    part.problem("crashes", ident, why,
                                 save_repro("crashes", "determinism", ident, cmd, cwd=project,
                                            outputs=[("stderr", r.err)]))
                    continue
                data = open(out, "rb").read() if os.path.exists(out) else b"(no report)"
                if fmt != "text":
                    try:
                        json.loads(data)
                    except ValueError as e:
                        part.problem("lost", ident, f"the {fmt} report is not valid JSON: {e}",
                                     save_repro("failures", "determinism", ident, cmd,
                                                cwd=project, outputs=[("report", data)]))
                key = (r.rc, data, r.err)
                seen.setdefault(key, []).append(ident)
        variants = list(seen)
        by_format[fmt] = {"runs": sum(len(v) for v in seen.values()), "variants": len(variants),
                          "exit_codes": sorted({k[0] for k in variants})}
        if len(variants) > 1:
            a, b = variants[0], variants[1]
            what = "exit code" if a[0] != b[0] else "report" if a[1] != b[1] else "stderr"
            part.problem("lost", f"lint-{fmt}",
                         f"{len(variants)} different results over {by_format[fmt]['runs']} runs "
                         f"(-j1 and -j2); first difference in the {what}: "
                         f"{seen[a][0]} vs {seen[b][0]}",
                         save_repro("failures", "determinism", f"lint-{fmt}",
                                    [args.pincheck, "-p", db, f"--format={fmt}", "-j2",
                                     f"--base-dir={project}"], cwd=project,
                                    outputs=[(seen[a][0] + ".report", a[1]),
                                             (seen[a][0] + ".stderr", a[2]),
                                             (seen[b][0] + ".report", b[1]),
                                             (seen[b][0] + ".stderr", b[2])]))
    part.info["lint"] = by_format

    # The plugin's own output, run after run; and object files with and
    # without the plugin, at two optimisation levels.
    sources = [e["file"] for e in json.load(open(os.path.join(db, "compile_commands.json")))]
    extra = []
    for f, flags in (("fmt.cpp", ["-std=c++20"]), ("nlohmann_json.cpp", ["-std=c++20"])):
        p = os.path.join(REPO, "bench", "corpus", f)
        if os.path.exists(p) and not args.det_project:
            extra.append((p, flags + ["-I" + PIN_INCLUDE, "-include", "pin/pin.h"]))
    objects = {"compared": 0, "identical": 0}
    plugin_runs = {"files": 0, "runs": 0, "variants": []}
    for src in sources + [p for p, _ in extra]:
        flags = dict(extra).get(src, DET_FLAGS)
        name = os.path.relpath(src, REPO) if src.startswith(REPO) else src
        outs = set()
        for k in range(runs):
            cmd = [args.clangxx, "-fplugin=" + PLUGIN] + \
                ["-fplugin-arg-pincheck-" + a for a in args.plugin_arg] + \
                flags + ["-fsyntax-only", "-fno-color-diagnostics", src]
            r = run(cmd, args.timeout)
            part.runs += 1
            plugin_runs["runs"] += 1
            why = "hang" if r.timed_out else crash_reason(r)
            if why:
                part.problem("hangs" if r.timed_out else "crashes", f"plugin-{name}", why,
                             save_repro("crashes", "determinism", f"plugin-{name}", cmd))
            outs.add((r.rc, r.err))
        plugin_runs["files"] += 1
        if len(outs) > 1:
            part.problem("lost", f"plugin-{name}",
                         f"{len(outs)} different outputs of the plugin over {runs} runs",
                         save_repro("failures", "determinism", f"plugin-{name}", cmd))
        for opt in (["-O0", "-g"], ["-O2"]):
            tag = "".join(opt).replace("-", "")
            o_plain = os.path.join(work, re.sub(r"\W", "_", name) + f".{tag}.plain.o")
            o_plugin = os.path.join(work, re.sub(r"\W", "_", name) + f".{tag}.plugin.o")
            c1 = [args.clangxx] + flags + opt + ["-c", src, "-o", o_plain]
            c2 = [args.clangxx, "-fplugin=" + PLUGIN] + \
                ["-fplugin-arg-pincheck-" + a for a in args.plugin_arg] + flags + opt + \
                ["-c", src, "-o", o_plugin]
            r1, r2 = run(c1, args.timeout), run(c2, args.timeout)
            part.runs += 2
            if r1.rc != 0:  # a file that does not compile has no object to compare
                objects["not compiled"] = objects.get("not compiled", 0) + 1
                continue
            objects["compared"] += 1
            same = (os.path.exists(o_plain) and os.path.exists(o_plugin) and
                    open(o_plain, "rb").read() == open(o_plugin, "rb").read())
            if same:
                objects["identical"] += 1
            else:
                ident = f"object-{name}-{tag}"
                why = "no object file with the plugin" if not os.path.exists(o_plugin) \
                    else "the object files differ"
                part.problem("lost", ident, f"{why} ({' '.join(opt)})",
                             save_repro("failures", "determinism", ident,
                                        shell_line(c1) + "\n" + shell_line(c2) +
                                        f"\ncmp {shlex.quote(o_plain)} {shlex.quote(o_plugin)}",
                                        outputs=[("plugin.stderr", r2.err)]))
    part.info["plugin_output"] = plugin_runs
    part.info["objects"] = objects
    part.inputs = n_files
    part.secs = time.monotonic() - t
    return part


# ---------------------------------------------------------------- report

COLUMNS = [("crashes", "crashes"), ("hangs", "hangs"), ("findings", "findings"),
           ("diag_changes", "diagnostics changed"), ("lost", "lost/corrupted output"),
           ("other", "other failures")]


MAIN_SEP = "|---|---|---|" + "---|" * len(COLUMNS) + "---|---|"


def part_line(p):
    i = p.info
    if p.name == "headers":
        pk = i.get("packages", {})
        return (f"{p.inputs} headers of {len(pk)} packages ({', '.join(pk)}), each without "
                f"and with the plugin; {i.get('does_not_compile_alone', 0)} do not compile alone; "
                f"{i.get('tidy_sample', 0)} through the clang-tidy module")
    if p.name == "mutants":
        return (f"{p.inputs} mutants ({i['per_input']} of each of {i['test_inputs']} test "
                f"inputs, seed {i['seed']}), each without and with the plugin: "
                f"{i['compiles']} compile, {i['errors only']} have errors only")
    if p.name == "lint":
        return (f"{p.inputs} bad-input cases: {i['passed']} behave as the catalogue says, "
                f"{len(i['failed'])} do not")
    if p.name == "determinism":
        lint = i["lint"]
        runs = sum(v["runs"] for v in lint.values())
        return (f"the lint tool {runs} times over {p.inputs} files ({', '.join(lint)}; -j1 "
                f"and -j2); the plugin {i['plugin_output']['runs']} times over "
                f"{i['plugin_output']['files']} files; {i['objects']['identical']} of "
                f"{i['objects']['compared']} object files identical with and without the plugin")
    return ""


def cell(text):
    """Table cell text: a '|' (the catalogue's patterns have them) would end
    the cell, and so would a new line."""
    return text.replace("\\|", "|").replace("|", "\\|").replace("\n", " ")


def render(data):
    m = data["machine"]
    out = ["# pincheck sweep results", "",
           f"`{data['command']}`, {data['elapsed_s'] / 60:.0f} min, {m['date']} on "
           f"{m['nproc']} cores ({m['cpu']}), {m['clang']}, pincheck at commit {m['commit']}"
           f"{' (with local changes)' if m.get('dirty') else ''}.", "",
           "| part | inputs | runs | " + " | ".join(c for _, c in COLUMNS) + " | time | result |",
           MAIN_SEP]
    for name, p in data["parts"].items():
        cells = [str(len(p[k if k not in ("diag_changes", "lost", "other") else
                            {"diag_changes": "diagnostic_changes", "lost": "lost_or_corrupted",
                             "other": "other_failures"}[k]]))
                 for k, _ in COLUMNS]
        out.append(f"| {name} | {p['inputs']} | {p['runs']} | " + " | ".join(cells) +
                   f" | {p['seconds'] / 60:.1f} min | {'**FAIL**' if p['failed'] else 'pass'} |")
    v = data["verdict"]
    out += ["", f"**{v}**", ""]
    for name, p in data["parts"].items():
        out += [f"## {name}", "", p["line"], ""]
        probs = [(c, x) for k, c in COLUMNS for x in p[
            {"diag_changes": "diagnostic_changes", "lost": "lost_or_corrupted",
             "other": "other_failures"}.get(k, k)]]
        for c, x in probs:
            out.append(f"- {c}: `{x['id']}`: {x['detail']} (reproducer: `{x['repro']}`)")
        if probs:
            out.append("")
        if name == "headers":
            out += ["| package | public headers | compiled | do not compile alone |",
                    "|---|---|---|---|"]
            for pk, v2 in p["info"].get("packages", {}).items():
                bad = sum(1 for x in p["items"] if x["package"] == pk and not x["compiles_alone"])
                out.append(f"| {pk} ({', '.join(v2['debs'])}) | {v2['public_headers']} | "
                           f"{v2['compiled']} | {bad} |")
            out.append("")
        if name == "lint":
            out += ["| case | what | expected | got | result |", "|---|---|---|---|---|"]
            for x in p["items"]:
                res = "pass" if x["ok"] else "**FAIL**: " + x["reason"]
                out.append("| " + " | ".join(cell(c) for c in (
                    f"`{x['case']}`", x["what"], x["expected"], x["got"], res)) + " |")
            out.append("")
    return "\n".join(out) + "\n"


DOCS = os.path.join(REPO, "docs", "sweep.md")
DOCS_BEGIN = "<!-- latest results: begin (written by sweep.py from sweep/results/latest.json) -->"
DOCS_END = "<!-- latest results: end -->"


def update_docs(text):
    """The full run's table, verdict and problems into docs/sweep.md, between
    its markers, without the per-package and per-case tables (those stay in
    results/latest.md)."""
    try:
        with open(DOCS) as f:
            doc = f.read()
    except OSError:
        return
    if DOCS_BEGIN not in doc or DOCS_END not in doc:
        return
    keep = [l for l in text.split("\n")[1:] if not l.startswith("|") or l.startswith("| part")
            or re.match(r"\| (headers|mutants|lint|determinism) \|", l) or l == MAIN_SEP]
    body = re.sub(r"^## ", "### ", "\n".join(keep), flags=re.M)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    a = doc.index(DOCS_BEGIN) + len(DOCS_BEGIN)
    b = doc.index(DOCS_END)
    with open(DOCS, "w") as f:
        f.write(doc[:a] + "\n\n" + body + "\n\n" + doc[b:])
    log("updated the latest results in docs/sweep.md")


def machine_info():
    def cmd(c):
        try:
            return subprocess.run(c, capture_output=True, text=True, cwd=REPO).stdout.strip()
        except OSError:
            return ""
    cpu = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": os.cpu_count(), "cpu": cpu, "platform": platform.platform(),
            "clang": cmd([ARGS.clangxx, "--version"]).split("\n")[0],
            "commit": cmd(["git", "rev-parse", "--short", "HEAD"]),
            "dirty": bool(cmd(["git", "status", "--porcelain", "--untracked-files=no"])),
            "loadavg_start": " ".join(open("/proc/loadavg").read().split()[:3])}


ENV = dict(os.environ, LC_ALL="C")
for k in ("CPATH", "CPLUS_INCLUDE_PATH", "C_INCLUDE_PATH", "CCC_OVERRIDE_OPTIONS"):
    ENV.pop(k, None)
ARGS = None


def main():
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--quick", action="store_true", help="a few minutes: 3 headers a package, "
                    "4 through clang-tidy, 2 mutants an input, 2 determinism runs")
    ap.add_argument("--only", help="comma-separated parts: " + ",".join(PARTS))
    ap.add_argument("-j", "--jobs", type=int, default=2, help="processes at once (default 2)")
    ap.add_argument("--seed", type=int, default=1, help="mutants' seed (default 1)")
    ap.add_argument("--mutants-per-input", type=int, help="default 20; quick 2")
    ap.add_argument("--headers-per-package", type=int,
                    help="default: each package's own number (about 800 in all); quick 3")
    ap.add_argument("--packages", help="only these packages' headers (names as in the table)")
    ap.add_argument("--header", action="append", default=[],
                    help="also compile this header (or source) as a package 'extra'")
    ap.add_argument("--tidy-sample", type=int, help="headers through clang-tidy (default 50; "
                    "quick 4)")
    ap.add_argument("--case", help="lint cases to run (comma-separated shell globs)")
    ap.add_argument("--det-runs", type=int, help="runs per format and -j (default 5; quick 2)")
    ap.add_argument("--det-project", help="determinism over this directory's .cpp files "
                    "(or its compile_commands.json) instead of sweep/project")
    ap.add_argument("--plugin-arg", action="append", default=[],
                    help="pass -fplugin-arg-pincheck-ARG on every plugin run")
    ap.add_argument("--timeout", type=float, default=120, help="seconds before a compile or a "
                    "lint run counts as a hang (default 120)")
    ap.add_argument("--mutant-timeout", type=float, default=60, help="the same for a mutant "
                    "(default 60)")
    ap.add_argument("--clangxx", default="clang++-22")
    ap.add_argument("--clang-tidy", default="clang-tidy-22")
    ap.add_argument("--pincheck", default=os.path.join(REPO, "build", "bin", "pincheck"))
    ap.add_argument("--output", help="output prefix (default results/latest; quick: "
                    "results/quick; with --only or other selections: results/partial)")
    ap.add_argument("--render", metavar="JSON", help="write the .md again from a run's .json "
                    "(after a change to the report's layout), and exit")
    ap.add_argument("--list-headers", action="store_true",
                    help="print the headers a run would compile, and exit")
    args = ap.parse_args()
    ARGS = args
    only = args.only.split(",") if args.only else PARTS
    for p in only:
        if p not in PARTS:
            ap.error(f"unknown part '{p}' (one of {', '.join(PARTS)})")
    args.pincheck = os.path.abspath(args.pincheck)
    if args.render:
        with open(args.render) as f:
            data = json.load(f)
        prefix = args.render[:-5] if args.render.endswith(".json") else args.render
        with open(prefix + ".md", "w") as f:
            f.write(render(data))
        if os.path.abspath(prefix) == os.path.join(RESULTS, "latest"):
            update_docs(render(data))
        return 0
    if args.list_headers:
        for pkg in PACKAGES:
            m = mirror_package(pkg)
            if m:
                pub = public_headers(pkg, m[1])
                n = args.headers_per_package or (pkg.quick if args.quick else pkg.full)
                for h in spread(pub, n):
                    print(pkg.name, h)
        return 0
    for f in (PLUGIN, TIDY_MODULE, args.pincheck):
        if not os.path.exists(f):
            ap.error(f"{f} is missing: build pincheck first (bash scripts/setup.sh)")
    partial = bool(args.only or args.case or args.packages or args.header or args.plugin_arg
                   or args.det_project or args.headers_per_package or args.mutants_per_input
                   or args.seed != 1)
    prefix = args.output or os.path.join(RESULTS, "quick" if args.quick else
                                         "partial" if partial else "latest")
    os.makedirs(CACHE, exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(prefix)), exist_ok=True)
    # Reproducers of earlier runs of these parts would read as this run's.
    for kind in ("crashes", "failures"):
        for p in only:
            shutil.rmtree(os.path.join(RESULTS, kind, p), ignore_errors=True)

    machine = machine_info()
    log(f"pincheck sweep: {', '.join(only)}; -j{args.jobs}; {machine['nproc']} cores, "
        f"load {machine['loadavg_start']}")
    runners = {"headers": headers_part, "mutants": mutants_part, "lint": lint_part,
               "determinism": determinism_part}
    parts = {}
    for p in only:
        log(f"part {p}")
        parts[p] = runners[p](args)
    failed = [p for p in parts.values() if p.failed()]
    totals = {k: sum(len(getattr(p, k)) for p in parts.values()) for k, _ in COLUMNS}
    verdict = (f"{'FAIL' if failed else 'PASS'}: {totals['crashes']} crashes, {totals['hangs']} "
               f"hangs, {totals['findings']} findings on unannotated code, "
               f"{totals['diag_changes']} changes in clang's diagnostics, {totals['lost']} lost "
               f"or corrupted outputs, {totals['other']} other failures")
    machine["loadavg_end"] = " ".join(open("/proc/loadavg").read().split()[:3])
    data = {"command": ("bash sweep/run.sh " + " ".join(sys.argv[1:])).strip(),
            "elapsed_s": round(time.monotonic() - T0, 1), "machine": machine,
            "options": {k: v for k, v in vars(args).items()}, "verdict": verdict,
            "parts": {}}
    for name, p in parts.items():
        s = p.summary()
        s["failed"] = p.failed()
        s["line"] = part_line(p)
        data["parts"][name] = s
    text = render(data)
    with open(prefix + ".json", "w") as f:
        json.dump(data, f, indent=1)
    with open(prefix + ".md", "w") as f:
        f.write(text)
    if os.path.abspath(prefix) == os.path.join(RESULTS, "latest"):
        update_docs(text)
    # The table, then where to read the rest.
    print(text.split("\n## ")[0].rstrip())
    log(f"wrote {os.path.relpath(prefix, REPO)}.md and .json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
