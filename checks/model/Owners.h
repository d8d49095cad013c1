// Owners.h - what points at a heap object (docs/model.md "When an instance is pinned", "heap objects"):
// raw pointers and the standard owning smart pointers. The object such a
// variable points to is a place of its own; moving the owner moves only the
// pointer. Classification only.
#ifndef PINCHECK_OWNERS_H
#define PINCHECK_OWNERS_H

#include "clang/AST/ExprCXX.h"

namespace pincheck {

/// std::unique_ptr<T> or std::shared_ptr<T> (not their array forms).
bool isSmartPointer(clang::QualType T);

/// What a variable of type T points to when T is a raw pointer or a smart
/// pointer: T's pointee; else null.
clang::QualType pointeeOf(clang::QualType T);

/// The smart pointer expression p when E is `p.get()` or `p.operator->()`
/// (a pointer to the pointee), or null.
const clang::Expr *smartPointerAddress(const clang::Expr *E);

/// The smart pointer expression p when E is `*p`, or null.
const clang::Expr *smartPointerDeref(const clang::Expr *E);

/// The smart pointer variable whose pointee E's call changes (p.reset(...),
/// p = ..., p.swap(q): both), or none.
void retargetedOwners(const clang::Expr *E,
                      llvm::SmallVectorImpl<const clang::Expr *> &Out);

} // namespace pincheck

#endif
