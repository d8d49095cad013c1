// ContainerCalls.h - the calls on containers that pin-container-relocation
// and the pin analysis follow: a call that may relocate a container's
// elements (growth, middle insertion and erasure, flat_map's operator[]), a
// whole move or swap of a container that holds its elements inline
// (std::array, std::inplace_vector), and the borrows of an element (a
// reference, a pointer, an iterator). Which classes are containers, and of
// which kind, is model/Containers.h's.
#ifndef PINCHECK_CONTAINERCALLS_H
#define PINCHECK_CONTAINERCALLS_H

#include "catalog/Catalog.h"
#include "model/Containers.h"
#include <string>
#include <utility>

namespace pincheck {

/// A container as a place that two expressions can name alike: a variable
/// (a local, a parameter, a global) or the object a member function runs on
/// (`*this`), then members of members (reached with '.' or '->'), and
/// mapped values of node-based maps reached by the same key (a variable or
/// a literal). `items_`, `batch.entries`, `p->items`, `lookups[name].decls`.
/// Local references are read through; a pointer root must be a parameter
/// (a local pointer may be re-pointed between two uses).
struct ContainerRef {
  enum class RootKind : unsigned char { Variable, This };
  struct Step {
    const clang::FieldDecl *Field = nullptr; ///< a member; null: a mapped value
    const clang::VarDecl *KeyVar = nullptr;  ///< the mapped value's key variable,
    std::string KeyText;                     ///< or its literal key as written
    bool Arrow = false;                      ///< reached with '->'
    bool operator==(const Step &O) const {
      return Field == O.Field && KeyVar == O.KeyVar && KeyText == O.KeyText;
    }
  };
  RootKind Root = RootKind::Variable;
  const clang::VarDecl *Var = nullptr; ///< the root variable (null for *this)
  llvm::SmallVector<Step, 1> Steps;     ///< from the root outwards
  clang::QualType Type;                 ///< the container's own type
  /// The root variable is a pointer: its first member is reached with '->'.
  bool ViaPointer = false;

  explicit operator bool() const { return Root == RootKind::This || Var; }
  /// The same container (the same root, members and keys).
  bool sameAs(const ContainerRef &O) const {
    return Root == O.Root && Var == O.Var && Steps == O.Steps;
  }
  /// The container variable itself (a local, parameter or global), or null.
  const clang::VarDecl *variable() const {
    return Root == RootKind::Variable && Steps.empty() ? Var : nullptr;
  }
  /// A member of *this, or of a member of it.
  bool ofThis() const { return Root == RootKind::This; }
  /// As users write it: 'v', 'items_', 'batch.entries', 'lookups[name].decls'.
  std::string spelling() const;
  /// This ref with Inner's steps appended (Inner relative to this object):
  /// how a callee's container is named at its call.
  ContainerRef extended(const ContainerRef &Inner) const;
};

/// A map key as a ContainerRef step: a variable named directly, or a
/// literal (an integer, a character, a string, an enumerator). False if K
/// is neither.
bool keyOf(const clang::Expr *K, ContainerRef::Step &S);

/// The container E names (a glvalue, or with IsPointer what a pointer
/// points to), as a place; an empty ref when E is not one the analysis can
/// name twice, or not a container that may relocate its elements.
ContainerRef containerAt(ContainerModel &M, const clang::Expr *E, bool IsPointer = false);

/// The object E names (or points to), as a place: the same roots and steps
/// as containerAt, whatever its type. What a callee's summary extends.
ContainerRef objectAt(ContainerModel &M, const clang::Expr *E, bool IsPointer);

/// If Call (a member call, or a map's operator[], which may insert) may
/// relocate the elements of the container it is called on: that container.
/// Method receives the member's name.
ContainerRef relocatingCall(ContainerModel &M, const clang::CallExpr *Call,
                            llvm::StringRef *Method);

/// The containers a move or swap the catalog found moves or swaps whole when
/// they hold their elements inline (std::array, std::inplace_vector: the
/// elements move with them), each with the operation as users name it
/// ('std::move', 'swap', 'std::swap').
void wholeRelocations(ContainerModel &M, const Operation &Op,
                      llvm::SmallVectorImpl<std::pair<ContainerRef, std::string>> &Out);

/// If Value (the initialiser of a holder of type HolderType, or the value
/// assigned to it) borrows an element of a container: that container. A
/// reference: v[i], v.at(i), v.front(), v.back(), *v.begin(), *v.find(k),
/// m[k], m.at(k). A pointer: the address of one of those, v.data(), or an
/// iterator that is a pointer. A view (std::span, std::basic_string_view,
/// llvm::ArrayRef, absl::Span) made from the container. An iterator (any
/// other holder): v.begin(), v.end(), v.find(k), ... (and std::begin(v),
/// std::end(v)).
ContainerRef borrowedContainer(ContainerModel &M, clang::QualType HolderType,
                               const clang::Expr *Value);

/// If E is a plain assignment (built-in or operator=) to a local variable
/// named directly on its left: that name; Value (if not null) receives the
/// right side.
const clang::DeclRefExpr *assignedVariable(const clang::Expr *E, const clang::Expr **Value);

} // namespace pincheck

#endif
