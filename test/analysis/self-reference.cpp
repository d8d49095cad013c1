// Self-referential classes (docs/model.md, "Address-sensitive types" and
// "Pinned from construction"): a class whose constructor makes a member refer
// into the object is address-sensitive without an annotation, and every
// object such a constructor makes is pinned from its construction. Each form
// of self-reference the model lists has a positive here (a copy or move of
// an object just made), with the note chain checked exactly; side by side,
// members that refer to another object (a parameter's, a global, the heap,
// a std::vector's elements, a string passed in), a PIN_UNPIN class, and copy
// and move members that point the new object into its own storage. The
// second RUN line turns the inference off (InferSelfReferences): nothing is
// reported, since no class here is annotated. The type-level report on
// these classes (pin-self-reference: their implicit copies are used) has its
// own test, test/checks/pin-self-reference.cpp, and is off here.
//
// REQUIRES: libstdcxx
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s \
// RUN:     -fplugin-arg-pincheck-checks=-pin-self-reference
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify=off %s \
// RUN:     -fplugin-arg-pincheck-infer-self-references=false
// off-no-diagnostics

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <cstring>
#include <functional>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pin/pin.h>

// A view into an owned string, made in the member initialiser list.
struct Header { // #header
  std::string line_;
  std::string_view name_;
  explicit Header(std::string l) : line_(std::move(l)), name_(line_) {} // #site1
};
void header_moved() {
  Header h("Host: example.org"); // #site2
  Header g = std::move(h);
// expected-warning@-1 {{'h' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
// expected-note@#site2 {{'h' is pinned from its construction: constructor 'Header' makes member 'name_' refer into member 'line_'}}
// expected-note@#site1 {{'Header' is address-sensitive because its constructor makes member 'name_' refer into member 'line_'}}
}

// Default member initialisers: a pointer to the object, a member array decaying.
struct Cursor { char buf[16]; char *cur = buf; }; // #site3
struct Self { Self *self = this; }; // #site4
void nsdmi() {
  Cursor c; // #site5
  Cursor d = c;
// expected-warning@-1 {{'c' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site5 {{'c' is pinned from its construction: constructor 'Cursor' makes member 'cur' refer into member 'buf'}}
// expected-note@#site3 {{'Cursor' is address-sensitive because its default member initializer makes member 'cur' refer into member 'buf'}}
  Self s{}; // #site6
  Self t = s;
// expected-warning@-1 {{'s' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site6 {{'s' is pinned from its construction: the default member initializer of 'Self' makes member 'self' refer to the object itself}}
// expected-note@#site4 {{'Self' is address-sensitive because its default member initializer makes member 'self' refer to the object itself}}
}

// In the body: an array decaying, .data() of a std::array, pointer
// arithmetic, an iterator, a std::span.
struct Decay { int arr[4]; int *p; Decay() { p = arr; } }; // #site7
struct Data { std::array<char, 8> storage; char *ptr; Data() { ptr = storage.data(); } }; // #site8
struct Arith { char buf[16]; char *end; Arith() { end = buf + 16; } }; // #site9
struct Iter { std::array<int, 4> vals; std::array<int, 4>::iterator it; Iter() : it(vals.begin()) {} }; // #site10
struct Span { int arr[4]; std::span<int> sp; Span() : sp(arr) {} }; // #site11
void body_forms() {
  Decay a; Decay a2 = a; // #site12
// expected-warning@-1 {{'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site12 {{'a' is pinned from its construction: constructor 'Decay' makes member 'p' refer into member 'arr'}}
// expected-note@#site7 {{'Decay' is address-sensitive because its constructor makes member 'p' refer into member 'arr'}}
  Data b; Data b2 = b; // #site13
// expected-warning@-1 {{'b' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site13 {{'b' is pinned from its construction: constructor 'Data' makes member 'ptr' refer into member 'storage'}}
// expected-note@#site8 {{'Data' is address-sensitive because its constructor makes member 'ptr' refer into member 'storage'}}
  Arith c; Arith c2 = c; // #site14
// expected-warning@-1 {{'c' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site14 {{'c' is pinned from its construction: constructor 'Arith' makes member 'end' refer into member 'buf'}}
// expected-note@#site9 {{'Arith' is address-sensitive because its constructor makes member 'end' refer into member 'buf'}}
  Iter d; Iter d2 = d; // #site15
// expected-warning@-1 {{'d' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site15 {{'d' is pinned from its construction: constructor 'Iter' makes member 'it' refer into member 'vals'}}
// expected-note@#site10 {{'Iter' is address-sensitive because its constructor makes member 'it' refer into member 'vals'}}
  Span e; Span e2 = e; // #site16
// expected-warning@-1 {{'e' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site16 {{'e' is pinned from its construction: constructor 'Span' makes member 'sp' refer into member 'arr'}}
// expected-note@#site11 {{'Span' is address-sensitive because its constructor makes member 'sp' refer into member 'arr'}}
}

// Through a local view and substr; through a member function the
// constructor calls; a std::optional of a view; c_str.
struct Local {
  std::string line_;
  std::string_view key_;
  explicit Local(std::string l) : line_(std::move(l)) {
    std::string_view v(line_);
    key_ = v.substr(0, 4); // #site17
  }
};
struct ViaInit {
  char buf[8];
  char *cur;
  ViaInit() { init(); }
  void init() { cur = buf; } // #site18
};
struct Opt {
  std::string s_;
  std::optional<std::string_view> view_;
  Opt() { view_ = std::string_view(s_); } // #site19
};
struct CStr { std::string s_; const char *c_; CStr() : c_(s_.c_str()) {} }; // #site20
void indirect_forms() {
  Local a("k: v"); Local a2 = a; // #site21
// expected-warning@-1 {{'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site21 {{'a' is pinned from its construction: constructor 'Local' makes member 'key_' refer into member 'line_'}}
// expected-note@#site17 {{'Local' is address-sensitive because its constructor makes member 'key_' refer into member 'line_'}}
  ViaInit b; ViaInit b2 = b; // #site22
// expected-warning@-1 {{'b' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site22 {{'b' is pinned from its construction: constructor 'ViaInit' calls 'init', which makes member 'cur' refer into member 'buf'}}
// expected-note@#site18 {{'ViaInit' is address-sensitive because its constructor calls 'init', which makes member 'cur' refer into member 'buf'}}
  Opt c; Opt c2 = c; // #site23
// expected-warning@-1 {{'c' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site23 {{'c' is pinned from its construction: constructor 'Opt' makes member 'view_' refer into member 's_'}}
// expected-note@#site19 {{'Opt' is address-sensitive because its constructor makes member 'view_' refer into member 's_'}}
  CStr d; CStr d2 = d; // #site24
// expected-warning@-1 {{'d' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site24 {{'d' is pinned from its construction: constructor 'CStr' makes member 'c_' refer into member 's_'}}
// expected-note@#site20 {{'CStr' is address-sensitive because its constructor makes member 'c_' refer into member 's_'}}
}

// A base's member, a member's member.
struct Base { char b[8]; char *p = nullptr; };
struct Derived : Base { Derived() { p = b; } }; // #site25
struct Hook { Hook *prev; Hook *next; };
struct Linked { Hook hook; Linked() { hook.prev = &hook; hook.next = &hook; } }; // #site26
void parts() {
  Derived a; Derived a2 = a; // #site27
// expected-warning@-1 {{'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site27 {{'a' is pinned from its construction: constructor 'Derived' makes member 'p' refer into member 'b'}}
// expected-note@#site25 {{'Derived' is address-sensitive because its constructor makes member 'p' refer into member 'b'}}
  Linked b; Linked b2 = b; // #site28
// expected-warning@-1 {{'b' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site28 {{'b' is pinned from its construction: constructor 'Linked' makes member 'hook.prev' refer into member 'hook'}}
// expected-note@#site26 {{'Linked' is address-sensitive because its constructor makes member 'hook.prev' refer into member 'hook'}}
}

// On some paths only; returned by a function; a member built by a
// self-referential constructor; an aggregate.
struct Small {
  int inl[4];
  int *data;
  explicit Small(std::size_t n) { if (n <= 4) data = inl; else data = new int[n]; } // #site29
};
Header make_header();
struct Conn { Header h; Conn() : h("x: y") {} }; // #site30
struct Pair { int n; Cursor c; }; // #site31
void construction_forms() {
  Small s(2); Small s2 = s; // #site32
// expected-warning@-1 {{'s' is copied after it was pinned on some paths; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site32 {{'s' may be pinned from its construction: constructor 'Small' makes member 'data' refer into member 'inl' on some paths}}
// expected-note@#site29 {{'Small' is address-sensitive because its constructor makes member 'data' refer into member 'inl' on some paths}}
  Header r = make_header(); Header r2 = std::move(r); // #site33
// expected-warning@-1 {{'r' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
// expected-note@#site33 {{'r' may be pinned from its construction: it is returned by 'make_header', and a constructor of 'Header' makes member 'name_' refer into member 'line_'}}
// expected-note@#site1 {{'Header' is address-sensitive because its constructor makes member 'name_' refer into member 'line_'}}
  Conn c; Conn c2 = std::move(c); // #site34
// expected-warning@-1 {{'c' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
// expected-note@#site34 {{'c' is pinned from its construction: constructor 'Conn' builds member 'h' with constructor 'Header', which makes member 'name_' refer into member 'line_'}}
// expected-note@#site30 {{'Conn' is address-sensitive because member 'h' has type 'Header'}}
// expected-note@#site1 {{'Header' is address-sensitive because its constructor makes member 'name_' refer into member 'line_'}}
  Pair p{1, {}}; Pair p2 = p; // #site35
// expected-warning@-1 {{'p' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site35 {{'p' is pinned from its construction: its initializer initialises member 'c', whose default member initializer makes member 'cur' refer into member 'buf'}}
// expected-note@#site31 {{'Pair' is address-sensitive because member 'c' has type 'Cursor'}}
// expected-note@#site3 {{'Cursor' is address-sensitive because its default member initializer makes member 'cur' refer into member 'buf'}}
}

// ---------------------------------------------------------------------------
// Not self-referential: a member that refers to another object.
int global_int;
struct ToParam { int *p; explicit ToParam(int *q) : p(q) {} };
struct ToGlobal { int *p = &global_int; };
struct ToHeap { int *p; ToHeap() : p(new int[4]) {} };
struct ToOther { char *p; explicit ToOther(Cursor &o) : p(o.buf) {} };
struct ToVector { std::vector<int> v; int *p; ToVector() : v(4), p(v.data()) {} };
struct ToArg { std::string_view name_; explicit ToArg(const std::string &s) : name_(s) {} };
void not_self_referential(Cursor &o) {
  int x = 0;
  ToParam a(&x); ToParam a2 = a;
  ToGlobal b; ToGlobal b2 = b;
  ToHeap c; ToHeap c2 = c;
  ToOther d(o); ToOther d2 = d;
  ToVector e; ToVector e2 = e;
  std::string s = "x";
  ToArg f(s); ToArg f2 = f;
}

// Opted out.
struct PIN_UNPIN Unpinned { char buf[8]; char *cur = buf; };
// expected-warning@-1 {{'PIN_UNPIN' on 'Unpinned', which is self-referential: its implicit copy constructor copies member 'cur' unchanged, so the copy refers to the original [pin-annotation]}}
// expected-note@-2 {{member 'cur' is made to refer into member 'buf' here}}
void opted_out() {
  Unpinned u; Unpinned u2 = u;
}

// Copy and move members that point the copy into its own storage are
// cooperative; one that copies the pointer is not.
struct Rebasing {
  char buf[8];
  char *cur = buf; // #rebasing_cur
  Rebasing() = default;
  Rebasing(const Rebasing &o) : cur(buf + (o.cur - o.buf)) {}
  Rebasing(Rebasing &&o) noexcept : cur(buf) { (void)o; }
  Rebasing &operator=(const Rebasing &o) { (void)o; return *this; }
};
struct Copying {
  char buf[8];
  char *cur = buf; // #site36
  Copying() = default;
  Copying(const Copying &o) : cur(o.cur) {}
};
void cooperation() {
  Rebasing a; Rebasing b = a; Rebasing c = std::move(a); b = c;
  Copying d; Copying e = d; // #site37
// expected-warning@-1 {{'d' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#site37 {{'d' is pinned from its construction: constructor 'Copying' makes member 'cur' refer into member 'buf'}}
// expected-note@#site36 {{'Copying' is address-sensitive because its default member initializer makes member 'cur' refer into member 'buf'}}
}

// An implicit copy or move of a class whose address-sensitive parts are all
// copied or moved by cooperative members of theirs (bases, members, arrays,
// nested) cooperates too; one of a class that adds a self-reference of its
// own, or holds a part whose copy is not cooperative, does not.
struct Message { int id = 0; Rebasing body; };
struct Nested { Message m; Rebasing parts[2]; };
struct FromBase : Rebasing { int extra = 0; };
struct AddsOwn { Rebasing body; AddsOwn *self = this; }; // #adds_own
struct HoldsCopying { Rebasing ok; Copying bad; }; // #holds_copying
void memberwise() {
  Message m; Message m2 = m; Message m3 = std::move(m2); m3 = m;
  Nested n; Nested n2 = n;
  FromBase f; FromBase f2 = f;
  AddsOwn a; AddsOwn a2 = a; // #adds_own_copy
// expected-warning@-1 {{'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#adds_own_copy {{'a' is pinned from its construction: constructor 'AddsOwn' makes member 'self' refer to the object itself}}
// expected-note@#adds_own {{member 'self' is made to refer to the object itself here}}
// expected-note@#adds_own {{'AddsOwn' is address-sensitive because member 'body' has type 'Rebasing'}}
  HoldsCopying h; HoldsCopying h2 = h; // #holds_copying_copy
// expected-warning@-1 {{'h' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
// expected-note@#holds_copying_copy {{'h' is pinned from its construction: constructor 'HoldsCopying' builds member 'ok' with constructor 'Rebasing', which makes member 'cur' refer into member 'buf'}}
// expected-note@#holds_copying {{'HoldsCopying' is address-sensitive because member 'ok' has type 'Rebasing'}}
// expected-note@#rebasing_cur 2 {{'Rebasing' is address-sensitive because its default member initializer makes member 'cur' refer into member 'buf'}}
  (void)m3; (void)n2; (void)f2; (void)a2; (void)h2;
}


// ---------------------------------------------------------------------------
// `this` escaping through a lambda (docs/model.md, "When an instance is
// pinned"): stored into another object's member, or kept in a local first
// and then handed to a function that keeps it. A lambda holding `this` in
// the object's own member is a self-reference. Not an escape: a lambda kept
// in a local and only called, one borrowed by a reference parameter, `this`
// kept in a local pointer.
struct Source { std::function<void()> on_event; };
template <class F> void make_timer(F callback);
void run_later(const std::function<void()> &f);

struct Listener {
  int hits = 0;
  explicit Listener(Source *src) { src->on_event = [this] { ++hits; }; } // #listener_escape
};
struct Ticker {
  int ticks = 0;
  Ticker() {
    auto cb = [this] { ++ticks; };
    make_timer(cb); // #ticker_escape
  }
};
struct SelfCallback {
  int n = 0;
  std::function<void()> cb;
  SelfCallback() { cb = [this] { ++n; }; } // #self_callback
};
struct Quiet {
  int n = 0;
  Quiet() {
    auto cb = [this] { ++n; };
    cb();
    run_later([this] { ++n; });
    Quiet *me = this;
    (void)me;
  }
};
void lambdas(Source &src) {
  Listener a(&src); // expected-note {{'a' is pinned here: it is made by constructor 'Listener', which lets 'this' escape}}
  Listener a2 = std::move(a); // expected-warning {{'a' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#listener_escape {{'this' escapes here: it is stored outside the object}}
  // expected-note@#listener_escape {{'Listener' is address-sensitive because its constructor lets 'this' escape: it is stored outside the object}}
  Ticker b; // expected-note {{'b' is pinned here: it is made by constructor 'Ticker', which lets 'this' escape}}
  Ticker b2 = b; // expected-warning {{'b' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#ticker_escape {{'this' escapes here: it is passed to 'make_timer'}}
  // expected-note@#ticker_escape {{'Ticker' is address-sensitive because its constructor lets 'this' escape: it is passed to 'make_timer'}}
  SelfCallback c; // expected-note {{'c' is pinned from its construction: constructor 'SelfCallback' makes member 'cb' refer to the object itself}}
  SelfCallback c2 = c; // expected-warning {{'c' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#self_callback {{'SelfCallback' is address-sensitive because its constructor makes member 'cb' refer to the object itself}}
  Quiet d; Quiet d2 = d;
  (void)a2; (void)b2; (void)c2; (void)d2;
}

// ---------------------------------------------------------------------------
// What lets `this` escape and what does not, on real library calls (the
// real-code trial's false positives, side by side with the escapes they
// resemble). A member's address passed as an out-parameter, `this` printed,
// a static std member (char_traits::copy), `*this` read through a const
// reference, a lambda passed to a template that only calls it, a copy
// constructor delegating to the one that makes the self-reference, and a
// small buffer's move that re-points only when the source was inline: none
// is reported. A member's address in a `void *` user-data slot, or in a
// pointer to a class that holds pointers (a hook), is an escape.
bool parse_int(const std::string &s, int *out);
struct Hook2 { Hook2 *next = nullptr; };
void link_hook(Hook2 *h);
void set_user_data(void *data);
void validate(const struct Checked &c);
template <class F> void visit_twice(F f) { f(); f(); }

struct OutParam {
  int value = 0;
  explicit OutParam(const std::string &v) { parse_int(v, &value); }
};
struct Printed {
  int n = 0;
  Printed() { std::clog << "at " << this << '\n'; }
};
struct TraitsCopy {
  char s_[8];
  explicit TraitsCopy(const char *p) { std::char_traits<char>::copy(&s_[0], p, 7); }
};
struct Checked {
  int n = 0;
  Checked() { validate(*this); }
};
struct Visited {
  int n = 0;
  Visited() { visit_twice([this] { ++n; }); }
};
struct Delegating {
  char buf_[16];
  char *data_;
  Delegating() : data_(buf_) {}
  Delegating(const Delegating &o) : Delegating() { std::memcpy(buf_, o.buf_, sizeof buf_); }
};
struct SmallString {
  char *data_;
  char inline_[16];
  SmallString() : data_(inline_) {}
  SmallString(SmallString &&o) noexcept {
    if (o.data_ == o.inline_) {
      data_ = inline_;
      std::memcpy(inline_, o.inline_, sizeof inline_);
    } else {
      data_ = o.data_;
      o.data_ = o.inline_;
    }
  }
};
// A standard container or string member filled through a pointer (the
// real-code trial's leveldb InternalKey: `AppendInternalKey(&rep_, ...)`):
// an out-parameter, whether the callee's body is seen or not.
void append_key(std::string *result, const std::string &k);
void append_key_seen(std::string *result, const std::string &k) { result->append(k); }
void fill_ids(std::vector<int> *ids);
struct KeyOut {
  std::string rep_;
  explicit KeyOut(const std::string &k) { append_key(&rep_, k); }
};
struct KeyOutSeen {
  std::string rep_;
  explicit KeyOutSeen(const std::string &k) { append_key_seen(&rep_, k); }
};
struct IdsOut {
  std::vector<int> ids_;
  IdsOut() { fill_ids(&ids_); }
};
struct UserData {
  int state = 0;
  UserData() { set_user_data(&state); } // #user_data
};
struct HookOwner {
  Hook2 hook;
  HookOwner() { link_hook(&hook); } // #hook_owner
};
void not_escapes_on_real_calls() {
  OutParam a("1"); OutParam a2 = a;
  Printed b; Printed b2 = b;
  TraitsCopy c("x"); TraitsCopy c2 = c;
  Checked d; Checked d2 = d;
  Visited e; Visited e2 = e;
  Delegating f; Delegating f2 = f;
  SmallString g; SmallString g2 = std::move(g);
  KeyOut k("k"); KeyOut k2 = k; KeyOut k3 = std::move(k);
  KeyOutSeen ks("k"); KeyOutSeen ks2 = ks;
  IdsOut ids; IdsOut ids2 = ids;
  (void)k2; (void)k3; (void)ks2; (void)ids2;
  UserData h; // expected-note {{'h' is pinned here: it is made by constructor 'UserData', which lets 'this' escape}}
  UserData h2 = h; // expected-warning {{'h' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#user_data {{'this' escapes here: it is passed to 'set_user_data'}}
  // expected-note@#user_data {{'UserData' is address-sensitive because its constructor lets 'this' escape: it is passed to 'set_user_data'}}
  HookOwner i; // expected-note {{'i' is pinned here: it is made by constructor 'HookOwner', which lets 'this' escape}}
  HookOwner i2 = i; // expected-warning {{'i' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#hook_owner {{'this' escapes here: it is passed to 'link_hook'}}
  // expected-note@#hook_owner {{'HookOwner' is address-sensitive because its constructor lets 'this' escape: it is passed to 'link_hook'}}
  (void)a2; (void)b2; (void)c2; (void)d2; (void)e2; (void)f2; (void)g2; (void)h2; (void)i2;
}

// ---------------------------------------------------------------------------
// A parameter of a self-referential class was made by the caller, with a
// constructor this function does not see: it may be pinned from its
// construction. Moving or copying it is reported as "may"; reading it, or
// passing it on by reference, is not.
void take_by_value(Header h, std::vector<Header> &all) { // expected-note {{'h' may be pinned from its construction: it is a parameter, made by the caller, and a constructor of 'Header' makes member 'name_' refer into member 'line_'}}
  all.push_back(std::move(h)); // expected-warning {{'h' is moved by 'std::vector::push_back' after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-warning@-1 {{'push_back' may relocate the elements of 'all', which are pinned from their construction; each one moves to a new address and still refers to its old one [pin-container-relocation]}}
  // expected-note@#site1 {{'Header' is self-referential: its constructor makes member 'name_' refer into member 'line_'}}
  // expected-note@#header {{the elements are moved by the implicit move constructor of 'Header', which does not re-point member 'name_' into its new object}}
  // expected-note@#site1 {{'Header' is address-sensitive because its constructor makes member 'name_' refer into member 'line_'}}
}
void take_by_reference(const Cursor &c) { // expected-note {{'c' may be pinned from its construction: it is a parameter, made by the caller, and the default member initializer of 'Cursor' makes member 'cur' refer into member 'buf'}}
  Cursor copy = c; // expected-warning {{'c' is copied after it was pinned on some paths; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-note@#site3 {{'Cursor' is address-sensitive because its default member initializer makes member 'cur' refer into member 'buf'}}
  (void)copy;
}
std::size_t read_only(const Header &h, Cursor &c) { return h.name_.size() + (c.cur - c.buf); }

// The object a member function runs on was made by a constructor it does
// not see, as a parameter's was: moving or copying *this (or a part that is
// self-referential) is "may". Reading it, comparing its address, is not.
struct Named {
  std::string text_;
  std::string_view view_;
  explicit Named(std::string t) : text_(std::move(t)), view_(text_) {} // #named_view
  Named take() { return std::move(*this); } // expected-note {{'*this' may be pinned from its construction: it is the object 'take' runs on, made by its caller, and a constructor of 'Named' makes member 'view_' refer into member 'text_'}}
  // expected-warning@-1 {{'*this' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-note@#named_view {{'Named' is address-sensitive because its constructor makes member 'view_' refer into member 'text_'}}
  std::size_t size() const { return view_.size() + text_.size(); }
  bool same(const Named &o) const { return this == &o; }
};

// ---------------------------------------------------------------------------
// A swap written for a self-referential class itself (member or free) is its
// author's responsibility, like a user-provided move: not reported. One that
// binds the objects as a base class (slicing the self-reference away) is.
// (Variables declared together, `T c, d;`, are each pinned from their
// construction.)
struct Swappable {
  char buf[8];
  char *cur = buf; // #swappable_cur
  void swap(Swappable &o) noexcept;
};
void swap(Swappable &a, Swappable &b) noexcept;
struct Sliced : Swappable {}; // #sliced_class
void swaps() {
  Swappable a, b;
  swap(a, b);
  a.swap(b);
  Sliced c, d; // #sliced
  swap(c, d); // #sliced_swap
// expected-warning@-1 {{'c' is swapped by 'swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
// expected-warning@#sliced_swap {{'d' is swapped by 'swap' after it was pinned; pointers to its address now see a different value [pin-swap]}}
// expected-note@#sliced {{'c' is pinned from its construction: constructor 'Sliced' makes member 'cur' refer into member 'buf'}}
// expected-note@#sliced {{'d' is pinned from its construction: constructor 'Sliced' makes member 'cur' refer into member 'buf'}}
// expected-note@#swappable_cur 2 {{'Swappable' is address-sensitive because its default member initializer makes member 'cur' refer into member 'buf'}}
// expected-note@#sliced_class 2 {{'Sliced' is address-sensitive because it has base class 'Swappable'}}
}

// ---------------------------------------------------------------------------
// Not self-references (found on real code): a number computed from pointers
// into the object (a count, a room left, an id from the address), and views
// or pointers into what a reference member names (an object outside).
struct CountFromPointers {
  int arr_[8];
  std::size_t n_;
  std::uintptr_t id_;
  CountFromPointers() : n_(std::end(arr_) - std::begin(arr_)),
                        id_(reinterpret_cast<std::uintptr_t>(this)) {}
};
struct RoomLeft {
  char buf_[32];
  std::size_t room_;
  RoomLeft() { room_ = buf_ + sizeof buf_ - buf_; }
};
class RefLexer {
public:
  explicit RefLexer(const std::string &src) : src_(src), rest_(src_), c_(src_.c_str()) {}
private:
  const std::string &src_;
  std::string_view rest_;
  const char *c_;
};
struct RefArray {
  explicit RefArray(char (&a)[8]) : arr_(a), p_(arr_) {}
  char (&arr_)[8];
  char *p_;
};
void not_self_references(const std::string &text, char (&chars)[8]) {
  CountFromPointers a; CountFromPointers a2 = a;
  RoomLeft b; RoomLeft b2 = b;
  RefLexer c(text); RefLexer c2 = c;
  RefArray d(chars); RefArray d2 = d;
  (void)a2; (void)b2; (void)c2; (void)d2;
}

// A self-reference made and then overwritten on every path of every
// constructor is not made: a Writer never refers into itself. Overwritten
// on some paths only, after a `return` that may leave first, or not in one
// of the constructors, it is.
struct Writer {
  char small_[16];
  char *out_ = small_;
  explicit Writer(char *ext) { out_ = ext; }
};
struct MaybeWriter {
  char small_[16];
  char *out_ = small_; // #maybe_writer_out
  MaybeWriter(char *ext, bool use) {
    if (use)
      out_ = ext;
  }
};
struct EarlyWriter {
  char small_[16];
  char *out_ = small_; // #early_writer_out
  EarlyWriter(char *ext, int n) {
    if (n == 0)
      return;
    out_ = ext;
  }
};
struct TwoWriters {
  char small_[16];
  char *out_ = small_; // #two_writers_out
  explicit TwoWriters(char *ext) { out_ = ext; }
  TwoWriters() {}
};
// expected-note@#maybe_writer_out {{'MaybeWriter' is address-sensitive because its default member initializer makes member 'out_' refer into member 'small_'}}
// expected-note@#early_writer_out {{'EarlyWriter' is address-sensitive because its default member initializer makes member 'out_' refer into member 'small_'}}
// expected-note@#two_writers_out {{'TwoWriters' is address-sensitive because its default member initializer makes member 'out_' refer into member 'small_'}}
void overwritten_self_reference(char *ext) {
  Writer w(ext);
  Writer w2 = w;
  MaybeWriter m(ext, true); // expected-note {{'m' is pinned from its construction}}
  MaybeWriter m2 = m; // expected-warning {{'m' is copied after it was pinned}}
  EarlyWriter e(ext, 1); // expected-note {{'e' is pinned from its construction}}
  EarlyWriter e2 = e; // expected-warning {{'e' is copied after it was pinned}}
  TwoWriters t; // expected-note {{'t' is pinned from its construction}}
  TwoWriters t2 = t; // expected-warning {{'t' is copied after it was pinned}}
  TwoWriters u(ext);
  TwoWriters u2 = u;
  (void)w2, (void)m2, (void)e2, (void)t2, (void)u2;
}
