// Registry.h - the checks of Checks.def as an enum, their names and summaries,
// and clang-tidy style glob selection ("-*,pin-move").
#ifndef PINCHECK_REGISTRY_H
#define PINCHECK_REGISTRY_H

#include "llvm/ADT/StringRef.h"
#include <bitset>
#include <optional>
#include <string>

namespace pincheck {

enum class CheckId : unsigned {
#define CHECK(Class, Name, Summary) Class,
#include "Checks.def"
};

constexpr unsigned NumChecks = 0
#define CHECK(Class, Name, Summary) +1
#include "Checks.def"
    ;

llvm::StringRef checkName(CheckId Id);
llvm::StringRef checkSummary(CheckId Id);
std::optional<CheckId> checkByName(llvm::StringRef Name);

// Which checks run. Built from a comma-separated glob list in clang-tidy
// syntax: later entries win, a leading '-' disables, '*' matches any run.
class CheckSet {
public:
  static CheckSet all();
  static CheckSet none();
  // Applies every entry of Globs on top of the current selection. Returns
  // an error message naming each pin- entry that matches no check (a likely
  // typo; the other entries still apply), or "" when there is none; front
  // ends add how their users list the checks.
  std::string apply(llvm::StringRef Globs);
  bool enabled(CheckId Id) const { return Bits[unsigned(Id)]; }
  void set(CheckId Id, bool On) { Bits[unsigned(Id)] = On; }
  bool any() const { return Bits.any(); }

private:
  std::bitset<NumChecks> Bits;
};

// Glob matching as clang-tidy does it: '*' matches any sequence.
bool globMatches(llvm::StringRef Glob, llvm::StringRef Name);

} // namespace pincheck

#endif
