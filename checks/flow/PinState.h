// PinState.h - the flow-sensitive pin-state analysis.
//
// A forward dataflow over the CFG. Per tracked place it keeps two bits,
// "pinned on every path" (must) and "pinned on some path" (may), and the pin
// event that set each; per local pointer the place it points to. Pins set the
// bits, the declaration of a variable (a new object) clears them, pointer
// assignments retarget. The result is, for every operand of every relocating
// operation, whether its object is pinned there and since which event. The
// analysis knows nothing about messages.
#ifndef PINCHECK_PINSTATE_H
#define PINCHECK_PINSTATE_H

#include "facts/FunctionFacts.h"
#include "model/TypeModel.h"
#include "clang/Analysis/CFG.h"
#include <memory>
#include <vector>

namespace pincheck {

// What an expression names, in terms of tracked places.
struct Resolved {
  int Place = -1;                          // index into FunctionFacts::Places
  // The reference, pointer or structured binding it was reached through.
  const clang::ValueDecl *Alias = nullptr;
  bool Whole = true;                       // the whole variable, not a part
  clang::QualType ObjType;                 // type of the object reached
  explicit operator bool() const { return Place >= 0; }
};

// An operand of an operation whose object is pinned there.
struct PinnedUse {
  unsigned Op;      // index into FunctionFacts::Ops
  unsigned Operand; // index into Operation::Operands
  Resolved Target;
  bool Must;        // pinned on every path (else: on some path)
  unsigned Pin;     // index into FunctionFacts::Pins: where it was pinned
};

struct FlowLimits {
  // Cap on CFG block visits per function; 0 means no cap.
  unsigned MaxBlockVisits = 0;
};

struct FlowResult {
  std::vector<PinnedUse> Uses;
  bool Skipped = false; // a limit was hit
  const char *SkipReason = nullptr;
  unsigned BlockVisits = 0;
};

// The control-flow graph the flow analyses run on: every subexpression an
// element, in evaluation order. Null when Clang cannot build one.
std::unique_ptr<clang::CFG> buildFunctionCFG(const FunctionFacts &F, clang::ASTContext &Ctx);

FlowResult solvePinState(const clang::CFG &G, const FunctionFacts &F, TypeModel &Types,
                         const FlowLimits &Limits);

} // namespace pincheck

#endif
