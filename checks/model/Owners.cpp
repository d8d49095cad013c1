// Owners.cpp - raw and smart pointers: what they point to, and the calls
// that read or change their object.
#include "model/Owners.h"
#include "model/StdLibrary.h"

using namespace clang;

namespace pincheck {

bool isSmartPointer(QualType T) { return !smartPointee(T).isNull(); }

QualType pointeeOf(QualType T) {
  if (T.isNull())
    return T;
  if (T->isPointerType())
    return T->getPointeeType();
  return smartPointee(T);
}

// The smart pointer an object argument names, looking through the casts to
// the base class a member may be declared in (libstdc++'s shared_ptr has
// get(), * and -> in __shared_ptr and __shared_ptr_access).
static const Expr *smartObject(const Expr *Obj) {
  Obj = Obj ? Obj->IgnoreParenImpCasts() : nullptr;
  return Obj && isSmartPointer(Obj->getType()) ? Obj : nullptr;
}

const Expr *smartPointerAddress(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const Expr *Obj = smartObject(MC->getImplicitObjectArgument());
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (Obj && MD && MD->getIdentifier() && MD->getName() == "get")
      return Obj;
    return nullptr;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if (OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
      return smartObject(OC->getArg(0));
  return nullptr;
}

const Expr *smartPointerDeref(const Expr *E) {
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E->IgnoreParens()))
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1)
      return smartObject(OC->getArg(0));
  return nullptr;
}

void retargetedOwners(const Expr *E, llvm::SmallVectorImpl<const Expr *> &Out) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const Expr *Obj = smartObject(MC->getImplicitObjectArgument());
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!Obj || !MD || !MD->getIdentifier())
      return;
    StringRef N = MD->getName();
    if (N == "reset" || N == "release" || N == "swap") {
      Out.push_back(Obj);
      if (N == "swap" && MC->getNumArgs() == 1)
        if (const Expr *Other = smartObject(MC->getArg(0)))
          Out.push_back(Other);
    }
    return;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      if (const Expr *Obj = smartObject(OC->getArg(0)))
        Out.push_back(Obj);
}

} // namespace pincheck
