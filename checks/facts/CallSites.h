// CallSites.h - where a function is first called in the translation unit's
// own code (a constructor by a construction, an operator by its use, a member
// function by a call), implicit members' bodies and template instantiations
// included; and, for what only a library calls, the user's call that leads
// there. Built on the first question, once: type-level checks ask only
// when they have something to report.
#ifndef PINCHECK_CALLSITES_H
#define PINCHECK_CALLSITES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

namespace pincheck {

class CallSiteIndex {
public:
  explicit CallSiteIndex(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  struct Site {
    const clang::Expr *Call = nullptr;       ///< the call or construction
    const clang::FunctionDecl *In = nullptr; ///< the function it is in
  };
  /// The first call of FD in a function body outside system headers (in
  /// the order of the declarations walked; one in a function the user wrote
  /// before one in an implicit or defaulted member), or an empty Site.
  Site firstCall(const clang::FunctionDecl *FD);

  /// Where the user's code reaches FD when only a library calls it (a
  /// container's member instantiated for the user's type): the first call
  /// of FD in a system header's code, then of the function that makes it,
  /// and so on out to a call outside system headers. Entry is the library
  /// function that call names. An empty Site if the chain ends in the
  /// library or is longer than a few calls.
  Site userEntry(const clang::FunctionDecl *FD, const clang::FunctionDecl **Entry);

private:
  void build();
  clang::ASTContext &Ctx;
  bool Built = false, BuiltLibrary = false;
  llvm::DenseMap<const clang::FunctionDecl *, Site> First;
  /// The first call of each function in system headers' code.
  llvm::DenseMap<const clang::FunctionDecl *, Site> FirstInLibrary;
};

} // namespace pincheck

#endif
