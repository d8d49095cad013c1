// Analyzer.h - the one entry point every front end drives: it runs the type
// model, the pin-state analysis and the checks, and hands findings to a sink.
#ifndef PINCHECK_ANALYZER_H
#define PINCHECK_ANALYZER_H

#include "model/Containers.h"
#include "Finding.h"
#include "Registry.h"
#include "facts/Summaries.h"
#include "model/ThisEscape.h"
#include "model/TypeModel.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>
#include <memory>
#include <set>

namespace pincheck {

class Explainer;
struct FunctionFacts;
struct RelocatedBorrow;

// The per-function limits (Limits.def); 0 means none. One default each for
// every front end.
#define LIMIT(Field, Option, Flag, Value, Counts) constexpr unsigned Default##Field = Value;
#include "Limits.def"

struct AnalyzerOptions {
  CheckSet Checks = CheckSet::all();
#define LIMIT(Field, Option, Flag, Value, Counts) unsigned Field = Value;
#include "Limits.def"
  // pin-container-relocation's VectorLikeClasses (Containers.h): more class
  // templates treated as std::vector, ';'-separated.
  std::string VectorLikeClasses = DefaultVectorLikeClasses;
};

// The limits as data, for front ends that parse and print them.
struct LimitInfo {
  const char *Option; // clang-tidy option / CheckOptions key
  const char *Flag;   // plugin argument and lint tool flag
  unsigned Default;
  const char *Counts;
  unsigned AnalyzerOptions::*Field;
};
llvm::ArrayRef<LimitInfo> analysisLimits();

// The options of one check that take a list of names, as data, for front
// ends that parse, print and store them: which check owns it (its clang-tidy
// option and CheckOptions key is <check>.<Option>, or the global <Option>),
// its default, and what is wrong with a value.
struct ListOptionInfo {
  const char *Option; // clang-tidy option / CheckOptions key
  const char *Flag;   // plugin argument and lint tool flag
  CheckId Check;      // the check it configures
  const char *Default;
  const char *Help;   // what it names, lines separated by '\n'
  std::string AnalyzerOptions::*Field;
  // What is wrong with Value and how to write it, or "".
  std::string (*Validate)(llvm::StringRef Value);
};
llvm::ArrayRef<ListOptionInfo> listOptions();

struct AnalyzerStats {
  unsigned FunctionsSeen = 0;     // function bodies looked at
  unsigned FunctionsAnalyzed = 0; // bodies that needed the flow analysis
  unsigned FunctionsSkipped = 0;  // bodies skipped by a limit
};

class Analyzer {
public:
  Analyzer(clang::ASTContext &Ctx, AnalyzerOptions Opts, FindingSink &Sink);
  ~Analyzer();

  // Relocation checks on one function body (skips what must not be looked
  // at: system headers, dependent code, invalid declarations).
  void analyzeFunction(const clang::FunctionDecl *FD);
  // pin-annotation on one declaration.
  void checkAnnotations(const clang::Decl *D);
  // Both, over the whole translation unit, in source order.
  void analyzeTranslationUnit();
  // A global variable declared: once one of an address-sensitive type is
  // seen, every function may name a place.
  void noteGlobal(const clang::VarDecl *V);

  const AnalyzerStats &stats() const { return Stats; }

  // Called for a function skipped by a limit; front ends may report it.
  std::function<void(const clang::FunctionDecl *, llvm::StringRef Reason)> OnSkipped;

private:
  void emit(Finding F);
  void reportFlow(const FunctionFacts &F);
  void reportContainer(const FunctionFacts &F, const RelocatedBorrow &RB, Explainer &X);

  clang::ASTContext &Ctx;
  AnalyzerOptions Opts;
  FindingSink &Sink;
  TypeModel Types;
  EscapeModel Escapes;
  SummaryModel Summaries;
  AnalyzerStats Stats;
  bool SensitiveGlobals = false;
  llvm::DenseSet<const clang::FunctionDecl *> Done;
  // A template's findings come once, however often it is instantiated.
  std::set<std::tuple<unsigned, unsigned, std::string>> Emitted;
};

} // namespace pincheck

#endif
