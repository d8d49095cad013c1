// FileChecks.h - why a path the user gave cannot be used, said so that the
// user can act on it, and the checks on source files made before the
// analysis starts.
#ifndef PINCHECK_LINT_FILECHECKS_H
#define PINCHECK_LINT_FILECHECKS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <system_error>
#include <vector>

namespace pincheck {
namespace lint {

// "it does not exist", "it is a symbolic link loop ...; fix the link", ...
std::string describeFileError(std::error_code EC);
inline std::string describeFileError(std::errc E) {
  return describeFileError(std::make_error_code(E));
}

// What keeps Path from being a directory: "" when it is one, else the
// reason (describeFileError's, or "it is a file").
std::string whyNotDirectory(llvm::StringRef Path);

// What keeps Path from being analysed as a source file, found before the
// analysis: "" for a regular file, and for a missing one (that is a file
// that fails to parse, reported with the compiler's error); otherwise the
// reason (a directory; a FIFO, which would block the run; a device; a
// symbolic link loop).
std::string whyNotSource(llvm::StringRef Path);

// An error naming each of Files (absolute; shown relative to BaseDir) that
// whyNotSource refuses, one "pincheck: error:" line each.
llvm::Error checkSources(const std::vector<std::string> &Files, const std::string &BaseDir);

} // namespace lint
} // namespace pincheck

#endif
