// SelfInsertion.cpp - whether a hand-written container's member function
// reallocates before it reads a reference parameter.
#include "facts/SelfInsertion.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {
namespace {

bool isAllocationCall(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD)
    return false;
  if (FD->getDeclName().getCXXOverloadedOperator() == OO_New ||
      FD->getDeclName().getCXXOverloadedOperator() == OO_Array_New)
    return true;
  if (!FD->getIdentifier())
    return false;
  StringRef N = FD->getName();
  return N == "malloc" || N == "calloc" || N == "realloc" || N == "allocate";
}

// The first use of a parameter, and every allocation or member call on the
// object itself, in source order.
struct Scan : RecursiveASTVisitor<Scan> {
  const ParmVarDecl *P = nullptr;
  SourceLocation FirstUse;
  llvm::SmallVector<const Stmt *, 4> Allocations;
  llvm::SmallVector<const CXXMemberCallExpr *, 4> OwnCalls;
  const SourceManager *SM = nullptr;

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (P && DRE->getDecl() == P &&
        (FirstUse.isInvalid() || SM->isBeforeInTranslationUnit(DRE->getBeginLoc(), FirstUse)))
      FirstUse = DRE->getBeginLoc();
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *E) {
    Allocations.push_back(E);
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (isAllocationCall(CE))
      Allocations.push_back(CE);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      if (const Expr *Obj = MC->getImplicitObjectArgument())
        if (isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
          OwnCalls.push_back(MC);
    return true;
  }
};

} // namespace

const Stmt *SelfInsertionModel::firstAllocation(const CXXMethodDecl *MD, unsigned Depth,
                                                SourceLocation Before) {
  const FunctionDecl *Def = nullptr;
  if (!MD || !MD->hasBody(Def) || !Def || Def->isDependentContext() || !Def->getBody())
    return nullptr;
  const SourceManager &SM = MD->getASTContext().getSourceManager();
  Scan S;
  S.SM = &SM;
  S.TraverseStmt(Def->getBody());
  auto InTime = [&](const Stmt *St) {
    return Before.isInvalid() || SM.isBeforeInTranslationUnit(St->getBeginLoc(), Before);
  };
  for (const Stmt *A : S.Allocations)
    if (InTime(A))
      return A;
  if (Depth == 0)
    return nullptr;
  for (const CXXMemberCallExpr *MC : S.OwnCalls)
    if (InTime(MC) && MC->getMethodDecl() != MD &&
        firstAllocation(MC->getMethodDecl(), Depth - 1, SourceLocation()))
      return MC;
  return nullptr;
}

const ReallocationFirst *SelfInsertionModel::reallocatesBeforeReading(const CXXMethodDecl *MD,
                                                                      unsigned I) {
  auto [It, New] = Cache.try_emplace({MD, I});
  if (!New)
    return It->second.Site ? &It->second : nullptr;
  const FunctionDecl *Def = nullptr;
  const SourceManager &SM = MD->getASTContext().getSourceManager();
  if (I >= MD->getNumParams() || !MD->getParamDecl(I)->getType()->isReferenceType() ||
      !MD->hasBody(Def) || !Def || !Def->getBody() ||
      SM.isInSystemHeader(SM.getExpansionLoc(MD->getLocation())))
    return nullptr;
  const auto *DefMD = cast<CXXMethodDecl>(Def);
  Scan S;
  S.SM = &SM;
  S.P = DefMD->getParamDecl(I);
  S.TraverseStmt(Def->getBody());
  if (S.FirstUse.isInvalid())
    return nullptr;
  const Stmt *Site = firstAllocation(DefMD, 2, S.FirstUse);
  ReallocationFirst R{Site, DefMD->getParamDecl(I)};
  Cache[{MD, I}] = R;
  return Site ? &Cache[{MD, I}] : nullptr;
}

} // namespace pincheck
