// JsonRenderer.cpp - the report as pincheck's JSON, written a finding at a
// time.
#include "Renderers.h"
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

// One finding: built, printed and dropped, one at a time.
static Object finding(const LintFinding &F, const Report &R) {
  Array Notes;
  for (const LintNote &N : F.Notes) {
    Object O = place(N.At, R);
    O["message"] = N.Message;
    Notes.push_back(std::move(O));
  }
  Object O = place(F.At, R);
  O["check"] = checkName(F.Check);
  O["severity"] = F.Remark ? "remark" : F.AsError ? "error" : "warning";
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
  return O;
}

static Object summary(const Report &R) {
  Object ByCheck;
  for (const auto &[Name, N] : R.findingsByCheck())
    ByCheck[Name] = N;
  Array Failed;
  for (const FileResult *F : R.Files)
    if (F->Failed)
      Failed.push_back(displayPath(F->File, R.BaseDir));
  return Object{{"files", int64_t(R.Files.size())},
                {"findings", int64_t(R.Findings.size())},
                {"findingsByCheck", std::move(ByCheck)},
                {"baselined", R.Baselined},
                {"filesFailed", std::move(Failed)},
                {"functionsSkipped", R.functionsSkipped()},
                {"functionsNotAnalysed", R.functionsNotAnalysed()},
                {"functionsInParts", R.functionsInParts()}};
}

void writeJson(llvm::raw_ostream &OS, const Report &R) {
  // Streamed, the keys in the sorted order llvm::json prints an Object in:
  // the same bytes as one json::Value of the report, without holding one.
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("baseDirectory", R.BaseDir);
    J.attributeArray("findings", [&] {
      for (const LintFinding &F : R.Findings)
        J.value(finding(F, R));
    });
    J.attribute("summary", summary(R));
    J.attribute("tool", "pincheck");
    J.attribute("toolVersion", R.ToolVersion);
    J.attribute("version", 1);
  });
  OS << "\n";
}

} // namespace lint
} // namespace pincheck
