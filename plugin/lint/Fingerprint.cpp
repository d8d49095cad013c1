// Fingerprint.cpp - each finding's identity across runs, from its check,
// file, message and line text (not its line number).
#include "Fingerprint.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA1.h"
#include <array>

namespace pincheck {
namespace lint {

void assignFingerprints(std::vector<LintFinding> &Findings, const std::string &BaseDir) {
  // Counted by a digest of the key, not the key itself: the keys hold a
  // message and a source line each, and all of them would be alive at once.
  llvm::StringMap<unsigned> Seen;
  for (LintFinding &F : Findings) {
    std::string Key = (checkName(F.Check) + "\n" + displayPath(F.At.File, BaseDir) +
                       "\n" + F.Message + "\n" + F.At.LineText.trim())
                          .str();
    std::array<uint8_t, 20> Digest = llvm::SHA1::hash(llvm::arrayRefFromStringRef(Key));
    unsigned Occurrence = Seen[llvm::toStringRef(llvm::ArrayRef(Digest))]++;
    Key += "\n" + std::to_string(Occurrence);
    llvm::SHA1 H;
    H.update(Key);
    F.Fingerprint = llvm::toHex(H.final(), /*LowerCase=*/true).substr(0, 32);
  }
}

} // namespace lint
} // namespace pincheck
