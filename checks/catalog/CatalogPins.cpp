// CatalogPins.cpp - the events that pin an object (docs/model.md "When an instance is pinned"): taking its
// address (&x, std::addressof, __builtin_addressof), binding it to a
// PIN_PINS parameter (or one Clang's lifetime attributes say keeps it) or
// passing it to pin::mark_pinned, calling a
// PIN_PINS_THIS member function on it, and capturing it by reference in a
// lambda that escapes (stored, passed to a function that may keep it, or
// returned).
#include "catalog/CatalogInternal.h"
#include "model/Annotations.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

// The lambda E is, or the one a local closure variable E names was
// initialised with (`auto l = [&n] {...}; std::function<void()> f = l;`).
static const LambdaExpr *asLambda(const Expr *E) {
  if (!E)
    return nullptr;
  E = stripMoveCasts(E)->IgnoreImplicit()->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
        V && V->isLocalVarDecl() && !V->getType()->isReferenceType() && V->getInit())
      E = V->getInit()->IgnoreImplicit()->IgnoreParens();
  return dyn_cast<LambdaExpr>(E);
}

// The pins of a lambda that escapes into Into at Site (stored, or passed to
// a function that may keep it): every variable it captures by reference.
static void escapingLambdaPins(const LambdaExpr *L, const Expr *Site, const FunctionDecl *Into,
                               llvm::SmallVectorImpl<PinEvent> &Out) {
  auto Init = L->capture_init_begin();
  for (const LambdaCapture &C : L->captures()) {
    const Expr *E = *Init++;
    if (!E || !C.capturesVariable())
      continue;
    // [&x], [&] and [&r = x] hold the address of what they capture.
    const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
    bool ByRef = C.getCaptureKind() == LCK_ByRef ||
                 (L->isInitCapture(&C) && V && V->getType()->isReferenceType());
    if (!ByRef)
      continue;
    if (L->isInitCapture(&C) && V && V->getInit())
      E = V->getInit();
    Out.push_back({Site, E, false, PinCause::CapturedByRef, V, Into});
  }
}

// Whether a lambda bound to parameter I of Callee may outlive the call: a
// by-value parameter of a user function (it may store it), the constructor
// or assignment of a std::function-like wrapper or std::thread, std::bind and
// std::async, a constructor of a user class. Algorithms and other standard
// functions only call it; a reference parameter only borrows it.
static bool keepsCallable(const FunctionDecl *Callee, unsigned I) {
  if (!Callee || I >= Callee->getNumParams())
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee)) {
    if (isa<CXXConstructorDecl>(MD) || MD->getOverloadedOperator() == OO_Equal)
      return MD->getParent()->isInStdNamespace() ? keepsCallableCopy(MD->getParent())
                                                 : isa<CXXConstructorDecl>(MD);
    if (MD->getParent()->isInStdNamespace())
      return false;
  } else if (isStd(Callee)) {
    return llvm::StringSwitch<bool>(nameOf(Callee))
        .Cases({"bind", "bind_front", "bind_back", "async"}, true)
        .Default(false);
  }
  return !Callee->getParamDecl(I)->getType()->isReferenceType();
}

// Arguments bound to pinning parameters of Callee, and lambdas it keeps.
static void pinsFromParams(const FunctionDecl *Callee, const Expr *Site,
                           llvm::ArrayRef<const Expr *> Args, const ListedNames &Listed,
                           llvm::SmallVectorImpl<PinEvent> &Out) {
  if (!Callee)
    return;
  bool ListedPinning = Listed.pinningFunction(Callee);
  bool ParamAttrs = anyParamAttrs(Callee);
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    if (const LambdaExpr *L = asLambda(Args[I]))
      if (keepsCallable(Callee, I))
        escapingLambdaPins(L, stripMoveCasts(Args[I])->IgnoreImplicit()->IgnoreParens(),
                           Callee, Out);
    if (!ParamAttrs && !ListedPinning)
      continue;
    bool Mark = ParamAttrs && paramHas(Callee, I, Annotation::MarkPinned);
    bool Pins = Mark || (ParamAttrs && paramHas(Callee, I, Annotation::Pins));
    if (!Pins && !ListedPinning && !(ParamAttrs && keepsArgument(Callee, I)))
      continue;
    const ParmVarDecl *P = Callee->getParamDecl(I);
    QualType T = P->getType();
    if (!T->isReferenceType() && !T->isPointerType())
      continue; // by value: nothing of the argument is pinned
    Out.push_back({Site, Args[I], T->isPointerType(),
                   Mark            ? PinCause::MarkPinned
                   : Pins          ? PinCause::PinsParam
                   : ListedPinning ? PinCause::PinsListed
                                   : PinCause::KeptByAttribute,
                   P, Callee});
  }
}

void returnedLambdaPins(const Expr *Value, llvm::SmallVectorImpl<PinEvent> &Out) {
  if (const LambdaExpr *L = asLambda(Value))
    escapingLambdaPins(L, stripMoveCasts(Value)->IgnoreImplicit()->IgnoreParens(), nullptr,
                       Out);
}

void classifyPins(const Expr *E, ASTContext &Ctx, const ListedNames &Listed,
                  llvm::SmallVectorImpl<PinEvent> &Out) {
  if (!E || E->containsErrors())
    return;
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      Out.push_back({UO, UO->getSubExpr(), false, PinCause::AddressOf});
    return;
  }
  if (const auto *Ctor = dyn_cast<CXXConstructExpr>(E)) {
    llvm::SmallVector<const Expr *, 4> Args(Ctor->arguments());
    pinsFromParams(Ctor->getConstructor(), E, Args, Listed, Out);
    return;
  }
  const auto *CE = dyn_cast<CallExpr>(E);
  if (!CE)
    return;
  bool Builtin = false;
  if (const Expr *Arg = addressofArgument(CE, &Builtin)) {
    Out.push_back({CE, Arg, false,
                   Builtin ? PinCause::BuiltinAddressof : PinCause::StdAddressof});
    return;
  }
  const FunctionDecl *FD = CE->getDirectCallee();
  llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && functionHas(MD, Annotation::PinsThis))
      if (const Expr *Obj = MC->getImplicitObjectArgument())
        Out.push_back({CE, Obj, Obj->getType()->isPointerType(),
                       PinCause::PinsThis, MD, MD});
    pinsFromParams(FD, CE, Args, Listed, Out);
    return;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
        MD && !MD->isStatic() && OC->getNumArgs() >= 1) {
      if (functionHas(MD, Annotation::PinsThis))
        Out.push_back({CE, OC->getArg(0), false, PinCause::PinsThis, MD, MD});
      pinsFromParams(FD, CE, llvm::ArrayRef(Args).drop_front(), Listed, Out);
      return;
    }
  }
  pinsFromParams(FD, CE, Args, Listed, Out);
}

} // namespace pincheck
