// PinMemcpyCheck.h - pin-memcpy: see docs/checks/pin-memcpy.md.
#ifndef PINCHECK_PINMEMCPYCHECK_H
#define PINCHECK_PINMEMCPYCHECK_H

#include "RelocationCheck.h"
#include "Registry.h"

namespace pincheck {

class PinMemcpyCheck {
public:
  static constexpr CheckId Id = CheckId::PinMemcpyCheck;
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
