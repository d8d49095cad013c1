// `this` escaping a constructor (docs/model.md "When an instance is pinned"): a constructor of an
// address-sensitive type that passes `this` (or `*this`, or the address of a
// member) to a function that may keep it, or stores it outside the object,
// pins every object it makes from its declaration on; the notes say where
// `this` escaped. Base and delegated constructors count for the constructor
// that runs them. Not an escape: a self-pointer or a member that keeps a
// pointer to its owner, standard functions and builtins (memset, addressof),
// a constructor whose body is not in the translation unit. Only objects made
// by an escaping constructor are pinned from birth; one made by another
// constructor (a defaulted move constructor, say) starts unpinned.
//
// (pin-self-reference, the type-level report on self-referential classes
// whose implicit copies are used, has its own test and is off here.)
// RUN: %pincc -fsyntax-only -std=c++17 -Wno-nontrivial-memcall -Xclang -verify=expected,inferred %s \
// RUN:     -fplugin-arg-pincheck-checks=-pin-self-reference
// RUN: %pincc -fsyntax-only -std=c++17 -Wno-nontrivial-memcall -Xclang -verify=expected,uninferred %s \
// RUN:     -fplugin-arg-pincheck-infer-self-references=false -fplugin-arg-pincheck-checks=-pin-self-reference

#include <cstring>
#include <memory>
#include <utility>

#include <pin/pin.h>

struct Registry;
void subscribe(void *who);
void subscribe_ref(struct Observer &who);
struct Observer *last_observer;

struct PIN_ADDRESS_SENSITIVE Observer { // #observer
  Observer() { subscribe(this); }                  // #passes
  explicit Observer(int) { last_observer = this; } // #stores
  explicit Observer(char) { subscribe_ref(*this); } // #by_ref
  explicit Observer(long) : Observer() {}          // delegates to the escaping one
  Observer(const Observer &) = default;
  Observer(Observer &&) = default;
  void *slot = nullptr;
};
// expected-note@#observer 1+ {{'Observer' is address-sensitive because it is annotated address-sensitive}}

void copied_after_registering() {
  Observer o; // expected-note {{'o' is pinned here: it is made by constructor 'Observer', which lets 'this' escape}}
  // expected-note@#passes {{'this' escapes here: it is passed to 'subscribe'}}
  Observer c = o; // expected-warning {{'o' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  (void)c;
}

void stored_in_a_global() {
  Observer o(1); // expected-note {{'o' is pinned here: it is made by constructor 'Observer'}}
  // expected-note@#stores {{'this' escapes here: it is stored outside the object}}
  Observer m = std::move(o); // expected-warning {{'o' is moved after it was pinned}}
  (void)m;
}

void passed_by_reference() {
  Observer o('x'); // expected-note {{'o' is pinned here}}
  // expected-note@#by_ref {{'this' escapes here: it is passed to 'subscribe_ref'}}
  Observer m = std::move(o); // expected-warning {{'o' is moved after it was pinned}}
  (void)m;
}

void delegated() {
  Observer o(2L); // expected-note {{'o' is pinned here}}
  // expected-note@#passes {{'this' escapes here}}
  Observer m = std::move(o); // expected-warning {{'o' is moved after it was pinned}}
  (void)m;
}

// A base constructor's escape is the derived constructor's.
struct Derived : Observer { // #derived
  Derived() {}
  long extra = 0;
};
// expected-note@#derived 1+ {{'Derived' is address-sensitive because it has base class 'Observer'}}

void through_a_base() {
  Derived d; // expected-note {{'d' is pinned here: it is made by constructor 'Derived', which lets 'this' escape}}
  // expected-note@#passes {{'this' escapes here}}
  Derived m = std::move(d); // expected-warning {{'d' is moved after it was pinned}}
  (void)m;
}

// The address of a member handed out.
struct Hook {
  void *next = nullptr;
};
void link(Hook *h);
struct PIN_ADDRESS_SENSITIVE Linked { // #linked
  Linked() { link(&hook); } // #member_escape
  Hook hook;
};
// expected-note@#linked 1+ {{'Linked' is address-sensitive because it is annotated address-sensitive}}

void member_address() {
  Linked l; // expected-note {{'l' is pinned here}}
  // expected-note@#member_escape {{'this' escapes here: it is passed to 'link'}}
  std::swap(l, l); // expected-warning {{'l' is swapped by 'std::swap' after it was pinned}}
}

// A user-provided move constructor that re-registers the new address with
// the function the constructor registers with is address-aware (as if
// PIN_ADDRESS_AWARE); one that calls something else is not.
void attach(struct Widget *w);
void detach(struct Widget *w);
struct PIN_ADDRESS_SENSITIVE Widget {
  Widget() { attach(this); }
  Widget(Widget &&o) { detach(&o); attach(this); }
  Widget &operator=(Widget &&o) { detach(&o); attach(this); return *this; }
};
struct PIN_ADDRESS_SENSITIVE Gadget { // #gadget
  Gadget() { attach(nullptr); subscribe(this); } // #gadget_ctor
  Gadget(Gadget &&o) { (void)o; attach(nullptr); }
};
// expected-note@#gadget 1+ {{'Gadget' is address-sensitive because it is annotated address-sensitive}}

void reregistering_move() {
  Widget w;
  Widget moved = std::move(w);
  Widget other;
  other = std::move(moved);
  Gadget g; // expected-note {{'g' is pinned here}}
  // expected-note@#gadget_ctor {{'this' escapes here: it is passed to 'subscribe'}}
  Gadget g2 = std::move(g); // expected-warning {{'g' is moved after it was pinned}}
}

// Re-registering on some paths counts where the test is of the handle it
// registers with (`if (loop_) watch(loop_, this)`: wherever there is
// something to register, it does). One under a test of a member of the
// source that the member has just reset (`std::exchange(o.loop_, nullptr)`
// or `o.loop_ = nullptr`, then `if (o.loop_)`) never happens: the member
// is not cooperative, and moving a pinned object through it is reported.
// Re-linking the neighbours (`prev->next = this`, as the constructor links
// `after->next = this`) publishes the new address as registering does.
struct Loop;
void watch(Loop *l, void *who);
struct GuardedWatcher {
  Loop *loop_;
  explicit GuardedWatcher(Loop *l) : loop_(l) { watch(loop_, this); }
  GuardedWatcher(GuardedWatcher &&o) noexcept : loop_(std::exchange(o.loop_, nullptr)) {
    if (loop_)
      watch(loop_, this);
  }
};
struct ResetThenTested {
  Loop *loop_;
  explicit ResetThenTested(Loop *l) : loop_(l) { watch(loop_, this); } // #reset_tested_ctor
  ResetThenTested(ResetThenTested &&o) noexcept : loop_(std::exchange(o.loop_, nullptr)) {
    if (o.loop_) // always null here: the registration never happens
      watch(o.loop_, this);
  }
};
struct AssignedNullThenTested {
  Loop *loop_;
  explicit AssignedNullThenTested(Loop *l) : loop_(l) { watch(loop_, this); } // #assigned_ctor
  AssignedNullThenTested(AssignedNullThenTested &&o) noexcept {
    loop_ = o.loop_;
    o.loop_ = nullptr;
    if (o.loop_ != nullptr && loop_)
      watch(loop_, this);
  }
};
// Tested before the reset: the test can hold.
struct TestedThenReset {
  Loop *loop_;
  explicit TestedThenReset(Loop *l) : loop_(l) { watch(loop_, this); }
  TestedThenReset(TestedThenReset &&o) noexcept : loop_(o.loop_) {
    if (o.loop_)
      watch(loop_, this);
    o.loop_ = nullptr;
  }
};
struct Link {
  Link *prev = nullptr, *next = nullptr;
  explicit Link(Link *after) : prev(after), next(after->next) {
    after->next = this;
    if (next)
      next->prev = this;
  }
  Link(Link &&o) noexcept : prev(o.prev), next(o.next) {
    if (prev)
      prev->next = this;
    if (next)
      next->prev = this;
    o.prev = o.next = nullptr;
  }
};
struct UnlinkedLink {
  UnlinkedLink *prev = nullptr, *next = nullptr;
  explicit UnlinkedLink(UnlinkedLink *after) : prev(after), next(after->next) {
    after->next = this; // #unlinked_ctor
  }
  UnlinkedLink(UnlinkedLink &&o) noexcept : prev(o.prev), next(o.next) {
    o.prev = o.next = nullptr; // forgets to re-link its neighbours
  }
};
// inferred-note@#reset_tested_ctor 1+ {{'ResetThenTested' is address-sensitive because its constructor lets 'this' escape: it is passed to 'watch'}}
// inferred-note@#reset_tested_ctor 1+ {{'this' escapes here: it is passed to 'watch'}}
// inferred-note@#assigned_ctor 1+ {{'this' escapes here: it is passed to 'watch'}}
// inferred-note@#unlinked_ctor 1+ {{'this' escapes here: it is stored outside the object}}

void guarded_reregistration(Loop *loop, Link &head, UnlinkedLink &uhead) {
  GuardedWatcher a(loop);
  GuardedWatcher a2 = std::move(a);
  ResetThenTested b(loop); // inferred-note {{'b' is pinned here: it is made by constructor 'ResetThenTested', which lets 'this' escape}}
  ResetThenTested b2 = std::move(b); // inferred-warning {{'b' is moved after it was pinned}}
  AssignedNullThenTested c(loop); // inferred-note {{'c' is pinned here: it is made by constructor 'AssignedNullThenTested', which lets 'this' escape}}
  AssignedNullThenTested c2 = std::move(c); // inferred-warning {{'c' is moved after it was pinned}}
  // inferred-note@#assigned_ctor 1+ {{'AssignedNullThenTested' is address-sensitive because its constructor lets 'this' escape: it is passed to 'watch'}}
  TestedThenReset d(loop);
  TestedThenReset d2 = std::move(d);
  Link e(&head);
  Link e2 = std::move(e);
  UnlinkedLink f(&uhead); // inferred-note {{'f' is pinned here: it is made by constructor 'UnlinkedLink', which lets 'this' escape}}
  UnlinkedLink f2 = std::move(f); // inferred-warning {{'f' is moved after it was pinned}}
  // inferred-note@#unlinked_ctor 1+ {{'UnlinkedLink' is address-sensitive because its constructor lets 'this' escape: it is stored outside the object}}
}

// ---- negatives ----

// The object made by the (defaulted) move constructor starts unpinned.
void moved_to_object_is_fresh() {
  Observer o(1);
  Observer m = std::move(o); // expected-warning {{'o' is moved after it was pinned}} expected-note@-1 {{'o' is pinned here}}
  // expected-note@#stores {{'this' escapes here}}
  Observer n = std::move(m);
  (void)n;
}

struct Child {
  explicit Child(void *owner) : owner(owner) {}
  void *owner;
};

// Not an escape: `this` kept inside the object. That is a self-reference
// (docs/model.md, "Address-sensitive types"): the object is pinned from its
// construction for that reason, and the notes say so, not that 'this' escaped.
struct PIN_ADDRESS_SENSITIVE SelfAware { // #self_aware
  SelfAware() : child(this) { self = this; std::memset(&data, 0, sizeof data); } // #self_aware_child
  SelfAware(const SelfAware &) = default;
  SelfAware *self;
  Child child;
  int data;
  SelfAware *also = this;
};

void not_escapes() {
  SelfAware s; // inferred-note {{'s' is pinned from its construction: constructor 'SelfAware' makes member 'child' refer to the object itself}}
  SelfAware t = s; // inferred-warning {{'s' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // inferred-note@#self_aware_child {{member 'child' is made to refer to the object itself here}}
  // inferred-note@#self_aware {{'SelfAware' is address-sensitive because it is annotated address-sensitive}}
  (void)t;
}

// Declared only: what the constructor does is not known.
struct PIN_ADDRESS_SENSITIVE Opaque {
  Opaque();
  Opaque(const Opaque &) = default;
  int x = 0;
};

void unknown_constructor() {
  Opaque a;
  Opaque b = a;
  (void)b;
}

// Not annotated: the escaping constructor makes the class address-sensitive
// by itself (docs/model.md, "Address-sensitive types"), and its objects
// pinned from their construction. Without the inference (second RUN line),
// nothing is reported.
struct Plain {
  Plain() { subscribe(this); } // #plain_escapes
  Plain(const Plain &) = default;
};
// inferred-note@#plain_escapes {{'Plain' is address-sensitive because its constructor lets 'this' escape: it is passed to 'subscribe'}}
// inferred-note@#plain_escapes {{'this' escapes here: it is passed to 'subscribe'}}

void unannotated() {
  Plain p; // inferred-note {{'p' is pinned here: it is made by constructor 'Plain', which lets 'this' escape}}
  Plain q = p; // inferred-warning {{'p' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  (void)q;
}

// 'this' handed to a function whose visible body only reads or writes
// fields through it (a copy helper) does not escape; one whose body stores it,
// or calls a member function through it (which may keep it), does.
struct Fields { int a = 0; Fields *link = nullptr; void attach(); };
void copy_fields(Fields *to, const Fields *from) {
  to->a = from->a;
  if (to != from)
    to->link = from->link;
}
Fields *kept_fields;
void keep_fields(Fields *f) { kept_fields = f; }
void attach_fields(Fields *f) { f->attach(); }
struct CopiesFields : Fields {
  explicit CopiesFields(const Fields &o) { copy_fields(this, &o); }
  CopiesFields(const CopiesFields &) = default;
};
struct KeepsFields : Fields {
  KeepsFields() { keep_fields(this); } // #keeps_fields
  KeepsFields(const KeepsFields &) = default;
};
// inferred-note@#keeps_fields {{'KeepsFields' is address-sensitive because its constructor lets 'this' escape: it is passed to 'keep_fields'}}
// inferred-note@#keeps_fields {{'this' escapes here: it is passed to 'keep_fields'}}
struct AttachesFields : Fields {
  AttachesFields() { attach_fields(this); } // #attaches_fields
  AttachesFields(const AttachesFields &) = default;
};
// inferred-note@#attaches_fields {{'AttachesFields' is address-sensitive because its constructor lets 'this' escape: it is passed to 'attach_fields'}}
// inferred-note@#attaches_fields {{'this' escapes here: it is passed to 'attach_fields'}}

void helpers() {
  Fields f;
  CopiesFields c(f);
  CopiesFields c2 = c; // no finding: copy_fields keeps nothing
  KeepsFields k; // inferred-note {{'k' is pinned here: it is made by constructor 'KeepsFields', which lets 'this' escape}}
  KeepsFields k2 = k; // inferred-warning {{'k' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  AttachesFields a; // inferred-note {{'a' is pinned here: it is made by constructor 'AttachesFields', which lets 'this' escape}}
  AttachesFields a2 = a; // inferred-warning {{'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  (void)c2; (void)k2; (void)a2;
}

// A lambda holding `this`, handed to a function that may keep it (a
// by-value parameter), lets `this` escape; one borrowed by a reference
// parameter, or kept by a member, does not.
template <class F> void on_tick(F callback);
template <class F> void run_now(const F &callback);

struct PIN_ADDRESS_SENSITIVE Ticker { // #ticker
  Ticker() { on_tick([this] { ++count; }); } // #ticker_lambda
  explicit Ticker(int) { run_now([this] { ++count; }); }
  explicit Ticker(char) { run_now([&] { ++count; }); }
  Ticker(const Ticker &) = default;
  int count = 0;
};
// expected-note@#ticker 1+ {{'Ticker' is address-sensitive because it is annotated address-sensitive}}

void lambda_escapes() {
  Ticker t; // expected-note {{'t' is pinned here: it is made by constructor 'Ticker', which lets 'this' escape}}
  // expected-note@#ticker_lambda {{'this' escapes here: it is passed to 'on_tick'}}
  Ticker u = t; // expected-warning {{'t' is copied after it was pinned}}
  Ticker b(1), c('c');
  Ticker b2 = b, c2 = c; // borrowed for the call only
  (void)u, (void)b2, (void)c2;
}
