#include "Fingerprint.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA1.h"

namespace pincheck {
namespace lint {

void assignFingerprints(std::vector<LintFinding> &Findings, const std::string &BaseDir) {
  llvm::StringMap<unsigned> Seen;
  for (LintFinding &F : Findings) {
    std::string Key = (checkName(F.Check) + "\n" + displayPath(F.At.File, BaseDir) +
                       "\n" + F.Message + "\n" + llvm::StringRef(F.At.LineText).trim())
                          .str();
    unsigned Occurrence = Seen[Key]++;
    Key += "\n" + std::to_string(Occurrence);
    llvm::SHA1 H;
    H.update(Key);
    F.Fingerprint = llvm::toHex(H.final(), /*LowerCase=*/true).substr(0, 32);
  }
}

} // namespace lint
} // namespace pincheck
