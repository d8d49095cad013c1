#include "Report.h"
#include "llvm/ADT/Twine.h"
#include <set>

namespace pincheck {
namespace lint {

unsigned Report::failedFiles() const {
  unsigned N = 0;
  for (const FileResult *F : Files)
    N += F->Failed;
  return N;
}

unsigned Report::functionsSkipped() const {
  std::set<Remark> Distinct;
  for (const FileResult *F : Files)
    Distinct.insert(F->Skipped.begin(), F->Skipped.end());
  return Distinct.size();
}

std::map<std::string, unsigned> Report::findingsByCheck() const {
  std::map<std::string, unsigned> M;
  for (const LintFinding &F : Findings)
    ++M[checkName(F.Check).str()];
  return M;
}

std::string displayPath(const std::string &Abs, const std::string &BaseDir) {
  llvm::StringRef P(Abs), B(BaseDir);
  B.consume_back("/");
  if (!B.empty() && P.consume_front(B) && P.consume_front("/"))
    return P.str();
  return Abs;
}

std::string helpUrl(const std::string &DocsUrl, CheckId Id) {
  llvm::StringRef Base(DocsUrl);
  Base.consume_back("/");
  return (Base + "/" + checkName(Id) + ".md").str();
}

} // namespace lint
} // namespace pincheck
