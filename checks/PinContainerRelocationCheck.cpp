#include "PinContainerRelocationCheck.h"

namespace pincheck {

std::string PinContainerRelocationCheck::message(const BorrowDescription &D) {
  std::string Head = D.Call + " may relocate the elements of " + D.Container;
  if (D.Holder.empty())
    return Head + " while a range-for loop iterates over it; the pinned element moves to "
                  "a new address and the loop's iterator dangles";
  return Head + " while " + D.Holder +
         " still refers to one of them; the pinned element moves to a new address";
}

} // namespace pincheck
