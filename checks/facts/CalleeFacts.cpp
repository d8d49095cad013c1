// CalleeFacts.cpp - a call of a function with a summary pins, relocates and
// grows its arguments as the callee's body does (facts/Summary.h): the
// events are recorded at the call, each pointing to the one inside.
#include "facts/FactsBuilder.h"
#include "facts/Places.h"
#include "catalog/ContainerCalls.h"
#include "model/Annotations.h"

using namespace clang;

namespace pincheck {

// A callee's container (Inner, rooted at a parameter or its object) as the
// caller names it: Base (what the call passes) with Inner's steps, a key
// that is one of the callee's parameters replaced by the argument's (a
// variable or a literal; otherwise it cannot be named, and the ref is
// empty).
static ContainerRef atCall(const ContainerRef &Base, const ContainerRef &Inner,
                           const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args) {
  ContainerRef C = Base.extended(Inner);
  for (ContainerRef::Step &S : C.Steps) {
    const auto *P = dyn_cast_or_null<ParmVarDecl>(S.KeyVar);
    if (!P || P->getDeclContext() != Callee)
      continue;
    unsigned I = P->getFunctionScopeIndex();
    ContainerRef::Step Key;
    if (I >= Args.size() || !keyOf(Args[I], Key))
      return {};
    S.KeyVar = Key.KeyVar;
    S.KeyText = Key.KeyText;
  }
  return C;
}


CallParts::CallParts(const Expr *E) {
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    Callee = CE->getDirectCallee();
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      Object = MC->getImplicitObjectArgument();
    if (isa<CXXOperatorCallExpr>(CE) && isa_and_nonnull<CXXMethodDecl>(Callee) &&
        !Args.empty()) {
      Object = Args.front();
      Args = Args.drop_front();
    }
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    Callee = CE->getConstructor();
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
  }
}

const Expr *CallParts::arg(unsigned I) const {
  return I == ObjectParam ? Object : I < Args.size() ? Args[I] : nullptr;
}

bool CallParts::byPointer(unsigned I) const {
  return I == ObjectParam ? Object->getType()->isPointerType()
                          : Callee->getParamDecl(I)->getType()->isPointerType();
}

QualType CallParts::objectType() const {
  if (!Object)
    return QualType();
  QualType T = Object->getType();
  return T->isPointerType() ? T->getPointeeType() : T;
}

// A call of a function with a summary pins and relocates its arguments as
// its body does. Looked up only when an argument of an address-sensitive
// type is bound to a reference parameter.
void FactsBuilder::applySummary(const Expr *E) {
  if (!Summaries || CoReturnCalls.count(E))
    return;
  CallParts C(E);
  const FunctionDecl *Callee = C.Callee;
  llvm::ArrayRef<const Expr *> Args = C.Args;
  // Copies and moves of the type itself are the catalog's; what an
  // address-aware function (a swap) does inside is its author's repair.
  if (!Callee || isCopyOrMoveMember(Callee) || functionHas(Callee, Annotation::AddressAware))
    return;
  bool Candidate = false;
  ContainerModel &M = Types.containers();
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
    Candidate |= (Callee->getParamDecl(I)->getType()->isReferenceType() || C.byPointer(I)) &&
                 (summaryMatters(stripMoveCasts(Args[I])->getType(), Types) ||
                  M.reachesContainers(Callee->getParamDecl(I)->getType()));
  if (QualType T = C.objectType(); !T.isNull())
    Candidate |= Types.isAddressSensitive(T) || M.reachesContainers(T);
  if (!Candidate)
    return;
  const FunctionSummary *S = Summaries->summary(Callee);
  if (!S)
    return;
  for (const ParamPin &P : S->Pins) {
    if (!C.arg(P.Param))
      continue;
    const NamedDecl *Via = P.Param == ObjectParam
                               ? static_cast<const NamedDecl *>(Callee)
                               : Callee->getParamDecl(P.Param);
    PinEvent Ev{E, C.arg(P.Param), C.byPointer(P.Param), PinCause::ByCallee, Via, Callee};
    Ev.Inner = &P.Event;
    Ev.InnerPath = &P.Path;
    F.Pins.push_back(Ev);
  }
  for (const ParamGrowth &PG : S->Growths) {
    const Expr *A = C.arg(PG.Param);
    ContainerRef Base = A ? objectAt(M, A, C.byPointer(PG.Param)) : ContainerRef();
    ContainerRef In = Base ? atCall(Base, PG.Container, Callee, Args) : ContainerRef();
    if (!In)
      continue;
    ContainerGrowth G{E, std::move(In), Callee->getNameAsString()};
    G.Inner = &PG.Growth;
    G.InnerFunction = Callee;
    F.Growths.push_back(std::move(G));
  }
  for (const ParamRelocation &R : S->Relocations) {
    if (!C.arg(R.Param))
      continue;
    Operation Op;
    Op.Family = R.Op.Family;
    Op.Site = E;
    Op.Callee = Callee->getNameAsString();
    Operand O{C.arg(R.Param), C.byPointer(R.Param), R.Op.Operands[0].Role};
    if (!keepOperand(O))
      continue;
    Op.Operands.push_back(O);
    Op.Inner = &R.Op;
    Op.InnerPath = &R.Path;
    Op.InnerFunction = Callee;
    if (mayTouchSensitive(Op))
      addOperation(E, std::move(Op));
  }
}

ContainerRef FactsBuilder::returnedBorrow(const Expr *E, bool AllowWhole) {
  if (!E || !Summaries)
    return {};
  // Through the copies that keep the borrow: a view or iterator copied or
  // converted, a temporary materialised.
  const Expr *V = E;
  for (int I = 0; I < 4; ++I) {
    V = V->IgnoreImplicit()->IgnoreParens();
    const auto *CE = dyn_cast<CXXConstructExpr>(V);
    if (!CE || CE->getNumArgs() != 1 || isa<CXXTemporaryObjectExpr>(CE))
      break;
    V = CE->getArg(0);
  }
  const auto *Call = dyn_cast<CallExpr>(V->IgnoreImplicit()->IgnoreParens());
  if (!Call)
    return {};
  CallParts C(Call);
  const FunctionDecl *Callee = C.Callee;
  if (!Callee || isCopyOrMoveMember(Callee))
    return {};
  QualType RT = Callee->getReturnType();
  if (!RT->isReferenceType() && !RT->isPointerType() && !RT->isRecordType())
    return {};
  ContainerModel &M = Types.containers();
  // Only a call on (or with) something that holds a container can return
  // a borrow of one.
  bool Candidate = !C.objectType().isNull() && M.reachesContainers(C.objectType());
  for (unsigned I = 0; I < C.Args.size() && I < Callee->getNumParams() && !Candidate; ++I)
    Candidate |= M.reachesContainers(Callee->getParamDecl(I)->getType());
  if (!Candidate)
    return {};
  const FunctionSummary *S = Summaries->summary(Callee);
  if (!S)
    return {};
  for (const ParamBorrow &PB : S->Borrows) {
    if (PB.Whole && !AllowWhole)
      continue;
    const Expr *A = C.arg(PB.Param);
    if (!A)
      continue;
    if (ContainerRef Base = objectAt(M, A, C.byPointer(PB.Param)))
      if (ContainerRef In = atCall(Base, PB.Container, Callee, C.Args))
        return In;
  }
  return {};
}

} // namespace pincheck
