// Registry.cpp - the registry's names and summaries, the family each check
// claims (one check per family, checked at compile time), and clang-tidy
// style glob selection.
#include "Registry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ErrorHandling.h"
#include <string>
#include <vector>

namespace pincheck {

namespace {
struct Entry {
  const char *Name;
  const char *Summary;
};
const Entry Entries[] = {
#define CHECK(Class, Name, Family, Summary) {Name, Summary},
#include "Checks.def"
};

// How many checks claim Family: a new family without its check, or two
// checks for one, fails to compile.
constexpr unsigned claims(OpFamily Family) {
  unsigned N = 0;
  for (unsigned I = 0; I < NumChecks; ++I)
    N += checkFamily(CheckId(I)) == Family;
  return N;
}
constexpr bool eachFamilyClaimedOnce() {
  for (unsigned F = 1; F < NumFamilies; ++F)
    if (claims(OpFamily(F)) != 1)
      return false;
  return true;
}
static_assert(eachFamilyClaimedOnce(),
              "every OpFamily but None needs exactly one check in Checks.def");
} // namespace

CheckId checkForFamily(OpFamily Family) {
  for (unsigned I = 0; I < NumChecks; ++I)
    if (checkFamily(CheckId(I)) == Family)
      return CheckId(I);
  llvm_unreachable("every family has its check (static_assert above)");
}

llvm::StringRef checkName(CheckId Id) { return Entries[unsigned(Id)].Name; }
llvm::StringRef checkSummary(CheckId Id) {
  return Entries[unsigned(Id)].Summary;
}

std::optional<CheckId> checkByName(llvm::StringRef Name) {
  for (unsigned I = 0; I < NumChecks; ++I)
    if (Name == Entries[I].Name)
      return CheckId(I);
  return std::nullopt;
}

bool globMatches(llvm::StringRef Glob, llvm::StringRef Name) {
  // Iterative wildcard match with backtracking to the last '*'.
  size_t G = 0, N = 0, StarG = llvm::StringRef::npos, StarN = 0;
  while (N < Name.size()) {
    if (G < Glob.size() && Glob[G] == '*') {
      StarG = G++;
      StarN = N;
    } else if (G < Glob.size() && Glob[G] == Name[N]) {
      ++G;
      ++N;
    } else if (StarG != llvm::StringRef::npos) {
      G = StarG + 1;
      N = ++StarN;
    } else {
      return false;
    }
  }
  while (G < Glob.size() && Glob[G] == '*')
    ++G;
  return G == Glob.size();
}

CheckSet CheckSet::all() {
  CheckSet S;
  S.Bits.set();
  return S;
}
CheckSet CheckSet::none() { return CheckSet(); }

std::string CheckSet::apply(llvm::StringRef Globs) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  // Every entry applies, whatever stands before it: an unknown name must not
  // take the valid ones after it down with it. All unknown names are
  // reported at the end, so one message lists every typo.
  std::vector<std::string> Unknown;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    bool On = !Part.consume_front("-");
    Part = Part.trim();
    bool Matched = false;
    for (unsigned I = 0; I < NumChecks; ++I)
      if (globMatches(Part, Entries[I].Name)) {
        Bits[I] = On;
        Matched = true;
      }
    // Globs for other tools' checks (as in a shared .clang-tidy) are fine;
    // only a pin-prefixed name that matches nothing is a likely typo.
    if (!Matched && Part.starts_with("pin-") && !Part.contains('*') &&
        llvm::find(Unknown, Part.str()) == Unknown.end())
      Unknown.push_back(Part.str());
  }
  if (Unknown.empty())
    return "";
  std::string Msg = Unknown.size() == 1 ? "unknown check " : "unknown checks ";
  for (size_t I = 0; I < Unknown.size(); ++I)
    Msg += (I ? ", '" : "'") + Unknown[I] + "'";
  return Msg;
}

const char *familyName(OpFamily F) {
  switch (F) {
  case OpFamily::None: return "none";
  case OpFamily::Move: return "move";
  case OpFamily::Copy: return "copy";
  case OpFamily::Swap: return "swap";
  case OpFamily::RawMemory: return "raw-memory";
  case OpFamily::StorageReuse: return "storage-reuse";
  }
  return "?";
}

std::optional<OpFamily> familyNamed(llvm::StringRef Name) {
  for (unsigned F = 1; F < NumFamilies; ++F)
    if (Name == familyName(OpFamily(F)))
      return OpFamily(F);
  return std::nullopt;
}

} // namespace pincheck
