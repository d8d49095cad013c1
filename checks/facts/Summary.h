// Summary.h - what a callee does to its arguments, as the collector applies
// it at a call: which parameters (or its object) it pins, relocates or whose
// container it grows. The collector reads summaries through SummarySource;
// facts/Summaries.h computes them (by collecting the callee's facts), so the
// two depend on each other only through this interface.
#ifndef PINCHECK_SUMMARY_H
#define PINCHECK_SUMMARY_H

#include "facts/FunctionFacts.h"
#include <vector>

namespace pincheck {

/// The parameter index that stands for the object a member function is
/// called on (*this).
constexpr unsigned ObjectParam = ~0u;

struct ParamPin {
  unsigned Param;
  PinEvent Event;   ///< the pin in the callee (itself possibly a call's)
  AccessPath Path;  ///< how the callee reaches what it pins
};
struct ParamRelocation {
  unsigned Param;
  Operation Op;    ///< the operation in the callee; Op.Operands[0] is the parameter
  AccessPath Path; ///< how the callee reaches its operand
};
/// The callee may relocate the elements of a container it reaches from a
/// parameter or its object: the parameter itself, or a member of it.
struct ParamGrowth {
  unsigned Param;
  ContainerRef Container; ///< rooted at the parameter (or *this) in the callee
  ContainerGrowth Growth; ///< the call in the callee that may relocate elements
};
/// The callee returns a borrow of a container it reaches from a parameter
/// or its object: an element's reference, pointer or iterator, a view of
/// it, or (Whole) a reference to the container itself.
struct ParamBorrow {
  unsigned Param;
  ContainerRef Container; ///< rooted at the parameter (or *this) in the callee
  bool Whole = false;
};
struct FunctionSummary {
  std::vector<ParamPin> Pins;               ///< at most one per parameter
  std::vector<ParamRelocation> Relocations; ///< at most one per parameter and family
  std::vector<ParamGrowth> Growths;         ///< at most one per container reached
  std::vector<ParamBorrow> Borrows;         ///< what its return value borrows
};

/// Where the collector gets a callee's summary.
class SummarySource {
public:
  virtual ~SummarySource() = default;
  /// FD's summary, or null when it has none.
  virtual const FunctionSummary *summary(const clang::FunctionDecl *FD) = 0;
  /// Where a member function of its class stores the address of an element
  /// of member container Field in a longer-lived place, or null.
  virtual const StoredElement *storedElsewhere(const clang::FieldDecl *) { return nullptr; }
  /// Whether member function MD of a hand-written container may reallocate
  /// before it reads its reference parameter I: where, or null.
  virtual const ReallocationFirst *reallocatesBeforeReading(const clang::CXXMethodDecl *,
                                                            unsigned) {
    return nullptr;
  }
};

} // namespace pincheck

#endif
