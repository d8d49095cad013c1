// Liveness.h - which tracked places may still be named after each CFG block.
// The pin-state analysis forgets what it knows about a place once nothing
// can name it any more, so a long function costs in proportion to its
// variables' live ranges rather than (blocks x variables).
#ifndef PINCHECK_LIVENESS_H
#define PINCHECK_LIVENESS_H

#include "facts/FunctionFacts.h"
#include "clang/Analysis/CFG.h"
#include <vector>

namespace pincheck {

/// For each block (by block ID), the sorted indices (into Index's numbering,
/// Count of them) of the variables that a path from the block's end may name
/// (directly, or through a local reference bound to them) before redeclaring
/// them. Used for places (FunctionFacts::PlaceIndex) and for local pointers
/// (FunctionFacts::PointerIndex). A place reached only through a pointer is
/// not named: the analysis keeps it while a live pointer targets it.
std::vector<std::vector<unsigned>>
liveOut(const clang::CFG &G, const FunctionFacts &F,
        const llvm::DenseMap<const clang::VarDecl *, unsigned> &Index, unsigned Count);

} // namespace pincheck

#endif
