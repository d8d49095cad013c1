#include "Summaries.h"
#include "FunctionFacts.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {
namespace {

// The parameter of FD that E names, or a part of (member, element), or -1.
int paramNamed(const Expr *E, const FunctionDecl *FD, bool WholeOnly) {
  while (E) {
    E = stripMoveCasts(E)->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
      if (!P || P->getDeclContext() != FD || !P->getType()->isReferenceType())
        return -1;
      return P->getFunctionScopeIndex();
    }
    if (WholeOnly)
      return -1;
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow())
      E = ME->getBase();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      E = AS->getBase();
    else
      return -1;
  }
  return -1;
}

} // namespace

const FunctionSummary *SummaryModel::summary(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Def->isDependentContext() || Def->isInvalidDecl())
    return nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def); MD && MD->isVirtual())
    return nullptr;
  auto [It, New] = Cache.try_emplace(Def);
  if (!New)
    return It->second.get();
  // The entry stays null while computing: a recursive call has no summary.
  std::unique_ptr<FunctionSummary> S = compute(Def);
  auto &Slot = Cache[Def];
  Slot = std::move(S);
  return Slot.get();
}

std::unique_ptr<FunctionSummary> SummaryModel::compute(const FunctionDecl *Def) {
  const SourceManager &SM = Types.context().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
    return nullptr;
  if (llvm::none_of(Def->parameters(), [&](const ParmVarDecl *P) {
        return P->getType()->isReferenceType() && summaryMatters(P->getType(), Types);
      }))
    return nullptr;

  FunctionFacts F = collectFacts(Def, Def->getBody(), Types, Escapes, this);
  auto S = std::make_unique<FunctionSummary>();
  llvm::SmallVector<bool, 4> Pinned(Def->getNumParams(), false);
  for (const PinEvent &Ev : F.Pins) {
    int I = paramNamed(namedObject(Ev.Target, Ev.IsPointer), Def, /*WholeOnly=*/false);
    if (I < 0 || Pinned[I])
      continue;
    Pinned[I] = true;
    S->Pins.push_back({unsigned(I), Ev});
  }
  for (const Operation &Op : F.Ops)
    for (const Operand &O : Op.Operands) {
      if (O.IsPointer || O.Element)
        continue;
      int I = paramNamed(O.E, Def, /*WholeOnly=*/true);
      if (I < 0 || llvm::any_of(S->Relocations, [&](const ParamRelocation &R) {
            return R.Param == unsigned(I) && R.Op.Family == Op.Family;
          }))
        continue;
      ParamRelocation R{unsigned(I), Op};
      R.Op.Operands = {O};
      S->Relocations.push_back(std::move(R));
    }
  for (const ContainerGrowth &G : F.Growths) {
    const auto *P = dyn_cast<ParmVarDecl>(G.Container);
    if (!P || P->getDeclContext() != Def || !P->getType()->isReferenceType() ||
        llvm::any_of(S->Growths, [&](const ParamGrowth &PG) {
          return PG.Param == P->getFunctionScopeIndex();
        }))
      continue;
    S->Growths.push_back({P->getFunctionScopeIndex(), G});
  }
  if (S->Pins.empty() && S->Relocations.empty() && S->Growths.empty())
    return nullptr;
  return S;
}

} // namespace pincheck
