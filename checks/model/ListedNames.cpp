// ListedNames.cpp - matching declarations against the option lists, by
// their qualified names (model/NameList.h).
#include "model/ListedNames.h"
#include "Options.h"
#include "model/NameList.h"

using namespace clang;

namespace pincheck {

// Names of a list option into Into; an invalid value keeps the old list.
static void setNames(llvm::StringRef Value, bool Functions, llvm::StringSet<> &Into) {
  std::vector<std::string> Names;
  std::string Problem = Functions ? parseFunctionNames(Value, &Names)
                                  : parseClassTemplateNames(Value, "", &Names);
  if (!Problem.empty())
    return;
  Into.clear();
  for (const std::string &N : Names)
    Into.insert(N);
}

ListedNames::ListedNames() {
  setSensitiveClasses(DefaultAddressSensitiveClasses);
  setPinningFunctions(DefaultPinningFunctions);
  setRelocatingFunctions(DefaultRelocatingFunctions);
}

void ListedNames::setSensitiveClasses(llvm::StringRef V) { setNames(V, false, Classes); }
void ListedNames::setPinningFunctions(llvm::StringRef V) { setNames(V, true, Pinning); }
void ListedNames::setRelocatingFunctions(llvm::StringRef V) { setNames(V, true, Relocating); }

bool ListedNames::listed(const llvm::StringSet<> &Set, const NamedDecl *D) {
  return !Set.empty() && D && Set.contains(qualifiedName(D));
}

bool ListedNames::sensitiveClass(const RecordDecl *RD) const {
  return listed(Classes, RD);
}

bool ListedNames::pinningFunction(const FunctionDecl *FD) const {
  return listed(Pinning, FD);
}

bool ListedNames::relocatingFunction(const FunctionDecl *FD) const {
  return listed(Relocating, FD);
}

} // namespace pincheck
