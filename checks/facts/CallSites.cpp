// CallSites.cpp - the first call of each function (CallSites.h).
#include "facts/CallSites.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {

namespace {
class Walker : public RecursiveASTVisitor<Walker> {
public:
  Walker(const SourceManager &SM,
         llvm::DenseMap<const FunctionDecl *, CallSiteIndex::Site> &First)
      : SM(SM), First(First) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  // Declarations spelled in a system header are not the user's code.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl>(D) &&
        D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    const FunctionDecl *Outer = In;
    if (auto *FD = dyn_cast_or_null<FunctionDecl>(D))
      In = FD;
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    In = Outer;
    return Result;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    note(E->getConstructor(), E);
    return true;
  }
  bool VisitCallExpr(CallExpr *E) {
    note(E->getDirectCallee(), E);
    return true;
  }

private:
  // A call in code the user wrote is preferred to one in an implicit or
  // defaulted member's body (which the walk meets first: the class comes
  // before the functions that use it).
  void note(const FunctionDecl *Callee, const Expr *E) {
    if (!Callee || !In)
      return;
    bool Written = !In->isImplicit() && !In->isDefaulted();
    auto [It, New] = First.try_emplace(Callee->getCanonicalDecl(), CallSiteIndex::Site{E, In});
    if (!New && Written && (It->second.In->isImplicit() || It->second.In->isDefaulted()))
      It->second = CallSiteIndex::Site{E, In};
  }
  const SourceManager &SM;
  llvm::DenseMap<const FunctionDecl *, CallSiteIndex::Site> &First;
  const FunctionDecl *In = nullptr;
};
} // namespace

void CallSiteIndex::build() {
  Built = true;
  Walker W(Ctx.getSourceManager(), First);
  W.TraverseDecl(Ctx.getTranslationUnitDecl());
}

CallSiteIndex::Site CallSiteIndex::firstCall(const FunctionDecl *FD) {
  if (!FD)
    return {};
  if (!Built)
    build();
  auto It = First.find(FD->getCanonicalDecl());
  return It == First.end() ? Site{} : It->second;
}

} // namespace pincheck
