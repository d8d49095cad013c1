// SpecialMembers.h - the copy and move constructors and assignment operators
// of a class: which member a copy or move runs, and whether it copies the
// members as they are (implicit or defaulted).
#ifndef PINCHECK_SPECIALMEMBERS_H
#define PINCHECK_SPECIALMEMBERS_H

#include "clang/AST/DeclCXX.h"

namespace pincheck {

/// A copy or move constructor or assignment operator: the type's own copies
/// and moves, which the catalog classifies.
bool isCopyOrMoveMember(const clang::FunctionDecl *FD);

/// A move constructor or move assignment operator.
bool isMoveMember(const clang::CXXMethodDecl *M);

/// Implicit, or defaulted on one of its declarations: it copies or moves the
/// members as they are.
bool isMemberwise(const clang::FunctionDecl *FD);

/// The member of RD that copies (Move: moves, or copies when RD has no move)
/// a whole object: a constructor, or with Assignment an assignment operator.
/// Deleted members are not candidates; null if there is none.
const clang::CXXMethodDecl *copyOrMoveMember(const clang::CXXRecordDecl *RD, bool Assignment,
                                             bool Move);

} // namespace pincheck

#endif
