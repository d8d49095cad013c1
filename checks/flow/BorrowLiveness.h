// ContainerRelocation.h - which calls may relocate a container's elements
// while one of them is still borrowed (docs/model.md "What is reported on a pinned value", "container
// relocation"): a reference or pointer to an element that is used after the
// call, or a range-for that iterates over the container around the call.
#ifndef PINCHECK_CONTAINERRELOCATION_H
#define PINCHECK_CONTAINERRELOCATION_H

#include "facts/FunctionFacts.h"
#include "clang/Analysis/CFG.h"
#include <vector>

namespace pincheck {

struct RelocatedBorrow {
  unsigned Growth;             // index into FunctionFacts::Growths
  unsigned Borrow;             // index into FunctionFacts::Borrows
  const clang::Expr *LaterUse; // the holder's next use after the call
};

std::vector<RelocatedBorrow> relocatedBorrows(const clang::CFG &G, const FunctionFacts &F);

} // namespace pincheck

#endif
