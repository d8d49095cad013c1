#include "PinCopyCheck.h"

namespace pincheck {

std::string PinCopyCheck::message(const UseDescription &U) {
  std::string By = U.Callee.empty() ? "" : "by '" + U.Callee + "' ";
  return U.Name + " is copied " + By + afterPinned(U.Must) +
         "; the copy's self-pointers and registrations still refer to the original";
}

} // namespace pincheck
