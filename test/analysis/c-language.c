/* C (and Objective-C) translation units are analysed: an intrusive list in C
 * is as address-sensitive as one in C++. A struct annotated
 * PIN_ADDRESS_SENSITIVE (or holding one by value) is pinned by its address
 * taken, a PIN_PINS parameter or pin_mark_pinned; after that, each copy of it
 * is reported: an assignment from it, an initialiser, an argument by value,
 * a return by value, memcpy. Side by side, what is not: the same copies
 * before the pin, an unannotated struct, a struct that only points to a
 * node, assignment into the pinned struct (C's struct assignment writes the
 * destination as a C++ defaulted operator= does: like that, not reported).
 * The clang-tidy module and the lint tool run on C files too.
 *
 * RUN: %clangxx -x c -std=c11 -fsyntax-only -fplugin=%plugin -I %pin_include -Xclang -verify %s
 * RUN: %clangxx -x objective-c -fsyntax-only -fplugin=%plugin -I %pin_include -Xclang -verify %s
 * RUN: %clang_tidy --checks='-*,pin-*' %s -- -x c -std=c11 -I %pin_include 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=TIDY
 * TIDY: c-language.c:[[# @LINE + 29]]:7: warning: 'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]
 * RUN: not %pincheck %s -- -x c -std=c11 -I %pin_include 2>&1 | FileCheck %s --check-prefix=LINT
 * LINT: c-language.c:[[# @LINE + 27]]:7: warning: 'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]
 * LINT: pincheck: 1 file, 8 findings (pin-copy: 6, pin-memcpy: 2)
 */
#include <string.h>
#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE node { /* #node */
  struct node *prev, *next;
};
/* expected-note@-3 1+ {{'struct node' is address-sensitive because it is annotated address-sensitive}} */

struct timer { /* #timer */
  int deadline;
  struct node hook;
};
/* expected-note@-2 1+ {{'struct timer' is address-sensitive because member 'hook' has type 'struct node'}} */

struct plain { struct plain *self; };
struct by_pointer { struct node *n; };

void link_node(struct node *n PIN_PINS);
void take(struct node n);

void copies(void) {
  struct node a, b;
  struct node early = a; /* fine: not pinned yet */
  link_node(&a);         /* expected-note 6 {{'a' is pinned here: it is passed to pinning parameter 'n' of 'link_node'}} */
  b = a;                 /* expected-warning {{'a' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original}} */
  struct node c = a;     /* expected-warning {{'a' is copied after it was pinned}} */
  take(a);               /* expected-warning {{'a' is copied after it was pinned}} */
  struct node d[1] = {a}; /* expected-warning {{'a' is copied after it was pinned}} */
  memcpy(&b, &a, sizeof a); /* expected-warning {{'a' is copied as raw bytes by 'memcpy' after it was pinned; the bytes carry its self-pointers unchanged}} */
  memcpy(&a, &b, sizeof a); /* expected-warning {{'a' is overwritten as raw bytes by 'memcpy' after it was pinned}} */
  a = b;                 /* assignment into it: not reported */
  (void)early, (void)c, (void)d;
}

struct node returned(void) {
  struct node a;
  pin_mark_pinned(&a);   /* expected-note {{'a' is pinned here: it is marked pinned by 'pin_mark_pinned'}} */
  return a;              /* expected-warning {{'a' is copied after it was pinned}} */
}

void containment(void) {
  struct timer t;
  struct timer u;
  struct node *p = &t.hook; /* expected-note {{'t' is pinned here: the address of 't.hook' is taken}} */
  u = t;                 /* expected-warning {{'t' is copied after it was pinned}} */
  (void)p, (void)u;
}

void negatives(void) {
  struct plain x, y;
  struct plain *px = &x;
  y = x;                 /* not address-sensitive */
  struct node n;
  struct by_pointer bp = {&n};
  struct by_pointer bq = bp; /* holds a pointer: not address-sensitive */
  (void)px, (void)y, (void)bq;
}
