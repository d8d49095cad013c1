#include "Arguments.h"
#include "Renderers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <limits>

namespace pincheck {
namespace lint {

CountProblem parseCount(llvm::StringRef Text, unsigned &Out) {
  if (!Text.getAsInteger(10, Out))
    return CountProblem::None;
  // getAsInteger fails alike for "abc" and for a number too large to hold.
  if (!Text.empty() && llvm::all_of(Text, llvm::isDigit))
    return CountProblem::TooLarge;
  return CountProblem::NotANumber;
}

std::string describeCount(llvm::StringRef Text) {
  unsigned Ignored;
  switch (parseCount(Text, Ignored)) {
  case CountProblem::None:
    return "";
  case CountProblem::TooLarge:
    return "is out of range: " + Text.str() + " is more than " +
           std::to_string(std::numeric_limits<unsigned>::max());
  case CountProblem::NotANumber:
    break;
  }
  return "needs a non-negative integer, got '" + Text.str() + "'";
}

std::optional<Format> parseFormat(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Format>>(Name)
      .Case("text", Format::Text)
      .Case("json", Format::Json)
      .Case("sarif", Format::Sarif)
      .Case("gitlab", Format::GitLab)
      .Default(std::nullopt);
}

const char *formatNames() { return "text, json, sarif or gitlab"; }

void renderReport(llvm::raw_ostream &OS, const Report &R, Format F) {
  switch (F) {
  case Format::Text: writeText(OS, R); break;
  case Format::Json: writeJson(OS, R); break;
  case Format::Sarif: writeSarif(OS, R); break;
  case Format::GitLab: writeGitLab(OS, R); break;
  }
}

} // namespace lint
} // namespace pincheck
