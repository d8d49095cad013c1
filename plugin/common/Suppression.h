// Suppression.h - NOLINT comments, decided as clang-tidy decides them, for the
// front ends clang-tidy does not run (the plugin and the lint tool), so that
// one comment silences a finding in all three.
//
// Forms: `NOLINT` on the finding's line, `NOLINTNEXTLINE` on the line before,
// `NOLINTBEGIN` ... `NOLINTEND` around it; each optionally followed directly
// by `(check-glob, ...)`. `NOLINT()` suppresses nothing; negative globs are
// ignored; a BEGIN closes only with an END of the same check list. A finding
// inside a macro expansion is suppressed by a comment at any level of the
// expansion, from the spelling up to the outermost use.
#ifndef PINCHECK_SUPPRESSION_H
#define PINCHECK_SUPPRESSION_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace pincheck {

class NolintFilter {
public:
  // A NOLINTBEGIN without its NOLINTEND, or the reverse. clang-tidy reports
  // these as `clang-tidy-nolint`; front ends report them in their own way.
  struct Unmatched {
    clang::SourceLocation Loc;
    bool IsBegin;
  };

  // True when a comment suppresses check CheckName at Loc.
  bool suppressed(const clang::SourceManager &SM, clang::SourceLocation Loc,
                  llvm::StringRef CheckName);

  // Unmatched BEGIN/END comments found so far (each file is read for blocks
  // only when a finding in it needs it, as clang-tidy does); cleared.
  std::vector<Unmatched> takeUnmatched();

  // The text of the unmatched comment's complaint, as clang-tidy words it.
  static std::string describe(const Unmatched &U);

private:
  struct Block {
    size_t Begin, End; // offsets of the BEGIN and END comments
    std::string Checks;
    bool AllChecks;
  };
  bool atLocation(const clang::SourceManager &SM, clang::SourceLocation Loc,
                  llvm::StringRef CheckName);

  llvm::StringMap<std::vector<Block>> BlocksByFile;
  std::vector<Unmatched> Pending;
};

} // namespace pincheck

#endif
