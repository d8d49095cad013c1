// Registry.h - the checks of Checks.def as an enum, their names, summaries
// and operation families, and clang-tidy style glob selection
// ("-*,pin-move"). The vocabulary every layer of the core and every front
// end shares; it includes nothing of the engine.
#ifndef PINCHECK_REGISTRY_H
#define PINCHECK_REGISTRY_H

#include "llvm/ADT/StringRef.h"
#include <bitset>
#include <optional>
#include <string>

namespace pincheck {

/// The checks, in registry order.
enum class CheckId : unsigned {
#define CHECK(Class, Name, Family, Summary) Class,
#include "Checks.def"
};

constexpr unsigned NumChecks = 0
#define CHECK(Class, Name, Family, Summary) +1
#include "Checks.def"
    ;

/// The families of relocating operations the catalog recognises; each is
/// reported by the one check whose registry row names it. None: a check
/// that reports no operation family.
enum class OpFamily : unsigned { None, Move, Copy, Swap, RawMemory, StorageReuse };
constexpr unsigned NumFamilies = unsigned(OpFamily::StorageReuse) + 1;

/// The family a check reports (Checks.def), or OpFamily::None.
constexpr OpFamily checkFamily(CheckId Id) {
  constexpr OpFamily Families[] = {
#define CHECK(Class, Name, Family, Summary) OpFamily::Family,
#include "Checks.def"
  };
  return Families[unsigned(Id)];
}

/// The check that reports Family's operations (Family is not None).
CheckId checkForFamily(OpFamily Family);

/// A family's name ("move", "raw-memory"), as dumps and the summaries
/// index write it, and back (None has no name to read back).
const char *familyName(OpFamily F);
std::optional<OpFamily> familyNamed(llvm::StringRef Name);

llvm::StringRef checkName(CheckId Id);
llvm::StringRef checkSummary(CheckId Id);
std::optional<CheckId> checkByName(llvm::StringRef Name);

/// Which checks run. Built from a comma-separated glob list in clang-tidy
/// syntax: later entries win, a leading '-' disables, '*' matches any run.
class CheckSet {
public:
  static CheckSet all();
  static CheckSet none();
  /// Applies every entry of Globs on top of the current selection. Returns
  /// an error message naming each pin- entry that matches no check (a likely
  /// typo; the other entries still apply), or "" when there is none; front
  /// ends add how their users list the checks.
  std::string apply(llvm::StringRef Globs);
  bool enabled(CheckId Id) const { return Bits[unsigned(Id)]; }
  void set(CheckId Id, bool On) { Bits[unsigned(Id)] = On; }
  bool any() const { return Bits.any(); }

private:
  std::bitset<NumChecks> Bits;
};

/// Glob matching as clang-tidy does it: '*' matches any sequence.
bool globMatches(llvm::StringRef Glob, llvm::StringRef Name);

} // namespace pincheck

#endif
