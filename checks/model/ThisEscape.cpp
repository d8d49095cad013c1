// ThisEscape.cpp - where a constructor lets `this` escape (stored outside
// the object, passed to a function that may keep it, in a lambda handed to
// one), and whether a copy or move member re-registers or re-links `this`
// as a constructor does (unless only under a test known false there).
#include "model/ThisEscape.h"
#include "model/AccessPath.h"
#include "model/Annotations.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {
namespace {

// The path ends at the object `this` points to, through '.' members and
// elements of member arrays (this->a.b, this->arr[i], (*this).m): a part of
// the object. A global, or another object reached through a member pointer,
// is not.
bool rootedAtThis(const AccessPath &P, size_t I) {
  if (P.Root != AccessPath::RootKind::This || I >= P.Steps.size())
    return false;
  const AccessStep &Last = P.Steps.back();
  if (!(Last.Kind == StepKind::Deref ||
        (Last.Kind == StepKind::Field && cast<MemberExpr>(Last.E)->isArrow())))
    return false;
  for (size_t K = I; K + 1 < P.Steps.size(); ++K) {
    const AccessStep &S = P.Steps[K];
    if (S.Kind == StepKind::Field && !cast<MemberExpr>(S.E)->isArrow())
      continue;
    if (S.Kind == StepKind::Index && K + 2 < P.Steps.size() &&
        P.Steps[K + 1].Kind == StepKind::Decay) {
      ++K;
      continue;
    }
    return false;
  }
  return true;
}
bool rootedAtThis(const Expr *E) { return rootedAtThis(accessPath(E, /*IsPointer=*/false), 0); }

// `this`, or the address of the object or of one of its members (`&m`,
// `&this->a.b`).
bool isThisAddress(const Expr *E) {
  AccessPath P = accessPath(E, /*IsPointer=*/true);
  if (P.Root == AccessPath::RootKind::This && P.Steps.empty())
    return true;
  return !P.Steps.empty() && P.Steps[0].Kind == StepKind::AddressOf &&
         isa<UnaryOperator>(P.Steps[0].E) && rootedAtThis(P, 1);
}

// A lambda that captures `this` (`[this]`, `[&]` or `[=]` using a member),
// possibly converted to a callable wrapper on the way to a parameter.
bool lambdaCapturingThis(const Expr *E, unsigned Depth = 0) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->getNumArgs() == 1)
    E = CE->getArg(0)->IgnoreImplicit()->IgnoreParens();
  // A local that holds one (`auto cb = [this] {...}; keep(cb);`).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
        V && V->isLocalVarDecl() && !V->getType()->isReferenceType() && V->getInit() &&
        Depth < 4)
      return lambdaCapturingThis(V->getInit(), Depth + 1);
  const auto *LE = dyn_cast<LambdaExpr>(E);
  if (!LE)
    return false;
  for (const LambdaCapture &C : LE->captures())
    if (C.capturesThis())
      return true;
  return false;
}

// A local variable of the constructor: what it holds dies with the call.
bool isAutomaticLocal(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V && V->hasLocalStorage() && !V->getType()->isReferenceType();
}

// Functions that use a pointer without keeping it: builtins, functions of
// namespace std (memset, std::addressof, algorithms, char_traits::copy),
// and members of standard classes other than those that store what they are
// given (container insertion, assignment, a smart pointer's reset, the
// constructors of std::thread or std::function). Printing `this` to a stream
// keeps nothing.
bool keepsNothing(const FunctionDecl *FD) {
  if (!FD)
    return false;
  if (FD->getBuiltinID() != 0)
    return true;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!(MD ? MD->getParent()->isInStdNamespace() : FD->isInStdNamespace()))
    return false;
  if (!MD || MD->isStatic())
    return true;
  if (isa<CXXConstructorDecl>(MD) || MD->getOverloadedOperator() == OO_Equal)
    return false;
  if (!MD->getIdentifier())
    return true;
  return !llvm::StringSwitch<bool>(MD->getName())
              .Cases({"push_back", "push_front", "push", "emplace", "emplace_back",
                      "emplace_front", "emplace_hint", "insert", "insert_or_assign",
                      "try_emplace", "assign", "reset", "set_value", "store", "exchange"},
                     true)
              .Default(false);
}

// A class (or union) with a pointer among its members or its members'
// members: something other objects get linked through.
bool holdsPointers(QualType T, unsigned Depth = 0) {
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || !RD->getDefinition() || Depth > 3)
    return false;
  for (const FieldDecl *F : RD->getDefinition()->fields()) {
    QualType FT = F->getType();
    while (const auto *AT = dyn_cast<ArrayType>(FT.getCanonicalType().getTypePtr()))
      FT = AT->getElementType();
    if (FT->isPointerType() || holdsPointers(FT, Depth + 1))
      return true;
  }
  return false;
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  std::optional<ThisEscape> Found;
  /// With CollectAll: every escape, each with the `if` conditions it is
  /// under (then-branches only).
  bool CollectAll = false;
  std::vector<std::pair<ThisEscape, llvm::SmallVector<const Expr *, 2>>> All;
  const CXXConstructorDecl *Ctor;
  // Member initialisers' own constructions: a member keeping a pointer to
  // its owner is a self-pointer, not an escape.
  llvm::SmallPtrSet<const Expr *, 4> MemberInits;

  explicit Finder(const CXXConstructorDecl *C) : Ctor(C) {}

  // The member initialisers a constructor writes, then its body.
  void walk(const FunctionDecl *Def) {
    if (const auto *C = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : C->inits()) {
        const Expr *E = Init->getInit();
        if (!E || !Init->isWritten() || Init->isBaseInitializer() ||
            Init->isDelegatingInitializer())
          continue;
        if (const auto *CE = dyn_cast<CXXConstructExpr>(E->IgnoreImplicit()))
          MemberInits.insert(CE);
        TraverseStmt(const_cast<Expr *>(E));
        if (Found && !CollectAll)
          return;
      }
    if (Def->getBody())
      TraverseStmt(Def->getBody());
  }

  // What the then-branch does happens only where the condition holds.
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue * = nullptr) {
    for (Stmt *Part : {S->getInit(), static_cast<Stmt *>(S->getConditionVariableDeclStmt()),
                       static_cast<Stmt *>(S->getCond())})
      if (Part && !TraverseStmt(Part))
        return false;
    Guards.push_back(S->getCond());
    bool Go = !S->getThen() || TraverseStmt(S->getThen());
    Guards.pop_back();
    return Go && (!S->getElse() || TraverseStmt(S->getElse()));
  }

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    // A lambda holding `this` assigned into another object's member
    // (`src->on_event = [this] {...};`, a std::function's operator=).
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
        OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
        lambdaCapturingThis(OC->getArg(1)) && !rootedAtThis(OC->getArg(0)) &&
        !isAutomaticLocal(OC->getArg(0)))
      return found(OC, nullptr);
    if (keepsNothing(FD))
      return true;
    unsigned First = 0;
    if (isa<CXXOperatorCallExpr>(CE) && isa_and_nonnull<CXXMethodDecl>(FD))
      First = 1; // argument 0 is the object the operator is called on
    for (unsigned I = First; I < CE->getNumArgs(); ++I)
      if (passesThis(CE->getArg(I), FD, I - First))
        return found(CE->getArg(I), FD);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    if (MemberInits.count(CE) || keepsNothing(CE->getConstructor()))
      return true;
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (passesThis(CE->getArg(I), CE->getConstructor(), I))
        return found(CE->getArg(I), CE->getConstructor());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign &&
        (isThisAddress(BO->getRHS()) || lambdaCapturingThis(BO->getRHS())) &&
        !rootedAtThis(BO->getLHS()) && !isAutomaticLocal(BO->getLHS()))
      return found(BO, nullptr);
    return true;
  }

private:
  // A pointer to the object, or the object bound to a reference parameter.
  static bool passesThis(const Expr *Arg, const FunctionDecl *FD, unsigned Param) {
    QualType PT = FD && Param < FD->getNumParams() ? FD->getParamDecl(Param)->getType()
                                                   : QualType();
    if (isThisAddress(Arg)) {
      // `this` itself registers the object. A member's address is most
      // often an out-parameter (`clock_gettime(c, &ts_)`, `parse(s, &n_)`):
      // it escapes into a `void *` (a C library's user-data slot), a
      // variadic slot, or a pointer to a class that holds pointers (a hook,
      // a node, a mutex: what gets linked to other objects), not one of
      // the standard library's.
      if (usesWithoutKeeping(FD, Param))
        return false;
      AccessPath P = accessPath(Arg, /*IsPointer=*/true);
      if (P.Root == AccessPath::RootKind::This && P.Steps.empty())
        return true;
      if (PT.isNull())
        return true;
      if (!PT->isPointerType())
        return false;
      QualType Pointee = PT->getPointeeType();
      // A standard string or container filled in place (`append(&rep_,
      // ...)`) is an out-parameter: nothing links to it.
      if (const RecordDecl *RD = Pointee->getAsRecordDecl(); RD && RD->isInStdNamespace())
        return false;
      return Pointee->isVoidType() || holdsPointers(Pointee);
    }
    // A lambda holding `this`, handed to a by-value parameter (which may
    // keep it, as a subscription does) unless the callee's body only calls
    // it; a reference parameter borrows it.
    if (!PT.isNull() && !PT->isReferenceType() && lambdaCapturingThis(Arg) &&
        !usesWithoutKeeping(FD, Param))
      return true;
    // *this bound to a non-const reference (a const one is read).
    if (!PT.isNull() && PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified() &&
        !usesWithoutKeeping(FD, Param)) {
      // *this
      AccessPath P = accessPath(Arg, /*IsPointer=*/false);
      return P.Root == AccessPath::RootKind::This && P.Steps.size() == 1 &&
             P.Steps[0].Kind == StepKind::Deref;
    }
    return false;
  }
  bool found(const Expr *Where, const FunctionDecl *Callee) {
    ThisEscape E{Where, Ctor, Callee};
    if (const auto *BO = dyn_cast<BinaryOperator>(Where))
      if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        E.Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Found)
      Found = E;
    if (CollectAll)
      All.push_back({E, Guards});
    return CollectAll; // else the first one is enough
  }
  llvm::SmallVector<const Expr *, 2> Guards;
};

// `o.f` where `o` is a parameter of FD: the member f of the source of a copy
// or move.
const FieldDecl *sourceMember(const Expr *E, const FunctionDecl *FD) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  return P && P->getDeclContext() == FD ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
}

// nullptr, 0, {} or a value-initialised T: what a reset leaves.
bool isEmptyValue(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return IL->getNumInits() == 0;
  if (isa<CXXScalarValueInitExpr, ImplicitValueInitExpr>(E))
    return true;
  return !E->isValueDependent() &&
         E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
}

// The members of the source that FD resets (`std::exchange(o.f, nullptr)`,
// `o.f = nullptr`), each with where.
struct Resets : RecursiveASTVisitor<Resets> {
  const FunctionDecl *FD;
  ASTContext &Ctx;
  std::vector<std::pair<const FieldDecl *, SourceLocation>> Out;
  Resets(const FunctionDecl *FD, ASTContext &Ctx) : FD(FD), Ctx(Ctx) {}
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Callee->getName() == "exchange" && CE->getNumArgs() == 2 &&
        isEmptyValue(CE->getArg(1), Ctx))
      if (const FieldDecl *F = sourceMember(CE->getArg(0), FD))
        Out.push_back({F, CE->getBeginLoc()});
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign && isEmptyValue(BO->getRHS(), Ctx))
      if (const FieldDecl *F = sourceMember(BO->getLHS(), FD))
        Out.push_back({F, BO->getBeginLoc()});
    return true;
  }
};

// Whether Cond holds only if a member of the source that was reset before
// it is set: `o.f`, `o.f != nullptr`, either side of `&&`.
bool knownFalse(const Expr *Cond, const FunctionDecl *FD, const Resets &R) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->getOpcode() == BO_LAnd)
      return knownFalse(BO->getLHS(), FD, R) || knownFalse(BO->getRHS(), FD, R);
    if (BO->getOpcode() == BO_NE) {
      if (isEmptyValue(BO->getRHS(), R.Ctx))
        Cond = BO->getLHS();
      else if (isEmptyValue(BO->getLHS(), R.Ctx))
        Cond = BO->getRHS();
      else
        return false;
    }
  }
  const FieldDecl *F = sourceMember(Cond, FD);
  const SourceManager &SM = R.Ctx.getSourceManager();
  return F && llvm::any_of(R.Out, [&](const std::pair<const FieldDecl *, SourceLocation> &Reset) {
           return Reset.first == F && SM.isBeforeInTranslationUnit(Reset.second, Cond->getBeginLoc());
         });
}

} // namespace

// Whether FD's visible body uses its parameter P without keeping it: every
// use calls it (a callable run and forgotten: a visitor), reads or writes a
// field through it (`p->m`, `p.m`), or compares it. A member function called
// through it, or `*p` bound somewhere, may keep the object; unknown bodies may
// keep it.
bool usesWithoutKeeping(const FunctionDecl *FD, unsigned P) {
  const FunctionDecl *Def = nullptr;
  if (!FD || P >= FD->getNumParams() || !FD->hasBody(Def) || !Def || P >= Def->getNumParams())
    return false;
  const ParmVarDecl *Param = Def->getParamDecl(P);
  struct Uses : RecursiveASTVisitor<Uses> {
    const ParmVarDecl *Param;
    unsigned All = 0, Through = 0;
    bool is(const Expr *E) {
      const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return DRE && DRE->getDecl() == Param;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      All += E->getDecl() == Param;
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
      if (OC->getOperator() == OO_Call && OC->getNumArgs() >= 1)
        Through += is(OC->getArg(0));
      return true;
    }
    bool VisitMemberExpr(MemberExpr *ME) {
      if (isa<FieldDecl>(ME->getMemberDecl()))
        Through += is(ME->getBase());
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->isComparisonOp())
        Through += is(BO->getLHS()) + is(BO->getRHS());
      return true;
    }
  } U;
  U.Param = Param;
  U.TraverseStmt(Def->getBody());
  return U.All == U.Through;
}

const ThisEscape *EscapeModel::escape(const CXXConstructorDecl *Ctor) {
  if (!Ctor)
    return nullptr;
  // A provisional "no" while computing ends recursion through delegation;
  // compute() may grow the cache, so look the entry up again after it.
  if (auto It = Cache.find(Ctor); It != Cache.end())
    return It->second;
  Cache[Ctor] = nullptr;
  std::optional<ThisEscape> R = compute(Ctor);
  if (!R)
    return nullptr;
  Storage.push_back(*R);
  return Cache[Ctor] = &Storage.back();
}

std::optional<ThisEscape> EscapeModel::compute(const CXXConstructorDecl *Ctor) {
  // The author's word first: it holds where the body is in another file.
  if (const AnnotateAttr *A = functionAnnotation(Ctor, Annotation::PinsThis)) {
    ThisEscape E;
    E.Ctor = Ctor;
    E.Annotated = A;
    return E;
  }
  const FunctionDecl *Def = nullptr;
  if (!Ctor->hasBody(Def) || !Def) {
    // Defined in another file: what the index says of it.
    const IndexedFunction *I = Index ? Index->lookup(Ctor) : nullptr;
    if (!I || !I->Escape)
      return std::nullopt;
    ThisEscape E;
    E.Ctor = Ctor;
    E.External = I;
    return E;
  }
  const auto *C = cast<CXXConstructorDecl>(Def);
  Finder F(C);
  for (const CXXCtorInitializer *Init : C->inits()) {
    const Expr *E = Init->getInit();
    if (!E)
      continue;
    // Base and delegated constructors run on this object: their escapes
    // are this constructor's.
    if (Init->isBaseInitializer() || Init->isDelegatingInitializer()) {
      if (const auto *CE = dyn_cast<CXXConstructExpr>(E->IgnoreImplicit()))
        if (const ThisEscape *Inner = escape(CE->getConstructor()))
          return *Inner;
      continue;
    }
  }
  F.walk(C);
  return F.Found;
}

bool EscapeModel::reregisters(const CXXMethodDecl *MD) {
  if (!MD || !MD->isUserProvided())
    return false;
  auto [It, New] = Reregisters.try_emplace(MD, false);
  if (!New)
    return It->second;
  const FunctionDecl *Def = nullptr;
  if (!MD->hasBody(Def) || !Def)
    return false;
  Finder F(dyn_cast<CXXConstructorDecl>(Def));
  F.CollectAll = true;
  F.walk(Def);
  if (F.All.empty())
    return false;
  // Where the class's constructors publish `this`.
  std::vector<ThisEscape> Published;
  for (const CXXConstructorDecl *C : MD->getParent()->ctors()) {
    const FunctionDecl *CDef = nullptr;
    if (C->isCopyOrMoveConstructor() || !escape(C) || !C->hasBody(CDef) || !CDef)
      continue;
    Finder CF(cast<CXXConstructorDecl>(CDef));
    CF.CollectAll = true;
    CF.walk(CDef);
    for (auto &[E, Guards] : CF.All)
      Published.push_back(E);
  }
  auto Same = [](const ThisEscape &A, const ThisEscape &B) {
    return (A.Callee && B.Callee &&
            A.Callee->getCanonicalDecl() == B.Callee->getCanonicalDecl()) ||
           (A.Field && A.Field == B.Field);
  };
  Resets R(Def, Def->getASTContext());
  if (const auto *C = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : C->inits())
      if (Init->getInit() && Init->isWritten())
        R.TraverseStmt(const_cast<Expr *>(Init->getInit()));
  R.TraverseStmt(Def->getBody());
  bool Result = llvm::any_of(F.All, [&](const auto &EG) {
    const auto &[E, Guards] = EG;
    return llvm::any_of(Published, [&](const ThisEscape &P) { return Same(E, P); }) &&
           llvm::none_of(Guards, [&](const Expr *G) { return knownFalse(G, Def, R); });
  });
  Reregisters[MD] = Result;
  return Result;
}

} // namespace pincheck
