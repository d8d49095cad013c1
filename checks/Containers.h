// Containers.h - the containers whose elements pincheck can see relocate
// (semantics §4, "container relocation"): which classes, which member
// functions may move their elements to new storage, and how code borrows an
// element (a reference, a pointer, a range-for's iterators). Classification
// only.
#ifndef PINCHECK_CONTAINERS_H
#define PINCHECK_CONTAINERS_H

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <initializer_list>

namespace pincheck {

// The first template argument of T if T is one of the named class templates
// of namespace std (std::vector<E>, std::array<E, N>): E; else null.
clang::QualType stdElementType(clang::QualType T,
                               std::initializer_list<llvm::StringRef> Classes);

// The element type of a container that relocates its elements (std::vector,
// std::deque), or null. Node-based containers (list, map, unordered_map)
// keep element addresses: null.
clang::QualType relocatingElementType(clang::QualType Container);

// The container variable (a local or a parameter) E names directly, or null.
// A local reference to a container is not followed.
const clang::VarDecl *containerVariable(const clang::Expr *E);

// If Call may relocate the elements of the container it is called on: the
// container variable. Method receives the member's name.
const clang::VarDecl *relocatingCall(const clang::CXXMemberCallExpr *Call,
                                     llvm::StringRef *Method);

// If Init (a reference's or pointer's initialiser) borrows an element of a
// container variable (v[i], v.at(i), v.front(), v.back(), &v[i], v.data()):
// that variable.
const clang::VarDecl *borrowedContainer(const clang::Expr *Init);

} // namespace pincheck

#endif
