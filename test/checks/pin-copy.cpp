// Checks pin-copy: a copy of a value after it was pinned is reported: copy
// construction, copy assignment (the source only: assigning INTO a pinned value
// is not reported), passing by value, by-copy lambda capture ([n] and [=]), a
// structured binding by value, aggregate initialisation, an initializer_list,
// a range-for by value; through a reference or pointer alias; for types that
// are address-sensitive only by containment (a member, a base,
// std::optional<Node>, std::array<Node, 2>, a pin::phantom_pinned member), with
// the type-chain notes checked exactly (docs/diagnostics.md).
// Side by side, what must not be reported (docs/model.md "Address-sensitive types", "What is not reported"): the same copy
// before the pin; types that hold a Node only through a pointer,
// std::unique_ptr, std::shared_ptr or std::vector; an unannotated type; a
// PIN_UNPIN type; PIN_ADDRESS_AWARE copy members; by-reference captures and
// bindings; the branch that did not pin; a loop-local variable (a new object
// each iteration). A pin on some paths only gives the "on some paths" and
// "may be pinned" wording.
//
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// C++23 adds auto(x) and auto{x} (section at the end):
// RUN: %pincc -fsyntax-only -std=c++23 -Xclang -verify %s
// The same against the real libstdc++, which also covers what the mock cannot
// compile (PINCHECK_REAL_STD below):
// RUN: %if libstdcxx %{ %pincc_real -fsyntax-only -std=c++20 -Xclang -verify -DPINCHECK_REAL_STD %s %}

#include <array>
#include <initializer_list>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node_decl
  Node *self = nullptr;
  int field = 0;
  void start() PIN_PINS_THIS;
};
// Every warning that involves a Node ends with this note; the chains above it
// (containment, phantom_pinned) are checked exactly.
// expected-note@#node_decl 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

// Same shape as Node, not annotated: an ordinary (Unpin) type.
struct Plain {
  Plain *self = nullptr;
  void start();
};

// Opted out: never address-sensitive, whatever it contains.
struct PIN_UNPIN Unpinned {
  Node n;
};

// Address-sensitive, but its copies fix the addresses up (cooperative).
struct PIN_ADDRESS_SENSITIVE Aware {
  Aware *self = nullptr;
  Aware() = default;
  Aware(const Aware &) PIN_ADDRESS_AWARE;
  Aware &operator=(const Aware &) PIN_ADDRESS_AWARE;
  void start() PIN_PINS_THIS;
};

void take(Node n);
void take_aware(Aware a);
void reg(Node &n PIN_PINS);

// ---------------------------------------------------------------------------
// Every kind of copy, before the pin (fine) and after it (reported).

void copy_construction() {
  Node n;
  Node early = n; // fine: not pinned yet
  n.start(); // #pin_ctor
  Node late = n; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_ctor {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node direct(n); // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_ctor {{'n' is pinned here: pinning member function 'start' is called on it}}
}

void copy_assignment() {
  Node n, m;
  m = n; // fine: not pinned yet
  (void)&n; // #pin_assign
  m = n; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_assign {{'n' is pinned here: its address is taken}}
}

// Assigning INTO a pinned value is not reported; only a pinned source is.
void copy_assignment_into_pinned() {
  Node n, src;
  n.start();
  n = src; // fine: the source is not pinned, the destination does not move
  src.start(); // #pin_assign_src
  n = src; // expected-warning {{'src' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_assign_src {{'src' is pinned here: pinning member function 'start' is called on it}}
}

void copy_pass_by_value() {
  Node n;
  take(n); // fine: not pinned yet
  reg(n); // #pin_byval
  take(n); // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_byval {{'n' is pinned here: it is passed to pinning parameter 'n' of 'reg'}}
}

void copy_lambda_capture() {
  Node n;
  auto early = [n] { (void)n.field; }; // fine: not pinned yet
  pin::mark_pinned(n); // #pin_capture
  auto late = [n] { (void)n.field; }; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_capture {{'n' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  auto implicit = [=] { (void)n.field; }; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_capture {{'n' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
  auto by_ref = [&n] { (void)n.field; }; // fine: captured by reference
  auto by_ref_default = [&] { (void)n.field; }; // fine
}

struct NodePair {
  Node first; // #nodepair_first
  Node second;
};
struct IntPair {
  int first;
  int second;
};

void copy_structured_binding() {
  NodePair p;
  auto [e1, e2] = p; // fine: not pinned yet
  p.first.start(); // #pin_sb
  auto [a, b] = p; // expected-warning {{'p' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_sb {{'p' is pinned here: pinning member function 'start' is called on 'p.first'}}
  // expected-note@#nodepair_first {{'NodePair' is address-sensitive because member 'first' has type 'Node'}}
  auto &[ra, rb] = p; // fine: binds by reference
#ifdef PINCHECK_REAL_STD
  // The mock's tuple_size<const T> is not SFINAE-friendly: with it, a const
  // NodePair looks tuple-like and this does not compile.
  const auto &[ca, cb] = p; // fine
#endif

  IntPair ip{1, 2};
  (void)&ip;
  auto [i1, i2] = ip; // fine: IntPair is not address-sensitive
}

// ---------------------------------------------------------------------------
// Aliases.

void copy_through_reference() {
  Node n;
  n.start(); // #pin_aliasref
  Node &r = n; // #alias_r
  Node m = r; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_aliasref {{'n' is pinned here: pinning member function 'start' is called on it}}
  // expected-note@#alias_r {{'r' refers to 'n'}}
}

void copy_through_pointer() {
  Node n;
  Node *p = &n; // #alias_p
  take(*p); // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#alias_p {{'n' is pinned here: its address is taken}}
  // expected-note@#alias_p {{'p' points to 'n'}}
}

// ---------------------------------------------------------------------------
// Address-sensitive only by containment: the chain of notes, exactly.

struct Outer {
  int tag = 0;
  Node n; // #outer_n
};

void contained_member() {
  Outer o;
  Outer early = o; // fine: not pinned yet
  (void)&o.tag; // #pin_outer
  Outer late = o; // expected-warning {{'o' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_outer {{'o' is pinned here: the address of 'o.tag' is taken}}
  // expected-note@#outer_n {{'Outer' is address-sensitive because member 'n' has type 'Node'}}
  // The part alone is a Node.
  Node part = o.n; // expected-warning {{'o.n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_outer {{'o' is pinned here: the address of 'o.tag' is taken}}
}

struct Derived : Node { // #derived_decl
  int extra = 0;
};

void contained_base() {
  Derived d;
  Derived early = d; // fine: not pinned yet
  d.start(); // #pin_derived
  Derived late = d; // expected-warning {{'d' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_derived {{'d' is pinned here: pinning member function 'start' is called on it}}
  // expected-note@#derived_decl {{'Derived' is address-sensitive because it has base class 'Node'}}
}

void contained_optional() {
  std::optional<Node> o; // #optional_inst
  std::optional<Node> early = o; // fine: not pinned yet
  (void)&o; // #pin_optional
  std::optional<Node> late = o; // expected-warning {{'o' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_optional {{'o' is pinned here: its address is taken}}
  // expected-note@#optional_inst {{'std::optional<Node>' is address-sensitive because it holds a 'Node' by value}}
}

void contained_array() {
  std::array<Node, 2> a; // #array_inst
  std::array<Node, 2> early = a; // fine: not pinned yet
  (void)&a; // #pin_array
  std::array<Node, 2> late = a; // expected-warning {{'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_array {{'a' is pinned here: its address is taken}}
  // expected-note@#array_inst {{'std::array<Node, 2>' is address-sensitive because it holds a 'Node' by value}}
  late = a; // expected-warning {{'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_array {{'a' is pinned here: its address is taken}}
  // expected-note@#array_inst {{'std::array<Node, 2>' is address-sensitive because it holds a 'Node' by value}}
}

// Directly address-sensitive through the marker type, no Node involved.
struct Phantom {
  int value = 0;
  [[no_unique_address]] pin::phantom_pinned pin_; // #phantom_pin
};

void contained_phantom() {
  Phantom p;
  Phantom early = p; // fine: not pinned yet
  (void)&p.value; // #pin_phantom
  Phantom late = p; // expected-warning {{'p' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_phantom {{'p' is pinned here: the address of 'p.value' is taken}}
  // expected-note@#phantom_pin {{'Phantom' is address-sensitive because member 'pin_' has marker type 'pin::phantom_pinned'}}
  early = p; // expected-warning {{'p' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_phantom {{'p' is pinned here: the address of 'p.value' is taken}}
  // expected-note@#phantom_pin {{'Phantom' is address-sensitive because member 'pin_' has marker type 'pin::phantom_pinned'}}
}

// ---------------------------------------------------------------------------
// Not contained by value: owners of a Node elsewhere are not address-sensitive
// (Box<T>: Unpin), so copying them pinned is fine.

struct ByPointer {
  Node *p = nullptr;
};
struct ByUnique {
  std::unique_ptr<Node> p;
  ByUnique() = default;
  ByUnique(const ByUnique &);            // deep copy, not address-aware
  ByUnique &operator=(const ByUnique &); // deep copy, not address-aware
};
struct ByShared {
  std::shared_ptr<Node> p;
};
struct ByVector {
  std::vector<Node> v;
};

void not_contained() {
  Node n;
  n.start();

  ByPointer bp{&n};
  (void)&bp;
  ByPointer bp2 = bp; // fine
  bp2 = bp;           // fine
  Node *raw = &n;
  Node *raw2 = raw; // fine: copies the pointer, not the Node

  ByUnique bu;
  (void)&bu;
  ByUnique bu2 = bu; // fine
  bu2 = bu;          // fine

  ByShared bs{std::shared_ptr<Node>(new Node)};
  bs.p->start();
  (void)&bs;
  ByShared bs2 = bs; // fine
  std::shared_ptr<Node> sp = bs.p; // fine

  ByVector bv;
  (void)&bv;
  ByVector bv2 = bv; // fine
  std::vector<Node> v;
  (void)&v;
  std::vector<Node> v2 = v; // fine
  v2 = v;                   // fine
}

// ---------------------------------------------------------------------------
// Type-level negatives: the same pins and copies on a type that is not
// address-sensitive, or whose copy members are address-aware.

void negative_unannotated() {
  Plain p;
  p.start();
  (void)&p;
  Plain m = p; // fine: Plain is Unpin
  m = p;       // fine
  auto l = [p] { (void)p.self; }; // fine
}

void negative_unpin() {
  Unpinned u;
  (void)&u;
  (void)&u.n;
  Unpinned m = u; // fine: PIN_UNPIN wins over the Node member
  m = u;          // fine
}

void negative_address_aware() {
  Aware a;
  a.start();
  Aware m = a;   // fine: the copy constructor is address-aware
  m = a;         // fine: so is the copy assignment
  take_aware(a); // fine
  auto l = [a] { (void)a.self; }; // fine
}

// ---------------------------------------------------------------------------
// Paths.

// The copy is in the branch that did not pin.
void branch_other(bool c) {
  Node n;
  if (c)
    (void)&n;
  else
    take(n); // fine: this path never pinned n
}

// After the if, n is pinned on one path only.
void branch_join(bool c) {
  Node n;
  if (c)
    (void)&n; // #pin_branch
  take(n); // expected-warning {{'n' is copied after it was pinned on some paths; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_branch {{'n' may be pinned here: its address is taken}}
}

// Pinned inside the loop (which may run zero times), copied after it.
void loop_then_copy(int k) {
  Node n;
  for (int i = 0; i < k; ++i)
    reg(n); // #pin_loop
  Node m = n; // expected-warning {{'n' is copied after it was pinned on some paths; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_loop {{'n' may be pinned here: it is passed to pinning parameter 'n' of 'reg'}}
}

// Declared outside the loop: the pin at the end of one iteration reaches the
// copy at the start of the next.
void loop_carried(int k) {
  Node n;
  for (int i = 0; i < k; ++i) {
    take(n); // expected-warning {{'n' is copied after it was pinned on some paths; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
    n.start(); // #pin_carried
    // expected-note@#pin_carried {{'n' may be pinned here: pinning member function 'start' is called on it}}
  }
}

// Declared inside the loop body: each iteration has a new, unpinned object.
void loop_fresh_object(int k) {
  for (int i = 0; i < k; ++i) {
    Node n;
    take(n);    // fine
    Node m = n; // fine
    (void)&n;
  }
}

// ---------------------------------------------------------------------------
// Other copies listed in docs/model.md "What is reported on a pinned value".

struct Holder {
  int k;
  Node n;
};

void copy_aggregate_init() {
  Node n;
  n.start(); // #pin_aggr
  Holder h{1, n}; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_aggr {{'n' is pinned here: pinning member function 'start' is called on it}}
}

void copy_initializer_list() {
  Node n;
  n.start(); // #pin_il
  std::initializer_list<Node> il = {n}; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_il {{'n' is pinned here: pinning member function 'start' is called on it}}
  (void)il;
}

// The element copied is not written in the source: the name may be 'arr' or
// an element of it.
void copy_range_for() {
  Node arr[2];
  for (Node e : arr) // fine: not pinned yet
    (void)e;
  (void)&arr; // #pin_rangefor
  for (Node e : arr) // expected-warning-re {{'arr{{.*}}' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
    (void)e;
  // expected-note@#pin_rangefor {{'arr' is pinned here: its address is taken}}
  for (const Node &e : arr) // fine: by reference
    (void)e;
}

#if __cplusplus >= 202002L
// C++20: parenthesised and designated aggregate initialisation.
void copy_aggregate_init_cxx20() {
  Node n;
  n.start(); // #pin_aggr20
  Holder h1(1, n); // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_aggr20 {{'n' is pinned here: pinning member function 'start' is called on it}}
  Holder h2{.k = 2, .n = n}; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_aggr20 {{'n' is pinned here: pinning member function 'start' is called on it}}
}
#endif

// Range-for by value: each element is copied into the loop variable, named
// as an element of the range (a built-in array or a std::array).
void copy_range_for_exact() {
  std::array<Node, 2> a; // #rangefor_array
  Node arr[2];
  for (Node e : a) // fine: not pinned yet
    (void)e;
  a[0].start(); // #pin_rangefor_a
  arr[1].start(); // #pin_rangefor_arr
  for (Node e : a) // expected-warning {{an element of 'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
    (void)e;
  // expected-note@#pin_rangefor_a {{'a' is pinned here: pinning member function 'start' is called on 'a[0]'}}
  for (auto e : arr) // expected-warning {{an element of 'arr' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
    (void)e;
  // expected-note@#pin_rangefor_arr {{'arr' is pinned here: pinning member function 'start' is called on 'arr[1]'}}
  for (Node &e : a) // fine: by reference
    (void)e;
  for (auto &&e : arr) // fine: by reference
    (void)e;
  Plain plain[2];
  plain[0].start();
  (void)&plain[0];
  for (Plain e : plain) // fine: Plain is not address-sensitive
    (void)e;
}

#if __cplusplus > 202002L
// C++23: auto(x) and auto{x} make a prvalue copy of x.
void copy_auto_cast() {
  Node n;
  take(auto(n)); // fine: not pinned yet
  n.start(); // #pin_auto
  take(auto(n)); // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_auto {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node m = auto{n}; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#pin_auto {{'n' is pinned here: pinning member function 'start' is called on it}}
  Plain p;
  p.start();
  (void)&p;
  Plain q = auto(p); // fine: Plain is not address-sensitive
  Aware a;
  a.start();
  take_aware(auto(a)); // fine: the copy constructor is address-aware
}
#endif
