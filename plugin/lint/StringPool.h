// StringPool.h - one copy of each string the findings of a run hold again
// and again: file paths, source lines, note messages. A run with tens of
// thousands of findings keeps each path and line once instead of once per
// finding and per note (issue 11: 26 KB per finding before). Safe to use from
// the worker threads; the strings live until the process ends.
#ifndef PINCHECK_LINT_STRINGPOOL_H
#define PINCHECK_LINT_STRINGPOOL_H

#include "llvm/ADT/StringRef.h"

namespace pincheck {
namespace lint {

// The pooled copy of S (equal strings give the same StringRef).
llvm::StringRef intern(llvm::StringRef S);

} // namespace lint
} // namespace pincheck

#endif
