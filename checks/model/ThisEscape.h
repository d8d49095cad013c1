// ThisEscape.h - constructors that hand `this` out (docs/model.md "When an instance is pinned"): a
// constructor that stores `this` (or the address of a member) outside the
// object, or passes it to a function that may keep it, pins every object it
// makes from birth.
#ifndef PINCHECK_THISESCAPE_H
#define PINCHECK_THISESCAPE_H

#include "model/SummaryIndex.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>
#include <optional>

namespace pincheck {

struct ThisEscape {
  const clang::Expr *Where = nullptr;               // what hands `this` out
  const clang::CXXConstructorDecl *Ctor = nullptr;  // the constructor it is in
  const clang::FunctionDecl *Callee = nullptr;      // `this` is passed to it, if any
  /// `this` is stored into this member of another object (`after->next =
  /// this`), if so.
  const clang::FieldDecl *Field = nullptr;
  /// The constructor is annotated PIN_PINS_THIS (Where is then null): what
  /// it does with `this` is its author's word, its body need not be seen.
  const clang::AnnotateAttr *Annotated = nullptr;
  /// The constructor is defined in another file and the summaries index
  /// says it lets `this` escape (Where, Callee and Field are then null).
  const IndexedFunction *External = nullptr;
};

/// Whether FD's visible body uses its parameter P without keeping it:
/// every use calls it (a callable run and forgotten), reads or writes a
/// field through it, or compares it. False when the body is not visible.
bool usesWithoutKeeping(const clang::FunctionDecl *FD, unsigned P);

class EscapeModel {
public:
  /// Where Ctor, or a base or delegated constructor it runs, lets `this`
  /// escape, or its PIN_PINS_THIS annotation; null if it does not, or if its
  /// body is not in this translation unit and it is not annotated. Cached
  /// per constructor.
  const ThisEscape *escape(const clang::CXXConstructorDecl *Ctor);

  /// Whether a user-provided copy or move constructor or assignment operator
  /// publishes `this` where a constructor of its class (other than a copy or
  /// move constructor) does: passes it to the same function (re-registers),
  /// or stores it into the same member of another object (re-links a
  /// neighbour, `prev->next = this`). Then it is address-aware without
  /// PIN_ADDRESS_AWARE. One on some paths counts (`if (loop_) attach(loop_,
  /// this)` registers wherever there is something to register), except
  /// under a test of a member of the source that the member has just reset
  /// (`loop_(std::exchange(o.loop_, nullptr))`, then `if (o.loop_) ...`):
  /// that test is known false, so it never happens.
  bool reregisters(const clang::CXXMethodDecl *CopyOrMove);

  /// Where constructors defined in other files are looked up (null: none).
  void setIndex(const SummaryIndex *I) { Index = I; }

private:
  std::optional<ThisEscape> compute(const clang::CXXConstructorDecl *Ctor);
  llvm::DenseMap<const clang::CXXMethodDecl *, bool> Reregisters;
  const SummaryIndex *Index = nullptr;
  /// Answers at stable addresses (the map rehashes; type reasons keep
  /// pointers to them). Null in Cache: none, or provisional while computed.
  std::deque<ThisEscape> Storage;
  llvm::DenseMap<const clang::CXXConstructorDecl *, const ThisEscape *> Cache;
};

} // namespace pincheck

#endif
