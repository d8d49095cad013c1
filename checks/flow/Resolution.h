// Resolution.h - which tracked place an access path reaches in a given pin
// state: its root (a place, the object a followed pointer targets, *this)
// and each step outwards (a member, an element a holder keeps inline, an
// offset into an array). Steps the pin analysis does not follow (an element
// of a container that keeps it on the heap, an iterator) reach nothing.
#ifndef PINCHECK_RESOLUTION_H
#define PINCHECK_RESOLUTION_H

#include "facts/FunctionFacts.h"
#include "flow/PinLattice.h"

namespace pincheck {

/// What an expression names, in terms of tracked places.
struct Resolved {
  int Place = -1; ///< index into FunctionFacts::Places
  /// The reference, pointer or structured binding it was reached through.
  const clang::ValueDecl *Alias = nullptr;
  bool Whole = true;       ///< the whole place, not a part
  clang::QualType ObjType; ///< type of the object reached
  explicit operator bool() const { return Place >= 0; }
};

/// R with "a part of it, of type T" (T null: the type is unchanged).
Resolved partOf(Resolved R, clang::QualType T = clang::QualType());

/// The place variable V is, if it is one.
Resolved placeOf(const FunctionFacts &F, const clang::VarDecl *V);

/// The place P reaches in state St.
Resolved resolve(const FunctionFacts &F, const AccessPath &P, const State &St);

} // namespace pincheck

#endif
