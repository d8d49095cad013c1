#include "Renderers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace pincheck {
namespace lint {

using llvm::json::Array;
using llvm::json::Object;

void writeGitLab(llvm::raw_ostream &OS, const Report &R) {
  Array Issues;
  for (const LintFinding &F : R.Findings) {
    std::string Description = F.Message + " [" + checkName(F.Check).str() + "]";
    Issues.push_back(Object{
        {"type", "issue"},
        {"check_name", checkName(F.Check)},
        {"description", std::move(Description)},
        {"categories", Array{"Bug Risk"}},
        {"severity", F.AsError ? "critical" : "major"},
        {"fingerprint", F.Fingerprint},
        {"location", Object{{"path", displayPath(F.At.File, R.BaseDir)},
                            {"lines", Object{{"begin", F.At.Line}}}}},
    });
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Issues))) << "\n";
}

} // namespace lint
} // namespace pincheck
