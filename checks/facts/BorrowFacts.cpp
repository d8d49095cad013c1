// BorrowFacts.cpp - borrowed container elements (a reference, pointer or
// iterator bound to an element, a range-for over the container) and the
// calls that may relocate them (growth, middle insert and erase, a whole
// move or swap of a container holding its elements inline), for containers
// of address-sensitive elements; a growth also says when every element is
// pinned from its construction.
#include "facts/FactsBuilder.h"
#include "facts/Places.h"
#include "catalog/ContainerCalls.h"

using namespace clang;

namespace pincheck {

// The loop holds iterators into the range until it ends.
void FactsBuilder::addRangeForBorrow(const CXXForRangeStmt *S) {
  if (const VarDecl *C = containerVariable(Types.containers(), S->getRangeInit()))
    if (holdsSensitiveElements(C->getType(), Types))
      if (const auto *BS = dyn_cast_or_null<DeclStmt>(S->getBeginStmt()))
        if (const auto *Begin = dyn_cast_or_null<VarDecl>(BS->getSingleDecl()))
          F.Borrows.push_back({Begin, C, S, /*RangeFor=*/true});
}

// `auto &r = v[i]`, `auto it = v.begin()`: the holder borrows an element
// from its declaration.
void FactsBuilder::addDeclaredBorrow(const VarDecl *V) {
  if (const VarDecl *C = borrowedContainer(Types.containers(), V->getType(), V->getInit()))
    if (holdsSensitiveElements(C->getType(), Types))
      F.Borrows.push_back({V, C, V->getInit(), /*RangeFor=*/false});
}

// `it = v.begin()`, `p = &v[i]`: the holder borrows an element from here.
void FactsBuilder::addAssignedBorrow(const Expr *E) {
  const Expr *Value = nullptr;
  const DeclRefExpr *Name = assignedVariable(E, &Value);
  const auto *H = Name ? cast<VarDecl>(Name->getDecl()) : nullptr;
  if (!H || H->getType()->isReferenceType())
    return;
  if (const VarDecl *C = borrowedContainer(Types.containers(), H->getType(), Value))
    if (holdsSensitiveElements(C->getType(), Types))
      F.Borrows.push_back({H, C, E, /*RangeFor=*/false, /*Assignment=*/true});
}

void FactsBuilder::addGrowth(const Expr *E) {
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    StringRef Method;
    if (const VarDecl *C = relocatingCall(Types.containers(), Call, &Method))
      if (holdsSensitiveElements(C->getType(), Types)) {
        ContainerGrowth G{E, C, Method.str()};
        // Erasing only shifts the elements after it; inserting in the
        // middle may grow too.
        bool Shifts = Method == "erase" || Method == "insert" || Method == "emplace" ||
                      Method == "insert_range";
        G.PinnedElements = Types.elementsPinnedFromConstruction(
            Types.containers().relocatingElementType(C->getType()), Method != "erase",
            Shifts, &G.ElementMember);
        F.Growths.push_back(G);
      }
  }
}

// Moving or swapping a std::array or std::inplace_vector moves the
// elements it holds inline (pin-move and pin-swap report it when the
// container itself is pinned).
void FactsBuilder::addWholeGrowths(const Expr *E, const Operation &Op) {
  llvm::SmallVector<std::pair<const VarDecl *, std::string>, 2> Whole;
  wholeRelocations(Types.containers(), Op, Whole);
  for (auto &[C, Name] : Whole)
    if (holdsSensitiveElements(C->getType(), Types)) {
      ContainerGrowth G{E, C, Name};
      G.Whole = true;
      F.Growths.push_back(G);
    }
}

} // namespace pincheck
