// PinCopyCheck.h - pin-copy: see docs/checks/pin-copy.md.
#ifndef PINCHECK_PINCOPYCHECK_H
#define PINCHECK_PINCOPYCHECK_H

#include "RelocationCheck.h"
#include "Registry.h"

namespace pincheck {

class PinCopyCheck {
public:
  static constexpr CheckId Id = CheckId::PinCopyCheck;
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
