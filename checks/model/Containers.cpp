#include "model/Containers.h"
#include "Options.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <cctype>

using namespace clang;

namespace pincheck {

namespace {
// The first (or I-th) template argument of RD, if RD is a class template
// specialisation and that argument is a type.
QualType typeArgument(const CXXRecordDecl *RD, unsigned I = 0) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() <= I ||
      Spec->getTemplateArgs()[I].getKind() != TemplateArgument::Type)
    return QualType();
  return Spec->getTemplateArgs()[I].getAsType();
}

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

ContainerModel::Kind ContainerModel::kindOf(const VarDecl *V) {
  return V ? classify(V->getType()).K : Kind::None;
}

namespace {

bool relocates(Kind K, StringRef Name) {
  switch (K) {
  case Kind::Vector:
    return llvm::StringSwitch<bool>(Name)
        .Cases({"push_back", "emplace_back", "insert", "emplace", "append_range",
                "insert_range", "resize", "reserve", "shrink_to_fit", "erase", "assign",
                "assign_range", "append", "resize_for_overwrite"},
               true)
        .Default(false);
  case Kind::Deque: // end insertion keeps references valid
    return llvm::StringSwitch<bool>(Name)
        .Cases({"insert", "emplace", "insert_range", "erase", "shrink_to_fit", "resize",
                "assign", "assign_range"},
               true)
        .Default(false);
  case Kind::FlatMap:
    return llvm::StringSwitch<bool>(Name)
        .Cases({"insert", "emplace", "emplace_hint", "insert_range", "try_emplace",
                "insert_or_assign", "erase"},
               true)
        .Default(false);
  case Kind::FlatSet:
    return llvm::StringSwitch<bool>(Name)
        .Cases({"insert", "emplace", "emplace_hint", "insert_range", "erase"}, true)
        .Default(false);
  case Kind::InplaceVector: // it never reallocates: only the middle shifts
    return llvm::StringSwitch<bool>(Name)
        .Cases({"insert", "emplace", "insert_range", "erase"}, true)
        .Default(false);
  case Kind::Array:
  case Kind::None:
    return false;
  }
  return false;
}

bool isIteratorCall(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases({"begin", "end", "cbegin", "cend", "rbegin", "rend", "crbegin", "crend", "find",
              "lower_bound", "upper_bound", "insert", "emplace", "emplace_hint", "erase"},
             true)
      .Default(false);
}

// Looks through what wraps a value on its way into a variable: implicit
// casts, temporaries, and a copy or converting construction (iterator to
// const_iterator).
const Expr *stripValue(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    const auto *CE = dyn_cast<CXXConstructExpr>(E);
    if (!CE || CE->getNumArgs() < 1 || isa<CXXTemporaryObjectExpr>(CE))
      return E;
    E = CE->getArg(0);
  }
  return E;
}

// The container an iterator-returning call is made on: v.begin(), v.find(k),
// std::begin(v), ..., and an iterator a few steps from one (v.end() - 1,
// std::next(v.begin())).
} // namespace

const VarDecl *ContainerModel::iteratorOf(const Expr *E) {
  E = stripValue(E);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(E)) {
    if (BO->getOpcode() != BO_Add && BO->getOpcode() != BO_Sub)
      return nullptr;
    return iteratorOf(BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS());
  }
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(E)) {
    if ((OC->getOperator() != OO_Plus && OC->getOperator() != OO_Minus) ||
        OC->getNumArgs() != 2)
      return nullptr;
    return iteratorOf(OC->getArg(0)->getType()->isIntegralOrEnumerationType() ? OC->getArg(1)
                                                                                : OC->getArg(0));
  }
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() && isIteratorCall(MD->getName()))
      return containerVariable(MC->getImplicitObjectArgument());
    return nullptr;
  }
  if (const auto *CE = dyn_cast_or_null<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || isa<CXXMethodDecl>(FD) || !FD->isInStdNamespace() || !FD->getIdentifier() ||
        CE->getNumArgs() < 1)
      return nullptr;
    StringRef Name = FD->getName();
    if (CE->getNumArgs() == 1 &&
        llvm::StringSwitch<bool>(Name)
            .Cases({"begin", "end", "cbegin", "cend", "rbegin", "rend"}, true)
            .Default(false))
      return containerVariable(CE->getArg(0));
    if (Name == "next" || Name == "prev")
      return iteratorOf(CE->getArg(0));
  }
  return nullptr;
}

// The container an element glvalue comes from: v[i], v.at(i), v.front(),
// v.back(), *v.begin(), *v.find(k).
const VarDecl *ContainerModel::elementOf(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref ? iteratorOf(UO->getSubExpr()) : nullptr;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
      return containerVariable(OC->getArg(0));
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1)
      return iteratorOf(OC->getArg(0));
    return nullptr;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() &&
        llvm::StringSwitch<bool>(MD->getName())
            .Cases({"at", "front", "back"}, true)
            .Default(false))
      return containerVariable(MC->getImplicitObjectArgument());
  }
  return nullptr;
}


std::string parseVectorLikeClasses(StringRef Value, std::vector<std::string> *Out) {
  std::vector<std::string> Names;
  const std::string Example = ", e.g. 'absl::InlinedVector;mycorp::Vec'";
  if (!Value.trim().empty()) {
    StringRef Rest = Value;
    while (true) {
      size_t Cut = Rest.find_first_of(";,");
      StringRef Name = Rest.substr(0, Cut).trim();
      if (Name.empty())
        return "empty class name (two separators in a row, or one at an end); separate "
               "the names with a single ';'" + Example;
      if (llvm::any_of(Name, [](char Ch) { return std::isspace(static_cast<unsigned char>(Ch)); }))
        return "class name '" + Name.str() +
               "' contains a space; write fully qualified names without spaces, separated "
               "by ';'" + Example;
      StringRef Bare = Name;
      Bare.consume_front("::");
      llvm::SmallVector<StringRef, 4> Parts;
      Bare.split(Parts, "::");
      bool Valid = llvm::all_of(Parts, [](StringRef P) {
        return !P.empty() && (std::isalpha(static_cast<unsigned char>(P[0])) || P[0] == '_') &&
               llvm::all_of(P, [](char Ch) {
                 return std::isalnum(static_cast<unsigned char>(Ch)) || Ch == '_';
               });
      });
      if (!Valid)
        return "'" + Name.str() +
               "' is not a fully qualified class template name; write the namespaces and "
               "the name joined by '::', without template arguments, e.g. "
               "'absl::InlinedVector'";
      Names.push_back(Bare.str());
      if (Cut == StringRef::npos)
        break;
      Rest = Rest.substr(Cut + 1);
    }
  }
  if (Out)
    *Out = std::move(Names);
  return "";
}

QualType stdElementType(QualType T, std::initializer_list<StringRef> Classes) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier() ||
      !llvm::is_contained(Classes, RD->getName()))
    return QualType();
  return typeArgument(RD);
}

QualType ContainerModel::relocatingElementType(QualType Container) { return classify(Container).Element; }

const VarDecl *ContainerModel::containerVariable(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || relocatingElementType(V->getType()).isNull())
    return nullptr;
  return V;
}

const VarDecl *ContainerModel::relocatingCall(const CallExpr *Call, StringRef *Method) {
  const VarDecl *C = nullptr;
  StringRef Name;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return nullptr;
    Name = MD->getName();
    C = containerVariable(MC->getImplicitObjectArgument());
    if (!relocates(kindOf(C), Name))
      return nullptr;
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
    // flat_map's operator[] inserts the key when it is missing.
    if (OC->getOperator() != OO_Subscript || OC->getNumArgs() != 2)
      return nullptr;
    Name = "operator[]";
    C = containerVariable(OC->getArg(0));
    if (kindOf(C) != Kind::FlatMap)
      return nullptr;
  } else {
    return nullptr;
  }
  if (Method)
    *Method = Name;
  return C;
}

void ContainerModel::wholeRelocations(const Operation &Op,
                      llvm::SmallVectorImpl<std::pair<const VarDecl *, std::string>> &Out) {
  if (Op.Family != OpFamily::Move && Op.Family != OpFamily::Swap)
    return;
  for (const Operand &O : Op.Operands) {
    if (O.IsPointer || O.Element ||
        (O.Role != OperandRole::Moved && O.Role != OperandRole::Swapped))
      continue;
    const VarDecl *C = containerVariable(stripMoveCasts(O.E));
    Kind K = kindOf(C);
    if (K != Kind::Array && K != Kind::InplaceVector)
      continue;
    std::string Name;
    if (Op.Family == OpFamily::Swap) {
      // a.swap(b) reads as a member call, like 'push_back'.
      Name = isa<CXXMemberCallExpr>(Op.Site) ? "swap" : Op.Callee;
    } else {
      // As written: std::move(a), std::forward<A>(a), static_cast<A &&>(a).
      const Expr *E = O.E->IgnoreImplicit()->IgnoreParens();
      if (const auto *CE = dyn_cast<CallExpr>(E); CE && CE->getDirectCallee() &&
                                                   CE->getDirectCallee()->getIdentifier())
        Name = "std::" + CE->getDirectCallee()->getName().str();
      else if (isa<CXXNamedCastExpr>(E))
        Name = cast<CXXNamedCastExpr>(E)->getCastName();
      else
        Name = "the move";
    }
    Out.push_back({C, Name});
  }
}

const VarDecl *ContainerModel::borrowedContainer(QualType HolderType, const Expr *Value) {
  // A count or a flag (`auto n = s.erase(k)`, `v.end() - v.begin()`) holds
  // no element.
  if (!Value || HolderType->isArithmeticType() || HolderType->isEnumeralType())
    return nullptr;
  if (HolderType->isReferenceType())
    return elementOf(Value);
  if (HolderType->isPointerType()) {
    const Expr *E = Value->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
      return elementOf(UO->getSubExpr());
    if (const Expr *Arg = addressofArgument(E, nullptr))
      return elementOf(Arg);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getIdentifier() && MD->getName() == "data")
        return containerVariable(MC->getImplicitObjectArgument());
    }
  }
  // An iterator: a class, or a pointer for containers whose iterators are.
  return iteratorOf(Value);
}

const DeclRefExpr *assignedVariable(const Expr *E, const Expr **Value) {
  const Expr *LHS = nullptr, *RHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() != BO_Assign)
      return nullptr;
    LHS = BO->getLHS();
    RHS = BO->getRHS();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() != OO_Equal || OC->getNumArgs() != 2)
      return nullptr;
    LHS = OC->getArg(0);
    RHS = OC->getArg(1);
  } else {
    return nullptr;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->isLocalVarDecl())
    return nullptr;
  if (Value)
    *Value = RHS;
  return DRE;
}

} // namespace pincheck
