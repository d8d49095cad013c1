// PinState.h - the flow-sensitive pin-state analysis.
//
// A forward dataflow over the CFG (flow/Dataflow.h) on the lattice of
// flow/PinLattice.h with the transfer function of flow/PinTransfer.h: pins
// set a place's bits, the declaration of a variable (a new object) clears
// them, pointer assignments retarget. The result is, for every operand of
// every relocating operation, whether its object is pinned there, on every
// path or on some, and since which event. The analysis knows nothing about
// messages.
#ifndef PINCHECK_PINSTATE_H
#define PINCHECK_PINSTATE_H

#include "facts/FunctionFacts.h"
#include "flow/Dataflow.h"
#include "flow/Resolution.h"
#include "model/TypeModel.h"
#include "clang/Analysis/CFG.h"
#include <vector>

namespace pincheck {

/// An operand of an operation whose object is pinned there.
struct PinnedUse {
  unsigned Op;      ///< index into FunctionFacts::Ops
  unsigned Operand; ///< index into Operation::Operands
  Resolved Target;
  bool Must;        ///< pinned on every path (else: on some path)
  unsigned Pin;     ///< index into FunctionFacts::Pins: where it was pinned
};

struct FlowLimits {
  /// Cap on CFG block visits per function; 0 means no cap.
  unsigned MaxBlockVisits = 0;
  /// Also record the verdicts below (for dump-facts).
  bool RecordVerdicts = false;
};

/// What the analysis concluded about one operand, the strongest over every
/// place the CFG evaluates it (ordered weakest first).
enum class OperandVerdict {
  Unreached,    ///< in code the analysis does not reach
  NoPlace,      ///< names no tracked place (an unknown pointer, a heap element)
  NotSensitive, ///< reaches a place, but a part of it that is not address-sensitive
  Unpinned,     ///< an address-sensitive object, not pinned there
  MayBePinned,  ///< pinned on some paths
  Pinned,       ///< pinned on every path
};

/// The verdicts, when FlowLimits::RecordVerdicts asked for them.
struct FlowVerdicts {
  std::vector<llvm::SmallVector<OperandVerdict, 2>> Operands; ///< by operation, operand
  std::vector<int> PinPlaces; ///< by pin event: the place it pinned, -1 none, -2 unreached
};

struct FlowResult {
  std::vector<PinnedUse> Uses; ///< one per pinned operand, by operation
  bool Skipped = false;        ///< a limit was hit
  const char *SkipReason = nullptr;
  unsigned BlockVisits = 0;
  FlowVerdicts Verdicts;
};

FlowResult solvePinState(const FunctionCFG &G, const FunctionFacts &F, TypeModel &Types,
                         const FlowLimits &Limits);

} // namespace pincheck

#endif
