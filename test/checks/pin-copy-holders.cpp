// Checks pin-copy (and pin-move) on the standard by-value holders built from
// a pinned value (docs/model.md "What is reported on a pinned value", "decay-copying library calls"): the
// constructors of std::pair, std::tuple, std::optional and std::variant copy
// an lvalue argument into the holder (reported at the argument, named by the
// class), CTAD included (`std::pair p{n, 1}`), and std::make_optional;
// from std::move(n) it is a move, named the same way.
// Side by side, what must not be reported: the same constructions before
// the pin, on an unannotated type, through PIN_ADDRESS_AWARE copy and move
// constructors, holders of references (std::tuple<Node &>) or pointers, a
// prvalue, a pin in the other branch.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
// RUN: %if libstdcxx %{ %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s %}

#include <optional>
#include <tuple>
#include <utility>
#include <variant>

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
  Aware(const Aware &) PIN_ADDRESS_AWARE;
  Aware(Aware &&) PIN_ADDRESS_AWARE;
  void start() PIN_PINS_THIS;
};

bool flag();

void copies() {
  Node n;
  std::pair<Node, int> early(n, 1); // fine: not pinned yet
  n.start(); // expected-note 8 {{'n' is pinned here: pinning member function 'start' is called on it}}
  std::pair<Node, int> p(n, 1);     // expected-warning {{'n' is copied by 'std::pair' after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  std::pair<int, Node> p2{2, n};    // expected-warning {{'n' is copied by 'std::pair' after it was pinned}}
  std::pair ctad{n, 1};             // expected-warning {{'n' is copied by 'std::pair' after it was pinned}}
  std::tuple<Node> t(n);            // expected-warning {{'n' is copied by 'std::tuple' after it was pinned}}
  std::tuple<int, Node> t2{1, n};   // expected-warning {{'n' is copied by 'std::tuple' after it was pinned}}
  std::optional<Node> o(n);         // expected-warning {{'n' is copied by 'std::optional' after it was pinned}}
  auto mo = std::make_optional(n);  // expected-warning {{'n' is copied by 'std::make_optional' after it was pinned}}
  std::variant<Node, int> var(n);   // expected-warning {{'n' is copied by 'std::variant' after it was pinned}}
}

void moves() {
  Node n;
  std::optional<Node> early(std::move(n)); // fine: not pinned yet
  n.start(); // expected-note 4 {{'n' is pinned here}}
  std::pair<Node, int> p(std::move(n), 1); // expected-warning {{'n' is moved by 'std::pair' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  std::tuple<Node> t(std::move(n));        // expected-warning {{'n' is moved by 'std::tuple' after it was pinned}}
  std::optional<Node> o(std::move(n));     // expected-warning {{'n' is moved by 'std::optional' after it was pinned}}
  auto mo = std::make_optional(std::move(n)); // expected-warning {{'n' is moved by 'std::make_optional' after it was pinned}}
}

void on_some_paths() {
  Node n;
  if (flag())
    n.start(); // expected-note {{'n' may be pinned here}}
  std::tuple<Node, int> t(n, 1); // expected-warning {{'n' is copied by 'std::tuple' after it was pinned on some paths}}
}

// ---- negatives ----

void unannotated() {
  Plain x;
  x.start();
  (void)&x;
  std::pair<Plain, int> p(x, 1);
  std::tuple<Plain> t(x);
  std::optional<Plain> o(x);
  auto mo = std::make_optional(x);
}

void address_aware() {
  Aware a;
  a.start();
  std::pair<Aware, int> p(a, 1);
  std::optional<Aware> o(a);
  std::optional<Aware> m(std::move(a));
}

void references_and_pointers() {
  Node n;
  n.start();
  std::tuple<Node &> t(n);           // refers to n
  std::pair<Node &, int> p(n, 1);    // refers to n
  std::pair<Node *, int> q(&n, 2);   // points to n
  std::tuple<Node &&> r(std::move(n)); // refers to n
  std::optional<Node> fresh(Node{}); // a new value
}

void other_branch() {
  Node n;
  if (flag()) {
    n.start();
    return;
  }
  std::optional<Node> o(n);
}

// The fix: build the holder before pinning, and pin the Node inside it.
void fixed() {
  Node n;
  std::optional<Node> o(n);
  o->start();
}
