// PinSwapCheck.h - pin-swap: see docs/checks/pin-swap.md.
#ifndef PINCHECK_PINSWAPCHECK_H
#define PINCHECK_PINSWAPCHECK_H

#include "RelocationCheck.h"
#include "Registry.h"

namespace pincheck {

class PinSwapCheck {
public:
  static constexpr CheckId Id = CheckId::PinSwapCheck;
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
