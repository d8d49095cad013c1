// Finding.h - what a check reports, as data. Front ends render findings
// (clang diagnostics, clang-tidy diagnostics, SARIF, JSON); checks never print.
#ifndef PINCHECK_FINDING_H
#define PINCHECK_FINDING_H

#include "Registry.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace pincheck {

struct Note {
  clang::SourceLocation Loc; // may be invalid: a note without a place
  std::string Message;
};

/// An edit that resolves the finding, for front ends to offer as a fix-it.
struct FixIt {
  clang::CharSourceRange Range;
  std::string Replacement; // "" removes Range
};

struct Finding {
  CheckId Check;
  clang::SourceLocation Loc;  // where the caret goes
  clang::SourceRange Range;   // the relocating expression
  std::string Message;        // without the trailing " [check-name]"
  std::vector<Note> Notes;
  std::vector<FixIt> Fixes;
  /// A suggestion, not a problem (remark level; it does not fail a run).
  bool Remark = false;
};

/// Each front end implements this once.
class FindingSink {
public:
  virtual ~FindingSink() = default;
  virtual void report(Finding F) = 0;
};

} // namespace pincheck

#endif
