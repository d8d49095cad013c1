// FunctionFacts.h - one pass over a function body: the places worth tracking
// (locals and parameters of address-sensitive type), the aliases to them, and
// the pin events and relocating operations found by the catalog.
#ifndef PINCHECK_FUNCTIONFACTS_H
#define PINCHECK_FUNCTIONFACTS_H

#include "Catalog.h"
#include "TypeModel.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace pincheck {

// What a body holds beyond its own flow, for the caller's walk (so that the
// body is walked once, by collectFacts): declarations with attributes (for
// pin-annotation); local classes and blocks, and lambdas (functions of their
// own).
struct BodyContents {
  std::vector<const clang::Decl *> Attributed;
  std::vector<const clang::Decl *> NestedDecls;
  std::vector<const clang::LambdaExpr *> Lambdas;
};

struct FunctionFacts {
  const clang::FunctionDecl *FD = nullptr;
  const clang::Stmt *Body = nullptr;

  // Variables whose object can be pinned, indexed densely.
  std::vector<const clang::VarDecl *> Places;
  llvm::DenseMap<const clang::VarDecl *, unsigned> PlaceIndex;
  // Local pointers whose target the flow analysis follows.
  std::vector<const clang::VarDecl *> Pointers;
  llvm::DenseMap<const clang::VarDecl *, unsigned> PointerIndex;
  // Local references: another name for the object they are bound to.
  llvm::DenseSet<const clang::VarDecl *> AliasRefs;

  std::vector<Operation> Ops;
  std::vector<PinEvent> Pins; // in source order
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 1>> OpsAt;
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 1>> PinsAt;

  BodyContents Contents;

  // Nothing to report can come out of this function: skip the flow analysis.
  // Every place starts unpinned, so without a pin event none is ever pinned.
  bool trivial() const { return Places.empty() || Ops.empty() || Pins.empty(); }
};

FunctionFacts collectFacts(const clang::FunctionDecl *FD, const clang::Stmt *Body,
                           TypeModel &Types);

} // namespace pincheck

#endif
