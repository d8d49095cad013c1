#!/usr/bin/env python3
"""pincheck's benchmarks: what the plugin, the clang-tidy module and the lint
tool cost, measured side by side with what they are added to.

Run through `bash bench/run.sh` (installs the packages, builds pincheck), or
directly once those are in place:

  python3 bench/bench.py              full run (about 45 minutes on 2 cores)
  python3 bench/bench.py --quick      short run (a few minutes), results/quick.*
  python3 bench/bench.py --only size,dense --runs 3 --no-callgrind
  python3 bench/bench.py --render bench/results/latest.json   (the table again)

Groups (--only): real (real code, headers as system headers and as user
code), control (the noise floor of the instruction counts), peers (clang-tidy checks users already run, against pincheck's
module), dense (annotation-dense generated code), size (one function of
growing size), lint (the lint tool over a compilation database), profile
(where the plugin's time goes, callgrind_annotate).

Metrics, each measured with and without pincheck in the same run:
instructions (valgrind, cachegrind without cache simulation by default:
deterministic, the ratio to trust),
wall-clock median of --runs runs (the two commands alternate, after one
warm-up run each), peak RSS (/usr/bin/time %M, median). Writes
<prefix>.md (the table) and <prefix>.json (every raw number, the machine and
the versions); prints the table.
"""
import argparse
import concurrent.futures
import datetime
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
CACHE = os.path.join(BENCH, ".cache")
RESULTS = os.path.join(BENCH, "results")
PLUGIN = os.path.join(REPO, "build", "lib", "pincheck-plugin.so")
TIDY_MODULE = os.path.join(REPO, "build", "lib", "pincheck-tidy.so")
LINT = os.path.join(REPO, "build", "bin", "pincheck")
CLANG = "clang++-22"
TIDY = "clang-tidy-22"
PIN_INCLUDE = os.path.join(REPO, "include")
STD = "-std=c++20"

# Goals from the issue: ratio pincheck/baseline at most these.
GOAL_REAL_TIME = 1.02
GOAL_DENSE_TIME = 1.10
GOAL_MEMORY = 1.05
# Linear growth: the added cost per statement of the last size step may be at
# most this many times the one of the step that ends at 1000 statements.
GOAL_LINEAR = 1.25

QT = "/usr/include/x86_64-linux-gnu/qt5"
GTEST_SRC = "/usr/src/googletest"
LLVM_INC = "/usr/lib/llvm-22/include"


class Lib:
    """A real-code input: a source file, the directories its library's headers
    come from, and the extra flags it needs.

    roots: (directory, [first path components that are the library's]);
    prefixes None means everything under the directory. A directory that is
    not a default include directory is passed with -isystem in the "system"
    and "adopting" modes, as CMake does for imported targets; in the "user"
    mode the library's headers are copied to .cache/user/<name>/<n>/ and
    passed with -I, so that pincheck analyses every function body in them.
    The "adopting" and "user" modes also include pin/pin.h (-include), as a
    project that uses pincheck does somewhere in its headers: a translation
    unit that never lexed 'annotate' is skipped whole by the plugin, so
    without it nothing would be analysed.
    """

    def __init__(self, name, src, pkg, roots, flags=(), note=""):
        self.name, self.src, self.pkg, self.roots = name, src, pkg, roots
        self.flags = list(flags)
        self.note = note


def corpus_path(f):
    return os.path.join(BENCH, "corpus", f)


LIBS = [
    Lib("abseil", corpus_path("absl.cpp"), "libabsl-dev", [("/usr/include", ["absl"])]),
    Lib("asio", corpus_path("asio.cpp"), "libasio-dev", [("/usr/include", ["asio", "asio.hpp"])]),
    Lib("boost", corpus_path("boost.cpp"), "libboost-dev", [("/usr/include", ["boost"])]),
    Lib("eigen", corpus_path("eigen.cpp"), "libeigen3-dev", [("/usr/include/eigen3", ["Eigen"])]),
    Lib("fmt", corpus_path("fmt.cpp"), "libfmt-dev", [("/usr/include", ["fmt"])]),
    Lib("googletest", os.path.join(GTEST_SRC, "googletest/src/gtest-all.cc"), "libgtest-dev",
        [("/usr/include", ["gtest"])], ["-I" + os.path.join(GTEST_SRC, "googletest")],
        note="googletest's own sources (gtest-all.cc), as shipped by libgtest-dev"),
    Lib("llvm", corpus_path("llvm_adt.cpp"), "llvm-22-dev", [(LLVM_INC, ["llvm", "llvm-c"])],
        ["-D_GNU_SOURCE", "-D__STDC_CONSTANT_MACROS", "-D__STDC_FORMAT_MACROS",
         "-D__STDC_LIMIT_MACROS"]),
    Lib("nlohmann-json", corpus_path("nlohmann_json.cpp"), "nlohmann-json3-dev",
        [("/usr/include", ["nlohmann"])]),
    Lib("protobuf", corpus_path("protobuf.cpp"), "libprotobuf-dev", [("/usr/include", ["google"])]),
    Lib("qt5", corpus_path("qt.cpp"), "qtbase5-dev", [(QT, None)], ["-fPIC"]),
]
QUICK_LIBS = ["fmt", "protobuf"]
# The lint database leaves out the three slowest inputs, so that its -j1 run
# stays under half a minute.
LINT_SKIP_LIBS = {"eigen", "boost", "nlohmann-json"}
QUICK_CALLGRIND_LIBS = ["protobuf"]
PEER_LIBS = ["fmt", "llvm", "protobuf", "googletest"]
CONTROL_LIBS = ["llvm", "protobuf"]
PEER_CALLGRIND_LIBS = ["fmt", "protobuf", "googletest"]
QUICK_PEER_LIBS = ["protobuf"]
DEFAULT_INCLUDE_DIRS = {"/usr/include", "/usr/local/include"}

LOCK = threading.Lock()
T0 = time.monotonic()


def log(msg):
    with LOCK:
        print(f"[{time.monotonic() - T0:7.1f}s] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- commands


MODES = ("system", "adopting", "user")
PIN_H = ["-I" + PIN_INCLUDE, "-include", "pin/pin.h"]


def lib_flags(lib, mode):
    flags = [STD] + lib.flags
    if mode in ("adopting", "user"):
        flags += PIN_H
    for n, (d, _) in enumerate(lib.roots):
        if mode in ("system", "adopting"):
            if d not in DEFAULT_INCLUDE_DIRS:
                flags.append("-isystem" + d)
        else:
            flags.append("-I" + os.path.join(CACHE, "user", lib.name, str(n)))
    return flags


SYSTEM_PRAGMA = re.compile(rb"^[ \t]*#[ \t]*pragma[ \t]+(GCC|clang)[ \t]+system_header\b.*$",
                           re.M)


def make_user_copy(lib):
    """Copies the library headers the file includes (found with clang -M in
    the system mode) to the cache; a `#pragma GCC system_header` in a copy
    is blanked so that the copy is user code. Returns the number of headers."""
    out = subprocess.run([CLANG] + lib_flags(lib, "system") + ["-M", lib.src],
                         capture_output=True, text=True, check=True).stdout
    deps = out.replace("\\\n", " ").split(":", 1)[1].split()
    count = 0
    for dep in deps:
        dep = os.path.normpath(dep if os.path.isabs(dep) else os.path.join(os.getcwd(), dep))
        for n, (d, prefixes) in enumerate(lib.roots):
            if not dep.startswith(d + "/"):
                continue
            rel = os.path.relpath(dep, d)
            if prefixes is not None and rel.split("/")[0] not in prefixes:
                continue
            dst = os.path.join(CACHE, "user", lib.name, str(n), rel)
            with open(dep, "rb") as f:
                data = f.read()
            data = SYSTEM_PRAGMA.sub(lambda m: b"// " + m.group(0).lstrip(), data)
            if not os.path.exists(dst) or open(dst, "rb").read() != data:
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                with open(dst, "wb") as f:
                    f.write(data)
            count += 1
            break
    return count


def plugin_cmd(cmd_base):
    """The same clang++ command with the plugin: -fplugin= goes first so that
    every other argument is unchanged and in the same place."""
    return [cmd_base[0], "-fplugin=" + PLUGIN] + cmd_base[1:]


FINDING = re.compile(r"(warning|error): .*\[(pin-[a-z]+|bugprone-[a-z-]+)\]$", re.M)


def count_findings(stderr):
    counts = {}
    for m in FINDING.finditer(stderr):
        counts[m.group(2)] = counts.get(m.group(2), 0) + 1
    return counts


# ---------------------------------------------------------------- measuring


class Variant:
    def __init__(self, key, cmd, cwd=None, count=True, timeout=1200, parallel=None,
                 ok_rcs=(0,)):
        self.key, self.cmd, self.cwd = key, cmd, cwd
        self.ok_rcs = ok_rcs
        self.skipped = 0  # functions the plugin skipped (report-skipped remarks)
        self.count = count  # instruction count wanted
        self.timeout = timeout
        self.parallel = parallel  # lint baseline: list of commands, N at once
        self.wall, self.rss = [], []
        self.ir = None
        self.rc = None
        self.findings = {}
        self.error = None

    def summary(self):
        return {
            "cmd": self.cmd if self.parallel is None else
            {"commands": len(self.parallel[1]), "processes": self.parallel[0],
             "first": self.parallel[1][0] if self.parallel[1] else None},
            "cwd": self.cwd, "wall_s": self.wall, "rss_kb": self.rss,
            "wall_median_s": med(self.wall), "rss_median_kb": med(self.rss),
            "instructions": self.ir, "returncode": self.rc, "findings": self.findings,
            "functions_skipped": self.skipped, "error": self.error,
        }


class Item:
    def __init__(self, group, name, variants, meta=None):
        self.group, self.name = group, name
        self.variants = {v.key: v for v in variants}
        self.meta = meta or {}

    def summary(self):
        return {"group": self.group, "name": self.name, "meta": self.meta,
                "variants": {k: v.summary() for k, v in self.variants.items()}}


def med(xs):
    return statistics.median(xs) if xs else None


def run_once(v):
    """One timed run: wall seconds (perf_counter around the process), peak
    RSS in KB (/usr/bin/time), stderr."""
    if v.parallel is not None:
        return run_parallel(*v.parallel)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        cmd = ["/usr/bin/time", "-f", "%M", "-o", tf.name] + v.cmd
        t = time.perf_counter()
        try:
            p = subprocess.run(cmd, cwd=v.cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=v.timeout)
        except subprocess.TimeoutExpired:
            return None, None, None, "timeout after %ss" % v.timeout
        wall = time.perf_counter() - t
        text = tf.read().strip().splitlines()
        rss = int(text[-1]) if text and text[-1].isdigit() else None
        return wall, rss, p.returncode, (p.stdout + p.stderr).decode(errors="replace")


def run_parallel(jobs, cmds):
    """`jobs` processes at a time over `cmds` (the lint tool's baseline)."""
    def one(c):
        return subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    t = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        rcs = list(ex.map(one, cmds))
    return time.perf_counter() - t, None, max(rcs) if rcs else 0, ""


def measure_wall(items, runs, warmup=True):
    """Warm-up once (the run that counts the findings and checks the exit
    status), then `runs` rounds; in each round every variant of an item runs
    once, the order reversed every other round, so that drift (another job
    on the machine, thermal) hits all variants alike. Without warmup the
    first run is also the first measurement."""
    for it in items:
        vs = list(it.variants.values())
        for v in vs:
            wall, rss, rc, err = run_once(v)
            if wall is not None and not warmup:
                v.wall.append(wall)
                if rss is not None:
                    v.rss.append(rss)
            if wall is None:
                v.error = err
                log(f"  {it.group}/{it.name} [{v.key}]: {err}")
                continue
            v.rc = rc
            v.findings = count_findings(err)
            v.skipped = err.count("remark: pincheck skipped")
            if rc not in v.ok_rcs:
                v.error = f"exit status {rc}: " + err[-2000:]
                log(f"  {it.group}/{it.name} [{v.key}] failed: exit {rc}\n{err[-1500:]}")
        live = [v for v in vs if v.error is None]
        for r in range(0 if warmup else 1, runs):
            order = live if r % 2 == 0 else live[::-1]
            for v in order:
                wall, rss, rc, err = run_once(v)
                if wall is not None:
                    v.wall.append(wall)
                    if rss is not None:
                        v.rss.append(rss)
        log(f"  wall {it.group}/{it.name}: " + ", ".join(
            f"{v.key} {fmt_s(med(v.wall))}" for v in vs))


IR_LINE = re.compile(r"^==\d+== (?:Collected :|I\s+refs:)\s+([\d,]+)", re.M)
COUNTERS = {
    # Instructions only, no cache or branch simulation: the fastest exact
    # count valgrind has (about 20x a native run, callgrind about 35x).
    "cachegrind": ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--branch-sim=no",
                   "--cachegrind-out-file=/dev/null"],
    "callgrind": ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"],
}
COUNTER = "cachegrind"


def count_instructions(cmd, cwd, timeout):
    p = subprocess.run(COUNTERS[COUNTER] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=timeout)
    err = p.stderr.decode(errors="replace")
    m = IR_LINE.search(err)
    if not m:
        raise RuntimeError(f"no instruction count from {COUNTER}:\n" + err[-2000:])
    return int(m.group(1).replace(",", ""))


def measure_instructions(items, jobs):
    """Every variant that wants it under valgrind, `jobs` at a time (the
    count does not depend on what else runs), the longest first."""
    todo = [(it, v) for it in items for v in it.variants.values()
            if v.count and v.error is None and v.parallel is None]
    todo.sort(key=lambda iv: -(med(iv[1].wall) or 0))
    if not todo:
        return
    est = sum(med(v.wall) or 1 for _, v in todo) * (22 if COUNTER == "cachegrind" else 36) / jobs
    log(f"instructions ({COUNTER}): {len(todo)} runs, {jobs} at a time "
        f"(about {est / 60:.0f} min)")

    def one(iv):
        it, v = iv
        t = time.monotonic()
        try:
            v.ir = count_instructions(v.cmd, v.cwd, timeout=max(3600, 120 * (med(v.wall) or 10)))
        except Exception as e:  # noqa: BLE001 - recorded, the run goes on
            v.error = f"{COUNTER}: {e}"
        log(f"  {COUNTER} {it.group}/{it.name} [{v.key}]: "
            f"{fmt_ir(v.ir) if v.ir else v.error} ({time.monotonic() - t:.0f}s)")

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        list(ex.map(one, todo))


# ---------------------------------------------------------------- groups


def real_items(libs, count_libs):
    items = []
    for lib in libs:
        nheaders = make_user_copy(lib)
        for mode in MODES:
            base = [CLANG] + lib_flags(lib, mode) + ["-fsyntax-only", lib.src]
            cg = lib.name in count_libs
            items.append(Item("real-" + mode, lib.name,
                              [Variant("base", base, count=cg),
                               Variant("pin", plugin_cmd(base), count=cg)],
                              {"package": lib.pkg, "source": os.path.relpath(lib.src, REPO)
                               if lib.src.startswith(REPO) else lib.src,
                               "library_headers_copied": nheaders if mode == "user" else None,
                               "note": lib.note}))
    return items


def control_items(libs):
    """The noise floor of the instruction counts: the same compile with an
    unused -D of the plugin argument's length instead of -fplugin. Heap and
    stack addresses shift with the command line and with a loaded library,
    and clang hashes pointers, so counts move by a few tenths of a percent
    with no change in work; a ratio within this floor is no cost at all."""
    items = []
    for lib in libs:
        base = [CLANG] + lib_flags(lib, "system") + ["-fsyntax-only", lib.src]
        dummy = "-DPINCHECK_BENCH_CONTROL=" + "x" * max(1, len("-fplugin=" + PLUGIN) - 26)
        items.append(Item("control", lib.name, [Variant("base", base),
                                                Variant("pin", [CLANG, dummy] + base[1:])],
                          {"control": dummy}))
    return items


def peer_items(libs, count_libs):
    """clang-tidy with one check each, on the same inputs (headers as user
    code: every function body is in reach of every check)."""
    items = []
    for lib in libs:
        flags = lib_flags(lib, "user")
        cg = lib.name in count_libs

        def tidy(checks, extra=()):
            return [TIDY, "--quiet", "--checks=" + checks] + list(extra) + [lib.src, "--"] + flags

        items.append(Item("peers", lib.name, [
            # clang-tidy needs one check enabled: this one only watches
            # #include directives (no AST matcher), so it costs the parse.
            Variant("tidy-base", tidy("-*,bugprone-suspicious-include"), count=cg),
            Variant("use-after-move", tidy("-*,bugprone-use-after-move"), count=cg),
            Variant("unchecked-optional", tidy("-*,bugprone-unchecked-optional-access"),
                    count=cg),
            Variant("pin-tidy", tidy("-*,pin-*", ["-load", TIDY_MODULE]), count=cg),
        ], {"mode": "user"}))
    return items


def gen_dense(sizes, dense):
    out = os.path.join(CACHE, "dense")
    subprocess.run([sys.executable, os.path.join(BENCH, "gen_dense.py"), "--out", out,
                    "--sizes", ",".join(map(str, sizes)), "--dense", ",".join(dense)],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "manifest.json")) as f:
        return out, json.load(f)


def dense_items(names, count_on):
    out, manifest = gen_dense([], names)
    items = []
    for n in names:
        f = os.path.join(out, f"dense_{n}.cpp")
        base = [CLANG, STD, "-I" + PIN_INCLUDE, "-fsyntax-only", f]
        items.append(Item("dense", n, [Variant("base", base, count=count_on),
                                       Variant("pin", plugin_cmd(base), count=count_on)],
                          manifest[f"dense_{n}.cpp"]))
    return items


def size_items(sizes, count_max):
    out, manifest = gen_dense(sizes, [])
    items = []
    for n in sizes:
        f = os.path.join(out, f"size_{n}.cpp")
        base = [CLANG, STD, "-I" + PIN_INCLUDE, "-fsyntax-only", f]
        cg = n <= count_max
        items.append(Item("size", str(n), [
            Variant("base", base, count=cg),
            # report-skipped: a function over the block-visit budget says so.
            Variant("pin", plugin_cmd(base) + ["-fplugin-arg-pincheck-report-skipped"],
                    count=cg)], manifest[f"size_{n}.cpp"]))
    return items


NLOHMANN_EXAMPLES = "/usr/share/doc/nlohmann-json3-dev/examples"


def lint_items(nfiles, libs, jobs_list):
    """A compilation database of nfiles files: the real-code inputs (headers
    as system headers, as a project builds them), the dense files, then
    nlohmann-json's own examples (as Debian ships them) to fill up."""
    db_dir = os.path.join(CACHE, "lintdb")
    os.makedirs(db_dir, exist_ok=True)
    dense_dir, _ = gen_dense([], ["small", "large"])
    entries = []
    for lib in libs:
        entries.append((lib.src, lib_flags(lib, "system")))
    for n in ("small", "large"):
        entries.append((os.path.join(dense_dir, f"dense_{n}.cpp"), [STD, "-I" + PIN_INCLUDE]))
    examples = sorted(f for f in os.listdir(NLOHMANN_EXAMPLES)
                      if f.endswith(".cpp") and "c++" not in f) if os.path.isdir(
        NLOHMANN_EXAMPLES) else []
    for f in examples:
        if len(entries) >= nfiles:
            break
        entries.append((os.path.join(NLOHMANN_EXAMPLES, f), [STD]))
    entries = entries[:nfiles]
    db = [{"directory": db_dir, "file": src,
           "arguments": [CLANG] + flags + ["-c", src, "-o", os.path.join(
               db_dir, "obj%02d.o" % i)]} for i, (src, flags) in enumerate(entries)]
    with open(os.path.join(db_dir, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    # What the tool runs per file: the command, -fsyntax-only, -w.
    plain = [[CLANG] + flags + ["-fsyntax-only", "-w", src] for src, flags in entries]
    items = []
    for j in jobs_list:
        items.append(Item("lint", f"-j{j}", [
            Variant("base", None, count=False, parallel=(j, plain)),
            Variant("pin", [LINT, "-p", db_dir, f"-j{j}", "--quiet"], count=False,
                    ok_rcs=(0, 1))],
            {"files": len(entries), "jobs": j,
             "inputs": [os.path.relpath(s, REPO) if s.startswith(REPO) else s
                        for s, _ in entries]}))
    return items


def profile(targets, top, jobs):
    """callgrind with an output file on plugin-on compiles (label, lib, mode)
    or (label, file); per target, the inclusive cost of the plugin's entry
    points and its object's top functions."""
    cmds = []
    for t in targets:
        if len(t) == 3:
            label, lib, mode = t
            make_user_copy(lib)
            cmds.append((label, plugin_cmd([CLANG] + lib_flags(lib, mode) +
                                           ["-fsyntax-only", lib.src])))
        else:
            label, f = t
            cmds.append((label, plugin_cmd([CLANG, STD, "-I" + PIN_INCLUDE, "-fsyntax-only", f])))

    def one(lc):
        label, cmd = lc
        with tempfile.TemporaryDirectory() as td:
            cg = os.path.join(td, "cg.out")
            t = time.monotonic()
            subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=no",
                            "--callgrind-out-file=" + cg] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=7200)
            res = annotate(cg, top)
            log(f"  profile {label}: {time.monotonic() - t:.0f}s")
            return label, res

    log(f"profile (callgrind): {len(cmds)} compiles")
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        return dict(ex.map(one, cmds))


ANNOT_LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+([^:\s]*):(.*?)(?:\s+\[([^\]]*)\])?\s*$")
# Entry points whose inclusive cost splits the plugin's work.
KEY_FUNCTIONS = {
    "Consumer::HandleTranslationUnit": "the whole plugin (HandleTranslationUnit)",
    "Analyzer::analyzeFunction": "per-function analysis (analyzeFunction)",
    "collectFacts": "  facts walk (collectFacts)",
    "solvePinState": "  CFG build + dataflow (solvePinState)",
    "Analyzer::emit": "  reporting findings (emit)",
    "Analyzer::checkAnnotations": "pin-annotation (checkAnnotations)",
}


def annotate(cg, top):
    """Inclusive cost of the plugin's entry points, and the functions of the
    plugin's object with the most exclusive instructions."""
    total = None
    incl, excl = {}, []
    for inclusive in ("yes", "no"):
        p = subprocess.run(["callgrind_annotate", "--inclusive=" + inclusive, "--threshold=100",
                            cg], capture_output=True, text=True)
        for line in p.stdout.splitlines():
            if total is None and "PROGRAM TOTALS" in line:
                total = int(line.split()[0].replace(",", ""))
                continue
            m = ANNOT_LINE.match(line)
            if not m:
                continue
            ir, sym, obj = int(m.group(1).replace(",", "")), m.group(3), m.group(4) or ""
            if inclusive == "yes":
                if re.search(r"'\d+$", sym):  # a recursion level, counted twice
                    continue
                for key in KEY_FUNCTIONS:
                    if ("pincheck::" + key + "(") in sym or ("::" + key + "(") in sym and \
                            "pincheck" in sym:
                        incl[key] = max(incl.get(key, 0), ir)
            elif obj.endswith("pincheck-plugin.so"):
                excl.append((ir, sym))
    excl.sort(key=lambda r: -r[0])
    share = (lambda ir: ir / total) if total else (lambda ir: None)
    rows = [{"what": KEY_FUNCTIONS[k], "ir": incl[k], "share": share(incl[k])}
            for k in KEY_FUNCTIONS if k in incl]
    h = incl.get("Consumer::HandleTranslationUnit")
    if h is not None:
        walk = h - incl.get("Analyzer::analyzeFunction", 0) - incl.get(
            "Analyzer::checkAnnotations", 0)
        rows.insert(1, {"what": "AST walk over the TU (the rest of HandleTranslationUnit)",
                        "ir": walk, "share": share(walk)})
    return {"total_ir": total, "inclusive": rows,
            "exclusive": [{"ir": ir, "share": share(ir), "function": sym}
                          for ir, sym in excl[:top]]}


def short_symbol(sym):
    """Drops argument lists and template arguments, so that a table cell
    stays readable: `ns::f<…>(…)::{lambda(…)#2}::operator()(…) const`."""
    out, depth = [], 0
    for ch in sym.replace("operator()", "operator\x01"):
        if ch in "<(":
            depth += 1
            if depth == 1:
                out.append(ch + "…")
            continue
        if ch in ">)":
            depth -= 1
            if depth == 0:
                out.append(ch)
            continue
        if depth == 0:
            out.append(ch)
    return "".join(out).replace("\x01", "()").replace(" [clone .isra.0]", "").replace(
        " [clone .constprop.0]", "").replace("|", "\\|")[:120]


# ---------------------------------------------------------------- reporting


def fmt_ir(x):
    return "—" if x is None else f"{x / 1e9:.3f} G"


def fmt_s(x):
    return "—" if x is None else f"{x:.3f} s"


def fmt_mb(kb):
    return "—" if kb is None else f"{kb / 1024:.0f} MB"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt_r(r):
    return "—" if r is None else f"{r:.3f}"


def verdict(r, goal):
    """'yes (+1.2% ≤ +2%)' or 'no: +3.4%, goal +2% (1.4 points over)'."""
    if r is None:
        return "not measured"
    pct, g = (r - 1) * 100, (goal - 1) * 100
    if r <= goal:
        return f"yes ({pct:+.1f}% ≤ +{g:.0f}%)"
    return f"**no: {pct:+.1f}%, {pct - g:.1f} points over +{g:.0f}%**"


def time_ratio(it, base="base", pin="pin"):
    b, p = it.variants[base], it.variants[pin]
    r = ratio(p.ir, b.ir)
    return (r, "instructions") if r is not None else (ratio(med(p.wall), med(b.wall)), "wall")


def goal_rows(items, time_goal):
    rows = []
    for it in items:
        b, p = it.variants["base"], it.variants["pin"]
        rt, basis = time_ratio(it)
        rm = ratio(med(p.rss), med(b.rss))
        nf = str(sum(p.findings.values()))
        if "relocations_after_pin_must" in it.meta:
            nf += f" ({it.meta['relocations_after_pin_must'] + it.meta['relocations_after_pin_may']}" \
                  " written)"
        t = verdict(rt, time_goal)
        if basis == "wall" and rt is not None:
            t += " (wall)"
        rows.append([it.name, fmt_ir(b.ir), fmt_ir(p.ir), fmt_r(ratio(p.ir, b.ir)),
                     fmt_s(med(b.wall)), fmt_s(med(p.wall)), fmt_r(ratio(med(p.wall), med(b.wall))),
                     fmt_mb(med(b.rss)), fmt_mb(med(p.rss)), fmt_r(rm), nf,
                     f"time {t}; memory {verdict(rm, GOAL_MEMORY)}"])
        if b.error or p.error:
            rows[-1][-1] += " (error: see JSON)"
    return rows


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def size_analysis(items):
    """Added instructions (or wall) per statement, overall and per step."""
    pts = []
    for it in items:
        b, p = it.variants["base"], it.variants["pin"]
        n = it.meta["statements"]
        add_ir = (p.ir - b.ir) if p.ir is not None and b.ir is not None else None
        add_w = (med(p.wall) - med(b.wall)) if p.wall and b.wall else None
        pts.append({"n": int(it.name), "statements": n, "added_ir": add_ir, "added_wall_s": add_w,
                    "base_ir": b.ir, "pin_ir": p.ir, "base_wall": med(b.wall),
                    "pin_wall": med(p.wall), "base_rss": med(b.rss), "pin_rss": med(p.rss),
                    "findings": sum(p.findings.values()), "skipped": p.skipped,
                    "written": it.meta["relocations_after_pin_must"] +
                    it.meta["relocations_after_pin_may"]})
    pts.sort(key=lambda d: d["n"])
    for key in ("added_ir", "added_wall_s"):
        prev = None
        for d in pts:
            d[key + "_per_stmt"] = d[key] / d["statements"] if d[key] is not None else None
            if prev is not None and d[key] is not None and prev[key] is not None:
                d[key + "_marginal"] = (d[key] - prev[key]) / (d["statements"] - prev["statements"])
            else:
                d[key + "_marginal"] = None
            prev = d
    return pts


def linearity(pts, key):
    """(ratio of the last step's marginal cost to the step ending at 1000
    statements, the two N's) or None."""
    ref = next((d for d in pts if d["n"] == 1000 and d.get(key + "_marginal")), None)
    last = [d for d in pts if d.get(key + "_marginal") is not None]
    if not ref or not last or last[-1] is ref:
        return None
    return last[-1][key + "_marginal"] / ref[key + "_marginal"], ref["n"], last[-1]["n"]


def loglog_slope(pts, key, lo=1000):
    xs = [(math.log(d["statements"]), math.log(d[key])) for d in pts
          if d["n"] >= lo and d.get(key) and d[key] > 0]
    if len(xs) < 2:
        return None
    mx = sum(x for x, _ in xs) / len(xs)
    my = sum(y for _, y in xs) / len(xs)
    den = sum((x - mx) ** 2 for x, _ in xs)
    return sum((x - mx) * (y - my) for x, y in xs) / den if den else None


def dense_split(items, prof, md):
    """How much of the dense rows' added cost is clang printing the findings:
    the profile's inclusive cost of Analyzer::emit (building each finding and
    handing it to clang, which renders warning, notes and snippets) against
    the added instructions. Needs the profile group."""
    res = (prof or {}).get("dense_large.cpp")
    it = next((i for i in items or [] if i.name == "large"), None)
    if not res or not it:
        return
    emit = next((r["ir"] for r in res.get("inclusive", [])
                 if r["what"].strip().startswith("reporting findings")), None)
    base, pin = it.variants["base"].ir, it.variants["pin"].ir
    if not (emit and base and pin):
        return
    findings = sum(it.variants["pin"].findings.values())
    md.append("")
    md.append(f"Of the added instructions on `large` ({fmt_ir(pin - base)}, "
              f"{(pin / base - 1) * 100:+.1f}%), reporting its {findings} findings takes "
              f"{fmt_ir(emit)} ({emit / base * 100:.1f} points; profile below): clang renders "
              f"each warning and its notes with source snippets. The analysis alone adds "
              f"{(pin - emit) / base * 100 - 100:+.1f}%. `clean` is the same code with every "
              f"relocation before its pin (correct code, no finding, the same analysis work).")


def report(groups, machine, args, prof, compact=False):
    """The markdown; compact leaves out the per-function profile tables."""
    md = []
    md.append(f"Run: {machine['date']}, {machine['nproc']} × {machine['cpu']}, "
              f"load average {machine['loadavg_start']} at the start, "
              f"{machine.get('loadavg_end', '?')} at the end; {machine['clang']}; "
              f"{machine['pincheck']}; commit {machine['commit']}"
              f"{' (with local changes)' if machine['dirty'] else ''}; "
              f"{args.runs} wall-clock runs per command"
              f"{'; **build/ was rebuilt during the run: numbers mix two builds**' if machine.get('binaries_changed_during_run') else ''}"
              f"{'; quick run' if args.quick else ''}.")
    for note in getattr(args, "notes", None) or []:
        md.append("")
        md.append("Note: " + note)
    md.append("")
    md.append(f"Ratios are pincheck / baseline. Instructions (valgrind --tool={COUNTER}) are "
              "deterministic: "
              "they decide whether a time goal is met; wall-clock medians are noisier "
              "(2 cores, other jobs may run), shown to confirm. \"—\": not measured "
              "in this run.")
    goals = []

    def real_table(key, title, goal_time, short):
        its = groups.get(key)
        if not its:
            return
        md.append("")
        md.append(f"### {title}")
        md.append("")
        hdr = ["input", "Ir baseline", "Ir pincheck", "Ir ratio", "wall baseline",
               "wall pincheck", "wall ratio", "RSS baseline", "RSS pincheck", "RSS ratio",
               "findings", "goal met?"]
        md.append(md_table(hdr, goal_rows(its, goal_time)))
        rts = [time_ratio(i)[0] for i in its]
        basis = {i.name: time_ratio(i)[1] for i in its}
        rms = [ratio(med(i.variants["pin"].rss), med(i.variants["base"].rss)) for i in its]
        rts_ok = [r for r in rts if r is not None]
        rms_ok = [r for r in rms if r is not None]
        if rts_ok:
            g = geomean(rts_ok)
            worst = max(rts_ok)
            wname = its[rts.index(worst)].name
            if basis[wname] == "wall":
                wname += ", wall-clock: no instruction count"
            met = sum(r <= goal_time for r in rts_ok)
            md.append("")
            md.append(f"Time: geometric mean {fmt_r(g)}, worst {fmt_r(worst)} ({wname}); "
                      f"{met} of {len(rts_ok)} inputs within +{(goal_time - 1) * 100:.0f}%.")
            goals.append((f"{short}: time ≤ +{(goal_time - 1) * 100:.0f}%",
                          met == len(rts_ok), f"worst {(worst - 1) * 100:+.1f}% ({wname}), "
                          f"geometric mean {(g - 1) * 100:+.1f}%, "
                          f"{met} of {len(rts_ok)} within"))
        if rms_ok:
            worst = max(rms_ok)
            wname = its[rms.index(worst)].name
            met = sum(r <= GOAL_MEMORY for r in rms_ok)
            md.append(f"Memory: worst {fmt_r(worst)} ({wname}); {met} of {len(rms_ok)} inputs "
                      f"within +{(GOAL_MEMORY - 1) * 100:.0f}%.")
            goals.append((f"{short}: peak RSS ≤ +{(GOAL_MEMORY - 1) * 100:.0f}%",
                          met == len(rms_ok), f"worst {(worst - 1) * 100:+.1f}% ({wname})"))

    real_table("real-system", "Real code, library headers as system headers (-isystem, "
               "as users build), no pincheck header: clang++-22 -fsyntax-only vs the same "
               "with -fplugin",
               GOAL_REAL_TIME, "real code, headers as system headers")
    real_table("real-adopting", "Real code in a project that uses pincheck: the same, "
               "with pin/pin.h included (-include) but no annotated type used",
               GOAL_REAL_TIME, "real code, pin/pin.h included")
    real_table("real-user", "Real code as user code: library headers copied and included "
               "with -I, pin/pin.h included: every function body is analysed",
               GOAL_REAL_TIME, "real code as user code")
    its = groups.get("control")
    if its:
        md.append("")
        md.append("### Noise floor of the instruction counts")
        md.append("")
        md.append("The same compile (headers as system headers) with an unused `-D` as long as "
                  "the `-fplugin=` argument instead of the plugin: no extra work, yet the "
                  "count moves, because addresses shift with the command line and clang "
                  "hashes pointers. Ratios within this band are no measurable cost.")
        md.append("")
        rows = []
        for it in its:
            b, p = it.variants["base"], it.variants["pin"]
            rows.append([it.name, fmt_ir(b.ir), fmt_ir(p.ir), fmt_r(ratio(p.ir, b.ir)),
                         "—" if ratio(p.ir, b.ir) is None else
                         f"{(ratio(p.ir, b.ir) - 1) * 100:+.2f}%"])
        md.append(md_table(["input", "Ir baseline", "Ir with the unused -D", "ratio",
                            "difference"], rows))

    real_table("dense", "Annotation-dense generated code (bench/gen_dense.py)", GOAL_DENSE_TIME,
               "annotation-dense code")
    dense_split(groups.get("dense"), prof, md)

    its = groups.get("size")
    size_pts = None
    if its:
        size_pts = size_analysis(its)
        md.append("")
        md.append("### Function size series: one function of N statements "
                  "(bench/gen_dense.py size_N.cpp)")
        md.append("")
        hdr = ["N", "statements", "Ir baseline", "Ir pincheck", "Ir ratio",
               "added Ir / statement", "marginal added Ir / statement", "wall baseline",
               "wall pincheck", "marginal added wall / statement", "RSS baseline", "RSS pincheck",
               "RSS ratio", "findings"]
        rows = []
        for d in size_pts:
            rows.append([str(d["n"]), str(d["statements"]), fmt_ir(d["base_ir"]),
                         fmt_ir(d["pin_ir"]), fmt_r(ratio(d["pin_ir"], d["base_ir"])),
                         "—" if d["added_ir_per_stmt"] is None else f"{d['added_ir_per_stmt']:,.0f}",
                         "—" if d["added_ir_marginal"] is None else f"{d['added_ir_marginal']:,.0f}",
                         fmt_s(d["base_wall"]), fmt_s(d["pin_wall"]),
                         "—" if d["added_wall_s_marginal"] is None else
                         f"{d['added_wall_s_marginal'] * 1e6:.1f} µs",
                         fmt_mb(d["base_rss"]), fmt_mb(d["pin_rss"]),
                         fmt_r(ratio(d["pin_rss"], d["base_rss"])),
                         f"{d['findings']} ({d['written']} written)" +
                         (f", {d['skipped']} function skipped" if d["skipped"] else "")])
        md.append(md_table(hdr, rows))
        md.append("")
        md.append("\"Marginal\" is (added(N) − added(previous N)) / (statements(N) − "
                  "statements(previous N)): the cost of the statements this step adds, "
                  "free of the fixed cost (the walk over the headers' AST). Flat means "
                  "linear.")
        for key, what in (("added_ir", "instructions"), ("added_wall_s", "wall-clock")):
            lin = linearity(size_pts, key)
            slope = loglog_slope(size_pts, key)
            if lin is None:
                continue
            r, n0, n1 = lin
            ok = r <= GOAL_LINEAR
            text = (f"marginal cost per statement at N={n1} is {r:.2f}× the one at N={n0}"
                    + (f"; log-log slope of the added {what} over N≥1000: {slope:.2f} "
                       "(1.00 is linear, 2.00 quadratic)" if slope else ""))
            md.append("")
            md.append(f"Linearity ({what}): {text}. Goal ≤ {GOAL_LINEAR:.2f}×: "
                      + ("met." if ok else f"**not met, {r / GOAL_LINEAR:.1f}× over**."))
            goals.append((f"linear cost in function size ({what})", ok, text))
        # Memory in the series
        rm = [(d["n"], ratio(d["pin_rss"], d["base_rss"])) for d in size_pts]
        rm = [(n, r) for n, r in rm if r is not None]
        if rm:
            n, worst = max(rm, key=lambda x: x[1])
            goals.append(("size series: peak RSS ≤ +5%", worst <= GOAL_MEMORY,
                          f"worst {(worst - 1) * 100:+.1f}% (N={n})"))

    its = groups.get("peers")
    if its:
        md.append("")
        md.append("### Peers: clang-tidy-22, one check at a time, same inputs "
                  "(headers as user code, pin/pin.h included)")
        md.append("")
        md.append("Added cost = (check − baseline) / baseline, the baseline being "
                  "clang-tidy-22 with only `bugprone-suspicious-include` (it watches "
                  "`#include` lines and has no AST matcher: the cost of the parse; "
                  "clang-tidy refuses to run with no check at all). The last column is pincheck's plugin inside clang++ on "
                  "the same input, from the table above.")
        md.append("")
        hdr = ["input", "metric", "baseline (clang-tidy)", "bugprone-use-after-move",
               "bugprone-unchecked-optional-access", "pin-* (pincheck-tidy.so)",
               "pincheck plugin (clang++)"]
        rows = []
        user = {i.name: i for i in groups.get("real-user", [])}
        for it in its:
            v = it.variants
            b = v["tidy-base"]
            for metric, get, f in (("instructions", lambda x: x.ir, fmt_ir),
                                   ("wall median", lambda x: med(x.wall), fmt_s),
                                   ("peak RSS", lambda x: med(x.rss), fmt_mb)):
                cells = [it.name, metric, f(get(b))]
                for k in ("use-after-move", "unchecked-optional", "pin-tidy"):
                    r = ratio(get(v[k]), get(b))
                    cells.append("—" if r is None else f"{(r - 1) * 100:+.1f}%"
                                 + (f" ({v[k].error.split(':')[0]})" if v[k].error else ""))
                u = user.get(it.name)
                r = ratio(get(u.variants["pin"]), get(u.variants["base"])) if u else None
                cells.append("—" if r is None else f"{(r - 1) * 100:+.1f}%")
                rows.append(cells)
            rows.append([it.name, "findings", str(sum(b.findings.values())),
                         str(sum(v["use-after-move"].findings.values())),
                         str(sum(v["unchecked-optional"].findings.values())),
                         str(sum(v["pin-tidy"].findings.values())), "—"])
        md.append(md_table(hdr, rows))

    its = groups.get("lint")
    if its:
        md.append("")
        md.append("### Lint tool: `pincheck -p <db> -jN --quiet` vs N parallel "
                  "`clang++-22 -fsyntax-only -w` over the same files")
        md.append("")
        hdr = ["jobs", "files", "clang++ wall", "clang++ files/s", "pincheck wall",
               "pincheck files/s", "time ratio", "pincheck peak RSS", "findings"]
        rows = []
        for it in its:
            b, p = it.variants["base"], it.variants["pin"]
            n = it.meta["files"]
            bw, pw = med(b.wall), med(p.wall)
            rows.append([str(it.meta["jobs"]), str(n), fmt_s(bw),
                         "—" if not bw else f"{n / bw:.2f}", fmt_s(pw),
                         "—" if not pw else f"{n / pw:.2f}", fmt_r(ratio(pw, bw)),
                         fmt_mb(med(p.rss)), str(sum(p.findings.values()))])
        md.append(md_table(hdr, rows))
        md.append("")
        md.append("The issue sets no goal for the lint tool. It runs the same parse and "
                  "analysis in one process (libclang-cpp), one thread per job, so it saves "
                  "what N separate clang++ processes pay per file: starting, linking "
                  "libLLVM and libclang-cpp, and faulting in a fresh heap (mostly system "
                  "time). A ratio below 1 is that saving, not less work.")

    if prof:
        md.append("")
        md.append("### Profile: where the plugin's instructions go (callgrind, plugin on)")
        for label, res in prof.items():
            md.append("")
            md.append(f"{label}: {fmt_ir(res.get('total_ir'))} in all. Inclusive cost "
                      "(with the clang functions they call) of the plugin's entry points:")
            md.append("")
            rows = [[r["what"], fmt_ir(r["ir"]),
                     "—" if r["share"] is None else f"{r['share'] * 100:.2f}%"]
                    for r in res.get("inclusive", [])]
            md.append(md_table(["part", "Ir", "share of the compile"], rows))
            if compact:
                continue
            md.append("")
            md.append("Top functions of pincheck-plugin.so by exclusive instructions "
                      "(template instantiations of clang's RecursiveASTVisitor live in it too):")
            md.append("")
            rows = [["—" if r["share"] is None else f"{r['share'] * 100:.2f}%",
                     fmt_ir(r["ir"]), "`" + short_symbol(r["function"]) + "`"]
                    for r in res.get("exclusive", [])]
            md.append(md_table(["share", "Ir", "function"], rows))

    head = ["## Goals", ""]
    if goals:
        head.append(md_table(["goal", "met?", "measured"],
                             [[g, "yes" if ok else "**no**", t] for g, ok, t in goals]))
    else:
        head.append("No goal measured in this run.")
    return "\n".join(head + [""] + md) + "\n", goals, size_pts


def machine_info():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass

    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO).stdout.strip()
        except OSError:
            return "?"

    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            mem = f.readline().split(":", 1)[1].strip()
    except OSError:
        pass
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(), "cpu": cpu, "memory": mem,
        "kernel": platform.release(), "python": platform.python_version(),
        "clang": out([CLANG, "--version"]).splitlines()[0],
        "clang_tidy": " ".join(out([TIDY, "--version"]).split()),
        "valgrind": out(["valgrind", "--version"]),
        "pincheck": out([LINT, "--version"]).splitlines()[0] if os.path.exists(LINT) else "?",
        "commit": out(["git", "rev-parse", "--short", "HEAD"]),
        "dirty": bool(out(["git", "status", "--porcelain", "--untracked-files=no"])),
        "loadavg_start": " ".join(open("/proc/loadavg").read().split()[:3]),
        "binaries_sha256": binaries_digest(),
    }


def binaries_digest():
    """The plugin, module and tool as measured: a rebuild during the run
    (someone compiling in build/) shows up as a different digest at the end."""
    import hashlib
    out = {}
    for p in (PLUGIN, TIDY_MODULE, LINT):
        try:
            with open(p, "rb") as f:
                out[os.path.relpath(p, REPO)] = hashlib.sha256(f.read()).hexdigest()[:16]
        except OSError:
            out[os.path.relpath(p, REPO)] = None
    return out


def check_tools(need_valgrind):
    missing = [t for t in (CLANG, TIDY, "/usr/bin/time") if not shutil.which(t)]
    if need_valgrind and not shutil.which("valgrind"):
        missing.append("valgrind")
    for p in (PLUGIN, TIDY_MODULE, LINT):
        if not os.path.exists(p):
            missing.append(p + " (run bash scripts/setup.sh)")
    if missing:
        sys.exit("bench.py: missing: " + ", ".join(missing) + " (bash bench/run.sh installs them)")


def items_from_json(data):
    """Items back from a results file, for --render."""
    groups = {}
    for g, its in data["groups"].items():
        out = []
        for it in its:
            vs = []
            for key, v in it["variants"].items():
                cmd = v["cmd"] if isinstance(v["cmd"], list) else None
                var = Variant(key, cmd)
                var.wall, var.rss, var.ir = v["wall_s"], v["rss_kb"], v["instructions"]
                var.rc, var.findings, var.error = v["returncode"], v["findings"], v["error"]
                var.skipped = v.get("functions_skipped", 0)
                vs.append(var)
            out.append(Item(it["group"], it["name"], vs, it["meta"]))
        groups[g] = out
    return groups


README = os.path.join(BENCH, "README.md")
README_BEGIN = "<!-- latest results: begin (written by bench.py from results/latest.json) -->"
README_END = "<!-- latest results: end -->"


def update_readme(groups, machine, args, prof, cmdline):
    """Puts the compact table of a full run between the markers of
    bench/README.md, headings one level down."""
    try:
        with open(README) as f:
            readme = f.read()
    except OSError:
        return
    if README_BEGIN not in readme or README_END not in readme:
        return
    text, _, _ = report(groups, machine, args, prof, compact=True)
    text = re.sub(r"^(#+) ", lambda m: "#" + m.group(1) + " ", text, flags=re.M)
    text = (f"`{cmdline}`, {machine['elapsed_s'] / 60:.0f} min; the per-function profile "
            "tables are in results/latest.md.\n\n" + text)
    a = readme.index(README_BEGIN) + len(README_BEGIN)
    b = readme.index(README_END)
    with open(README, "w") as f:
        f.write(readme[:a] + "\n\n" + text.strip() + "\n\n" + readme[b:])
    log("updated the latest results in bench/README.md")


def write_report(prefix, groups, machine, args, prof, cmdline, options, extra=None):
    text, goals, size_pts = report(groups, machine, args, prof)
    title = "# pincheck benchmark results\n\n"
    text = title + f"`{cmdline}`, {machine['elapsed_s'] / 60:.0f} min.\n\n" + text
    with open(prefix + ".md", "w") as f:
        f.write(text)
    data = {"machine": machine, "command": cmdline, "options": options,
            "goals": [{"goal": g, "met": ok, "measured": t} for g, ok, t in goals],
            "groups": {g: [i.summary() for i in its] for g, its in groups.items()},
            "size_series": size_pts, "profile": prof}
    for k, v in (extra or {}).items():
        data.setdefault(k, v)
    with open(prefix + ".json", "w") as f:
        json.dump(data, f, indent=1)
    print(text)
    log(f"wrote {os.path.relpath(prefix, os.getcwd())}.md and .json")
    if os.path.abspath(prefix) == os.path.join(RESULTS, "latest"):
        update_readme(groups, machine, args, prof, cmdline)


def render(path):
    """Rewrites <prefix>.md (and the derived parts of <prefix>.json) from the
    raw numbers in <prefix>.json, after a change to the report's layout."""
    global COUNTER
    with open(path) as f:
        data = json.load(f)
    opts = data["options"]
    COUNTER = opts.get("counter") or COUNTER
    args = argparse.Namespace(runs=opts["runs"], quick=opts["quick"], notes=opts.get("notes"))
    prefix = path[:-5] if path.endswith(".json") else path
    write_report(prefix, items_from_json(data), data["machine"], args, data.get("profile"),
                 data["command"], opts, extra=data)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--render":
        return render(sys.argv[2])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--quick", action="store_true",
                    help="a short run: fewer inputs, 3 runs, instruction counts on the small "
                    "inputs only")
    ap.add_argument("--runs", type=int, help="wall-clock runs per command (default 5; quick 3)")
    ap.add_argument("--no-callgrind", "--no-instructions", dest="no_instructions",
                    action="store_true", help="no valgrind: wall-clock and RSS only")
    ap.add_argument("--counter", choices=sorted(COUNTERS), default="cachegrind",
                    help="valgrind tool for instruction counts (default cachegrind "
                    "--cache-sim=no: the same count as callgrind's, in 60%% of the time)")
    ap.add_argument("--only", help="comma-separated groups: "
                    "real,control,peers,dense,size,lint,profile")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2,
                    help="valgrind runs at once (default: the number of cores)")
    ap.add_argument("--sizes", help="statement counts of the size series "
                    "(default 10,100,1000,10000,100000; quick: up to 10000)")
    ap.add_argument("--count-max-size", "--callgrind-max-size", dest="count_max_size",
                    metavar="N", type=int, help="largest N of the size series run under valgrind "
                    "(default: all; quick: 1000); larger ones have wall-clock only")
    ap.add_argument("--lint-files", type=int, help="files in the lint database (default 24; quick 8)")
    ap.add_argument("--output", help="output prefix (default results/latest; quick: results/quick; "
                    "with --only: results/partial)")
    args = ap.parse_args()

    groups_all = ["real", "control", "peers", "dense", "size", "lint", "profile"]
    only = args.only.split(",") if args.only else groups_all
    for g in only:
        if g not in groups_all:
            ap.error(f"unknown group '{g}' (one of {', '.join(groups_all)})")
    if args.quick and not args.only:
        only = [g for g in only if g not in ("profile", "control")]
    args.runs = args.runs or (3 if args.quick else 5)
    global COUNTER
    COUNTER = args.counter
    use_cg = not args.no_instructions
    check_tools(use_cg)
    if args.output:
        prefix = args.output
    elif args.quick:
        prefix = os.path.join(RESULTS, "quick")
    elif args.only:
        prefix = os.path.join(RESULTS, "partial")
    else:
        prefix = os.path.join(RESULTS, "latest")
    os.makedirs(CACHE, exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(prefix)), exist_ok=True)
    os.environ["LC_ALL"] = "C"

    machine = machine_info()
    log(f"pincheck bench: {', '.join(only)}; {args.runs} runs; instruction counts "
        f"{'on' if use_cg else 'off'}; {machine['nproc']} cores, load {machine['loadavg_start']}")
    libs = [l for l in LIBS if not args.quick or l.name in QUICK_LIBS]
    libs = [l for l in libs if os.path.exists(l.src)]
    cg_libs = {l.name for l in libs} if not args.quick else set(QUICK_CALLGRIND_LIBS)
    if not use_cg:
        cg_libs = set()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (
        [10, 100, 1000, 10000] if args.quick else [10, 100, 1000, 10000, 100000])
    cg_max = args.count_max_size if args.count_max_size is not None else (
        1000 if args.quick else max(sizes))
    if not use_cg:
        cg_max = -1

    groups = {}
    if "real" in only:
        its = real_items(libs, cg_libs)
        for m in MODES:
            groups["real-" + m] = [i for i in its if i.group == "real-" + m]
    if "control" in only and use_cg:
        groups["control"] = control_items([l for l in libs if l.name in CONTROL_LIBS])
    if "dense" in only:
        groups["dense"] = dense_items(["small"] if args.quick else ["small", "large", "clean"],
                                      use_cg)
    if "size" in only:
        groups["size"] = size_items(sizes, cg_max)
    if "peers" in only:
        plibs = [l for l in libs if l.name in (QUICK_PEER_LIBS if args.quick else PEER_LIBS)]
        for l in plibs:
            make_user_copy(l)
        groups["peers"] = peer_items(plibs, set() if (args.quick or not use_cg)
                                     else set(PEER_CALLGRIND_LIBS))
    if "lint" in only:
        nfiles = args.lint_files or (6 if args.quick else 24)
        lint_libs = [l for l in libs if l.name not in LINT_SKIP_LIBS]
        groups["lint"] = lint_items(nfiles, lint_libs, [1, 2])

    order = ["real-system", "real-adopting", "real-user", "control", "dense", "size", "peers", "lint"]
    everything = [i for g in order for i in groups.get(g, [])]
    log(f"wall-clock and RSS: {len(everything)} inputs")
    for g in order:
        if groups.get(g):
            log(f"group {g}")
            if g == "lint":  # the longest: no warm-up, at most 3 runs
                measure_wall(groups[g], max(1, min(args.runs, 3 if not args.quick else 2)),
                             warmup=False)
            else:
                measure_wall(groups[g], args.runs)
    if use_cg:
        measure_instructions(everything, args.jobs)

    prof = None
    if "profile" in only and use_cg:
        by_name = {l.name: l for l in LIBS if os.path.exists(l.src)}
        targets = []
        if "protobuf" in by_name:
            targets.append(("protobuf, headers as system headers, pin/pin.h included",
                            by_name["protobuf"], "adopting"))
        if "boost" in by_name:
            targets.append(("boost, headers as user code", by_name["boost"], "user"))
        d, _ = gen_dense([10000], ["large"])
        targets.append(("dense_large.cpp", os.path.join(d, "dense_large.cpp")))
        targets.append(("size_10000.cpp", os.path.join(d, "size_10000.cpp")))
        prof = profile(targets, top=12, jobs=args.jobs)

    machine["loadavg_end"] = " ".join(open("/proc/loadavg").read().split()[:3])
    machine["binaries_changed_during_run"] = binaries_digest() != machine["binaries_sha256"]
    if machine["binaries_changed_during_run"]:
        log("warning: build/ changed during the run: the numbers mix two builds")
    machine["elapsed_s"] = round(time.monotonic() - T0, 1)
    cmdline = ("python3 bench/bench.py " + " ".join(sys.argv[1:])).strip()
    options = {"runs": args.runs, "quick": args.quick, "instructions": use_cg,
               "counter": COUNTER if use_cg else None, "groups": only,
               "sizes": sizes, "count_max_size": cg_max}
    write_report(prefix, groups, machine, args, prof, cmdline, options)


if __name__ == "__main__":
    main()
