// Baseline.h - the findings a team has accepted for now. Written by
// --write-baseline as JSON (one entry per finding: its fingerprint, and for
// the reader the check, path, line and message); read by --baseline, which
// then hides each recorded finding once.
#ifndef PINCHECK_LINT_BASELINE_H
#define PINCHECK_LINT_BASELINE_H

#include "Report.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace pincheck {
namespace lint {

class Baseline {
public:
  static llvm::Expected<Baseline> read(llvm::StringRef Path);
  // The baseline of Findings, as --baseline reads it (OutputFile.h writes it).
  static void render(llvm::raw_ostream &OS, const std::vector<LintFinding> &Findings,
                     const std::string &BaseDir);

  // True (and uses the entry up) when F is in the baseline.
  bool take(const LintFinding &F);

private:
  llvm::StringMap<unsigned> Remaining; // fingerprint -> count
};

} // namespace lint
} // namespace pincheck

#endif
