// TypeModel.cpp - the address-sensitivity of classes and its chain of
// reasons, computed once per class.
#include "model/TypeModel.h"
#include "model/Annotations.h"
#include "model/SpecialMembers.h"
#include "model/StdLibrary.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace pincheck {

const RecordDecl *TypeModel::recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  const Type *Ty = T.getCanonicalType().getTypePtr();
  while (const ArrayType *AT = Ty->getAsArrayTypeUnsafe())
    Ty = AT->getElementType().getCanonicalType().getTypePtr();
  // A C++ class, or a C struct or union (C and Objective-C are analysed too).
  return Ty->getAsRecordDecl();
}

bool TypeModel::isAddressSensitive(QualType T) {
  const RecordDecl *RD = recordOf(T);
  return RD && reasonFor(RD);
}

const SensitivityReason *TypeModel::reasonFor(const RecordDecl *RD) {
  if (!RD)
    return nullptr;
  if (const RecordDecl *Def = RD->getDefinition())
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

static SensitivityReason reason(SensitivityReason::KindT K, const RecordDecl *RD,
                                SourceLocation Loc) {
  SensitivityReason S;
  S.Kind = K;
  S.Record = RD;
  S.Loc = Loc;
  return S;
}

// What the class's own constructors make of it: self-references, or
// `this` escaping. Asked after the annotations, bases and members, so that a
// class holding an annotated part is explained by that part.
std::optional<SensitivityReason> TypeModel::inferred(const CXXRecordDecl *RD) {
  if (!Infer || !RD || RD->isLambda())
    return std::nullopt;
  if (const SelfReference *Self = SelfRefs.of(RD)) {
    // (Made in another file: the explainer places the note there.)
    SensitivityReason S = reason(SensitivityReason::SelfReferential, RD,
                                 Self->Where      ? Self->Where->getBeginLoc()
                                 : Self->External ? SourceLocation()
                                                  : RD->getLocation());
    S.Self = Self;
    return S;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  if (RD->isInStdNamespace() || !RD->hasDefinition() ||
      SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())))
    return std::nullopt;
  for (const CXXConstructorDecl *C : RD->getDefinition()->ctors())
    if (!C->isCopyOrMoveConstructor())
      if (const ThisEscape *E = Escapes.escape(C)) {
        // (An escape in another file: the explainer places the note there.)
        SensitivityReason S = reason(SensitivityReason::ThisEscapes, RD,
                                     E->Where      ? E->Where->getBeginLoc()
                                     : E->External ? SourceLocation()
                                                   : RD->getLocation());
        S.Escape = E;
        return S;
      }
  return std::nullopt;
}

bool TypeModel::cooperates(const CXXMethodDecl *M, unsigned Depth) {
  if (!M)
    return false;
  if (functionHas(M, Annotation::AddressAware) || Escapes.reregisters(M))
    return true;
  // Re-pointing on some paths counts: a small buffer's move re-points when
  // the source used its inline storage and takes the heap pointer otherwise.
  if (M->isUserProvided())
    return Infer && SelfRefs.of(M->getParent()) && SelfRefs.cooperation(M) != Cooperation::No;
  return memberwiseCooperates(M, Depth);
}

// A container relocates an element with its move constructor when that
// cannot throw or there is no copy constructor (std::move_if_noexcept),
// else with its copy constructor.
const CXXMethodDecl *TypeModel::relocatingMember(const CXXRecordDecl *RD) {
  const CXXMethodDecl *Move = copyOrMoveMember(RD, /*Assignment=*/false, /*Move=*/true);
  const CXXMethodDecl *Copy = copyOrMoveMember(RD, /*Assignment=*/false, /*Move=*/false);
  if (!Move || !Copy || Move == Copy)
    return Move ? Move : Copy;
  const auto *FPT = Move->getType()->getAs<FunctionProtoType>();
  return FPT && FPT->canThrow() == CT_Cannot ? Move : Copy;
}

const SelfReference *TypeModel::elementsPinnedFromConstruction(QualType Elem, bool Grows,
                                                               bool Shifts,
                                                               const CXXMethodDecl **Member) {
  const auto *RD = dyn_cast_or_null<CXXRecordDecl>(recordOf(Elem));
  if (!Infer || !RD || Elem->isArrayType() || !isAddressSensitive(Elem))
    return nullptr;
  const SelfReference *S = SelfRefs.of(RD);
  if (!S)
    return nullptr;
  // Growing moves elements into new storage; shifting them (a middle
  // insertion or erasure) assigns each over its neighbour.
  for (const CXXMethodDecl *M :
       {Grows ? relocatingMember(RD) : nullptr,
        Shifts ? copyOrMoveMember(RD, /*Assignment=*/true, /*Move=*/true) : nullptr})
    if (M && !cooperates(M)) {
      *Member = M;
      return S;
    }
  return nullptr;
}

bool TypeModel::memberwiseCooperates(const CXXMethodDecl *M, unsigned Depth) {
  if (!M || Depth > 4 || M->isDeleted() || !isMemberwise(M))
    return false;
  const CXXRecordDecl *RD = M->getParent()->getDefinition();
  if (!RD || RD->isUnion())
    return false;
  for (const TagDecl *R : RD->redecls())
    if (hasAnnotation(R, Annotation::AddressSensitive) || hasAnnotation(R, Annotation::Marker))
      return false;
  if (Infer) {
    if (SelfRefs.ownOf(RD))
      return false;
    for (const CXXConstructorDecl *C : RD->ctors())
      if (!C->isCopyOrMoveConstructor() && Escapes.escape(C))
        return false;
  }
  // Only a class address-sensitive through its bases and members (not a
  // library holder, whose parts are its implementation's).
  const SensitivityReason *Why = reasonFor(RD);
  if (!Why || (Why->Kind != SensitivityReason::MemberOf && Why->Kind != SensitivityReason::Base))
    return false;
  // Each address-sensitive part, through its class's member.
  auto Part = [&](QualType T) {
    if (!isAddressSensitive(T))
      return true;
    const auto *PRD = dyn_cast_or_null<CXXRecordDecl>(recordOf(T));
    // The member an implicit one like M runs on that part.
    const CXXMethodDecl *PM =
        copyOrMoveMember(PRD, !isa<CXXConstructorDecl>(M), isMoveMember(M));
    return cooperates(PM, Depth + 1);
  };
  for (const CXXBaseSpecifier &B : RD->bases())
    if (!Part(B.getType()))
      return false;
  for (const FieldDecl *F : RD->fields())
    if (!Part(F->getType()))
      return false;
  return true;
}

std::optional<SensitivityReason> TypeModel::compute(const RecordDecl *Rec) {
  if (Rec->isInvalidDecl())
    return std::nullopt;
  // The opt-out wins over everything, including a direct annotation.
  for (const TagDecl *R : Rec->redecls())
    if (hasAnnotation(R, Annotation::Unpin))
      return std::nullopt;
  // A C++ class, or (null) a C struct or union.
  const auto *RD = dyn_cast<CXXRecordDecl>(Rec);
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    if (hasAnnotation(Spec->getSpecializedTemplate()->getTemplatedDecl(),
                      Annotation::Unpin))
      return std::nullopt;

  for (const TagDecl *R : Rec->redecls())
    if (hasAnnotation(R, Annotation::AddressSensitive) ||
        hasAnnotation(R, Annotation::Marker)) {
      SensitivityReason S = reason(SensitivityReason::Annotated, Rec, Rec->getLocation());
      return S;
    }
  // What the user would have annotated, had the header been theirs.
  if (Listed.sensitiveClass(Rec))
    return reason(SensitivityReason::Listed, Rec, Rec->getLocation());
  // A constructor annotated PIN_PINS_THIS pins every object it makes: the
  // class's address matters whether or not its body is seen (or inferred).
  if (RD && RD->hasDefinition())
    for (const CXXConstructorDecl *C : RD->getDefinition()->ctors())
      if (functionAnnotation(C, Annotation::PinsThis))
        if (const ThisEscape *E = Escapes.escape(C)) {
          SensitivityReason S = reason(SensitivityReason::ThisEscapes, RD, E->Annotated->getLocation());
          S.Escape = E;
          return S;
        }
  if (RD && holdsArgumentsByValue(RD)) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec)
      return std::nullopt;
    auto Try = [&](const TemplateArgument &A) -> std::optional<SensitivityReason> {
      if (A.getKind() != TemplateArgument::Type)
        return std::nullopt;
      QualType T = A.getAsType();
      if (T->isReferenceType() || T->isPointerType())
        return std::nullopt;
      if (const RecordDecl *Inner = recordOf(T))
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
  if (Rec->isInStdNamespace())
    return std::nullopt;
  if (!Rec->getDefinition() || (RD && !RD->hasDefinition()))
    return std::nullopt;

  for (const CXXBaseSpecifier &B : RD ? RD->bases()
                                       : CXXRecordDecl::base_class_const_range(nullptr, nullptr)) {
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
  if (RD && RD->isLambda()) {
    llvm::DenseMap<const ValueDecl *, FieldDecl *> Captures;
    FieldDecl *ThisField = nullptr;
    RD->getCaptureFields(Captures, ThisField);
    for (auto &[Var, Field] : Captures)
      CaptureOf[Field] = Var;
  }

  for (const FieldDecl *F : Rec->getDefinition()->fields()) {
    QualType T = F->getType();
    if (T->isReferenceType())
      continue;
    const RecordDecl *Inner = recordOf(T);
    if (!Inner || !reasonFor(Inner))
      continue;
    const RecordDecl *InnerDef =
        Inner->getDefinition() ? Inner->getDefinition() : Inner;
    bool IsMarker = false;
    for (const TagDecl *R : InnerDef->redecls())
      IsMarker |= hasAnnotation(R, Annotation::Marker);
    SensitivityReason S = reason(IsMarker ? SensitivityReason::MarkerMember
                                          : SensitivityReason::MemberOf,
                                 Rec, F->getLocation());
    S.Member = F;
    if (auto It = CaptureOf.find(F); It != CaptureOf.end()) {
      S.Member = It->second;
      S.Loc = It->second->getLocation();
    }
    S.Via = T;
    S.Next = IsMarker ? nullptr : InnerDef;
    return S;
  }
  return inferred(RD);
}

std::vector<SensitivityReason> TypeModel::explain(QualType T) {
  std::vector<SensitivityReason> Chain;
  const RecordDecl *RD = recordOf(T);
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
