// PinStorageReuseCheck.h - pin-storage-reuse: see docs/checks/pin-storage-reuse.md.
#ifndef PINCHECK_PINSTORAGEREUSECHECK_H
#define PINCHECK_PINSTORAGEREUSECHECK_H

#include "RelocationCheck.h"

namespace pincheck {

class PinStorageReuseCheck : public CheckBase {
public:
  static constexpr CheckId Id = CheckId::PinStorageReuseCheck;
  static constexpr unsigned Needs = NeedsPinFlow;
  /// The finding for a pinned operand of one of its family's operations.
  static void reportUse(const FunctionResults &R, const PinnedUse &U,
                        std::vector<Finding> &Out);
  /// Its message for U.
  static std::string message(const UseDescription &U);
};

} // namespace pincheck

#endif
