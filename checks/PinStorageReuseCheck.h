// PinStorageReuseCheck.h - pin-storage-reuse: see docs/checks/pin-storage-reuse.md.
#ifndef PINCHECK_PINSTORAGEREUSECHECK_H
#define PINCHECK_PINSTORAGEREUSECHECK_H

#include "RelocationCheck.h"
#include "Registry.h"

namespace pincheck {

class PinStorageReuseCheck {
public:
  static constexpr CheckId Id = CheckId::PinStorageReuseCheck;
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
