// BorrowFacts.cpp - borrowed container elements (a reference, pointer or
// iterator bound to an element, a range-for over the container) and the
// calls that may relocate them (growth, middle insert and erase, a whole
// move or swap of a container holding its elements inline), for containers
// of address-sensitive elements; a growth also says when every element is
// pinned from its construction.
#include "facts/FactsBuilder.h"
#include "facts/Places.h"
#include "catalog/ContainerCalls.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {

void FactsBuilder::addBorrow(ElementBorrow B) {
  B.SensitiveElements = holdsSensitiveElements(B.Container.Type, Types);
  F.Borrows.push_back(std::move(B));
}

// The loop holds iterators into the range until it ends.
void FactsBuilder::addRangeForBorrow(const CXXForRangeStmt *S) {
  const Expr *Range = S->getRangeInit();
  ContainerRef C = containerAt(Types.containers(), Range);
  if (!C)
    C = viewedContainerOf(Range);
  if (!C)
    C = returnedBorrow(Range, /*Whole=*/true);
  if (C)
    if (const auto *BS = dyn_cast_or_null<DeclStmt>(S->getBeginStmt()))
      if (const auto *Begin = dyn_cast_or_null<VarDecl>(BS->getSingleDecl()))
        addBorrow({Begin, std::move(C), S, /*RangeFor=*/true});
}

// The container a view iterated by a range-for borrows: one made there
// (`std::span(v).subspan(1)`), or a local view variable that borrowed it
// (`auto s = t.symbols(); for (x : s)`).
ContainerRef FactsBuilder::viewedContainerOf(const Expr *Range) {
  if (!isViewType(Range->getType()))
    return {};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Range->IgnoreParenImpCasts())) {
    for (auto It = F.Borrows.rbegin(); It != F.Borrows.rend(); ++It)
      if (It->Holder == DRE->getDecl() && !It->RangeFor)
        return It->Container;
    return {};
  }
  return borrowedContainer(Types.containers(), Range->getType(), Range);
}

// `auto &r = v[i]`, `auto it = v.begin()`, `auto s = table.lookup(k)`: the
// holder borrows an element from its declaration.
void FactsBuilder::addDeclaredBorrow(const VarDecl *V) {
  if (V->isImplicit()) // a range-for's own: its loop is the borrow
    return;
  ContainerRef C = borrowedContainer(Types.containers(), V->getType(), V->getInit());
  if (!C)
    C = returnedBorrow(V->getInit(), /*Whole=*/false);
  if (C)
    addBorrow({V, std::move(C), V->getInit(), /*RangeFor=*/false});
}

// `it = v.begin()`, `p = &v[i]`: the holder borrows an element from here.
void FactsBuilder::addAssignedBorrow(const Expr *E) {
  const Expr *Value = nullptr;
  const DeclRefExpr *Name = assignedVariable(E, &Value);
  const auto *H = Name ? cast<VarDecl>(Name->getDecl()) : nullptr;
  if (!H || H->getType()->isReferenceType())
    return;
  ContainerRef C = borrowedContainer(Types.containers(), H->getType(), Value);
  if (!C)
    C = returnedBorrow(Value, /*Whole=*/false);
  if (C)
    addBorrow({H, std::move(C), E, /*RangeFor=*/false, /*Assignment=*/true});
}

void FactsBuilder::addGrowth(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return;
  StringRef Method;
  ContainerRef C = relocatingCall(Types.containers(), Call, &Method);
  if (!C)
    return;
  ContainerGrowth G{E, std::move(C), Method.str()};
  if (holdsSensitiveElements(G.Container.Type, Types)) {
    // Erasing only shifts the elements after it; inserting in the middle
    // may grow too.
    bool Shifts = Method == "erase" || Method == "insert" || Method == "emplace" ||
                  Method == "insert_range";
    G.PinnedElements = Types.elementsPinnedFromConstruction(
        Types.containers().relocatingElementType(G.Container.Type), Method != "erase",
        Shifts, &G.ElementMember);
  }
  // A member whose elements' addresses are kept elsewhere (not while its
  // own object is being made: nothing is stored yet).
  const ContainerRef &C2 = G.Container;
  if (!G.PinnedElements && Summaries && !C2.Steps.empty() && C2.Steps.back().Field &&
      !(C2.ofThis() && isa<CXXConstructorDecl>(F.FD)))
    G.Stored = Summaries->storedElsewhere(C2.Steps.back().Field);
  F.Growths.push_back(std::move(G));
}

// `m[a] = m[b]`: the left side inserts into a map that may move its values
// while the right side's reference into it is held (see OrderHazard).
void FactsBuilder::addOrderHazard(const Expr *E) {
  const Expr *LHS = nullptr, *RHS = nullptr;
  if (!assignmentSides(E, LHS, RHS, /*Compound=*/true))
    return;
  bool Cxx17 = Types.context().getLangOpts().CPlusPlus17;
  if (Cxx17 && isa<CallExpr>(LHS->IgnoreParenImpCasts()))
    F.RightFirst.push_back({LHS->getSourceRange(), RHS->getSourceRange()});
  if (!assignmentSides(E, LHS, RHS)) // m[a] = m[b]: a plain assignment
    return;
  // The right side binds to operator='s reference parameter.
  const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
  const auto *MD = OC ? dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee()) : nullptr;
  bool ByReference =
      MD && MD->getNumParams() == 1 && MD->getParamDecl(0)->getType()->isReferenceType();
  if (Cxx17 && !ByReference) // the right side is read before the left runs
    return;
  const auto *Call = dyn_cast<CallExpr>(LHS->IgnoreParenImpCasts());
  if (!Call)
    return;
  StringRef Method;
  ContainerRef C = relocatingCall(Types.containers(), Call, &Method);
  ContainerModel::Kind K = Types.containers().kindOf(C.Type);
  if (!C || (K != ContainerModel::Kind::OpenMap && K != ContainerModel::Kind::FlatMap))
    return;
  const Expr *Read = RHS->IgnoreImplicit()->IgnoreParens();
  ContainerRef R = borrowedContainer(Types.containers(),
                                     Types.context().getLValueReferenceType(Read->getType()),
                                     Read);
  if (R && R.sameAs(C))
    F.OrderHazards.push_back({Call, Read, std::move(C), Method.str(), !Cxx17});
}

// The object an element access reads from: `v` of v.back(), v[i], *v.begin().
static const Expr *elementAccessObject(const Expr *A) {
  A = A->IgnoreImplicit()->IgnoreParens();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(A)) {
    StringRef N = nameOf(MC->getMethodDecl());
    return N == "back" || N == "front" || N == "at" ? MC->getImplicitObjectArgument() : nullptr;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(A)) {
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
      return OC->getArg(0);
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1)
      if (const auto *It = dyn_cast<CXXMemberCallExpr>(OC->getArg(0)->IgnoreImplicit()))
        if (nameOf(It->getMethodDecl()) == "begin")
          return It->getImplicitObjectArgument();
  }
  return nullptr;
}

// `v.push_back(v.back())` on a class of the user's (see SelfInsertion).
void FactsBuilder::addSelfInsertion(const Expr *E) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  const Expr *Obj = MC ? MC->getImplicitObjectArgument() : nullptr;
  if (!MD || !Obj || !Summaries || MC->getNumArgs() == 0)
    return;
  ContainerModel &M = Types.containers();
  QualType T = Obj->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  if (M.kindOf(T) != ContainerModel::Kind::None || !M.isHandWritten(T))
    return;
  for (unsigned I = 0; I < MC->getNumArgs() && I < MD->getNumParams(); ++I) {
    const Expr *Inner = elementAccessObject(MC->getArg(I));
    if (!Inner)
      continue;
    ContainerRef A = objectAt(M, Inner, Inner->getType()->isPointerType());
    ContainerRef B = objectAt(M, Obj, Obj->getType()->isPointerType());
    if (!A || !B || !A.sameAs(B))
      continue;
    if (const ReallocationFirst *R = Summaries->reallocatesBeforeReading(MD, I)) {
      F.SelfInsertions.push_back({MC, MC->getArg(I), R});
      return;
    }
  }
}

// Moving or swapping a std::array or std::inplace_vector moves the
// elements it holds inline (pin-move and pin-swap report it when the
// container itself is pinned). The moved-from container keeps its
// elements, so a borrow of a plain one still refers to a live object: only
// address-sensitive elements count.
void FactsBuilder::addWholeGrowths(const Expr *E, const Operation &Op) {
  llvm::SmallVector<std::pair<ContainerRef, std::string>, 2> Whole;
  wholeRelocations(Types.containers(), Op, Whole);
  for (auto &[C, Name] : Whole)
    if (holdsSensitiveElements(C.Type, Types)) {
      ContainerGrowth G{E, C, Name};
      G.Whole = true;
      F.Growths.push_back(G);
    }
}

namespace {
// The variables a body writes: assigned, incremented, decremented.
struct WrittenVariables : RecursiveASTVisitor<WrittenVariables> {
  llvm::DenseSet<const VarDecl *> Out;
  void written(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        Out.insert(V);
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      written(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      written(UO->getSubExpr());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (OC->isAssignmentOp() || OC->getOperator() == OO_PlusPlus ||
        OC->getOperator() == OO_MinusMinus)
      if (OC->getNumArgs() >= 1)
        written(OC->getArg(0));
    return true;
  }
};

bool keyedBy(const ContainerRef &C, const llvm::DenseSet<const VarDecl *> &Written) {
  return llvm::any_of(C.Steps, [&](const ContainerRef::Step &S) {
    return S.KeyVar && Written.count(S.KeyVar);
  });
}
} // namespace

// `m[k].v` names the same container twice only while k keeps its value: a
// container reached by a key the function writes is not followed.
void FactsBuilder::dropWrittenKeys() {
  auto HasKey = [](const ContainerRef &C) {
    return llvm::any_of(C.Steps, [](const ContainerRef::Step &S) { return S.KeyVar; });
  };
  if (!F.Body || (llvm::none_of(F.Borrows, [&](auto &B) { return HasKey(B.Container); }) &&
                  llvm::none_of(F.Growths, [&](auto &G) { return HasKey(G.Container); })))
    return;
  WrittenVariables W;
  W.TraverseStmt(const_cast<Stmt *>(F.Body));
  llvm::erase_if(F.Borrows, [&](const ElementBorrow &B) { return keyedBy(B.Container, W.Out); });
  llvm::erase_if(F.Growths,
                 [&](const ContainerGrowth &G) { return keyedBy(G.Container, W.Out); });
}

// ---- Capacity: `reserve` then at most that many end insertions ----

namespace {

bool isEndInsertion(const ContainerGrowth &G) {
  return !G.Inner && !G.Whole && (G.Method == "push_back" || G.Method == "emplace_back");
}

// `c.size()` of container C.
bool isSizeOf(const Expr *E, const ContainerRef &C, ContainerModel &M) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
  if (!MC || !MC->getMethodDecl() || !MC->getMethodDecl()->getIdentifier() ||
      MC->getMethodDecl()->getName() != "size" || !MC->getImplicitObjectArgument())
    return false;
  const Expr *Obj = MC->getImplicitObjectArgument();
  ContainerRef S = containerAt(M, Obj, Obj->getType()->isPointerType());
  return S && S.sameAs(C);
}

// The same count: the same variable, or equal integer constants.
bool sameCount(const Expr *A, const Expr *B, ASTContext &Ctx) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (const auto *DA = dyn_cast<DeclRefExpr>(A))
    if (const auto *DB = dyn_cast<DeclRefExpr>(B))
      return DA->getDecl() == DB->getDecl() && isa<VarDecl>(DA->getDecl());
  std::optional<llvm::APSInt> VA = A->getIntegerConstantExpr(Ctx);
  std::optional<llvm::APSInt> VB = B->getIntegerConstantExpr(Ctx);
  return VA && VB && llvm::APSInt::isSameValue(*VA, *VB);
}

// `for (<int> i = 0; i < N; ++i)` (or `i != N`, `i++`): its bound N.
const Expr *countedLoopBound(const ForStmt *L, ASTContext &Ctx) {
  const VarDecl *I = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(L->getInit()))
    if (DS->isSingleDecl())
      if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl());
          V && V->getInit() && V->getType()->isIntegerType())
        if (std::optional<llvm::APSInt> Z = V->getInit()->getIntegerConstantExpr(Ctx);
            Z && *Z == 0)
          I = V;
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(L->getCond());
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(L->getInc());
  if (!I || !Cond || !Inc || !Inc->isIncrementOp() ||
      (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_NE))
    return nullptr;
  auto IsI = [&](const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == I;
  };
  return IsI(Cond->getLHS()) && IsI(Inc->getSubExpr()) ? Cond->getRHS() : nullptr;
}

bool isLoop(const Stmt *S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

} // namespace

// After `c.reserve(c.size() + n)` (or `c.reserve(n)` on a vector declared
// empty just before), `n` end insertions cannot reallocate: a loop
// `for (i = 0; i < n; ++i)` doing one push_back or emplace_back on c per
// iteration, or at most n of them in straight-line code after it. The
// reserve must run before them on every path (a statement of a block that
// holds them), and nothing else may grow or shrink c in between.
void FactsBuilder::addReservedCapacity() {
  if (F.Growths.size() < 2 || !F.Body ||
      llvm::none_of(F.Growths, [](const ContainerGrowth &G) { return G.Method == "reserve"; }))
    return;
  ASTContext &Ctx = Types.context();
  const SourceManager &SM = Ctx.getSourceManager();
  ParentMap PM(const_cast<Stmt *>(F.Body));
  auto Before = [&](const Stmt *A, const Stmt *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  };
  // The statement of block CS that holds S, or null when S is not in CS.
  auto ChildOf = [&](const CompoundStmt *CS, const Stmt *S) -> const Stmt * {
    for (const Stmt *P = S; P; P = PM.getParent(P)) {
      const Stmt *Up = PM.getParent(P);
      if (Up == CS)
        return P;
    }
    return nullptr;
  };
  // The innermost loop around S below block CS (null: none).
  auto LoopIn = [&](const CompoundStmt *CS, const Stmt *S, unsigned *Count) {
    const Stmt *Inner = nullptr;
    *Count = 0;
    for (const Stmt *P = PM.getParent(S); P && P != CS; P = PM.getParent(P))
      if (isLoop(P)) {
        if (!Inner)
          Inner = P;
        ++*Count;
      }
    return Inner;
  };
  for (ContainerGrowth &R : F.Growths) {
    if (R.Inner || R.Method != "reserve")
      continue;
    const auto *Call = dyn_cast<CXXMemberCallExpr>(R.Site);
    const auto *CS = dyn_cast_or_null<CompoundStmt>(PM.getParent(R.Site));
    if (!Call || Call->getNumArgs() != 1 || !CS)
      continue; // only `c.reserve(n);` as a statement of a block
    const ContainerRef &C = R.Container;
    // How many: `c.size() + n`, or `n` for a vector declared empty in this
    // block with nothing inserted before the reserve.
    const Expr *Arg = Call->getArg(0)->IgnoreParenImpCasts();
    const Expr *Count = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(Arg); BO && BO->getOpcode() == BO_Add) {
      if (isSizeOf(BO->getLHS(), C, Types.containers()))
        Count = BO->getRHS();
      else if (isSizeOf(BO->getRHS(), C, Types.containers()))
        Count = BO->getLHS();
    } else if (const VarDecl *CV = C.variable(); CV && CV->isLocalVarDecl()) {
      // Declared in this block, before: a new, empty vector each time.
      bool Here = llvm::any_of(CS->body(), [&](const Stmt *S) {
        const auto *DS = dyn_cast<DeclStmt>(S);
        return DS && Before(DS, R.Site) &&
               llvm::is_contained(DS->decls(), static_cast<const Decl *>(CV));
      });
      const auto *Init = dyn_cast_or_null<CXXConstructExpr>(CV->getInit());
      bool Empty = Here && (!CV->getInit() || (Init && Init->getNumArgs() == 0));
      bool NothingBefore = llvm::none_of(F.Growths, [&](const ContainerGrowth &G) {
        return &G != &R && G.Container.sameAs(C) && Before(G.Site, R.Site);
      });
      if (Empty && NothingBefore) {
        Count = Arg;
        // Reserving in an empty vector moves nothing either.
        R.ReservedAt = R.Site;
      }
    }
    if (!Count)
      continue;
    // The calls on c after the reserve, in this block: only end insertions.
    llvm::SmallVector<ContainerGrowth *, 4> After;
    bool Other = false;
    for (ContainerGrowth &G : F.Growths)
      if (&G != &R && G.Container.sameAs(C) && Before(R.Site, G.Site) &&
          ChildOf(CS, G.Site)) {
        if (!isEndInsertion(G))
          Other = true;
        After.push_back(&G);
      }
    if (Other || After.empty())
      continue;
    // A counted loop with one insertion per iteration ...
    unsigned Depth = 0;
    const Stmt *Loop = LoopIn(CS, After[0]->Site, &Depth);
    if (Loop) {
      const auto *L = dyn_cast<ForStmt>(Loop);
      const Expr *Bound = L && Depth == 1 ? countedLoopBound(L, Ctx) : nullptr;
      if (After.size() != 1 || !Bound || !sameCount(Bound, Count, Ctx))
        continue;
      // ... not in a branch that may run it twice: the loop body itself.
      After[0]->ReservedAt = R.Site;
      continue;
    }
    // ... or at most n of them in straight-line code.
    std::optional<llvm::APSInt> N = Count->getIntegerConstantExpr(Ctx);
    bool Straight = llvm::all_of(After, [&](ContainerGrowth *G) {
      unsigned D = 0;
      return !LoopIn(CS, G->Site, &D);
    });
    if (N && Straight && N->getExtValue() >= int64_t(After.size()))
      for (ContainerGrowth *G : After)
        G->ReservedAt = R.Site;
  }
}

} // namespace pincheck
