// PinCopyCheck.cpp - pin-copy's caret and wording (docs/checks/pin-copy.md).
#include "PinCopyCheck.h"

namespace pincheck {

void PinCopyCheck::reportUse(const FunctionResults &R, const PinnedUse &U,
                   std::vector<Finding> &Out) {
  Out.push_back(relocationFinding(R, U, Id, Caret::Operand, message(describeUse(R, U))));
}

std::string PinCopyCheck::message(const UseDescription &U) {
  std::string By = U.Callee.empty() ? "" : "by '" + U.Callee + "' ";
  return U.Name + " is copied " + By + afterPinned(U.Must) +
         "; the copy's self-pointers and registrations still refer to the original";
}

} // namespace pincheck
