// AccessPath.cpp - the walker. Two modes, as C++ names objects in two ways:
// a glvalue names an object (x, a.f, p->f, *p, arr[i], opt.value()), a
// pointer or iterator points into one (&x, arr, this, p + 1, c.begin()). Each
// recognised form records its step and continues in the mode its operand
// is in; anything else ends the walk without a root.
#include "model/AccessPath.h"
#include "model/Owners.h"
#include "model/StdLibrary.h"

using namespace clang;

namespace pincheck {

const Expr *stripMoveCasts(const Expr *E, bool *SawMove) {
  while (E) {
    if (const auto *P = dyn_cast<ParenExpr>(E)) {
      E = P->getSubExpr();
    } else if (const auto *IC = dyn_cast<ImplicitCastExpr>(E)) {
      E = IC->getSubExpr();
    } else if (const auto *FE = dyn_cast<FullExpr>(E)) {
      E = FE->getSubExpr();
    } else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
    } else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
    } else if (const auto *EC = dyn_cast<ExplicitCastExpr>(E)) {
      // static_cast<T&&>(x), (T&&)x: an xvalue of the same object.
      if (!EC->isXValue() && !EC->isLValue())
        break;
      if (EC->getCastKind() != CK_NoOp && EC->getCastKind() != CK_DerivedToBase &&
          EC->getCastKind() != CK_UncheckedDerivedToBase)
        break;
      if (SawMove && EC->isXValue())
        *SawMove = true;
      E = EC->getSubExpr();
    } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
      StdCast K = CE->getNumArgs() == 1 ? stdCast(CE->getDirectCallee()) : StdCast::None;
      if (K == StdCast::None)
        break;
      if (SawMove && K == StdCast::Move)
        *SawMove = true;
      E = CE->getArg(0);
    } else {
      break;
    }
  }
  return E;
}

const Expr *stripPointerCasts(const Expr *E) {
  while (E) {
    if (const auto *P = dyn_cast<ParenExpr>(E)) {
      E = P->getSubExpr();
    } else if (const auto *FE = dyn_cast<FullExpr>(E)) {
      E = FE->getSubExpr();
    } else if (const auto *C = dyn_cast<CastExpr>(E)) {
      // Keep the decay: it marks where an array object is named.
      if (C->getCastKind() == CK_ArrayToPointerDecay)
        break;
      E = C->getSubExpr();
    } else {
      break;
    }
  }
  return E;
}

bool assignmentSides(const Expr *E, const Expr *&LHS, const Expr *&RHS, bool Compound) {
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() != BO_Assign && !(Compound && BO->isCompoundAssignmentOp()))
      return false;
    LHS = BO->getLHS();
    RHS = BO->getRHS();
    return true;
  }
  const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
  if (!OC || OC->getNumArgs() != 2 ||
      !(OC->getOperator() == OO_Equal || (Compound && OC->isAssignmentOp())))
    return false;
  LHS = OC->getArg(0);
  RHS = OC->getArg(1);
  return true;
}

const Expr *namedObject(const Expr *E, bool IsPointer) {
  if (!E)
    return nullptr;
  if (!IsPointer)
    return stripMoveCasts(E);
  E = stripPointerCasts(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    return stripMoveCasts(UO->getSubExpr());
  return E;
}

namespace {

// std:: free functions of one argument that give an iterator or pointer
// into it.
bool isFreeIterator(StringRef Name) {
  return Name == "begin" || Name == "end" || Name == "cbegin" || Name == "cend" ||
         Name == "rbegin" || Name == "rend" || Name == "data";
}

class Walker {
public:
  Walker(AccessPath &P, llvm::function_ref<bool(const VarDecl *)> FollowAlias)
      : P(P), FollowAlias(FollowAlias) {}

  void glvalue(const Expr *E, unsigned Depth) {
    if (!E || Depth > 16)
      return;
    E = stripMoveCasts(E);
    if (const auto *OVE = dyn_cast<OpaqueValueExpr>(E))
      return step(StepKind::Opaque, E), glvalue(OVE->getSourceExpr(), Depth + 1);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      // A structured binding names a part of the hidden variable: tuple-like
      // bindings through a hidden reference initialised with get<I>(), the
      // others a member or element directly.
      if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl())) {
        const Expr *Init = BD->getBinding();
        if (const VarDecl *Holding = BD->getHoldingVar())
          Init = Holding->getInit();
        P.Steps.push_back({StepKind::Binding, E, BD});
        return glvalue(Init, Depth + 1);
      }
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V)
        return;
      if (FollowAlias && FollowAlias(V)) {
        P.Steps.push_back({StepKind::AliasRef, E, V});
        return glvalue(V->getInit(), Depth + 1);
      }
      return root(V, E, /*Pointer=*/false);
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (!isa<FieldDecl>(ME->getMemberDecl()))
        return;
      step(StepKind::Field, E);
      return ME->isArrow() ? pointer(ME->getBase(), Depth + 1)
                           : glvalue(ME->getBase(), Depth + 1);
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      return step(StepKind::Index, E), pointer(AS->getBase(), Depth + 1);
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_Deref)
        step(StepKind::Deref, E), pointer(UO->getSubExpr(), Depth + 1);
      return;
    }
    if (const Expr *Owner = smartPointerDeref(E))
      return step(StepKind::SmartDeref, E), pointer(Owner, Depth + 1);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (OC->getNumArgs() < 1)
        return;
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
      if (OC->getOperator() == OO_Subscript ||
          (OC->getOperator() == OO_Star && MD && hasElementAccessors(MD->getParent())))
        return step(StepKind::ElementAccess, E), glvalue(OC->getArg(0), Depth + 1);
      if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1)
        return step(StepKind::IteratorDeref, E), pointer(OC->getArg(0), Depth + 1);
      return;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && isElementAccessor(nameOf(MD)) && MC->getImplicitObjectArgument())
        step(StepKind::ElementAccess, E), glvalue(MC->getImplicitObjectArgument(), Depth + 1);
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (isStdGet(CE->getDirectCallee()) && CE->getNumArgs() == 1)
        step(StepKind::ElementAccess, E), glvalue(CE->getArg(0), Depth + 1);
  }

  void pointer(const Expr *E, unsigned Depth) {
    if (!E || Depth > 16)
      return;
    E = stripPointerCasts(E);
    // An iterator object may arrive as a temporary.
    while (isa_and_nonnull<MaterializeTemporaryExpr, CXXBindTemporaryExpr>(E))
      E = stripPointerCasts(isa<MaterializeTemporaryExpr>(E)
                                ? cast<MaterializeTemporaryExpr>(E)->getSubExpr()
                                : cast<CXXBindTemporaryExpr>(E)->getSubExpr());
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(E);
        IC && IC->getCastKind() == CK_ArrayToPointerDecay)
      return step(StepKind::Decay, E), glvalue(IC->getSubExpr(), Depth + 1);
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_AddrOf)
        step(StepKind::AddressOf, E), glvalue(UO->getSubExpr(), Depth + 1);
      return;
    }
    if (const Expr *Arg = addressofArgument(E))
      return step(StepKind::AddressOf, E), glvalue(Arg, Depth + 1);
    if (isa<CXXThisExpr>(E)) {
      P.Root = AccessPath::RootKind::This;
      P.RootIsPointer = true;
      P.RootExpr = E;
      return;
    }
    if (const Expr *Owner = smartPointerAddress(E))
      return step(StepKind::SmartGet, E), pointer(Owner, Depth + 1);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() >= 1)
        step(StepKind::ValueCopy, E), pointer(stripMoveCasts(CE->getArg(0)), Depth + 1);
      return;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts())) {
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        root(V, DRE, /*Pointer=*/true);
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->isAdditiveOp())
        step(StepKind::PointerOffset, E),
            pointer(BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS(),
                    Depth + 1);
      return;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() == OO_Plus || OC->getOperator() == OO_Minus) &&
          OC->getNumArgs() == 2)
        step(StepKind::IteratorOffset, E),
            pointer(OC->getArg(0)->getType()->isIntegralOrEnumerationType() ? OC->getArg(1)
                                                                              : OC->getArg(0),
                    Depth + 1);
      return;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getIdentifier() && MC->getImplicitObjectArgument())
        step(StepKind::MemberIterator, E), glvalue(MC->getImplicitObjectArgument(), Depth + 1);
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (!isStd(FD) || isa<CXXMethodDecl>(FD) || !FD->getIdentifier() || CE->getNumArgs() < 1)
        return;
      StringRef Name = FD->getName();
      if (CE->getNumArgs() == 1 && isFreeIterator(Name))
        return step(StepKind::FreeIterator, E), glvalue(CE->getArg(0), Depth + 1);
      if (Name == "next" || Name == "prev")
        return step(StepKind::IteratorOffset, E), pointer(CE->getArg(0), Depth + 1);
    }
  }

private:
  void step(StepKind K, const Expr *E) { P.Steps.push_back({K, E}); }
  void root(const VarDecl *V, const Expr *E, bool Pointer) {
    P.Root = AccessPath::RootKind::Variable;
    P.Var = V;
    P.RootIsPointer = Pointer;
    P.RootExpr = E;
  }

  AccessPath &P;
  llvm::function_ref<bool(const VarDecl *)> FollowAlias;
};

} // namespace

AccessPath accessPath(const Expr *E, bool IsPointer,
                      llvm::function_ref<bool(const VarDecl *)> FollowAlias) {
  AccessPath P;
  Walker W(P, FollowAlias);
  if (IsPointer)
    W.pointer(E, 0);
  else
    W.glvalue(E, 0);
  if (P.Root == AccessPath::RootKind::None)
    P.Steps.clear();
  return P;
}

bool namesWholeObject(const AccessPath &P) {
  return llvm::none_of(P.Steps, [](const AccessStep &S) {
    return S.Kind == StepKind::Field || S.Kind == StepKind::Index ||
           S.Kind == StepKind::ElementAccess || S.Kind == StepKind::Binding;
  });
}

} // namespace pincheck
