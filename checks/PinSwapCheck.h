// PinSwapCheck.h - pin-swap: see docs/checks/pin-swap.md.
#ifndef PINCHECK_PINSWAPCHECK_H
#define PINCHECK_PINSWAPCHECK_H

#include "RelocationCheck.h"

namespace pincheck {

class PinSwapCheck : public CheckBase {
public:
  static constexpr CheckId Id = CheckId::PinSwapCheck;
  static constexpr unsigned Needs = NeedsPinFlow;
  /// The finding for a pinned operand of one of its family's operations.
  static void reportUse(const FunctionResults &R, const PinnedUse &U,
                        std::vector<Finding> &Out);
  /// Its message for U.
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
