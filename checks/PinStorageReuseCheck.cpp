// PinStorageReuseCheck.cpp - pin-storage-reuse's caret and wording, one
// message per operand role (docs/checks/pin-storage-reuse.md).
#include "PinStorageReuseCheck.h"

namespace pincheck {

void PinStorageReuseCheck::reportUse(const FunctionResults &R, const PinnedUse &U,
                   std::vector<Finding> &Out) {
  Out.push_back(relocationFinding(R, U, Id, Caret::Call, message(describeUse(R, U))));
}

std::string PinStorageReuseCheck::message(const UseDescription &U) {
  std::string By = " by '" + U.Callee + "' " + afterPinned(U.Must) +
                   ", without destroying it first; whoever holds its address now ";
  switch (U.Role) {
  case OperandRole::Deallocated:
    return "the storage of " + U.Name + " is deallocated" + By +
           "points to freed memory";
  case OperandRole::Abandoned:
    return "the frame holding " + U.Name + " is left by '" + U.Callee + "' " +
           afterPinned(U.Must) +
           ", without destroying it; whoever holds its address now points to dead storage";
  case OperandRole::LifetimeStarted:
    return "a new object is created over " + U.Name + By + "sees a different object";
  default:
    return "a new object is constructed over " + U.Name + By + "sees a different object";
  }
}

} // namespace pincheck
