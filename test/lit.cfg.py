# lit configuration for pincheck's tests. CMake writes <build>/test/lit.site.cfg.py
# (from lit.site.cfg.py.in) with the paths, then loads this file. Run with
#   /usr/lib/llvm-22/bin/lit -sv build/test
# or `bash scripts/test.sh` (which builds first).
#
# Substitutions (tests are written against these exact names):
#   %clangxx      the clang++ of LLVM 22
#   %plugin       <build>/lib/pincheck-plugin.so
#   %pin_include  <src>/include                  (for #include <pin/pin.h>)
#   %mock_std     <src>/test/Inputs/std          (the mock standard library)
#   %pincc        %clangxx -fplugin=%plugin -I %pin_include -nostdinc++ -isystem %mock_std
#   %pincc_real   %clangxx -fplugin=%plugin -I %pin_include   (the real libstdc++)
#   %clang_tidy   the clang-tidy of LLVM 22 with pincheck's module loaded
#                 (`-load <build>/lib/pincheck-tidy.so`)
#   %pincheck     the lint tool, <build>/bin/pincheck
#   %run_clang_tidy  LLVM 22's run-clang-tidy, with clang-tidy-22 and the module
#   %src_root, %build_root, %python
# Features: `libstdcxx` when the real libstdc++ headers work with %clangxx.

import os
import subprocess
import sys

import lit.formats

config.name = "pincheck"
config.test_format = lit.formats.ShTest(execute_external=False)  # lit's internal shell
config.suffixes = [".cpp", ".c", ".m", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]

if not hasattr(config, "pincheck_src_root"):
    lit_config.fatal(
        "run lit on the build tree (build/test), not on the source tree: "
        "the paths come from the lit.site.cfg.py that CMake writes there")

config.test_source_root = os.path.join(config.pincheck_src_root, "test")
config.test_exec_root = os.path.join(config.pincheck_obj_root, "test")

# FileCheck, split-file, not, count: LLVM 22's, ahead of anything else on PATH.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
for tool in ("FileCheck", "split-file", "not", "count"):
    if not os.path.exists(os.path.join(config.llvm_tools_dir, tool)):
        lit_config.warning("%s not found in %s (install llvm-22-tools)"
                           % (tool, config.llvm_tools_dir))

# Diagnostics are matched as text: no colours, no locale surprises.
config.environment["LC_ALL"] = "C"
config.environment.pop("CPATH", None)
config.environment.pop("CPLUS_INCLUDE_PATH", None)

if not os.path.exists(config.clangxx):
    lit_config.fatal("clang++ not found at %s (install clang-22)" % config.clangxx)
if not os.path.exists(config.pincheck_plugin):
    lit_config.warning(
        "the plugin %s is not built yet: tests that load it will fail "
        "(build it with `cmake --build build`)" % config.pincheck_plugin)

mock_std = os.path.join(config.pincheck_src_root, "test", "Inputs", "std")
pin_include = os.path.join(config.pincheck_src_root, "include")
plugin_flags = "-fplugin=%s -I %s" % (config.pincheck_plugin, pin_include)

# lit applies substitutions in list order, each to the whole line, and the
# names are not delimited: a longer name must come before any name that is a
# prefix of it (%pincc_real before %pincc), and each value is spelled out in
# full so that no substitution depends on a later one.
config.substitutions.extend([
    ("%run_clang_tidy", "%s %s -clang-tidy-binary %s -load %s" % (
        sys.executable, os.path.join(config.llvm_tools_dir, "run-clang-tidy"),
        os.path.join(config.llvm_tools_dir, "clang-tidy"), config.pincheck_tidy_module)),
    ("%clang_tidy", "%s -load %s" % (os.path.join(config.llvm_tools_dir, "clang-tidy"),
                                     config.pincheck_tidy_module)),
    ("%pincheck", config.pincheck_tool),
    ("%pincc_real", "%s %s" % (config.clangxx, plugin_flags)),
    ("%pincc", "%s %s -nostdinc++ -isystem %s" % (config.clangxx, plugin_flags, mock_std)),
    ("%pin_include", pin_include),
    ("%plugin", config.pincheck_plugin),
    ("%mock_std", mock_std),
    ("%clangxx", config.clangxx),
    ("%src_root", config.pincheck_src_root),
    ("%build_root", config.pincheck_obj_root),
    ("%python", sys.executable),
])


def _libstdcxx_works():
    """True when %clangxx compiles against the real libstdc++ headers."""
    probe = "#include <utility>\n#ifndef __GLIBCXX__\n#error not libstdc++\n#endif\n"
    try:
        result = subprocess.run(
            [config.clangxx, "-x", "c++", "-std=c++17", "-fsyntax-only", "-"],
            input=probe.encode(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


if _libstdcxx_works():
    config.available_features.add("libstdcxx")

# Debian's libboost-dev headers (the sweep installs them; scripts/setup.sh
# does not): the tests on boost::intrusive's real headers need them.
if os.path.exists("/usr/include/boost/intrusive/list.hpp"):
    config.available_features.add("boost")
