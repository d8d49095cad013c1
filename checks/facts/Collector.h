// Collector.h - the one pass over a function body that finds its facts
// (facts/FunctionFacts.h). The walk is in Collector.cpp; what it records is
// split by concern: places (Places.cpp), operations and ends of lifetimes
// (OperationFacts.cpp), pin events (PinFacts.cpp), container borrows and
// growths (BorrowFacts.cpp), and calls acting through their callee's
// summary (CalleeFacts.cpp).
#ifndef PINCHECK_COLLECTOR_H
#define PINCHECK_COLLECTOR_H

#include "facts/FunctionFacts.h"
#include "facts/Summary.h"
#include "model/ThisEscape.h"
#include "model/TypeModel.h"

namespace pincheck {

/// The facts of FD's Body. Summaries (null: none) make a call act as its
/// callee's body would.
FunctionFacts collectFacts(const clang::FunctionDecl *FD, const clang::Stmt *Body,
                           TypeModel &Types, SummarySource *Summaries);

} // namespace pincheck

#endif
