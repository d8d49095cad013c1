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

/// The container variable (a local or a parameter) E names directly, or
/// null. A local reference to a container is not followed.
const clang::VarDecl *containerVariable(ContainerModel &M, const clang::Expr *E);

/// If Call (a member call, or flat_map's operator[], which may insert) may
/// relocate the elements of the container it is called on: the container
/// variable. Method receives the member's name.
const clang::VarDecl *relocatingCall(ContainerModel &M, const clang::CallExpr *Call,
                                     llvm::StringRef *Method);

/// The containers a move or swap the catalog found moves or swaps whole when
/// they hold their elements inline (std::array, std::inplace_vector: the
/// elements move with them), each with the operation as users name it
/// ('std::move', 'swap', 'std::swap').
void wholeRelocations(
    ContainerModel &M, const Operation &Op,
    llvm::SmallVectorImpl<std::pair<const clang::VarDecl *, std::string>> &Out);

/// If Value (the initialiser of a holder of type HolderType, or the value
/// assigned to it) borrows an element of a container variable: that
/// variable. A reference: v[i], v.at(i), v.front(), v.back(), *v.begin(),
/// *v.find(k), m[k], m.at(k). A pointer: the address of one of those,
/// v.data(), or an iterator that is a pointer. An iterator (any other
/// holder): v.begin(), v.end(), v.find(k), ... (and std::begin(v),
/// std::end(v)).
const clang::VarDecl *borrowedContainer(ContainerModel &M, clang::QualType HolderType,
                                        const clang::Expr *Value);

/// If E is a plain assignment (built-in or operator=) to a local variable
/// named directly on its left: that name; Value (if not null) receives the
/// right side.
const clang::DeclRefExpr *assignedVariable(const clang::Expr *E, const clang::Expr **Value);

} // namespace pincheck

#endif
