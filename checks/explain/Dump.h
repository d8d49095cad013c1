// Dump.h - what the analysis found and concluded about one function, as
// stable text (dump-facts): its places, pointers and aliases, its pin
// events and the place each reached, its operations with each operand's
// access path and verdict, and its container borrows, growths and the
// relocations that outlive a borrow. Lit tests read it to test the analysis
// below the level of a finding; docs/internals.md shows how to read it.
#ifndef PINCHECK_DUMP_H
#define PINCHECK_DUMP_H

#include "facts/FunctionFacts.h"
#include "flow/BorrowLiveness.h"
#include "flow/PinState.h"
#include "llvm/Support/raw_ostream.h"

namespace pincheck {

/// Writes F's facts; Pins and Relocations are the flow's results, null when
/// the flow did not run, and Why then says why.
void dumpFacts(llvm::raw_ostream &OS, clang::ASTContext &Ctx, const FunctionFacts &F,
               const FlowResult *Pins, const std::vector<RelocatedBorrow> *Relocations,
               llvm::StringRef Why);

/// The header and reason for a function whose facts were not collected
/// (the prefilter found nothing to track in it).
void dumpSkipped(llvm::raw_ostream &OS, clang::ASTContext &Ctx, const clang::FunctionDecl *FD,
                 llvm::StringRef Why);

} // namespace pincheck

#endif
