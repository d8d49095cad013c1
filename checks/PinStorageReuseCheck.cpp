#include "PinStorageReuseCheck.h"

namespace pincheck {

std::string PinStorageReuseCheck::message(const UseDescription &U) {
  return "a new object is constructed over " + U.Name + " by '" + U.Callee + "' " +
         afterPinned(U.Must) +
         ", without destroying it first; whoever holds its address now sees a "
         "different object";
}

} // namespace pincheck
