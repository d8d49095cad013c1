// TypeModel.cpp - the address-sensitivity of classes and its chain of
// reasons, computed once per class.
#include "model/TypeModel.h"
#include "model/Annotations.h"
#include "model/StdLibrary.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

const CXXRecordDecl *TypeModel::recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  const Type *Ty = T.getCanonicalType().getTypePtr();
  while (const ArrayType *AT = Ty->getAsArrayTypeUnsafe())
    Ty = AT->getElementType().getCanonicalType().getTypePtr();
  if (const auto *RD = Ty->getAsCXXRecordDecl())
    return RD;
  return nullptr;
}

bool TypeModel::isAddressSensitive(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && reasonFor(RD);
}

const SensitivityReason *TypeModel::reasonFor(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  if (const CXXRecordDecl *Def = RD->getDefinition())
    RD = Def;
  auto It = Cache.find(RD);
  if (It != Cache.end())
    return It->second ? &*It->second : nullptr;
  Cache[RD] = std::nullopt; // provisional: breaks cycles
  std::optional<SensitivityReason> R = compute(RD);
  auto &Slot = Cache[RD]; // re-lookup: compute() may have grown the map
  Slot = R;
  return Slot ? &*Slot : nullptr;
}

static SensitivityReason reason(SensitivityReason::KindT K, const CXXRecordDecl *RD,
                                SourceLocation Loc) {
  SensitivityReason S;
  S.Kind = K;
  S.Record = RD;
  S.Loc = Loc;
  return S;
}

std::optional<SensitivityReason> TypeModel::compute(const CXXRecordDecl *RD) {
  if (RD->isInvalidDecl())
    return std::nullopt;
  // The opt-out wins over everything, including a direct annotation.
  for (const TagDecl *R : RD->redecls())
    if (hasAnnotation(R, Annotation::Unpin))
      return std::nullopt;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (hasAnnotation(Spec->getSpecializedTemplate()->getTemplatedDecl(),
                      Annotation::Unpin))
      return std::nullopt;

  for (const TagDecl *R : RD->redecls())
    if (hasAnnotation(R, Annotation::AddressSensitive) ||
        hasAnnotation(R, Annotation::Marker)) {
      SensitivityReason S = reason(SensitivityReason::Annotated, RD, RD->getLocation());
      return S;
    }

  if (holdsArgumentsByValue(RD)) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec)
      return std::nullopt;
    auto Try = [&](const TemplateArgument &A) -> std::optional<SensitivityReason> {
      if (A.getKind() != TemplateArgument::Type)
        return std::nullopt;
      QualType T = A.getAsType();
      if (T->isReferenceType() || T->isPointerType())
        return std::nullopt;
      if (const CXXRecordDecl *Inner = recordOf(T))
        if (reasonFor(Inner)) {
          SensitivityReason S = reason(SensitivityReason::HeldByValue, RD,
                                       Spec->getPointOfInstantiation().isValid()
                                           ? Spec->getPointOfInstantiation()
                                           : RD->getLocation());
          S.Via = T;
          S.Next = Inner->getDefinition() ? Inner->getDefinition() : Inner;
          return S;
        }
      return std::nullopt;
    };
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
      if (A.getKind() == TemplateArgument::Pack) {
        for (const TemplateArgument &P : A.pack_elements())
          if (auto S = Try(P))
            return S;
      } else if (auto S = Try(A)) {
        return S;
      }
    }
    return std::nullopt;
  }
  // Every other standard type either owns its elements on the heap (vector,
  // unique_ptr, ...) or holds no user type by value.
  if (RD->isInStdNamespace())
    return std::nullopt;
  if (!RD->hasDefinition())
    return std::nullopt;

  for (const CXXBaseSpecifier &B : RD->bases()) {
    const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    if (Base && reasonFor(Base)) {
      SensitivityReason S = reason(SensitivityReason::Base, RD, B.getBeginLoc());
      S.Via = B.getType();
      S.Next = Base->getDefinition() ? Base->getDefinition() : Base;
      // Deriving from the marker is like holding it: the chain ends here.
      for (const TagDecl *R : S.Next->redecls())
        if (hasAnnotation(R, Annotation::Marker))
          S.Next = nullptr;
      return S;
    }
  }

  // Closure members are unnamed; name them after what they capture.
  llvm::DenseMap<const FieldDecl *, const ValueDecl *> CaptureOf;
  if (RD->isLambda()) {
    llvm::DenseMap<const ValueDecl *, FieldDecl *> Captures;
    FieldDecl *ThisField = nullptr;
    RD->getCaptureFields(Captures, ThisField);
    for (auto &[Var, Field] : Captures)
      CaptureOf[Field] = Var;
  }

  for (const FieldDecl *F : RD->fields()) {
    QualType T = F->getType();
    if (T->isReferenceType())
      continue;
    const CXXRecordDecl *Inner = recordOf(T);
    if (!Inner || !reasonFor(Inner))
      continue;
    const CXXRecordDecl *InnerDef =
        Inner->getDefinition() ? Inner->getDefinition() : Inner;
    bool IsMarker = false;
    for (const TagDecl *R : InnerDef->redecls())
      IsMarker |= hasAnnotation(R, Annotation::Marker);
    SensitivityReason S = reason(IsMarker ? SensitivityReason::MarkerMember
                                          : SensitivityReason::MemberOf,
                                 RD, F->getLocation());
    S.Member = F;
    if (auto It = CaptureOf.find(F); It != CaptureOf.end()) {
      S.Member = It->second;
      S.Loc = It->second->getLocation();
    }
    S.Via = T;
    S.Next = IsMarker ? nullptr : InnerDef;
    return S;
  }
  return std::nullopt;
}

std::vector<SensitivityReason> TypeModel::explain(QualType T) {
  std::vector<SensitivityReason> Chain;
  const CXXRecordDecl *RD = recordOf(T);
  while (RD && Chain.size() < 64) {
    const SensitivityReason *R = reasonFor(RD);
    if (!R)
      break;
    Chain.push_back(*R);
    RD = R->Next;
  }
  return Chain;
}

} // namespace pincheck
