// A function whose only address-sensitive places are global objects or
// static data members (no such local, parameter or *this) is still analysed:
// the prefilter keeps every function of a translation unit that declares
// one. A static data member counts from the start of its class, so a member
// function written above it is kept too. Registry must come before any
// address-sensitive global of this file.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s

#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  void start() PIN_PINS_THIS;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

void sink(Node);

struct Registry {
  static void use() {
    instance.start(); // expected-note {{'instance' is pinned here: pinning member function 'start' is called on it}}
    sink(std::move(instance)); // expected-warning {{'instance' is moved after it was pinned}}
  }
  static Node instance;
};

Node global;
void global_only() {
  global.start(); // expected-note {{'global' is pinned here: pinning member function 'start' is called on it}}
  sink(std::move(global)); // expected-warning {{'global' is moved after it was pinned}}
}

void global_before_pin() {
  sink(std::move(global));
  global.start();
}
