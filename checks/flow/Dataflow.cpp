// Dataflow.cpp - the CFG and the worklist driver.
#include "flow/Dataflow.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "clang/AST/StmtObjC.h"
#include "clang/AST/StmtCXX.h"
#include <algorithm>

using namespace clang;

namespace pincheck {

static CFG::BuildOptions cfgOptions() {
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd(); // every subexpression is an element, in evaluation order
  BO.AddImplicitDtors = false;
  BO.AddTemporaryDtors = false;
  BO.AddInitializers = true;
  BO.AddCXXDefaultInitExprInCtors = false;
  return BO;
}

namespace {

// The first statement in S that Clang's CFG builder does not support, as
// users spell it, or "".
std::string unsupportedIn(const Stmt *S, unsigned Depth = 0) {
  if (!S || Depth > 256)
    return "";
  if (const auto *T = dyn_cast<ObjCAtTryStmt>(S); T && T->getFinallyStmt())
    return "'@finally'";
  if (const auto *T = dyn_cast<SEHTryStmt>(S); T && T->getFinallyHandler())
    return "'__finally'";
  for (const Stmt *C : S->children())
    if (std::string U = unsupportedIn(C, Depth + 1); !U.empty())
      return U;
  return "";
}

// Splits S into parts Clang can build CFGs for (see FunctionCFG).
class Splitter {
public:
  Splitter(const FunctionDecl *FD, ASTContext &Ctx, FunctionCFG &Out)
      : FD(FD), Ctx(Ctx), Out(Out) {}

  void split(const Stmt *S, bool Optional, unsigned Depth = 0) {
    if (!S || Depth > 64 || Out.Parts.size() > 4096)
      return;
    if (std::unique_ptr<CFG> G = CFG::buildCFG(FD, const_cast<Stmt *>(S), &Ctx, cfgOptions()))
      return Out.Parts.push_back({std::move(G), Optional});
    if (const auto *T = dyn_cast<ObjCAtTryStmt>(S)) {
      split(T->getTryBody(), Optional, Depth + 1);
      for (const ObjCAtCatchStmt *C : T->catch_stmts())
        split(C->getCatchBody(), /*Optional=*/true, Depth + 1);
      return split(T->getFinallyStmt() ? T->getFinallyStmt()->getFinallyBody() : nullptr,
                   Optional, Depth + 1);
    }
    if (const auto *T = dyn_cast<SEHTryStmt>(S)) {
      split(T->getTryBlock(), Optional, Depth + 1);
      if (const SEHExceptStmt *E = T->getExceptHandler())
        return split(E->getBlock(), /*Optional=*/true, Depth + 1);
      return split(T->getFinallyHandler() ? T->getFinallyHandler()->getBlock() : nullptr,
                   Optional, Depth + 1);
    }
    if (isa<CompoundStmt>(S)) {
      for (const Stmt *C : S->children())
        split(C, Optional, Depth + 1);
      return;
    }
    // A branch, a loop, a label: its parts may not run; a loop's run again.
    unsigned Times = isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S) ? 2 : 1;
    for (unsigned I = 0; I < Times; ++I)
      for (const Stmt *C : S->children())
        split(C, /*Optional=*/true, Depth + 1);
  }

private:
  const FunctionDecl *FD;
  ASTContext &Ctx;
  FunctionCFG &Out;
};

} // namespace

FunctionCFG buildFunctionCFG(const FunctionFacts &F, ASTContext &Ctx) {
  FunctionCFG Out;
  if (std::unique_ptr<CFG> G = CFG::buildCFG(F.FD, const_cast<Stmt *>(F.Body), &Ctx,
                                             cfgOptions())) {
    Out.Parts.push_back({std::move(G), false});
    return Out;
  }
  Out.Unsupported = unsupportedIn(F.Body);
  if (Out.Unsupported.empty())
    Out.Unsupported = "a statement it does not support";
  Splitter(F.FD, Ctx, Out).split(F.Body, /*Optional=*/false);
  return Out;
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
