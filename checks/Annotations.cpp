#include "Annotations.h"
#include "clang/AST/Expr.h"
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
  if (!D || !D->hasAttrs())
    return false;
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "pin" && kindOf(annotationString(A)) == K)
      return true;
  return false;
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

bool functionHas(const FunctionDecl *FD, Annotation K) {
  if (!FD)
    return false;
  for (const FunctionDecl *R : FD->redecls())
    if (hasAnnotation(R, K))
      return true;
  // An instantiation carries the attributes of its pattern, but be sure.
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    if (P != FD)
      for (const FunctionDecl *R : P->redecls())
        if (hasAnnotation(R, K))
          return true;
  return false;
}

bool paramHas(const FunctionDecl *FD, unsigned I, Annotation K) {
  if (!FD)
    return false;
  auto Check = [&](const FunctionDecl *F) {
    for (const FunctionDecl *R : F->redecls())
      if (I < R->getNumParams() && hasAnnotation(R->getParamDecl(I), K))
        return true;
    return false;
  };
  if (Check(FD))
    return true;
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    if (P != FD && Check(P))
      return true;
  return false;
}

} // namespace pincheck
