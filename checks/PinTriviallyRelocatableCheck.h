// PinTriviallyRelocatableCheck.h - pin-trivially-relocatable: see docs/checks/pin-trivially-relocatable.md.
#ifndef PINCHECK_PINTRIVIALLYRELOCATABLECHECK_H
#define PINCHECK_PINTRIVIALLYRELOCATABLECHECK_H

#include "Check.h"

namespace pincheck {

class PinTriviallyRelocatableCheck : public CheckBase {
public:
  static constexpr CheckId Id = CheckId::PinTriviallyRelocatableCheck;
  /// The claims D makes that an address-sensitive class is trivially
  /// relocatable.
  static void checkDeclaration(const clang::Decl *D, DeclarationContext &C,
                               std::vector<Finding> &Out);
};

} // namespace pincheck

#endif
