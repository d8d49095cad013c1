// ContainerCalls.cpp - the calls on containers: which may relocate their
// elements, which borrow one, and which move or swap a container that holds
// its elements inline. What a container is, is model/Containers.h's.
#include "catalog/ContainerCalls.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

using Kind = ContainerModel::Kind;

namespace {

bool relocates(Kind K, StringRef Name) {
  switch (K) {
  case Kind::Vector:
    return llvm::StringSwitch<bool>(Name)
        .Cases({"push_back", "emplace_back", "insert", "emplace", "append_range",
                "insert_range", "resize", "reserve", "shrink_to_fit", "erase", "assign",
                "assign_range", "append", "resize_for_overwrite"},
               true)
        .Default(false);
  case Kind::Deque: // end insertion keeps references valid
    return llvm::StringSwitch<bool>(Name)
        .Cases({"insert", "emplace", "insert_range", "erase", "shrink_to_fit", "resize",
                "assign", "assign_range"},
               true)
        .Default(false);
  case Kind::FlatMap:
    return llvm::StringSwitch<bool>(Name)
        .Cases({"insert", "emplace", "emplace_hint", "insert_range", "try_emplace",
                "insert_or_assign", "erase"},
               true)
        .Default(false);
  case Kind::FlatSet:
    return llvm::StringSwitch<bool>(Name)
        .Cases({"insert", "emplace", "emplace_hint", "insert_range", "erase"}, true)
        .Default(false);
  case Kind::InplaceVector: // it never reallocates: only the middle shifts
    return llvm::StringSwitch<bool>(Name)
        .Cases({"insert", "emplace", "insert_range", "erase"}, true)
        .Default(false);
  case Kind::Array:
  case Kind::None:
    return false;
  }
  return false;
}

bool isIteratorCall(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases({"begin", "end", "cbegin", "cend", "rbegin", "rend", "crbegin", "crend", "find",
              "lower_bound", "upper_bound", "insert", "emplace", "emplace_hint", "erase"},
             true)
      .Default(false);
}

} // namespace

const VarDecl *containerVariable(ContainerModel &M, const Expr *E) {
  if (!E)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || M.relocatingElementType(V->getType()).isNull())
    return nullptr;
  return V;
}

// The container variable a path ends at once Steps[I..] are taken: its root,
// named directly, with nothing after.
static const VarDecl *containerRoot(ContainerModel &M, const AccessPath &P, size_t I) {
  if (I != P.Steps.size() || P.Root != AccessPath::RootKind::Variable || P.RootIsPointer ||
      M.relocatingElementType(P.Var->getType()).isNull())
    return nullptr;
  return P.Var;
}

// The container an iterator (or a pointer used as one) from Steps[I] on is
// into: v.begin(), v.find(k), std::begin(v), ..., and an iterator a few steps
// from one (v.end() - 1, std::next(v.begin()), a converting copy).
static const VarDecl *iteratorOf(ContainerModel &M, const AccessPath &P, size_t I) {
  for (; I < P.Steps.size(); ++I) {
    const AccessStep &S = P.Steps[I];
    switch (S.Kind) {
    case StepKind::ValueCopy:
      if (isa<CXXTemporaryObjectExpr>(S.E))
        return nullptr;
      continue;
    case StepKind::PointerOffset:
    case StepKind::IteratorOffset:
      continue;
    case StepKind::MemberIterator:
      return isIteratorCall(nameOf(cast<CXXMemberCallExpr>(S.E)->getMethodDecl()))
                 ? containerRoot(M, P, I + 1)
                 : nullptr;
    case StepKind::FreeIterator:
      return nameOf(cast<CallExpr>(S.E)->getDirectCallee()) != "data"
                 ? containerRoot(M, P, I + 1)
                 : nullptr;
    default:
      return nullptr;
    }
  }
  return nullptr;
}

// The container an element from Steps[I] on comes from: v[i], v.at(i),
// v.front(), v.back(), *v.begin(), *v.find(k).
static const VarDecl *elementOf(ContainerModel &M, const AccessPath &P, size_t I) {
  if (I >= P.Steps.size())
    return nullptr;
  const AccessStep &S = P.Steps[I];
  switch (S.Kind) {
  case StepKind::Deref:
  case StepKind::IteratorDeref:
    return iteratorOf(M, P, I + 1);
  case StepKind::ElementAccess:
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S.E)) {
      if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
        return containerRoot(M, P, I + 1);
      return OC->getOperator() == OO_Star ? iteratorOf(M, P, I + 1) : nullptr;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S.E)) {
      StringRef Name = nameOf(MC->getMethodDecl());
      return Name == "at" || Name == "front" || Name == "back" ? containerRoot(M, P, I + 1)
                                                                 : nullptr;
    }
    return nullptr;
  default:
    return nullptr;
  }
}

const VarDecl *borrowedContainer(ContainerModel &M, QualType HolderType, const Expr *Value) {
  // A count or a flag (`auto n = s.erase(k)`, `v.end() - v.begin()`) holds
  // no element.
  if (!Value || HolderType->isArithmeticType() || HolderType->isEnumeralType())
    return nullptr;
  if (HolderType->isReferenceType())
    return elementOf(M, accessPath(Value, /*IsPointer=*/false), 0);
  AccessPath P = accessPath(Value, /*IsPointer=*/true);
  if (HolderType->isPointerType() && !P.Steps.empty()) {
    const AccessStep &S = P.Steps.front();
    if (S.Kind == StepKind::AddressOf)
      return elementOf(M, P, 1);
    if (S.Kind == StepKind::MemberIterator &&
        nameOf(cast<CXXMemberCallExpr>(S.E)->getMethodDecl()) == "data")
      return containerRoot(M, P, 1);
  }
  // An iterator: a class, or a pointer for containers whose iterators are.
  return iteratorOf(M, P, 0);
}

const VarDecl *relocatingCall(ContainerModel &M, const CallExpr *Call, StringRef *Method) {
  const VarDecl *C = nullptr;
  StringRef Name;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return nullptr;
    Name = MD->getName();
    C = containerVariable(M, MC->getImplicitObjectArgument());
    if (!relocates(M.kindOf(C ? C->getType() : QualType()), Name))
      return nullptr;
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
    // flat_map's operator[] inserts the key when it is missing.
    if (OC->getOperator() != OO_Subscript || OC->getNumArgs() != 2)
      return nullptr;
    Name = "operator[]";
    C = containerVariable(M, OC->getArg(0));
    if (M.kindOf(C ? C->getType() : QualType()) != Kind::FlatMap)
      return nullptr;
  } else {
    return nullptr;
  }
  if (Method)
    *Method = Name;
  return C;
}

void wholeRelocations(ContainerModel &M, const Operation &Op,
                      llvm::SmallVectorImpl<std::pair<const VarDecl *, std::string>> &Out) {
  if (Op.Family != OpFamily::Move && Op.Family != OpFamily::Swap)
    return;
  for (const Operand &O : Op.Operands) {
    if (O.IsPointer || O.Element ||
        (O.Role != OperandRole::Moved && O.Role != OperandRole::Swapped))
      continue;
    const VarDecl *C = containerVariable(M, stripMoveCasts(O.E));
    Kind K = M.kindOf(C ? C->getType() : QualType());
    if (K != Kind::Array && K != Kind::InplaceVector)
      continue;
    std::string Name;
    if (Op.Family == OpFamily::Swap) {
      // a.swap(b) reads as a member call, like 'push_back'.
      Name = isa<CXXMemberCallExpr>(Op.Site) ? "swap" : Op.Callee;
    } else {
      // As written: std::move(a), std::forward<A>(a), static_cast<A &&>(a).
      const Expr *E = O.E->IgnoreImplicit()->IgnoreParens();
      if (const auto *CE = dyn_cast<CallExpr>(E); CE && CE->getDirectCallee() &&
                                                   CE->getDirectCallee()->getIdentifier())
        Name = "std::" + CE->getDirectCallee()->getName().str();
      else if (isa<CXXNamedCastExpr>(E))
        Name = cast<CXXNamedCastExpr>(E)->getCastName();
      else
        Name = "the move";
    }
    Out.push_back({C, Name});
  }
}

const DeclRefExpr *assignedVariable(const Expr *E, const Expr **Value) {
  const Expr *LHS = nullptr, *RHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() != BO_Assign)
      return nullptr;
    LHS = BO->getLHS();
    RHS = BO->getRHS();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() != OO_Equal || OC->getNumArgs() != 2)
      return nullptr;
    LHS = OC->getArg(0);
    RHS = OC->getArg(1);
  } else {
    return nullptr;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->isLocalVarDecl())
    return nullptr;
  if (Value)
    *Value = RHS;
  return DRE;
}

} // namespace pincheck
