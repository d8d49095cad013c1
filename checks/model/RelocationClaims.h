// RelocationClaims.h - the declarations that claim a class is trivially
// relocatable, so that containers, the ABI or a library may move its objects
// with memcpy (docs/checks/pin-trivially-relocatable.md):
// - `[[clang::trivial_abi]]` on the class;
// - a relocation attribute Clang 22 ignores but other compilers and
//   libraries read: `[[trivially_relocatable]]` (P1144),
//   `[[clang::trivially_relocatable]]`, and the same in `__attribute__`;
// - an explicit specialisation of a relocatability trait named by the option
//   RelocatableTraits (folly::IsRelocatable, QTypeInfo, ...) that says true;
// - a nested marker a library's trait reads: a member `IsRelocatable` that
//   is (or names a type whose `value` is) true (folly), or a static member
//   `SusUnsafeTrivialRelocate` that is true (Subspace's
//   sus_class_trivially_relocatable);
// - `__attribute__((packed))`: a packed class's members are copied as bytes
//   and may be misaligned.
// Claims only; whether the class is address-sensitive is the check's
// question.
#ifndef PINCHECK_RELOCATIONCLAIMS_H
#define PINCHECK_RELOCATIONCLAIMS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace pincheck {

struct RelocationClaim {
  enum KindT {
    TrivialABI,   ///< [[clang::trivial_abi]]
    Attribute,    ///< a relocation attribute Clang ignores
    Trait,        ///< a true specialisation of a listed trait
    NestedMarker, ///< a member a library's trait reads
    Packed,       ///< __attribute__((packed))
  } Kind = TrivialABI;
  /// The class claimed relocatable (for Packed: the packed class).
  const clang::CXXRecordDecl *Class = nullptr;
  clang::SourceLocation Loc;
  clang::SourceRange Range;
  /// The claim as written: "[[clang::trivial_abi]]", "folly::IsRelocatable",
  /// "IsRelocatable", "trivially_relocatable", "packed".
  std::string Spelling;
};

class RelocationClaimModel {
public:
  /// Traits: the option RelocatableTraits (an invalid value keeps the
  /// default list; the front ends report it).
  explicit RelocationClaimModel(llvm::StringRef Traits);

  /// The claims D makes: a class definition's attributes and nested markers,
  /// or a specialisation of a listed trait that is true. A class template's
  /// pattern makes none (its instantiations are asked).
  std::vector<RelocationClaim> claimsOf(const clang::Decl *D, clang::ASTContext &Ctx) const;

private:
  llvm::StringSet<> Traits;
};

/// Whether a RelocatableTraits value is valid: what is wrong and how to
/// write it, or "".
std::string validateRelocatableTraits(llvm::StringRef Value);

} // namespace pincheck

#endif
