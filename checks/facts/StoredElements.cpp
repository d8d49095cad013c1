// StoredElements.cpp - finds, per class, the member containers whose
// elements' addresses its member functions store in members or globals.
#include "facts/StoredElements.h"
#include "catalog/ContainerCalls.h"
#include "facts/Places.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {
namespace {

// A longer-lived place an expression names: a member of *this (at any
// depth, or an element of one) or a global; null for anything else.
const NamedDecl *longLived(const Expr *E) {
  AccessPath P = accessPath(E, /*IsPointer=*/false);
  if (!P)
    return nullptr;
  if (P.Root == AccessPath::RootKind::Variable)
    return isGlobalObject(P.Var) ? P.Var : nullptr;
  // The member of *this nearest the root.
  for (auto It = P.Steps.rbegin(); It != P.Steps.rend(); ++It)
    if (It->Kind == StepKind::Field)
      return cast<MemberExpr>(It->E)->getMemberDecl();
  return nullptr;
}

// A member function that keeps what it is given: a container's insertion,
// a registry's registration.
bool keeps(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases({"push", "push_back", "push_front", "emplace", "emplace_back", "emplace_front",
              "emplace_hint", "insert", "try_emplace", "insert_or_assign", "add", "register_",
              "subscribe", "attach", "enqueue", "schedule"},
             true)
      .Default(Name.starts_with("register") || Name.starts_with("Register"));
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(ContainerModel &M, const FunctionDecl *FD,
         llvm::DenseMap<const FieldDecl *, StoredElement> &Out)
      : M(M), FD(FD), Out(Out) {}

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitExpr(Expr *E) {
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (assignmentSides(E, LHS, RHS))
      store(E, LHS, RHS);
    return true;
  }
  // `by_rank_.push(p)`, `index_.insert(it)`, `registry.add(p)`: a member or
  // global object keeps what its insertion member is given (a call that
  // only reads the element, `out_->write(buf_.data(), n)`, keeps nothing).
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (const Expr *Obj = MC->getImplicitObjectArgument(); Obj && MD && keeps(nameOf(MD)))
      for (const Expr *A : MC->arguments())
        store(MC, Obj, A);
    return true;
  }

private:
  // The member container whose element V's value points to: a borrow
  // expression, or a local pointer or iterator initialised with one.
  const FieldDecl *elementOf(const Expr *V) {
    V = V->IgnoreImplicit()->IgnoreParens();
    QualType T = V->getType();
    if (!T->isPointerType() && !T->isRecordType())
      return nullptr;
    ContainerRef C = borrowedContainer(M, T, V);
    if (!C)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(V->IgnoreParenImpCasts()))
        if (const auto *L = dyn_cast<VarDecl>(DRE->getDecl());
            L && L->isLocalVarDecl() && L->getInit() && !L->getType()->isReferenceType())
          C = borrowedContainer(M, L->getType(), L->getInit());
    // `items_.back().self()`: an element's member function that returns a
    // pointer to its own type gives the element's address.
    if (!C)
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(V); MC && T->isPointerType())
        if (const Expr *Obj = MC->getImplicitObjectArgument();
            Obj && !Obj->getType()->isPointerType() &&
            T->getPointeeType()->getAsCXXRecordDecl() == Obj->getType()->getAsCXXRecordDecl())
          C = borrowedContainer(
              M, FD->getASTContext().getLValueReferenceType(Obj->getType()), Obj);
    if (!C || !C.ofThis() || C.Steps.empty() || !C.Steps.back().Field)
      return nullptr;
    return C.Steps.back().Field;
  }

  void store(const Expr *Site, const Expr *Target, const Expr *Value) {
    const FieldDecl *Elem = elementOf(Value);
    if (!Elem || Out.count(Elem))
      return;
    if (const NamedDecl *Into = longLived(Target))
      if (Into != Elem)
        Out[Elem] = {Site, Into, FD};
  }

  ContainerModel &M;
  const FunctionDecl *FD;
  llvm::DenseMap<const FieldDecl *, StoredElement> &Out;
};

} // namespace

const StoredElementsModel::Stores &StoredElementsModel::of(const CXXRecordDecl *RD) {
  auto &Slot = Cache[RD];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Stores>();
  Stores &Out = *Slot;
  const CXXRecordDecl *Def = RD->getDefinition();
  if (!Def)
    return Out;
  for (const CXXMethodDecl *MD : Def->methods()) {
    const FunctionDecl *Body = nullptr;
    if (MD->isStatic() || !MD->hasBody(Body) || !Body || Body->isDependentContext() ||
        Body->isInvalidDecl())
      continue;
    Finder F(M, Body, Out);
    F.TraverseStmt(Body->getBody());
  }
  return Out;
}

const StoredElement *StoredElementsModel::storedElsewhere(const FieldDecl *Field) {
  const auto *RD = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!RD)
    return nullptr;
  const SourceManager &SM = Field->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())))
    return nullptr;
  const Stores &S = of(RD->getCanonicalDecl());
  auto It = S.find(Field);
  return It == S.end() ? nullptr : &It->second;
}

} // namespace pincheck
