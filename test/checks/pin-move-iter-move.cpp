// Checks pin-move on std::ranges::iter_move(it) (a customization-point
// object) and the function form std::iter_move(it) (docs/model.md "What is reported on a pinned value", family
// "move"): like std::move, iter_move only makes an xvalue of *it; the move is
// whatever consumes it (a move constructor, a move assignment, a by-value or
// T&& parameter, a library sink). With a pointer `it` the moved object is
// *it: an element of the array it points into (`arr`, `arr + 1`, an
// iterator of std::array, which is a pointer), or the object a pointer
// variable points to.
// Side by side, what must not be reported: the same moves before the pin, on
// an unannotated type, through a PIN_ADDRESS_AWARE move constructor, an
// xvalue nothing consumes, a pin in the other branch.
//
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
// RUN: %if libstdcxx %{ %pincc_real -fsyntax-only -std=c++20 -Xclang -verify -DPINCHECK_REAL_STD %s %}

#include <array>
#include <iterator>
#include <utility>
#include <vector>

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

struct PIN_ADDRESS_SENSITIVE Aware {
  Aware *self = nullptr;
  Aware() = default;
  Aware(Aware &&) PIN_ADDRESS_AWARE;
  void start() PIN_PINS_THIS;
};

void sink(Node &&);
void take(Node);
bool flag();

// An element of an array, through the pointer it decays to or pointer
// arithmetic.
void array_elements() {
  Node arr[3];
  Node early = std::ranges::iter_move(arr); // fine: not pinned yet
  arr[1].start(); // expected-note 3 {{'arr' is pinned here: pinning member function 'start' is called on 'arr[1]'}}
  Node a = std::ranges::iter_move(arr);     // expected-warning {{an element of 'arr' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  Node b = std::ranges::iter_move(arr + 1); // expected-warning {{an element of 'arr' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  b = std::ranges::iter_move(arr + 2);      // expected-warning {{an element of 'arr' is moved after it was pinned}}
}

// The object a pointer variable points to, whatever consumes the xvalue.
void consumers(std::vector<Node> &v) {
  Node n;
  n.start(); // expected-note 5 {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node *p = &n; // expected-note 5 {{'p' points to 'n'}}
  Node m = std::ranges::iter_move(p);   // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  m = std::ranges::iter_move(p);        // expected-warning {{'n' is moved after it was pinned}}
  sink(std::ranges::iter_move(p));      // expected-warning {{'n' is moved after it was pinned}}
  take(std::ranges::iter_move(p));      // expected-warning {{'n' is moved after it was pinned}}
  v.push_back(std::ranges::iter_move(p)); // expected-warning {{'n' is moved by 'std::vector::push_back' after it was pinned}}
}

// std::array's iterators are pointers (in the mock and in libstdc++).
void std_array_iterators() {
  std::array<Node, 2> a; // #array_inst
  a[0].start(); // expected-note 2 {{'a' is pinned here}}
  Node m = std::ranges::iter_move(a.begin()); // expected-warning {{an element of 'a' is moved after it was pinned}}
  // Through an iterator variable the analysis knows the container, not the
  // element: the message names the container.
  auto it = a.begin(); // expected-note {{'it' points to 'a'}}
  Node k = std::ranges::iter_move(it);        // expected-warning {{'a' is moved after it was pinned}}
  // expected-note@#array_inst {{'std::array<Node, 2>' is address-sensitive because it holds a 'Node' by value}}
}

#ifndef PINCHECK_REAL_STD
// The function form (the mock's: libstdc++ has only the std::ranges one).
void function_form() {
  Node arr[2];
  Node early = std::iter_move(arr); // fine: not pinned yet
  (void)&arr[0]; // expected-note {{'arr' is pinned here: the address of 'arr[0]' is taken}}
  Node late = std::iter_move(arr + 1); // expected-warning {{an element of 'arr' is moved after it was pinned}}
}
#endif

void on_some_paths() {
  Node arr[2];
  if (flag())
    arr[0].start(); // expected-note {{'arr' may be pinned here}}
  Node m = std::ranges::iter_move(arr); // expected-warning {{an element of 'arr' is moved after it was pinned on some paths}}
}

// ---- negatives ----

void unannotated() {
  Plain arr[2];
  arr[0].start();
  Plain *p = &arr[1];
  Plain a = std::ranges::iter_move(arr);
  Plain b = std::ranges::iter_move(p);
}

void address_aware() {
  Aware arr[2];
  arr[0].start();
  Aware a = std::ranges::iter_move(arr); // fine: the move constructor repairs
}

void not_consumed() {
  Node arr[2];
  arr[0].start();
  Node &&r = std::ranges::iter_move(arr); // a reference binding, not a move
  const Node &c = std::ranges::iter_move(arr + 1);
  (void)r;
  (void)c;
}

void other_branch() {
  Node arr[2];
  if (flag()) {
    arr[0].start();
    return;
  }
  Node m = std::ranges::iter_move(arr);
}

// The fix: move out before pinning, then pin the new object.
void fixed() {
  Node arr[2];
  Node m = std::ranges::iter_move(arr);
  m.start();
}
