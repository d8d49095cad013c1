// PinMoveCheck.h - pin-move: see docs/checks/pin-move.md.
#ifndef PINCHECK_PINMOVECHECK_H
#define PINCHECK_PINMOVECHECK_H

#include "RelocationCheck.h"
#include "Registry.h"

namespace pincheck {

class PinMoveCheck {
public:
  static constexpr CheckId Id = CheckId::PinMoveCheck;
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
