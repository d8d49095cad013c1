// PlacementStorage.h - byte buffers that hold objects (docs/checks/pin-memcpy.md,
// "Raw relocation inside generic code"): a class template that constructs
// its argument type into a member byte buffer by placement new
// (`new (buf_.data() + i) T(...)`, `::new (&raw_[i]) T`, `new (storage_) T`,
// `std::construct_at`) keeps objects of that type there, so a raw copy of
// that buffer (`memcpy(bigger.data(), buf_.data(), n)`) relocates them, as
// one on storage typed `T *` does. Followed: members of the class, reached
// as the buffer itself, `.data()`, `.get()`, `.begin()`, `&m[i]`, plus or
// minus an offset, through casts; the class's member functions (and member
// function templates) instantiated in the translation unit. Not followed:
// a buffer reached through a local pointer variable, a base class's or
// another object's member, placement new in a free function.
#ifndef PINCHECK_PLACEMENTSTORAGE_H
#define PINCHECK_PLACEMENTSTORAGE_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

namespace pincheck {

class PlacementStorageModel {
public:
  /// The type of the objects class RD constructs by placement new into the
  /// byte buffer member that pointer P points into (a template's argument,
  /// as substituted in RD's instantiation), or a null type.
  clang::QualType objectsIn(const clang::Expr *P, const clang::CXXRecordDecl *RD);

  /// The member byte buffer P points into, as written in a member function
  /// (`buf_.data() + i`, `&raw_[i]`, `storage_`), or null.
  static const clang::FieldDecl *bufferMember(const clang::Expr *P);

private:
  using Buffers = llvm::DenseMap<const clang::FieldDecl *, clang::QualType>;
  const Buffers &buffersOf(const clang::CXXRecordDecl *RD);
  llvm::DenseMap<const clang::CXXRecordDecl *, Buffers> Cache;
};

} // namespace pincheck

#endif
