// Interprocedural summaries within the translation unit: a function whose
// body pins a reference parameter (takes its address, calls a PIN_PINS_THIS
// member on it, passes it to a PIN_PINS parameter or to another function
// that pins it) pins the argument at every call; one whose body moves,
// copies or swaps a reference parameter does that to the argument at the
// call; likewise through pointer parameters (`*p`, `p->`). Notes point
// into the callee, down the chain of calls. Not
// summarised: virtual functions, recursion (a call back into a function
// being summarised has no effect), functions without a body here, by-value
// and read-only uses.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s

#include <utility>
#include <cstring>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  Node *next = nullptr;
  int v = 0;
  void start() PIN_PINS_THIS;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

struct List {
  Node *head = nullptr;
  void push(Node *n) { n->next = head; head = n; }
};
List list;

void enlist(Node &n) { list.push(&n); }                       // #enlist
void enlist_twice(Node &n) { enlist(n); }                     // #enlist_twice
void starter(Node &n) { n.start(); }                          // #starter
Node sink;
void consume(Node &n) { sink = std::move(n); }                // #consume
void swapper(Node &a, Node &b) { std::swap(a, b); }           // #swapper
struct Holder {
  explicit Holder(Node &n) : p(&n) {}                         // #holder
  Node *p;
};

void pinned_by_callee() {
  Node a;
  enlist(a); // expected-note {{'a' is pinned here: it is passed to 'enlist', which pins it}}
  // expected-note@#enlist {{'enlist' pins its parameter 'n' here: its address is taken}}
  Node a2 = std::move(a); // expected-warning {{'a' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void pinned_down_a_chain() {
  Node b;
  enlist_twice(b); // expected-note {{'b' is pinned here: it is passed to 'enlist_twice', which pins it}}
  // expected-note@#enlist_twice {{'enlist_twice' pins its parameter 'n' here: it is passed to 'enlist', which pins it}}
  // expected-note@#enlist {{'enlist' pins its parameter 'n' here: its address is taken}}
  Node b2 = b; // expected-warning {{'b' is copied after it was pinned}}
}

void pinned_then_moved_by_callees() {
  Node c;
  starter(c); // expected-note {{'c' is pinned here: it is passed to 'starter', which pins it}}
  // expected-note@#starter {{'starter' pins its parameter 'n' here: pinning member function 'start' is called on it}}
  consume(c); // expected-warning {{'c' is moved by 'consume' after it was pinned}}
  // expected-note@#consume {{'consume' moves its parameter 'n' here}}
}

void swapped_by_callee() {
  Node d, e;
  d.start(); // expected-note {{'d' is pinned here: pinning member function 'start' is called on it}}
  swapper(d, e); // expected-warning {{'d' is swapped by 'swapper' after it was pinned}}
  // expected-note@#swapper {{'swapper' swaps its parameter 'a' here}}
}

void pinned_by_constructor() {
  Node f;
  Holder h(f); // expected-note {{'f' is pinned here: it is passed to 'Holder', which pins it}}
  // expected-note@#holder {{'Holder' pins its parameter 'n' here: its address is taken}}
  Node f2 = std::move(f); // expected-warning {{'f' is moved after it was pinned}}
}

// ---- negatives ----

void reads(const Node &n) { (void)n.v; }
void by_value(Node n) { n.start(); }
struct Base {
  virtual void take(Node &n) { list.push(&n); }
};
void recurse(Node &n, int k) {
  if (k)
    recurse(n, k - 1);
}
void declared_only(Node &n);

void not_pinned(Base &b) {
  Node g;
  reads(g);
  declared_only(g);
  b.take(g);        // virtual: the body that runs is not known
  recurse(g, 3);
  Node g2 = std::move(g);
  Node h;
  consume(h);       // moved by the callee, but never pinned
  enlist(h);        // pinned after
}

// Pointer parameters: what the callee does to `*p` it does to the object
// the argument points to.
void consume_ptr(Node *p) { sink = std::move(*p); }           // #consume_ptr
void enlist_ptr(Node *p) { p->start(); }                      // #enlist_ptr
void clear_ptr(Node *p) { std::memset(p, 0, sizeof(int)); }   // #clear_ptr
void read_ptr(const Node *p) { (void)p->v; }

void pointer_parameters() {
  Node a;
  a.start(); // expected-note {{'a' is pinned here: pinning member function 'start' is called on it}}
  consume_ptr(&a); // expected-warning {{'a' is moved by 'consume_ptr' after it was pinned}}
  // expected-note@#consume_ptr {{'consume_ptr' moves its parameter 'p' here}}

  Node b;
  enlist_ptr(&b); // expected-note {{'b' is pinned here: it is passed to 'enlist_ptr', which pins it}}
  // expected-note@#enlist_ptr {{'enlist_ptr' pins its parameter 'p' here: pinning member function 'start' is called on it}}
  Node b2 = std::move(b); // expected-warning {{'b' is moved after it was pinned}}

  Node c;
  Node *q = &c; // expected-note {{'c' is pinned here: its address is taken}}
  clear_ptr(q); // expected-warning {{'c' is overwritten as raw bytes by 'clear_ptr' after it was pinned}}
  // expected-note@#clear_ptr {{'clear_ptr' reads or writes as raw bytes its parameter 'p' here}}
  // expected-note@-3 {{'q' points to 'c'}}
}

void pointer_parameters_negatives() {
  Node a;
  consume_ptr(&a); // moved before any pin: passing &a to a callee that only moves is no pin
  a.start();
  read_ptr(&a);    // reads only
  Node b;
  enlist_ptr(&b);
  read_ptr(&b);
}

// The object a member function is called on: what its body does to *this
// (hands `this` out, pins a member, moves or copies it whole) happens to the
// object at the call, also through a pointer and from another member.
struct Widget {
  Node part; // #widget_part
  void attach() { last_widget = this; }                      // #attach
  void start_part() { part.start(); }                        // #start_part
  void restart() { start_part(); }                           // #restart
  void clone_into(Widget &w) { w = *this; }                  // #clone_into
  void read() const { (void)part.v; }
  static Widget *last_widget;
};

void object_summaries(Widget *wp) {
  Widget a;
  a.attach(); // expected-note {{'a' is pinned here: member function 'attach' is called on it, which pins it}}
  // expected-note@#attach {{'attach' pins its object here: 'this' is handed out}}
  Widget a2 = std::move(a); // expected-warning {{'a' is moved after it was pinned}}

  Widget b;
  b.restart(); // expected-note {{'b' is pinned here: member function 'restart' is called on it, which pins it}}
  // expected-note@#restart {{'restart' pins its object here: member function 'start_part' is called on it, which pins it}}
  // expected-note@#start_part {{'start_part' pins its object here: pinning member function 'start' is called on 'part'}}
  Widget b2 = b; // expected-warning {{'b' is copied after it was pinned}}

  wp->start_part(); // expected-note {{'*wp' is pinned here: member function 'start_part' is called on it, which pins it}}
  // expected-note@#start_part {{'start_part' pins its object here: pinning member function 'start' is called on 'part'}}
  Widget c;
  wp->clone_into(c); // expected-warning {{'*wp' is copied by 'clone_into' after it was pinned}}
  // expected-note@#clone_into {{'clone_into' copies its object here}}
}
// expected-note@#widget_part 1+ {{'Widget' is address-sensitive because member 'part' has type 'Node'}}

void object_summaries_negatives() {
  Widget a;
  Widget a2 = std::move(a); // before any pin
  a.attach();
  Widget b;
  b.read();                 // reads only
  Widget b2 = std::move(b);
}
