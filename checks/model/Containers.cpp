// Containers.cpp - which classes are containers that may relocate their
// elements, of which kind, and with which element type; the vector-like
// list from the option VectorLikeClasses.
#include "model/Containers.h"
#include "model/NameList.h"
#include "Options.h"
#include "model/StdLibrary.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <cctype>

using namespace clang;

namespace pincheck {

namespace {
using Kind = ContainerModel::Kind;

} // namespace

ContainerModel::ContainerModel() {
  setVectorLike(DefaultVectorLikeClasses);
  setOpenAddressing(DefaultOpenAddressingMaps);
}

// Names of a list option into Into (an invalid value keeps the old list);
// the verdicts computed with the old one are dropped.
static bool setNames(StringRef Value,
                     std::string (*Parse)(StringRef, std::vector<std::string> *),
                     llvm::StringSet<> &Into) {
  std::vector<std::string> Names;
  if (!Parse(Value, &Names).empty())
    return false;
  Into.clear();
  for (const std::string &N : Names)
    Into.insert(N);
  return true;
}

void ContainerModel::setVectorLike(StringRef Value) {
  if (!setNames(Value, parseVectorLikeClasses, VectorLike))
    return;
  Cache.clear();
  Reaches.clear();
}

void ContainerModel::setOpenAddressing(StringRef Value) {
  if (!setNames(Value, parseOpenAddressingMaps, OpenAddressing))
    return;
  Cache.clear();
  Reaches.clear();
}

// RD itself, not its bases.
ContainerModel::Info ContainerModel::ownInfo(const CXXRecordDecl *RD) const {
  if (!RD->getIdentifier())
    return {};
  if (RD->isInStdNamespace()) {
    Kind K = llvm::StringSwitch<Kind>(RD->getName())
                 .Case("vector", Kind::Vector)
                 .Case("deque", Kind::Deque)
                 .Cases({"flat_map", "flat_multimap"}, Kind::FlatMap)
                 .Cases({"flat_set", "flat_multiset"}, Kind::FlatSet)
                 .Case("array", Kind::Array)
                 .Case("inplace_vector", Kind::InplaceVector)
                 .Default(Kind::None);
    if (K == Kind::None)
      return {};
    QualType E = typeArgument(RD, K == Kind::FlatMap ? 1 : 0);
    return E.isNull() ? Info{} : Info{K, E};
  }
  if ((VectorLike.empty() && OpenAddressing.empty()) ||
      !isa<ClassTemplateSpecializationDecl>(RD))
    return {};
  std::string Name = qualifiedName(RD);
  if (VectorLike.contains(Name)) {
    QualType E = typeArgument(RD);
    return E.isNull() ? Info{} : Info{Kind::Vector, E};
  }
  if (OpenAddressing.contains(Name)) {
    // A map's values are its second argument; a set's elements its first.
    bool Set = StringRef(Name).ends_with_insensitive("set");
    QualType E = typeArgument(RD, Set ? 0 : 1);
    return E.isNull() ? Info{} : Info{Kind::OpenMap, E};
  }
  return {};
}

// RD, or the first of its bases that is a known container (a class derived
// from std::vector<T> is one).
ContainerModel::Info ContainerModel::classify(const CXXRecordDecl *RD) {
  if (!RD)
    return {};
  RD = RD->getCanonicalDecl();
  auto It = Cache.find(RD);
  if (It != Cache.end())
    return It->second;
  Info I = ownInfo(RD);
  if (I.K == Kind::None)
    if (const CXXRecordDecl *Def = RD->getDefinition())
      for (const CXXBaseSpecifier &B : Def->bases()) {
        I = classify(B.getType()->getAsCXXRecordDecl());
        if (I.K != Kind::None)
          break;
      }
  Cache[RD] = I; // (classify of a base may have grown the map: index again)
  return I;
}

ContainerModel::Info ContainerModel::classify(QualType T) {
  if (T.isNull())
    return {};
  return classify(T.getNonReferenceType()->getAsCXXRecordDecl());
}

ContainerModel::Kind ContainerModel::kindOf(QualType T) { return classify(T).K; }

std::string parseVectorLikeClasses(StringRef Value, std::vector<std::string> *Out) {
  return parseClassTemplateNames(Value, "'absl::InlinedVector;mycorp::Vec'", Out);
}

std::string parseOpenAddressingMaps(StringRef Value, std::vector<std::string> *Out) {
  return parseClassTemplateNames(Value, "'llvm::DenseMap;mycorp::HashMap'", Out);
}

bool isViewType(QualType T) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (RD->isInStdNamespace())
    return isStdClass(RD, {"span", "basic_string_view"});
  std::string Name = qualifiedName(RD);
  return Name == "llvm::ArrayRef" || Name == "llvm::MutableArrayRef" || Name == "absl::Span";
}

bool ContainerModel::isNodeMap(QualType T) {
  if (T.isNull())
    return false;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier() || !isa<ClassTemplateSpecializationDecl>(RD))
    return false;
  if (RD->isInStdNamespace())
    return llvm::StringSwitch<bool>(RD->getName())
        .Cases({"map", "unordered_map", "multimap", "unordered_multimap"}, true)
        .Default(false);
  std::string Name = qualifiedName(RD);
  return Name == "absl::node_hash_map" || Name == "folly::F14NodeMap";
}

bool ContainerModel::reachesContainers(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return reaches(T->getAsCXXRecordDecl(), 0);
}

static QualType Ctx(const CXXRecordDecl *RD) {
  return RD->getASTContext().getCanonicalTagType(RD);
}

bool ContainerModel::isHandWritten(QualType T) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getDefinition())
    return false;
  RD = RD->getDefinition();
  auto [It, New] = HandWritten.try_emplace(RD, false);
  if (!New)
    return It->second;
  const SourceManager &SM = RD->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())))
    return false;
  bool Inserts = false, Accesses = false;
  for (const CXXMethodDecl *MD : RD->methods()) {
    if (MD->getOverloadedOperator() == OO_Subscript) {
      Accesses = true;
      continue;
    }
    if (!MD->getIdentifier())
      continue;
    StringRef N = MD->getName();
    if (N == "back" || N == "front" || N == "at")
      Accesses = true;
    else if ((N == "push_back" || N == "emplace_back" || N == "push" || N == "emplace" ||
              N == "insert" || N == "append") &&
             llvm::any_of(MD->parameters(), [](const ParmVarDecl *P) {
               return P->getType()->isReferenceType();
             }))
      Inserts = true;
  }
  return HandWritten[RD] = Inserts && Accesses;
}

bool ContainerModel::reaches(const CXXRecordDecl *RD, unsigned Depth) {
  if (!RD || Depth > 3)
    return false;
  RD = RD->getCanonicalDecl();
  if (classify(RD).K != Kind::None || isHandWritten(Ctx(RD)))
    return true;
  auto [It, New] = Reaches.try_emplace(RD, false);
  if (!New)
    return It->second;
  const CXXRecordDecl *Def = RD->getDefinition();
  bool R = false;
  if (Def && !Def->isInvalidDecl()) {
    auto Inner = [&](QualType FT) {
      FT = FT.getCanonicalType();
      if (isNodeMap(FT))
        return reaches(
            typeArgument(FT->getAsCXXRecordDecl(), 1).isNull()
                ? nullptr
                : typeArgument(FT->getAsCXXRecordDecl(), 1)->getAsCXXRecordDecl(),
            Depth + 1);
      if (const CXXRecordDecl *F = FT->getAsCXXRecordDecl();
          F && F->isInStdNamespace() && F->getIdentifier() && F->getName() == "unique_ptr")
        return reaches(typeArgument(F)->getAsCXXRecordDecl(), Depth + 1);
      while (const auto *AT = dyn_cast<ConstantArrayType>(FT.getTypePtr()))
        FT = AT->getElementType();
      return reaches(FT->getAsCXXRecordDecl(), Depth + 1);
    };
    for (const FieldDecl *F : Def->fields())
      if ((R = Inner(F->getType())))
        break;
    if (!R)
      for (const CXXBaseSpecifier &B : Def->bases())
        if ((R = reaches(B.getType()->getAsCXXRecordDecl(), Depth + 1)))
          break;
  }
  Reaches[RD] = R;
  return R;
}

QualType ContainerModel::relocatingElementType(QualType Container) { return classify(Container).Element; }

} // namespace pincheck
