// TypeModel.h - which types are address-sensitive, and why (docs/model.md "Address-sensitive types").
//
// A class is address-sensitive when it is annotated, has a member of the
// marker type, is self-referential or lets `this` escape from a constructor
// (both inferred, unless the option InferSelfReferences is off), or holds an
// address-sensitive type by value (base, member, array element, the value of
// std::optional/variant/tuple/pair/array/inplace_vector). Pointers,
// references and heap-owning types do not propagate it; PIN_UNPIN stops it.
// Verdicts are cached per class.
#ifndef PINCHECK_TYPEMODEL_H
#define PINCHECK_TYPEMODEL_H

#include "model/Containers.h"
#include "model/ListedNames.h"
#include "model/PlacementStorage.h"
#include "model/SelfReference.h"
#include "model/ThisEscape.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <vector>

namespace pincheck {

/// One link of the "because" chain.
struct SensitivityReason {
  enum KindT {
    Annotated,
    MarkerMember,
    MemberOf,
    Base,
    HeldByValue,
    SelfReferential, ///< a constructor makes a member refer into the object (Self)
    ThisEscapes,     ///< a constructor lets `this` escape (Escape)
    Listed,          ///< named by the option AddressSensitiveClasses
  } Kind = Annotated;
  const clang::RecordDecl *Record = nullptr; // the class being explained
  clang::SourceLocation Loc;                    // where the note points
  const clang::NamedDecl *Member = nullptr;     // MarkerMember, Member
  clang::QualType Via;        // type of the member / base / held value
  const clang::RecordDecl *Next = nullptr; // next class in the chain
  const SelfReference *Self = nullptr;     // SelfReferential
  const ThisEscape *Escape = nullptr;      // ThisEscapes
};

class TypeModel {
public:
  /// InferSelfReferences: classes whose constructors make them
  /// self-referential or let `this` escape are address-sensitive.
  TypeModel(clang::ASTContext &Ctx, bool InferSelfReferences = true)
      : Ctx(Ctx), Infer(InferSelfReferences) {}

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
  /// What constructors defined in other files do (their escapes and
  /// self-references), from the summaries index (null: nothing).
  void setIndex(const SummaryIndex *I) {
    Escapes.setIndex(I);
    SelfRefs.setIndex(I);
  }
  /// The third-party classes and functions the options name.
  ListedNames &listed() { return Listed; }
  const ListedNames &listed() const { return Listed; }
  /// Constructors that let `this` escape (setIndex: also those defined in
  /// other files, from the summaries index).
  EscapeModel &escapes() { return Escapes; }
  /// Member byte buffers that hold objects constructed into them.
  PlacementStorageModel &placements() { return Placements; }
  /// Constructors that make their class self-referential, and copy and move
  /// members that make it again.
  SelfReferenceModel &selfReferences() { return SelfRefs; }
  /// Whether an implicit or defaulted copy or move member of an
  /// address-sensitive class cooperates because every address-sensitive
  /// part of its class (a base, a member) is copied or moved by a member of
  /// that part's class that cooperates (PIN_ADDRESS_AWARE, re-pointing its
  /// self-references, re-registering `this`, or memberwise again), and the
  /// class itself adds nothing (no annotation, no self-reference or escape
  /// of its own).
  bool memberwiseCooperates(const clang::CXXMethodDecl *M, unsigned Depth = 0);
  /// Whether a copy or move member M re-establishes what makes its class
  /// address-sensitive: PIN_ADDRESS_AWARE, re-registering `this` where a
  /// constructor registers it, a user-provided one that re-points the
  /// class's self-references (on some paths at least), or an implicit or
  /// defaulted one that cooperates memberwise.
  bool cooperates(const clang::CXXMethodDecl *M, unsigned Depth = 0);
  /// The member a container runs to relocate an element of class RD (its
  /// move constructor if that cannot throw or there is no copy
  /// constructor, else its copy constructor), or null.
  static const clang::CXXMethodDecl *relocatingMember(const clang::CXXRecordDecl *RD);
  /// When every element of type Elem is pinned from its construction (its
  /// class is self-referential) and a container call relocates it with a
  /// member that does not cooperate: the self-reference, and Member that
  /// member; else null. Grows: the call may move elements to new storage
  /// (their constructor); Shifts: it may move them along (their
  /// assignment: a middle insertion or erasure).
  const SelfReference *elementsPinnedFromConstruction(clang::QualType Elem, bool Grows,
                                                      bool Shifts,
                                                      const clang::CXXMethodDecl **Member);
  /// Whether classes are inferred address-sensitive from their constructors.
  bool infers() const { return Infer; }

private:
  const SensitivityReason *reasonFor(const clang::RecordDecl *RD);
  std::optional<SensitivityReason> compute(const clang::RecordDecl *RD);
  std::optional<SensitivityReason> inferred(const clang::CXXRecordDecl *RD);

  clang::ASTContext &Ctx;
  bool Infer;
  ContainerModel Containers;
  ListedNames Listed;
  EscapeModel Escapes;
  PlacementStorageModel Placements;
  SelfReferenceModel SelfRefs;
  /// nullopt: not address-sensitive (also the provisional answer while a
  /// class is being computed, which ends recursion through incomplete types).
  llvm::DenseMap<const clang::RecordDecl *, std::optional<SensitivityReason>>
      Cache;
};

} // namespace pincheck

#endif
