// PinSelfReferenceCheck.h - pin-self-reference: see docs/checks/pin-self-reference.md.
#ifndef PINCHECK_PINSELFREFERENCECHECK_H
#define PINCHECK_PINSELFREFERENCECHECK_H

#include "Check.h"

namespace pincheck {

class PinSelfReferenceCheck : public CheckBase {
public:
  static constexpr CheckId Id = CheckId::PinSelfReferenceCheck;
  /// A self-referential class whose implicit or defaulted copy or move
  /// members are used.
  static void checkDeclaration(const clang::Decl *D, DeclarationContext &C,
                               std::vector<Finding> &Out);
};

} // namespace pincheck

#endif
