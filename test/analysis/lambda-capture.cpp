// A lambda that escapes holds the addresses of what it captures by
// reference, so those are pinned (docs/model.md "When an instance is pinned"): stored in a std::function
// (constructed from it or assigned), passed to a by-value parameter of a
// user function, to a constructor of a user class, to std::thread, std::bind
// or std::async. Not pinned: a lambda called immediately, passed to an
// algorithm or to a reference parameter (borrowed for the call), kept in a
// local `auto` closure (until the closure itself escapes), or capturing by
// copy.
//
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s

#include <algorithm>
#include <functional>
#include <thread>
#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  int v = 0;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

std::function<void()> stored;
void on_event(std::function<void()> cb);
template <class F> void later(F f) { stored = f; }
template <class F> void now(F &&f) { f(); }

struct Button {
  template <class F> explicit Button(F f) : click(std::move(f)) {}
  std::function<void()> click;
};

void escaping() {
  Node a, b, c, d, e, g;
  on_event([&a] { a.v++; });                     // expected-note {{'a' is pinned here: it is captured by reference by a lambda that is stored in 'std::function'}}
  later([&] { b.v++; });                         // expected-note {{'b' is pinned here: it is captured by reference by a lambda that is passed to 'later'}}
  stored = [&c] { c.v++; };                      // expected-note {{'c' is pinned here: it is captured by reference by a lambda that is stored in 'std::function'}}
  std::function<void()> local = [&d] { d.v++; }; // expected-note {{'d' is pinned here: it is captured by reference by a lambda that is stored in 'std::function'}}
  Button button([&e] { e.v++; });                // expected-note {{'e' is pinned here: it is captured by reference by a lambda that is stored in 'Button'}}
  std::thread worker([&r = g] { r.v++; });       // expected-note {{'g' is pinned here: it is captured by reference by a lambda that is stored in 'std::thread'}}
  Node a2 = std::move(a); // expected-warning {{'a' is moved after it was pinned}}
  Node b2 = std::move(b); // expected-warning {{'b' is moved after it was pinned}}
  Node c2 = std::move(c); // expected-warning {{'c' is moved after it was pinned}}
  Node d2 = std::move(d); // expected-warning {{'d' is moved after it was pinned}}
  Node e2 = std::move(e); // expected-warning {{'e' is moved after it was pinned}}
  Node g2 = std::move(g); // expected-warning {{'g' is moved after it was pinned}}
  worker.join();
}

void not_escaping() {
  Node a, b, c, d, e;
  [&a] { a.v++; }();                                   // called immediately
  now([&b] { b.v++; });                                // borrowed by a reference parameter
  int arr[3] = {};
  std::for_each(arr, arr + 3, [&c](int) { c.v++; });   // an algorithm only calls it
  auto closure = [&d] { d.v++; };                      // a local closure
  closure();
  on_event([d = 1] { (void)d; });                      // captures nothing by reference
  on_event([e2 = e.v] { (void)e2; });                  // a copy of a member's value
  Node a2 = std::move(a);
  Node b2 = std::move(b);
  Node c2 = std::move(c);
  Node d2 = std::move(d);
  Node e3 = std::move(e);
}

// Before the lambda escapes, moving is fine.
void before_escape() {
  Node n;
  Node m = std::move(n);
  on_event([&n] { n.v++; });
}

// A closure variable that escapes later pins what it captures there, not at
// its definition.
void closure_escapes_later() {
  Node n;
  auto l = [&n] { n.v++; };
  Node before = std::move(n);           // the closure has not escaped yet
  std::function<void()> f = l;          // expected-note {{'n' is pinned here: it is captured by reference by a lambda that is stored in 'std::function'}}
  Node after = std::move(n);            // expected-warning {{'n' is moved after it was pinned}}
  Node m;
  auto k = [&m] { m.v++; };
  on_event(std::move(k));               // expected-note {{'m' is pinned here: it is captured by reference by a lambda that is stored in 'std::function'}}
  Node m2 = std::move(m);               // expected-warning {{'m' is moved after it was pinned}}
}

// A lambda returned with a by-reference capture of a parameter outlives the
// call: the caller's object is pinned there (through the summary).
auto watch(Node &n) { return [&n] { n.v++; }; }      // #watch
auto watch_copy(Node &n) { return [n] { (void)n.v; }; }

void returned_lambda() {
  Node n;
  auto w = watch(n); // expected-note {{'n' is pinned here: it is passed to 'watch', which pins it}}
  // expected-note@#watch {{'watch' pins its parameter 'n' here: it is captured by reference by a lambda that is returned}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned}}
  Node k;
  auto c = watch_copy(k); // a copy of it is captured
  Node k2 = std::move(k);
  (void)w, (void)c;
}
