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

// What keeps Path from being read as a regular file, found without opening
// it (a FIFO would block the reader until a writer comes, a device such as
// /dev/zero never ends): "" for a regular file, and for a path where nothing
// is (each caller says that its own way); otherwise the reason
// (describeFileError's: a symbolic link loop, no permission, ...; a
// symbolic link to nothing; a directory, a FIFO, a device, a socket).
std::string whyNotRegularFile(llvm::StringRef Path);

// Whether Path is /dev/null (by any name): an empty file that every reader
// may take as one.
bool isDevNull(llvm::StringRef Path);

// A file to analyse: as named (absolute; what the database and the
// configuration files are looked up by) and its real path (what reports
// name: a file reached through a symbolic link is reported under the path
// it really has, and once).
struct SourceFile {
  std::string Named, Real;
};

// Files (absolute) as SourceFiles, sorted by real path, one per real file.
std::vector<SourceFile> resolveSources(const std::vector<std::string> &Files);

// An error naming each of Files (shown relative to BaseDir) that
// whyNotSource refuses, one "pincheck: error:" line each.
llvm::Error checkSources(const std::vector<SourceFile> &Files, llvm::StringRef BaseDir);

// Path, absolute and with its symbolic links resolved when it exists.
std::string realOrAbsolute(llvm::StringRef Path);

} // namespace lint
} // namespace pincheck

#endif
