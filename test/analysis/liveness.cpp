// The analysis forgets what it knows about a variable once nothing can name
// it any more (docs/analysis.md, "Cost"). These are the cases where a
// variable is named again only in ways the forgetting must not miss: through
// a reference or a pointer bound long before, a structured binding, around a
// loop's back edge or a goto, after many unrelated statements; and the
// negatives that show the state is still exact (a redeclared loop variable
// starts unpinned, a pointer moved on to another object stops keeping the
// first).
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s

#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  int v = 0;
  void start() PIN_PINS_THIS;
};
struct Two {
  Node a, b;
};
void use(int);
// Every finding below has the type note.
// expected-note@#node 7 {{'Node' is address-sensitive because it is annotated address-sensitive}}

void through_pointer_only(int c) {
  Node n;
  Node *p = &n; // expected-note {{'n' is pinned here: its address is taken}} expected-note {{'p' points to 'n'}}
  for (int i = 0; i < c; ++i)
    use(i);
  use(c);
  Node m = std::move(*p); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void through_reference(int c) {
  Node n;
  Node &r = n; // expected-note {{'r' refers to 'n'}}
  r.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  for (int i = 0; i < c; ++i)
    use(i);
  Node m = std::move(r); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void through_binding(Two t, int c) {
  auto &[x, y] = t; // expected-note {{'x' refers to a part of 't'}}
  x.start(); // expected-note {{'t' is pinned here: pinning member function 'start' is called on 'x'}}
  use(c);
  Node m = std::move(x); // expected-warning {{'x' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void around_the_back_edge(int c) {
  Node n;
  for (int i = 0; i < c; ++i) {
    Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
    n.start(); // expected-note {{'n' may be pinned here: pinning member function 'start' is called on it}}
    use(i);
  }
}

void around_a_goto(int c) {
  Node n;
again:
  if (c > 3) {
    Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
    return;
  }
  n.start(); // expected-note {{'n' may be pinned here: pinning member function 'start' is called on it}}
  ++c;
  goto again;
}

void many_statements_later(int c) {
  Node n;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node a, b, d, e;
  if (c) use(1); else use(2);
  if (c > 1) use(3); else use(4);
  while (c-- > 0) use(c);
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void pointer_moved_on(int c) {
  Node x, y;
  Node *p = &x;
  p = &y; // pins y as well
  use(c);
  Node m = std::move(x); // expected-warning {{'x' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@-4 {{'x' is pinned here: its address is taken}}
}

void fresh_each_iteration(int c) {
  for (int i = 0; i < c; ++i) {
    Node n;
    Node m = std::move(n); // a new 'n' each time: not pinned yet
    n.start();
  }
}
