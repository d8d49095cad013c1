// Containers.h - the containers whose elements pincheck can see relocate
// (docs/model.md "What is reported on a pinned value", "container relocation"): which classes, which calls may move
// their elements to new storage or shift them (growth, middle insertion and
// erasure, moving or swapping a container that holds its elements inline),
// and how code borrows an element (a reference, a pointer, an iterator, a
// range-for's iterators). Classification only.
//
// The classes: std::vector, std::deque, std::flat_map / flat_multimap (their
// mapped values), std::flat_set / flat_multiset, std::array,
// std::inplace_vector, the vector-like class templates named by the option
// VectorLikeClasses (treated as std::vector), the open-addressing hash maps
// and sets named by OpenAddressingMaps (an insertion or erase may move every
// value), and classes derived from any of these. A class is classified once
// per translation unit and cached. Node-based maps (std::map,
// std::unordered_map) keep their values where they are: they are not
// containers here, but a mapped value reached by a key may hold one.
#ifndef PINCHECK_CONTAINERS_H
#define PINCHECK_CONTAINERS_H

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

/// Splits a VectorLikeClasses value into names (a leading '::' dropped) and
/// checks them. Returns what is wrong and how to fix it, or "" (Out, if not
/// null, then holds the names). An empty value is valid: no class.
std::string parseVectorLikeClasses(llvm::StringRef Value, std::vector<std::string> *Out);

/// A view of a container's elements: std::span, std::basic_string_view,
/// llvm::ArrayRef, llvm::MutableArrayRef, absl::Span.
bool isViewType(clang::QualType T);

// pin-container-relocation's option OpenAddressingMaps: hash maps and sets
// whose insertions and erasures may move every value (open addressing, or
// values kept in one array), by fully qualified class template name.
std::string parseOpenAddressingMaps(llvm::StringRef Value, std::vector<std::string> *Out);

/// The containers of one translation unit: the configured vector-likes and
/// a verdict per class, computed once. Owned by the TypeModel.
class ContainerModel {
public:
  /// How a container keeps its elements, which decides what relocates them.
  enum class Kind {
    None,
    Vector,        // std::vector and the vector-likes: growth, insert, erase
    Deque,         // insert and erase anywhere but at the ends
    FlatMap,       // a sorted vector of mapped values: insert, erase, operator[]
    FlatSet,       // a sorted vector of keys: insert, erase
    Array,         // elements inline: moving or swapping the whole moves them
    InplaceVector, // elements inline: the same, and middle insert and erase
    OpenMap,       // an open-addressing hash map or set: insert, erase, operator[]
  };

  ContainerModel();

  /// Makes the class templates of VectorLike (a value parseVectorLikeClasses
  /// accepts) the vector-like classes, in place of the default list; an
  /// invalid value keeps the list (the front ends report it).
  void setVectorLike(llvm::StringRef VectorLike);
  /// The same for OpenAddressingMaps.
  void setOpenAddressing(llvm::StringRef OpenAddressing);

  /// The element type of a container that may relocate its elements, or null:
  /// E of std::vector<E> (and of the vector-likes), std::deque<E>,
  /// std::flat_set<E>, std::array<E, N>, std::inplace_vector<E, N>; T of
  /// std::flat_map<K, T>. Node-based containers (list, map, unordered_map)
  /// keep element addresses: null.
  clang::QualType relocatingElementType(clang::QualType Container);

  /// How a container of type T (or what T refers to) keeps its elements.
  Kind kindOf(clang::QualType T);

  /// T (or what it refers to) is a node-based map (std::map,
  /// std::unordered_map and their multi forms, absl::node_hash_map): a
  /// mapped value reached by the same key is the same object.
  bool isNodeMap(clang::QualType T);

  /// An object of type T (or what T refers or points to) is a container
  /// that may relocate its elements, or holds one: as a member, a member's
  /// member, a base, a std::unique_ptr's object or a node-based map's
  /// mapped value, at most three levels down. The prefilter's test for
  /// functions that may borrow from and grow a container.
  bool reachesContainers(clang::QualType T);

  /// T is a container class of the user's (declared outside system
  /// headers, not one of the known kinds): it has an insertion member
  /// (push_back, emplace_back, push, emplace, insert, append) taking a
  /// reference, and an element accessor (back, front, at, operator[]).
  bool isHandWritten(clang::QualType T);

private:
  struct Info {
    Kind K = Kind::None;
    clang::QualType Element;
  };
  Info ownInfo(const clang::CXXRecordDecl *RD) const;
  Info classify(const clang::CXXRecordDecl *RD);
  Info classify(clang::QualType T);

  bool reaches(const clang::CXXRecordDecl *RD, unsigned Depth);

  llvm::StringSet<> VectorLike;
  llvm::StringSet<> OpenAddressing;
  llvm::DenseMap<const clang::CXXRecordDecl *, Info> Cache;
  /// reachesContainers per class (false while being computed: a cycle).
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> Reaches;
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> HandWritten;
};

} // namespace pincheck

#endif
