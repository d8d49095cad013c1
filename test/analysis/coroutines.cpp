// Coroutines: `co_return x` moves a local x into the promise (docs/model.md "What is reported on a pinned value",
// family "move"), whether return_value takes it by value (a move
// construction) or by rvalue reference; the message says "by the implicit
// move in 'co_return'". A pinned local of a coroutine is otherwise analysed
// like any other. Not reported: co_return before the pin, of an unannotated
// type, of a reference parameter (no implicit move), or of a fresh value.
//
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s

#include <coroutine>
#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  void start() PIN_PINS_THIS;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

struct Plain {
  int v = 0;
};

template <class T, bool ByValue> struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    void return_value(std::conditional_t<ByValue, T, T &&> v) { (void)v; }
  };
};

Task<Node, true> by_value() {
  Node n;
  n.start();   // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  co_return n; // expected-warning {{'n' is moved by the implicit move in 'co_return' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

Task<Node, false> by_rvalue_reference() {
  Node n;
  n.start();   // expected-note {{'n' is pinned here}}
  co_return n; // expected-warning {{'n' is moved by the implicit move in 'co_return' after it was pinned}}
}

Task<Node, true> before_the_pin(bool b) {
  Node n;
  if (b)
    co_return n;
  n.start();
  co_return Node{};
}

Task<Plain, true> unannotated() {
  Plain p;
  Plain *q = &p;
  (void)q;
  co_return p;
}
