// FunctionFacts.h - what one pass over a function body finds (the data; the
// pass is facts/Collector.h): the places worth tracking (locals, parameters,
// globals, pointees and *this of address-sensitive type), the aliases to
// them, the pin events and relocating operations the catalog recognises,
// ends of lifetimes, and borrowed container elements with the calls that may
// relocate them.
#ifndef PINCHECK_FUNCTIONFACTS_H
#define PINCHECK_FUNCTIONFACTS_H

#include "catalog/Catalog.h"
#include "catalog/ContainerCalls.h"
#include "facts/SelfInsertion.h"
#include "facts/StoredElements.h"
#include "model/AccessPath.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <vector>

namespace pincheck {

/// An element of a container borrowed by a holder: a local reference,
/// pointer, iterator or view bound to it (at its declaration, or by an
/// assignment to it: Assignment), or a range-for's iterator (RangeFor).
struct ElementBorrow {
  const clang::VarDecl *Holder;
  ContainerRef Container;
  /// The holder's initialiser, the assignment, or the range-for.
  const clang::Stmt *Site;
  bool RangeFor;
  bool Assignment = false;
  /// The element type is address-sensitive.
  bool SensitiveElements = false;
};
/// A call that may relocate a container's elements; Inner/InnerFunction when
/// it does so inside a callee (from its summary). Whole: a move or swap of a
/// whole container that holds its elements inline (std::array).
struct ContainerGrowth {
  const clang::Expr *Site;
  ContainerRef Container;
  std::string Method;
  const ContainerGrowth *Inner = nullptr;
  const clang::FunctionDecl *InnerFunction = nullptr;
  bool Whole = false;
  /// Every element is pinned from its construction and relocating one does
  /// not re-establish it: what makes the element class self-referential.
  /// The call is reported with no borrow in sight.
  const SelfReference *PinnedElements = nullptr;
  /// With PinnedElements: the element's member that relocates it.
  const clang::CXXMethodDecl *ElementMember = nullptr;
  /// The container is a member whose elements' addresses a member function
  /// of its class stores in a longer-lived place (facts/StoredElements.h):
  /// the call is reported with no borrow in sight.
  const StoredElement *Stored = nullptr;
  /// An end insertion that a `reserve` call here made room for (a counted
  /// loop or a fixed number of insertions after it): from there on, it
  /// cannot relocate.
  const clang::Expr *ReservedAt = nullptr;
  /// The call is in a function of another file, known from the summaries
  /// index (Site is then null).
  IndexedEvent External;
};

/// `m[a] = m[b]` on a map that may relocate its values on insertion: the
/// right side's reference to a value is held while the left side's
/// operator[] inserts (C++17 evaluates the right operand of '=' first; a
/// class's operator= then reads through the reference), or, before C++17,
/// the two sides are unsequenced and either may insert while the other's
/// reference is held.
struct OrderHazard {
  const clang::Expr *Growth; ///< the left side's inserting call
  const clang::Expr *Read;   ///< the right side's element access
  ContainerRef Container;
  std::string Method;
  bool Unsequenced; ///< before C++17
};

/// `v.push_back(v.back())` on a hand-written container whose member
/// function may reallocate before it reads the reference it is given.
struct SelfInsertion {
  const clang::CXXMemberCallExpr *Call;
  const clang::Expr *Arg; ///< the argument that refers to an element of the object
  const ReallocationFirst *Realloc;
};

/// An object that can be pinned: a variable (a local, a parameter, a global),
/// the object a pointer variable points to (Var is the pointer or smart
/// pointer: a heap object, or whatever a pointer parameter points to), the
/// object a member function runs on (*this, whose fields are its parts), or
/// a temporary pinned from its construction (Temp: what makes it).
struct TrackedPlace {
  enum KindT { Variable, Pointee, This, Temporary } Kind = Variable;
  const clang::VarDecl *Var = nullptr; // null for This and Temporary
  clang::QualType Type;                // the object's type
  const clang::Expr *Temp = nullptr;   // Temporary
};

/// A temporary pinned from its construction (made by a self-referential
/// constructor or one that lets `this` escape, or returned by a function
/// as a value of such a class): its place and its pin. It lives for one
/// full-expression, after its construction, so it is pinned wherever it is
/// an operand, and the flow analysis reads the pin here rather than carry
/// it in its state.
struct PinnedTemporary {
  unsigned Place;
  unsigned Pin;
};

struct FunctionFacts {
  const clang::FunctionDecl *FD = nullptr;
  const clang::Stmt *Body = nullptr;

  /// Objects that can be pinned, indexed densely.
  std::vector<TrackedPlace> Places;
  llvm::DenseMap<const clang::VarDecl *, unsigned> PlaceIndex;   // Variable
  llvm::DenseMap<const clang::VarDecl *, unsigned> PointeeIndex; // Pointee, by pointer
  int ThisPlace = -1;
  /// Pointer variables (raw and smart) whose target the flow analysis
  /// follows; an unknown target is the pointer's own Pointee place.
  std::vector<const clang::VarDecl *> Pointers;
  llvm::DenseMap<const clang::VarDecl *, unsigned> PointerIndex;
  /// Local references: another name for the object they are bound to.
  llvm::DenseSet<const clang::VarDecl *> AliasRefs;
  /// Temporaries pinned from their construction that an operation consumes,
  /// by what makes them (the operand with moves and temporaries looked
  /// through: a construction, a call).
  llvm::DenseMap<const clang::Expr *, PinnedTemporary> Temporaries;

  std::vector<Operation> Ops;
  std::vector<PinEvent> Pins; // in source order
  /// Pins that hold when the function starts (PinCause::OnEntry): index into
  /// Pins, and the place.
  std::vector<std::pair<unsigned, unsigned>> EntryPins;
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 1>> OpsAt;
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 1>> PinsAt;
  /// Calls that leave the frame without destroying its objects (longjmp):
  /// every automatic place is named there.
  llvm::SmallPtrSet<const clang::Stmt *, 1> AbandonSites;
  /// Ends of lifetimes, and the ends implied by constructing over an object.
  std::vector<DestroyEvent> Destroys;
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 1>> DestroysAt;

  /// How each operand (by operation, then operand), pin target and destroyed
  /// object is reached (model/AccessPath.h), local references read through;
  /// a root-less path where there is no expression (an operand or pin that is
  /// a variable itself, an entry pin).
  std::vector<llvm::SmallVector<AccessPath, 2>> OperandPaths;
  std::vector<AccessPath> PinPaths;
  std::vector<AccessPath> DestroyPaths;

  /// Borrowed container elements, and calls that may relocate them (of any
  /// element type).
  std::vector<ElementBorrow> Borrows;
  std::vector<ContainerGrowth> Growths;
  std::vector<OrderHazard> OrderHazards;
  std::vector<SelfInsertion> SelfInsertions;
  /// Assignments (plain or compound) whose left side is a call, in C++17
  /// and later: their right side runs first, so a use there comes before a
  /// growth in the left side, whatever order the control-flow graph lists
  /// them in. (Left side, right side.)
  std::vector<std::pair<clang::SourceRange, clang::SourceRange>> RightFirst;
  /// What the return statements return, when the function returns a
  /// reference, a pointer or a class (an iterator, a view): its summary
  /// says which containers those borrow.
  std::vector<const clang::Expr *> Returned;

  /// Nothing to report can come out of this function: skip the flow analysis.
  /// Every place starts unpinned, so without a pin event none is ever pinned.
  bool pinFlowTrivial() const { return Places.empty() || Ops.empty() || Pins.empty(); }
  bool containersTrivial() const { return Borrows.empty() || Growths.empty(); }
  bool pinnedElementsRelocated() const {
    return llvm::any_of(Growths,
                        [](const ContainerGrowth &G) { return G.PinnedElements || G.Stored; });
  }
  bool trivial() const {
    return pinFlowTrivial() && containersTrivial() && !pinnedElementsRelocated() &&
           OrderHazards.empty() && SelfInsertions.empty();
  }
};

} // namespace pincheck

#endif
