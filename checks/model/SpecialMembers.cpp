// SpecialMembers.cpp - copy and move members (SpecialMembers.h).
#include "model/SpecialMembers.h"

using namespace clang;

namespace pincheck {

bool isCopyOrMoveMember(const FunctionDecl *FD) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    return Ctor->isCopyOrMoveConstructor();
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return MD && (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator());
}

bool isMoveMember(const CXXMethodDecl *M) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(M))
    return Ctor->isMoveConstructor();
  return M->isMoveAssignmentOperator();
}

bool isMemberwise(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    if (R->isImplicit() || R->isDefaulted())
      return true;
  return false;
}

const CXXMethodDecl *copyOrMoveMember(const CXXRecordDecl *RD, bool Assignment, bool Move) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  const CXXMethodDecl *Copy = nullptr, *MoveM = nullptr;
  for (const CXXMethodDecl *M : RD->methods()) {
    if (M->isDeleted() || isa<CXXConstructorDecl>(M) == Assignment || !isCopyOrMoveMember(M))
      continue;
    (isMoveMember(M) ? MoveM : Copy) = M;
  }
  return Move && MoveM ? MoveM : Copy;
}

} // namespace pincheck
