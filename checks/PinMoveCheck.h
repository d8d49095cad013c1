// PinMoveCheck.h - pin-move: see docs/checks/pin-move.md.
#ifndef PINCHECK_PINMOVECHECK_H
#define PINCHECK_PINMOVECHECK_H

#include "RelocationCheck.h"

namespace pincheck {

class PinMoveCheck : public CheckBase {
public:
  static constexpr CheckId Id = CheckId::PinMoveCheck;
  static constexpr unsigned Needs = NeedsPinFlow;
  /// The finding for a pinned operand of one of its family's operations.
  static void reportUse(const FunctionResults &R, const PinnedUse &U,
                        std::vector<Finding> &Out);
  /// Its message for U.
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
