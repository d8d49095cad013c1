// Dataflow.cpp - the CFG and the worklist driver.
#include "flow/Dataflow.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include <algorithm>

using namespace clang;

namespace pincheck {

std::unique_ptr<CFG> buildFunctionCFG(const FunctionFacts &F, ASTContext &Ctx) {
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd(); // every subexpression is an element, in evaluation order
  BO.AddImplicitDtors = false;
  BO.AddTemporaryDtors = false;
  BO.AddInitializers = true;
  BO.AddCXXDefaultInitExprInCtors = false;
  return CFG::buildCFG(F.FD, const_cast<Stmt *>(F.Body), &Ctx, BO);
}

// Blocks reachable from the entry, in reverse post-order. Edges that can
// never be taken (`if (true)`'s else) are null successors: skipped.
std::vector<const CFGBlock *> reversePostOrder(const CFG &G) {
  std::vector<const CFGBlock *> Order;
  std::vector<char> Seen(G.getNumBlockIDs(), 0);
  // Iterative DFS: deep CFGs must not exhaust the stack.
  std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>> Stack;
  const CFGBlock *Entry = &G.getEntry();
  Seen[Entry->getBlockID()] = 1;
  Stack.push_back({Entry, Entry->succ_begin()});
  while (!Stack.empty()) {
    auto &[B, It] = Stack.back();
    if (It == B->succ_end()) {
      Order.push_back(B);
      Stack.pop_back();
      continue;
    }
    const CFGBlock *Next = It->getReachableBlock();
    ++It;
    if (Next && !Seen[Next->getBlockID()]) {
      Seen[Next->getBlockID()] = 1;
      Stack.push_back({Next, Next->succ_begin()});
    }
  }
  std::reverse(Order.begin(), Order.end());
  return Order;
}

bool runForward(const CFG &G, DataflowBudget &Budget,
                llvm::function_ref<bool(const CFGBlock *)> Visit) {
  PostOrderCFGView Order(&G);
  ForwardDataflowWorklist Work(G, &Order);
  Work.enqueueBlock(&G.getEntry());
  while (const CFGBlock *B = Work.dequeue()) {
    if (Budget.MaxBlockVisits && ++Budget.Visits > Budget.MaxBlockVisits)
      return false;
    if (Visit(B))
      Work.enqueueSuccessors(B);
  }
  return true;
}

} // namespace pincheck
