// Containers.cpp - which classes are containers that may relocate their
// elements, of which kind, and with which element type; the vector-like
// list from the option VectorLikeClasses.
#include "model/Containers.h"
#include "model/NameList.h"
#include "Options.h"
#include "model/StdLibrary.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <cctype>

using namespace clang;

namespace pincheck {

namespace {
// RD's name qualified by its namespaces and classes, inline namespaces
// left out ("absl::InlinedVector" for absl::lts_2024::InlinedVector<T, N>);
// "" for a class no option can name (local, anonymous).
std::string qualifiedName(const CXXRecordDecl *RD) {
  if (!RD->getIdentifier())
    return "";
  llvm::SmallVector<StringRef, 4> Parts{RD->getName()};
  for (const DeclContext *DC = RD->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline())
        continue;
      if (NS->isAnonymousNamespace())
        return "";
      Parts.push_back(NS->getName());
    } else if (const auto *R = dyn_cast<RecordDecl>(DC)) {
      if (!R->getIdentifier())
        return "";
      Parts.push_back(R->getName());
    } else if (!isa<TranslationUnitDecl, LinkageSpecDecl, ExportDecl>(DC)) {
      return ""; // a local class
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

using Kind = ContainerModel::Kind;

} // namespace

ContainerModel::ContainerModel() { setVectorLike(DefaultVectorLikeClasses); }

void ContainerModel::setVectorLike(StringRef Value) {
  std::vector<std::string> Names;
  if (!parseVectorLikeClasses(Value, &Names).empty())
    return;
  VectorLike.clear();
  for (const std::string &N : Names)
    VectorLike.insert(N);
  Cache.clear();
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
  if (VectorLike.empty() || !isa<ClassTemplateSpecializationDecl>(RD))
    return {};
  QualType E = typeArgument(RD);
  if (E.isNull() || !VectorLike.contains(qualifiedName(RD)))
    return {};
  return {Kind::Vector, E};
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

QualType ContainerModel::relocatingElementType(QualType Container) { return classify(Container).Element; }

} // namespace pincheck
