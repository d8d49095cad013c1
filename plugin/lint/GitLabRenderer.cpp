// GitLabRenderer.cpp - the report as a GitLab code quality report.
#include "Renderers.h"
#include "llvm/Support/JSON.h"

namespace pincheck {
namespace lint {

using llvm::json::Array;
using llvm::json::Object;

void writeGitLab(llvm::raw_ostream &OS, const Report &R) {
  // Streamed one issue at a time (the same bytes as one json::Value).
  llvm::json::OStream J(OS, 2);
  J.array([&] {
    for (const LintFinding &F : R.Findings)
      J.value(Object{
          {"type", "issue"},
          {"check_name", checkName(F.Check)},
          {"description", (F.Message + " [" + checkName(F.Check) + "]").str()},
          {"categories", Array{"Bug Risk"}},
          {"severity", F.Remark ? "info" : F.AsError ? "critical" : "major"},
          {"fingerprint", F.Fingerprint},
          {"location", Object{{"path", displayPath(F.At.File, R.BaseDir)},
                              {"lines", Object{{"begin", F.At.Line}}}}},
      });
  });
  OS << "\n";
}

} // namespace lint
} // namespace pincheck
