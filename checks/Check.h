// Check.h - what a check is: its rule, as static functions the driver
// (Analyzer.cpp) calls through the registry, and what it is given.
//
// A check derives from CheckBase and defines the parts of the rule it has:
// - Needs: the analyses it reads, so that the driver runs only those;
// - reportUse: a finding for one pinned operand of an operation of the
//   check's family (Checks.def), for the relocation checks;
// - checkFunction: findings from one function's results, for checks that
//   report something other than a family's operations;
// - checkDeclaration: findings on one declaration (its annotations, a class's
//   special members, a claim about a class).
// Each check decides its caret, its notes and their order, its message and
// any filter of its own; the analysis below knows nothing of any of them.
#ifndef PINCHECK_CHECK_H
#define PINCHECK_CHECK_H

#include "Finding.h"
#include "explain/Explain.h"
#include "facts/CallSites.h"
#include "facts/FunctionFacts.h"
#include "facts/Summaries.h"
#include "flow/BorrowLiveness.h"
#include "flow/PinState.h"
#include "model/RelocationClaims.h"
#include <vector>

namespace pincheck {

/// What the analysis concluded about one function, for the checks.
struct FunctionResults {
  const FunctionFacts &Facts;
  /// Operands of relocating operations whose object is pinned there
  /// (empty unless an enabled check needs NeedsPinFlow).
  const std::vector<PinnedUse> &PinnedUses;
  /// Container relocations while an element is borrowed (empty unless an
  /// enabled check needs NeedsBorrowFlow).
  const std::vector<RelocatedBorrow> &Relocations;
  Explainer &Explain;
};

/// What a declaration check is given: every declaration the walk meets
/// (none in a system header), with the models that answer questions on it.
struct DeclarationContext {
  clang::ASTContext &Ctx;
  TypeModel &Types;
  Explainer &Explain;
  /// The declarations that claim a class is trivially relocatable.
  const RelocationClaimModel &Claims;
  /// Where functions are first called (built when first asked).
  CallSiteIndex &Calls;
  /// What functions do to their arguments (bodies here, or the index).
  SummaryModel &Summaries;
  /// The option SuggestAnnotations.
  bool Suggest = false;
};

/// The analyses a check reads (CheckBase::Needs).
enum CheckNeeds : unsigned {
  NeedsPinFlow = 1,    ///< which operands are pinned (flow/PinState)
  NeedsBorrowFlow = 2, ///< which borrows outlive a relocation (flow/BorrowLiveness)
};

/// The parts of a rule a check does not have: nothing to report.
struct CheckBase {
  static constexpr unsigned Needs = 0;
  static void reportUse(const FunctionResults &, const PinnedUse &, std::vector<Finding> &) {}
  static void checkFunction(const FunctionResults &, std::vector<Finding> &) {}
  static void checkDeclaration(const clang::Decl *, DeclarationContext &,
                               std::vector<Finding> &) {}
};

} // namespace pincheck

#endif
