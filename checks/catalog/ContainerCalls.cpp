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
  case Kind::OpenMap: // a rehash or a backward shift may move every value
    return llvm::StringSwitch<bool>(Name)
        .Cases({"insert", "emplace", "emplace_hint", "insert_range", "try_emplace",
                "insert_or_assign", "erase", "reserve", "rehash", "FindAndConstruct"},
               true)
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

// A map's key as a place's step: a variable named directly, or a literal
// (an integer, a character, a string, an enumerator), looked through the
// conversions that make the key type from it.
} // namespace

bool keyOf(const Expr *K, ContainerRef::Step &S) {
  for (int I = 0; K && I < 4; ++I) {
    K = K->IgnoreImplicit()->IgnoreParens();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(K); CE && CE->getNumArgs() >= 1)
      K = CE->getArg(0);
    else
      break;
  }
  if (!K)
    return false;
  K = K->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(K)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return S.KeyVar = V, true;
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      return S.KeyText = EC->getName().str(), true;
    return false;
  }
  if (const auto *IL = dyn_cast<IntegerLiteral>(K))
    return S.KeyText = llvm::toString(IL->getValue(), 10, true), true;
  if (const auto *CL = dyn_cast<CharacterLiteral>(K))
    return S.KeyText = "'" + std::string(1, char(CL->getValue())) + "'", true;
  if (const auto *SL = dyn_cast<StringLiteral>(K); SL && SL->isOrdinary())
    return S.KeyText = "\"" + SL->getString().str() + "\"", true;
  return false;
}

std::string ContainerRef::spelling() const {
  std::string Out = Var ? Var->getName().str() : std::string();
  for (const Step &S : Steps) {
    if (!S.Field) {
      Out += "[" + (S.KeyVar ? S.KeyVar->getName().str() : S.KeyText) + "]";
      continue;
    }
    if (!Out.empty())
      Out += S.Arrow ? "->" : ".";
    Out += S.Field->getName().str();
  }
  return Out.empty() ? std::string("*this") : Out;
}

ContainerRef ContainerRef::extended(const ContainerRef &Inner) const {
  ContainerRef R = *this;
  for (const Step &S : Inner.Steps) {
    R.Steps.push_back(S);
    // The first member of the inner object is reached as this ref reaches
    // its object.
    if (R.Steps.size() == Steps.size() + 1 && S.Field)
      R.Steps.back().Arrow = Steps.empty() && ViaPointer;
  }
  R.Type = Inner.Type;
  return R;
}

// The place a path reaches once Steps[I..] are taken (from the root out):
// with WantPointer, the object the resulting pointer points to.
static ContainerRef refFrom(ContainerModel &M, const AccessPath &P, size_t I,
                            bool WantPointer) {
  ContainerRef R;
  if (!P)
    return R;
  bool Pointer = P.RootIsPointer;
  QualType Cur;
  if (P.Root == AccessPath::RootKind::This) {
    R.Root = ContainerRef::RootKind::This;
    Cur = P.RootExpr->getType();
  } else {
    if (P.RootIsPointer && !isa<ParmVarDecl>(P.Var))
      return {};
    R.Var = P.Var;
    R.ViaPointer = P.RootIsPointer;
    Cur = P.Var->getType().getNonReferenceType();
  }
  for (size_t K = P.Steps.size(); K > I; --K) {
    const AccessStep &S = P.Steps[K - 1];
    switch (S.Kind) {
    case StepKind::AliasRef:
      continue;
    case StepKind::Deref:
      if (!Pointer)
        return {};
      Pointer = false;
      break;
    case StepKind::Field: {
      const auto *ME = cast<MemberExpr>(S.E);
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!FD || ME->isArrow() != Pointer || !FD->getIdentifier())
        return {};
      ContainerRef::Step St;
      St.Field = FD;
      St.Arrow = ME->isArrow() && !(R.Root == ContainerRef::RootKind::This && R.Steps.empty());
      R.Steps.push_back(St);
      Pointer = false;
      break;
    }
    case StepKind::ElementAccess: {
      // m[k] or m.at(k) of a node-based map: the mapped value of key k.
      const Expr *Key = nullptr;
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S.E);
          OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
        Key = OC->getArg(1);
      else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S.E);
               MC && MC->getNumArgs() == 1 && nameOf(MC->getMethodDecl()) == "at")
        Key = MC->getArg(0);
      ContainerRef::Step St;
      if (Pointer || !Key || !M.isNodeMap(Cur) || !keyOf(Key, St))
        return {};
      R.Steps.push_back(St);
      break;
    }
    default:
      return {};
    }
    Cur = S.E->getType();
  }
  if (Pointer != WantPointer)
    return {};
  R.Type = Pointer ? Cur->getPointeeType() : Cur.getNonReferenceType();
  return R;
}

// Local references are other names for what they are bound to, when that
// is a place (`auto &v = obj.items`); one bound to a call's result is a
// container of its own.
static bool isLocalReference(const VarDecl *V) {
  return V->getType()->isReferenceType() && V->isLocalVarDecl() && V->getInit() &&
         accessPath(V->getInit(), /*IsPointer=*/false);
}

ContainerRef objectAt(ContainerModel &M, const Expr *E, bool IsPointer) {
  if (!E)
    return {};
  return refFrom(M, accessPath(E, IsPointer, isLocalReference), 0, IsPointer);
}

ContainerRef containerAt(ContainerModel &M, const Expr *E, bool IsPointer) {
  ContainerRef R = objectAt(M, E, IsPointer);
  if (!R || M.kindOf(R.Type) == Kind::None)
    return {};
  return R;
}

// The container a path reaches once Steps[I..] are taken.
static ContainerRef containerRoot(ContainerModel &M, const AccessPath &P, size_t I) {
  ContainerRef R = refFrom(M, P, I, /*WantPointer=*/false);
  if (!R || M.kindOf(R.Type) == Kind::None)
    return {};
  return R;
}

// The container an iterator (or a pointer used as one) from Steps[I] on is
// into: v.begin(), v.find(k), std::begin(v), ..., and an iterator a few steps
// from one (v.end() - 1, std::next(v.begin()), a converting copy).
static ContainerRef iteratorOf(ContainerModel &M, const AccessPath &P, size_t I) {
  for (; I < P.Steps.size(); ++I) {
    const AccessStep &S = P.Steps[I];
    switch (S.Kind) {
    case StepKind::ValueCopy:
      if (isa<CXXTemporaryObjectExpr>(S.E))
        return {};
      continue;
    case StepKind::PointerOffset:
    case StepKind::IteratorOffset:
      continue;
    case StepKind::MemberIterator:
      return isIteratorCall(nameOf(cast<CXXMemberCallExpr>(S.E)->getMethodDecl()))
                 ? containerRoot(M, P, I + 1)
                 : ContainerRef();
    case StepKind::FreeIterator:
      return nameOf(cast<CallExpr>(S.E)->getDirectCallee()) != "data"
                 ? containerRoot(M, P, I + 1)
                 : ContainerRef();
    default:
      return {};
    }
  }
  return {};
}

// The container an element from Steps[I] on comes from: v[i], v.at(i),
// v.front(), v.back(), *v.begin(), *v.find(k).
static ContainerRef elementOf(ContainerModel &M, const AccessPath &P, size_t I) {
  if (I >= P.Steps.size())
    return {};
  const AccessStep &S = P.Steps[I];
  switch (S.Kind) {
  case StepKind::Deref:
  case StepKind::IteratorDeref:
    return iteratorOf(M, P, I + 1);
  case StepKind::ElementAccess:
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S.E)) {
      if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
        return containerRoot(M, P, I + 1);
      return OC->getOperator() == OO_Star ? iteratorOf(M, P, I + 1) : ContainerRef();
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S.E)) {
      StringRef Name = nameOf(MC->getMethodDecl());
      return Name == "at" || Name == "front" || Name == "back" ? containerRoot(M, P, I + 1)
                                                                 : ContainerRef();
    }
    return {};
  default:
    return {};
  }
}

// The container a view is made from: `std::span<int>(v)`, `std::span(v)`,
// an implicit conversion, and a part of such a view (subspan, first, last).
static ContainerRef viewedContainer(ContainerModel &M, const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = FC->getSubExpr();
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      StringRef Name = nameOf(MC->getMethodDecl());
      if (!isViewType(MC->getType()) ||
          (Name != "subspan" && Name != "first" && Name != "last" && Name != "substr" &&
           Name != "slice" && Name != "drop_front" && Name != "drop_back" &&
           Name != "take_front" && Name != "take_back"))
        return {};
      E = MC->getImplicitObjectArgument();
      continue;
    }
    const auto *CE = dyn_cast<CXXConstructExpr>(E);
    if (!CE || CE->getNumArgs() < 1)
      return {};
    const Expr *Arg = CE->getArg(0)->IgnoreImplicit();
    if (ContainerRef R = containerAt(M, Arg))
      return R;
    E = Arg;
  }
  return {};
}

ContainerRef borrowedContainer(ContainerModel &M, QualType HolderType, const Expr *Value) {
  // A count or a flag (`auto n = s.erase(k)`, `v.end() - v.begin()`) holds
  // no element.
  if (!Value || HolderType->isArithmeticType() || HolderType->isEnumeralType())
    return {};
  if (HolderType->isReferenceType())
    return elementOf(M, accessPath(Value, /*IsPointer=*/false, isLocalReference), 0);
  // A view made from the whole container: `std::span<int> s = v`.
  if (isViewType(HolderType))
    if (ContainerRef R = viewedContainer(M, Value))
      return R;
  AccessPath P = accessPath(Value, /*IsPointer=*/true, isLocalReference);
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

ContainerRef relocatingCall(ContainerModel &M, const CallExpr *Call, StringRef *Method) {
  ContainerRef C;
  StringRef Name;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!MD || !MD->getIdentifier() || !Obj)
      return {};
    Name = MD->getName();
    // Cheap first: the member's name and the object's class (the class
    // written, not the base that declares the member: llvm::DenseMap's
    // operator[] is DenseMapBase's).
    QualType T = stripMoveCasts(Obj)->getType();
    if (!relocates(M.kindOf(T->isPointerType() ? T->getPointeeType() : T), Name))
      return {};
    C = containerAt(M, Obj, T->isPointerType());
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
    // A flat or open-addressing map's operator[] inserts the key when it is
    // missing.
    if (OC->getOperator() != OO_Subscript || OC->getNumArgs() != 2)
      return {};
    Kind K = M.kindOf(stripMoveCasts(OC->getArg(0))->getType());
    if (K != Kind::FlatMap && K != Kind::OpenMap)
      return {};
    Name = "operator[]";
    C = containerAt(M, OC->getArg(0));
  } else if (const FunctionDecl *FD = Call->getDirectCallee();
             FD && FD->isInStdNamespace() && FD->getIdentifier() && Call->getNumArgs() == 2 &&
             (FD->getName() == "erase" || FD->getName() == "erase_if")) {
    // C++20's std::erase(c, x) and std::erase_if(c, pred): c.erase(...).
    Kind K = M.kindOf(Call->getArg(0)->getType());
    if (!relocates(K, "erase"))
      return {};
    Name = FD->getName() == "erase" ? "std::erase" : "std::erase_if";
    C = containerAt(M, Call->getArg(0));
  } else {
    return {};
  }
  if (C && Method)
    *Method = Name;
  return C;
}

void wholeRelocations(ContainerModel &M, const Operation &Op,
                      llvm::SmallVectorImpl<std::pair<ContainerRef, std::string>> &Out) {
  if (Op.Family != OpFamily::Move && Op.Family != OpFamily::Swap)
    return;
  for (const Operand &O : Op.Operands) {
    if (O.IsPointer || O.Element ||
        (O.Role != OperandRole::Moved && O.Role != OperandRole::Swapped))
      continue;
    ContainerRef C = containerAt(M, stripMoveCasts(O.E));
    Kind K = M.kindOf(C.Type);
    if (!C.variable() || (K != Kind::Array && K != Kind::InplaceVector))
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
  if (!assignmentSides(E, LHS, RHS))
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->isLocalVarDecl())
    return nullptr;
  if (Value)
    *Value = RHS;
  return DRE;
}

} // namespace pincheck
