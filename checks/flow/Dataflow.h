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
#include <string>
#include <vector>

namespace pincheck {

/// The control-flow graphs the flow analyses run on: every subexpression an
/// element, in evaluation order; member initialisers included, destructors
/// not. One for the whole body; or, where Clang builds none (it has no CFG
/// for '@finally' and '__finally' blocks), one per part of the body around
/// the construct it cannot build, in source order: the statements of a
/// block each, a try's body, handlers and finally block, a branch's or a
/// loop's parts (a loop's body twice, for what one iteration leaves to the
/// next). A part that may not run (a branch, a handler) is Optional. No
/// part at all when not even that works.
struct FunctionCFG {
  struct Part {
    std::unique_ptr<clang::CFG> G;
    bool Optional = false;
  };
  std::vector<Part> Parts;
  /// Why the body is in parts ("'__finally'"); empty for one CFG.
  std::string Unsupported;
  bool whole() const { return Unsupported.empty(); }
};
FunctionCFG buildFunctionCFG(const FunctionFacts &F, clang::ASTContext &Ctx);

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
