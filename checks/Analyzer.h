// Analyzer.h - the one entry point every front end drives: it walks a
// translation unit, runs the analyses the enabled checks need, calls each
// check's rule through the registry, and hands the findings to a sink. The
// engine behind it (checks/model, catalog, facts, flow, explain) stays out
// of the front ends' sight.
#ifndef PINCHECK_ANALYZER_H
#define PINCHECK_ANALYZER_H

#include "Finding.h"
#include "Options.h"
#include "Registry.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <memory>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang
namespace llvm {
class raw_ostream;
} // namespace llvm

namespace pincheck {

/// What one run looked at, for the lint tool's summary.
struct AnalyzerStats {
  unsigned FunctionsSeen = 0;     ///< function bodies looked at
  unsigned FunctionsAnalyzed = 0; ///< bodies that needed the flow analysis
  unsigned FunctionsSkipped = 0;  ///< bodies skipped by a limit
  unsigned FunctionsNoCFG = 0;    ///< bodies not analysed: no CFG for them or a part
  unsigned FunctionsInParts = 0;  ///< bodies analysed in parts: no CFG for the whole
};

/// Why a function was not analysed as a whole.
enum class Incomplete {
  Limit,   ///< a per-function limit was reached: skipped
  NoCFG,   ///< Clang builds no control-flow graph for it, nor for a part: skipped
  InParts, ///< no control-flow graph for the whole: analysed in parts
};

/// The summaries index, for front ends (docs/analysis.md "The summaries
/// index"): read one (null, with Error saying what is wrong, if it cannot
/// be used), make an empty one, add one to another, print one.
std::shared_ptr<SummaryIndex> readSummaryIndex(llvm::StringRef Path, std::string &Error);
std::shared_ptr<SummaryIndex> newSummaryIndex();
/// An empty index that notes what the analysis looks up in it: with it,
/// analyse and index a translation unit in one pass; then
/// needsSummaryIndex says whether the complete index would change its
/// findings.
std::shared_ptr<SummaryIndex> newRecordingSummaryIndex();
bool needsSummaryIndex(const SummaryIndex &Recorded, const SummaryIndex &Complete);
void mergeSummaryIndex(SummaryIndex &Into, const SummaryIndex &From);
size_t summaryIndexSize(const SummaryIndex &I);
/// How many files the index has entries from.
size_t summaryIndexFiles(const SummaryIndex &I);
void printSummaryIndex(const SummaryIndex &I, llvm::raw_ostream &OS);

class Analyzer {
public:
  Analyzer(clang::ASTContext &Ctx, AnalyzerOptions Opts, FindingSink &Sink);
  ~Analyzer();

  /// Every enabled check over the whole translation unit, in source order.
  /// Nothing in a system header is analysed or reported.
  void analyzeTranslationUnit();

  const AnalyzerStats &stats() const;

  /// Adds to Out the summaries index entries of the definitions in this
  /// translation unit's main file (docs/analysis.md "The summaries index").
  void indexTranslationUnit(SummaryIndex &Out);

  /// Writes to OS what the analysis finds and concludes about each function
  /// named Function (its name, its qualified name, or "*" for all) as it is
  /// analysed (explain/Dump.h): dump-facts.
  void dumpFactsOf(llvm::StringRef Function, llvm::raw_ostream &OS);

  /// Called for a function not analysed as a whole, with why (and what to
  /// do: "the block-visit limit (max-block-visits) was reached; raise the
  /// limit to analyse it"); front ends may report it.
  std::function<void(const clang::FunctionDecl *, Incomplete, llvm::StringRef Reason)>
      OnIncomplete;

  class Impl;

private:
  std::unique_ptr<Impl> P;
};

} // namespace pincheck

#endif
