// PinTransfer.cpp - the pin analysis's transfer function.
#include "flow/PinTransfer.h"
#include "model/Owners.h"
#include <algorithm>

using namespace clang;

namespace pincheck {

static PtrTarget targetOf(const Resolved &R) {
  PtrTarget T;
  if (!R)
    return T;
  T.Place = R.Place;
  T.Whole = R.Whole;
  T.T = R.ObjType.isNull() ? nullptr : R.ObjType.getCanonicalType().getTypePtr();
  return T;
}

State PinTransfer::initial() const {
  State S;
  S.Reached = true;
  for (auto [Pin, Place] : F.EntryPins) {
    PlaceBits B = S.P.get(Place);
    if (!B.May)
      B.MaySite = int(Pin);
    if (!B.Must && !F.Pins[Pin].MayOnly)
      B.MustSite = int(Pin);
    B.May = true;
    B.Must |= !F.Pins[Pin].MayOnly;
    S.P.set(Place, B);
  }
  return S;
}

PinTransfer::PinTransfer(const FunctionFacts &F, TypeModel &Types) : F(F), Types(Types) {
  for (unsigned I = 0; I < F.Pins.size(); ++I)
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(F.Pins[I].Site);
        DS && !DS->isSingleDecl() && F.Pins[I].Var)
      DeclaredTogether[F.Pins[I].Var].push_back(I);
}

void PinTransfer::applyPin(unsigned PinI, State &St, bool Recording) {
  const PinEvent &Ev = F.Pins[PinI];
  Resolved R = Ev.Var ? placeOf(F, Ev.Var) : resolve(F, F.PinPaths[PinI], St);
  if (Record && Recording)
    Record->PinPlaces[PinI] = std::max(Record->PinPlaces[PinI], R ? R.Place : -1);
  if (!R)
    return;
  PlaceBits B = St.P.get(R.Place);
  if (!B.Must && !Ev.MayOnly)
    B.MustSite = PinI;
  if (!B.May)
    B.MaySite = PinI;
  B.May = true;
  B.Must |= !Ev.MayOnly;
  St.P.set(R.Place, B);
}

void PinTransfer::transfer(const Stmt *S, State &St, std::vector<PinnedUse> *Uses) {
  if (Uses)
    if (auto It = F.OpsAt.find(S); It != F.OpsAt.end())
      for (unsigned OpI : It->second)
        checkOperation(OpI, St, *Uses);

  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V)
        continue;
      // A declaration makes a new object: it starts unpinned (this is also
      // what ends the pinned state of a loop body's variable).
      if (auto It = F.PlaceIndex.find(V);
          It != F.PlaceIndex.end() && !V->isStaticLocal())
        St.P.set(It->second, PlaceBits());
      if (auto It = F.PointerIndex.find(V);
          It != F.PointerIndex.end() && !isa<ParmVarDecl>(V))
        retarget(It->second, V->getInit() ? targetOf(resolvePointer(V->getInit(), St))
                                          : PtrTarget(),
                 St);
    }
  }
  if (auto It = F.PinsAt.find(S); It != F.PinsAt.end())
    for (unsigned PinI : It->second)
      applyPin(PinI, St, Uses != nullptr);
  else if (const auto *DS = dyn_cast<DeclStmt>(S); DS && DS->isSingleDecl() &&
                                                   !DeclaredTogether.empty())
    if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl()))
      if (auto It = DeclaredTogether.find(V); It != DeclaredTogether.end())
        for (unsigned PinI : It->second)
          applyPin(PinI, St, Uses != nullptr);

  // A destroyed object is gone: the storage's next object starts unpinned.
  // Destroying a part of a pinned object leaves the object pinned.
  if (auto It = F.DestroysAt.find(S); It != F.DestroysAt.end())
    for (unsigned DI : It->second) {
      Resolved R = resolve(F, F.DestroyPaths[DI], St);
      if (R && R.Whole)
        St.P.set(R.Place, PlaceBits());
    }

  if (isa<DeclStmt>(S))
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (int I = pointerVar(BO->getLHS()); I >= 0 && BO->isAssignmentOp())
      retarget(I, BO->getOpcode() == BO_Assign ? targetOf(resolvePointer(BO->getRHS(), St))
                                               : PtrTarget(),
               St);
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      if (int I = pointerVar(UO->getSubExpr()); I >= 0)
        retarget(I, PtrTarget(), St);
    return;
  }
  // A smart pointer given a new object (or none).
  if (const auto *E = dyn_cast<Expr>(S)) {
    llvm::SmallVector<const Expr *, 2> Owners;
    retargetedOwners(E, Owners);
    const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
    for (const Expr *O : Owners)
      if (int I = pointerVar(O); I >= 0)
        retarget(I, OC ? targetOf(resolvePointer(stripMoveCasts(OC->getArg(1)), St))
                       : PtrTarget(),
                 St);
  }
}

// Pointer I now points to T (unknown: an object only it is known to
// reach, its Pointee place, which starts unpinned).
void PinTransfer::retarget(unsigned I, PtrTarget T, State &St) {
  St.Ptr.set(I, T);
  if (auto It = F.PointeeIndex.find(F.Pointers[I]); It != F.PointeeIndex.end())
    St.P.set(It->second, PlaceBits());
}

int PinTransfer::pointerVar(const Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!DRE)
    return -1;
  const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
  auto It = V ? F.PointerIndex.find(V) : F.PointerIndex.end();
  return It == F.PointerIndex.end() ? -1 : int(It->second);
}

void PinTransfer::checkOperation(unsigned OpI, const State &St,
                                 std::vector<PinnedUse> &Uses) {
  const Operation &Op = F.Ops[OpI];
  for (unsigned K = 0; K < Op.Operands.size(); ++K) {
    const Operand &O = Op.Operands[K];
    Resolved R = O.Var ? placeOf(F, O.Var) : resolve(F, F.OperandPaths[OpI][K], St);
    if (!R && !F.Temporaries.empty() && !O.IsPointer)
      if (auto It = F.Temporaries.find(stripMoveCasts(O.E)); It != F.Temporaries.end()) {
        // Pinned since it was made, just before: no state to read.
        const PinnedTemporary &T = It->second;
        R.Place = int(T.Place);
        R.ObjType = F.Places[T.Place].Type;
        bool Must = !F.Pins[T.Pin].MayOnly;
        Uses.push_back({OpI, K, R, Must, T.Pin});
        if (Record)
          Record->Operands[OpI][K] = std::max(Record->Operands[OpI][K],
                                              Must ? OperandVerdict::Pinned
                                                   : OperandVerdict::MayBePinned);
        continue;
      }
    if (R && O.Element)
      R = partOf(R, O.ElementType);
    OperandVerdict V = !R ? OperandVerdict::NoPlace
                       : !Types.isAddressSensitive(R.ObjType) ? OperandVerdict::NotSensitive
                                                              : OperandVerdict::Unpinned;
    if (V == OperandVerdict::Unpinned) {
      const PlaceBits &B = St.P.get(R.Place);
      if (B.Must) {
        Uses.push_back({OpI, K, R, true, unsigned(B.MustSite)});
        V = OperandVerdict::Pinned;
      } else if (B.May) {
        Uses.push_back({OpI, K, R, false, unsigned(B.MaySite)});
        V = OperandVerdict::MayBePinned;
      }
    }
    if (Record)
      Record->Operands[OpI][K] = std::max(Record->Operands[OpI][K], V);
  }
}

void PinTransfer::recordInto(FlowVerdicts *V) {
  Record = V;
  if (!V)
    return;
  V->Operands.assign(F.Ops.size(), {});
  for (unsigned I = 0; I < F.Ops.size(); ++I)
    V->Operands[I].assign(F.Ops[I].Operands.size(), OperandVerdict::Unreached);
  V->PinPlaces.assign(F.Pins.size(), -2);
  for (auto [Pin, Place] : F.EntryPins)
    V->PinPlaces[Pin] = int(Place);
}

// What a pointer expression outside the catalog's events points to (a
// pointer's initialiser, the value assigned to it), its path found once.
Resolved PinTransfer::resolvePointer(const Expr *E, const State &St) {
  auto [It, New] = PointerPaths.try_emplace(E);
  if (New)
    It->second = accessPath(E, /*IsPointer=*/true,
                            [&](const VarDecl *V) { return F.AliasRefs.count(V) != 0; });
  return resolve(F, It->second, St);
}

} // namespace pincheck
