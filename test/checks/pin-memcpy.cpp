// Checks pin-memcpy: raw byte operations on a pinned object of an
// address-sensitive type (docs/model.md "What is reported on a pinned value", families "raw memory" and "storage
// reuse"): memcpy, memmove, memset, bzero, bcopy, mempcpy, realloc,
// std::memcpy, __builtin_memcpy, __builtin___memcpy_chk, std::bit_cast (C++20),
// __builtin_bit_cast and __builtin_trivially_relocate. The pinned value may be
// the source ("copied as raw bytes by"), the destination ("overwritten as raw
// bytes by") or the reallocated block ("reallocated by"); builtin and
// fortified spellings are named by their plain function (docs/diagnostics.md).
// A (void*), static_cast<void*> or reinterpret_cast<char*> on the operand does
// not hide it, nor does a pointer alias. A PIN_ADDRESS_AWARE copy does not make
// raw bytes safe. Not reported: the same call before the pin (the '&' that
// makes a memcpy operand is not a pin), unannotated and PIN_UNPIN types, a
// pin in the other branch, and bytes of a member that is not
// address-sensitive (a char buffer inside a pinned Node).
//
// mempcpy, bzero and bcopy are library builtins only in the gnu++ modes: the
// check must find them in both.
// RUN: %pincc -fsyntax-only -std=c++17 -Wno-nontrivial-memcall -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Wno-nontrivial-memcall -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=gnu++20 -Wno-nontrivial-memcall -Xclang -verify %s
//
// The whole shape of two diagnostics (-verify cannot tell which warning a note
// belongs to, nor their order).
// RUN: %pincc -fsyntax-only -std=c++20 -Wno-nontrivial-memcall -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHAPE

#include <bit>
#include <cstdlib>
#include <cstring>
#include <string.h>
#include <strings.h>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node_decl
  Node *self = nullptr;
  char buf[8];
  long value = 0;
};

// Not annotated: an ordinary (Unpin) type, even with a self-pointer.
struct Plain {
  Plain *self = nullptr;
  char buf[8];
};

// The opt-out: never address-sensitive, whatever it contains.
struct PIN_UNPIN Wrapper {
  Node n;
};

// Address-sensitive by containment.
struct Outer {
  char tag[4];
  Node n; // #outer_n
};

// Its copies fix the self-pointer up: cooperative for copies, but raw bytes
// run none of its code.
struct PIN_ADDRESS_SENSITIVE Aware { // #aware_decl
  Aware *self = nullptr;
  Aware() = default;
  Aware(const Aware &) PIN_ADDRESS_AWARE;
  Aware &operator=(const Aware &) PIN_ADDRESS_AWARE;
};

// The bytes of a T, for the bit casts.
template <class T> struct BytesOf {
  char b[sizeof(T)];
};
using Bytes = BytesOf<Node>;

// 'Node' explains every warning below on a Node; the exact count per warning
// is checked for Outer and Aware (other types) and by SHAPE.
// expected-note@#node_decl 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

// ------------------------------------------------------------------ memcpy

void memcpy_source() {
  Node n, m;
  char raw[sizeof(Node)];
  memcpy(raw, &n, sizeof n); // before the pin: fine
  memcpy(&m, &n, sizeof n);  // the '&'s are operands, not pins: fine
  memcpy(&n, &m, sizeof n);  // still unpinned: fine
  Node *p = &n;              // #pin_memcpy_src
  memcpy(raw, &n, sizeof n); // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-note@#pin_memcpy_src {{'n' is pinned here: its address is taken}}
  (void)p;
}

void memcpy_destination() {
  Node n;
  char raw[sizeof(Node)] = {};
  memcpy(&n, raw, sizeof n); // before the pin: fine
  Node *p = &n;              // #pin_memcpy_dst
  memcpy(&n, raw, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  // expected-note@#pin_memcpy_dst {{'n' is pinned here: its address is taken}}
  (void)p;
}

void memcpy_both_pinned() {
  Node n, m;
  Node *p = &n;             // #pin_both_n
  Node *q = &m;             // #pin_both_m
  memcpy(&m, &n, sizeof n); // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}} \
                            // expected-warning {{'m' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  // expected-note@#pin_both_n {{'n' is pinned here: its address is taken}}
  // expected-note@#pin_both_m {{'m' is pinned here: its address is taken}}
  (void)p, (void)q;
}

void memcpy_casts() {
  Node n;
  char raw[sizeof(Node)] = {};
  Node *p = &n; // #pin_casts
  memcpy(raw, (void *)&n, sizeof n); // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  memcpy(static_cast<void *>(&n), raw, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  memcpy(raw, reinterpret_cast<char *>(&n), sizeof n); // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  memcpy(reinterpret_cast<unsigned char *>(p), raw, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  // expected-note@#pin_casts 4 {{'n' is pinned here: its address is taken}}
  // expected-note@#pin_casts {{'p' points to 'n'}}
}

void memcpy_through_pointer() {
  Node n;
  char raw[sizeof(Node)] = {};
  Node *p = &n;            // #pin_alias
  memcpy(raw, p, sizeof n); // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  memcpy(p, raw, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  // expected-note@#pin_alias 2 {{'n' is pinned here: its address is taken}}
  // expected-note@#pin_alias 2 {{'p' points to 'n'}}
}

// Only the bytes of a member that is not address-sensitive: the pinned
// object's address-dependent state is not touched.
void memcpy_plain_member() {
  Node n;
  char raw[sizeof(Node)] = {};
  Node *p = &n;
  memcpy(&n.buf, raw, sizeof n.buf);
  memcpy(n.buf, raw, sizeof n.buf);
  memcpy(p->buf, raw, sizeof n.buf);
  memcpy(raw, n.buf, sizeof n.buf);
  memset(&n.value, 0, sizeof n.value);
}

// An address-sensitive member of a pinned object is reported, by its name.
void memcpy_outer() {
  Outer o;
  char raw[sizeof(Outer)] = {};
  char *t = &o.tag[0]; // #pin_outer
  memcpy(o.tag, raw, sizeof o.tag); // not address-sensitive: fine
  memcpy(&o.n, raw, sizeof o.n); // expected-warning {{'o.n' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  memcpy(raw, &o, sizeof o);     // expected-warning {{'o' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-note@#pin_outer 2 {{'o' is pinned here: the address of 'o.tag[0]' is taken}}
  // expected-note@#outer_n {{'Outer' is address-sensitive because member 'n' has type 'Node'}}
  (void)t;
}

void memcpy_other_types() {
  char raw[sizeof(Node)] = {};
  Plain a;
  Plain *p = &a;
  memcpy(raw, &a, sizeof a); // unannotated: fine
  memcpy(&a, raw, sizeof a);
  Wrapper w;
  Node *q = &w.n;
  memcpy(raw, &w, sizeof w); // PIN_UNPIN: fine
  memcpy(&w, raw, sizeof w);
  (void)p, (void)q;
}

void memcpy_some_paths(bool c) {
  Node n;
  char raw[sizeof(Node)] = {};
  if (c) {
    Node *p = &n; // #pin_branch
    (void)p;
  }
  memcpy(raw, &n, sizeof n); // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned on some paths; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-note@#pin_branch {{'n' may be pinned here: its address is taken}}
}

void memcpy_other_branch(bool c) {
  Node n;
  char raw[sizeof(Node)] = {};
  if (c) {
    Node *p = &n;
    (void)p;
  } else {
    memcpy(raw, &n, sizeof n); // the pin is on the other branch: fine
    memcpy(&n, raw, sizeof n);
  }
}

void memcpy_loop() {
  Node n;
  char raw[sizeof(Node)] = {};
  for (int i = 0; i < 2; ++i) {
    memcpy(&n, raw, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memcpy' after it was pinned on some paths; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
    Node *p = &n; // #pin_loop
    // expected-note@#pin_loop {{'n' may be pinned here: its address is taken}}
    (void)p;
  }
  for (int i = 0; i < 2; ++i) {
    Node fresh; // a new object each iteration: starts unpinned
    memcpy(&fresh, raw, sizeof fresh);
    Node *p = &fresh;
    (void)p;
  }
}

// --------------------------------------- other spellings of memcpy

void memcpy_spellings() {
  Node n;
  char raw[sizeof(Node)] = {};
  std::memcpy(raw, &n, sizeof n);             // before the pin: fine
  __builtin_memcpy(raw, &n, sizeof n);        // before the pin: fine
  __builtin___memcpy_chk(&n, raw, sizeof n, sizeof n); // before the pin: fine
  Node *p = &n;                               // #pin_spellings
  std::memcpy(raw, &n, sizeof n);             // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  __builtin_memcpy(raw, &n, sizeof n);        // expected-warning {{'n' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  __builtin___memcpy_chk(&n, raw, sizeof n, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  // expected-note@#pin_spellings 3 {{'n' is pinned here: its address is taken}}
  (void)p;
}

void memcpy_spellings_negatives() {
  char raw[sizeof(Node)] = {};
  Plain a;
  Plain *p = &a;
  std::memcpy(raw, &a, sizeof a);
  __builtin_memcpy(&a, raw, sizeof a);
  __builtin___memcpy_chk(&a, raw, sizeof a, sizeof a);
  Wrapper w;
  Wrapper *q = &w;
  std::memcpy(raw, &w, sizeof w);
  __builtin_memcpy(&w, raw, sizeof w);
  __builtin___memcpy_chk(&w, raw, sizeof w, sizeof w);
  (void)p, (void)q;
}

// ------------------------------------ memmove, memset, bzero, bcopy, mempcpy

void other_functions() {
  Node n;
  char raw[sizeof(Node)] = {};
  memmove(raw, &n, sizeof n); // before the pin: fine
  memset(&n, 0, sizeof n);
  bzero(&n, sizeof n);
  bcopy(&n, raw, sizeof n);
  bcopy(raw, &n, sizeof n);
  mempcpy(raw, &n, sizeof n);
  Node *p = &n;               // #pin_others
  memmove(raw, &n, sizeof n); // expected-warning {{'n' is copied as raw bytes by 'memmove' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  memmove(&n, raw, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'memmove' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  memset(&n, 0, sizeof n);    // expected-warning {{'n' is overwritten as raw bytes by 'memset' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  bzero(&n, sizeof n);        // expected-warning {{'n' is overwritten as raw bytes by 'bzero' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  bcopy(&n, raw, sizeof n);   // expected-warning {{'n' is copied as raw bytes by 'bcopy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  bcopy(raw, &n, sizeof n);   // expected-warning {{'n' is overwritten as raw bytes by 'bcopy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  mempcpy(raw, &n, sizeof n); // expected-warning {{'n' is copied as raw bytes by 'mempcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  mempcpy(&n, raw, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'mempcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  // expected-note@#pin_others 8 {{'n' is pinned here: its address is taken}}
  (void)p;
}

void other_functions_negatives(bool c) {
  char raw[sizeof(Node)] = {};
  Plain a;
  Plain *p = &a;
  memmove(&a, raw, sizeof a); // unannotated: fine
  memset(&a, 0, sizeof a);
  bzero(&a, sizeof a);
  bcopy(&a, raw, sizeof a);
  mempcpy(raw, &a, sizeof a);
  Wrapper w;
  Node *q = &w.n;
  memmove(&w, raw, sizeof w); // PIN_UNPIN: fine
  memset(&w, 0, sizeof w);
  bzero(&w, sizeof w);
  bcopy(raw, &w, sizeof w);
  mempcpy(&w, raw, sizeof w);
  Node n;
  Node *r = &n;
  memset(n.buf, 0, sizeof n.buf); // a plain member of a pinned Node: fine
  bzero(&n.value, sizeof n.value);
  Node m;
  if (c) {
    Node *s = &m;
    (void)s;
  } else {
    memset(&m, 0, sizeof m); // other branch: fine
    bzero(&m, sizeof m);
  }
  (void)p, (void)q, (void)r;
}

void other_functions_some_paths(bool c) {
  Node n;
  if (c) {
    Node *p = &n; // #pin_others_branch
    (void)p;
  }
  bzero(&n, sizeof n); // expected-warning {{'n' is overwritten as raw bytes by 'bzero' after it was pinned on some paths; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  // expected-note@#pin_others_branch {{'n' may be pinned here: its address is taken}}
}

// ------------------------------------------------------------------ realloc

void realloc_pinned() {
  Node n;
  Node *p = &n;                         // #pin_realloc
  void *r = realloc(&n, 2 * sizeof n);  // expected-warning {{'n' is reallocated by 'realloc' after it was pinned; its storage may move without running any of its code [pin-memcpy]}}
  void *r2 = realloc(p, 2 * sizeof n);  // expected-warning {{'n' is reallocated by 'realloc' after it was pinned; its storage may move without running any of its code [pin-memcpy]}}
  void *r3 = std::realloc((void *)p, 1); // expected-warning {{'n' is reallocated by 'realloc' after it was pinned; its storage may move without running any of its code [pin-memcpy]}}
  // expected-note@#pin_realloc 3 {{'n' is pinned here: its address is taken}}
  // expected-note@#pin_realloc 2 {{'p' points to 'n'}}
  (void)r, (void)r2, (void)r3;
}

// A heap object is a place: handing out its address (`&*h`) pins it.
void realloc_heap() {
  Node *h = static_cast<Node *>(malloc(sizeof(Node)));
  void *before = realloc(h, 2 * sizeof(Node)); // before the pin: fine
  h = static_cast<Node *>(before);
  Node *q = &*h; // expected-note {{'*h' is pinned here: its address is taken}}
  void *after = realloc(h, 4 * sizeof(Node)); // expected-warning {{'*h' is reallocated by 'realloc' after it was pinned; its storage may move without running any of its code [pin-memcpy]}}
  (void)q, (void)after;
}

void realloc_negatives(bool c) {
  Plain a;
  Plain *p = &a;
  void *r = realloc(p, 1); // unannotated: fine
  Wrapper w;
  Node *q = &w.n;
  void *r2 = realloc(&w, 1); // PIN_UNPIN: fine
  Node n;
  if (c) {
    Node *s = &n;
    (void)s;
  } else {
    void *r3 = realloc(&n, 1); // other branch: fine
    (void)r3;
  }
  (void)r, (void)q, (void)r2;
}

// ---------------------------------------------------------------- bit casts

void bit_casts() {
  Node n;
  Bytes before = __builtin_bit_cast(Bytes, n); // before the pin: fine
#if __cplusplus >= 202002L
  Bytes before2 = std::bit_cast<Bytes>(n);
  (void)before2;
#endif
  Node *p = &n; // #pin_bit_cast
  Bytes b = __builtin_bit_cast(Bytes, n); // expected-warning {{'n' is copied as raw bytes by '__builtin_bit_cast' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-note@#pin_bit_cast {{'n' is pinned here: its address is taken}}
#if __cplusplus >= 202002L
  Bytes b2 = std::bit_cast<Bytes>(n); // expected-warning {{'n' is copied as raw bytes by 'std::bit_cast' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-note@#pin_bit_cast {{'n' is pinned here: its address is taken}}
  (void)b2;
#endif
  (void)p, (void)before, (void)b;
}

void bit_casts_negatives(bool c) {
  Plain a;
  Plain *p = &a;
  auto ba = __builtin_bit_cast(BytesOf<Plain>, a); // unannotated: fine
  Wrapper w;
  Node *q = &w.n;
  auto bw = __builtin_bit_cast(BytesOf<Wrapper>, w); // PIN_UNPIN: fine
  Node n;
  if (c) {
    Node *r = &n;
    (void)r;
  } else {
    auto bn = __builtin_bit_cast(Bytes, n); // other branch: fine
    (void)bn;
  }
#if __cplusplus >= 202002L
  auto sa = std::bit_cast<BytesOf<Plain>>(a);
  auto sw = std::bit_cast<BytesOf<Wrapper>>(w);
  (void)sa, (void)sw;
#endif
  (void)p, (void)q, (void)ba, (void)bw;
}

void bit_cast_some_paths(bool c) {
  Node n;
  if (c) {
    Node *p = &n; // #pin_bit_cast_branch
    (void)p;
  }
  auto b = __builtin_bit_cast(Bytes, n); // expected-warning {{'n' is copied as raw bytes by '__builtin_bit_cast' after it was pinned on some paths; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-note@#pin_bit_cast_branch {{'n' may be pinned here: its address is taken}}
  (void)b;
}

// ------------------------------------------- __builtin_trivially_relocate

void trivially_relocate() {
  Node n, m;
  __builtin_trivially_relocate(&m, &n, 1); // before the pin: fine
  Node *p = &n; // #pin_relocate
  __builtin_trivially_relocate(&m, &n, 1); // expected-warning {{'n' is copied as raw bytes by '__builtin_trivially_relocate' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  __builtin_trivially_relocate(&n, &m, 1); // expected-warning {{'n' is overwritten as raw bytes by '__builtin_trivially_relocate' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  // expected-note@#pin_relocate 2 {{'n' is pinned here: its address is taken}}
  (void)p;
}

void trivially_relocate_negatives(bool c) {
  Plain a, b;
  Plain *p = &a;
  __builtin_trivially_relocate(&b, &a, 1); // unannotated: fine
  Wrapper w, x;
  Node *q = &w.n;
  __builtin_trivially_relocate(&x, &w, 1); // PIN_UNPIN: fine
  Node n, m;
  if (c) {
    Node *r = &n;
    (void)r;
  } else {
    __builtin_trivially_relocate(&m, &n, 1); // other branch: fine
  }
  (void)p, (void)q;
}

// --------------------------------------------------- PIN_ADDRESS_AWARE type

void address_aware() {
  Aware a, b;
  char raw[sizeof(Aware)] = {};
  memcpy(raw, &a, sizeof a); // before the pin: fine
  Aware *p = &a;             // #pin_aware
  Aware c = a;               // its address-aware copy runs: fine
  b = a;
  memcpy(raw, &a, sizeof a); // expected-warning {{'a' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  memcpy(&a, &b, sizeof a);  // expected-warning {{'a' is overwritten as raw bytes by 'memcpy' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  // expected-note@#pin_aware 2 {{'a' is pinned here: its address is taken}}
  // expected-note@#aware_decl 2 {{'Aware' is address-sensitive because it is annotated address-sensitive}}
  (void)p, (void)c;
}

// SHAPE:      pin-memcpy.cpp:[[# @LINE + 11]]:3: warning: 'p->n' is overwritten as raw bytes by 'memset' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]
// SHAPE-NEXT: pin-memcpy.cpp:[[# @LINE + 9]]:14: note: 'o' is pinned here: its address is taken
// SHAPE-NEXT: pin-memcpy.cpp:[[# @LINE + 8]]:10: note: 'p' points to 'o'
// SHAPE-NEXT: pin-memcpy.cpp:{{[0-9]+}}:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
// SHAPE-NEXT: pin-memcpy.cpp:[[# @LINE + 9]]:3: warning: 'o' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]
// SHAPE-NEXT: pin-memcpy.cpp:[[# @LINE + 5]]:14: note: 'o' is pinned here: its address is taken
// SHAPE-NEXT: pin-memcpy.cpp:{{[0-9]+}}:8: note: 'Outer' is address-sensitive because member 'n' has type 'Node'
// SHAPE-NEXT: pin-memcpy.cpp:{{[0-9]+}}:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
void shape() {
  Outer o;
  Outer *p = &o; // #pin_shape
  memset(&p->n, 0, sizeof p->n); // expected-warning {{'p->n' is overwritten as raw bytes by 'memset' after it was pinned; none of its code runs to keep its address-dependent state valid [pin-memcpy]}}
  char raw[sizeof(Outer)];
  memcpy(raw, &o, sizeof o);     // expected-warning {{'o' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged [pin-memcpy]}}
  // expected-note@#pin_shape 2 {{'o' is pinned here: its address is taken}}
  // expected-note@#pin_shape {{'p' points to 'o'}}
  // expected-note@#outer_n {{'Outer' is address-sensitive because member 'n' has type 'Node'}}
}
