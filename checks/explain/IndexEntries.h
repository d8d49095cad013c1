// IndexEntries.h - the summaries index entries of a translation unit's own
// definitions (docs/analysis.md "The summaries index"): what each function's
// summary says it does to its parameters and object, and where a
// constructor lets `this` escape, with the sites in its file and the
// explainer's words for its pins.
#ifndef PINCHECK_INDEXENTRIES_H
#define PINCHECK_INDEXENTRIES_H

#include "facts/Summaries.h"
#include "model/SummaryIndex.h"
#include <optional>

namespace pincheck {

/// FD's entry (FD a definition in the main file, visible to other
/// translation units), or nullopt when there is nothing to say of it.
std::optional<IndexedFunction> indexEntry(const clang::FunctionDecl *FD, TypeModel &Types,
                                          SummaryModel &Summaries);

} // namespace pincheck

#endif
