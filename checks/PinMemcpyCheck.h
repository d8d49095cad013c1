// PinMemcpyCheck.h - pin-memcpy: see docs/checks/pin-memcpy.md.
#ifndef PINCHECK_PINMEMCPYCHECK_H
#define PINCHECK_PINMEMCPYCHECK_H

#include "RelocationCheck.h"

namespace pincheck {

class PinMemcpyCheck : public CheckBase {
public:
  static constexpr CheckId Id = CheckId::PinMemcpyCheck;
  static constexpr unsigned Needs = NeedsPinFlow;
  /// The finding for a pinned operand of one of its family's operations.
  static void reportUse(const FunctionResults &R, const PinnedUse &U,
                        std::vector<Finding> &Out);
  /// In a template instantiation: raw relocations of objects whose type is
  /// the template's argument, when that is address-sensitive.
  static void checkDeclaration(const clang::Decl *D, DeclarationContext &C,
                               std::vector<Finding> &Out);
  /// Its message for U.
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
