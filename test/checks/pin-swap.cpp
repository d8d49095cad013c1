// Checks pin-swap: exchanging the value of a pinned object of an
// address-sensitive type (docs/model.md "What is reported on a pinned value", family "swap") is reported, through
// std::swap, an ADL/unqualified swap, a member swap, std::ranges::swap (C++20),
// std::iter_swap and std::exchange, with the callee named as the user knows it
// (docs/diagnostics.md). Each positive has its negatives next to it: the same
// swap before the pin, on an unannotated type, on a PIN_UNPIN type, and a pin
// in one branch or an earlier loop iteration only ("on some paths").
// Swapping the owners of address-sensitive objects (std::vector<Node>,
// std::unique_ptr<Node>, raw pointers) moves no element and is not reported;
// swapping std::array<Node, N> moves its elements and is.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
//
// The whole shape of two diagnostics (-verify cannot tell which warning a note
// belongs to, nor their order): warning, pin note, alias note, type chain.
// RUN: %pincc -fsyntax-only -std=c++20 -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHAPE

#include <algorithm>
#include <array>
#include <memory>
#include <utility>
#include <vector>

#include <pin/pin.h>

namespace app {

struct PIN_ADDRESS_SENSITIVE Node { // #node_decl
  Node *self = nullptr;
  void swap(Node &other) noexcept;
};
// Found by ADL for app::Node.
void swap(Node &a, Node &b) noexcept;

// Not annotated: an ordinary (Unpin) type, even with a self-pointer.
struct Plain {
  Plain *self = nullptr;
  void swap(Plain &other) noexcept;
};
void swap(Plain &a, Plain &b) noexcept;

// The opt-out: never address-sensitive, whatever it contains.
struct PIN_UNPIN Wrapper {
  Node n;
  void swap(Wrapper &other) noexcept;
};
void swap(Wrapper &a, Wrapper &b) noexcept;

// Address-sensitive by containment: a two-link chain of notes.
struct Outer {
  int tag = 0;
  Node n; // #outer_n
};

} // namespace app

using app::Node;
using app::Outer;
using app::Plain;
using app::Wrapper;

// 'app::Node' explains every warning below on a Node; its exact count per
// warning is checked for Outer and std::array (other types) and by SHAPE.
// expected-note@#node_decl 1+ {{'app::Node' is address-sensitive because it is annotated address-sensitive}}

// ---------------------------------------------------------------- std::swap

void std_swap() {
  Node a, b;
  std::swap(a, b); // before the pin: fine
  Node *p = &a;    // #pin_std_swap
  std::swap(a, b); // expected-warning {{'a' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_std_swap {{'a' is pinned here: its address is taken}}
  (void)p;
}

void std_swap_second_operand() {
  Node a, b;
  Node *p = &b;    // #pin_std_swap_2
  std::swap(a, b); // expected-warning {{'b' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_std_swap_2 {{'b' is pinned here: its address is taken}}
  (void)p;
}

void std_swap_both_pinned() {
  Node a, b;
  Node *p = &a;    // #pin_both_a
  Node *q = &b;    // #pin_both_b
  std::swap(a, b); // expected-warning {{'a' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}} \
                   // expected-warning {{'b' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_both_a {{'a' is pinned here: its address is taken}}
  // expected-note@#pin_both_b {{'b' is pinned here: its address is taken}}
  (void)p, (void)q;
}

void std_swap_through_reference() {
  Node a, b;
  Node *p = &a;    // #pin_ref
  Node &r = a;     // #alias_r
  std::swap(r, b); // expected-warning {{'a' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_ref {{'a' is pinned here: its address is taken}}
  // expected-note@#alias_r {{'r' refers to 'a'}}
  (void)p;
}

void std_swap_other_types() {
  Plain a, b;
  Plain *p = &a;
  std::swap(a, b); // unannotated: fine
  Wrapper w, x;
  Node *q = &w.n;
  std::swap(w, x); // PIN_UNPIN: fine
  (void)p, (void)q;
}

void std_swap_some_paths(bool c) {
  Node a, b;
  if (c) {
    Node *p = &a; // #pin_branch
    (void)p;
  }
  std::swap(a, b); // expected-warning {{'a' is swapped by 'std::swap' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_branch {{'a' may be pinned here: its address is taken}}
}

void std_swap_other_branch(bool c) {
  Node a, b;
  if (c) {
    Node *p = &a;
    (void)p;
  } else {
    std::swap(a, b); // the pin is on the other branch: fine
  }
}

void std_swap_loop() {
  Node a, b;
  for (int i = 0; i < 2; ++i) {
    std::swap(a, b); // expected-warning {{'a' is swapped by 'std::swap' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]}}
    Node *p = &a;    // #pin_loop
    // expected-note@#pin_loop {{'a' may be pinned here: its address is taken}}
    (void)p;
  }
}

void std_swap_fresh_each_iteration() {
  for (int i = 0; i < 2; ++i) {
    Node a, b; // a new object each iteration: starts unpinned
    std::swap(a, b);
    Node *p = &a;
    (void)p;
  }
}

// Containment: the swap moves the whole, and so the pinned part.
// SHAPE:      pin-swap.cpp:[[# @LINE + 8]]:3: warning: 'o' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]
// SHAPE-NEXT: pin-swap.cpp:[[# @LINE + 6]]:12: note: 'o' is pinned here: the address of 'o.tag' is taken
// SHAPE-NEXT: pin-swap.cpp:{{[0-9]+}}:8: note: 'app::Outer' is address-sensitive because member 'n' has type 'app::Node'
// SHAPE-NEXT: pin-swap.cpp:{{[0-9]+}}:30: note: 'app::Node' is address-sensitive because it is annotated address-sensitive
// SHAPE-NEXT: warning:
void std_swap_outer() {
  Outer o, o2;
  int *p = &o.tag;   // #pin_outer
  std::swap(o, o2);  // expected-warning {{'o' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_outer {{'o' is pinned here: the address of 'o.tag' is taken}}
  // expected-note@#outer_n {{'app::Outer' is address-sensitive because member 'n' has type 'app::Node'}}
  (void)p;
}

// ---------------------------------------------------------------- ADL swap

void adl_swap() {
  Node a, b;
  swap(a, b); // before the pin: fine
  Node *p = &a; // #pin_adl
  swap(a, b); // expected-warning {{'a' is swapped by 'swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_adl {{'a' is pinned here: its address is taken}}
  (void)p;
}

void using_std_swap() {
  using std::swap;
  Node a, b;
  Node *p = &b; // #pin_using
  swap(a, b);   // expected-warning {{'b' is swapped by 'swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_using {{'b' is pinned here: its address is taken}}
  (void)p;
}

void adl_swap_negatives(bool c) {
  Plain a, b;
  Plain *p = &a;
  swap(a, b); // unannotated: fine
  Wrapper w, x;
  Wrapper *q = &w;
  swap(w, x); // PIN_UNPIN: fine
  Node m, n;
  if (c) {
    Node *r = &m;
    (void)r;
  } else {
    swap(m, n); // other branch: fine
  }
  (void)p, (void)q;
}

void adl_swap_some_paths(bool c) {
  Node a, b;
  if (c) {
    Node *p = &a; // #pin_adl_branch
    (void)p;
  }
  swap(a, b); // expected-warning {{'a' is swapped by 'swap' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_adl_branch {{'a' may be pinned here: its address is taken}}
}

// ------------------------------------------------------------- member swap

void member_swap() {
  Node a, b;
  a.swap(b); // before the pin: fine
  Node *p = &a; // #pin_member
  a.swap(b);    // expected-warning {{'a' is swapped by 'Node::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_member {{'a' is pinned here: its address is taken}}
  (void)p;
}

void member_swap_argument() {
  Node a, b;
  Node *p = &a; // #pin_member_arg
  b.swap(a);    // expected-warning {{'a' is swapped by 'Node::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_member_arg {{'a' is pinned here: its address is taken}}
  (void)p;
}

void member_swap_through_pointer() {
  Node a, b;
  Node *p = &a; // #pin_member_ptr
  p->swap(b);   // expected-warning {{'a' is swapped by 'Node::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_member_ptr {{'a' is pinned here: its address is taken}}
  // expected-note@#pin_member_ptr {{'p' points to 'a'}}
}

void member_swap_negatives(bool c) {
  Plain a, b;
  Plain *p = &a;
  a.swap(b); // unannotated: fine
  Wrapper w, x;
  Node *q = &w.n;
  w.swap(x); // PIN_UNPIN: fine
  Node m, n;
  if (c) {
    Node *r = &m;
    (void)r;
  } else {
    m.swap(n); // other branch: fine
  }
  (void)p, (void)q;
}

void member_swap_some_paths(bool c) {
  Node a, b;
  if (c) {
    Node *p = &a; // #pin_member_branch
    (void)p;
  }
  a.swap(b); // expected-warning {{'a' is swapped by 'Node::swap' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_member_branch {{'a' may be pinned here: its address is taken}}
}

// ------------------------------------------------------- std::ranges::swap

#if __cplusplus >= 202002L
void ranges_swap() {
  Node a, b;
  std::ranges::swap(a, b); // before the pin: fine
  Node *p = &a;            // #pin_ranges
  std::ranges::swap(a, b); // expected-warning {{'a' is swapped by 'std::ranges::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_ranges {{'a' is pinned here: its address is taken}}
  (void)p;
}

void ranges_swap_negatives(bool c) {
  Plain a, b;
  Plain *p = &a;
  std::ranges::swap(a, b); // unannotated: fine
  Wrapper w, x;
  Node *q = &w.n;
  std::ranges::swap(w, x); // PIN_UNPIN: fine
  std::vector<Node> v, v2;
  Node *e = &v[0];
  std::ranges::swap(v, v2); // owner: fine
  Node m, n;
  if (c) {
    Node *r = &m;
    (void)r;
  } else {
    std::ranges::swap(m, n); // other branch: fine
  }
  (void)p, (void)q, (void)e;
}

void ranges_swap_some_paths(bool c) {
  Node a, b;
  if (c) {
    Node *p = &b; // #pin_ranges_branch
    (void)p;
  }
  std::ranges::swap(a, b); // expected-warning {{'b' is swapped by 'std::ranges::swap' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_ranges_branch {{'b' may be pinned here: its address is taken}}
}
#endif

// ---------------------------------------------------------- std::iter_swap

void iter_swap() {
  Node a, b;
  // The operands' '&' is how iter_swap reaches the values, not a pin.
  std::iter_swap(&a, &b);
  std::swap(a, b); // still unpinned: fine
  Node *p = &a;    // #pin_iter
  std::iter_swap(&a, &b); // expected-warning {{'a' is swapped by 'std::iter_swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_iter {{'a' is pinned here: its address is taken}}
  (void)p;
}

void iter_swap_through_pointer() {
  Node a, b;
  Node *p = &b;          // #pin_iter_ptr
  std::iter_swap(&a, p); // expected-warning {{'b' is swapped by 'std::iter_swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_iter_ptr {{'b' is pinned here: its address is taken}}
  // expected-note@#pin_iter_ptr {{'p' points to 'b'}}
}

void iter_swap_negatives(bool c) {
  Plain a, b;
  Plain *p = &a;
  std::iter_swap(&a, &b); // unannotated: fine
  Wrapper w, x;
  Node *q = &w.n;
  std::iter_swap(&w, &x); // PIN_UNPIN: fine
  Node m, n;
  if (c) {
    Node *r = &m;
    (void)r;
  } else {
    std::iter_swap(&m, &n); // other branch: fine
  }
  (void)p, (void)q;
}

void iter_swap_some_paths(bool c) {
  Node a, b;
  if (c) {
    Node *p = &a; // #pin_iter_branch
    (void)p;
  }
  std::iter_swap(&a, &b); // expected-warning {{'a' is swapped by 'std::iter_swap' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_iter_branch {{'a' may be pinned here: its address is taken}}
}

// ----------------------------------------------------------- std::exchange

void exchange() {
  Node a;
  Node old = std::exchange(a, Node{}); // before the pin: fine
  Node *p = &a;                        // #pin_exchange
  Node old2 = std::exchange(a, Node{}); // expected-warning {{'a' is swapped by 'std::exchange' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_exchange {{'a' is pinned here: its address is taken}}
  (void)p, (void)old, (void)old2;
}

void exchange_negatives(bool c) {
  Plain a;
  Plain *p = &a;
  Plain olda = std::exchange(a, Plain{}); // unannotated: fine
  Wrapper w;
  Node *q = &w.n;
  Wrapper oldw = std::exchange(w, Wrapper{}); // PIN_UNPIN: fine
  Node m;
  if (c) {
    Node *r = &m;
    (void)r;
  } else {
    Node oldm = std::exchange(m, Node{}); // other branch: fine
    (void)oldm;
  }
  // Exchanging a pointer to a pinned Node does not move the Node.
  Node n;
  Node *pn = &n;
  Node *prev = std::exchange(pn, nullptr);
  (void)p, (void)q, (void)olda, (void)oldw, (void)prev;
}

void exchange_some_paths(bool c) {
  Node a;
  if (c) {
    Node *p = &a; // #pin_exchange_branch
    (void)p;
  }
  Node old = std::exchange(a, Node{}); // expected-warning {{'a' is swapped by 'std::exchange' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_exchange_branch {{'a' may be pinned here: its address is taken}}
  (void)old;
}

// ------------------------------------------- owners: the elements stay put

void swap_owners() {
  std::vector<Node> v, v2;
  Node *e = &v[0]; // pins an element, not the vector
  std::swap(v, v2);
  v.swap(v2);
  swap(v, v2);

  std::unique_ptr<Node> u, u2;
  Node *h = u.get();
  Node *h2 = &*u2;
  std::swap(u, u2);
  u.swap(u2);
  swap(u, u2);

  Node a, b;
  Node *pa = &a, *pb = &b;
  std::swap(pa, pb); // swaps the pointers, not the Nodes
  (void)e, (void)h, (void)h2;
}

// std::array holds its elements by value: swapping it moves them.
void swap_array() {
  std::array<Node, 2> arr, arr2; // #arr_decl
  Node *e = &arr[0];             // #pin_arr
  arr.swap(arr2); // expected-warning {{'arr' is swapped by 'std::array::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_arr {{'arr' is pinned here: the address of 'arr[0]' is taken}}
  // expected-note@#arr_decl {{'std::array<app::Node, 2>' is address-sensitive because it holds a 'app::Node' by value}}
  (void)e;
}

// SHAPE:      pin-swap.cpp:[[# @LINE + 9]]:3: warning: 'a' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]
// SHAPE-NEXT: pin-swap.cpp:[[# @LINE + 6]]:13: note: 'a' is pinned here: its address is taken
// SHAPE-NEXT: pin-swap.cpp:[[# @LINE + 6]]:9: note: 'r' refers to 'a'
// SHAPE-NEXT: pin-swap.cpp:{{[0-9]+}}:30: note: 'app::Node' is address-sensitive because it is annotated address-sensitive
// SHAPE-NOT:  note:
void shape_alias() {
  Node a, b;
  Node *p = &a; // #pin_shape
  Node &r = a;  // #alias_shape
  std::swap(r, b); // expected-warning {{'a' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_shape {{'a' is pinned here: its address is taken}}
  // expected-note@#alias_shape {{'r' refers to 'a'}}
  (void)p;
}

// SHAPE:      pin-swap.cpp:[[# @LINE + 11]]:3: warning: 'o.n' is swapped by 'Node::swap' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]
// SHAPE-NEXT: pin-swap.cpp:[[# @LINE + 7]]:15: note: 'o' may be pinned here: the address of 'o.n' is taken
// SHAPE-NEXT: pin-swap.cpp:{{[0-9]+}}:30: note: 'app::Node' is address-sensitive because it is annotated address-sensitive
// SHAPE-NOT:  note:
void shape_part(bool c) {
  Outer o;
  Node n;
  if (c) {
    Node *p = &o.n; // #pin_shape_part
    (void)p;
  }
  o.n.swap(n); // expected-warning {{'o.n' is swapped by 'Node::swap' after it was pinned on some paths; pointers to its address now see a different value [pin-swap]}}
  // expected-note@#pin_shape_part {{'o' may be pinned here: the address of 'o.n' is taken}}
}
