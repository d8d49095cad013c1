#include "facts/Summaries.h"
#include "facts/Collector.h"
#include "facts/Places.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {
namespace {

// What paramNamed returns for *this.
constexpr int ObjectIndex = -2;
unsigned paramIndex(int I) { return I == ObjectIndex ? ObjectParam : unsigned(I); }

// The reference parameter of FD that E names, or a part of (member,
// element); or the pointer parameter whose object E names (`*p`, `p->m`), or
// that E is when IsPointer. -1 if none.
int paramNamed(const Expr *E, const FunctionDecl *FD, bool WholeOnly, bool IsPointer) {
  auto Param = [&](const Expr *X, bool Pointer) {
    const auto *DRE = dyn_cast<DeclRefExpr>(stripMoveCasts(X)->IgnoreParenImpCasts());
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!P || P->getDeclContext() != FD ||
        !(Pointer ? P->getType()->isPointerType() : P->getType()->isReferenceType()))
      return -1;
    return int(P->getFunctionScopeIndex());
  };
  // *this of a member function: `this`, `*this`, and for parts `this->m`
  // (a member array decays to a pointer into the object).
  auto IsThis = [](const Expr *X) { return isa<CXXThisExpr>(X->IgnoreParenImpCasts()); };
  auto Object = [&](const Expr *X) -> int {
    for (X = X->IgnoreParenImpCasts(); !WholeOnly;) {
      const auto *ME = dyn_cast<MemberExpr>(X);
      if (!ME)
        break;
      if (ME->isArrow())
        return IsThis(ME->getBase()) ? ObjectIndex : -1;
      X = ME->getBase()->IgnoreParenImpCasts();
    }
    return -1;
  };
  if (IsPointer) {
    const Expr *P = stripPointerCasts(E);
    if (isa<CXXThisExpr>(P))
      return ObjectIndex;
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(P);
        IC && IC->getCastKind() == CK_ArrayToPointerDecay)
      return Object(IC->getSubExpr());
    const Expr *Obj = namedObject(E, true); // `&x` names x
    if (Obj && !Obj->getType()->isPointerType())
      return paramNamed(Obj, FD, WholeOnly, false);
    return Param(E, true);
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(stripMoveCasts(E)->IgnoreParenImpCasts());
      UO && UO->getOpcode() == UO_Deref && IsThis(UO->getSubExpr()))
    return ObjectIndex;
  if (int I = Object(stripMoveCasts(E)); I != -1)
    return I;
  while (E) {
    E = stripMoveCasts(E)->IgnoreParenImpCasts();
    if (isa<DeclRefExpr>(E))
      return Param(E, false);
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref)
      return Param(UO->getSubExpr(), true);
    if (WholeOnly)
      return -1;
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return Param(ME->getBase(), true);
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else {
      return -1;
    }
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
  const auto *MD = dyn_cast<CXXMethodDecl>(Def);
  bool OnObject = MD && !MD->isStatic() && !MD->getParent()->isLambda() &&
                  Types.isAddressSensitive(Types.context().getCanonicalTagType(MD->getParent()));
  if (!OnObject && llvm::none_of(Def->parameters(),
                    [&](const ParmVarDecl *P) {
                      return (P->getType()->isReferenceType() ||
                              P->getType()->isPointerType()) &&
                             summaryMatters(P->getType(), Types);
                    }))
    return nullptr;

  FunctionFacts F = collectFacts(Def, Def->getBody(), Types, Escapes, this);
  auto S = std::make_unique<FunctionSummary>();
  // Index NumParams: the object.
  llvm::SmallVector<bool, 4> Pinned(Def->getNumParams() + 1, false);
  auto Slot = [&](int I) { return I == ObjectIndex ? Def->getNumParams() : unsigned(I); };
  for (const PinEvent &Ev : F.Pins) {
    if (Ev.Cause == PinCause::OnEntry) // the declaration says it already
      continue;
    int I = Ev.Target ? paramNamed(Ev.Target, Def, /*WholeOnly=*/false, Ev.IsPointer) : -1;
    if (I == -1 || Pinned[Slot(I)])
      continue;
    Pinned[Slot(I)] = true;
    S->Pins.push_back({paramIndex(I), Ev});
  }
  for (const Operation &Op : F.Ops)
    for (const Operand &O : Op.Operands) {
      if (O.Element)
        continue;
      int I = paramNamed(O.E, Def, /*WholeOnly=*/!O.IsPointer, O.IsPointer);
      if (I == -1 || llvm::any_of(S->Relocations, [&](const ParamRelocation &R) {
            return R.Param == paramIndex(I) && R.Op.Family == Op.Family;
          }))
        continue;
      ParamRelocation R{paramIndex(I), Op};
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
