// PinState.cpp - the pin analysis: the fixed point, forgetting what no
// later statement can name (flow/Liveness.h), and a last pass over the fixed
// point that records the pinned operands.
#include "flow/PinState.h"
#include "flow/Dataflow.h"
#include "flow/Liveness.h"
#include "flow/PinTransfer.h"
#include <algorithm>

using namespace clang;

namespace pincheck {

FlowResult solvePinState(const CFG &Graph, const FunctionFacts &F, TypeModel &Types,
                         const FlowLimits &Limits) {
  FlowResult Result;
  const CFG *G = &Graph;
  if (F.pinFlowTrivial())
    return Result;

  PinTransfer S(F, Types);
  std::vector<State> Out(G->getNumBlockIDs());
  std::vector<std::vector<unsigned>> LivePlaces =
      liveOut(*G, F, F.PlaceIndex, F.Places.size());
  std::vector<std::vector<unsigned>> LivePointers =
      liveOut(*G, F, F.PointerIndex, F.Pointers.size());
  // What nothing can name after a block is forgotten at its end: a pointer
  // no later statement names, then a place neither named nor targeted by a
  // pointer still known (it may be named through the pointer).
  auto Forget = [&](const CFGBlock *B, State &St) {
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
  };
  std::vector<const CFGBlock *> RPOT = reversePostOrder(*G);
  const CFGBlock *Entry = &G->getEntry();

  auto InState = [&](const CFGBlock *B) {
    if (B == Entry)
      return S.initial();
    State In;
    for (const CFGBlock::AdjacentBlock &P : B->preds())
      if (const CFGBlock *PB = P.getReachableBlock())
        meet(In, Out[PB->getBlockID()]);
    return In;
  };
  auto Run = [&](const CFGBlock *B, State &St, std::vector<PinnedUse> *Uses) {
    for (const CFGElement &El : *B)
      if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>())
        S.transfer(CS->getStmt(), St, Uses);
  };

  DataflowBudget Budget;
  Budget.MaxBlockVisits = Limits.MaxBlockVisits;
  bool Done = runForward(*G, Budget, [&](const CFGBlock *B) {
    State St = InState(B);
    if (!St.Reached)
      return false;
    Run(B, St, nullptr);
    Forget(B, St);
    if (St == Out[B->getBlockID()])
      return false;
    Out[B->getBlockID()] = std::move(St);
    return true;
  });
  Result.BlockVisits = Budget.Visits;
  if (!Done) {
    Result.Skipped = true;
    Result.SkipReason = "the block-visit limit (max-block-visits) was reached";
    return Result;
  }

  // Replay once more on the fixed point, now recording the pinned operands.
  std::vector<PinnedUse> Uses;
  if (Limits.RecordVerdicts)
    S.recordInto(&Result.Verdicts);
  for (const CFGBlock *B : RPOT) {
    State St = InState(B);
    if (St.Reached)
      Run(B, St, &Uses);
  }
  // The CFG may list one expression twice: keep one answer per operand, the
  // stronger verdict first.
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
