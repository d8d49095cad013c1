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
  using Map = llvm::DenseMap<const FunctionDecl *, CallSiteIndex::Site>;
  Walker(const SourceManager &SM, Map &First, Map &FirstInLibrary)
      : SM(SM), First(First), FirstInLibrary(FirstInLibrary) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  // Declarations spelled in a system header are the library's code: their
  // calls go to FirstInLibrary.
  bool TraverseDecl(Decl *D) {
    bool OuterLibrary = Library;
    if (D && !isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl>(D) &&
        D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      Library = true;
    const FunctionDecl *Outer = In;
    if (auto *FD = dyn_cast_or_null<FunctionDecl>(D))
      In = FD;
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    In = Outer;
    Library = OuterLibrary;
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
    if (Library) {
      FirstInLibrary.try_emplace(Callee->getCanonicalDecl(), CallSiteIndex::Site{E, In});
      return;
    }
    bool Written = !In->isImplicit() && !In->isDefaulted();
    auto [It, New] = First.try_emplace(Callee->getCanonicalDecl(), CallSiteIndex::Site{E, In});
    if (!New && Written && (It->second.In->isImplicit() || It->second.In->isDefaulted()))
      It->second = CallSiteIndex::Site{E, In};
  }
  const SourceManager &SM;
  Map &First, &FirstInLibrary;
  const FunctionDecl *In = nullptr;
  bool Library = false;
};
} // namespace

void CallSiteIndex::build() {
  Built = true;
  Walker W(Ctx.getSourceManager(), First, FirstInLibrary);
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

CallSiteIndex::Site CallSiteIndex::userEntry(const FunctionDecl *FD,
                                             const FunctionDecl **Entry) {
  if (!FD)
    return {};
  if (!Built)
    build();
  const FunctionDecl *Callee = FD->getCanonicalDecl();
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    auto It = FirstInLibrary.find(Callee);
    if (It == FirstInLibrary.end() || !It->second.In)
      return {};
    Callee = It->second.In->getCanonicalDecl();
    if (auto User = First.find(Callee); User != First.end()) {
      if (Entry)
        *Entry = Callee;
      return User->second;
    }
  }
  return {};
}

} // namespace pincheck
