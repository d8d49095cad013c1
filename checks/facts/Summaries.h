// Summaries.h - what a function does to its reference parameters, computed
// from its body once, bottom-up, and applied at every call in the
// translation unit: which parameters it pins and which it relocates. A call
// then acts at the call site as if the body were there.
#ifndef PINCHECK_SUMMARIES_H
#define PINCHECK_SUMMARIES_H

#include "facts/SelfInsertion.h"
#include "facts/StoredElements.h"
#include "facts/Summary.h"
#include "model/ThisEscape.h"
#include "model/TypeModel.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace pincheck {

/// Summaries computed from the bodies in this translation unit, once each,
/// bottom-up and on demand.
class SummaryModel : public SummarySource {
public:
  explicit SummaryModel(TypeModel &Types, const SummaryIndex *Index = nullptr)
      : Types(Types), Index(Index), Stored(Types.containers()) {}

  /// FD's summary, or null when it has none: no body in this translation
  /// unit (and no fresh entry in the summaries index), a system header, a virtual function (the body that runs is not
  /// known), no reference parameter of an address-sensitive type, or a call
  /// back into a function being summarised (recursion).
  const FunctionSummary *summary(const clang::FunctionDecl *FD) override;
  const StoredElement *storedElsewhere(const clang::FieldDecl *Field) override {
    return Stored.storedElsewhere(Field);
  }
  const ReallocationFirst *reallocatesBeforeReading(const clang::CXXMethodDecl *MD,
                                                    unsigned I) override {
    return SelfInsertions.reallocatesBeforeReading(MD, I);
  }

private:
  std::unique_ptr<FunctionSummary> compute(const clang::FunctionDecl *Def);
  /// A summary of what the index says of FD, defined in another file.
  const FunctionSummary *indexed(const clang::FunctionDecl *FD);
  TypeModel &Types;
  const SummaryIndex *Index;
  StoredElementsModel Stored;
  SelfInsertionModel SelfInsertions;
  /// null while being computed (and for functions without a summary).
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>> Cache;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>> Indexed;
};

} // namespace pincheck

#endif
