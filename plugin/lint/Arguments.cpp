// Arguments.cpp - the lint tool's --format names.
#include "Arguments.h"
#include "Renderers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <limits>

namespace pincheck {
namespace lint {

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
