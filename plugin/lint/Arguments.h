// Arguments.h - parsing of the lint tool's own option values, with messages
// that say what is wrong: --format (-j and the analysis options use the
// core's parseCount and applyOptionFlag, checks/Options.h).
#ifndef PINCHECK_LINT_ARGUMENTS_H
#define PINCHECK_LINT_ARGUMENTS_H

#include "Options.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace pincheck {
namespace lint {

enum class Format { Text, Json, Sarif, GitLab };
// "text", "json", "sarif", "gitlab"; nullopt for any other name.
std::optional<Format> parseFormat(llvm::StringRef Name);
// The names, for messages and --help: "text, json, sarif or gitlab".
const char *formatNames();

} // namespace lint
} // namespace pincheck

#endif
