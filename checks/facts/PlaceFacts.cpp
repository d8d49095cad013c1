// PlaceFacts.cpp - the places of a function (variables, pointees of
// pointers, *this, globals it names), the pointers the flow follows, and the
// local references that are other names for them.
#include "facts/FactsBuilder.h"
#include "facts/Places.h"
#include "model/Owners.h"

using namespace clang;

namespace pincheck {

void FactsBuilder::addVariable(const VarDecl *V) {
  QualType T = V->getType();
  if (!isa<ParmVarDecl>(V))
    addDeclaredBorrow(V);
  // Pointers, smart pointers and reference parameters to smart pointers.
  if (T->isPointerType() || (isSmartPointer(T.getNonReferenceType()) &&
                             (!T->isReferenceType() || isa<ParmVarDecl>(V)))) {
    if (V->isStaticLocal() || F.PointerIndex.count(V))
      return;
    bool Sensitive = pointsToSensitive(V, Types);
    // A pointer parameter is followed only to its object.
    if (isa<ParmVarDecl>(V) && !Sensitive)
      return;
    F.PointerIndex[V] = F.Pointers.size();
    F.Pointers.push_back(V);
    if (Sensitive) {
      F.PointeeIndex[V] = F.Places.size();
      F.Places.push_back({TrackedPlace::Pointee, V, pointeeOf(T.getNonReferenceType())});
    }
    return;
  }
  if (T->isReferenceType()) {
    if (isPlace(V, Types)) {
      addPlace(V);
    } else if (!isa<ParmVarDecl>(V) && V->hasInit()) {
      F.AliasRefs.insert(V);
    }
    return;
  }
  if (isPlace(V, Types))
    addPlace(V);
}

void FactsBuilder::addPlace(const VarDecl *V) {
  if (F.PlaceIndex.count(V))
    return;
  F.PlaceIndex[V] = F.Places.size();
  F.Places.push_back({TrackedPlace::Variable, V, V->getType().getNonReferenceType()});
}

// Globals are places of the functions that name them.
void FactsBuilder::addGlobalUse(const DeclRefExpr *DRE) {
  if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
    if (isGlobalObject(V) && isPlace(V, Types))
      addPlace(V);
}

bool FactsBuilder::addThisPlace(const CXXThisExpr *TE) {
  if (F.ThisPlace >= 0)
    return true;
  QualType T = TE->getType()->getPointeeType();
  if (!Types.isAddressSensitive(T))
    return false;
  F.ThisPlace = F.Places.size();
  F.Places.push_back({TrackedPlace::This, nullptr, T});
  return true;
}

void FactsBuilder::addAccessPaths() {
  auto Alias = [&](const VarDecl *V) { return F.AliasRefs.count(V) != 0; };
  F.OperandPaths.resize(F.Ops.size());
  for (unsigned I = 0; I < F.Ops.size(); ++I)
    for (const Operand &O : F.Ops[I].Operands)
      F.OperandPaths[I].push_back(O.Var ? AccessPath() : accessPath(O.E, O.IsPointer, Alias));
  F.PinPaths.reserve(F.Pins.size());
  for (const PinEvent &P : F.Pins)
    F.PinPaths.push_back(P.Target && !P.Var ? accessPath(P.Target, P.IsPointer, Alias)
                                            : AccessPath());
  F.DestroyPaths.reserve(F.Destroys.size());
  for (const DestroyEvent &D : F.Destroys)
    F.DestroyPaths.push_back(accessPath(D.Target, D.IsPointer, Alias));
}

} // namespace pincheck
