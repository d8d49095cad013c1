// PinContainerRelocationCheck.cpp - pin-container-relocation's rule and
// wording: a relocation of a container's elements that a borrow outlives,
// unless the container is moved whole while pinned itself (pin-move's and
// pin-swap's finding) (docs/checks/pin-container-relocation.md).
#include "PinContainerRelocationCheck.h"
#include "explain/Text.h"

namespace pincheck {

// A container moved or swapped whole while it is itself pinned there is
// pin-move's or pin-swap's finding, not a relocation of borrowed elements.
static bool reportedAsPinned(const FunctionResults &R, const ContainerGrowth &G) {
  const FunctionFacts &F = R.Facts;
  auto Place = F.PlaceIndex.find(G.Container);
  auto Ops = F.OpsAt.find(G.Site);
  if (!G.Whole || Place == F.PlaceIndex.end() || Ops == F.OpsAt.end())
    return false;
  return llvm::any_of(R.PinnedUses, [&](const PinnedUse &U) {
    return U.Target.Place == int(Place->second) && llvm::is_contained(Ops->second, U.Op);
  });
}

void PinContainerRelocationCheck::checkFunction(const FunctionResults &R,
                                                std::vector<Finding> &Out) {
  const FunctionFacts &F = R.Facts;
  for (const RelocatedBorrow &RB : R.Relocations) {
    const ContainerGrowth &G = F.Growths[RB.Growth];
    if (reportedAsPinned(R, G))
      continue;
    const ElementBorrow &B = F.Borrows[RB.Borrow];
    BorrowDescription D{quoted(B.Container->getName()), quoted(G.Method),
                        B.RangeFor ? std::string() : quoted(B.Holder->getName())};
    Finding Fd;
    Fd.Check = Id;
    Fd.Loc = G.Site->getBeginLoc();
    Fd.Range = G.Site->getSourceRange();
    Fd.Message = message(D);
    R.Explain.borrowNotes(F, RB, Fd.Notes);
    Out.push_back(std::move(Fd));
  }
}

std::string PinContainerRelocationCheck::message(const BorrowDescription &D) {
  std::string Head = D.Call + " may relocate the elements of " + D.Container;
  if (D.Holder.empty())
    return Head + " while a range-for loop iterates over it; the pinned element moves to "
                  "a new address and the loop's iterator dangles";
  return Head + " while " + D.Holder +
         " still refers to one of them; the pinned element moves to a new address";
}

} // namespace pincheck
