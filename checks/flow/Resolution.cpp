// Resolution.cpp - access paths resolved against the pin state.
#include "flow/Resolution.h"
#include "model/Owners.h"
#include "model/StdLibrary.h"

using namespace clang;

namespace pincheck {

Resolved partOf(Resolved R, QualType T) {
  R.Whole = false;
  if (!T.isNull())
    R.ObjType = T.getNonReferenceType();
  return R;
}

Resolved placeOf(const FunctionFacts &F, const VarDecl *V) {
  Resolved R;
  if (auto It = F.PlaceIndex.find(V); It != F.PlaceIndex.end()) {
    R.Place = It->second;
    R.ObjType = V->getType();
  }
  return R;
}

// An element a standard holder keeps inside itself: arr[i], *opt,
// opt.value(), front(), back(), at(), std::get<I>(t).
static bool holderElement(const Expr *E) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return hasElementAccessors(MC->getMethodDecl()->getParent());
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    return MD && hasElementAccessors(MD->getParent());
  }
  return true; // std::get
}

// A pointer into a std::array's own storage: data() and its iterators
// (pointers in libstdc++ and libc++), and std::begin/end/data of one.
static bool inlineStorage(const Expr *E) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    return isStorageAccessor(nameOf(MD)) && hasInlineStorage(MD->getParent());
  }
  const auto *CE = cast<CallExpr>(E);
  return isStorageAccessor(nameOf(CE->getDirectCallee()));
}

// The tracked place a path reaches in state St: its root's (a place, the
// target of a pointer, *this), then each step from the root outwards. A
// step the pin analysis does not follow (an element of a container that
// keeps it on the heap, an iterator) reaches nothing.
Resolved resolve(const FunctionFacts &F, const AccessPath &P, const State &St) {
  Resolved R;
  switch (P.Root) {
  case AccessPath::RootKind::None:
    return {};
  case AccessPath::RootKind::This:
    if (F.ThisPlace < 0)
      return {};
    R.Place = F.ThisPlace;
    R.ObjType = F.Places[F.ThisPlace].Type;
    break;
  case AccessPath::RootKind::Variable:
    if (!P.RootIsPointer) {
      auto It = F.PlaceIndex.find(P.Var);
      if (It == F.PlaceIndex.end())
        return {};
      R.Place = It->second;
      R.ObjType = P.Var->getType().getNonReferenceType();
      break;
    }
    auto It = F.PointerIndex.find(P.Var);
    if (It == F.PointerIndex.end())
      return {};
    const PtrTarget &T = St.Ptr.get(It->second);
    if (T.Place < 0) {
      // Not known to point to a tracked place: its own object, if it has one.
      auto Own = F.PointeeIndex.find(P.Var);
      if (Own == F.PointeeIndex.end())
        return {};
      R.Place = Own->second;
      R.ObjType = F.Places[R.Place].Type;
      break;
    }
    R.Place = T.Place;
    R.Whole = T.Whole;
    R.ObjType = T.T ? QualType(T.T, 0) : F.Places[T.Place].Type;
    R.Alias = P.Var;
    break;
  }
  for (auto S = P.Steps.rbegin(); S != P.Steps.rend(); ++S) {
    switch (S->Kind) {
    case StepKind::Field:
    case StepKind::Index:
      R = partOf(R, S->E->getType());
      break;
    case StepKind::ElementAccess:
      if (!holderElement(S->E))
        return {};
      R = partOf(R, S->E->getType());
      break;
    case StepKind::Binding:
      if (R.Alias)
        R.Alias = S->D; // a reference binding: name it, not the hidden variable
      R = partOf(R, S->E->getType());
      break;
    case StepKind::AliasRef:
      R.Alias = S->D; // the name the operation used
      break;
    case StepKind::Deref:
      if (!R.Whole)
        R.ObjType = S->E->getType();
      break;
    case StepKind::PointerOffset:
      R = partOf(R);
      break;
    case StepKind::MemberIterator:
    case StepKind::FreeIterator:
      if (!inlineStorage(S->E))
        return {};
      R = partOf(R);
      break;
    case StepKind::ValueCopy: {
      // A smart pointer copied or moved from another keeps its object.
      const auto *CE = cast<CXXConstructExpr>(S->E);
      if (CE->getNumArgs() != 1 || !isSmartPointer(CE->getType()))
        return {};
      break;
    }
    case StepKind::SmartDeref:
    case StepKind::SmartGet:
    case StepKind::AddressOf:
    case StepKind::Decay:
    case StepKind::Opaque:
      break;
    case StepKind::IteratorDeref:
    case StepKind::IteratorOffset:
      return {};
    }
  }
  return R;
}

} // namespace pincheck
