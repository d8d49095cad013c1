// Clang's own lifetime attributes as pin facts (docs/annotations.md,
// "Clang's lifetime attributes"): an argument bound to a parameter marked
// [[clang::lifetime_capture_by(...)]] has its address kept, so it is pinned
// as by a PIN_PINS parameter; so is one bound to a constructor's parameter
// marked [[clang::lifetimebound]] (the object made refers to it); an address
// passed to a [[clang::noescape]] parameter is not kept, so it pins nothing.
// Each positive has its negative beside it.
//
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s

#include <pin/pin.h>
#include <utility>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *next = nullptr;
};

void consume(Node &&);

// ------------------------------------------------ lifetime_capture_by

struct List {
  void push(Node &n [[clang::lifetime_capture_by(this)]]);
  void peek(Node &n); // reads it, keeps nothing
};
void add_global(Node *n [[clang::lifetime_capture_by(global)]]);
void add_unknown(const Node &n [[clang::lifetime_capture_by(unknown)]]);
void add_to(Node &n [[clang::lifetime_capture_by(l)]], List &l);

void captured_by_this(List &l) {
  Node n;
  l.push(n);
  consume(std::move(n)); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
                         // expected-note@-2 {{'n' is pinned here: it is passed to parameter 'n' of 'push', which keeps it: it is marked [[clang::lifetime_capture_by(this)]]}}
                         // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void not_captured(List &l) {
  Node n;
  l.peek(n);
  consume(std::move(n));
}

void captured_by_global() {
  Node n;
  add_global(&n);
  consume(std::move(n)); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
                         // expected-note@-2 {{'n' is pinned here: it is passed to parameter 'n' of 'add_global', which keeps it: it is marked [[clang::lifetime_capture_by(global)]]}}
                         // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

void captured_by_unknown_and_param(List &l) {
  Node a, b;
  add_unknown(a);
  add_to(b, l);
  consume(std::move(a)); // expected-warning {{'a' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
                         // expected-note@-3 {{'a' is pinned here: it is passed to parameter 'n' of 'add_unknown', which keeps it: it is marked [[clang::lifetime_capture_by(unknown)]]}}
                         // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
  consume(std::move(b)); // expected-warning {{'b' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
                         // expected-note@-5 {{'b' is pinned here: it is passed to parameter 'n' of 'add_to', which keeps it: it is marked [[clang::lifetime_capture_by(l)]]}}
                         // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

// Moved before it is captured: not pinned yet.
void moved_before_capture(List &l) {
  Node n;
  consume(std::move(n));
  Node m;
  l.push(m);
}

// ------------------------------------------------ lifetimebound on a constructor

struct Watcher {
  explicit Watcher(Node &n [[clang::lifetimebound]]) : watched(&n) {}
  Node *watched;
};
// lifetimebound on a function that is not a constructor says its result
// refers to the argument: the argument is not kept by anything that lives on.
Node &self_of(Node &n [[clang::lifetimebound]]);

void watched_then_moved() {
  Node n;
  Watcher w(n);
  consume(std::move(n)); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
                         // expected-note@-2 {{'n' is pinned here: it is passed to parameter 'n' of 'Watcher', which keeps it: the constructor's parameter is marked [[clang::lifetimebound]]}}
                         // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
  (void)w;
}

void lifetimebound_function() {
  Node n;
  (void)self_of(n);
  consume(std::move(n));
}

// ------------------------------------------------ noescape

void inspect(Node *n [[clang::noescape]]);
void inspect_kept(Node *n);

void address_not_kept() {
  Node n;
  inspect(&n);
  consume(std::move(n));
}

void address_kept() {
  Node n;
  inspect_kept(&n);
  consume(std::move(n)); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
                         // expected-note@-2 {{'n' is pinned here: its address is taken}}
                         // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

// A body that takes the address of a noescape parameter does not pin the
// caller's argument through its summary.
void looks_at(Node &n [[clang::noescape]]) {
  Node *p = &n;
  (void)p;
}
void looks_at_plain(Node &n) {
  static Node *kept;
  kept = &n; // #kept
}

void callee_noescape() {
  Node n;
  looks_at(n);
  consume(std::move(n));
}

void callee_keeps() {
  Node n;
  looks_at_plain(n);
  consume(std::move(n)); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
                         // expected-note@-2 {{'n' is pinned here: it is passed to 'looks_at_plain', which pins it}}
                         // expected-note@#kept {{'looks_at_plain' pins its parameter 'n' here: its address is taken}}
                         // expected-note@#node {{'Node' is address-sensitive because it is annotated address-sensitive}}
}

// `this` handed to a noescape parameter is not handed out.
void visit(const void *p [[clang::noescape]]);
void keep_ptr(const void *p);
struct PIN_ADDRESS_SENSITIVE Self { // #self
  int x = 0;
  void look() { visit(this); }
  void hand_out() { keep_ptr(this); } // #hand_out
};
void self_looked() {
  Self s;
  s.look();
  Self t = std::move(s);
  (void)t;
}
void self_handed_out() {
  Self s;
  s.hand_out();
  Self t = std::move(s); // expected-warning {{'s' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
                         // expected-note@-2 {{'s' is pinned here: member function 'hand_out' is called on it, which pins it}}
                         // expected-note@#hand_out {{'hand_out' pins its object here: 'this' is handed out}}
                         // expected-note@#self {{'Self' is address-sensitive because it is annotated address-sensitive}}
  (void)t;
}
