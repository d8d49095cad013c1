// StdLibrary.cpp - the standard library's names, as StdLibrary.h groups them.
#include "model/StdLibrary.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

bool isStdClass(const CXXRecordDecl *RD, std::initializer_list<StringRef> Names) {
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         llvm::is_contained(Names, RD->getName());
}

bool isLibraryFunction(const FunctionDecl *FD) {
  if (!FD)
    return false;
  if (FD->isInStdNamespace())
    return true;
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation()));
}

QualType typeArgument(const CXXRecordDecl *RD, unsigned I) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() <= I ||
      Spec->getTemplateArgs()[I].getKind() != TemplateArgument::Type)
    return QualType();
  return Spec->getTemplateArgs()[I].getAsType();
}

QualType stdElementType(QualType T, std::initializer_list<StringRef> Classes) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!isStdClass(RD, Classes))
    return QualType();
  return typeArgument(RD);
}

bool holdsArgumentsByValue(const CXXRecordDecl *RD) {
  return isStdClass(RD, {"optional", "variant", "tuple", "pair", "array", "inplace_vector"});
}

bool isValueHolder(const CXXRecordDecl *RD) {
  return isStdClass(RD, {"pair", "tuple", "optional", "variant"});
}

bool hasElementAccessors(const CXXRecordDecl *RD) {
  return isStdClass(RD, {"array", "inplace_vector", "optional"});
}

bool isElementAccessor(StringRef Name) {
  return Name == "value" || Name == "front" || Name == "back" || Name == "at";
}

bool hasInlineStorage(const CXXRecordDecl *RD) {
  return isStdClass(RD, {"array", "inplace_vector"});
}

bool isStorageAccessor(StringRef Name) {
  return Name == "data" || Name == "begin" || Name == "end" || Name == "cbegin" ||
         Name == "cend";
}

QualType smartPointee(QualType T) {
  QualType P = T.isNull() ? QualType() : stdElementType(T, {"unique_ptr", "shared_ptr"});
  return P.isNull() || P->isArrayType() ? QualType() : P;
}

bool keepsCallableCopy(const CXXRecordDecl *RD) {
  return isStdClass(RD, {"function", "move_only_function", "copyable_function", "thread",
                         "jthread", "packaged_task"});
}

StdCast stdCast(const FunctionDecl *FD) {
  if (!FD)
    return StdCast::None;
  unsigned ID = FD->getBuiltinID();
  if (ID == Builtin::BImove || ID == Builtin::BIforward ||
      ID == Builtin::BImove_if_noexcept || ID == Builtin::BIforward_like)
    return StdCast::Move;
  if (ID == Builtin::BIas_const)
    return StdCast::AsConst;
  if (!isStd(FD))
    return StdCast::None;
  return llvm::StringSwitch<StdCast>(nameOf(FD))
      .Cases({"move", "forward", "move_if_noexcept", "forward_like"}, StdCast::Move)
      .Case("as_const", StdCast::AsConst)
      .Default(StdCast::None);
}

const Expr *addressofArgument(const Expr *E, bool *Builtin) {
  const auto *CE = dyn_cast_or_null<CallExpr>(E);
  if (!CE || CE->getNumArgs() != 1)
    return nullptr;
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD)
    return nullptr;
  unsigned ID = FD->getBuiltinID();
  if (ID == Builtin::BI__builtin_addressof) {
    if (Builtin)
      *Builtin = true;
    return CE->getArg(0);
  }
  if (ID == Builtin::BIaddressof || (isStd(FD) && nameOf(FD) == "addressof")) {
    if (Builtin)
      *Builtin = false;
    return CE->getArg(0);
  }
  return nullptr;
}

bool isStdGet(const FunctionDecl *FD) { return isStd(FD) && nameOf(FD) == "get"; }

bool isRangesObject(const Expr *Callee, StringRef Name) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Callee->IgnoreParenImpCasts());
  if (!DRE)
    return false;
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD || nameOf(VD) != Name)
    return false;
  // std::ranges[::inline-namespace]::swap
  bool InRanges = false;
  for (const DeclContext *DC = VD->getDeclContext(); DC; DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS)
      continue;
    if (nameOf(NS) == "ranges")
      InRanges = true;
    else if (InRanges && NS->isStdNamespace())
      return true;
  }
  return false;
}

} // namespace pincheck
