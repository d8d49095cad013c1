// StoredElements.h - which member containers have their elements' addresses
// kept in longer-lived places (docs/checks/pin-container-relocation.md
// "Stored element addresses"): a member function of the class stores a
// pointer or iterator to an element of member C (`&items_[i]`,
// `&items_.back()`, `items_.begin() + i`, or a local holding one) into a
// member or a global (assigned, or handed to a member or global object's
// member function: `by_rank_.push(p)`, `index_.insert(p)`, `registry.add(p)`).
// From then on the elements of C are pinned for the object's lifetime:
// every relocating call on C may leave a stored address dangling.
// Computed once per class, from the bodies of its member functions in this
// translation unit.
#ifndef PINCHECK_STOREDELEMENTS_H
#define PINCHECK_STOREDELEMENTS_H

#include "model/Containers.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace pincheck {

/// Where an element's address of a member container is stored.
struct StoredElement {
  const clang::Expr *Site;          ///< the assignment or the call that stores it
  const clang::NamedDecl *Into;     ///< the member or global it is stored in
  const clang::FunctionDecl *In;    ///< the member function that stores it
};

class StoredElementsModel {
public:
  explicit StoredElementsModel(ContainerModel &M) : M(M) {}
  /// Where the address of an element of member container Field is stored
  /// in a longer-lived place by a member function of its class, or null.
  const StoredElement *storedElsewhere(const clang::FieldDecl *Field);

private:
  using Stores = llvm::DenseMap<const clang::FieldDecl *, StoredElement>;
  const Stores &of(const clang::CXXRecordDecl *RD);
  ContainerModel &M;
  llvm::DenseMap<const clang::CXXRecordDecl *, std::unique_ptr<Stores>> Cache;
};

} // namespace pincheck

#endif
