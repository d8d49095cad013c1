// Checks pin-storage-reuse: a new object constructed in the storage of a
// live pinned object (docs/model.md "What is reported on a pinned value", family "storage reuse"): the
// non-allocating placement new and std::construct_at / std::ranges::
// construct_at (C++20). The pinned object may be named directly, through a
// pointer, or be the object a pinned member belongs to. Not reported: the same
// construction before the pin, unannotated and PIN_UNPIN types, a pin in the
// other branch, and the allowed pattern: destroy first (x.~T(),
// std::destroy_at), then construct. An object constructed over a destroyed
// one starts unpinned, for every check.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify=expected %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify=expected,cxx20 %s
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify=expected,cxx20 %s
//
// The whole shape of one diagnostic.
// RUN: %pincc -fsyntax-only -std=c++20 -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHAPE

#include <memory>
#include <new>
#include <optional>
#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  long value = 0;
  void start() PIN_PINS_THIS;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

struct Plain {
  Plain *self = nullptr;
};

struct PIN_UNPIN Wrapper {
  Node n;
};

struct Outer {
  int tag = 0;
  Node n; // #outer_n
};
// expected-note@#outer_n 1+ {{'Outer' is address-sensitive because member 'n' has type 'Node'}}

bool flag();

// SHAPE: pin-storage-reuse.cpp:[[@LINE+5]]:3: warning: a new object is constructed over 'n' by 'placement new' after it was pinned, without destroying it first; whoever holds its address now sees a different object [pin-storage-reuse]
// SHAPE-NEXT: pin-storage-reuse.cpp:[[@LINE+3]]:3: note: 'n' is pinned here: pinning member function 'start' is called on it
// SHAPE-NEXT: pin-storage-reuse.cpp:{{[0-9]+}}:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
void placement_new_after_pin(Node &n) {
  n.start();                // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  new (&n) Node;            // expected-warning {{a new object is constructed over 'n' by 'placement new' after it was pinned, without destroying it first; whoever holds its address now sees a different object [pin-storage-reuse]}}
}

void placement_new_local() {
  Node n;
  Node *p = &n;                             // expected-note {{'n' is pinned here: its address is taken}}
  ::new (static_cast<void *>(&n)) Node();   // expected-warning {{a new object is constructed over 'n' by 'placement new' after it was pinned}}
  (void)p;
}

void through_pointer() {
  Node n;
  n.start();        // expected-note {{'n' is pinned here}}
  Node *p = &n;     // expected-note {{'p' points to 'n'}}
  new (p) Node;     // expected-warning {{a new object is constructed over 'n' by 'placement new' after it was pinned}}
}

void whole_of_pinned_member() {
  Outer o;
  o.n.start();      // expected-note {{'o' is pinned here: pinning member function 'start' is called on 'o.n'}}
  new (&o) Outer;   // expected-warning {{a new object is constructed over 'o' by 'placement new' after it was pinned}}
}

void on_some_paths() {
  Node n;
  if (flag())
    n.start();      // expected-note {{'n' may be pinned here}}
  new (&n) Node;    // expected-warning {{a new object is constructed over 'n' by 'placement new' after it was pinned on some paths}}
}

// Destroying a part leaves the whole pinned.
void member_destroyed_whole_reused() {
  Outer o;
  o.n.start();      // expected-note {{'o' is pinned here}}
  o.n.~Node();
  new (&o) Outer;   // expected-warning {{a new object is constructed over 'o' by 'placement new' after it was pinned}}
}

#if __cplusplus >= 202002L
void construct_at_after_pin() {
  Node n;
  n.start();                 // cxx20-note {{'n' is pinned here}}
  std::construct_at(&n);     // cxx20-warning {{a new object is constructed over 'n' by 'std::construct_at' after it was pinned}}
}
#endif

// ---- negatives ----

void before_the_pin() {
  Node n;
  new (&n) Node;
  n.start();
}

void unannotated() {
  Plain x;
  Plain *p = &x;
  new (&x) Plain;
  (void)p;
}

void opted_out() {
  Wrapper w;
  w.n.start();
  new (&w) Wrapper;
}

void other_branch() {
  Node n;
  if (flag()) {
    n.start();
    return;
  }
  new (&n) Node;
}

void destroy_then_construct() {
  Node n;
  n.start();
  n.~Node();
  new (&n) Node;
}

void destroy_through_pointer_then_construct() {
  Node n;
  n.start();
  Node *p = &n;
  p->~Node();
  new (p) Node;
}

void destroy_at_then_construct() {
  Node n;
  n.start();
  std::destroy_at(&n);
  new (&n) Node;
#if __cplusplus >= 202002L
  n.start();
  std::destroy_at(&n);
  std::construct_at(&n);
#endif
}

// The object made after destroying starts unpinned: moving it is fine.
void fresh_object_moves() {
  Node n;
  n.start();
  n.~Node();
  new (&n) Node;
  Node m = std::move(n);
  (void)m;
}

// Reported once: the object constructed over the pinned one is new.
void reported_once() {
  Node n;
  n.start();        // expected-note {{'n' is pinned here}}
  new (&n) Node;    // expected-warning {{a new object is constructed over 'n' by 'placement new' after it was pinned}}
  new (&n) Node;
  Node m = std::move(n);
  (void)m;
}

void into_a_buffer() {
  alignas(Node) unsigned char buf[sizeof(Node)];
  Node *p = new (buf) Node;
  p->start();
  p->~Node();
  new (buf) Node;
}

// emplace destroys the old value before constructing the new one.
void optional_emplace() {
  std::optional<Node> o;
  o.emplace();
  o->start();
  o.emplace();
}

void allocating_new() {
  Node n;
  n.start();
  Node *p = new Node;
  delete p;
}
