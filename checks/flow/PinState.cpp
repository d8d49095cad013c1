// PinState.cpp - the pin analysis: the fixed point, forgetting what no
// later statement can name (flow/Liveness.h), and a last pass over the fixed
// point that records the pinned operands; over one CFG, or over the parts of
// a function Clang builds no CFG for, in order, each from the state the
// previous one ends in.
#include "flow/PinState.h"
#include "flow/Dataflow.h"
#include "flow/Liveness.h"
#include "flow/PinTransfer.h"
#include "clang/AST/StmtCXX.h"
#include <algorithm>

using namespace clang;

namespace pincheck {

namespace {

// The pin analysis over one CFG from a given entry state: the fixed point,
// then a replay on it that records the pinned operands into Uses. Exit (if
// not null) receives the state where the CFG ends by falling off its end (a
// part of a function analysed in parts), not by a return or a throw.
class PartSolver {
public:
  PartSolver(const CFG &G, const FunctionFacts &F, PinTransfer &S, bool ForgetDead)
      : G(G), F(F), S(S), Out(G.getNumBlockIDs()) {
    if (ForgetDead) {
      LivePlaces = liveOut(G, F, F.PlaceIndex, F.Places.size());
      LivePointers = liveOut(G, F, F.PointerIndex, F.Pointers.size());
    }
  }

  // False when the budget ran out.
  bool solve(const State &Entry, DataflowBudget &Budget, std::vector<PinnedUse> &Uses,
             State *Exit) {
    this->Entry = Entry;
    bool Done = runForward(G, Budget, [&](const CFGBlock *B) {
      State St = in(B);
      if (!St.Reached)
        return false;
      run(B, St, nullptr);
      forget(B, St);
      if (St == Out[B->getBlockID()])
        return false;
      Out[B->getBlockID()] = std::move(St);
      return true;
    });
    if (!Done)
      return false;
    // Replay once more on the fixed point, now recording the pinned operands.
    for (const CFGBlock *B : reversePostOrder(G)) {
      State St = in(B);
      if (St.Reached)
        run(B, St, &Uses);
    }
    if (Exit) {
      *Exit = State();
      for (const CFGBlock::AdjacentBlock &P : G.getExit().preds())
        if (const CFGBlock *PB = P.getReachableBlock(); PB && !leavesFunction(PB))
          meet(*Exit, Out[PB->getBlockID()]);
    }
    return true;
  }

private:
  State in(const CFGBlock *B) {
    if (B == &G.getEntry())
      return Entry;
    State In;
    for (const CFGBlock::AdjacentBlock &P : B->preds())
      if (const CFGBlock *PB = P.getReachableBlock())
        meet(In, Out[PB->getBlockID()]);
    return In;
  }

  void run(const CFGBlock *B, State &St, std::vector<PinnedUse> *Uses) {
    for (const CFGElement &El : *B)
      if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>())
        S.transfer(CS->getStmt(), St, Uses);
  }

  // What nothing can name after a block is forgotten at its end: a pointer
  // no later statement names, then a place neither named nor targeted by a
  // pointer still known (it may be named through the pointer).
  void forget(const CFGBlock *B, State &St) {
    if (LivePlaces.empty() && LivePointers.empty())
      return;
    const std::vector<unsigned> &LivePtr = LivePointers[B->getBlockID()];
    St.Ptr.retainIf([&](unsigned P) {
      return std::binary_search(LivePtr.begin(), LivePtr.end(), P);
    });
    const std::vector<unsigned> &Live = LivePlaces[B->getBlockID()];
    llvm::SmallVector<unsigned, 4> Targeted;
    St.Ptr.forEach([&](unsigned, const PtrTarget &T) {
      if (T.Place >= 0)
        Targeted.push_back(T.Place);
    });
    llvm::sort(Targeted);
    St.P.retainIf([&](unsigned P) {
      // Only variables are named; *this and pointees are kept.
      return F.Places[P].Kind != TrackedPlace::Variable ||
             std::binary_search(Live.begin(), Live.end(), P) ||
             std::binary_search(Targeted.begin(), Targeted.end(), P);
    });
  }

  // A block that ends the function (a return or a throw) rather than the
  // part of it this CFG is.
  static bool leavesFunction(const CFGBlock *B) {
    for (auto It = B->rbegin(); It != B->rend(); ++It)
      if (std::optional<CFGStmt> CS = It->getAs<CFGStmt>())
        return isa<ReturnStmt, CXXThrowExpr, CoreturnStmt>(CS->getStmt());
    return false;
  }

  const CFG &G;
  const FunctionFacts &F;
  PinTransfer &S;
  std::vector<State> Out;
  std::vector<std::vector<unsigned>> LivePlaces, LivePointers;
  State Entry;
};

} // namespace

FlowResult solvePinState(const FunctionCFG &G, const FunctionFacts &F, TypeModel &Types,
                         const FlowLimits &Limits) {
  FlowResult Result;
  if (F.pinFlowTrivial())
    return Result;
  PinTransfer S(F, Types);
  if (Limits.RecordVerdicts)
    S.recordInto(&Result.Verdicts);
  DataflowBudget Budget;
  Budget.MaxBlockVisits = Limits.MaxBlockVisits;
  std::vector<PinnedUse> Uses;
  // A whole function forgets what it no longer names; a part cannot know
  // what later parts name, so it keeps everything.
  bool Whole = G.whole();
  State In = S.initial();
  for (const FunctionCFG::Part &P : G.Parts) {
    PartSolver Solver(*P.G, F, S, Whole);
    State Exit;
    if (!Solver.solve(In, Budget, Uses, Whole ? nullptr : &Exit)) {
      Result.BlockVisits = Budget.Visits;
      Result.Skipped = true;
      Result.SkipReason =
          "the block-visit limit (max-block-visits) was reached; raise the limit to analyse it";
      return Result;
    }
    // An optional part (a branch, a handler) may not run at all.
    if (P.Optional)
      meet(In, Exit);
    else
      In = std::move(Exit);
  }
  Result.BlockVisits = Budget.Visits;
  // The CFG may list one expression twice (and parts of a loop are analysed
  // twice): keep one answer per operand, the stronger verdict first.
  std::stable_sort(Uses.begin(), Uses.end(), [](const PinnedUse &A, const PinnedUse &B) {
    if (A.Op != B.Op)
      return A.Op < B.Op;
    if (A.Operand != B.Operand)
      return A.Operand < B.Operand;
    return A.Must > B.Must;
  });
  for (const PinnedUse &U : Uses)
    if (Result.Uses.empty() || Result.Uses.back().Op != U.Op ||
        Result.Uses.back().Operand != U.Operand)
      Result.Uses.push_back(U);
  return Result;
}

} // namespace pincheck
