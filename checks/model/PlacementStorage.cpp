// PlacementStorage.cpp - member byte buffers that hold objects constructed
// into them (PlacementStorage.h).
#include "model/PlacementStorage.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace pincheck {

namespace {

// char, signed/unsigned char, char8_t, std::byte, or void: raw storage.
bool isByte(QualType T) {
  T = T.getCanonicalType().getUnqualifiedType();
  return T->isVoidType() || T->isCharType() || T->isStdByteType() ||
         T->isChar8Type();
}

// A pointer into raw storage, or an array of bytes.
bool isBytePointer(QualType T) {
  if (const auto *PT = T->getAs<PointerType>())
    return isByte(PT->getPointeeType());
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return isByte(AT->getElementType());
  return false;
}

// `m` of `this`, written or implicit.
const FieldDecl *memberOfThis(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(ME->getMemberDecl());
}

// The placement new and std::construct_at of a class's member functions,
// each with the type constructed and where.
struct Placements : RecursiveASTVisitor<Placements> {
  llvm::DenseMap<const FieldDecl *, QualType> &Out;
  explicit Placements(llvm::DenseMap<const FieldDecl *, QualType> &Out) : Out(Out) {}
  void note(const Expr *Where, QualType T) {
    if (!T->getAs<SubstTemplateTypeParmType>())
      return;
    if (const FieldDecl *F = PlacementStorageModel::bufferMember(Where))
      Out.try_emplace(F, T);
  }
  bool VisitCXXNewExpr(CXXNewExpr *NE) {
    if (NE->getNumPlacementArgs() == 1)
      note(NE->getPlacementArg(0), NE->getAllocatedType());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (FD && FD->isInStdNamespace() && FD->getIdentifier() &&
        FD->getName() == "construct_at" && CE->getNumArgs() >= 1)
      if (const auto *PT = CE->getArg(0)->IgnoreParenImpCasts()->getType()->getAs<PointerType>())
        note(CE->getArg(0), PT->getPointeeType());
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
};

} // namespace

const FieldDecl *PlacementStorageModel::bufferMember(const Expr *P) {
  const Expr *E = P->IgnoreParenCasts();
  if (!isBytePointer(E->getType()))
    return nullptr;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreParenCasts();
    if (const FieldDecl *F = memberOfThis(E))
      return F;
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub)) {
      E = BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf) {
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
        OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2) {
      E = OC->getArg(0);
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getIdentifier() &&
          (MD->getName() == "data" || MD->getName() == "get" || MD->getName() == "begin")) {
        E = MC->getImplicitObjectArgument();
        continue;
      }
    }
    return nullptr;
  }
  return nullptr;
}

const PlacementStorageModel::Buffers &
PlacementStorageModel::buffersOf(const CXXRecordDecl *RD) {
  auto [It, New] = Cache.try_emplace(RD);
  if (!New)
    return It->second;
  Buffers Found;
  Placements V(Found);
  auto Walk = [&](const FunctionDecl *FD) {
    const FunctionDecl *Def = nullptr;
    if (FD && FD->hasBody(Def) && Def && !Def->isDependentContext())
      V.TraverseStmt(Def->getBody());
  };
  for (const Decl *D : RD->decls()) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(D))
      Walk(MD);
    else if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      for (const FunctionDecl *Spec : FT->specializations())
        Walk(Spec);
  }
  // The walk may have added classes to the cache: look the entry up again.
  return Cache[RD] = std::move(Found);
}

QualType PlacementStorageModel::objectsIn(const Expr *P, const CXXRecordDecl *RD) {
  if (!RD)
    return {};
  const FieldDecl *F = bufferMember(P);
  if (!F)
    return {};
  const Buffers &B = buffersOf(RD);
  auto It = B.find(F);
  return It == B.end() ? QualType() : It->second;
}

} // namespace pincheck
