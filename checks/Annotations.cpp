#include "Annotations.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

static StringRef annotationString(const AnnotateAttr *A) {
  if (A->args_size() == 0)
    return "";
  const Expr *E = *A->args_begin();
  // Sema may wrap the literal in a ConstantExpr or an array decay.
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<ConstantExpr>(E)) {
      E = CE->getSubExpr();
      continue;
    }
    break;
  }
  if (const auto *SL = dyn_cast<StringLiteral>(E))
    if (SL->isOrdinary() || SL->isUTF8())
      return SL->getString();
  return "";
}

static Annotation kindOf(StringRef S) {
  return llvm::StringSwitch<Annotation>(S)
      .Case("address_sensitive", Annotation::AddressSensitive)
      .Case("unpin", Annotation::Unpin)
      .Case("pins_this", Annotation::PinsThis)
      .Case("pins", Annotation::Pins)
      .Case("address_aware", Annotation::AddressAware)
      .Case("marker", Annotation::Marker)
      .Case("mark_pinned", Annotation::MarkPinned)
      .Default(Annotation::Unknown);
}

llvm::SmallVector<FoundAnnotation, 2> pinAnnotations(const Decl *D) {
  llvm::SmallVector<FoundAnnotation, 2> Out;
  if (!D || !D->hasAttrs())
    return Out;
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    if (A->getAnnotation() != "pin")
      continue;
    StringRef S = annotationString(A);
    Out.push_back({kindOf(S), S, A});
  }
  return Out;
}

bool hasAnnotation(const Decl *D, Annotation K) {
  return llvm::any_of(pinAnnotations(D),
                      [K](const FoundAnnotation &A) { return A.Kind == K; });
}

StringRef macroName(Annotation K) {
  switch (K) {
  case Annotation::AddressSensitive:
    return "PIN_ADDRESS_SENSITIVE";
  case Annotation::Unpin:
    return "PIN_UNPIN";
  case Annotation::PinsThis:
    return "PIN_PINS_THIS";
  case Annotation::Pins:
    return "PIN_PINS";
  case Annotation::AddressAware:
    return "PIN_ADDRESS_AWARE";
  case Annotation::Marker:
    return "pin::phantom_pinned";
  case Annotation::MarkPinned:
    return "pin::mark_pinned";
  case Annotation::Unknown:
    break;
  }
  return "";
}

// Pred holds for some redeclaration of FD or of the template pattern it was
// instantiated from (an instantiation carries its pattern's attributes, but
// a call may bind to a declaration the annotation is not written on).
template <class Pred>
static bool anyRedeclaration(const FunctionDecl *FD, Pred P) {
  if (!FD)
    return false;
  for (const FunctionDecl *R : FD->redecls())
    if (P(R))
      return true;
  const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  if (Pattern && Pattern != FD)
    for (const FunctionDecl *R : Pattern->redecls())
      if (P(R))
        return true;
  return false;
}

bool functionHas(const FunctionDecl *FD, Annotation K) {
  return anyRedeclaration(FD, [K](const FunctionDecl *R) { return hasAnnotation(R, K); });
}

bool paramHas(const FunctionDecl *FD, unsigned I, Annotation K) {
  return anyRedeclaration(FD, [I, K](const FunctionDecl *R) {
    return I < R->getNumParams() && hasAnnotation(R->getParamDecl(I), K);
  });
}

} // namespace pincheck
