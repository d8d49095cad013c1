// TextRenderer.cpp - the report as clang-style diagnostics.
#include "Renderers.h"
#include "llvm/Support/Format.h"

namespace pincheck {
namespace lint {

// "path:line:col: " as clang prints it, or "" for a note without a place.
static std::string where(const Place &P, const Report &R) {
  if (P.File.empty())
    return "";
  return displayPath(P.File, R.BaseDir) + ":" + std::to_string(P.Line) + ":" +
         std::to_string(P.Column) + ": ";
}

static void snippet(llvm::raw_ostream &OS, const Place &P) {
  if (P.File.empty())
    return;
  OS << llvm::format("%5u", P.Line) << " | " << P.LineText << "\n      | ";
  // Tabs stay tabs so that the caret lines up under them.
  for (unsigned I = 0; I + 1 < P.Column && I < P.LineText.size(); ++I)
    OS << (P.LineText[I] == '\t' ? '\t' : ' ');
  OS << "^\n";
}

void writeText(llvm::raw_ostream &OS, const Report &R) {
  for (const LintFinding &F : R.Findings) {
    OS << where(F.At, R) << (F.Remark ? "remark: " : F.AsError ? "error: " : "warning: ") << F.Message << " ["
       << checkName(F.Check) << "]\n";
    snippet(OS, F.At);
    for (const LintNote &N : F.Notes) {
      OS << where(N.At, R) << "note: " << N.Message << "\n";
      snippet(OS, N.At);
    }
  }
}

} // namespace lint
} // namespace pincheck
