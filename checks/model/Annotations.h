// Annotations.h - reads the ("pin", <kind>) annotate attributes of pin/pin.h.
#ifndef PINCHECK_ANNOTATIONS_H
#define PINCHECK_ANNOTATIONS_H

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace pincheck {

enum class Annotation {
  AddressSensitive,
  Unpin,
  PinsThis,
  Pins,
  AddressAware,
  Marker,     // pin::phantom_pinned
  MarkPinned, // the parameter of pin::mark_pinned
  Unknown,    // ("pin", "something-else"): reported by pin-annotation
};

/// What is wrong with how an annotation names its kind (pin-annotation says it
/// and how to write it; the annotation then has no effect).
enum class KindProblem {
  None,
  Missing,   // annotate("pin") with no kind
  NotString, // a kind that is not a string (annotate("pin", 42))
  Wide,      // a wide, UTF-16 or UTF-32 string literal
  Dependent, // a kind that depends on a template parameter
  ExtraArgs, // more than one argument after "pin"
};

struct FoundAnnotation {
  Annotation Kind;
  std::string Spelling; // the kind, as written or as a constant evaluates
  const clang::AnnotateAttr *Attr;
  KindProblem Problem = KindProblem::None;
};

/// The pincheck annotations written on D itself (redeclarations inherit them).
llvm::SmallVector<FoundAnnotation, 2> pinAnnotations(const clang::Decl *D);
bool hasAnnotation(const clang::Decl *D, Annotation K);

/// The user-facing macro for a kind, e.g. "PIN_PINS".
llvm::StringRef macroName(Annotation K);

/// Queries that look at every redeclaration, since an annotation may sit on
/// the definition while a call binds to an earlier declaration.
bool functionHas(const clang::FunctionDecl *FD, Annotation K);
/// Whether parameter I of FD carries K (on any redeclaration).
bool paramHas(const clang::FunctionDecl *FD, unsigned I, Annotation K);

} // namespace pincheck

#endif
