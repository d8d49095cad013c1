// Liveness.h - which tracked places may still be named after each CFG block.
// The pin-state analysis forgets what it knows about a place once nothing
// can name it any more, so a long function costs in proportion to its
// variables' live ranges rather than (blocks x variables).
#ifndef PINCHECK_LIVENESS_H
#define PINCHECK_LIVENESS_H

#include "FunctionFacts.h"
#include "clang/Analysis/CFG.h"
#include <vector>

namespace pincheck {

// For each block (by block ID), the sorted indices of the places that a path
// from the block's end may name (directly, or through a local reference
// bound to it) before redeclaring them. Places reached only through a
// pointer are not named: the analysis keeps those while a pointer targets
// them.
std::vector<std::vector<unsigned>> livePlacesOut(const clang::CFG &G,
                                                 const FunctionFacts &F);

} // namespace pincheck

#endif
