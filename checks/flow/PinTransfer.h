// PinTransfer.h - what one CFG element does to the pin state: pin events
// set a place's bits, a declaration or a destruction makes a new (unpinned)
// object, pointer assignments retarget, and each relocating operation's
// operands are checked against the state it sees.
#ifndef PINCHECK_PINTRANSFER_H
#define PINCHECK_PINTRANSFER_H

#include "flow/PinState.h"
#include "flow/Resolution.h"

namespace pincheck {

class PinTransfer {
public:
  PinTransfer(const FunctionFacts &F, TypeModel &Types);

  /// The state at the function's entry: what the caller pinned.
  State initial() const;

  /// Applies statement S to St; with Uses, records the operands of S's
  /// operations that are pinned there.
  void transfer(const clang::Stmt *S, State &St, std::vector<PinnedUse> *Uses);

  /// Record every operand's and pin's outcome into V while transferring
  /// with Uses (null: stop recording).
  void recordInto(FlowVerdicts *V);

private:
  void retarget(unsigned I, PtrTarget T, State &St);
  int pointerVar(const clang::Expr *E) const;
  void checkOperation(unsigned OpI, const State &St, std::vector<PinnedUse> &Uses);
  void applyPin(unsigned PinI, State &St, bool Recording);
  Resolved resolvePointer(const clang::Expr *E, const State &St);

  const FunctionFacts &F;
  TypeModel &Types;
  FlowVerdicts *Record = nullptr;
  /// Paths of pointer expressions outside the catalog's events (a pointer's
  /// initialiser, the value assigned to it), found once.
  llvm::DenseMap<const clang::Expr *, AccessPath> PointerPaths;
  /// Construction pins of variables declared together (`T a, b;`): the CFG
  /// holds one synthesized declaration per variable, not the statement the
  /// pins sit on, so they are applied at the variable's own declaration.
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<unsigned, 1>> DeclaredTogether;
};

} // namespace pincheck

#endif
