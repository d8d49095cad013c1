// SelfReference.h - classes whose constructors make a member of the object
// refer into the object itself (docs/model.md, "Address-sensitive types"):
// `this`, the address of a member or of a part of one, a member array
// decaying, `member.data()`, `.c_str()`, `.begin()`, a view or iterator
// built from a member (std::string_view, std::span, a class constructed
// from a pointer into the object), directly, through local variables, or
// through `substr`, `first`, `last`, `subspan` or pointer arithmetic; in a
// member initialiser, a default member initialiser, the constructor's body,
// or a member function it calls. Such a class is self-referential: its
// objects are pinned from their construction on. A member that refers to
// another object (a parameter's, a global, the heap) does not count.
//
// Also whether a copy or move member re-establishes the self-references of
// its class (points the same members into its own storage again): then it
// is cooperative, as PIN_ADDRESS_AWARE would make it.
#ifndef PINCHECK_SELFREFERENCE_H
#define PINCHECK_SELFREFERENCE_H

#include "model/SummaryIndex.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pincheck {

/// One self-reference: a member made to refer into the object.
struct SelfReference {
  const clang::FieldDecl *Member = nullptr; ///< the member of the object made to refer
  std::string MemberText;                   ///< as written: "name_", "hook.prev"
  const clang::FieldDecl *Into = nullptr;   ///< the member it refers into; null: the object
  std::string IntoText;                     ///< as written: "line_"; "" for the object
  const clang::Expr *Where = nullptr;       ///< the expression that makes it
  /// The function it is made in: a constructor, or a member function a
  /// constructor calls; null for a default member initialiser.
  const clang::FunctionDecl *In = nullptr;
  /// Made on some paths through the constructor only (in a branch or loop).
  bool Conditional = false;
  /// A member (Member) whose own constructor makes it self-referential:
  /// that constructor's self-reference. Null for a direct one.
  const SelfReference *Inner = nullptr;
  const clang::CXXConstructorDecl *InnerCtor = nullptr;
  /// Made by a constructor defined in another file, as the summaries index
  /// says (Where is then null).
  const IndexedFunction *External = nullptr;
};

/// How a copy or move member treats the self-references of its class.
enum class Cooperation {
  Yes,       ///< re-establishes every one in its own storage
  SomePaths, ///< re-establishes them, but on some paths only
  No,        ///< copies them (implicit or defaulted), or leaves one unset
};

class SelfReferenceModel {
public:
  /// The first self-reference RD's constructors (or default member
  /// initialisers) make; null if RD is not self-referential, or its
  /// constructors are not in this translation unit, or RD is a class of
  /// namespace std or of a system header (the library's own moves are
  /// cooperative: a std::string that points into itself moves correctly).
  const SelfReference *of(const clang::CXXRecordDecl *RD);

  /// The self-reference RD's own code makes (a default member initialiser,
  /// a constructor's own initialisers and body), not one a member's
  /// constructor makes; null if none.
  const SelfReference *ownOf(const clang::CXXRecordDecl *RD);

  /// The self-reference Ctor makes (its base constructors, member and
  /// default member initialisers, body and the member functions it calls
  /// included; a member built by a self-referential constructor counts),
  /// or null. One made on every path is preferred to a conditional one. A
  /// copy or move constructor that is not user-provided makes none: it
  /// copies the members.
  const SelfReference *madeBy(const clang::CXXConstructorDecl *Ctor);

  /// The self-reference of an object initialised by Init (a constructor
  /// call, an aggregate's initializer list whose default member
  /// initialisers make one), or null.
  const SelfReference *madeByInit(const clang::Expr *Init);

  /// How a copy or move constructor or assignment of a self-referential
  /// class treats its self-references (meaningless for other classes).
  Cooperation cooperation(const clang::CXXMethodDecl *CopyOrMove);
  /// Where constructors defined in other files are looked up (null: none).
  void setIndex(const SummaryIndex *I) { Index = I; }

private:
  struct Found;
  std::optional<SelfReference> compute(const clang::CXXConstructorDecl *Ctor, unsigned Depth);
  /// Keeps every answer at a stable address (the maps rehash; answers are
  /// pointed to by each other, by type reasons and by pin events).
  const SelfReference *keep(const std::optional<SelfReference> &R);
  std::deque<SelfReference> Storage;
  const SummaryIndex *Index = nullptr;
  // Null: none (also the provisional answer while one is computed).
  llvm::DenseMap<const clang::CXXRecordDecl *, const SelfReference *> ByClass;
  llvm::DenseMap<const clang::CXXConstructorDecl *, const SelfReference *> ByCtor;
  llvm::DenseMap<const clang::CXXMethodDecl *, Cooperation> ByMember;
  llvm::DenseMap<const clang::InitListExpr *, const SelfReference *> ByInit;
};

} // namespace pincheck

#endif
