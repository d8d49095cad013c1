// AccessPath.h - how an expression reaches an object: the one walker of
// member, subscript, dereference, address-of, element and iterator chains
// that the whole core uses. It decomposes an expression, syntactically and
// once, into a root (a variable, or `this`) and the steps from that root
// outwards, and decides nothing: each user reads the steps it understands
// (the flow analysis resolves roots to tracked places, summaries find
// parameters, the this-escape rule finds `this`, containers find borrowed
// elements, the notes find how a part was written) and rejects the rest.
//
// It lives in model/ because the type model's own rules (constructors that
// let `this` escape) read it, and everything above the model may too.
#ifndef PINCHECK_ACCESSPATH_H
#define PINCHECK_ACCESSPATH_H

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace pincheck {

/// Looks through parentheses, no-op casts and temporaries, and through the
/// casts that only make an xvalue or a const lvalue of the same object
/// (std::move, std::forward, static_cast<T&&>, std::move_if_noexcept,
/// std::forward_like, std::as_const): what they consume is the object.
/// SawMove (if not null) is set when one made an xvalue.
const clang::Expr *stripMoveCasts(const clang::Expr *E, bool *SawMove = nullptr);

/// Looks through parentheses and every cast but array decay, including
/// (void*) and reinterpret_cast: raw memory functions must not be hidden by
/// one.
const clang::Expr *stripPointerCasts(const clang::Expr *E);

/// The object an operand or pin target names: E itself (moves looked
/// through), or for a pointer what it points to when written `&x` (else the
/// pointer expression).
const clang::Expr *namedObject(const clang::Expr *E, bool IsPointer);

/// If E is an assignment, built-in or a call of operator= (with Compound
/// also a compound one, `+=`, `<<=`, ..., of either form): true, with its
/// left and right sides.
bool assignmentSides(const clang::Expr *E, const clang::Expr *&LHS, const clang::Expr *&RHS,
                     bool Compound = false);

/// One step of an access path, from the object its inner part names to the
/// object (or pointer) its expression E yields.
enum class StepKind {
  /// Reaching a part of an object.
  Field,          ///< a.f or p->f (E: the MemberExpr; isArrow says which)
  Index,          ///< p[i] of a built-in pointer or decayed array
  ElementAccess,  ///< a class's element: c[i], *o (of a holder), c.value(),
                  ///< c.front(), c.back(), c.at(i), std::get<I>(c)
  Binding,        ///< a structured binding (D) of the hidden variable
  /// From a pointer (or iterator) to the object it points to.
  Deref,          ///< *p of a built-in pointer
  IteratorDeref,  ///< *it of a class (operator*), not a holder's
  SmartDeref,     ///< *p of std::unique_ptr / std::shared_ptr
  /// From an object to a pointer (or iterator) into it.
  AddressOf,      ///< &x, std::addressof(x), __builtin_addressof(x)
  Decay,          ///< an array decaying to a pointer to its first element
  MemberIterator, ///< c.begin(), c.data(), c.find(k), ... (a member call with
                  ///< no argument or any; E: the CXXMemberCallExpr)
  FreeIterator,   ///< std::begin(c), std::data(c), ... of one argument
  SmartGet,       ///< p.get(), p.operator->() of a smart pointer
  /// From a pointer (or iterator) to another into the same object.
  PointerOffset,  ///< p + n, n + p, p - n of built-in pointers
  IteratorOffset, ///< it + n, it - n of class iterators, std::next/prev(it)
  ValueCopy,      ///< a copy or converting construction of the pointer or
                  ///< iterator (a smart pointer copied, iterator to
                  ///< const_iterator)
  /// Names for the same object.
  AliasRef,       ///< a local reference (D) read through to its initialiser
  Opaque,         ///< an OpaqueValueExpr's source (co_await's operand)
};

struct AccessStep {
  StepKind Kind;
  const clang::Expr *E;                ///< the expression of this step
  const clang::ValueDecl *D = nullptr; ///< Binding, AliasRef: the declaration
};

/// Where an expression's object comes from, and how.
struct AccessPath {
  enum class RootKind {
    None,     ///< not a chain the walker knows, or too deep
    Variable, ///< a variable named by a DeclRefExpr (Var)
    This,     ///< `this`
  };
  RootKind Root = RootKind::None;
  const clang::VarDecl *Var = nullptr;
  /// The root is reached as a pointer or iterator (its value is followed),
  /// not as the object it names.
  bool RootIsPointer = false;
  const clang::Expr *RootExpr = nullptr; ///< the DeclRefExpr or CXXThisExpr
  /// From the outermost expression inwards: Steps.front() is E's own.
  llvm::SmallVector<AccessStep, 4> Steps;

  explicit operator bool() const { return Root != RootKind::None; }
};

/// Whether P reaches its root's whole object, not a part of it (no member,
/// element or binding step): what a summary's pin of the object itself is.
bool namesWholeObject(const AccessPath &P);

/// Decomposes E: as a glvalue (the object E names) or, with IsPointer, as a
/// pointer or iterator (the object it points into). FollowAlias says which
/// local references to read through to their initialisers (none if empty).
/// At most 16 nested steps; deeper is RootKind::None.
AccessPath accessPath(const clang::Expr *E, bool IsPointer,
                      llvm::function_ref<bool(const clang::VarDecl *)> FollowAlias = {});

} // namespace pincheck

#endif
