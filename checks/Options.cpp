// Options.cpp - the tables of Options.def, and the validators they name.
#include "Options.h"
#include "model/Containers.h"
#include "model/NameList.h"
#include "model/RelocationClaims.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <limits>

namespace pincheck {

static std::string validateVectorLikeClasses(llvm::StringRef Value) {
  return parseVectorLikeClasses(Value, nullptr);
}

static std::string validateOpenAddressingMaps(llvm::StringRef Value) {
  return parseOpenAddressingMaps(Value, nullptr);
}

static std::string validateClassNames(llvm::StringRef Value) {
  return parseClassTemplateNames(Value, "'lib::Node;lib::Hook'", nullptr);
}

static std::string validateFunctionNames(llvm::StringRef Value) {
  return parseFunctionNames(Value, nullptr);
}

llvm::ArrayRef<LimitInfo> analysisLimits() {
  static const LimitInfo Table[] = {
#define LIMIT(Field, Option, Flag, Value, Counts)                                      \
  {Option, Flag, Value, Counts, &AnalyzerOptions::Field},
#include "Options.def"
  };
  return Table;
}

llvm::ArrayRef<SwitchInfo> analysisSwitches() {
  static const SwitchInfo Table[] = {
#define SWITCH(Field, Option, Flag, Value, Does)                                       \
  {Option, Flag, Value, Does, &AnalyzerOptions::Field},
#include "Options.def"
  };
  return Table;
}

std::optional<bool> parseSwitch(llvm::StringRef Text) {
  std::string T = Text.trim().lower();
  if (T == "true" || T == "on" || T == "yes" || T == "1")
    return true;
  if (T == "false" || T == "off" || T == "no" || T == "0")
    return false;
  return std::nullopt;
}

llvm::ArrayRef<ListOptionInfo> listOptions() {
  static const ListOptionInfo Table[] = {
#define GLOBAL_LIST(Field, Option, Flag, Value, Help, Validator)                       \
  {Option, Flag, CheckId(0), true, Value, Help, &AnalyzerOptions::Field, Validator},
#define LIST(Field, Option, Flag, Check, Value, Help, Validator)                       \
  {Option, Flag, CheckId::Check, false, Value, Help, &AnalyzerOptions::Field, Validator},
#include "Options.def"
  };
  return Table;
}

CountProblem parseCount(llvm::StringRef Text, unsigned &Out) {
  if (!Text.getAsInteger(10, Out))
    return CountProblem::None;
  // getAsInteger fails alike for "abc" and for a number too large to hold.
  if (!Text.empty() && llvm::all_of(Text, llvm::isDigit))
    return CountProblem::TooLarge;
  return CountProblem::NotANumber;
}

std::string describeCount(llvm::StringRef Text) {
  unsigned Ignored;
  switch (parseCount(Text, Ignored)) {
  case CountProblem::None:
    return "";
  case CountProblem::TooLarge:
    return "is out of range: " + Text.str() + " is more than " +
           std::to_string(std::numeric_limits<unsigned>::max());
  case CountProblem::NotANumber:
    break;
  }
  return "needs a non-negative integer, got '" + Text.str() + "'";
}

bool applyOptionFlag(llvm::StringRef Flag, llvm::StringRef Spelled, bool Quote,
                     llvm::StringRef Value, AnalyzerOptions &Out, std::string &Problem) {
  Problem.clear();
  auto Q = [&](const std::string &S) { return Quote ? "'" + S + "'" : S; };
  for (const LimitInfo &L : analysisLimits()) {
    if (Flag != L.Flag)
      continue;
    unsigned N;
    if (CountProblem P = parseCount(Value, N); P != CountProblem::None)
      Problem = Q(Spelled.str()) + " " + describeCount(Value) +
                (P == CountProblem::TooLarge ? " (0: no limit)" : "");
    else
      Out.*(L.Field) = N;
    return true;
  }
  for (const SwitchInfo &S : analysisSwitches()) {
    if (Flag != S.Flag)
      continue;
    if (std::optional<bool> B = parseSwitch(Value))
      Out.*(S.Field) = *B;
    else
      Problem = Q(Spelled.str()) + " needs true or false, got '" + Value.str() + "'";
    return true;
  }
  for (const ListOptionInfo &L : listOptions()) {
    if (Flag != L.Flag)
      continue;
    if (std::string E = L.Validate(Value); !E.empty())
      Problem = "in " + Q((Spelled + "=" + Value).str()) + ": " + E;
    else
      Out.*(L.Field) = Value.str();
    return true;
  }
  return false;
}

std::optional<unsigned> OptionResolver::limit(const LimitInfo &L, const std::string &Key) {
  std::optional<std::string> V = Get(Key);
  if (!V)
    return std::nullopt;
  unsigned N;
  if (CountProblem P = parseCount(llvm::StringRef(*V).trim(), N); P != CountProblem::None) {
    Report("invalid configuration value '" + *V + "' for option '" + Key +
           (P == CountProblem::TooLarge
                ? "'; expected a non-negative integer of at most " +
                      std::to_string(std::numeric_limits<unsigned>::max())
                : std::string("'; expected a non-negative integer")) +
           " (using the default)");
    return std::nullopt;
  }
  return N;
}

std::optional<std::string> OptionResolver::list(const ListOptionInfo &L, CheckId Id,
                                                std::string &Key) {
  Key = (checkName(Id) + "." + L.Option).str();
  std::optional<std::string> V = L.Global ? std::nullopt : Get(Key);
  if (!V) {
    Key = L.Option;
    V = Get(Key);
  }
  if (!V)
    return std::nullopt;
  if (std::string E = L.Validate(*V); !E.empty()) {
    Report("invalid configuration value '" + *V + "' for option '" + Key + "': " + E +
           " (using the default)");
    return std::nullopt;
  }
  return V;
}

std::optional<bool> OptionResolver::toggle(const SwitchInfo &S, const std::string &Key) {
  std::optional<std::string> V = Get(Key);
  if (!V)
    return std::nullopt;
  std::optional<bool> B = parseSwitch(*V);
  if (!B)
    Report("invalid configuration value '" + *V + "' for option '" + Key +
           "'; expected true or false (using the default)");
  return B;
}

void OptionResolver::forCheck(CheckId Id, AnalyzerOptions &Out) {
  for (const SwitchInfo &S : analysisSwitches()) {
    std::optional<bool> V = toggle(S, (checkName(Id) + "." + S.Option).str());
    if (!V)
      V = toggle(S, S.Option);
    Out.*(S.Field) = V ? *V : S.Default;
  }
  for (const LimitInfo &L : analysisLimits()) {
    std::optional<unsigned> V = limit(L, (checkName(Id) + "." + L.Option).str());
    if (!V)
      V = limit(L, L.Option);
    Out.*(L.Field) = V ? *V : L.Default;
  }
  std::string Key;
  for (const ListOptionInfo &L : listOptions())
    if (L.Global || L.Check == Id) {
      std::optional<std::string> V = list(L, Id, Key);
      Out.*(L.Field) = V ? *V : std::string(L.Default);
    }
}

void OptionResolver::forChecks(const CheckSet &Enabled, AnalyzerOptions &Out) {
  // A switch: the global value, unless an enabled check says otherwise of
  // its own (then on if any of them asks for it).
  for (const SwitchInfo &S : analysisSwitches()) {
    std::optional<bool> Global = toggle(S, S.Option);
    std::optional<bool> Chosen;
    for (unsigned I = 0; I < NumChecks; ++I)
      if (Enabled.enabled(CheckId(I)))
        if (std::optional<bool> V = toggle(S, (checkName(CheckId(I)) + "." + S.Option).str()))
          Chosen = Chosen.value_or(false) || *V;
    Out.*(S.Field) = Chosen ? *Chosen : Global ? *Global : S.Default;
  }
  for (const LimitInfo &L : analysisLimits()) {
    std::optional<unsigned> Global = limit(L, L.Option);
    std::optional<unsigned> Chosen;
    for (unsigned I = 0; I < NumChecks; ++I) {
      if (!Enabled.enabled(CheckId(I)))
        continue;
      std::optional<unsigned> V = limit(L, (checkName(CheckId(I)) + "." + L.Option).str());
      unsigned Eff = V ? *V : Global ? *Global : L.Default;
      if (!Chosen || Eff == 0 || (*Chosen != 0 && Eff > *Chosen))
        Chosen = Eff;
    }
    Out.*(L.Field) = Chosen ? *Chosen : L.Default;
  }
  std::string Key;
  for (const ListOptionInfo &L : listOptions()) {
    std::optional<std::string> V = list(L, L.Check, Key);
    Out.*(L.Field) = V ? *V : std::string(L.Default);
  }
}

} // namespace pincheck
