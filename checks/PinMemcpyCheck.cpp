// PinMemcpyCheck.cpp - pin-memcpy's caret and wording, one message per
// operand role (docs/checks/pin-memcpy.md).
#include "PinMemcpyCheck.h"

namespace pincheck {

void PinMemcpyCheck::reportUse(const FunctionResults &R, const PinnedUse &U,
                   std::vector<Finding> &Out) {
  Out.push_back(relocationFinding(R, U, Id, Caret::Call, message(describeUse(R, U))));
}

std::string PinMemcpyCheck::message(const UseDescription &U) {
  std::string Head = U.Name + " is ";
  std::string By = " by '" + U.Callee + "' " + afterPinned(U.Must);
  switch (U.Role) {
  case OperandRole::RawDest:
    return Head + "overwritten as raw bytes" + By +
           "; none of its code runs to keep its address-dependent state valid";
  case OperandRole::Reallocated:
    return Head + "reallocated" + By +
           "; its storage may move without running any of its code";
  case OperandRole::RelocatedFrom:
    return Head + "relocated" + By +
           "; it now lives at a new address and pointers to the old one dangle";
  default:
    return Head + "copied as raw bytes" + By +
           "; the bytes carry its self-pointers unchanged";
  }
}

} // namespace pincheck
