// Checks pin-container-relocation on open-addressing hash maps and sets
// (the option OpenAddressingMaps; defined below in miniature): an insertion
// (insert, emplace, try_emplace, insert_or_assign, operator[]) or an erase
// may move every value, so a reference, pointer or iterator to a value kept
// across one dangles. Each family of the default list: llvm::DenseMap,
// absl::flat_hash_map (in an inline namespace, as abseil declares it),
// boost::unordered::unordered_flat_map, tsl::robin_map, folly::F14FastMap,
// ankerl::unordered_dense (its map is an alias of detail::table); a set
// (its elements are the keys). Not reported: node-based maps (std::map,
// std::unordered_map, absl::node_hash_map keep their values where they
// are), lookups that do not insert (find, count, lookup by value), a value
// copied out before the insertion, a reference taken again after it, an
// in-house map not in the list.
//
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify=expected,default %s
//
// With OpenAddressingMaps naming mycorp::HashMap only (the default list
// replaced): mycorp::HashMap relocates, llvm::DenseMap no longer does.
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify=expected,custom %s \
// RUN:     -fplugin-arg-pincheck-open-addressing-maps=mycorp::HashMap

#include <map>
#include <string>
#include <unordered_map>
#include <utility>

void use(int);

// An open-addressing map's interface, in miniature.
#define MAP_INTERFACE(Name)                                                    \
  V &operator[](const K &);                                                    \
  V &at(const K &);                                                            \
  struct iterator {                                                            \
    std::pair<const K, V> &operator*() const;                                  \
  };                                                                           \
  iterator find(const K &);                                                    \
  std::pair<iterator, bool> try_emplace(const K &);                            \
  std::pair<iterator, bool> insert(const std::pair<const K, V> &);             \
  bool erase(const K &);                                                       \
  unsigned count(const K &) const;

namespace llvm {
template <class K, class V, class Info = void, class Bucket = void> struct DenseMap {
  MAP_INTERFACE(DenseMap)
  V lookup(const K &) const;
};
} // namespace llvm
namespace absl {
inline namespace lts_2025 {
template <class K, class V, class H = void, class E = void> struct flat_hash_map {
  MAP_INTERFACE(flat_hash_map)
};
template <class K, class V> struct node_hash_map {
  MAP_INTERFACE(node_hash_map)
};
template <class T> struct flat_hash_set {
  struct iterator {
    const T &operator*() const;
  };
  iterator find(const T &);
  std::pair<iterator, bool> insert(const T &);
};
} // namespace lts_2025
} // namespace absl
namespace boost::unordered {
template <class K, class V> struct unordered_flat_map {
  MAP_INTERFACE(unordered_flat_map)
};
} // namespace boost::unordered
namespace tsl {
template <class K, class V> struct robin_map {
  MAP_INTERFACE(robin_map)
};
} // namespace tsl
namespace folly {
template <class K, class V> struct F14FastMap {
  MAP_INTERFACE(F14FastMap)
};
} // namespace folly
namespace ankerl::unordered_dense {
inline namespace v4_4_0 {
namespace detail {
template <class K, class V> struct table {
  MAP_INTERFACE(table)
};
} // namespace detail
template <class K, class V> using map = detail::table<K, V>;
} // namespace v4_4_0
} // namespace ankerl::unordered_dense
namespace mycorp {
template <class K, class V> struct HashMap {
  MAP_INTERFACE(HashMap)
};
} // namespace mycorp

void dense(llvm::DenseMap<int, int> &m, int a, int b) {
  int &v = m[a];  // default-note {{'v' refers to an element of 'm' here}}
  m[b] = 1;       // default-warning {{'operator[]' may relocate the elements of 'm' while 'v' still refers to one of them; the element moves to a new address and 'v' dangles [pin-container-relocation]}}
  use(v);         // default-note {{'v' is used here, after the call}}
}

void dense_iterator(llvm::DenseMap<int, int> &m, int a, int b) {
  auto it = m.find(a); // default-note {{'it' refers to an element of 'm' here}}
  m.try_emplace(b);    // default-warning {{'try_emplace' may relocate the elements of 'm' while 'it' still refers to one of them}}
  use((*it).second);   // default-note {{'it' is used here, after the call}}
}

void dense_erase(llvm::DenseMap<int, int> &m, int a, int b) {
  int *p = &m.at(a); // default-note {{'p' refers to an element of 'm' here}}
  m.erase(b);        // default-warning {{'erase' may relocate the elements of 'm' while 'p' still refers to one of them}}
  use(*p);           // default-note {{'p' is used here, after the call}}
}

// Fixed forms: copy the value out; look it up again; lookups only.
void dense_fixed(llvm::DenseMap<int, int> &m, int a, int b) {
  int copy = m[a];
  m[b] = 1;
  use(copy);
  int *p = &m[a];
  m.try_emplace(b);
  p = &m[a];
  use(*p);
  int &r = m.at(a);
  use(int(m.count(b)) + m.lookup(b));
  use(r);
}

void abseil(absl::flat_hash_map<std::string, int> &m, const std::string &k) {
  int &v = m.at(k); // default-note {{'v' refers to an element of 'm' here}}
  m.insert({"x", 1}); // default-warning {{'insert' may relocate the elements of 'm' while 'v' still refers to one of them}}
  use(v);           // default-note {{'v' is used here, after the call}}
}

void abseil_set(absl::flat_hash_set<int> &s) {
  const int &k = *s.find(1); // default-note {{'k' refers to an element of 's' here}}
  s.insert(2);               // default-warning {{'insert' may relocate the elements of 's' while 'k' still refers to one of them}}
  use(k);                    // default-note {{'k' is used here, after the call}}
}

void others(boost::unordered::unordered_flat_map<int, int> &b, tsl::robin_map<int, int> &t,
            folly::F14FastMap<int, int> &f, ankerl::unordered_dense::map<int, int> &a) {
  int &x = b[1];   // default-note {{'x' refers to an element of 'b' here}}
  b.try_emplace(2); // default-warning {{'try_emplace' may relocate the elements of 'b' while 'x' still refers to one of them}}
  use(x);          // default-note {{'x' is used here, after the call}}
  int &y = t[1];   // default-note {{'y' refers to an element of 't' here}}
  t[2] = 0;        // default-warning {{'operator[]' may relocate the elements of 't' while 'y' still refers to one of them}}
  use(y);          // default-note {{'y' is used here, after the call}}
  int &z = f[1];   // default-note {{'z' refers to an element of 'f' here}}
  f.erase(2);      // default-warning {{'erase' may relocate the elements of 'f' while 'z' still refers to one of them}}
  use(z);          // default-note {{'z' is used here, after the call}}
  int &w = a[1];   // default-note {{'w' refers to an element of 'a' here}}
  a.insert({2, 0}); // default-warning {{'insert' may relocate the elements of 'a' while 'w' still refers to one of them}}
  use(w);          // default-note {{'w' is used here, after the call}}
}

// Node-based maps keep every value where it is.
void node_based(std::unordered_map<int, int> &u, std::map<int, int> &o,
                absl::node_hash_map<int, int> &n) {
  int &x = u[1];
  u[2] = 0;
  u.erase(3);
  int &y = o[1];
  o.insert({2, 0});
  int &z = n[1];
  n[2] = 0;
  use(x + y + z);
}

// In the custom list only.
void in_house(mycorp::HashMap<int, int> &m) {
  int &v = m[1];   // custom-note {{'v' refers to an element of 'm' here}}
  m.try_emplace(2); // custom-warning {{'try_emplace' may relocate the elements of 'm' while 'v' still refers to one of them}}
  use(v);          // custom-note {{'v' is used here, after the call}}
}

// A member map, grown by another member function.
class Interner {
  llvm::DenseMap<int, std::string> names_;
  void intern(int id) { names_[id] = "?"; } // #intern
public:
  const std::string &name(int id) { return names_[id]; }
  void both(int a, int b) {
    const std::string &n = name(a); // default-note {{'n' refers to an element of 'names_' here}}
    intern(b);                      // default-warning {{'intern' may relocate the elements of 'names_' while 'n' still refers to one of them}}
    // default-note@#intern {{it calls 'operator[]' on the container here}}
    use(int(n.size()));             // default-note {{'n' is used here, after the call}}
  }
};
