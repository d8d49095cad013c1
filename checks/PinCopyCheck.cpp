#include "PinCopyCheck.h"

namespace pincheck {

std::string PinCopyCheck::message(const UseDescription &U) {
  return U.Name + " is copied " + afterPinned(U.Must) +
         "; the copy's self-pointers and registrations still refer to the original";
}

} // namespace pincheck
