// Options.h - what a front end configures: which checks run, the analysis
// limits and the list options of Options.def, as one struct and as data
// that front ends parse, print and store. Vocabulary only: it includes
// nothing of the engine.
#ifndef PINCHECK_OPTIONS_H
#define PINCHECK_OPTIONS_H

#include "Registry.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>

namespace pincheck {

/// Each option's default (Options.def), one for every front end.
#define LIMIT(Field, Option, Flag, Value, Counts) constexpr unsigned Default##Field = Value;
#define LIST(Field, Option, Flag, Check, Value, Help, Validator)                       \
  constexpr const char Default##Field[] = Value;
#define GLOBAL_LIST(Field, Option, Flag, Value, Help, Validator)                       \
  constexpr const char Default##Field[] = Value;
#include "Options.def"

class SummaryIndex;

/// How the analysis runs.
struct AnalyzerOptions {
  CheckSet Checks = CheckSet::all();
  /// What functions defined in other translation units do (docs/analysis.md
  /// "The summaries index"); null: nothing is known of them.
  std::shared_ptr<const SummaryIndex> Index;
#define LIMIT(Field, Option, Flag, Value, Counts) unsigned Field = Value;
#define SWITCH(Field, Option, Flag, Value, Does) bool Field = Value;
#define LIST(Field, Option, Flag, Check, Value, Help, Validator)                       \
  std::string Field = Value;
#define GLOBAL_LIST(Field, Option, Flag, Value, Help, Validator) std::string Field = Value;
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

/// A switch as data.
struct SwitchInfo {
  const char *Option; ///< clang-tidy option / CheckOptions key
  const char *Flag;   ///< plugin argument and lint tool flag (<flag>=true|false)
  bool Default;
  const char *Does; ///< what it does when on, lines separated by '\n'
  bool AnalyzerOptions::*Field;
};
llvm::ArrayRef<SwitchInfo> analysisSwitches();
/// A switch's value as text (true/false, on/off, yes/no, 1/0), or nullopt.
std::optional<bool> parseSwitch(llvm::StringRef Text);

/// A list option as data: which check owns it (its clang-tidy option and
/// CheckOptions key is <check>.<Option>, or the global <Option>) or that it
/// is the whole analysis's (Global: the key is <Option> only), its default,
/// and what is wrong with a value.
struct ListOptionInfo {
  const char *Option; ///< clang-tidy option / CheckOptions key
  const char *Flag;   ///< plugin argument and lint tool flag
  CheckId Check;      ///< the check it configures (unless Global)
  bool Global;        ///< every check's
  const char *Default;
  const char *Help; ///< what it names, lines separated by '\n'
  std::string AnalyzerOptions::*Field;
  /// What is wrong with Value and how to write it, or "".
  std::string (*Validate)(llvm::StringRef Value);
};
llvm::ArrayRef<ListOptionInfo> listOptions();

/// A count given as text (a limit, the lint tool's -j): Out is set when
/// the result is None.
enum class CountProblem { None, NotANumber, TooLarge };
CountProblem parseCount(llvm::StringRef Text, unsigned &Out);
/// What is wrong with a count, in the words that follow an option's name:
/// "needs a non-negative integer, got 'abc'", "is out of range: 99999999999
/// is more than 4294967295"; "" if nothing is.
std::string describeCount(llvm::StringRef Text);

/// Sets the option a plugin argument or lint tool flag names (Options.def's
/// flag) from its value. False if Flag names no option. Problem receives
/// what is wrong with the value, with the flag as Spelled by the front end
/// ("'max-block-visits' needs a non-negative integer, got 'lots'", "in
/// --vector-like-classes=x: <what the list's validator says>"), and the
/// option is then left as it was. Quote: put the flag (with a list's value)
/// in quotes, as the plugin's messages do.
bool applyOptionFlag(llvm::StringRef Flag, llvm::StringRef Spelled, bool Quote,
                     llvm::StringRef Value, AnalyzerOptions &Out, std::string &Problem);

/// The options as clang-tidy configuration holds them (CheckOptions): a
/// check's own key "<check>.<Option>" over the global "<Option>" over the
/// default. The one resolver behind the clang-tidy module (each check reads
/// its own) and the lint tool (one analysis for all enabled checks). An
/// invalid value is reported through Warn ("invalid configuration value
/// 'V' for option 'K'; expected ... (using the default)") and ignored.
class OptionResolver {
public:
  using Lookup = llvm::function_ref<std::optional<std::string>(llvm::StringRef Key)>;
  using Warn = llvm::function_ref<void(const std::string &Message)>;
  OptionResolver(Lookup Get, Warn Report) : Get(Get), Report(Report) {}

  /// The options check Id runs with.
  void forCheck(CheckId Id, AnalyzerOptions &Out);
  /// The options one analysis of every Enabled check runs with: for a limit
  /// the largest any of them asks for (0, no limit, is the largest); a list
  /// option is its check's.
  void forChecks(const CheckSet &Enabled, AnalyzerOptions &Out);

private:
  std::optional<unsigned> limit(const LimitInfo &L, const std::string &Key);
  std::optional<std::string> list(const ListOptionInfo &L, CheckId Id, std::string &Key);
  std::optional<bool> toggle(const SwitchInfo &S, const std::string &Key);
  Lookup Get;
  Warn Report;
};

} // namespace pincheck

#endif
