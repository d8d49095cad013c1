// ListedNames.cpp - matching declarations against the option lists, by
// their qualified names (model/NameList.h).
#include "model/ListedNames.h"
#include "Options.h"
#include "model/NameList.h"

using namespace clang;

namespace pincheck {

// Names of a list option into Into; an invalid value keeps the old list.
static void setNames(llvm::StringRef Value, bool Functions, ListedNames::Names &Into) {
  std::vector<std::string> Names;
  std::string Problem = Functions ? parseFunctionNames(Value, &Names)
                                  : parseClassTemplateNames(Value, "", &Names);
  if (!Problem.empty())
    return;
  Into.Full.clear();
  Into.Last.clear();
  for (const std::string &N : Names) {
    Into.Full.insert(N);
    Into.Last.insert(llvm::StringRef(N).rsplit("::").second.empty()
                         ? llvm::StringRef(N)
                         : llvm::StringRef(N).rsplit("::").second);
  }
}

ListedNames::ListedNames() {
  setSensitiveClasses(DefaultAddressSensitiveClasses);
  setPinningFunctions(DefaultPinningFunctions);
  setRelocatingFunctions(DefaultRelocatingFunctions);
}

void ListedNames::setSensitiveClasses(llvm::StringRef V) { setNames(V, false, Classes); }
void ListedNames::setPinningFunctions(llvm::StringRef V) { setNames(V, true, Pinning); }
void ListedNames::setRelocatingFunctions(llvm::StringRef V) { setNames(V, true, Relocating); }

bool ListedNames::listed(const Names &Set, const NamedDecl *D) {
  if (Set.Full.empty() || !D || !D->getIdentifier() || !Set.Last.contains(D->getName()))
    return false;
  return Set.Full.contains(qualifiedName(D));
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
