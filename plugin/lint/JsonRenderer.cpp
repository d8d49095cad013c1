#include "Renderers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace pincheck {
namespace lint {

using llvm::json::Array;
using llvm::json::Object;

static Object place(const Place &P, const Report &R) {
  if (P.File.empty())
    return Object{};
  return Object{{"file", displayPath(P.File, R.BaseDir)},
                {"line", P.Line},
                {"column", P.Column}};
}

void writeJson(llvm::raw_ostream &OS, const Report &R) {
  Array Findings;
  for (const LintFinding &F : R.Findings) {
    Array Notes;
    for (const LintNote &N : F.Notes) {
      Object O = place(N.At, R);
      O["message"] = N.Message;
      Notes.push_back(std::move(O));
    }
    Object O = place(F.At, R);
    O["check"] = checkName(F.Check);
    O["severity"] = F.AsError ? "error" : "warning";
    O["message"] = F.Message;
    if (F.EndLine) {
      O["endLine"] = F.EndLine;
      O["endColumn"] = F.EndColumn;
    }
    Array Fixes;
    for (const LintFix &X : F.Fixes) {
      Object FO = place(X.Begin, R);
      FO["endLine"] = X.EndLine;
      FO["endColumn"] = X.EndColumn;
      FO["replacement"] = X.Replacement;
      Fixes.push_back(std::move(FO));
    }
    O["fixes"] = std::move(Fixes);
    O["fingerprint"] = F.Fingerprint;
    O["notes"] = std::move(Notes);
    Findings.push_back(std::move(O));
  }
  Object ByCheck;
  for (const auto &[Name, N] : R.findingsByCheck())
    ByCheck[Name] = N;
  Array Failed;
  for (const FileResult *F : R.Files)
    if (F->Failed)
      Failed.push_back(displayPath(F->File, R.BaseDir));
  Object Summary{{"files", int64_t(R.Files.size())},
                 {"findings", int64_t(R.Findings.size())},
                 {"findingsByCheck", std::move(ByCheck)},
                 {"baselined", R.Baselined},
                 {"filesFailed", std::move(Failed)},
                 {"functionsSkipped", R.functionsSkipped()}};
  Object Root{{"tool", "pincheck"},
              {"version", 1},
              {"toolVersion", R.ToolVersion},
              {"baseDirectory", R.BaseDir},
              {"findings", std::move(Findings)},
              {"summary", std::move(Summary)}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

} // namespace lint
} // namespace pincheck
