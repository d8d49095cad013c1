// Places beyond locals: the object a member function runs on (*this, whose
// fields are its parts: pinning a field pins *this, and moving any
// address-sensitive part of a pinned *this is reported), global objects and
// static data members, and what the caller pinned: *this inside a
// PIN_PINS_THIS member function, a PIN_PINS parameter's object. Each
// positive has its negatives: the same code before the pin, in a class that
// is not address-sensitive, with the fix.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
//
// The whole shape of one finding on a field.
// RUN: %pincc -fsyntax-only -std=c++17 -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHAPE

#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  void start() PIN_PINS_THIS;
  void run() PIN_PINS_THIS;
  void copy_self() PIN_PINS_THIS;
  void fine_self();
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

void keep(Node *);
void keep_widget(struct Widget *);

struct Widget {
  Node member; // #widget-member
  Node other;
  int count = 0;

  // SHAPE: places.cpp:[[@LINE+5]]:14: warning: 'member' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]
  // SHAPE-NEXT: places.cpp:[[@LINE+3]]:5: note: '*this' is pinned here: pinning member function 'start' is called on 'member'
  // SHAPE-NEXT: places.cpp:{{[0-9]+}}:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
  void pin_then_move() {
    member.start(); // expected-note {{'*this' is pinned here: pinning member function 'start' is called on 'member'}}
    Node m = std::move(member); // expected-warning {{'member' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  }

  void explicit_this() {
    keep(&this->member); // expected-note {{'*this' is pinned here: the address of 'this->member' is taken}}
    Node m = this->member; // expected-warning {{'this->member' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  }

  // Structural pinning: pinning one field pins the object, and with it
  // every address-sensitive field.
  void pin_one_move_another() {
    keep(&member); // expected-note 2 {{'*this' is pinned here: the address of 'member' is taken}}
    Node m = std::move(other); // expected-warning {{'other' is moved after it was pinned}}
    Widget w = *this; // expected-warning {{'*this' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
    // expected-note@#widget-member 1+ {{'Widget' is address-sensitive because member 'member' has type 'Node'}}
  }

  void swap_members() {
    member.start(); // expected-note {{'*this' is pinned here}}
    std::swap(member, other); // expected-warning {{'member' is swapped by 'std::swap' after it was pinned}} expected-warning {{'other' is swapped by 'std::swap' after it was pinned}}
    // expected-note@-2 {{'*this' is pinned here}}
  }

  // Registering *this pins it.
  void register_self() {
    keep_widget(this); // expected-note {{'*this' is pinned here: 'this' is handed out}}
    Node m = std::move(member); // expected-warning {{'member' is moved after it was pinned}}
  }

  // Negatives.
  void move_before_pin() {
    Node m = std::move(member);
    member.start();
  }
  void plain_field_after_pin() {
    member.start();
    int c = std::move(count); // not address-sensitive
    (void)c;
  }
  void other_object(Widget &o) {
    o.member.start();
    Node m = std::move(member); // this object's member, not o's
  }
  static void no_this(Widget &w) {
    Node m = std::move(w.member);
  }
};

// A member function of a class that is not address-sensitive has no place
// for *this.
struct Plain {
  int v = 0;
  void keep_self();
  void f() {
    keep_self();
    Plain p = *this;
    (void)p;
  }
};

// A lambda in a member function names the same *this.
struct WithLambda {
  Node member;
  void f() {
    member.start(); // expected-note {{'*this' is pinned here: pinning member function 'start' is called on 'member'}}
    auto l = [this] {
      Node m = std::move(member); // the lambda's body starts afresh: no pin seen there
    };
    l();
    Node m = std::move(member); // expected-warning {{'member' is moved after it was pinned}}
  }
};

// PIN_PINS_THIS: the caller pinned *this, so it is pinned on entry.
void Node::copy_self() { // expected-note {{'*this' is pinned here: pinning member function 'copy_self' runs on it}}
  Node copy = *this; // expected-warning {{'*this' is copied after it was pinned}}
}
void Node::fine_self() {
  Node copy = *this; // not a pinning member function: nothing known
  (void)copy;
}

// A PIN_PINS parameter's object is pinned on entry, by reference or pointer.
void enlist(PIN_PINS Node &n) { // expected-note {{'n' is pinned here: the caller passed it to pinning parameter 'n'}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned}}
}
void enlist_ptr(PIN_PINS Node *n) { // expected-note {{'*n' is pinned here: the caller passed it to pinning parameter 'n'}}
  Node m = std::move(*n); // expected-warning {{'*n' is moved after it was pinned}}
}
void not_pinning(Node &n) {
  Node m = std::move(n);
}

// Globals and static data members.
Node global;
struct Registry {
  static void use() {
    instance.start(); // expected-note {{'instance' is pinned here}}
    Node m = std::move(instance); // expected-warning {{'instance' is moved after it was pinned}}
  }
  static Node instance;
};
void global_pinned() {
  global.start(); // expected-note {{'global' is pinned here: pinning member function 'start' is called on it}}
  Node m = std::move(global); // expected-warning {{'global' is moved after it was pinned}}
}
void global_before_pin() {
  Node m = std::move(global);
  global.start();
}
int plain_global;
void plain_global_moved() {
  int m = std::move(plain_global);
  (void)m;
}

// An implicit call through `this` on a base: *this is pinned, named whole.
struct Derived : Node { // #derived
  void f() {
    start(); // expected-note {{'*this' is pinned here: pinning member function 'start' is called on it}}
    Derived d = *this; // expected-warning {{'*this' is copied after it was pinned}}
  }
};
// expected-note@#derived 1+ {{'Derived' is address-sensitive because it has base class 'Node'}}
