// IndexEntries.cpp - a definition's summary and escape as index data.
#include "explain/IndexEntries.h"
#include "explain/Explain.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {

static IndexedSite siteOf(const SourceManager &SM, SourceLocation Loc) {
  Loc = SM.getExpansionLoc(Loc);
  return {SM.getExpansionLineNumber(Loc), SM.getExpansionColumnNumber(Loc)};
}

// A container rooted at the parameter (or object) as member names; false if
// a step is not a member (a map's value by key cannot be named in another
// translation unit).
static bool memberNames(const ContainerRef &C, std::vector<std::string> &Out) {
  for (const ContainerRef::Step &S : C.Steps) {
    if (!S.Field || !S.Field->getIdentifier())
      return false;
    Out.push_back(S.Field->getName().str());
  }
  return true;
}

std::optional<IndexedFunction> indexEntry(const FunctionDecl *FD, TypeModel &Types,
                                          SummaryModel &Summaries) {
  const SourceManager &SM = Types.context().getSourceManager();
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
      FD->isInvalidDecl() || !FD->isExternallyVisible() || FD->isTemplateInstantiation() ||
      !SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
    return std::nullopt;
  OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!File)
    return std::nullopt;
  IndexedFunction E;
  E.Usr = usrOf(FD);
  if (E.Usr.empty())
    return std::nullopt;
  E.Name = FD->getQualifiedNameAsString();
  llvm::SmallString<256> Path(File->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  E.File = std::string(Path);
  E.Params = FD->getNumParams();
  if (const auto *C = dyn_cast<CXXConstructorDecl>(FD); C && !C->isCopyOrMoveConstructor())
    if (const ThisEscape *Esc = Types.escapes().escape(C); Esc && Esc->Where) {
      IndexedEscape X;
      X.Site = siteOf(SM, Esc->Where->getBeginLoc());
      if (Esc->Callee)
        X.Callee = Esc->Callee->getQualifiedNameAsString();
      if (Esc->Field)
        X.Field = Esc->Field->getNameAsString();
      E.Escape = X;
    }
  // A self-reference the constructor makes in its own class's members (one
  // a base class's constructor makes is that constructor's entry).
  if (const auto *C = dyn_cast<CXXConstructorDecl>(FD); C && !C->isCopyOrMoveConstructor())
    if (const SelfReference *S = Types.selfReferences().madeBy(C);
        S && S->Member && S->Member->getParent() == C->getParent() &&
        (!S->Into || S->Into->getParent() == C->getParent()) && S->Member->getIdentifier()) {
      IndexedSelfReference X;
      X.Site = siteOf(SM, S->Where ? S->Where->getBeginLoc() : FD->getLocation());
      X.Member = S->Member->getName().str();
      X.Into = S->Into ? S->Into->getName().str() : "";
      X.Conditional = S->Conditional;
      E.SelfReference = X;
    }
  if (const FunctionSummary *S = Summaries.summary(FD)) {
    for (const ParamPin &P : S->Pins) {
      const PinEvent &Ev = P.Event;
      SourceLocation Loc = Ev.Site ? Ev.Site->getBeginLoc() : FD->getLocation();
      E.Pins.push_back(
          {P.Param, siteOf(SM, Loc), Explainer::howPinned(Ev), namesWholeObject(P.Path)});
    }
    for (const ParamRelocation &R : S->Relocations) {
      const Operation &Op = R.Op;
      const Expr *At = Op.Operands.empty() || !Op.Operands[0].E ? Op.Site : Op.Operands[0].E;
      E.Relocations.push_back({R.Param, Op.Family, roleName(Op.Operands[0].Role),
                               siteOf(SM, At ? At->getBeginLoc() : FD->getLocation())});
    }
    for (const ParamGrowth &G : S->Growths) {
      IndexedGrowth X;
      X.Param = G.Param;
      X.Method = G.Growth.Method;
      if (!memberNames(G.Container, X.Members))
        continue;
      X.Site = siteOf(SM, G.Growth.Site ? G.Growth.Site->getBeginLoc() : FD->getLocation());
      E.Growths.push_back(std::move(X));
    }
    for (const ParamBorrow &B : S->Borrows) {
      IndexedBorrow X;
      X.Param = B.Param;
      X.Whole = B.Whole;
      if (memberNames(B.Container, X.Members))
        E.Borrows.push_back(std::move(X));
    }
  }
  if (E.empty())
    return std::nullopt;
  return E;
}

} // namespace pincheck
