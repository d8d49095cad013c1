// Containers.h - the containers whose elements pincheck can see relocate
// (semantics §4, "container relocation"): which classes, which calls may move
// their elements to new storage or shift them (growth, middle insertion and
// erasure, moving or swapping a container that holds its elements inline),
// and how code borrows an element (a reference, a pointer, an iterator, a
// range-for's iterators). Classification only.
//
// The classes: std::vector, std::deque, std::flat_map / flat_multimap (their
// mapped values), std::flat_set / flat_multiset, std::array,
// std::inplace_vector, the vector-like class templates named by the option
// VectorLikeClasses (treated as std::vector), and classes derived from any of
// these. A class is classified once per translation unit and cached.
#ifndef PINCHECK_CONTAINERS_H
#define PINCHECK_CONTAINERS_H

#include "catalog/Catalog.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace pincheck {

// pin-container-relocation's option VectorLikeClasses (Options.def): more
// vector-like class templates, by fully qualified name, separated by ';' (or
// ','). std::vector and std::deque are always known and are not part of it;
// the default names well-known third-party ones.

// Splits a VectorLikeClasses value into names (a leading '::' dropped) and
// checks them. Returns what is wrong and how to fix it, or "" (Out, if not
// null, then holds the names). An empty value is valid: no class.
std::string parseVectorLikeClasses(llvm::StringRef Value, std::vector<std::string> *Out);

// The first template argument of T if T is one of the named class templates
// of namespace std (std::vector<E>, std::array<E, N>): E; else null.
clang::QualType stdElementType(clang::QualType T,
                               std::initializer_list<llvm::StringRef> Classes);

// The containers of one translation unit: the configured vector-likes and
// a verdict per class, computed once. Owned by the TypeModel.
class ContainerModel {
public:
  // How a container keeps its elements, which decides what relocates them.
  enum class Kind {
    None,
    Vector,        // std::vector and the vector-likes: growth, insert, erase
    Deque,         // insert and erase anywhere but at the ends
    FlatMap,       // a sorted vector of mapped values: insert, erase, operator[]
    FlatSet,       // a sorted vector of keys: insert, erase
    Array,         // elements inline: moving or swapping the whole moves them
    InplaceVector, // elements inline: the same, and middle insert and erase
  };

  ContainerModel();

  // Makes the class templates of VectorLike (a value parseVectorLikeClasses
  // accepts) the vector-like classes, in place of the default list; an
  // invalid value keeps the list (the front ends report it).
  void setVectorLike(llvm::StringRef VectorLike);

  // The element type of a container that may relocate its elements, or null:
  // E of std::vector<E> (and of the vector-likes), std::deque<E>,
  // std::flat_set<E>, std::array<E, N>, std::inplace_vector<E, N>; T of
  // std::flat_map<K, T>. Node-based containers (list, map, unordered_map)
  // keep element addresses: null.
  clang::QualType relocatingElementType(clang::QualType Container);

  // The container variable (a local or a parameter) E names directly, or null.
  // A local reference to a container is not followed.
  const clang::VarDecl *containerVariable(const clang::Expr *E);

  // If Call (a member call, or flat_map's operator[], which may insert) may
  // relocate the elements of the container it is called on: the container
  // variable. Method receives the member's name.
  const clang::VarDecl *relocatingCall(const clang::CallExpr *Call, llvm::StringRef *Method);

  // The containers a move or swap the catalog found moves or swaps whole when
  // they hold their elements inline (std::array, std::inplace_vector: the
  // elements move with them), each with the operation as users name it
  // ('std::move', 'swap', 'std::swap').
  void wholeRelocations(const Operation &Op,
                        llvm::SmallVectorImpl<std::pair<const clang::VarDecl *, std::string>> &Out);

  // If Value (the initialiser of a holder of type HolderType, or the value
  // assigned to it) borrows an element of a container variable: that variable.
  // A reference: v[i], v.at(i), v.front(), v.back(), *v.begin(), *v.find(k),
  // m[k], m.at(k). A pointer: the address of one of those, v.data(), or an
  // iterator that is a pointer. An iterator (any other holder): v.begin(),
  // v.end(), v.find(k), ... (and std::begin(v), std::end(v)).
  const clang::VarDecl *borrowedContainer(clang::QualType HolderType, const clang::Expr *Value);

private:
  struct Info {
    Kind K = Kind::None;
    clang::QualType Element;
  };
  Info ownInfo(const clang::CXXRecordDecl *RD) const;
  Info classify(const clang::CXXRecordDecl *RD);
  Info classify(clang::QualType T);
  Kind kindOf(const clang::VarDecl *V);
  const clang::VarDecl *iteratorOf(const clang::Expr *E);
  const clang::VarDecl *elementOf(const clang::Expr *E);

  llvm::StringSet<> VectorLike;
  llvm::DenseMap<const clang::CXXRecordDecl *, Info> Cache;
};

// If E is a plain assignment (built-in or operator=) to a local variable
// named directly on its left: that name; Value (if not null) receives the
// right side.
const clang::DeclRefExpr *assignedVariable(const clang::Expr *E, const clang::Expr **Value);

} // namespace pincheck

#endif
