// Library calls that relocate a pinned value although the relocation happens
// inside the library (docs/model.md "What is reported on a pinned value"): decay-copying factories and
// constructors (std::make_tuple, make_pair, make_unique, bind, std::thread,
// std::function), container insertion of an lvalue (push_back, emplace_back,
// insert), and the algorithms on ranges whose elements pincheck can see
// (built-in arrays, std::array): the permuting ones (reported by pin-swap),
// std::move / move_backward (pin-move), std::copy &
// co. and the value of std::fill (pin-copy). Each is reported at the call,
// once, and named by the function. Not reported: the same calls before the
// pin, on types that are not address-sensitive, with an rvalue the callee
// owns, with std::ref, and the output range of a copy (assigning into a
// pinned object is not a relocation of it).
//
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s
// RUN: %pincc_real -fsyntax-only -std=c++23 -Xclang -verify %s

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <memory>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  int v = 0;
  void start() PIN_PINS_THIS;
  void operator()() const {}
  bool operator<(const Node &o) const { return v < o.v; }
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

struct Plain {
  int v = 0;
  void operator()() const {}
  bool operator<(const Plain &o) const { return v < o.v; }
};

void copying_calls(std::vector<Node> &v) {
  Node n;
  n.start(); // expected-note 8 {{'n' is pinned here: pinning member function 'start' is called on it}}
  v.push_back(n);                    // expected-warning {{'n' is copied by 'std::vector::push_back' after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  v.emplace_back(n);                 // expected-warning {{'n' is copied by 'std::vector::emplace_back' after it was pinned}}
  v.insert(v.end(), n);              // expected-warning {{'n' is copied by 'std::vector::insert' after it was pinned}}
  auto t = std::make_tuple(n);       // expected-warning {{'n' is copied by 'std::make_tuple' after it was pinned}}
  auto p = std::make_pair(n, 1);     // expected-warning {{'n' is copied by 'std::make_pair' after it was pinned}}
  auto u = std::make_unique<Node>(n); // expected-warning {{'n' is copied by 'std::make_unique' after it was pinned}}
  std::thread th(n);                 // expected-warning {{'n' is copied by 'std::thread' after it was pinned}}
  std::function<void()> fn(n);       // expected-warning {{'n' is copied by 'std::function' after it was pinned}}
  th.join();
}

void copying_calls_negatives(std::vector<Node> &v, std::vector<Plain> &pv) {
  Node n;
  v.push_back(n); // before the pin
  n.start();
  v.push_back(Node{});          // a new value, not n
  std::thread th(std::ref(n));  // a reference, not a copy
  auto tied = std::tie(n);
  auto fwd = std::forward_as_tuple(n);
  std::vector<Node *> ptrs;
  ptrs.push_back(&n);
  Plain q;
  Plain *qp = &q;
  pv.push_back(q);
  th.join();
  (void)qp;
}

// An rvalue the callee takes over is a move (pin-move), once, named by the
// callee as the copy of an lvalue is.
void moving_into_a_container(std::vector<Node> &v) {
  Node n;
  v.push_back(std::move(n)); // before the pin
  n.start();                 // expected-note 6 {{'n' is pinned here}}
  v.push_back(std::move(n)); // expected-warning {{'n' is moved by 'std::vector::push_back' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  v.emplace_back(std::move(n));          // expected-warning {{'n' is moved by 'std::vector::emplace_back' after it was pinned}}
  v.insert(v.end(), std::move(n));       // expected-warning {{'n' is moved by 'std::vector::insert' after it was pinned}}
  auto u = std::make_unique<Node>(std::move(n)); // expected-warning {{'n' is moved by 'std::make_unique' after it was pinned}}
  auto t = std::make_tuple(std::move(n));        // expected-warning {{'n' is moved by 'std::make_tuple' after it was pinned}}
  std::thread th(std::move(n));          // expected-warning {{'n' is moved by 'std::thread' after it was pinned}}
  th.join();
}

void moving_into_a_container_negatives(std::vector<Plain> &pv) {
  Plain q;
  Plain *qp = &q;
  pv.push_back(std::move(q)); // Plain is not address-sensitive
  (void)qp;
}

void algorithms() {
  Node arr[3];
  arr[0].start(); // expected-note 6 {{'arr' is pinned here: pinning member function 'start' is called on 'arr[0]'}}
  std::sort(arr, arr + 3);                      // expected-warning {{an element of 'arr' is swapped by 'std::sort' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  std::reverse(std::begin(arr), std::end(arr)); // expected-warning {{an element of 'arr' is swapped by 'std::reverse' after it was pinned}}
  std::rotate(arr, arr + 1, arr + 3);           // expected-warning {{an element of 'arr' is swapped by 'std::rotate' after it was pinned}}
  Node out[3];
  std::copy(arr, arr + 3, out);                 // expected-warning {{an element of 'arr' is copied by 'std::copy' after it was pinned}}
  std::move(arr, arr + 3, out);                 // expected-warning {{an element of 'arr' is moved by 'std::move' after it was pinned}}
  std::fill(out, out + 3, arr[1]);              // expected-warning {{'arr[1]' is copied by 'std::fill' after it was pinned}}
}

void std_array_and_ranges() {
  std::array<Node, 3> a;
  a[0].start(); // expected-note 3 {{'a' is pinned here}}
  std::sort(a.begin(), a.end());   // expected-warning {{an element of 'a' is swapped by 'std::sort' after it was pinned}}
  std::ranges::reverse(a);         // expected-warning {{an element of 'a' is swapped by 'std::ranges::reverse' after it was pinned}}
  Node out[3];
  std::ranges::copy(a, out);       // expected-warning {{an element of 'a' is copied by 'std::ranges::copy' after it was pinned}}
}

void algorithms_negatives() {
  Node arr[3];
  std::sort(arr, arr + 3); // before the pin
  arr[0].start();
  Node src[3];
  std::copy(src, src + 3, arr); // into the pinned array: assignment, not relocation
  Plain p[3];
  Plain *pp = &p[0];
  std::sort(p, p + 3);
  std::ranges::reverse(p);
  (void)pp;
}
