// Checks every relocation check against the real libstdc++ headers (not the
// mock of test/Inputs/std), in C++17 and C++20: <utility>, <cstring>,
// <optional>, <array>, <tuple>, <memory>, <algorithm>, <bit>, <vector>.
// Positives: pin-move (std::move, std::forward, std::move_if_noexcept into a
// move constructor or assignment; moving a pinned std::optional, std::array,
// std::pair, std::tuple; the implicit move of `return`; a container insert
// of an xvalue), pin-copy (copy construction and assignment, pass by value,
// copying a std::optional, a structured binding by value), pin-swap
// (std::swap, the unqualified swap of `using std::swap;`, std::iter_swap,
// std::exchange, std::array::swap, and std::ranges::swap in C++20),
// pin-memcpy (std::memcpy and ::memcpy as source and destination, also behind
// a (void *) cast, std::memmove, std::memset, std::bit_cast in C++20,
// __builtin_bit_cast), and a part pinned through std::get.
// Negatives side by side: the same operations before the pin, on an
// unannotated type, on the owner of a pinned heap object (std::unique_ptr,
// std::vector moved or swapped), std::optional::emplace into a pinned
// optional, algorithms over unpinned elements, and nothing from inside the
// library's own templates.
//
// REQUIRES: libstdcxx
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify=expected,cxx20 %s

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>
#if __cplusplus >= 202002L
#include <bit>
#endif

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  int v = 0;
  void start() PIN_PINS_THIS;
};

struct Plain {
  int v = 0;
};

void take_by_value(Node);

// ----- pin-move -----

void moves() {
  Node n;
  n.start(); // expected-note 5 {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node a = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  Node b;
  b = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  Node c = std::forward<Node>(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  Node d = std::move_if_noexcept(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  std::vector<Node> vec;
  vec.push_back(std::move(n)); // expected-warning {{'n' is moved by 'std::vector::push_back' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void moves_of_holders() {
  std::optional<Node> o(std::in_place); // expected-note 2 {{'std::optional<Node>' is address-sensitive because it holds a 'Node' by value}}
  (*o).start(); // expected-note {{'o' is pinned here: pinning member function 'start' is called on '*o'}}
  std::optional<Node> o2 = std::move(o); // expected-warning {{'o' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}

  std::array<Node, 2> arr; // expected-note 2 {{'std::array<Node, 2>' is address-sensitive because it holds a 'Node' by value}}
  arr[1].start(); // expected-note {{'arr' is pinned here: pinning member function 'start' is called on 'arr[1]'}}
  std::array<Node, 2> arr2 = std::move(arr); // expected-warning {{'arr' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}

  std::pair<Node, int> pr; // expected-note {{'std::pair<Node, int>' is address-sensitive because it holds a 'Node' by value}}
  pr.first.start(); // expected-note {{'pr' is pinned here: pinning member function 'start' is called on 'pr.first'}}
  std::pair<Node, int> pr2 = std::move(pr); // expected-warning {{'pr' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}

  // The holder's note sits where std::tuple<int, Node> was first instantiated.
  std::tuple<int, Node> t; // expected-note 2 {{'std::tuple<int, Node>' is address-sensitive because it holds a 'Node' by value}}
  pin::mark_pinned(t); // expected-note {{'t' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  std::tuple<int, Node> t2 = std::move(t); // expected-warning {{'t' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}

  // Pinning a part reached through std::get pins the whole tuple.
  std::tuple<int, Node> t3;
  std::get<1>(t3).start(); // expected-note {{'t3' is pinned here: pinning member function 'start' is called on 'std::get<1>(t3)'}}
  std::tuple<int, Node> t4 = std::move(t3); // expected-warning {{'t3' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

Node implicit_move_on_return() {
  Node n;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  return n; // expected-warning {{'n' is moved by the implicit move in 'return' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// ----- pin-copy -----

void copies() {
  Node n;
  n.start(); // expected-note 3 {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node a = n; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  Node b;
  b = n; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  take_by_value(n); // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}

  std::optional<Node> o(std::in_place);
  pin::mark_pinned(o); // expected-note {{'o' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  std::optional<Node> o2 = o; // expected-warning {{'o' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}

  std::pair<Node, long> pr; // expected-note {{'std::pair<Node, long>' is address-sensitive because it holds a 'Node' by value}}
  pin::mark_pinned(pr); // expected-note {{'pr' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  auto [x, y] = pr; // expected-warning {{'pr' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  (void)x, (void)y;
}

// ----- pin-swap -----

void swaps() {
  Node n, m;
  n.start(); // expected-note 4 {{'n' is pinned here: pinning member function 'start' is called on it}} cxx20-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  std::swap(n, m); // expected-warning {{'n' is swapped by 'std::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  std::iter_swap(&m, &n); // expected-warning {{'n' is swapped by 'std::iter_swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  Node old = std::exchange(n, Node()); // expected-warning {{'n' is swapped by 'std::exchange' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  {
    using std::swap;
    swap(m, n); // expected-warning {{'n' is swapped by 'swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
  }
#if __cplusplus >= 202002L
  std::ranges::swap(n, m); // cxx20-warning {{'n' is swapped by 'std::ranges::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
#endif

  std::array<Node, 2> a, b;
  pin::mark_pinned(a); // expected-note {{'a' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  a.swap(b); // expected-warning {{'a' is swapped by 'std::array::swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
}

// ----- pin-memcpy -----

struct Bytes {
  unsigned char b[sizeof(Node)];
};

void raw_memory() {
  Node n, m;
  n.start(); // expected-note 6 {{'n' is pinned here: pinning member function 'start' is called on it}} cxx20-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  std::memcpy(&m, &n, sizeof n); // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  ::memcpy(static_cast<void *>(&m), static_cast<const void *>(&n), sizeof n); // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  std::memmove(&n, &m, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memmove' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  std::memset((void *)&n, 0, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memset' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  Bytes raw;
  std::memcpy(&n, &raw, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
#if __cplusplus >= 202002L
  Bytes bytes = std::bit_cast<Bytes>(n); // cxx20-warning {{'n' is copied as raw bytes by 'std::bit_cast' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  (void)bytes;
#endif
  Bytes bytes2 = __builtin_bit_cast(Bytes, n); // expected-warning {{'n' is copied as raw bytes by '__builtin_bit_cast' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  (void)bytes2;
}

// Every finding above is on a Node: one type note each. (A standard holder's
// note is where it was first instantiated, so the optional and array ones
// above count the findings of later functions too.)
// expected-note@#node 27 {{'Node' is address-sensitive because it is annotated address-sensitive}}
// cxx20-note@#node 2 {{'Node' is address-sensitive because it is annotated address-sensitive}}

// ----- negatives -----

void before_the_pin() {
  Node n, m;
  Node a = std::move(n);
  Node b = n;
  std::swap(n, m);
  std::memcpy(&m, &n, sizeof n);
#if __cplusplus >= 202002L
  std::ranges::swap(n, m);
  Bytes bytes = std::bit_cast<Bytes>(n);
  (void)bytes;
#endif
  n.start();
}

void unannotated_type() {
  Plain p, q;
  pin::mark_pinned(p);
  Plain a = std::move(p);
  Plain b = p;
  std::swap(p, q);
  std::memcpy(&q, &p, sizeof p);
  std::optional<Plain> o;
  pin::mark_pinned(o);
  std::optional<Plain> o2 = std::move(o);
}

void owners_of_pinned_heap_objects() {
  std::unique_ptr<Node> u = std::make_unique<Node>();
  u->start();
  pin::mark_pinned(u);
  std::unique_ptr<Node> u2 = std::move(u);
  std::swap(u, u2);

  std::vector<Node> v(2);
  v[0].start();
  pin::mark_pinned(v);
  std::vector<Node> v2 = std::move(v);
  std::vector<Node> v3;
  std::swap(v2, v3);
  v3.swap(v2);
}

void emplace_into_pinned_optional() {
  std::optional<Node> o;
  pin::mark_pinned(o);
  o.emplace();
  o.reset();
}

void algorithms_on_unpinned_elements() {
  std::vector<Node> v(3);
  std::sort(v.begin(), v.end(), [](const Node &a, const Node &b) { return a.v < b.v; });
  std::reverse(v.begin(), v.end());
  std::array<Node, 2> a;
  std::array<Node, 2> b = a;
  std::swap(a, b);
  Node x, y;
  std::swap(x, y);
  auto t = std::make_tuple(1, 2.0);
  auto t2 = std::move(t);
  (void)t2;
}
