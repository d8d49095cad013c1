// PinCopyCheck.h - pin-copy: see docs/checks/pin-copy.md.
#ifndef PINCHECK_PINCOPYCHECK_H
#define PINCHECK_PINCOPYCHECK_H

#include "RelocationCheck.h"

namespace pincheck {

class PinCopyCheck : public CheckBase {
public:
  static constexpr CheckId Id = CheckId::PinCopyCheck;
  static constexpr unsigned Needs = NeedsPinFlow;
  /// The finding for a pinned operand of one of its family's operations.
  static void reportUse(const FunctionResults &R, const PinnedUse &U,
                        std::vector<Finding> &Out);
  /// Its message for U.
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
