// CalleeFacts.cpp - a call of a function with a summary pins, relocates and
// grows its arguments as the callee's body does (facts/Summary.h): the
// events are recorded at the call, each pointing to the one inside.
#include "facts/FactsBuilder.h"
#include "facts/Places.h"
#include "catalog/ContainerCalls.h"

using namespace clang;

namespace pincheck {

// A call of a function with a summary pins and relocates its arguments as
// its body does. Looked up only when an argument of an address-sensitive
// type is bound to a reference parameter.
void FactsBuilder::applySummary(const Expr *E) {
  if (!Summaries || CoReturnCalls.count(E))
    return;
  const FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  const Expr *Object = nullptr; // what a member function is called on
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
  // Copies and moves of the type itself are the catalog's.
  if (!Callee || isCopyOrMoveMember(Callee))
    return;
  bool Candidate = false;
  // The argument for parameter I (ObjectParam: the object), and whether
  // it is a pointer to what the callee sees.
  auto Arg = [&](unsigned I) -> const Expr * {
    return I == ObjectParam ? Object : I < Args.size() ? Args[I] : nullptr;
  };
  auto ByPointer = [&](unsigned I) {
    return I == ObjectParam ? Object->getType()->isPointerType()
                            : Callee->getParamDecl(I)->getType()->isPointerType();
  };
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
    Candidate |= (Callee->getParamDecl(I)->getType()->isReferenceType() || ByPointer(I)) &&
                 summaryMatters(stripMoveCasts(Args[I])->getType(), Types);
  if (Object) {
    QualType T = Object->getType();
    Candidate |= Types.isAddressSensitive(T->isPointerType() ? T->getPointeeType() : T);
  }
  if (!Candidate)
    return;
  const FunctionSummary *S = Summaries->summary(Callee);
  if (!S)
    return;
  for (const ParamPin &P : S->Pins) {
    if (!Arg(P.Param))
      continue;
    const NamedDecl *Via = P.Param == ObjectParam
                               ? static_cast<const NamedDecl *>(Callee)
                               : Callee->getParamDecl(P.Param);
    PinEvent Ev{E, Arg(P.Param), ByPointer(P.Param), PinCause::ByCallee, Via, Callee};
    Ev.Inner = &P.Event;
    Ev.InnerPath = &P.Path;
    F.Pins.push_back(Ev);
  }
  for (const ParamGrowth &PG : S->Growths)
    if (PG.Param < Args.size())
      if (const VarDecl *C = containerVariable(Types.containers(), Args[PG.Param])) {
        ContainerGrowth G{E, C, Callee->getNameAsString()};
        G.Inner = &PG.Growth;
        G.InnerFunction = Callee;
        F.Growths.push_back(G);
      }
  for (const ParamRelocation &R : S->Relocations) {
    if (!Arg(R.Param))
      continue;
    Operation Op;
    Op.Family = R.Op.Family;
    Op.Site = E;
    Op.Callee = Callee->getNameAsString();
    Operand O{Arg(R.Param), ByPointer(R.Param), R.Op.Operands[0].Role};
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

} // namespace pincheck
