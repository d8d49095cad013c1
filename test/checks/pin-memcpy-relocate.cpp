// Checks pin-memcpy on the relocation helpers (docs/model.md "What is reported on a pinned value", family "raw
// memory"): C++26 std::trivially_relocate / std::relocate(first, last,
// result) and the P1144 ones of any library, matched by name and shape in any
// namespace: uninitialized_relocate(first, last, d_first),
// uninitialized_relocate_n(first, n, d_first), relocate_at(src, dst). Their
// arguments are pointers; the source range is relocated from, the
// destination written as memcpy's. A range operand reached through an array
// or pointer arithmetic is "an element of" it; `&x` is x itself.
// Side by side, what must not be reported: the same calls before the pin, on
// an unannotated type, into a destination that is not pinned, a pin in the
// other branch, and functions of the same names that take references or
// are members.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++2c -Xclang -verify=expected,cxx26 %s
// RUN: %if libstdcxx %{ %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s %}
//
// The whole shape of one diagnostic.
// RUN: %pincc -fsyntax-only -std=c++17 -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHAPE

#include <cstddef>
#include <memory>
#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  int v = 0;
  void start() PIN_PINS_THIS;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

struct Plain {
  Plain *self = nullptr;
  void start();
};

// P1144-style libraries (declarations only).
namespace folly {
template <class T> void relocate_at(T *source, T *dest) noexcept;
template <class T> T *uninitialized_relocate(T *first, T *last, T *d_first);
template <class T> T *uninitialized_relocate_n(T *first, std::size_t n, T *d_first);
} // namespace folly
namespace bsl {
template <class T> T *trivially_relocate(T *first, T *last, T *result) noexcept;
} // namespace bsl
namespace stdx {
template <class T> T *relocate(T *first, T *last, T *result);
} // namespace stdx

// Same names, other shapes: not relocation helpers.
namespace other {
void relocate(Node &from, Node &to, int how);
void relocate_at(int from, int to);
struct Mover {
  void relocate_at(Node *from, Node *to);
};
} // namespace other

bool flag();

// SHAPE: pin-memcpy-relocate.cpp:[[@LINE+6]]:3: warning: 'n' is relocated by 'folly::relocate_at' after it was pinned; it now lives at a new address and pointers to the old one dangle [pin-memcpy]
// SHAPE-NEXT: pin-memcpy-relocate.cpp:[[@LINE+4]]:3: note: 'n' is pinned here: pinning member function 'start' is called on it
// SHAPE-NEXT: pin-memcpy-relocate.cpp:{{[0-9]+}}:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
void relocate_at_source() {
  Node n, m;
  n.start();                    // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  folly::relocate_at(&n, &m);   // expected-warning {{'n' is relocated by 'folly::relocate_at' after it was pinned; it now lives at a new address and pointers to the old one dangle [pin-memcpy]}}
}

void relocate_at_destination() {
  Node n, m;
  m.start();                    // expected-note {{'m' is pinned here}}
  folly::relocate_at(&n, &m);   // expected-warning {{'m' is overwritten as raw bytes by 'folly::relocate_at' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
}

void ranges_of_elements() {
  Node arr[3];
  Node out[3];
  arr[1].start(); // expected-note 4 {{'arr' is pinned here: pinning member function 'start' is called on 'arr[1]'}}
  folly::uninitialized_relocate(arr, arr + 3, out);  // expected-warning {{an element of 'arr' is relocated by 'folly::uninitialized_relocate' after it was pinned; it now lives at a new address and pointers to the old one dangle [pin-memcpy]}}
  folly::uninitialized_relocate_n(arr + 1, 2, out);  // expected-warning {{an element of 'arr' is relocated by 'folly::uninitialized_relocate_n' after it was pinned}}
  bsl::trivially_relocate(arr, arr + 3, out);        // expected-warning {{an element of 'arr' is relocated by 'bsl::trivially_relocate' after it was pinned}}
  stdx::relocate(arr, arr + 3, out);                 // expected-warning {{an element of 'arr' is relocated by 'stdx::relocate' after it was pinned}}
}

// Relocating into a pinned range overwrites its elements.
void into_a_pinned_range() {
  Node src[2];
  Node dst[2];
  dst[0].start(); // expected-note {{'dst' is pinned here}}
  folly::uninitialized_relocate(src, src + 2, dst); // expected-warning {{an element of 'dst' is overwritten as raw bytes by 'folly::uninitialized_relocate' after it was pinned}}
}

void through_pointer() {
  Node n, m;
  Node *p = &n; // expected-note {{'n' is pinned here: its address is taken}} expected-note {{'p' points to 'n'}}
  folly::relocate_at(p, &m); // expected-warning {{'n' is relocated by 'folly::relocate_at' after it was pinned}}
}

void on_some_paths() {
  Node n, m;
  if (flag())
    n.start(); // expected-note {{'n' may be pinned here}}
  folly::relocate_at(&n, &m); // expected-warning {{'n' is relocated by 'folly::relocate_at' after it was pinned on some paths}}
}

#if __cplusplus > 202302L
void std_forms() {
  Node arr[2];
  Node out[2];
  arr[0].start(); // cxx26-note 2 {{'arr' is pinned here}}
  std::trivially_relocate(arr, arr + 2, out); // cxx26-warning {{an element of 'arr' is relocated by 'std::trivially_relocate' after it was pinned}}
  std::relocate(arr, arr + 2, out);           // cxx26-warning {{an element of 'arr' is relocated by 'std::relocate' after it was pinned}}
}
#endif

// ---- negatives ----

void before_the_pin() {
  Node n, m;
  folly::relocate_at(&n, &m);
  m.start();
}

void unannotated() {
  Plain a, b;
  a.start();
  Plain *p = &a;
  folly::relocate_at(p, &b);
  Plain arr[2], out[2];
  folly::uninitialized_relocate(arr, arr + 2, out);
}

void other_branch() {
  Node n, m;
  if (flag()) {
    n.start();
    return;
  }
  folly::relocate_at(&n, &m);
}

void other_shapes() {
  Node n, m;
  n.start();
  other::relocate(n, m, 0);
  other::relocate_at(1, 2);
  other::Mover mv;
  mv.relocate_at(&n, &m);
}

// The fix: relocate before pinning, and pin the object where it now lives.
void fixed() {
  Node n, m;
  folly::relocate_at(&n, &m);
  m.start();
}
