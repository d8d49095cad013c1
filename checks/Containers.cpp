#include "Containers.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

namespace {
enum class Kind { None, Vector, Deque };

Kind containerKind(const CXXRecordDecl *RD) {
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return Kind::None;
  return llvm::StringSwitch<Kind>(RD->getName())
      .Case("vector", Kind::Vector)
      .Case("deque", Kind::Deque)
      .Default(Kind::None);
}
} // namespace

// The first template argument of RD, if RD is a class template
// specialisation and that argument is a type.
static QualType firstTypeArgument(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Spec->getTemplateArgs()[0].getAsType();
}

QualType stdElementType(QualType T, std::initializer_list<StringRef> Classes) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier() ||
      !llvm::is_contained(Classes, RD->getName()))
    return QualType();
  return firstTypeArgument(RD);
}

QualType relocatingElementType(QualType Container) {
  const CXXRecordDecl *RD = Container.getNonReferenceType()->getAsCXXRecordDecl();
  return containerKind(RD) == Kind::None ? QualType() : firstTypeArgument(RD);
}

const VarDecl *containerVariable(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || relocatingElementType(V->getType()).isNull())
    return nullptr;
  return V;
}

const VarDecl *relocatingCall(const CXXMemberCallExpr *Call, StringRef *Method) {
  const CXXMethodDecl *MD = Call->getMethodDecl();
  if (!MD || !MD->getIdentifier())
    return nullptr;
  Kind K = containerKind(MD->getParent());
  StringRef Name = MD->getName();
  bool Relocates = false;
  if (K == Kind::Vector)
    Relocates = llvm::StringSwitch<bool>(Name)
                    .Cases({"push_back", "emplace_back", "insert", "emplace", "append_range",
                            "insert_range", "resize", "reserve", "shrink_to_fit", "erase",
                            "assign", "assign_range"},
                           true)
                    .Default(false);
  else if (K == Kind::Deque) // end insertion keeps references valid
    Relocates = llvm::StringSwitch<bool>(Name)
                    .Cases({"insert", "emplace", "insert_range", "erase", "shrink_to_fit",
                            "resize", "assign", "assign_range"},
                           true)
                    .Default(false);
  if (!Relocates)
    return nullptr;
  if (Method)
    *Method = Name;
  return containerVariable(Call->getImplicitObjectArgument());
}

const VarDecl *borrowedContainer(const Expr *Init) {
  if (!Init)
    return nullptr;
  const Expr *E = Init->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2
               ? containerVariable(OC->getArg(0))
               : nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() &&
        llvm::StringSwitch<bool>(MD->getName())
            .Cases({"at", "front", "back", "data"}, true)
            .Default(false))
      return containerVariable(MC->getImplicitObjectArgument());
  }
  return nullptr;
}

} // namespace pincheck
