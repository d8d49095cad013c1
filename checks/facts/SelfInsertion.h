// SelfInsertion.h - self-insertion into a hand-written container
// (docs/checks/pin-container-relocation.md "Self-insertion"):
// `v.push_back(v.back())` passes a reference to one of v's elements to a
// member function of v's own class that may reallocate v's storage before
// it reads that reference. The standard containers and the configured
// vector-likes handle this aliasing themselves; a class of the user's, with
// its body in the translation unit, is read: a new-expression, a call of
// malloc, calloc, realloc, operator new or an allocator's allocate, or a
// call of a member function of the class (on its own object, two levels
// down) that does one, before the first use of the parameter.
#ifndef PINCHECK_SELFINSERTION_H
#define PINCHECK_SELFINSERTION_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

namespace pincheck {

/// Where a member function reallocates before it reads a parameter.
struct ReallocationFirst {
  const clang::Stmt *Site = nullptr; ///< the allocation, or the call leading to it
  const clang::ParmVarDecl *Param = nullptr;
};

class SelfInsertionModel {
public:
  /// A member function of a class outside system headers, with a body,
  /// that may reallocate before it first reads its parameter I (a
  /// reference): where; or null.
  const ReallocationFirst *reallocatesBeforeReading(const clang::CXXMethodDecl *MD,
                                                    unsigned I);

private:
  /// The first allocation site in MD's body (through member calls on its
  /// own object, Depth levels), or null.
  const clang::Stmt *firstAllocation(const clang::CXXMethodDecl *MD, unsigned Depth,
                                     clang::SourceLocation Before);
  llvm::DenseMap<std::pair<const clang::CXXMethodDecl *, unsigned>, ReallocationFirst> Cache;
};

} // namespace pincheck

#endif
