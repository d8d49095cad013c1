// PinContainerRelocationCheck.cpp - pin-container-relocation's rule and
// wording: a relocation of a container's elements that a borrow outlives,
// unless the container is moved whole while pinned itself (pin-move's and
// pin-swap's finding); a relocation of elements that are all pinned from
// their construction, or whose addresses are stored elsewhere;
// `m[a] = m[b]` on a map that moves its values; self-insertion into a
// hand-written container (docs/checks/pin-container-relocation.md).
#include "PinContainerRelocationCheck.h"
#include "explain/Text.h"

namespace pincheck {

// A container moved or swapped whole while it is itself pinned there is
// pin-move's or pin-swap's finding, not a relocation of borrowed elements.
static bool reportedAsPinned(const FunctionResults &R, const ContainerGrowth &G) {
  const FunctionFacts &F = R.Facts;
  if (!G.Container.variable())
    return false;
  auto Place = F.PlaceIndex.find(G.Container.variable());
  auto Ops = F.OpsAt.find(G.Site);
  if (!G.Whole || Place == F.PlaceIndex.end() || Ops == F.OpsAt.end())
    return false;
  return llvm::any_of(R.PinnedUses, [&](const PinnedUse &U) {
    return U.Target.Place == int(Place->second) && llvm::is_contained(Ops->second, U.Op);
  });
}

// A finding of this check at a call.
static Finding findingAt(CheckId Id, const clang::Expr *Site, std::string Message) {
  Finding Fd;
  Fd.Check = Id;
  Fd.Loc = Site->getBeginLoc();
  Fd.Range = Site->getSourceRange();
  Fd.Message = std::move(Message);
  return Fd;
}

// A growth of a container whose elements are all pinned from their
// construction, reported with no borrow in sight (unless a borrow it
// outlives is reported at it): every element it relocates is pinned.
static void reportPinnedElements(const FunctionResults &R, const ContainerGrowth &G,
                                 CheckId Id, std::vector<Finding> &Out) {
  const SelfReference &S = *G.PinnedElements;
  BorrowDescription D;
  D.Container = quoted(G.Container.spelling());
  D.Call = quoted(G.Method);
  Finding Fd = findingAt(Id, G.Site, PinContainerRelocationCheck::message(D, true));
  Fd.Notes.push_back(R.Explain.selfReferenceNote(G.ElementMember->getParent(), S));
  Fd.Notes.push_back(R.Explain.relocatingMemberNote(G.ElementMember, S));
  Out.push_back(std::move(Fd));
}

// A growth of a member container whose elements' addresses a member
// function of its class keeps in a longer-lived place.
static void reportStoredElements(const FunctionResults &R, const ContainerGrowth &G,
                                 CheckId Id, std::vector<Finding> &Out) {
  BorrowDescription D;
  D.Container = quoted(G.Container.spelling());
  D.Call = quoted(G.Method);
  D.StoredIn = R.Explain.placePhrase(G.Stored->Into);
  Finding Fd = findingAt(Id, G.Site, PinContainerRelocationCheck::message(D));
  Fd.Notes.push_back(R.Explain.storedElementNote(*G.Stored, G.Container));
  Out.push_back(std::move(Fd));
}

// `m[a] = m[b]` on a map whose insertion may move its values.
static void reportOrderHazard(const FunctionResults &R, const OrderHazard &H, CheckId Id,
                              std::vector<Finding> &Out) {
  std::string Text = R.Explain.spelling(H.Read);
  std::string Read = Text.empty() ? std::string("the right side") : quoted(Text);
  Finding Fd = findingAt(
      Id, H.Growth,
      quoted(H.Method) + " may relocate the elements of " + quoted(H.Container.spelling()) +
          " while " + Read +
          (H.Unsequenced
               ? " may still refer to one of them: the two sides of '=' are unsequenced "
                 "before C++17, and either may insert while the other's reference is held"
               : ", the right side of '=' and evaluated first, still refers to one of "
                 "them; the element moves to a new address before '=' reads it"));
  Fd.Notes.push_back(R.Explain.elementReadNote(H.Read, H.Container));
  Out.push_back(std::move(Fd));
}

// `v.push_back(v.back())` on a hand-written container that reallocates
// before it reads its argument.
static void reportSelfInsertion(const FunctionResults &R, const SelfInsertion &S, CheckId Id,
                                std::vector<Finding> &Out) {
  std::string Method = quoted(S.Call->getMethodDecl()->getNameAsString());
  std::string Arg = R.Explain.spelling(S.Arg);
  std::string Obj = R.Explain.spelling(S.Call->getImplicitObjectArgument());
  Finding Fd = findingAt(
      Id, S.Call,
      Method + " may reallocate the storage of " +
          (Obj.empty() ? std::string("its object") : quoted(Obj)) +
          " before it reads its argument " + (Arg.empty() ? std::string() : quoted(Arg) + ", ") +
          "which refers to one of its elements; the element moves to a new address and " +
          Method + " reads " + quoted(S.Realloc->Param->getNameAsString()) +
          " from the old one");
  Fd.Notes.push_back(R.Explain.allocationFirstNote(*S.Realloc));
  Out.push_back(std::move(Fd));
}

void PinContainerRelocationCheck::checkFunction(const FunctionResults &R,
                                                std::vector<Finding> &Out) {
  const FunctionFacts &F = R.Facts;
  for (const SelfInsertion &S : F.SelfInsertions)
    reportSelfInsertion(R, S, Id, Out);
  for (const OrderHazard &H : F.OrderHazards)
    reportOrderHazard(R, H, Id, Out);
  // A growth reported on its own (pinned elements, stored addresses),
  // unless a borrow it outlives is reported at it, or room was reserved.
  auto OnItsOwn = [&](unsigned I) {
    return !F.Growths[I].ReservedAt &&
           llvm::none_of(R.Relocations, [&](const RelocatedBorrow &RB) { return RB.Growth == I; });
  };
  for (unsigned I = 0; I < F.Growths.size(); ++I)
    if (F.Growths[I].PinnedElements && OnItsOwn(I))
      reportPinnedElements(R, F.Growths[I], Id, Out);
  for (unsigned I = 0; I < F.Growths.size(); ++I)
    if (F.Growths[I].Stored && OnItsOwn(I))
      reportStoredElements(R, F.Growths[I], Id, Out);
  for (const RelocatedBorrow &RB : R.Relocations) {
    const ContainerGrowth &G = F.Growths[RB.Growth];
    if (reportedAsPinned(R, G))
      continue;
    const ElementBorrow &B = F.Borrows[RB.Borrow];
    BorrowDescription D;
    D.Container = quoted(B.Container.spelling());
    D.Call = quoted(G.Method);
    D.Holder = B.RangeFor ? std::string() : quoted(B.Holder->getName());
    D.Sensitive = B.SensitiveElements;
    Finding Fd = findingAt(Id, G.Site, message(D));
    R.Explain.borrowNotes(F, RB, Fd.Notes);
    Out.push_back(std::move(Fd));
  }
}

std::string PinContainerRelocationCheck::message(const BorrowDescription &D,
                                                 bool PinnedElements) {
  std::string Head = D.Call + " may relocate the elements of " + D.Container;
  if (!D.StoredIn.empty())
    return Head + ", which are pinned: their addresses are stored in " + D.StoredIn +
           ", and each stored address dangles once they move";
  if (PinnedElements)
    return Head + ", which are pinned from their construction; each one moves to a new "
                  "address and still refers to its old one";
  if (D.Holder.empty())
    return Head + " while a range-for loop iterates over it; " +
           (D.Sensitive ? "the pinned element moves to a new address and " : "") +
           "the loop's iterator dangles";
  return Head + " while " + D.Holder + " still refers to one of them; " +
         (D.Sensitive ? std::string("the pinned element moves to a new address")
                      : "the element moves to a new address and " + D.Holder + " dangles");
}

} // namespace pincheck
