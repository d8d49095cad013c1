// PinContainerRelocationCheck.h - pin-container-relocation: see
// docs/checks/pin-container-relocation.md.
#ifndef PINCHECK_PINCONTAINERRELOCATIONCHECK_H
#define PINCHECK_PINCONTAINERRELOCATIONCHECK_H

#include "Check.h"
#include <string>

namespace pincheck {

/// A relocated borrow as the message names it.
struct BorrowDescription {
  std::string Container; ///< quoted: 'v'
  std::string Call;      ///< quoted: 'push_back', or the callee that grows it
  std::string Holder;    ///< quoted: 'r'; empty for a range-for
  /// The element type is address-sensitive: the element is pinned, and
  /// moving it breaks it; otherwise the borrow dangles.
  bool Sensitive = true;
  /// Where the elements' addresses are stored ("member 'by_rank_'"), when
  /// that is what pins them.
  std::string StoredIn;
};

class PinContainerRelocationCheck : public CheckBase {
public:
  static constexpr CheckId Id = CheckId::PinContainerRelocationCheck;
  /// The borrows a relocation outlives; the pinned uses, to leave a pinned
  /// container's own move or swap to pin-move and pin-swap.
  static constexpr unsigned Needs = NeedsBorrowFlow | NeedsPinFlow;
  static void checkFunction(const FunctionResults &R, std::vector<Finding> &Out);
  /// PinnedElements: the elements are pinned from their construction (no
  /// holder).
  static std::string message(const BorrowDescription &D, bool PinnedElements = false);
};

} // namespace pincheck

#endif
