// Catalog.h - recognises, by the AST, the operations that relocate a value
// (docs/model.md "What is reported on a pinned value") and the events that pin one (docs/model.md "When an instance is pinned"). Pure
// classification: no pin state, no messages.
#ifndef PINCHECK_CATALOG_H
#define PINCHECK_CATALOG_H

#include "Registry.h"
#include "model/AccessPath.h"
#include "model/ListedNames.h"
#include "model/SelfReference.h"
#include "model/SummaryIndex.h"
#include "model/ThisEscape.h"
#include "model/StdLibrary.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace pincheck {

// OpFamily (Move, Copy, Swap, RawMemory, StorageReuse) is the registry's:
// each family is reported by one check (Checks.def).

/// What happens to one operand.
enum class OperandRole {
  Moved,          // moved from (explicit std::move & co.)
  MovedByReturn,  // implicit move in `return x`
  MovedByThrow,   // implicit move in `throw x`
  MovedByCoReturn, // implicit move in `co_return x`
  Copied,
  Swapped,
  RawSource,      // bytes read (memcpy source, bit_cast)
  RawDest,        // bytes written (memcpy/memset destination)
  Reallocated,    // realloc
  RelocatedFrom,  // moved to a new address by a relocation helper
                  // (trivially_relocate, uninitialized_relocate, relocate_at)
  ConstructedOver, // a new object made in its storage (placement new,
                   // std::construct_at) while it is alive
  Deallocated,     // its storage freed while it is alive (free, operator
                   // delete called as a function, an allocator's deallocate)
  LifetimeStarted, // std::start_lifetime_as: a new object created in its
                   // storage while it is alive
  Abandoned,       // a longjmp leaves its frame without destroying it
};

/// A role's name ("moved", "raw-source"), as dumps and the summaries index
/// write it, and back.
const char *roleName(OperandRole R);
std::optional<OperandRole> roleNamed(llvm::StringRef Name);

struct Operand {
  const clang::Expr *E;
  bool IsPointer; // E yields a pointer to the object, not the object
  OperandRole Role;
  /// E names a range and the operation touches one of its elements (the loop
  /// variable of a range-for): the operand's type is ElementType.
  bool Element = false;
  clang::QualType ElementType = {};
  /// The operand is this variable itself, named by no expression (the locals
  /// a longjmp abandons); E is then the operation's site.
  const clang::VarDecl *Var = nullptr;
};

struct Operation {
  OpFamily Family;
  const clang::Expr *Site; // the relocating expression: the diagnostic's place
  std::string Callee;      // how users name it: "std::swap", "memcpy", ...
  llvm::SmallVector<Operand, 2> Operands;
  /// A call that relocates its argument inside the callee (from the callee's
  /// summary): the operation there and the callee, for the note.
  const Operation *Inner = nullptr;
  const clang::FunctionDecl *InnerFunction = nullptr;
  const AccessPath *InnerPath = nullptr; // how the callee reaches Inner's operand
  /// Inner is in a function of another file, known from the summaries index:
  /// where (Inner's expressions are then null).
  IndexedEvent External;
};

enum class PinCause {
  AddressOf,        // &x, &x.f, a pointer initialised from it
  HandedOut,        // p.get() of a smart pointer, used other than in a test
  ThisHandedOut,    // `this` passed, stored or returned (not dereferenced)
  StdAddressof,     // std::addressof(x)
  BuiltinAddressof, // __builtin_addressof(x)
  PinsParam,        // bound to a PIN_PINS parameter
  PinsListed,       // passed to a function the option PinningFunctions
                    // lists (Via is the parameter)
  KeptByAttribute,  // bound to a parameter whose Clang attribute says it is
                    // kept ([[clang::lifetime_capture_by]], a constructor's
                    // [[clang::lifetimebound]]); Via is the parameter
  PinsThis,         // PIN_PINS_THIS member function called on it
  MarkPinned,       // pin::mark_pinned(x)
  ThisEscaped,      // made by a constructor that hands `this` out
  SelfReferenced,   // made by a constructor that makes it self-referential
  CapturedByRef,    // captured by reference in a lambda that escapes
  ByCallee,         // passed to a function whose body pins its parameter
  OnEntry,          // inside a PIN_PINS_THIS member function (*this) or for
                    // a PIN_PINS parameter: the caller pinned it (Via says
                    // which; Site is null)
};

struct PinEvent {
  const clang::Stmt *Site;   // where the pin happens
  const clang::Expr *Target; // glvalue (or pointer if IsPointer) pinned;
                             // null when Var is the target
  bool IsPointer;
  PinCause Cause;
  const clang::NamedDecl *Via = nullptr; // the parameter or member function
  const clang::FunctionDecl *Callee = nullptr;
  const clang::VarDecl *Var = nullptr; // ThisEscaped, SelfReferenced: the variable made
  const ThisEscape *Escape = nullptr; // ThisEscaped: where `this` escapes, or the annotation
  const SelfReference *SelfRef = nullptr; // SelfReferenced: what the constructor makes
  /// Pinned on some paths only: the object may be pinned (a constructor
  /// that makes its self-reference in a branch).
  bool MayOnly = false;
  const PinEvent *Inner = nullptr;     // ByCallee: the pin inside Callee
  const AccessPath *InnerPath = nullptr; // ByCallee: how Callee reaches what it pins
  /// An inner event in a function of another file, known from the summaries
  /// index (Site and Target are then null): where, and how it pins.
  IndexedEvent External;
};

/// An explicit end of an object's lifetime (x.~T(), std::destroy_at(p), and
/// std::start_lifetime_as(p), which replaces the object after pin-storage-reuse
/// has checked it): what was pinned there is gone, and an object made there
/// next starts unpinned.
struct DestroyEvent {
  const clang::Expr *Site;
  const clang::Expr *Target; // glvalue, or pointer if IsPointer
  bool IsPointer;
};
bool classifyDestroy(const clang::Expr *E, DestroyEvent &Out);

/// Classifies E as a relocating operation. Implicit moves are recognised only
/// for the constructions the caller found in `return x` / `throw x`.
struct CatalogContext {
  clang::ASTContext &Ctx;
  /// CXXConstructExprs that are the implicit move of a return / throw.
  llvm::SmallPtrSetImpl<const clang::Expr *> &ReturnMoves;
  llvm::SmallPtrSetImpl<const clang::Expr *> &ThrowMoves;
  /// ... and of a `co_return` (into the promise's return_value).
  llvm::SmallPtrSetImpl<const clang::Expr *> &CoReturnMoves;
  /// Loop-variable constructions of range-fors by value -> the range.
  llvm::DenseMap<const clang::Expr *, const clang::Expr *> &RangeForElements;
  /// Classes inferred self-referential, whose user-provided copy and move
  /// members may re-establish their self-references (cooperative, as
  /// PIN_ADDRESS_AWARE ones); null when the inference is off.
  SelfReferenceModel *SelfRefs = nullptr;
  /// The functions the options name (RelocatingFunctions); null: none.
  const ListedNames *Listed = nullptr;
};

/// Whether a copy or move member cooperates: annotated PIN_ADDRESS_AWARE, or
/// user-provided in a self-referential class and re-establishing its
/// self-references on every path.
bool cooperates(const clang::CXXMethodDecl *M, SelfReferenceModel *SelfRefs);
bool classifyOperation(const clang::Expr *E, CatalogContext &C, Operation &Out);

/// Whether CE copies, moves or writes memory as raw bytes (the memcpy family,
/// realloc, the relocation helpers): the raw-memory rows of the catalog
/// alone, for questions asked outside a function's facts.
bool classifyRawMemoryCall(const clang::CallExpr *CE, clang::ASTContext &Ctx, Operation &Out);

/// Appends the pins of a lambda returned as Value (`return [&n] {...};`):
/// what it captures by reference outlives the call in it (Callee null).
void returnedLambdaPins(const clang::Expr *Value, llvm::SmallVectorImpl<PinEvent> &Out);

/// Appends the pin events E causes (a call may pin several arguments).
/// Listed: the functions the options name (PinningFunctions).
void classifyPins(const clang::Expr *E, clang::ASTContext &Ctx, const ListedNames &Listed,
                  llvm::SmallVectorImpl<PinEvent> &Out);

} // namespace pincheck

#endif
