// CallSites.cpp - the first call of each function (CallSites.h).
#include "facts/CallSites.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {

namespace {
class Walker : public RecursiveASTVisitor<Walker> {
public:
  using Map = llvm::DenseMap<const FunctionDecl *, CallSiteIndex::Site>;
  /// Into (First, or FirstInLibrary with InLibrary) the calls of the user's
  /// code, or of the library's.
  Walker(const SourceManager &SM, Map &Into, bool InLibrary)
      : SM(SM), Into(Into), InLibrary(InLibrary) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  // Declarations spelled in a system header are the library's code: the
  // user's walk skips them.
  bool TraverseDecl(Decl *D) {
    bool OuterLibrary = Library;
    if (D && !isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl>(D) &&
        D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()))) {
      if (!InLibrary)
        return true;
      // Only instantiations can call the user's code: a template's pattern
      // (dependent) is not walked, which is most of a library.
      if (const auto *DC = dyn_cast<DeclContext>(D); DC && DC->isDependentContext())
        return true;
      // Nor an instantiation for the library's own types only.
      if (!forUserType(D))
        return true;
      Library = true;
    }
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
  // Whether a type names a class of the user's (not a system header's),
  // directly or as a template argument (std::vector<Node>, Node *).
  bool userType(QualType T, unsigned Depth = 0) {
    if (T.isNull() || Depth > 4)
      return false;
    T = T.getCanonicalType();
    while (T->isPointerType() || T->isReferenceType() || T->isArrayType())
      T = T->isArrayType() ? QualType(T->getArrayElementTypeNoTypeQual(), 0)
                           : T->getPointeeType();
    const auto *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return false;
    if (!SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())))
      return true;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    return Spec && userArgs(Spec->getTemplateArgs().asArray(), Depth + 1);
  }
  bool userArgs(llvm::ArrayRef<TemplateArgument> Args, unsigned Depth) {
    for (const TemplateArgument &A : Args)
      if ((A.getKind() == TemplateArgument::Type && userType(A.getAsType(), Depth)) ||
          (A.getKind() == TemplateArgument::Pack && userArgs(A.pack_elements(), Depth)))
        return true;
    return false;
  }
  // A library declaration instantiated for a user's type: a class template
  // specialization, or a function template specialization or member of one
  // whose arguments name one. Other library code cannot call the user's
  // members.
  bool forUserType(const Decl *D) {
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
      return userArgs(Spec->getTemplateArgs().asArray(), 0);
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
          Args && userArgs(Args->asArray(), 0))
        return true;
      for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent())
        if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(DC))
          if (userArgs(Spec->getTemplateArgs().asArray(), 0))
            return true;
      return false;
    }
    // Namespaces, templates (their instantiations are walked), other
    // classes: look inside.
    return true;
  }

  // A call in code the user wrote is preferred to one in an implicit or
  // defaulted member's body (which the walk meets first: the class comes
  // before the functions that use it).
  void note(const FunctionDecl *Callee, const Expr *E) {
    if (!Callee || !In || Library != InLibrary)
      return;
    if (InLibrary) {
      Into.try_emplace(Callee->getCanonicalDecl(), CallSiteIndex::Site{E, In});
      return;
    }
    bool Written = !In->isImplicit() && !In->isDefaulted();
    auto [It, New] = Into.try_emplace(Callee->getCanonicalDecl(), CallSiteIndex::Site{E, In});
    if (!New && Written && (It->second.In->isImplicit() || It->second.In->isDefaulted()))
      It->second = CallSiteIndex::Site{E, In};
  }
  const SourceManager &SM;
  Map &Into;
  bool InLibrary;
  const FunctionDecl *In = nullptr;
  bool Library = false;
};
} // namespace

void CallSiteIndex::build() {
  Built = true;
  Walker W(Ctx.getSourceManager(), First, /*InLibrary=*/false);
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
  // The library's code is walked only when a question needs it.
  if (!BuiltLibrary) {
    BuiltLibrary = true;
    Walker W(Ctx.getSourceManager(), FirstInLibrary, /*InLibrary=*/true);
    W.TraverseDecl(Ctx.getTranslationUnitDecl());
  }
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
