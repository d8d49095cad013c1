// StdLibrary.h - what pincheck knows about the C++ standard library, in one
// place: which class templates hold their arguments by value, which reach
// their elements or storage inline, which own heap objects, which keep a
// callable, and how the cast-like and address-of functions are recognised.
// Each set says why it is that set; the catalog's lists of operations
// (algorithms, raw memory functions, container members) are the catalog's.
//
// A name is recognised in namespace std (inline namespaces such as
// libstdc++'s __cxx11 or libc++'s __1 included) and only there.
#ifndef PINCHECK_STDLIBRARY_H
#define PINCHECK_STDLIBRARY_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <initializer_list>

namespace pincheck {

/// A declaration's identifier, or "" for operators, constructors and
/// unnamed declarations.
inline llvm::StringRef nameOf(const clang::NamedDecl *D) {
  return D && D->getIdentifier() ? D->getName() : llvm::StringRef();
}

/// FD is declared in namespace std.
inline bool isStd(const clang::FunctionDecl *FD) { return FD && FD->isInStdNamespace(); }

/// FD belongs to a library: namespace std, or declared in a system header.
/// Its body is not analysed (it has no summary), so what it does to its
/// arguments is what the catalog knows of it.
bool isLibraryFunction(const clang::FunctionDecl *FD);

/// RD is a class (template specialisation) of namespace std named one of Names.
bool isStdClass(const clang::CXXRecordDecl *RD, std::initializer_list<llvm::StringRef> Names);

/// The I-th template argument of RD if RD is a class template specialisation
/// and that argument is a type; else null.
clang::QualType typeArgument(const clang::CXXRecordDecl *RD, unsigned I = 0);

/// The first template argument of T (or what it refers to) if T is one of the
/// named class templates of namespace std (std::vector<E>, std::array<E, N>):
/// E; else null.
clang::QualType stdElementType(clang::QualType T,
                               std::initializer_list<llvm::StringRef> Classes);

// ---------------------------------------------------------------- classes

/// optional, variant, tuple, pair, array, inplace_vector: their objects
/// contain their type arguments' objects, so address-sensitivity propagates
/// through them (the type model) and a part of one is a part of the holder.
bool holdsArgumentsByValue(const clang::CXXRecordDecl *RD);

/// pair, tuple, optional, variant: built by a constructor from values it
/// decay-copies into itself (array and inplace_vector are aggregates or
/// containers, copied element by element by their own operations).
bool isValueHolder(const clang::CXXRecordDecl *RD);

/// array, inplace_vector, optional: the members that name an element inside
/// the object (operator[], operator*, value(), front(), back(), at()) name a
/// part of it. (variant, tuple and pair are reached through std::get.)
bool hasElementAccessors(const clang::CXXRecordDecl *RD);
/// value, front, back, at: the element accessors that are member functions.
bool isElementAccessor(llvm::StringRef Name);

/// array, inplace_vector: data(), begin() and end() (pointers in libstdc++
/// and libc++) point into the object's own storage.
bool hasInlineStorage(const clang::CXXRecordDecl *RD);
/// data, begin, end, cbegin, cend: members (and std:: functions of one
/// argument) that yield a pointer into a range's storage.
bool isStorageAccessor(llvm::StringRef Name);

/// unique_ptr<T>, shared_ptr<T> (not their array forms): T, the heap object
/// they own; else null. Moving the owner does not move T.
clang::QualType smartPointee(clang::QualType T);

/// function, move_only_function, copyable_function, thread, jthread,
/// packaged_task: keep a copy of the callable (and arguments) they are
/// constructed or assigned from; a lambda given to one outlives the call.
bool keepsCallableCopy(const clang::CXXRecordDecl *RD);

// -------------------------------------------------------------- functions

/// How a call of FD with one argument names that argument: move, forward,
/// move_if_noexcept and forward_like make an xvalue of it; as_const an lvalue
/// of it. Builtin IDs first, names as a fallback for a library Clang does not
/// recognise.
enum class StdCast { None, Move, AsConst };
StdCast stdCast(const clang::FunctionDecl *FD);

/// The argument of std::addressof(x) or __builtin_addressof(x) if E is such
/// a call; Builtin (if not null) says which.
const clang::Expr *addressofArgument(const clang::Expr *E, bool *Builtin = nullptr);

/// std::get<I>(x) (of tuple, pair, array, variant): a part of x.
bool isStdGet(const clang::FunctionDecl *FD);

/// Callee names the customization-point object std::ranges::<Name> (swap,
/// iter_move, construct_at, ...): an object, so `swap(a, b)` is a call of
/// its operator().
bool isRangesObject(const clang::Expr *Callee, llvm::StringRef Name);

} // namespace pincheck

#endif
