// CatalogStorage.cpp - the events that end or reuse an object's storage: a
// new object made in it while it lives (placement new, std::construct_at,
// std::start_lifetime_as), the storage given back (free, operator delete
// called as a function, an allocator's deallocate), and the explicit ends of
// a lifetime (x.~T(), std::destroy_at) that classifyDestroy reports.
#include "catalog/CatalogInternal.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/Builtins.h"

using namespace clang;

namespace pincheck {

// The pointer argument of a call of std::NAME or std::ranges::NAME (the
// latter an object whose operator() is called), or null.
static const Expr *stdPointerArgument(const Expr *E, StringRef Name) {
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getOperator() == OO_Call && OC->getNumArgs() >= 2 &&
                   isRangesObject(OC->getArg(0), Name)
               ? OC->getArg(1)
               : nullptr;
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !isStd(FD) || nameOf(FD) != Name || CE->getNumArgs() < 1 ||
      !CE->getArg(0)->getType()->isPointerType())
    return nullptr;
  return CE->getArg(0);
}

// Whether RD declares a member named "allocate": an allocator, a memory
// resource, std::allocator_traits.
static bool declaresAllocate(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  for (const Decl *D : RD->getDefinition()->decls())
    if (const auto *ND = dyn_cast<NamedDecl>(D); ND && nameOf(ND) == "allocate")
      return true;
  return false;
}

// A class as users name it: "std::allocator", "std::pmr::memory_resource".
static std::string className(const CXXRecordDecl *RD) {
  return RD->getQualifiedNameAsString();
}

// Storage given back while an object may still live in it: free(p),
// operator delete / operator delete[] called as functions (the delete
// expression runs the destructor first: not this), an allocator's or memory
// resource's deallocate(p, ...) and std::allocator_traits<A>::deallocate(a,
// p, n). The pointer, with Callee set, or null.
static const Expr *deallocatedStorage(const Expr *E, std::string &Callee) {
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || CE->getNumArgs() < 1 || isa<CXXOperatorCallExpr>(CE))
    return nullptr;
  auto FirstPointer = [&]() -> const Expr * {
    for (const Expr *A : CE->arguments())
      if (A->getType()->isPointerType())
        return A;
    return nullptr;
  };
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && nameOf(MD) == "deallocate" && declaresAllocate(MD->getParent())) {
    // Named by the class of the object it is called on (std::allocator,
    // not the base that declares it), or for a static member by its own.
    const CXXRecordDecl *RD = MD->getParent();
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      if (const Expr *Obj = MC->getImplicitObjectArgument()) {
        QualType T = Obj->IgnoreParenImpCasts()->getType();
        if (T->isPointerType())
          T = T->getPointeeType();
        if (const CXXRecordDecl *ObjRD = T->getAsCXXRecordDecl())
          RD = ObjRD;
      }
    Callee = className(RD) + "::deallocate";
    return FirstPointer();
  }
  if (!CE->getArg(0)->getType()->isPointerType())
    return nullptr;
  OverloadedOperatorKind Op = FD->getOverloadedOperator();
  if ((Op == OO_Delete || Op == OO_Array_Delete) &&
      !FD->isReservedGlobalPlacementOperator()) {
    Callee = Op == OO_Delete ? "operator delete" : "operator delete[]";
    return CE->getArg(0);
  }
  unsigned ID = CE->getBuiltinCallee();
  if (ID == Builtin::BI__builtin_operator_delete) {
    Callee = "__builtin_operator_delete";
    return CE->getArg(0);
  }
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if ((ID == Builtin::BIfree ||
       (nameOf(FD) == "free" && (DC->isTranslationUnit() || isStd(FD)))) &&
      CE->getNumArgs() == 1) {
    Callee = "free";
    return CE->getArg(0);
  }
  return nullptr;
}

// std::start_lifetime_as<T>(p) / start_lifetime_as_array<T>(p, n) (C++23):
// the storage, or null.
static const Expr *lifetimeStartedStorage(const Expr *E, std::string *Callee = nullptr) {
  for (StringRef Name : {"start_lifetime_as", "start_lifetime_as_array"})
    if (const Expr *P = stdPointerArgument(E, Name)) {
      if (Callee)
        *Callee = "std::" + Name.str();
      return P;
    }
  return nullptr;
}

// Storage that may hold a live object reused: a new object made in it (the
// non-allocating placement new, std::construct_at, std::start_lifetime_as)
// or the storage given back (deallocatedStorage).
bool classifyStorageReuse(const Expr *E, Operation &Out) {
  const Expr *Storage = nullptr;
  OperandRole Role = OperandRole::ConstructedOver;
  if (const auto *NE = dyn_cast<CXXNewExpr>(E)) {
    const FunctionDecl *OpNew = NE->getOperatorNew();
    if (!OpNew || !OpNew->isReservedGlobalPlacementOperator() ||
        NE->getNumPlacementArgs() != 1)
      return false;
    Storage = NE->getPlacementArg(0);
    Out.Callee = "placement new";
  } else if ((Storage = stdPointerArgument(E, "construct_at"))) {
    Out.Callee = isa<CXXOperatorCallExpr>(E) ? "std::ranges::construct_at"
                                             : "std::construct_at";
  } else if ((Storage = lifetimeStartedStorage(E, &Out.Callee))) {
    Role = OperandRole::LifetimeStarted;
  } else if ((Storage = deallocatedStorage(E, Out.Callee))) {
    Role = OperandRole::Deallocated;
  } else {
    return false;
  }
  Out.Family = OpFamily::StorageReuse;
  Out.Site = E;
  Out.Operands.push_back({Storage, /*IsPointer=*/true, Role});
  return true;
}

bool classifyDestroy(const Expr *E, DestroyEvent &Out) {
  if (!E || E->containsErrors())
    return false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    if (!isa_and_nonnull<CXXDestructorDecl>(MC->getMethodDecl()))
      return false;
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!Obj)
      return false;
    Out = {E, Obj, Obj->getType()->isPointerType()};
    return true;
  }
  if (const Expr *P = stdPointerArgument(E, "destroy_at")) {
    Out = {E, P, true};
    return true;
  }
  // The object start_lifetime_as makes replaces the old one (reported first
  // by pin-storage-reuse if it was pinned): an object that starts unpinned.
  if (const Expr *P = lifetimeStartedStorage(E)) {
    Out = {E, P, true};
    return true;
  }
  return false;
}

} // namespace pincheck
