// PinContainerRelocationCheck.h - pin-container-relocation: see
// docs/checks/pin-container-relocation.md.
#ifndef PINCHECK_PINCONTAINERRELOCATIONCHECK_H
#define PINCHECK_PINCONTAINERRELOCATIONCHECK_H

#include "Registry.h"
#include <string>

namespace pincheck {

struct BorrowDescription {
  std::string Container; // quoted: 'v'
  std::string Call;      // quoted: 'push_back', or the callee that grows it
  std::string Holder;    // quoted: 'r'; empty for a range-for
};

class PinContainerRelocationCheck {
public:
  static constexpr CheckId Id = CheckId::PinContainerRelocationCheck;
  static std::string message(const BorrowDescription &D);
};

} // namespace pincheck

#endif
