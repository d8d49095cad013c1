// Annotations.cpp - reading pin/pin.h's annotate("pin", <kind>) attributes:
// the kind as written or as a constant evaluates, what is wrong with one
// that cannot be read, and the queries over every redeclaration.
#include "model/Annotations.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

static bool isWide(QualType Char) {
  return Char->isWideCharType() || Char->isChar16Type() || Char->isChar32Type();
}

// The string a constexpr character array holds, up to its first NUL.
static std::string arrayString(const VarDecl *V, KindProblem &Problem) {
  QualType Elem(V->getType()->getArrayElementTypeNoTypeQual(), 0);
  if (isWide(Elem)) {
    Problem = KindProblem::Wide;
    return "";
  }
  // Only a valid constant can be evaluated (code with errors reaches here).
  const Expr *Init = V->getInit();
  bool Constant = !V->isInvalidDecl() && Init && !Init->containsErrors() &&
                  !Init->isValueDependent() &&
                  V->isUsableInConstantExpressions(V->getASTContext());
  const APValue *Value = Constant && (Elem->isCharType() || Elem->isChar8Type())
                             ? const_cast<VarDecl *>(V)->evaluateValue()
                             : nullptr;
  if (!Value || !Value->isArray()) {
    Problem = KindProblem::NotString;
    return "";
  }
  std::string Out;
  for (unsigned I = 0; I < Value->getArraySize(); ++I) {
    const APValue &C = I < Value->getArrayInitializedElts() ? Value->getArrayInitializedElt(I)
                                                            : Value->getArrayFiller();
    if (!C.isInt() || C.getInt() == 0)
      break;
    Out += char(C.getInt().getExtValue());
  }
  return Out;
}

// The kind an annotation names: a string literal, or any constant expression
// that evaluates to a narrow string (a constexpr array or pointer).
static std::string annotationKind(const AnnotateAttr *A, ASTContext &Ctx,
                                  KindProblem &Problem) {
  if (A->args_size() == 0) {
    Problem = KindProblem::Missing;
    return "";
  }
  if (A->args_size() > 1)
    Problem = KindProblem::ExtraArgs;
  const Expr *E = *A->args_begin();
  if (E->isValueDependent() || E->isTypeDependent()) {
    Problem = KindProblem::Dependent;
    return "";
  }
  // Sema wraps the argument in a ConstantExpr (and an array decay).
  const Expr *Inner = E;
  for (;;) {
    Inner = Inner->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<ConstantExpr>(Inner)) {
      Inner = CE->getSubExpr();
      continue;
    }
    break;
  }
  if (const auto *SL = dyn_cast<StringLiteral>(Inner)) {
    if (SL->isOrdinary() || SL->isUTF8())
      return SL->getString().str();
    Problem = KindProblem::Wide;
    return "";
  }
  // A constant that names a string: a constexpr array (which Sema decays to
  // a pointer to the whole array), or a pointer to a string.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
        V && V->getType()->isArrayType())
      return arrayString(V, Problem);
  QualType T = E->getType();
  QualType Elem = T->isPointerType() ? T->getPointeeType() : QualType();
  if (!Elem.isNull() && isWide(Elem)) {
    Problem = KindProblem::Wide;
    return "";
  }
  if (!Elem.isNull() && (Elem->isCharType() || Elem->isChar8Type()) && !E->containsErrors())
    if (std::optional<std::string> S = E->tryEvaluateString(Ctx))
      return *S;
  Problem = KindProblem::NotString;
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
    FoundAnnotation F{Annotation::Unknown, "", A};
    F.Spelling = annotationKind(A, D->getASTContext(), F.Problem);
    // An annotation written wrongly has no effect (pin-annotation says why).
    if (F.Problem == KindProblem::None)
      F.Kind = kindOf(F.Spelling);
    Out.push_back(std::move(F));
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

const AnnotateAttr *functionAnnotation(const FunctionDecl *FD, Annotation K) {
  const AnnotateAttr *Found = nullptr;
  anyRedeclaration(FD, [&](const FunctionDecl *R) {
    for (const FoundAnnotation &A : pinAnnotations(R))
      if (A.Kind == K) {
        Found = A.Attr;
        return true;
      }
    return false;
  });
  return Found;
}

bool anyParamAttrs(const FunctionDecl *FD) {
  return anyRedeclaration(FD, [](const FunctionDecl *R) {
    return llvm::any_of(R->parameters(), [](const ParmVarDecl *P) { return P->hasAttrs(); });
  });
}

bool paramHas(const FunctionDecl *FD, unsigned I, Annotation K) {
  return anyRedeclaration(FD, [I, K](const FunctionDecl *R) {
    return I < R->getNumParams() && hasAnnotation(R->getParamDecl(I), K);
  });
}

const Attr *keepsArgument(const FunctionDecl *FD, unsigned I) {
  const Attr *Found = nullptr;
  bool Ctor = isa_and_nonnull<CXXConstructorDecl>(FD);
  anyRedeclaration(FD, [&](const FunctionDecl *R) {
    if (I >= R->getNumParams())
      return false;
    const ParmVarDecl *P = R->getParamDecl(I);
    if (const auto *A = P->getAttr<LifetimeCaptureByAttr>(); A && !A->isImplicit())
      Found = A;
    else if (const auto *A = P->getAttr<LifetimeBoundAttr>(); Ctor && A && !A->isImplicit())
      Found = A;
    return Found != nullptr;
  });
  return Found;
}

bool noEscape(const FunctionDecl *FD, unsigned I) {
  return anyRedeclaration(FD, [I](const FunctionDecl *R) {
    return I < R->getNumParams() && R->getParamDecl(I)->hasAttr<NoEscapeAttr>();
  });
}

} // namespace pincheck
