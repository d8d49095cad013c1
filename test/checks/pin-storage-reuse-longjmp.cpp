// pin-storage-reuse: a longjmp leaves the frames up to its setjmp without
// running a destructor, so a pinned local (or by-value parameter) in scope
// at the call is abandoned where others still hold its address. Not
// reported: objects not pinned yet, objects whose block has ended, objects
// of types that are not address-sensitive, the caller's objects reached
// through reference parameters.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s

#include <setjmp.h>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  void start() PIN_PINS_THIS;
};
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

struct Plain {
  int v = 0;
  void start() PIN_PINS_THIS;
};

jmp_buf env;
bool cond();

void pinned_local() {
  Node n;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  longjmp(env, 1); // expected-warning {{the frame holding 'n' is left by 'longjmp' after it was pinned, without destroying it; whoever holds its address now points to dead storage [pin-storage-reuse]}}
}

void pinned_parameter(Node byval) {
  byval.start(); // expected-note {{'byval' is pinned here}}
  if (cond())
    longjmp(env, 1); // expected-warning {{the frame holding 'byval' is left by 'longjmp' after it was pinned}}
}

void maybe_pinned() {
  Node n;
  if (cond())
    n.start(); // expected-note {{'n' may be pinned here}}
  siglongjmp(env, 1); // expected-warning {{the frame holding 'n' is left by 'siglongjmp' after it was pinned on some paths, without destroying it}}
}

// Negatives.
void not_pinned_yet() {
  Node n;
  longjmp(env, 1);
  n.start();
}

void block_ended() {
  {
    Node n;
    n.start();
  }
  for (Node m; cond();)
    m.start();
  longjmp(env, 1);
}

void unannotated() {
  Plain p;
  p.start();
  longjmp(env, 1);
}

void callers_object(Node &n) {
  n.start();
  longjmp(env, 1);
}
