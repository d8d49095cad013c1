"""The lint tool's bad-input catalogue: each case is a small project in a
fresh directory, a `pincheck` command line, and what the tool must do with
it. This encodes the behaviour docs/lint.md promises (exit 2 with a message
that names the problem; exit 1 only for findings; nothing lost, nothing
overwritten), not what the tool does today: a case that fails is a defect of
the tool.

Every case is also held to what no input may cause (sweep.py's checks): a
crash (a signal, "LLVM ERROR", a stack dump), a hang (no answer within the
case's timeout), exit 1 without a finding, a finding of the project that is
missing from the report, a file that existed before the run and was changed
by it, or a JSON/SARIF/GitLab report that is not valid JSON.

The base project (base=True, the default): src/good.cpp with one pin-move
finding at 7:12, src/clean.cpp without findings, a .clang-tidy with
`Checks: 'pin-*'` at the top (so that no .clang-tidy above the workspace
counts), and build/compile_commands.json listing both. In file contents and
arguments, @WS@ is the case's directory, @MOCK@ the mock standard library,
@INC@ pincheck's include directory.
"""
import hashlib
import json
import os
import re
import shlex
import shutil
import stat

GOOD = """#include <utility>
#include <pin/pin.h>
struct PIN_ADDRESS_SENSITIVE Node { Node *next = nullptr; };

void good() {
  Node n; (void)&n;
  Node m = std::move(n);
}
"""
CLEAN = "int clean(int x) { return x; }\n"
FLAGS = ["-std=c++17", "-nostdinc++", "-isystem", "@MOCK@", "-I", "@INC@"]

# The finding, as each format shows it.
IN_TEXT = r"src/good\.cpp:7:12: warning: 'n' is moved after it was pinned.*\[pin-move\]"
IN_JSON = r'"check": ?"pin-move"'
IN_SARIF = r'"ruleId": ?"pin-move"'


def entry(f="src/good.cpp", **over):
    e = {"directory": "@WS@", "file": "@WS@/" + f,
         "arguments": ["clang++"] + FLAGS + ["-c", "@WS@/" + f]}
    e.update(over)
    return {k: v for k, v in e.items() if v is not None}


def db(*entries):
    return json.dumps(list(entries), indent=1)


BASE_DB = db(entry("src/good.cpp"), entry("src/clean.cpp"))


class Case:
    def __init__(self, name, group, what, args, exit, names=None, files=None, fifos=(),
                 links=None, dirs=(), findings=None, report=None, json_report=False,
                 stdout="pipe", stderr="pipe", stdin=None, timeout=60, base=True,
                 may_change=(), pre=(), remove=(), alt=None):
        self.name, self.group, self.what, self.args = name, group, what, args
        self.exit = exit if isinstance(exit, tuple) else (exit,)
        self.names = names
        self.files = dict(files or {})
        self.fifos, self.links, self.dirs = list(fifos), dict(links or {}), list(dirs)
        self.findings = findings if findings is not None else (
            [IN_TEXT] if self.exit == (1,) else [])
        self.report, self.json_report = report, json_report
        self.stdout, self.stderr, self.stdin = stdout, stderr, stdin
        self.timeout, self.base = timeout, base
        self.may_change, self.pre, self.remove = list(may_change), list(pre), list(remove)
        # Another acceptable outcome: (exit, names regex, findings).
        self.alt = alt

    def expect_text(self):
        t = "exit " + " or ".join(map(str, self.exit))
        if self.names:
            t += f", names `{self.names}`"
        if self.findings:
            t += ", the finding reported"
        if self.alt:
            t += f"; or exit {self.alt[0]}" + (f", names `{self.alt[1]}`" if self.alt[1] else "") \
                + (", the finding reported" if self.alt[2] else "")
        return t


C = Case
CASES = [
    # ---- compile_commands.json: malformed in every way
    C("db-garbage", "database", "compile_commands.json is not JSON at all", ["-p", "build"], 2,
      r"compile_commands\.json", files={"build/compile_commands.json": "this is not json\n"}),
    C("db-empty-file", "database", "compile_commands.json is empty (0 bytes)", ["-p", "build"],
      2, r"compile_commands\.json", files={"build/compile_commands.json": ""}),
    C("db-object", "database", "an object, not an array", ["-p", "build"], 2,
      r"compile_commands\.json|array",
      files={"build/compile_commands.json": json.dumps(entry())}),
    C("db-null", "database", "`null`", ["-p", "build"], 2, r"compile_commands\.json|array",
      files={"build/compile_commands.json": "null"}),
    C("db-numbers", "database", "an array of numbers", ["-p", "build"], 2,
      r"compile_commands\.json|object", files={"build/compile_commands.json": "[1, 2, 3]"}),
    C("db-strings", "database", "an array of strings", ["-p", "build"], 2,
      r"compile_commands\.json|object",
      files={"build/compile_commands.json": '["src/good.cpp"]'}),
    C("db-no-file", "database", "an entry without \"file\"", ["-p", "build"], 2,
      r"\bfile\b", files={"build/compile_commands.json": db(entry(file=None))}),
    C("db-no-directory", "database", "an entry without \"directory\"", ["-p", "build"], 2,
      r"directory", files={"build/compile_commands.json": db(entry(directory=None))}),
    C("db-no-command", "database", "an entry without \"command\" or \"arguments\"",
      ["-p", "build"], 2, r"command|arguments",
      files={"build/compile_commands.json": db(entry(arguments=None))}),
    C("db-arguments-string", "database", "\"arguments\" is a string, not an array",
      ["-p", "build"], 2, r"arguments",
      files={"build/compile_commands.json": db(entry(arguments="clang++ -c src/good.cpp"))}),
    C("db-arguments-number", "database", "\"arguments\" holds a number", ["-p", "build"], 2,
      r"arguments|compile_commands\.json",
      files={"build/compile_commands.json": db(entry(arguments=["clang++", 17, "-c",
                                                                 "@WS@/src/good.cpp"]))}),
    C("db-command-number", "database", "\"command\" is a number", ["-p", "build"], 2,
      r"command|compile_commands\.json",
      files={"build/compile_commands.json": db(entry(arguments=None, command=42))}),
    C("db-file-number", "database", "\"file\" is a number", ["-p", "build"], 2,
      r"\bfile\b|compile_commands\.json",
      files={"build/compile_commands.json": db(entry(file=7))}),
    C("db-directory-null", "database", "\"directory\" is null", ["-p", "build"], 2,
      r"directory|compile_commands\.json",
      files={"build/compile_commands.json": db(entry() | {"directory": None})}),
    C("db-arguments-empty", "database", "\"arguments\": [] (no compiler at all)",
      ["-p", "build"], 2, r"argument|command|compile_commands\.json|good\.cpp",
      files={"build/compile_commands.json": db(entry(arguments=[]))}),
    C("db-command-empty", "database", "\"command\": \"\"", ["-p", "build"], 2,
      r"command|compile_commands\.json|good\.cpp",
      files={"build/compile_commands.json": db(entry(arguments=None, command=""))}),
    C("db-command-unbalanced-quote", "database", "a command with an unbalanced quote",
      ["-p", "build"], 2, r"quot|command|good\.cpp",
      files={"build/compile_commands.json": db(entry(
          arguments=None, command='clang++ -std=c++17 -nostdinc++ -isystem @MOCK@ -I @INC@ '
                                  '-c "@WS@/src/good.cpp'))}),
    C("db-relative-directory", "database", "a relative \"directory\" (the format wants it "
      "absolute)", ["-p", "build"], 2, r"directory|absolute",
      files={"build/compile_commands.json": db(entry(directory="."))},
      alt=(1, None, [IN_TEXT])),
    # A source that is not a regular file or cannot be opened (here and in
    # db-symlink-loop-source, db-fifo-source, db-long-path: a directory, a
    # symbolic link loop, a FIFO, a name too long) stops the run before the
    # analysis, as lint.md says ("an error naming it, before the analysis"):
    # the other files are not analysed, so no finding is expected. A file
    # that does not exist is different (db-missing-source): it fails to
    # parse, and the others' findings are reported.
    C("db-source-is-directory", "database", "\"file\" names a directory", ["-p", "build"], 2,
      r"src/dir\.cpp",
      dirs=["src/dir.cpp"],
      files={"build/compile_commands.json": db(entry("src/good.cpp"), entry("src/dir.cpp"))}),
    C("db-non-utf8", "database", "a path with bytes that are not UTF-8 in the database",
      ["-p", "build"], 2, r"compile_commands\.json|UTF-8",
      files={"build/compile_commands.json":
             db(entry()).encode().replace(b"src/good.cpp", b"src/g\xffood.cpp")}),
    C("db-symlink-loop-source", "database", "a source file that is a symlink loop",
      ["-p", "build"], 2, r"src/loop\.cpp",
      links={"src/loop.cpp": "loop.cpp"},
      files={"build/compile_commands.json": db(entry("src/good.cpp"), entry("src/loop.cpp"))}),
    C("db-fifo-source", "database", "a source file that is a FIFO (nothing ever writes to it)",
      ["-p", "build"], 2, r"src/fifo\.cpp", fifos=["src/fifo.cpp"], timeout=15,
      files={"build/compile_commands.json": db(entry("src/good.cpp"), entry("src/fifo.cpp"))}),
    C("db-is-directory", "database", "compile_commands.json is a directory", ["-p", "build"], 2,
      r"compile_commands\.json", dirs=["build/compile_commands.json"], remove=["build"]),
    C("db-is-fifo", "database", "compile_commands.json is a FIFO", ["-p", "build"], 2,
      r"compile_commands\.json", fifos=["build/compile_commands.json"], remove=["build"],
      timeout=15),
    C("db-symlink-loop", "database", "compile_commands.json is a symlink loop",
      ["-p", "build"], 2, r"compile_commands\.json",
      links={"build/compile_commands.json": "compile_commands.json"}, remove=["build"]),
    C("db-deep-nesting", "database", "100 000 nested arrays", ["-p", "build"], 2,
      r"compile_commands\.json",
      files={"build/compile_commands.json": "[" * 100000 + "]" * 100000}),
    C("db-trailing-comma", "database", "a trailing comma after the last entry",
      ["-p", "build"], 2, r"compile_commands\.json",
      files={"build/compile_commands.json": BASE_DB[:-2] + ",\n]"}),
    C("db-bom", "database", "a UTF-8 byte order mark before the array", ["-p", "build"], 1,
      files={"build/compile_commands.json": b"\xef\xbb\xbf" + BASE_DB.encode()},
      alt=(2, r"compile_commands\.json", [])),
    C("db-nul-in-path", "database", "a NUL character (\\u0000) inside \"file\"",
      ["-p", "build"], 2, r"good|compile_commands\.json|NUL|null",
      files={"build/compile_commands.json": db(entry()).replace("src/good.cpp\"",
                                                                 "src/good.cpp\\u0000x\"")}),
    C("db-long-path", "database", "a 5 000-character file name", ["-p", "build"], 2,
      r"x{50}|too long|name",
      files={"build/compile_commands.json": db(entry("src/good.cpp"),
                                               entry("src/" + "x" * 5000 + ".cpp"))}),
    C("db-missing-source", "database", "an entry for a file that does not exist",
      ["-p", "build"], 2, r"src/gone\.cpp",
      files={"build/compile_commands.json": db(entry("src/good.cpp"), entry("src/gone.cpp"))},
      findings=[IN_TEXT]),
    C("db-duplicate-entries", "database", "the same entry three times: one finding",
      ["-p", "build"], 1,
      files={"build/compile_commands.json": db(entry(), entry(), entry())}),
    C("db-unknown-flag", "database", "a compile command with a flag clang does not know",
      ["-p", "build"], 2, r"-fno-such-flag",
      files={"build/compile_commands.json": db(
          entry("src/good.cpp"),
          entry("src/clean.cpp", arguments=["clang++", "-fno-such-flag"] + FLAGS +
                ["-c", "@WS@/src/clean.cpp"]))},
      findings=[IN_TEXT]),
    C("db-depfile", "database", "a command with -MD -MF: the build's existing dependency "
      "file must not be rewritten", ["-p", "build"], 1,
      files={"build/good.d": "keep me\n",
             "build/compile_commands.json": db(entry(arguments=["clang++"] + FLAGS + [
                 "-MD", "-MF", "@WS@/build/good.d", "-c", "@WS@/src/good.cpp",
                 "-o", "@WS@/build/good.o"]))}),
    C("db-load-missing-plugin", "database", "a command that loads a missing clang plugin "
      "through -Xclang -load (the lint step may leave the build's plugins out)",
      ["-p", "build"], 1, alt=(2, r"nonexistent\.so", []),
      files={"build/compile_commands.json": db(entry(arguments=["clang++", "-Xclang", "-load",
                                                                 "-Xclang", "/nonexistent.so"] +
                                                     FLAGS + ["-c", "@WS@/src/good.cpp"]))}),
    C("db-p-is-file", "database", "-p names compile_commands.json itself, not its directory",
      ["-p", "build/compile_commands.json"], 1, alt=(2, r"compile_commands\.json|directory", [])),
    C("db-compile-flags-bad", "database", "compile_flags.txt with an unknown flag",
      ["-p", "flags", "src/good.cpp"], 2, r"-fno-such-flag",
      files={"flags/compile_flags.txt": "-fno-such-flag\n-std=c++17\n"}),
    C("db-newline-in-name", "database", "a source file whose name has a newline, with JSON "
      "output", ["-p", "build", "--format=json"], 1, findings=[IN_JSON], json_report=True,
      files={"src/new\nline.cpp": GOOD,
             "build/compile_commands.json": db(entry("src/new\nline.cpp"))}),
    C("db-spaces-quotes", "database", "a \"command\" string with a quoted path that has "
      "spaces and quotes", ["-p", "build"], 1,
      findings=[r"good it's\.cpp:7:12: warning: .*\[pin-move\]"],
      files={"src/good it's.cpp": GOOD, "build/compile_commands.json": db(entry(
          "src/good it's.cpp", arguments=None,
          command="clang++ " + " ".join(FLAGS) + " -c '@WS@/src/good it'\\''s.cpp'"))}),

    # ---- files named on the command line
    C("arg-directory", "arguments", "a directory named as a source file",
      ["src", "--", "-std=c++17"], 2, r"\bsrc\b"),
    C("arg-fifo", "arguments", "a FIFO named as a source file",
      ["src/fifo.cpp", "--", "-std=c++17"], 2, r"src/fifo\.cpp", fifos=["src/fifo.cpp"],
      timeout=15),
    C("arg-dev-null", "arguments", "/dev/null named as a source file",
      ["/dev/null", "--", "-std=c++17"], 2, r"/dev/null"),
    C("arg-non-utf8-name", "arguments", "a source file whose name is not UTF-8, JSON output",
      [b"src/g\xffood.cpp", "--format=json", "--"] + FLAGS, 1, findings=[IN_JSON],
      json_report=True, files={b"src/g\xffood.cpp": GOOD}),
    C("arg-non-utf8-sarif", "arguments", "a source file whose name is not UTF-8, SARIF output",
      [b"src/g\xffood.cpp", "--format=sarif", "--"] + FLAGS, 1, findings=[IN_SARIF],
      json_report=True, files={b"src/g\xffood.cpp": GOOD}),
    C("arg-binary-source", "arguments", "a source file of random bytes",
      ["src/noise.cpp", "--", "-std=c++17"], 2, r"src/noise\.cpp",
      files={"src/noise.cpp": bytes(range(256)) * 64}),
    C("arg-self-include", "arguments", "a source file that includes itself",
      ["src/self.cpp", "--", "-std=c++17"], 2, r"src/self\.cpp",
      files={"src/self.cpp": '#include "self.cpp"\nint x;\n'}),
    C("arg-crlf", "arguments", "a source file with CRLF line ends",
      ["src/crlf.cpp", "--"] + FLAGS, 1,
      findings=[r"src/crlf\.cpp:7:12: warning: .*\[pin-move\]"],
      files={"src/crlf.cpp": GOOD.replace("\n", "\r\n")}),
    C("arg-long-line", "arguments", "a source file with a 1 MB line",
      ["src/long.cpp", "--"] + FLAGS, 1,
      findings=[r"src/long\.cpp:8:12: warning: .*\[pin-move\]"],
      files={"src/long.cpp": "const char *s = \"" + "x" * 1000000 + "\";\n" + GOOD}),
    C("arg-nul-bytes", "arguments", "a source file with NUL bytes in a comment",
      ["src/nul.cpp", "--"] + FLAGS, 1,
      findings=[r"src/nul\.cpp:8:12: warning: .*\[pin-move\]"],
      files={"src/nul.cpp": "// a\0b\0c\n" + GOOD}),
    C("arg-empty-source", "arguments", "an empty source file", ["src/empty.cpp", "--"] + FLAGS,
      0, files={"src/empty.cpp": ""}),
    C("arg-missing-source", "arguments", "a source file that does not exist",
      ["src/missing.cpp", "--", "-std=c++17"], 2, r"src/missing\.cpp"),

    # ---- flags
    C("flag-jobs-abc", "flags", "-j abc", ["-j", "abc", "-p", "build"], 2, r"'abc'"),
    C("flag-jobs-negative", "flags", "-j -1", ["-j", "-1", "-p", "build"], 2, r"-1"),
    C("flag-jobs-huge", "flags", "-j 99999999999999999999 (out of range)",
      ["-j", "99999999999999999999", "-p", "build"], 2, r"99999999999999999999"),
    C("flag-jobs-empty", "flags", "--jobs= (empty)", ["--jobs=", "-p", "build"], 2,
      r"jobs|''"),
    C("flag-jobs-zero", "flags", "-j 0: one per core (valid)", ["-j", "0", "-p", "build"], 1),
    C("flag-jobs-many", "flags", "-j 1000: more workers than files (valid)",
      ["-j", "1000", "-p", "build"], 1),
    C("flag-format-xml", "flags", "--format=xml", ["--format=xml", "-p", "build"], 2, r"xml"),
    C("flag-format-empty", "flags", "--format= (empty)", ["--format=", "-p", "build"], 2,
      r"format"),
    C("flag-format-upper", "flags", "--format=JSON (formats are lower case)",
      ["--format=JSON", "-p", "build"], 2, r"JSON"),
    C("flag-format-twice", "flags", "--format given twice: the last one counts, as for "
      "clang's flags", ["--format=json", "--format=sarif", "-p", "build"], 1,
      findings=[IN_SARIF], json_report=True),
    C("flag-mbv-huge", "flags", "--max-block-visits=99999999999999999999 (out of range)",
      ["--max-block-visits=99999999999999999999", "-p", "build"], 2, r"99999999999999999999"),
    C("flag-mbv-float", "flags", "--max-block-visits=1e3", ["--max-block-visits=1e3", "-p",
                                                           "build"], 2, r"1e3"),
    C("flag-mbv-hex", "flags", "--max-block-visits=0x10", ["--max-block-visits=0x10", "-p",
                                                          "build"], 2, r"0x10"),
    C("flag-mp-negative", "flags", "--max-places=-5", ["--max-places=-5", "-p", "build"], 2,
      r"-5"),
    C("flag-mp-empty", "flags", "--max-places= (empty)", ["--max-places=", "-p", "build"], 2,
      r"max-places"),
    C("flag-checks-typo", "flags", "--checks=pin-mvoe", ["--checks=pin-mvoe", "-p", "build"], 2,
      r"pin-mvoe"),
    C("flag-checks-typo-in-list", "flags", "--checks=-*,pin-mvoe,pin-move",
      ["--checks=-*,pin-mvoe,pin-move", "-p", "build"], 2, r"pin-mvoe"),
    C("flag-vector-like-template", "flags", "--vector-like-classes with template arguments",
      ["--vector-like-classes=std::vector<int>", "-p", "build"], 2, r"std::vector<int>"),
    C("flag-vector-like-empty", "flags", "--vector-like-classes= (empty: none; valid)",
      ["--vector-like-classes=", "-p", "build"], 1),
    C("flag-config-missing", "flags", "--config-file that does not exist",
      ["--config-file=missing.yaml", "-p", "build"], 2, r"missing\.yaml"),
    C("flag-config-directory", "flags", "--config-file that is a directory",
      ["--config-file=src", "-p", "build"], 2, r"\bsrc\b"),
    C("flag-config-fifo", "flags", "--config-file that is a FIFO",
      ["--config-file=cfg.fifo", "-p", "build"], 2, r"cfg\.fifo", fifos=["cfg.fifo"],
      timeout=15),
    C("flag-config-dev-null", "flags", "--config-file=/dev/null (an empty configuration)",
      ["--config-file=/dev/null", "-p", "build"], 1),
    C("flag-baseline-missing", "flags", "--baseline that does not exist",
      ["--baseline=missing.json", "-p", "build"], 2, r"missing\.json"),
    C("flag-base-dir-file", "flags", "--base-dir that is a file",
      ["--base-dir=src/good.cpp", "-p", "build"], 2, r"src/good\.cpp"),
    C("flag-extra-arg-unknown", "flags", "--extra-arg with a flag clang does not know",
      ["--extra-arg=-fno-such-flag", "-p", "build"], 2, r"-fno-such-flag"),
    C("flag-unknown", "flags", "an unknown option", ["--bogus", "-p", "build"], 2, r"--bogus"),
    C("flag-p-no-value", "flags", "-p without a value", ["-p"], 2, r"-p|value"),
    C("flag-o-twice", "flags", "-o given twice: the last one counts",
      ["-o", "a.txt", "-o", "b.txt", "-p", "build"], 1, report="b.txt"),
    C("flag-p-and-flags", "flags", "-p and flags after '--' together",
      ["-p", "build", "src/good.cpp", "--", "-std=c++17"], 2, r"--"),

    # ---- .clang-tidy files
    C("tidy-typo-first", "config", "Checks: '-*,pin-mvoe,pin-move': pin-move must still run",
      ["-p", "build"], 1, r"pin-mvoe",
      files={".clang-tidy": "Checks: '-*,pin-mvoe,pin-move'\n"}),
    C("tidy-typo-only", "config", "Checks: 'pin-mvoe' (all checks stay on; a warning names it)",
      ["-p", "build"], 1, r"pin-mvoe", files={".clang-tidy": "Checks: 'pin-mvoe'\n"}),
    C("tidy-typo-config-file", "config", "the same typo through --config-file",
      ["--config-file=cfg.yaml", "-p", "build"], 1, r"pin-mvoe",
      files={"cfg.yaml": "Checks: '-*,pin-mvoe,pin-move'\n"}),
    C("tidy-warnings-as-errors-typo", "config", "WarningsAsErrors: 'pin-mvoe'",
      ["-p", "build"], 1, r"pin-mvoe",
      files={".clang-tidy": "Checks: 'pin-*'\nWarningsAsErrors: 'pin-mvoe'\n"}),
    C("tidy-not-yaml", "config", "a .clang-tidy that is not YAML", ["-p", "build"], 2,
      r"\.clang-tidy", files={".clang-tidy": "{{{ not: [yaml\n"}),
    C("tidy-checks-mapping", "config", "Checks: a YAML mapping (clang-tidy takes a string or "
      "a list)", ["-p", "build"], 2, r"\.clang-tidy", files={".clang-tidy": "Checks: {a: 1}\n"}),
    C("tidy-check-options-scalar", "config", "CheckOptions: 5", ["-p", "build"], 2,
      r"\.clang-tidy", files={".clang-tidy": "Checks: 'pin-*'\nCheckOptions: 5\n"}),
    C("tidy-tab-indent", "config", "a tab in the indentation (invalid YAML)", ["-p", "build"],
      2, r"\.clang-tidy", files={".clang-tidy": "CheckOptions:\n\t- key: MaxPlaces\n"}),
    C("tidy-empty", "config", "an empty .clang-tidy (valid: all checks)", ["-p", "build"], 1,
      files={".clang-tidy": ""}),
    C("tidy-bad-limit", "config", "CheckOptions MaxBlockVisits: 'lots' (a warning names it, "
      "the default is used)", ["-p", "build"], 1, r"lots",
      files={".clang-tidy": "Checks: 'pin-*'\nCheckOptions:\n  MaxBlockVisits: 'lots'\n"}),
    C("tidy-bad-vector-like", "config", "VectorLikeClasses with template arguments (a warning "
      "names it, the default is used)", ["-p", "build"], 1, r"std::vector<int>",
      files={".clang-tidy": "Checks: 'pin-*'\nCheckOptions:\n  "
                            "pin-container-relocation.VectorLikeClasses: 'std::vector<int>'\n"}),
    C("tidy-directory", "config", "a .clang-tidy that is a directory", ["-p", "build"], 2,
      r"\.clang-tidy", dirs=["src/.clang-tidy"]),
    C("tidy-fifo", "config", "a .clang-tidy that is a FIFO", ["-p", "build"], 2,
      r"\.clang-tidy", fifos=["src/.clang-tidy"], timeout=15),
    C("tidy-symlink-loop", "config", "a .clang-tidy that is a symlink loop", ["-p", "build"],
      2, r"\.clang-tidy", links={"src/.clang-tidy": ".clang-tidy"},
      alt=(1, r"\.clang-tidy", [IN_TEXT])),
    C("tidy-bad-parent", "config", "InheritParentConfig: true under a malformed parent",
      ["-p", "build"], 2, r"\.clang-tidy",
      files={".clang-tidy": "{{{\n", "src/.clang-tidy": "InheritParentConfig: true\n"}),
    C("tidy-non-utf8", "config", "bytes that are not UTF-8 in Checks", ["-p", "build"], (1, 2),
      r"\.clang-tidy|\\xff|pin-m", files={".clang-tidy": b"Checks: 'pin-*,pin-m\xffve'\n"},
      findings=[]),

    # ---- baselines
    C("baseline-fingerprint-number", "baseline", '"fingerprint": 12345', ["--baseline=bl.json",
                                                                          "-p", "build"], 2,
      r"bl\.json", files={"bl.json": json.dumps({"tool": "pincheck", "version": 1, "findings": [
          {"fingerprint": 12345}]})}),
    C("baseline-truncated", "baseline", "a baseline cut off in the middle",
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json",
      files={"bl.json": '{"tool": "pincheck", "version": 1, "findings": [{"fingerp'}),
    C("baseline-empty", "baseline", "an empty baseline file (0 bytes)",
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json", files={"bl.json": ""}),
    C("baseline-array", "baseline", "a baseline that is an array",
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json", files={"bl.json": "[]"}),
    C("baseline-other-tool", "baseline", '"tool": "clang-tidy"',
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json",
      files={"bl.json": '{"tool": "clang-tidy", "version": 1, "findings": []}'}),
    C("baseline-version-2", "baseline", '"version": 2', ["--baseline=bl.json", "-p", "build"], 2,
      r"bl\.json", files={"bl.json": '{"tool": "pincheck", "version": 2, "findings": []}'}),
    C("baseline-findings-object", "baseline", '"findings": {}',
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json",
      files={"bl.json": '{"tool": "pincheck", "version": 1, "findings": {}}'}),
    C("baseline-entry-number", "baseline", '"findings": [1]',
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json",
      files={"bl.json": '{"tool": "pincheck", "version": 1, "findings": [1]}'}),
    C("baseline-directory", "baseline", "a baseline that is a directory",
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json", dirs=["bl.json"]),
    C("baseline-fifo", "baseline", "a baseline that is a FIFO",
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json", fifos=["bl.json"], timeout=15),
    C("baseline-deep-nesting", "baseline", "100 000 nested arrays in the findings",
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json",
      files={"bl.json": '{"tool": "pincheck", "version": 1, "findings": ' + "[" * 100000 +
             "]" * 100000 + "}"}),
    C("baseline-non-utf8", "baseline", "bytes that are not UTF-8 in the baseline",
      ["--baseline=bl.json", "-p", "build"], 2, r"bl\.json",
      files={"bl.json": b'{"tool": "pincheck", "version": 1, "findings": [{"fingerprint": '
                        b'"\xff\xfe"}]}'}),
    C("baseline-valid", "baseline", "a baseline written by the tool hides the finding (exit 0)",
      ["--baseline=bl.json", "-p", "build"], 0, r"1 more in the baseline",
      pre=[["-p", "build", "--quiet", "--write-baseline=bl.json"]], may_change=["bl.json"]),
    C("baseline-read-and-write", "baseline", "--baseline and --write-baseline on one file",
      ["--baseline=bl.json", "--write-baseline=bl.json", "-p", "build"], 0,
      pre=[["-p", "build", "--quiet", "--write-baseline=bl.json"]], may_change=["bl.json"]),

    # ---- outputs that cannot be written
    C("out-dev-full", "output", "-o /dev/full (the disk is full)", ["-o", "/dev/full", "-p",
                                                                   "build"], 2, r"/dev/full"),
    C("out-missing-dir", "output", "-o into a directory that does not exist",
      ["-o", "nodir/report.txt", "-p", "build"], 2, r"nodir/report\.txt"),
    C("out-is-directory", "output", "-o names a directory", ["-o", "src", "-p", "build"], 2,
      r"\bsrc\b"),
    C("out-json-dev-full", "output", "--format=json -o /dev/full",
      ["--format=json", "-o", "/dev/full", "-p", "build"], 2, r"/dev/full"),
    C("out-stdout-closed", "output", "stdout closed (the text report cannot be written)",
      ["-p", "build"], 2, r"stdout|standard output|Bad file descriptor", stdout="closed"),
    C("out-stdout-full", "output", "stdout is /dev/full", ["-p", "build"], 2,
      r"stdout|standard output|No space", stdout="devfull"),
    C("out-stdout-closed-o", "output", "stdout closed, the report goes to -o (fine)",
      ["-p", "build", "-o", "report.txt"], 1, stdout="closed", report="report.txt"),
    C("out-stderr-closed", "output", "stderr closed: the report on stdout is complete",
      ["-p", "build"], 1, stderr="closed"),
    C("out-stdin-closed", "output", "stdin closed", ["-p", "build"], 1, stdin="closed"),
    C("write-baseline-dev-full", "output", "--write-baseline=/dev/full next to an existing "
      "valid baseline, which must stay intact",
      ["--baseline=bl.json", "--write-baseline=/dev/full", "-p", "build"], 2, r"/dev/full",
      pre=[["-p", "build", "--quiet", "--write-baseline=bl.json"]]),
    C("write-baseline-missing-dir", "output", "--write-baseline into a directory that does not "
      "exist", ["--write-baseline=nodir/bl.json", "-p", "build"], 2, r"nodir/bl\.json"),
    C("write-baseline-directory", "output", "--write-baseline names a directory",
      ["--write-baseline=src", "-p", "build"], 2, r"\bsrc\b"),
    C("out-missing-dir-keeps-report", "output", "-o into a missing directory with an existing "
      "report next to it, which must stay intact", ["-o", "nodir/r.txt", "-p", "build"], 2,
      r"nodir/r\.txt", files={"r.txt": "the previous report\n"}),
]

FORBIDDEN = [b"LLVM ERROR", b"PLEASE submit a bug report", b"Stack dump:", b"Assertion `",
             b"terminate called", b"Segmentation fault"]


class Verdict:
    def __init__(self):
        self.ok, self.kind, self.reason, self.got = True, "", "", ""
        self.cmd, self.out, self.err, self.runs = "", b"", b"", 0

    def fail(self, kind, reason):
        if self.ok:  # the first failure decides the kind
            self.ok, self.kind, self.reason = False, kind, reason
        return self


def _b(x):
    return x if isinstance(x, bytes) else x.encode()


def _subst(x, env, ws):
    x = _b(x)
    for k, v in (("@WS@", ws), ("@MOCK@", env["mock"]), ("@INC@", env["inc"])):
        x = x.replace(k.encode(), v.encode())
    return x


def _hash(path):
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISREG(st.st_mode):
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    if stat.S_ISLNK(st.st_mode):
        return "link:" + os.fsdecode(os.readlink(path))
    return stat.S_IFMT(st.st_mode)


def setup(case, ws, env):
    shutil.rmtree(ws, ignore_errors=True)
    os.makedirs(ws)
    files = {}
    if case.base:
        files.update({"src/good.cpp": GOOD, "src/clean.cpp": CLEAN,
                      ".clang-tidy": "Checks: 'pin-*'\n",
                      "build/compile_commands.json": BASE_DB})
    for r in case.remove:
        files = {k: v for k, v in files.items() if not _b(k).startswith(_b(r) + b"/")}
    files.update(case.files)
    wsb = ws.encode()
    made = []
    for rel, content in files.items():
        p = os.path.join(wsb, _b(rel))
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(_subst(content, env, ws))
        made.append(p)
    for rel in case.dirs:
        os.makedirs(os.path.join(wsb, _b(rel)), exist_ok=True)
    for rel in case.fifos:
        p = os.path.join(wsb, _b(rel))
        os.makedirs(os.path.dirname(p), exist_ok=True)
        os.mkfifo(p)
    for rel, target in case.links.items():
        p = os.path.join(wsb, _b(rel))
        os.makedirs(os.path.dirname(p), exist_ok=True)
        os.symlink(_b(target), p)
    return made


def run_case(case, ws, env, run, crash_reason):
    v = Verdict()
    setup(case, ws, env)
    wsb = ws.encode()
    tool = env["pincheck"]
    for pre in case.pre:
        r = run([tool] + [_subst(a, env, ws) for a in pre], case.timeout, cwd=ws)
        v.runs += 1
        if r.timed_out or crash_reason(r):
            v.cmd = "cd " + shlex.quote(ws) + " && " + " ".join(
                shlex.quote(os.fsdecode(_subst(a, env, ws))) for a in [tool] + pre)
            v.out, v.err = r.out, r.err
            v.got = "the preparing run failed"
            return v.fail("hang" if r.timed_out else "crash",
                          "the run that prepares the case " +
                          ("hung" if r.timed_out else "crashed: " + crash_reason(r)))
    # Everything in the workspace now is pre-existing: the run must not
    # change it (except where the case says it may).
    before = {}
    for root, dirs, files in os.walk(wsb):
        for n in dirs + files:
            p = os.path.join(root, n)
            before[p] = _hash(p)
    cmd = [tool] + [_subst(a, env, ws) for a in case.args]
    v.cmd = "cd " + shlex.quote(ws) + " && " + " ".join(shlex.quote(os.fsdecode(c)) for c in cmd) \
        + {"closed": " >&-", "devfull": " > /dev/full"}.get(case.stdout, "") \
        + {"closed": " 2>&-"}.get(case.stderr, "") + (" <&-" if case.stdin == "closed" else "")
    r = run(cmd, case.timeout, cwd=ws, stdout=case.stdout, stderr=case.stderr,
            stdin=case.stdin)
    v.runs += 1
    v.out, v.err = r.out, r.err
    first = next((l for l in r.err.decode(errors="replace").split("\n")
                  if "error" in l or "warning" in l), r.err.decode(errors="replace")
                 .split("\n")[0])
    v.got = ("no answer" if r.timed_out else f"exit {r.rc}") + \
        (f", `{first.strip()[:140]}`" if first.strip() else "")
    if r.timed_out:
        return v.fail("hang", f"no answer after {case.timeout:.0f} s")
    why = crash_reason(r)
    if why:
        return v.fail("crash", why)
    for s in FORBIDDEN:
        if s in r.out + r.err:
            return v.fail("crash", f"'{s.decode()}' in the output")

    report = r.out
    if case.report:
        p = os.path.join(wsb, _b(case.report))
        report = open(p, "rb").read() if os.path.isfile(p) else b""

    def matches(exit, names, findings):
        if r.rc != exit:
            return False
        if names and not re.search(_b(names), r.err + r.out, re.I):
            return False
        return all(re.search(_b(f), report) for f in findings)

    accepted = any(matches(e, case.names, case.findings) for e in case.exit) or (
        case.alt is not None and matches(*case.alt))

    # Pre-existing files, unchanged whatever the outcome.
    changed = []
    for p, h in before.items():
        if os.path.relpath(p, wsb).decode(errors="replace") in case.may_change:
            continue
        if _hash(p) != h:
            changed.append(os.path.relpath(p, wsb).decode(errors="replace"))
    if changed:
        return v.fail("lost", "pre-existing file changed or removed: " + ", ".join(changed))
    if case.json_report and r.rc in (0, 1):
        try:
            json.loads(report)
        except ValueError as e:
            return v.fail("lost", f"the report is not valid JSON: {e}")
    # Findings the project has, missing from a run that did not stop early.
    if case.findings and r.rc in (0, 1) and not all(re.search(_b(f), report)
                                                    for f in case.findings):
        return v.fail("lost", "the finding is missing from the report")
    if accepted:
        return v
    if r.rc == 1 and 1 not in case.exit and not re.search(rb"\[pin-|\"pin-", report):
        return v.fail("other", "exit 1 without a finding")
    if r.rc not in case.exit and not (case.alt and r.rc == case.alt[0]):
        return v.fail("other", f"exit {r.rc}, expected {' or '.join(map(str, case.exit))}")
    if case.names and not re.search(_b(case.names), r.err + r.out, re.I):
        return v.fail("other", f"no message names `{case.names}`")
    return v.fail("other", "the outcome differs from the expected one")
