// TypeModel.h - which types are address-sensitive, and why (docs/model.md "Address-sensitive types").
//
// A class is address-sensitive when it is annotated, has a member of the
// marker type, or holds an address-sensitive type by value (base, member,
// array element, the value of std::optional/variant/tuple/pair/array/
// inplace_vector). Pointers, references and heap-owning types do not
// propagate it; PIN_UNPIN stops it. Verdicts are cached per class.
#ifndef PINCHECK_TYPEMODEL_H
#define PINCHECK_TYPEMODEL_H

#include "model/Containers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <vector>

namespace pincheck {

/// One link of the "because" chain.
struct SensitivityReason {
  enum KindT { Annotated, MarkerMember, MemberOf, Base, HeldByValue } Kind = Annotated;
  const clang::RecordDecl *Record = nullptr; // the class being explained
  clang::SourceLocation Loc;                    // where the note points
  const clang::NamedDecl *Member = nullptr;     // MarkerMember, Member
  clang::QualType Via;        // type of the member / base / held value
  const clang::RecordDecl *Next = nullptr; // next class in the chain
};

class TypeModel {
public:
  explicit TypeModel(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// T with arrays, cv-qualifiers and sugar looked through. References and
  /// pointers are never address-sensitive.
  bool isAddressSensitive(clang::QualType T);

  /// The chain explaining T, outermost class first; empty if T is not
  /// address-sensitive.
  std::vector<SensitivityReason> explain(clang::QualType T);

  /// The class T names after looking through arrays and sugar, or null.
  static const clang::RecordDecl *recordOf(clang::QualType T);

  clang::ASTContext &context() { return Ctx; }
  /// Which containers relocate their elements (per translation unit too).
  ContainerModel &containers() { return Containers; }

private:
  const SensitivityReason *reasonFor(const clang::RecordDecl *RD);
  std::optional<SensitivityReason> compute(const clang::RecordDecl *RD);

  clang::ASTContext &Ctx;
  ContainerModel Containers;
  /// nullopt: not address-sensitive (also the provisional answer while a
  /// class is being computed, which ends recursion through incomplete types).
  llvm::DenseMap<const clang::RecordDecl *, std::optional<SensitivityReason>>
      Cache;
};

} // namespace pincheck

#endif
