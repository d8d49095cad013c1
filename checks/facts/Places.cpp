// Places.cpp - which variables are places, and the prefilter.
#include "facts/Places.h"
#include "model/Containers.h"
#include "model/Owners.h"

using namespace clang;

namespace pincheck {

bool holdsSensitiveElements(QualType T, TypeModel &Types) {
  QualType E = Types.containers().relocatingElementType(T);
  return !E.isNull() && Types.isAddressSensitive(E);
}

bool summaryMatters(QualType T, TypeModel &Types) {
  QualType Pointee = T->isPointerType() ? T->getPointeeType() : QualType();
  return Types.isAddressSensitive(T.getNonReferenceType()) ||
         holdsSensitiveElements(T, Types) ||
         (!Pointee.isNull() && Types.isAddressSensitive(Pointee));
}

bool isPlace(const VarDecl *V, TypeModel &Types) {
  QualType T = V->getType();
  if (T->isReferenceType())
    return isa<ParmVarDecl>(V) && Types.isAddressSensitive(T.getNonReferenceType());
  return !T->isPointerType() && Types.isAddressSensitive(T);
}

bool pointsToSensitive(const VarDecl *V, TypeModel &Types) {
  QualType T = V->getType();
  if (T->isReferenceType() && !isSmartPointer(T.getNonReferenceType()))
    return false;
  QualType P = pointeeOf(T.getNonReferenceType());
  return !P.isNull() && Types.isAddressSensitive(P);
}

bool isGlobalObject(const VarDecl *V) {
  return V->hasGlobalStorage() && !V->isLocalVarDecl() && !isa<ParmVarDecl>(V);
}

// The object a member function runs on: its class, or for a lambda's body
// that captures `this` the enclosing member function's (Captured set; null
// if the lambda is not in a member function). False when there is none.
static bool runsOnObject(const FunctionDecl *FD, const CXXRecordDecl *&RD, bool &Captured) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || MD->isStatic())
    return false;
  RD = MD->getParent();
  Captured = false;
  if (!RD->isLambda())
    return true;
  Captured = llvm::any_of(RD->captures(), [](const LambdaCapture &C) { return C.capturesThis(); });
  const auto *Outer = dyn_cast<CXXMethodDecl>(RD->getDeclContext());
  RD = Outer ? Outer->getParent() : nullptr;
  return Captured;
}

// The member function runs on an address-sensitive object (a lambda's body
// on its enclosing one, when it captures `this`: taken as sensitive).
static bool runsOnSensitiveObject(const FunctionDecl *FD, TypeModel &Types) {
  const CXXRecordDecl *RD = nullptr;
  bool Captured = false;
  return runsOnObject(FD, RD, Captured) &&
         (Captured || Types.isAddressSensitive(Types.context().getCanonicalTagType(RD)));
}

// The member function runs on an object that holds a container.
static bool runsOnContainers(const FunctionDecl *FD, TypeModel &Types) {
  const CXXRecordDecl *RD = nullptr;
  bool Captured = false;
  return runsOnObject(FD, RD, Captured) && RD &&
         Types.containers().reachesContainers(Types.context().getCanonicalTagType(RD));
}

bool isSensitiveGlobal(const VarDecl *V, TypeModel &Types) {
  return isGlobalObject(V) && isPlace(V, Types);
}

bool mayHavePlaces(const FunctionDecl *FD, TypeModel &Types, bool AnyGlobals) {
  if (AnyGlobals || runsOnSensitiveObject(FD, Types) || runsOnContainers(FD, Types))
    return true;
  auto Matters = [&](const VarDecl *V) {
    return isPlace(V, Types) || pointsToSensitive(V, Types) ||
           Types.containers().reachesContainers(V->getType());
  };
  for (const ParmVarDecl *P : FD->parameters())
    if (Matters(P))
      return true;
  for (const Decl *D : FD->decls())
    if (const auto *V = dyn_cast<VarDecl>(D))
      if (V->isLocalVarDecl() && Matters(V))
        return true;
  return false;
}

} // namespace pincheck
