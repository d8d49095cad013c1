// RelocationCheck.h - what the four relocation checks (pin-move, pin-copy,
// pin-swap, pin-memcpy) share: each turns a pinned operand of an operation of
// its family into a primary message; notes come from Explainer.
#ifndef PINCHECK_RELOCATIONCHECK_H
#define PINCHECK_RELOCATIONCHECK_H

#include "catalog/Catalog.h"
#include <string>

namespace pincheck {

struct UseDescription {
  std::string Name;   // quoted: 'n', 'o.n', or: an element of 'arr'
  std::string Callee; // 'std::swap', 'memcpy'; empty for constructions
  OperandRole Role;
  bool Must;          // pinned on every path
};

// "after it was pinned" / "after it was pinned on some paths".
inline std::string afterPinned(bool Must) {
  return Must ? "after it was pinned" : "after it was pinned on some paths";
}

} // namespace pincheck

#endif
