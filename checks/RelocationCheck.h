// RelocationCheck.h - what the five relocation checks (pin-move, pin-copy,
// pin-swap, pin-memcpy, pin-storage-reuse) share: how a pinned operand is
// described to their messages, and the finding they build around a message.
// Each check picks its caret and writes its message; the notes come in the
// one order their docs promise (docs/diagnostics.md).
#ifndef PINCHECK_RELOCATIONCHECK_H
#define PINCHECK_RELOCATIONCHECK_H

#include "Check.h"
#include <string>

namespace pincheck {

/// A pinned operand as the messages name it.
struct UseDescription {
  std::string Name;   ///< quoted: 'n', 'o.n', or: an element of 'arr'
  std::string Callee; ///< 'std::swap', 'memcpy'; empty for constructions
  OperandRole Role;
  bool Must;          ///< pinned on every path
};

/// "after it was pinned" / "after it was pinned on some paths".
inline std::string afterPinned(bool Must) {
  return Must ? "after it was pinned" : "after it was pinned on some paths";
}

/// Where a relocation finding's caret goes.
enum class Caret {
  Operand, ///< at the operand (a move or copy), or at the call for an
           ///< element reached through an iterator
  Call,    ///< at the relocating call
};

/// U described for a message.
UseDescription describeUse(const FunctionResults &R, const PinnedUse &U);

/// The finding of check Id for U: Message at the caret, then the notes in
/// order: where it was pinned, where `this` escaped (for a pin from
/// construction), the callees' pins and relocations, the alias that reached
/// it, and why its type is address-sensitive.
Finding relocationFinding(const FunctionResults &R, const PinnedUse &U, CheckId Id,
                          Caret Where, std::string Message);

} // namespace pincheck

#endif
