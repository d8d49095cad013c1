// `delete p` runs the destructor: the object is gone, and the next object
// made in its storage starts unpinned (the pointer itself is not given a new
// object, so only the delete ends the pin).
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s

#include <new>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  void start() PIN_PINS_THIS;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

void constructed_over_while_pinned() {
  Node *p = new Node;
  p->start(); // expected-note {{'*p' is pinned here: pinning member function 'start' is called on it}}
  new (p) Node; // expected-warning {{a new object is constructed over '*p' by 'placement new' after it was pinned}}
}

void constructed_over_after_delete() {
  Node *p = new Node;
  p->start();
  delete p; // the pinned object is destroyed
  new (p) Node; // not reported: nothing pinned lives there
}
