// Exceptions and handlers. `throw x` copies or moves x into the exception
// object (reported when x is pinned). `catch (T e)` copies the exception
// object into e; that object was made by the throw's copy or move and
// nothing the analysis sees pins it before the handler, so by-value
// handlers are never reported (docs/checks/pin-copy.md). A handler's
// reference (`catch (T &e)`) is not a place: pinning the exception object
// through it and then copying it is a known miss.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s

#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  void start() PIN_PINS_THIS;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

void may_throw();

void thrown_after_pin() {
  Node n;
  n.start(); // expected-note 2 {{'n' is pinned here: pinning member function 'start' is called on it}}
  try {
    if (n.self)
      throw n; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
    throw std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  } catch (Node e) { // by value: a copy of an unpinned exception object
    (void)e;
  }
}

// KNOWN MISS: the exception object, pinned through the handler's reference.
void handler_pins_then_copies() {
  try {
    may_throw();
  } catch (Node &e) {
    e.start();
    Node copy = e; // known miss: copied after it was pinned
  }
}

// Negatives.
void handler_copies_first() {
  try {
    may_throw();
  } catch (Node &e) {
    Node copy = e; // before the pin
    e.start();
  }
}

void thrown_before_pin() {
  Node n;
  try {
    throw n;
  } catch (const Node &) {
  }
  n.start();
}
