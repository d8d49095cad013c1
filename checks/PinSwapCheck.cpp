// PinSwapCheck.cpp - pin-swap's caret and wording (docs/checks/pin-swap.md).
#include "PinSwapCheck.h"

namespace pincheck {

void PinSwapCheck::reportUse(const FunctionResults &R, const PinnedUse &U,
                   std::vector<Finding> &Out) {
  Out.push_back(relocationFinding(R, U, Id, Caret::Call, message(describeUse(R, U))));
}

std::string PinSwapCheck::message(const UseDescription &U) {
  return U.Name + " is swapped by '" + U.Callee + "' " + afterPinned(U.Must) +
         "; pointers to its address now see a different value";
}

} // namespace pincheck
