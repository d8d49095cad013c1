// Options.h - what a front end configures: which checks run, the analysis
// limits and the list options of Options.def, as one struct and as data
// that front ends parse, print and store. Vocabulary only: it includes
// nothing of the engine.
#ifndef PINCHECK_OPTIONS_H
#define PINCHECK_OPTIONS_H

#include "Registry.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace pincheck {

/// Each option's default (Options.def), one for every front end.
#define LIMIT(Field, Option, Flag, Value, Counts) constexpr unsigned Default##Field = Value;
#define LIST(Field, Option, Flag, Check, Value, Help, Validator)                       \
  constexpr const char Default##Field[] = Value;
#include "Options.def"

/// How the analysis runs.
struct AnalyzerOptions {
  CheckSet Checks = CheckSet::all();
#define LIMIT(Field, Option, Flag, Value, Counts) unsigned Field = Value;
#define LIST(Field, Option, Flag, Check, Value, Help, Validator)                       \
  std::string Field = Value;
#include "Options.def"
};

/// A limit as data, for front ends that parse and print them.
struct LimitInfo {
  const char *Option; ///< clang-tidy option / CheckOptions key
  const char *Flag;   ///< plugin argument and lint tool flag
  unsigned Default;
  const char *Counts; ///< what it counts, for help texts
  unsigned AnalyzerOptions::*Field;
};
llvm::ArrayRef<LimitInfo> analysisLimits();

/// A list option as data: which check owns it (its clang-tidy option and
/// CheckOptions key is <check>.<Option>, or the global <Option>), its
/// default, and what is wrong with a value.
struct ListOptionInfo {
  const char *Option; ///< clang-tidy option / CheckOptions key
  const char *Flag;   ///< plugin argument and lint tool flag
  CheckId Check;      ///< the check it configures
  const char *Default;
  const char *Help; ///< what it names, lines separated by '\n'
  std::string AnalyzerOptions::*Field;
  /// What is wrong with Value and how to write it, or "".
  std::string (*Validate)(llvm::StringRef Value);
};
llvm::ArrayRef<ListOptionInfo> listOptions();

} // namespace pincheck

#endif
