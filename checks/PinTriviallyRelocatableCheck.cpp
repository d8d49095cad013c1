// PinTriviallyRelocatableCheck.cpp - pin-trivially-relocatable's rule and
// wording (docs/checks/pin-trivially-relocatable.md): an address-sensitive
// class declared trivially relocatable (model/RelocationClaims.h), or held
// by a packed class.
#include "PinTriviallyRelocatableCheck.h"
#include "explain/Text.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace pincheck {

// How the claim declares the class relocatable, after "by ".
static std::string how(const RelocationClaim &Cl) {
  switch (Cl.Kind) {
  case RelocationClaim::TrivialABI:
    return "'[[clang::trivial_abi]]' (it is passed in registers: copied bit by bit)";
  case RelocationClaim::Attribute:
    return "attribute " + quoted(Cl.Spelling) +
           " (Clang ignores it; other compilers and libraries move it with memcpy)";
  case RelocationClaim::Trait:
    return "a specialization of " + quoted(Cl.Spelling) +
           " (containers that read it move it with memcpy)";
  case RelocationClaim::NestedMarker:
    return "its member " + quoted(Cl.Spelling) +
           " (containers that read it move it with memcpy)";
  case RelocationClaim::Packed:
    break;
  }
  return Cl.Spelling;
}

void PinTriviallyRelocatableCheck::checkDeclaration(const Decl *D, DeclarationContext &C,
                                                    std::vector<Finding> &Out) {
  if (!isa<CXXRecordDecl>(D))
    return;
  for (const RelocationClaim &Cl : C.Claims.claimsOf(D, C.Ctx)) {
    Finding F;
    F.Check = Id;
    F.Loc = Cl.Loc;
    F.Range = Cl.Range;
    std::string Name = quoted(Cl.Class->getNameAsString());
    if (Cl.Kind == RelocationClaim::Packed) {
      // One finding per packed class: its first address-sensitive member.
      for (const FieldDecl *M : Cl.Class->fields()) {
        if (!C.Types.isAddressSensitive(M->getType()))
          continue;
        F.Message = "packed class " + Name + " holds address-sensitive member " +
                    quoted(M->getNameAsString()) +
                    ": a packed class is copied as bytes and its members may be misaligned; "
                    "keep " + quoted(M->getNameAsString()) +
                    " out of the packed class, or hold it by pointer";
        F.Notes.push_back({M->getLocation(), "member " + quoted(M->getNameAsString()) +
                                                 " is declared here"});
        C.Explain.typeNotes(M->getType(), F.Notes);
        Out.push_back(std::move(F));
        break;
      }
      continue;
    }
    QualType T = C.Ctx.getCanonicalTagType(Cl.Class);
    if (!C.Types.isAddressSensitive(T))
      continue;
    F.Message = Name + " is declared trivially relocatable by " + how(Cl) +
                ", but it is address-sensitive: a relocated object's self-references and "
                "registrations still refer to the old address; remove the claim";
    C.Explain.typeNotes(T, F.Notes);
    Out.push_back(std::move(F));
  }
}

} // namespace pincheck
