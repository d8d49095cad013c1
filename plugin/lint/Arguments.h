// Arguments.h - parsing of the lint tool's option values, with messages that
// say what is wrong: the number options (-j, the analysis limits, and the
// same limits as CheckOptions) and --format.
#ifndef PINCHECK_LINT_ARGUMENTS_H
#define PINCHECK_LINT_ARGUMENTS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace pincheck {
namespace lint {

// Text as an unsigned count (Out set when None).
enum class CountProblem { None, NotANumber, TooLarge };
CountProblem parseCount(llvm::StringRef Text, unsigned &Out);
// What is wrong, after the option's name: "needs a non-negative integer, got
// 'abc'", "is out of range: 99999999999 is more than 4294967295"; "" if
// nothing is.
std::string describeCount(llvm::StringRef Text);

enum class Format { Text, Json, Sarif, GitLab };
// "text", "json", "sarif", "gitlab"; nullopt for any other name.
std::optional<Format> parseFormat(llvm::StringRef Name);
// The names, for messages and --help: "text, json, sarif or gitlab".
const char *formatNames();

} // namespace lint
} // namespace pincheck

#endif
