#include "PinSwapCheck.h"

namespace pincheck {

std::string PinSwapCheck::message(const UseDescription &U) {
  return U.Name + " is swapped by '" + U.Callee + "' " + afterPinned(U.Must) +
         "; pointers to its address now see a different value";
}

} // namespace pincheck
