// Checks pin-storage-reuse on storage given back or re-typed while a pinned
// object lives in it (docs/model.md "What is reported on a pinned value", family "storage reuse"): free (and
// std::free), operator delete / operator delete[] called as functions (with
// or without a size), an allocator's deallocate (std::allocator,
// std::allocator_traits, any class that also has an allocate member), and
// std::start_lifetime_as / start_lifetime_as_array (C++23), which also ends
// the old object: what lives there next starts unpinned.
// The storage here is a local's (undefined behaviour, but classification
// only needs the pointer to reach a pinned object).
// Side by side, what must not be reported: the same calls before the pin, on
// an unannotated type, after the object was destroyed (p->~T(),
// std::destroy_at), a delete expression (it runs the destructor), the
// reserved placement operator delete, a deallocate member of a class that
// allocates nothing, a pin in the other branch.
//
// RUN: %pincc -fsyntax-only -Wno-free-nonheap-object -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -Wno-free-nonheap-object -std=c++23 -Xclang -verify=expected,cxx23 %s
// RUN: %if libstdcxx %{ %pincc_real -fsyntax-only -Wno-free-nonheap-object -std=c++17 -Xclang -verify %s %}
// RUN: %if libstdcxx %{ %pincc_real -fsyntax-only -Wno-free-nonheap-object -std=c++20 -Xclang -verify %s %}
//
// The whole shape of one diagnostic.
// RUN: %pincc -fsyntax-only -Wno-free-nonheap-object -std=c++17 -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHAPE

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
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
  void start();
};

// A user allocator: any class with allocate and deallocate members.
struct Arena {
  void *allocate(std::size_t bytes);
  void deallocate(void *p, std::size_t bytes);
};
// A deallocate member without allocate: not an allocator.
struct Recycler {
  void deallocate(Node *p, int count);
};

bool flag();

// SHAPE: pin-storage-reuse-dealloc.cpp:[[@LINE+8]]:3: warning: the storage of 'n' is deallocated by 'free' after it was pinned, without destroying it first; whoever holds its address now points to freed memory [pin-storage-reuse]
// SHAPE-NEXT: pin-storage-reuse-dealloc.cpp:[[@LINE+5]]:3: note: 'n' is pinned here: pinning member function 'start' is called on it
// SHAPE-NEXT: pin-storage-reuse-dealloc.cpp:[[@LINE+5]]:9: note: 'p' points to 'n'
// SHAPE-NEXT: pin-storage-reuse-dealloc.cpp:{{[0-9]+}}:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
void free_after_pin() {
  Node n;
  n.start();  // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node *p = &n; // expected-note {{'p' points to 'n'}}
  free(p);    // expected-warning {{the storage of 'n' is deallocated by 'free' after it was pinned, without destroying it first; whoever holds its address now points to freed memory [pin-storage-reuse]}}
}

void std_free() {
  Node n;
  n.start();       // expected-note {{'n' is pinned here}}
  std::free(&n);   // expected-warning {{the storage of 'n' is deallocated by 'free' after it was pinned}}
}

void operator_delete_as_function() {
  Node n, m, k;
  n.start();       // expected-note {{'n' is pinned here}}
  m.start();       // expected-note {{'m' is pinned here}}
  ::operator delete(&n);               // expected-warning {{the storage of 'n' is deallocated by 'operator delete' after it was pinned}}
  ::operator delete(&m, sizeof(Node)); // expected-warning {{the storage of 'm' is deallocated by 'operator delete' after it was pinned}}
  Node arr[2];
  arr[0].start();  // expected-note {{'arr' is pinned here}}
  ::operator delete[](arr);            // expected-warning {{the storage of 'arr' is deallocated by 'operator delete[]' after it was pinned}}
  (void)k;
}

void allocators() {
  Node n, m, k;
  n.start();       // expected-note {{'n' is pinned here}}
  m.start();       // expected-note {{'m' is pinned here}}
  k.start();       // expected-note {{'k' is pinned here}}
  std::allocator<Node> a;
  a.deallocate(&n, 1); // expected-warning {{the storage of 'n' is deallocated by 'std::allocator::deallocate' after it was pinned}}
  std::allocator_traits<std::allocator<Node>>::deallocate(a, &m, 1); // expected-warning {{the storage of 'm' is deallocated by 'std::allocator_traits::deallocate' after it was pinned}}
  Arena arena;
  arena.deallocate(&k, sizeof(Node)); // expected-warning {{the storage of 'k' is deallocated by 'Arena::deallocate' after it was pinned}}
}

void on_some_paths() {
  Node n;
  if (flag())
    n.start();  // expected-note {{'n' may be pinned here}}
  free(&n);     // expected-warning {{the storage of 'n' is deallocated by 'free' after it was pinned on some paths}}
}

#ifdef __cpp_lib_start_lifetime_as
void start_lifetime_as_after_pin() {
  Node n;
  n.start();  // cxx23-note {{'n' is pinned here}}
  Node *q = std::start_lifetime_as<Node>(&n); // cxx23-warning {{a new object is created over 'n' by 'std::start_lifetime_as' after it was pinned, without destroying it first; whoever holds its address now sees a different object [pin-storage-reuse]}}
  // The old object ended there: the new one starts unpinned.
  Node m = std::move(n);
  std::start_lifetime_as<Node>(&n);
  (void)q;
  Node arr[2];
  arr[1].start(); // cxx23-note {{'arr' is pinned here}}
  std::start_lifetime_as_array<Node>(arr, 2); // cxx23-warning {{a new object is created over 'arr' by 'std::start_lifetime_as_array' after it was pinned}}
}

void start_lifetime_as_negatives() {
  Node n;
  std::start_lifetime_as<Node>(&n); // before the pin
  n.start();
  n.~Node();
  std::start_lifetime_as<Node>(&n); // after the destructor
  Plain x;
  x.start();
  (void)&x;
  std::start_lifetime_as<Plain>(&x);
}
#endif

// ---- negatives ----

void before_the_pin() {
  Node n;
  free(&n);
  n.start();
}

void unannotated() {
  Plain x;
  Plain *p = &x;
  x.start();
  free(p);
  ::operator delete(p);
  std::allocator<Plain> a;
  a.deallocate(p, 1);
}

void destroy_then_free() {
  Node n;
  n.start();
  Node *p = &n;
  p->~Node();
  free(p);
}

void destroy_at_then_deallocate() {
  Node n;
  n.start();
  std::allocator<Node> a;
  std::destroy_at(&n);
  a.deallocate(&n, 1);
  Node m;
  m.start();
  m.~Node();
  std::allocator_traits<std::allocator<Node>>::deallocate(a, &m, 1);
}

void delete_expression() {
  Node *h = new Node;
  h->start();
  delete h; // runs the destructor first
}

void placement_delete_and_other_classes() {
  Node n;
  n.start();
  ::operator delete(&n, static_cast<void *>(&n)); // the reserved placement form does nothing
  Recycler r;
  r.deallocate(&n, 1); // not an allocator
}

void other_branch() {
  Node n;
  if (flag()) {
    n.start();
    return;
  }
  free(&n);
}
