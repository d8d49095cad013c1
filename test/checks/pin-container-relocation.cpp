// Checks pin-container-relocation: an element of a container of an
// address-sensitive type is borrowed (a local reference, pointer or iterator
// to it is used after the call, or a range-for iterates over the container)
// and a call may relocate the elements: std::vector growth (push_back,
// emplace_back, insert, emplace, resize, reserve, shrink_to_fit, assign),
// erase, std::deque middle insertion and erase, a move or swap of a
// std::array, and the same calls on the vector-like class templates of the
// default VectorLikeClasses list (absl::InlinedVector, llvm::SmallVector,
// llvm::SmallVectorImpl, ...; defined below in miniature). Also through a
// function that grows its reference parameter (its summary). Not reported: a
// reference that is dead before the call, a reference bound after the call,
// an iterator assigned anew after the call (`it = v.erase(it)`), deque end
// insertion, node-based containers (std::list keeps element addresses), a
// copy or a std::vector swap (elements stay where they are), a std::array
// that is itself pinned (pin-swap reports it), a class template not in the
// list. Elements of any type: a plain element's borrow dangles just the same
// (other words, no type note); members, parameters' members, map values,
// summaries and returned borrows are in pin-container-relocation-places.cpp.
// std::flat_map, std::flat_set and std::inplace_vector are in
// pin-container-relocation-flat-inplace.cpp; the option in each front end in
// test/plugin, test/tidy and test/lint.
//
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify=expected,default %s
//
// With VectorLikeClasses naming mycorp::Vec only (the default list replaced):
// mycorp::Vec is a vector, absl::InlinedVector and llvm::SmallVector are not.
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify=expected,custom %s \
// RUN:     -fplugin-arg-pincheck-vector-like-classes=mycorp::Vec
//
// The whole shape of one diagnostic.
// RUN: %pincc_real -fsyntax-only -std=c++17 -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHAPE

#include <array>
#include <deque>
#include <iterator>
#include <list>
#include <memory>
#include <utility>
#include <vector>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  int v = 0;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

struct Plain {
  int v = 0;
};

void use(const Node &);

// SHAPE: pin-container-relocation.cpp:[[@LINE+6]]:3: warning: 'push_back' may relocate the elements of 'v' while 'first' still refers to one of them; the pinned element moves to a new address [pin-container-relocation]
// SHAPE-NEXT: pin-container-relocation.cpp:[[@LINE+4]]:17: note: 'first' refers to an element of 'v' here
// SHAPE-NEXT: pin-container-relocation.cpp:[[@LINE+5]]:7: note: 'first' is used here, after the call
// SHAPE-NEXT: pin-container-relocation.cpp:{{[0-9]+}}:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
void reference_then_growth(std::vector<Node> &v) {
  Node &first = v[0];   // expected-note {{'first' refers to an element of 'v' here}}
  v.push_back(Node{});  // expected-warning {{'push_back' may relocate the elements of 'v' while 'first' still refers to one of them; the pinned element moves to a new address [pin-container-relocation]}}
  use(first);           // expected-note {{'first' is used here, after the call}}
}

void pointer_then_growth() {
  std::vector<Node> v(2);
  Node *p = &v.back();  // expected-note {{'p' refers to an element of 'v' here}}
  v.reserve(100);       // expected-warning {{'reserve' may relocate the elements of 'v' while 'p' still refers to one of them}}
  use(*p);              // expected-note {{'p' is used here, after the call}}
}

void erase_in_the_middle(std::vector<Node> &v) {
  Node &last = v.back(); // expected-note {{'last' refers to an element of 'v' here}}
  v.erase(v.begin());    // expected-warning {{'erase' may relocate the elements of 'v' while 'last' still refers to one of them}}
  use(last);             // expected-note {{'last' is used here, after the call}}
}

void range_for_grows(std::vector<Node> &v) {
  for (Node &n : v) {    // expected-note {{the range-for loop over 'v' starts here}}
    if (n.v == 0)
      v.emplace_back();  // expected-warning {{'emplace_back' may relocate the elements of 'v' while a range-for loop iterates over it; the pinned element moves to a new address and the loop's iterator dangles}}
  }
}

// The classic: the body calls a function that grows the same vector.
void add_child(std::vector<Node> &all) { all.push_back(Node{}); } // #grows
void range_for_calls_a_grower(std::vector<Node> &v) {
  for (const Node &n : v) { // expected-note {{the range-for loop over 'v' starts here}}
    use(n);
    add_child(v);           // expected-warning {{'add_child' may relocate the elements of 'v' while a range-for loop iterates over it}}
    // expected-note@#grows {{it calls 'push_back' on the container here}}
  }
}

void deque_middle_insert(std::deque<Node> &d) {
  Node &front = d.front();           // expected-note {{'front' refers to an element of 'd' here}}
  d.insert(d.begin() + 1, Node{});   // expected-warning {{'insert' may relocate the elements of 'd' while 'front' still refers to one of them}}
  use(front);                        // expected-note {{'front' is used here, after the call}}
}

// ---- negatives ----

void dead_before_growth(std::vector<Node> &v) {
  Node &first = v[0];
  use(first);
  v.push_back(Node{});
}

void bound_after_growth(std::vector<Node> &v) {
  v.push_back(Node{});
  Node &first = v[0];
  use(first);
}

void rebound_in_a_loop(std::vector<Node> &v) {
  for (int i = 0; i < 3; ++i) {
    v.push_back(Node{});
    Node &last = v.back();
    use(last);
  }
}

void deque_end_insertion(std::deque<Node> &d) {
  Node &front = d.front();
  d.push_back(Node{});
  d.emplace_front();
  use(front);
}

void node_based(std::list<Node> &l) {
  Node &front = l.front();
  l.push_back(Node{});
  use(front);
}

// Any element type: the borrow dangles whether or not the element is
// address-sensitive (no type note then, and other words).
void unannotated(std::vector<Plain> &v) {
  Plain &first = v[0];  // expected-note {{'first' refers to an element of 'v' here}}
  v.push_back(Plain{}); // expected-warning {{'push_back' may relocate the elements of 'v' while 'first' still refers to one of them; the element moves to a new address and 'first' dangles [pin-container-relocation]}}
  (void)first.v;        // expected-note {{'first' is used here, after the call}}
}

void unannotated_ints(std::vector<int> &v) {
  int *p = &v.back();   // expected-note {{'p' refers to an element of 'v' here}}
  v.emplace_back(1);    // expected-warning {{'emplace_back' may relocate the elements of 'v' while 'p' still refers to one of them; the element moves to a new address and 'p' dangles}}
  (void)*p;             // expected-note {{'p' is used here, after the call}}
}

void unannotated_dead_or_retaken(std::vector<int> &v) {
  int *p = &v.back();
  (void)*p;
  v.push_back(1);       // p is dead here
  p = &v.back();        // taken again after the growth
  v.push_back(2);
  p = &v.front();
  (void)*p;
}

void unannotated_index_loop(std::vector<int> &v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] > 0)
      v.push_back(-v[i]);
}

void unannotated_break_after_growth(std::vector<int> &v) {
  for (int &x : v)
    if (x == 0) {
      v.push_back(1);
      break;
    }
}

void index_loop(std::vector<Node> &v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i].v == 0)
      v.emplace_back();
}

void growth_before_the_loop(std::vector<Node> &v) {
  v.push_back(Node{});
  for (Node &n : v)
    use(n);
}

// ---- iterators held in variables ----

void iterator_then_growth(std::vector<Node> &v) {
  auto it = v.begin();   // expected-note {{'it' refers to an element of 'v' here}}
  v.push_back(Node{});   // expected-warning {{'push_back' may relocate the elements of 'v' while 'it' still refers to one of them; the pinned element moves to a new address [pin-container-relocation]}}
  use(*it);              // expected-note {{'it' is used here, after the call}}
}

void const_iterator_then_erase(std::vector<Node> &v) {
  std::vector<Node>::const_iterator last = v.end() - 1; // expected-note {{'last' refers to an element of 'v' here}}
  v.erase(v.begin());    // expected-warning {{'erase' may relocate the elements of 'v' while 'last' still refers to one of them}}
  use(*last);            // expected-note {{'last' is used here, after the call}}
}

void iterator_assigned_then_growth(std::vector<Node> &v) {
  std::vector<Node>::iterator it;
  it = v.begin();        // expected-note {{'it' refers to an element of 'v' here}}
  v.emplace_back();      // expected-warning {{'emplace_back' may relocate the elements of 'v' while 'it' still refers to one of them}}
  use(*it);              // expected-note {{'it' is used here, after the call}}
}

void reference_through_begin(std::vector<Node> &v) {
  Node &first = *v.begin(); // expected-note {{'first' refers to an element of 'v' here}}
  v.resize(10);             // expected-warning {{'resize' may relocate the elements of 'v' while 'first' still refers to one of them}}
  use(first);               // expected-note {{'first' is used here, after the call}}
}

void iterator_then_deque_middle_erase(std::deque<Node> &d) {
  auto it = d.begin();   // expected-note {{'it' refers to an element of 'd' here}}
  d.erase(d.begin() + 1); // expected-warning {{'erase' may relocate the elements of 'd' while 'it' still refers to one of them}}
  use(*it);              // expected-note {{'it' is used here, after the call}}
}

// The erase idiom: the iterator is assigned anew from the call's result.
void erase_idiom(std::vector<Node> &v) {
  for (auto it = v.begin(); it != v.end();) {
    if (it->v == 0)
      it = v.erase(it);
    else
      ++it;
  }
}

void insert_idiom(std::vector<Node> &v) {
  auto it = v.begin();
  it = v.insert(it, Node{});
  use(*it);
}

void iterator_fetched_again(std::vector<Node> &v) {
  auto it = v.begin();
  v.push_back(Node{});
  it = v.begin();
  use(*it);
}

// A distance between iterators is a number, not a borrow.
void iterator_distance(std::vector<Node> &v) {
  auto n = v.end() - v.begin();
  v.push_back(Node{});
  (void)n;
}

void iterator_dead_before_growth(std::vector<Node> &v) {
  auto it = v.begin();
  use(*it);
  v.push_back(Node{});
}

// Bound to another container's element before the call: not a borrow of v.
void iterator_into_another_container(std::vector<Node> &v, std::vector<Node> &w) {
  auto it = v.begin();
  it = w.begin();
  v.push_back(Node{});
  use(*it);
}

// Deque end insertion invalidates iterators but moves no element.
void iterator_then_deque_end_insertion(std::deque<Node> &d) {
  auto it = d.begin();
  d.push_back(Node{});
  use(*it);
}

void iterator_node_based(std::list<Node> &l) {
  auto it = l.begin();
  l.push_back(Node{});
  use(*it);
}

void iterator_unannotated(std::vector<Plain> &v) {
  auto it = v.begin();  // expected-note {{'it' refers to an element of 'v' here}}
  v.push_back(Plain{}); // expected-warning {{'push_back' may relocate the elements of 'v' while 'it' still refers to one of them; the element moves to a new address and 'it' dangles}}
  (void)it->v;          // expected-note {{'it' is used here, after the call}}
}

void iterator_steps_and_addressof(std::vector<Node> &v) {
  auto it = std::next(v.begin());   // expected-note {{'it' refers to an element of 'v' here}}
  Node *p = std::addressof(v.back()); // expected-note {{'p' refers to an element of 'v' here}}
  v.push_back(Node{});              // expected-warning {{'push_back' may relocate the elements of 'v' while 'it' still refers to one of them}} expected-warning {{'push_back' may relocate the elements of 'v' while 'p' still refers to one of them}}
  use(*it);                         // expected-note {{'it' is used here, after the call}}
  use(*p);                          // expected-note {{'p' is used here, after the call}}
}

// A class derived from std::vector is one.
struct NodeList : std::vector<Node> {};
void derived_from_vector(NodeList &l) {
  Node &r = l[0];        // expected-note {{'r' refers to an element of 'l' here}}
  l.push_back(Node{});   // expected-warning {{'push_back' may relocate the elements of 'l' while 'r' still refers to one of them}}
  use(r);                // expected-note {{'r' is used here, after the call}}
}

// Capacity (docs/checks/pin-container-relocation.md): after
// `v.reserve(v.size() + n)`, a counted loop of n end insertions (one per
// iteration), or at most n of them in straight-line code, cannot
// reallocate; nor can those after `w.reserve(n)` on a vector declared empty
// just before. Side by side: a loop bound that is not the reserved count,
// two insertions per iteration, more insertions than reserved, an element
// borrowed before the reserve (the reserve itself relocates), and a vector
// that is not new.
void within_reserved_capacity(std::vector<Node> &v, int n) {
  v.reserve(v.size() + n);
  Node &first = v.front();
  for (int i = 0; i < n; ++i)
    v.emplace_back();
  use(first);
}
void within_reserved_fixed(std::vector<Node> &v) {
  v.reserve(v.size() + 2);
  Node &first = v.front();
  v.emplace_back();
  v.push_back(Node{});
  use(first);
}
void within_reserved_new(int n) {
  std::vector<Node> w;
  w.reserve(n);
  for (int i = 0; i != n; i++) {
    w.emplace_back();
    use(w.front());
  }
  Node &first = w.front();
  use(first);
}
void beyond_reserved_bound(std::vector<Node> &v, int n, int m) {
  v.reserve(v.size() + n);
  Node &first = v.front(); // expected-note {{'first' refers to an element of 'v' here}}
  for (int i = 0; i < m; ++i)
    v.emplace_back();      // expected-warning {{'emplace_back' may relocate the elements of 'v' while 'first' still refers to one of them}}
  use(first);              // expected-note {{'first' is used here, after the call}}
}
void beyond_reserved_twice(std::vector<Node> &v, int n) {
  v.reserve(v.size() + n);
  Node &first = v.front(); // expected-note 2 {{'first' refers to an element of 'v' here}}
  for (int i = 0; i < n; ++i) {
    v.emplace_back();      // expected-warning {{'emplace_back' may relocate the elements of 'v' while 'first' still refers to one of them}}
    v.emplace_back();      // expected-warning {{'emplace_back' may relocate the elements of 'v' while 'first' still refers to one of them}}
  }
  use(first);              // expected-note 2 {{'first' is used here, after the call}}
}
void beyond_reserved_fixed(std::vector<Node> &v) {
  v.reserve(v.size() + 1);
  Node &first = v.front(); // expected-note 2 {{'first' refers to an element of 'v' here}}
  v.emplace_back();        // expected-warning {{'emplace_back' may relocate the elements of 'v' while 'first' still refers to one of them}}
  v.emplace_back();        // expected-warning {{'emplace_back' may relocate the elements of 'v' while 'first' still refers to one of them}}
  use(first);              // expected-note 2 {{'first' is used here, after the call}}
}
void borrowed_before_reserve(std::vector<Node> &v, int n) {
  Node &first = v.front(); // expected-note 2 {{'first' refers to an element of 'v' here}}
  v.reserve(v.size() + n); // expected-warning {{'reserve' may relocate the elements of 'v' while 'first' still refers to one of them}}
  for (int i = 0; i < n; ++i)
    v.emplace_back();      // expected-warning {{'emplace_back' may relocate the elements of 'v' while 'first' still refers to one of them}}
  use(first);              // expected-note 2 {{'first' is used here, after the call}}
}
void reserved_not_new(std::vector<Node> &v, int n) {
  v.reserve(n);            // v may hold elements already: n is not room
  Node &first = v.front(); // expected-note {{'first' refers to an element of 'v' here}}
  for (int i = 0; i < n; ++i)
    v.emplace_back();      // expected-warning {{'emplace_back' may relocate the elements of 'v' while 'first' still refers to one of them}}
  use(first);              // expected-note {{'first' is used here, after the call}}
}

// ---- std::array moved or swapped ----

void array_moved() {
  std::array<Node, 2> a;    // #array2
  Node &r = a[0];           // expected-note {{'r' refers to an element of 'a' here}}
  auto b = std::move(a);    // expected-warning {{'std::move' may relocate the elements of 'a' while 'r' still refers to one of them; the pinned element moves to a new address [pin-container-relocation]}}
  use(r);                   // expected-note {{'r' is used here, after the call}}
  use(b[0]);
}

void array_move_assigned(std::array<Node, 2> &a, std::array<Node, 2> &b) {
  Node *p = a.data();       // expected-note {{'p' refers to an element of 'a' here}}
  b = std::move(a);         // expected-warning {{'std::move' may relocate the elements of 'a' while 'p' still refers to one of them}}
  use(*p);                  // expected-note {{'p' is used here, after the call}}
}

void array_member_swap(std::array<Node, 2> &a, std::array<Node, 2> &b) {
  Node &r = b.back();       // expected-note {{'r' refers to an element of 'b' here}}
  a.swap(b);                // expected-warning {{'swap' may relocate the elements of 'b' while 'r' still refers to one of them}}
  use(r);                   // expected-note {{'r' is used here, after the call}}
}

void array_std_swap(std::array<Node, 2> &a, std::array<Node, 2> &b) {
  Node &r = a.front();      // expected-note {{'r' refers to an element of 'a' here}}
  std::swap(a, b);          // expected-warning {{'std::swap' may relocate the elements of 'a' while 'r' still refers to one of them}}
  use(r);                   // expected-note {{'r' is used here, after the call}}
}

void consume(std::array<Node, 2>);
void array_moved_into_a_parameter_or_cast(std::array<Node, 2> &a, std::array<Node, 2> &b) {
  Node &r = a[0];           // expected-note {{'r' refers to an element of 'a' here}}
  consume(std::move(a));    // expected-warning {{'std::move' may relocate the elements of 'a' while 'r' still refers to one of them}}
  use(r);                   // expected-note {{'r' is used here, after the call}}
  Node &s = b[0];           // expected-note {{'s' refers to an element of 'b' here}}
  a = static_cast<std::array<Node, 2> &&>(b); // expected-warning {{'static_cast' may relocate the elements of 'b' while 's' still refers to one of them}}
  use(s);                   // expected-note {{'s' is used here, after the call}}
}

void array_exchanged(std::array<Node, 2> &a, std::array<Node, 2> &b) {
  Node &r = a[1];           // expected-note {{'r' refers to an element of 'a' here}}
  std::exchange(a, b);      // expected-warning {{'std::exchange' may relocate the elements of 'a' while 'r' still refers to one of them}}
  use(r);                   // expected-note {{'r' is used here, after the call}}
}

void array_swapped_in_range_for(std::array<Node, 2> &a, std::array<Node, 2> &b) {
  for (Node &n : a) {       // expected-note {{the range-for loop over 'a' starts here}}
    use(n);
    a.swap(b);              // expected-warning {{'swap' may relocate the elements of 'a' while a range-for loop iterates over it}}
  }
}

void array_copied(std::array<Node, 2> &a) {
  Node &r = a[0];
  std::array<Node, 2> b = a; // a copy leaves a's elements where they are
  use(r);
  use(b[0]);
}

void array_swap_after_last_use(std::array<Node, 2> &a, std::array<Node, 2> &b) {
  Node &r = a[0];
  use(r);
  std::swap(a, b);
}

// An element's address pins the array itself: pin-swap reports the swap.
void array_pinned(std::array<Node, 2> &a, std::array<Node, 2> &b) {
  Node *p = &a[0];          // expected-note {{'a' is pinned here: the address of 'a[0]' is taken}}
  std::swap(a, b);          // expected-warning {{'a' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  use(*p);
}
// expected-note@#array2 1+ {{'std::array<Node, 2>' is address-sensitive because it holds a 'Node' by value}}

void vector_swap(std::vector<Node> &v, std::vector<Node> &w) {
  Node &r = v[0];
  v.swap(w);                // the elements stay on the heap
  std::swap(v, w);
  auto x = std::move(v);
  use(r);
}

// A moved or swapped std::array of plain elements keeps them where they
// were: the reference still refers to a live element.
void array_unannotated(std::array<Plain, 2> &a, std::array<Plain, 2> &b) {
  Plain &r = a[0];
  std::swap(a, b);
  (void)r.v;
}

// ---- vector-like class templates (VectorLikeClasses) ----

// In miniature, in their namespaces (with an inline one, as abseil has),
// and one in-house template.
namespace absl {
inline namespace lts_2025 {
template <class T, unsigned N> class InlinedVector {
  T *data_ = nullptr;
  unsigned size_ = 0;

public:
  T &operator[](unsigned i) { return data_[i]; }
  T *begin() { return data_; }
  void push_back(const T &) {}
};
} // namespace lts_2025
} // namespace absl
namespace llvm {
// The members live on the bases, as in LLVM.
template <class T> class SmallVectorTemplateBase {
public:
  T &operator[](unsigned);
  T &back();
  void push_back(const T &);
};
template <class T> class SmallVectorImpl : public SmallVectorTemplateBase<T> {
public:
  void reserve(unsigned);
  template <class... A> T &emplace_back(A &&...);
};
template <class T, unsigned N> class SmallVector : public SmallVectorImpl<T> {};
} // namespace llvm
namespace mycorp {
template <class T> class Vec {
public:
  T &operator[](int);
  void push_back(const T &);
};
} // namespace mycorp

void inlined_vector(absl::InlinedVector<Node, 4> &v) {
  Node &r = v[0];       // default-note {{'r' refers to an element of 'v' here}}
  v.push_back(Node{});  // default-warning {{'push_back' may relocate the elements of 'v' while 'r' still refers to one of them; the pinned element moves to a new address [pin-container-relocation]}}
  use(r);               // default-note {{'r' is used here, after the call}}
}

void small_vector(llvm::SmallVector<Node, 4> &v) {
  Node &r = v.back();   // default-note {{'r' refers to an element of 'v' here}}
  v.emplace_back();     // default-warning {{'emplace_back' may relocate the elements of 'v' while 'r' still refers to one of them}}
  use(r);               // default-note {{'r' is used here, after the call}}
}

void small_vector_impl(llvm::SmallVectorImpl<Node> &v) {
  Node *p = &v[1];      // default-note {{'p' refers to an element of 'v' here}}
  v.reserve(100);       // default-warning {{'reserve' may relocate the elements of 'v' while 'p' still refers to one of them}}
  use(*p);              // default-note {{'p' is used here, after the call}}
}

void in_house(mycorp::Vec<Node> &v) {
  Node &r = v[0];       // custom-note {{'r' refers to an element of 'v' here}}
  v.push_back(Node{});  // custom-warning {{'push_back' may relocate the elements of 'v' while 'r' still refers to one of them}}
  use(r);               // custom-note {{'r' is used here, after the call}}
}

void vector_like_dead_before_growth(absl::InlinedVector<Node, 4> &v) {
  Node &r = v[0];
  use(r);
  v.push_back(Node{});
}

void vector_like_unannotated(absl::InlinedVector<Plain, 4> &v, mycorp::Vec<Plain> &w) {
  Plain &r = v[0], &s = w[0]; // default-note {{'r' refers to an element of 'v' here}} custom-note {{'s' refers to an element of 'w' here}}
  v.push_back(Plain{});       // default-warning {{'push_back' may relocate the elements of 'v' while 'r' still refers to one of them; the element moves to a new address and 'r' dangles}}
  w.push_back(Plain{});       // custom-warning {{'push_back' may relocate the elements of 'w' while 's' still refers to one of them; the element moves to a new address and 's' dangles}}
  (void)r.v;                  // default-note {{'r' is used here, after the call}}
  (void)s.v;                  // custom-note {{'s' is used here, after the call}}
}

// A class template of the same name in another namespace is not the one.
namespace other {
template <class T, unsigned N> class InlinedVector {
public:
  T &operator[](unsigned);
  void push_back(const T &);
};
} // namespace other
void same_name_elsewhere(other::InlinedVector<Node, 4> &v) {
  Node &r = v[0];
  v.push_back(Node{});
  use(r);
}

// A pin held on entry (a PIN_PINS parameter, which has no place in the
// body) beside a container's growth: the growth is reported as usual.
void pinned_on_entry_and_growth(PIN_PINS Node &n, std::vector<Node> &v) {
  Node &first = v[0];   // expected-note {{'first' refers to an element of 'v' here}}
  v.push_back(Node{});  // expected-warning {{'push_back' may relocate the elements of 'v' while 'first' still refers to one of them}}
  use(first);           // expected-note {{'first' is used here, after the call}}
  use(n);
}
