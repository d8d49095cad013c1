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
/// The attribute K of FD (or of a redeclaration of it, or of its template
/// pattern), or null: what a note points to.
const clang::AnnotateAttr *functionAnnotation(const clang::FunctionDecl *FD, Annotation K);
/// Whether any parameter of FD (on any redeclaration) has an attribute at
/// all: when not, none of the parameter queries below can hold, and a call
/// is classified without asking them one by one.
bool anyParamAttrs(const clang::FunctionDecl *FD);
/// Whether parameter I of FD carries K (on any redeclaration).
bool paramHas(const clang::FunctionDecl *FD, unsigned I, Annotation K);

/// Clang's own attributes read as pin facts (docs/annotations.md, "Clang's
/// lifetime attributes"): the attribute on parameter I of FD (any
/// redeclaration) that says the argument's address is kept past the call
/// ([[clang::lifetime_capture_by(...)]], or [[clang::lifetimebound]] on a
/// constructor's parameter: the object made refers to it), or null.
/// Attributes Clang adds implicitly (to standard functions) are not read.
const clang::Attr *keepsArgument(const clang::FunctionDecl *FD, unsigned I);
/// Whether parameter I of FD is [[clang::noescape]]: its address is not
/// kept, so passing an address to it pins nothing.
bool noEscape(const clang::FunctionDecl *FD, unsigned I);

} // namespace pincheck

#endif
