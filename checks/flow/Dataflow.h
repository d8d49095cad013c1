// Dataflow.h - what every flow analysis here runs on: the function's CFG,
// the blocks in reverse post-order, and a forward fixed-point driver on
// Clang's ForwardDataflowWorklist that counts block visits against the
// per-function budget (max-block-visits), so that no analysis runs unbounded.
#ifndef PINCHECK_DATAFLOW_H
#define PINCHECK_DATAFLOW_H

#include "facts/FunctionFacts.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <vector>

namespace pincheck {

/// The control-flow graph the flow analyses run on: every subexpression an
/// element, in evaluation order; member initialisers included, destructors
/// not. Null when Clang cannot build one.
std::unique_ptr<clang::CFG> buildFunctionCFG(const FunctionFacts &F, clang::ASTContext &Ctx);

/// Blocks reachable from the entry, in reverse post-order. Edges that can
/// never be taken (`if (true)`'s else) are null successors: skipped.
std::vector<const clang::CFGBlock *> reversePostOrder(const clang::CFG &G);

/// Block visits a function may cost; 0 means no limit.
struct DataflowBudget {
  unsigned MaxBlockVisits = 0;
  unsigned Visits = 0;
};

/// Runs a forward analysis to its fixed point from the entry block: Visit
/// recomputes a block's out-state from its predecessors' and says whether
/// it changed; then its successors are visited again. False when the budget
/// ran out first.
bool runForward(const clang::CFG &G, DataflowBudget &Budget,
                llvm::function_ref<bool(const clang::CFGBlock *)> Visit);

} // namespace pincheck

#endif
