// ListedNames.h - the third-party classes and functions the options name
// (Options.def: AddressSensitiveClasses, PinningFunctions,
// RelocatingFunctions; docs/annotations.md "Types and functions you cannot
// annotate"): what users would annotate if they owned the headers.
#ifndef PINCHECK_LISTEDNAMES_H
#define PINCHECK_LISTEDNAMES_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringRef.h"

namespace pincheck {

class ListedNames {
public:
  ListedNames();
  /// An invalid value keeps the list as it was (front ends validate first).
  void setSensitiveClasses(llvm::StringRef Value);
  void setPinningFunctions(llvm::StringRef Value);
  void setRelocatingFunctions(llvm::StringRef Value);

  /// RD (a class, a specialization of a listed template, a C struct) is
  /// listed as address-sensitive.
  bool sensitiveClass(const clang::RecordDecl *RD) const;
  /// FD (or the member function of a listed class template's
  /// specialization) is listed as pinning its arguments.
  bool pinningFunction(const clang::FunctionDecl *FD) const;
  /// FD is listed as relocating its arguments.
  bool relocatingFunction(const clang::FunctionDecl *FD) const;

  /// A list and the last components of its names ("push_back" for
  /// "lib::List::push_back"): most declarations are ruled out by their own
  /// name, before the qualified one is built.
  struct Names {
    llvm::StringSet<> Full, Last;
  };

private:
  static bool listed(const Names &Set, const clang::NamedDecl *D);
  Names Classes, Pinning, Relocating;
};

} // namespace pincheck

#endif
