// Checks pin-container-relocation on the containers of C++23 and C++26 that
// keep their elements in a vector or in the object (the mock library: the
// real libstdc++ of the test machines has neither):
//   - std::flat_map / flat_multimap: insert, emplace, emplace_hint,
//     try_emplace, insert_or_assign, insert_range, erase, and operator[]
//     (it inserts a missing key) may move the mapped values; a mapped value
//     is borrowed by m[k], m.at(k) (or their address), an iterator
//     (m.find(k)) or a range-for;
//   - std::flat_set / flat_multiset: the same for the keys, borrowed by
//     *s.find(k), *s.begin(), an iterator or a range-for;
//   - std::inplace_vector: a middle insert or erase shifts the elements, and
//     moving or swapping the whole moves them; appending never reallocates.
// Not reported: the same code when the borrow is dead before the call, a
// swap of two flat_maps (their vectors keep their storage), lookups,
// inplace_vector end insertion, a std::map (node-based). Elements of any
// type count (a plain element's borrow dangles just the same); an
// address-sensitive key of a flat_map is not pinned from construction (the
// values are what the check follows).
//
// RUN: %pincc -fsyntax-only -std=c++23 -Xclang -verify %s

#include <flat_map>
#include <flat_set>
#include <inplace_vector>
#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  int v = 0;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}
bool operator<(const Node &a, const Node &b) { return a.v < b.v; }

struct Plain {
  int v = 0;
};
bool operator<(const Plain &a, const Plain &b) { return a.v < b.v; }

void use(const Node &);

// ---- std::flat_map ----

void flat_map_subscript_then_try_emplace(std::flat_map<int, Node> &m) {
  Node &r = m[1];            // expected-note {{'r' refers to an element of 'm' here}}
  m.try_emplace(2);          // expected-warning {{'try_emplace' may relocate the elements of 'm' while 'r' still refers to one of them; the pinned element moves to a new address [pin-container-relocation]}}
  use(r);                    // expected-note {{'r' is used here, after the call}}
}

void flat_map_at_then_subscript(std::flat_map<int, Node> &m) {
  Node &a = m.at(1);         // expected-note {{'a' refers to an element of 'm' here}}
  m[2].v = 1;                // expected-warning {{'operator[]' may relocate the elements of 'm' while 'a' still refers to one of them}}
  use(a);                    // expected-note {{'a' is used here, after the call}}
}

void flat_map_pointer_then_erase(std::flat_map<int, Node> &m) {
  Node *p = &m.at(1);        // expected-note {{'p' refers to an element of 'm' here}}
  m.erase(3);                // expected-warning {{'erase' may relocate the elements of 'm' while 'p' still refers to one of them}}
  use(*p);                   // expected-note {{'p' is used here, after the call}}
}

void flat_map_iterator_then_emplace(std::flat_map<int, Node> &m) {
  auto it = m.find(1);       // expected-note {{'it' refers to an element of 'm' here}}
  m.emplace(2, Node{});      // expected-warning {{'emplace' may relocate the elements of 'm' while 'it' still refers to one of them}}
  use((*it).second);         // expected-note {{'it' is used here, after the call}}
}

void flat_map_range_for(std::flat_map<int, Node> &m) {
  for (auto &&[k, n] : m) {  // expected-note {{the range-for loop over 'm' starts here}}
    use(n);
    m.insert_or_assign(k + 1, Node{}); // expected-warning {{'insert_or_assign' may relocate the elements of 'm' while a range-for loop iterates over it}}
  }
}

void flat_multimap_insert(std::flat_multimap<int, Node> &m) {
  Node &r = m[1];            // expected-note {{'r' refers to an element of 'm' here}}
  m.insert(std::pair<int, Node>(2, Node{})); // expected-warning {{'insert' may relocate the elements of 'm' while 'r' still refers to one of them}}
  use(r);                    // expected-note {{'r' is used here, after the call}}
}

void flat_map_dead_before_insert(std::flat_map<int, Node> &m) {
  Node &r = m[1];
  use(r);
  m.try_emplace(2);
  m.erase(1);
}

void flat_map_lookups_and_swap(std::flat_map<int, Node> &m, std::flat_map<int, Node> &o) {
  Node &r = m.at(1);
  (void)m.contains(2);
  (void)m.find(3);
  (void)m.size();
  m.swap(o);                 // the vectors keep their storage
  use(r);
}

void flat_map_unannotated(std::flat_map<int, Plain> &m) {
  Plain &r = m[1];     // expected-note {{'r' refers to an element of 'm' here}}
  m.try_emplace(2);    // expected-warning {{'try_emplace' may relocate the elements of 'm' while 'r' still refers to one of them; the element moves to a new address and 'r' dangles}}
  (void)r.v;           // expected-note {{'r' is used here, after the call}}
}

// The key type is address-sensitive, the mapped type is not: the mapped
// value's borrow is what counts.
void flat_map_sensitive_key(std::flat_map<Node, int> &m) {
  int &r = m[Node{}];    // expected-note {{'r' refers to an element of 'm' here}}
  m.try_emplace(Node{}); // expected-warning {{'try_emplace' may relocate the elements of 'm' while 'r' still refers to one of them; the element moves to a new address and 'r' dangles}}
  (void)r;               // expected-note {{'r' is used here, after the call}}
}

// ---- std::flat_set ----

void flat_set_find_then_insert(std::flat_set<Node> &s) {
  const Node &r = *s.find(Node{}); // expected-note {{'r' refers to an element of 's' here}}
  s.insert(Node{});          // expected-warning {{'insert' may relocate the elements of 's' while 'r' still refers to one of them}}
  use(r);                    // expected-note {{'r' is used here, after the call}}
}

void flat_set_iterator_then_emplace(std::flat_set<Node> &s) {
  auto it = s.begin();       // expected-note {{'it' refers to an element of 's' here}}
  s.emplace();               // expected-warning {{'emplace' may relocate the elements of 's' while 'it' still refers to one of them}}
  use(*it);                  // expected-note {{'it' is used here, after the call}}
}

void flat_set_range_for(std::flat_set<Node> &s) {
  for (const Node &n : s) {  // expected-note {{the range-for loop over 's' starts here}}
    use(n);
    s.erase(n);              // expected-warning {{'erase' may relocate the elements of 's' while a range-for loop iterates over it}}
  }
}

void flat_multiset_insert(std::flat_multiset<Node> &s) {
  const Node &r = *s.lower_bound(Node{}); // expected-note {{'r' refers to an element of 's' here}}
  s.insert(Node{});          // expected-warning {{'insert' may relocate the elements of 's' while 'r' still refers to one of them}}
  use(r);                    // expected-note {{'r' is used here, after the call}}
}

// What erase returns here is a count, not an iterator.
void flat_set_erase_count(std::flat_set<Node> &s) {
  auto n = s.erase(Node{});
  s.insert(Node{});
  (void)n;
}

void flat_set_dead_before_insert(std::flat_set<Node> &s) {
  const Node &r = *s.begin();
  use(r);
  s.insert(Node{});
}

void flat_set_unannotated(std::flat_set<Plain> &s) {
  const Plain &r = *s.begin(); // expected-note {{'r' refers to an element of 's' here}}
  s.insert(Plain{});           // expected-warning {{'insert' may relocate the elements of 's' while 'r' still refers to one of them; the element moves to a new address and 'r' dangles}}
  (void)r.v;                   // expected-note {{'r' is used here, after the call}}
}

// ---- std::inplace_vector ----

void inplace_vector_middle_insert(std::inplace_vector<Node, 4> &v) {
  (void)v.size();            // #inplace (the first use: where the type is instantiated)
  Node &r = v[0];            // expected-note {{'r' refers to an element of 'v' here}}
  v.insert(v.begin(), Node{}); // expected-warning {{'insert' may relocate the elements of 'v' while 'r' still refers to one of them}}
  use(r);                    // expected-note {{'r' is used here, after the call}}
}

void inplace_vector_erase(std::inplace_vector<Node, 4> &v) {
  auto it = v.end() - 1;     // expected-note {{'it' refers to an element of 'v' here}}
  v.erase(v.begin());        // expected-warning {{'erase' may relocate the elements of 'v' while 'it' still refers to one of them}}
  use(*it);                  // expected-note {{'it' is used here, after the call}}
}

void inplace_vector_moved() {
  std::inplace_vector<Node, 4> v;
  v.emplace_back();
  Node &r = v.front();       // expected-note {{'r' refers to an element of 'v' here}}
  auto w = std::move(v);     // expected-warning {{'std::move' may relocate the elements of 'v' while 'r' still refers to one of them}}
  use(r);                    // expected-note {{'r' is used here, after the call}}
  use(w[0]);
}

void inplace_vector_swapped(std::inplace_vector<Node, 4> &v, std::inplace_vector<Node, 4> &w) {
  Node &r = w.back();        // expected-note {{'r' refers to an element of 'w' here}}
  v.swap(w);                 // expected-warning {{'swap' may relocate the elements of 'w' while 'r' still refers to one of them}}
  use(r);                    // expected-note {{'r' is used here, after the call}}
  Node &s = v[1];            // expected-note {{'s' refers to an element of 'v' here}}
  swap(v, w);                // expected-warning {{'swap' may relocate the elements of 'v' while 's' still refers to one of them}}
  use(s);                    // expected-note {{'s' is used here, after the call}}
}

// It never reallocates: appending keeps every element where it is.
void inplace_vector_end_insertion(std::inplace_vector<Node, 4> &v) {
  Node &r = v[0];
  v.push_back(Node{});
  v.emplace_back();
  v.pop_back();
  use(r);
}

void inplace_vector_dead_before_insert(std::inplace_vector<Node, 4> &v) {
  Node &r = v[0];
  use(r);
  v.insert(v.begin(), Node{});
}

// The inplace_vector itself pinned: pin-move reports the move, this check
// does not report it again.
void inplace_vector_pinned(std::inplace_vector<Node, 4> &v) {
  Node &r = v[0];
  pin::mark_pinned(v);       // expected-note {{'v' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  auto w = std::move(v);     // expected-warning {{'v' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  use(r);
}
// expected-note@#inplace 1+ {{'std::inplace_vector<Node, 4>' is address-sensitive because it holds a 'Node' by value}}

// An element's address pins the inplace_vector (its elements are its parts,
// as for std::array): pin-move reports the move, this check does not again.
void inplace_vector_element_address(std::inplace_vector<Node, 4> &v) {
  Node *p = &v[0];           // expected-note {{'v' is pinned here: the address of 'v[0]' is taken}}
  auto w = std::move(v);     // expected-warning {{'v' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  use(*p);
}

void inplace_vector_unannotated(std::inplace_vector<Plain, 4> &v) {
  Plain &r = v[0];              // expected-note {{'r' refers to an element of 'v' here}}
  v.insert(v.begin(), Plain{}); // expected-warning {{'insert' may relocate the elements of 'v' while 'r' still refers to one of them; the element moves to a new address and 'r' dangles}}
  (void)r.v;                    // expected-note {{'r' is used here, after the call}}
}
