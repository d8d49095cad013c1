// Checks pin-move: a move of a value after it was pinned is reported, whatever
// spells the move (std::move, std::forward, std::forward_like, static_cast<T&&>,
// std::move_if_noexcept consumed by a move constructor, a move assignment, a
// by-value or T&& parameter, aggregate initialisation, a structured binding;
// the implicit move of 'return x' and 'throw x'; a lambda init-capture),
// through a reference or pointer alias, and on a subobject. Every pin cause
// (&x, &x.f, &x.a[i], std::addressof, __builtin_addressof, a PIN_PINS reference
// or pointer parameter, a PIN_PINS constructor parameter, a PIN_PINS_THIS
// member function, pin::mark_pinned) shows in the pin note with its exact
// wording (docs/diagnostics.md).
// Side by side, what must not be reported (docs/model.md "What is not reported"): the same move
// before the pin, on an unannotated type, on a PIN_UNPIN type, through a
// PIN_ADDRESS_AWARE move constructor or assignment, in the branch that did not
// pin, of a loop-local variable (a new object each iteration), of the owner of
// a pinned heap object, and an xvalue that nothing consumes. A pin on some
// paths only (one branch, an earlier loop iteration) gives the "on some paths"
// and "may be pinned" wording.
//
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s

#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node_decl
  Node *self = nullptr;
  int field = 0;
  int slots[2] = {};
  void start() PIN_PINS_THIS;
};
// Every warning on a Node (or a part that is a Node) ends with this note; the
// Link section below checks the type notes exactly.
// expected-note@#node_decl 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

// Address-sensitive only by containment.
struct Outer {
  int tag = 0;
  Node n; // #outer_n
};

// Same shape as Node, not annotated: an ordinary (Unpin) type.
struct Plain {
  Plain *self = nullptr;
  void start();
};

// Opted out: never address-sensitive, whatever it contains.
struct PIN_UNPIN Unpinned {
  Node n;
};

// Address-sensitive, but its moves fix the addresses up (cooperative).
struct PIN_ADDRESS_SENSITIVE Aware {
  Aware *self = nullptr;
  Aware() = default;
  Aware(Aware &&) noexcept PIN_ADDRESS_AWARE;
  Aware &operator=(Aware &&) noexcept PIN_ADDRESS_AWARE;
  void start() PIN_PINS_THIS;
};

void reg(Node &n PIN_PINS);
void reg_ptr(Node *n PIN_PINS);
void reg_unnamed(Node & PIN_PINS);
struct Registrar {
  explicit Registrar(Node &n PIN_PINS);
};
void take(Node n);
void sink(Node &&n);

// ---------------------------------------------------------------------------
// Every pin cause, each followed by the same move construction.

void cause_address_of() {
  Node n;
  (void)&n; // #pin_addr
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_addr {{'n' is pinned here: its address is taken}}
}

void cause_member_address() {
  Node n;
  int *f = &n.field; // #pin_field
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_field {{'n' is pinned here: the address of 'n.field' is taken}}
  (void)f;
}

void cause_element_address() {
  Node n;
  int *s = &n.slots[1]; // #pin_elem
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_elem {{'n' is pinned here: the address of 'n.slots[1]' is taken}}
  (void)s;
}

void cause_std_addressof() {
  Node n;
  Node *p = std::addressof(n); // #pin_stdaddr
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_stdaddr {{'n' is pinned here: its address is taken by 'std::addressof'}}
  (void)p;
}

void cause_builtin_addressof() {
  Node n;
  Node *p = __builtin_addressof(n); // #pin_bltaddr
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_bltaddr {{'n' is pinned here: its address is taken by '__builtin_addressof'}}
  (void)p;
}

void cause_pins_ref_param() {
  Node n;
  reg(n); // #pin_ref
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_ref {{'n' is pinned here: it is passed to pinning parameter 'n' of 'reg'}}
}

void cause_pins_ptr_param() {
  Node n;
  reg_ptr(&n); // #pin_ptr
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_ptr {{'n' is pinned here: it is passed to pinning parameter 'n' of 'reg_ptr'}}
}

void cause_pins_unnamed_param() {
  Node n;
  reg_unnamed(n); // #pin_unnamed
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_unnamed {{'n' is pinned here: it is passed to a pinning parameter of 'reg_unnamed'}}
}

void cause_pins_ctor_param() {
  Node n;
  Registrar r(n); // #pin_ctor
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_ctor {{'n' is pinned here: it is passed to pinning parameter 'n' of 'Registrar'}}
}

void cause_pins_this() {
  Node n;
  n.start(); // #pin_this
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_this {{'n' is pinned here: pinning member function 'start' is called on it}}
}

void cause_mark_pinned() {
  Node n;
  pin::mark_pinned(n); // #pin_mark
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_mark {{'n' is pinned here: it is marked pinned by 'pin::mark_pinned'}}
}

// Two pins reach the move: the note names the first in source order.
void cause_first_of_two() {
  Node n;
  (void)&n; // #pin_first
  n.start();
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_first {{'n' is pinned here: its address is taken}}
}

// ---------------------------------------------------------------------------
// Every spelling of a move, after a pin. The negative right after each
// positive does the same before the pin.

void move_std_move() {
  Node n;
  Node early = std::move(n); // fine: not pinned yet
  n.start(); // #pin_mv
  Node late = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_mv {{'n' is pinned here: pinning member function 'start' is called on it}}
}

void move_forward() {
  Node n;
  Node early = std::forward<Node>(n); // fine: not pinned yet
  n.start(); // #pin_fwd
  Node late = std::forward<Node>(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_fwd {{'n' is pinned here: pinning member function 'start' is called on it}}
}

void move_forward_like() {
  Node n;
  Node early = std::forward_like<Node>(n); // fine: not pinned yet
  n.start(); // #pin_fwdlike
  Node late = std::forward_like<Node>(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_fwdlike {{'n' is pinned here: pinning member function 'start' is called on it}}
}

void move_static_cast() {
  Node n;
  Node early = static_cast<Node &&>(n); // fine: not pinned yet
  n.start(); // #pin_cast
  Node late = static_cast<Node &&>(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_cast {{'n' is pinned here: pinning member function 'start' is called on it}}
}

// Node's implicit move constructor is noexcept: move_if_noexcept moves.
void move_if_noexcept_ctor() {
  Node n;
  Node early = std::move_if_noexcept(n); // fine: not pinned yet
  n.start(); // #pin_mine
  Node late = std::move_if_noexcept(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_mine {{'n' is pinned here: pinning member function 'start' is called on it}}
}

void move_assignment() {
  Node n, m;
  m = std::move(n); // fine: not pinned yet
  n.start(); // #pin_assign
  m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_assign {{'n' is pinned here: pinning member function 'start' is called on it}}
}

// Moving INTO a pinned value is not a move of it; only the source is reported.
void move_assignment_into_pinned() {
  Node n, src;
  n.start();
  n = std::move(src); // fine: src is not pinned
  src.start(); // #pin_src
  n = std::move(src); // expected-warning {{'src' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_src {{'src' is pinned here: pinning member function 'start' is called on it}}
}

Node move_return() {
  Node n;
  n.start(); // #pin_ret
  return n; // expected-warning {{'n' is moved by the implicit move in 'return' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_ret {{'n' is pinned here: pinning member function 'start' is called on it}}
}

Node move_return_unpinned() {
  Node n;
  return n; // fine: never pinned
}

// A parameter is a place like a local: its implicit move is reported too.
Node move_return_param(Node p) {
  (void)&p; // #pin_retparam
  return p; // expected-warning {{'p' is moved by the implicit move in 'return' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_retparam {{'p' is pinned here: its address is taken}}
}

void move_throw() {
  Node n;
  (void)&n; // #pin_throw
  throw n; // expected-warning {{'n' is moved by the implicit move in 'throw' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_throw {{'n' is pinned here: its address is taken}}
}

void move_throw_unpinned() {
  Node n;
  throw n; // fine: never pinned
}

void move_init_capture() {
  Node n;
  auto early = [y = std::move(n)] { (void)y.field; }; // fine: not pinned yet
  n.start(); // #pin_lambda
  auto late = [y = std::move(n)] { (void)y.field; }; // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_lambda {{'n' is pinned here: pinning member function 'start' is called on it}}
}

void move_to_by_value_param() {
  Node n;
  take(std::move(n)); // fine: not pinned yet
  n.start(); // #pin_byval
  take(std::move(n)); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_byval {{'n' is pinned here: pinning member function 'start' is called on it}}
}

// docs/model.md "What is reported on a pinned value": a T&& parameter consumes the xvalue.
void move_to_rvalue_ref_param() {
  Node n;
  sink(std::move(n)); // fine: not pinned yet
  n.start(); // #pin_rref
  sink(std::move(n)); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_rref {{'n' is pinned here: pinning member function 'start' is called on it}}
}

// A library sink is named, as the copy of an lvalue is (a user sink above is
// not).
void move_into_library_sinks(std::vector<Node> &v) {
  Node n;
  v.push_back(std::move(n)); // fine: not pinned yet
  n.start(); // #pin_libsink
  v.push_back(std::move(n)); // expected-warning {{'n' is moved by 'std::vector::push_back' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_libsink {{'n' is pinned here: pinning member function 'start' is called on it}}
  auto u = std::make_unique<Node>(std::move(n)); // expected-warning {{'n' is moved by 'std::make_unique' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_libsink {{'n' is pinned here: pinning member function 'start' is called on it}}
}

// std::get<I>(std::move(t)) only names a part of t: the move is its consumer.
void move_through_get() {
  std::tuple<Node, int> t;
  t = std::tuple<Node, int>(); // fine: not pinned yet
  std::get<0>(t).start(); // #pin_get
  Node &&r = std::get<0>(std::move(t)); // fine: a reference binding, not a move
  Node m = std::get<0>(std::move(t)); // expected-warning {{'std::get<0>(std::move(t))' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_get {{'t' is pinned here: pinning member function 'start' is called on 'std::get<0>(t)'}}
  (void)r;
}

// An xvalue that nothing consumes moves nothing.
void move_not_consumed() {
  Node n;
  n.start();
  Node &&rr = std::move(n); // fine: a reference binding, not a move
  const Node &cr = std::move(n); // fine
  (void)rr;
  (void)cr;
}

// docs/model.md "What is reported on a pinned value": aggregate initialisation from an xvalue.
struct Holder {
  int k;
  Node n;
};

void move_aggregate_init() {
  Node n;
  n.start(); // #pin_aggr
  Holder h{1, std::move(n)}; // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_aggr {{'n' is pinned here: pinning member function 'start' is called on it}}
}

// Structured binding from an xvalue moves the whole object.
struct NodePair {
  Node first; // #nodepair_first
  Node second;
};

void move_structured_binding() {
  NodePair p;
  p.first.start(); // #pin_sb
  auto [a, b] = std::move(p); // expected-warning {{'p' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_sb {{'p' is pinned here: pinning member function 'start' is called on 'p.first'}}
  // expected-note@#nodepair_first {{'NodePair' is address-sensitive because member 'first' has type 'Node'}}
}

#if __cplusplus >= 202002L
// C++20: parenthesised and designated aggregate initialisation.
void move_aggregate_init_cxx20() {
  Node n;
  n.start(); // #pin_paren
  Holder h1(1, std::move(n)); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_paren {{'n' is pinned here: pinning member function 'start' is called on it}}
  Holder h2{.k = 2, .n = std::move(n)}; // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_paren {{'n' is pinned here: pinning member function 'start' is called on it}}
}
#endif

// ---------------------------------------------------------------------------
// Aliases and subobjects.

void alias_reference() {
  Node n;
  n.start(); // #pin_aliasref
  Node &r = n; // #alias_r
  Node m = std::move(r); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_aliasref {{'n' is pinned here: pinning member function 'start' is called on it}}
  // expected-note@#alias_r {{'r' refers to 'n'}}
}

// The pointer's initialiser is itself the pin.
void alias_pointer() {
  Node n;
  Node *p = &n; // #alias_p
  Node m = std::move(*p); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#alias_p {{'n' is pinned here: its address is taken}}
  // expected-note@#alias_p {{'p' points to 'n'}}
}

void subobject_part_pinned() {
  Outer o;
  Node early = std::move(o.n); // fine: not pinned yet
  (void)&o.n; // #pin_part
  Node late = std::move(o.n); // expected-warning {{'o.n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_part {{'o' is pinned here: the address of 'o.n' is taken}}
}

void subobject_part_pins_this() {
  Outer o;
  o.n.start(); // #pin_partthis
  Node m = std::move(o.n); // expected-warning {{'o.n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_partthis {{'o' is pinned here: pinning member function 'start' is called on 'o.n'}}
}

// Pinning the whole pins its parts.
void subobject_whole_pinned() {
  Outer o;
  (void)&o; // #pin_whole
  Node m = std::move(o.n); // expected-warning {{'o.n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_whole {{'o' is pinned here: its address is taken}}
}

// Pinning a part pins the whole: moving the whole moves the part.
void subobject_move_whole() {
  Outer o;
  (void)&o.tag; // #pin_tag
  Outer m = std::move(o); // expected-warning {{'o' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_tag {{'o' is pinned here: the address of 'o.tag' is taken}}
  // expected-note@#outer_n {{'Outer' is address-sensitive because member 'n' has type 'Node'}}
}

// A reference bound to a part: the message names the part.
void subobject_through_reference() {
  Outer o;
  Node &r = o.n; // #alias_part
  r.start(); // #pin_partref
  Node m = std::move(r); // expected-warning {{'o.n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_partref {{'o' is pinned here: pinning member function 'start' is called on 'o.n'}}
  // expected-note@#alias_part {{'r' refers to 'o.n'}}
}

// ---------------------------------------------------------------------------
// Type-level negatives: the same pin and move on types that are not
// address-sensitive, or whose moves are address-aware.

void negative_unannotated() {
  Plain p;
  p.start();
  (void)&p;
  Plain m = std::move(p); // fine: Plain is Unpin
  m = std::move(p);       // fine
}

void negative_unpin() {
  Unpinned u;
  (void)&u;
  Unpinned m = std::move(u); // fine: PIN_UNPIN wins over the Node member
  m = std::move(u);          // fine
}

void negative_address_aware() {
  Aware a;
  a.start();
  Aware m = std::move(a); // fine: the move constructor is address-aware
  m = std::move(a);       // fine: so is the move assignment
  auto l = [y = std::move(a)] { (void)y.self; }; // fine
}

// Moving the owner of a pinned heap object does not move the pointee.
void negative_unique_ptr() {
  std::unique_ptr<Node> p(new Node);
  p->start();
  std::unique_ptr<Node> q = std::move(p); // fine
}

// ---------------------------------------------------------------------------
// Paths: the verdict follows the control flow.

// The move is in the branch that did not pin.
void branch_other(bool c) {
  Node n;
  if (c)
    n.start();
  else {
    Node m = std::move(n); // fine: this path never pinned n
  }
}

// After the if, n is pinned on one path only.
void branch_join(bool c) {
  Node n;
  if (c)
    n.start(); // #pin_branch
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_branch {{'n' may be pinned here: pinning member function 'start' is called on it}}
}

Node branch_return(bool c) {
  Node n;
  if (c)
    reg(n); // #pin_branchret
  return n; // expected-warning {{'n' is moved by the implicit move in 'return' after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_branchret {{'n' may be pinned here: it is passed to pinning parameter 'n' of 'reg'}}
}

void branch_throw(bool c) {
  Node n;
  if (c)
    (void)&n; // #pin_branchthrow
  throw n; // expected-warning {{'n' is moved by the implicit move in 'throw' after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_branchthrow {{'n' may be pinned here: its address is taken}}
}

// Pinned inside the loop (which may run zero times), moved after it.
void loop_then_move(int k) {
  Node n;
  for (int i = 0; i < k; ++i)
    n.start(); // #pin_loop
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_loop {{'n' may be pinned here: pinning member function 'start' is called on it}}
}

// Declared outside the loop: the pin at the end of one iteration reaches the
// move at the start of the next.
void loop_carried(int k) {
  Node n;
  for (int i = 0; i < k; ++i) {
    Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
    (void)&n; // #pin_carried
    // expected-note@#pin_carried {{'n' may be pinned here: its address is taken}}
  }
}

// Declared inside the loop body: each iteration has a new, unpinned object.
void loop_fresh_object(int k) {
  for (int i = 0; i < k; ++i) {
    Node n;
    Node m = std::move(n); // fine
    take(std::move(n));    // fine
    n.start();
  }
  while (k-- > 0) {
    Node n;
    Node m = std::move(n); // fine
    reg(n);
  }
}

// ---------------------------------------------------------------------------
// Type notes checked exactly, one per link of the chain, for every warning.

struct PIN_ADDRESS_SENSITIVE Link { // #link_decl
  Link *prev = nullptr;
  void start() PIN_PINS_THIS;
};
struct Chain {
  Link link; // #chain_link
};
struct Hooked : Chain { // #hooked_decl
  int payload = 0;
};

void exact_type_notes() {
  Link l;
  l.start(); // #pin_link
  Link l2 = std::move(l); // expected-warning {{'l' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_link {{'l' is pinned here: pinning member function 'start' is called on it}}
  // expected-note@#link_decl {{'Link' is address-sensitive because it is annotated address-sensitive}}

  Chain c;
  c.link.start(); // #pin_chain
  Chain c2 = std::move(c); // expected-warning {{'c' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_chain {{'c' is pinned here: pinning member function 'start' is called on 'c.link'}}
  // expected-note@#chain_link {{'Chain' is address-sensitive because member 'link' has type 'Link'}}
  // expected-note@#link_decl {{'Link' is address-sensitive because it is annotated address-sensitive}}

  Hooked h;
  (void)&h; // #pin_hooked
  Hooked h2;
  h2 = std::move(h); // expected-warning {{'h' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#pin_hooked {{'h' is pinned here: its address is taken}}
  // expected-note@#hooked_decl {{'Hooked' is address-sensitive because it has base class 'Chain'}}
  // expected-note@#chain_link {{'Chain' is address-sensitive because member 'link' has type 'Link'}}
  // expected-note@#link_decl {{'Link' is address-sensitive because it is annotated address-sensitive}}
}
