// PinMoveCheck.cpp - pin-move's caret and wording (docs/checks/pin-move.md).
#include "PinMoveCheck.h"

namespace pincheck {

void PinMoveCheck::reportUse(const FunctionResults &R, const PinnedUse &U,
                   std::vector<Finding> &Out) {
  Out.push_back(relocationFinding(R, U, Id, Caret::Operand, message(describeUse(R, U))));
}

std::string PinMoveCheck::message(const UseDescription &U) {
  std::string How;
  if (U.Role == OperandRole::MovedByReturn)
    How = " by the implicit move in 'return'";
  else if (U.Role == OperandRole::MovedByThrow)
    How = " by the implicit move in 'throw'";
  else if (U.Role == OperandRole::MovedByCoReturn)
    How = " by the implicit move in 'co_return'";
  else if (!U.Callee.empty())
    How = " by '" + U.Callee + "'";
  return U.Name + " is moved" + How + " " + afterPinned(U.Must) +
         "; pointers to its old address now see a moved-from object";
}

} // namespace pincheck
