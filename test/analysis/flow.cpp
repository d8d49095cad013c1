// Checks the flow-sensitive pin state (docs/model.md "When an instance is pinned", "What is not reported"; the verdicts of
// docs/diagnostics.md): a move is reported with "after it was pinned" and
// "'n' is pinned here" when the value is pinned on every path that reaches it,
// with "after it was pinned on some paths" and "'n' may be pinned here" when
// only some paths pin it, and not at all when no path does. The "is pinned"
// note is at the earliest pin after which the value is pinned on every path,
// the "may be pinned" note at the earliest pin in source order on some path
// to the move. Covered:
// straight code (a move before the pin is fine), if without else, if/else
// both pinning, switch (some cases / every case), while, for and do loops (a
// pin inside the loop then a move after it; a move at the top of a loop whose
// bottom pins), a variable declared in a loop body (a new object every
// iteration), an early return before the pin, goto forwards and backwards,
// &n in unevaluated operands (sizeof, decltype, noexcept: not a pin), lambdas
// (a pin in a lambda body does not pin the enclosing function's variable; the
// lambda's own body is analysed), templates (a function template instantiated
// twice reports once, at the template's line; an instantiation with a type
// that is not address-sensitive reports nothing; an uninstantiated template
// reports nothing). In the second RUN, `if constexpr` (the branch not taken
// reports nothing; the branch taken is analysed); in the third, conditions
// that are constants (`while (true)` left by break, `for (;;)`,
// `do ... while (false)`, `if (true)`, `true ? a : b`), whose CFG has
// edges that can never be taken. (They are separate RUNs so that a crash on
// them does not hide the results of the others.)
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics -DIF_CONSTEXPR -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics -DCONSTANT_CONDITIONS -Xclang -verify %s

#include <memory>
#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
  int v = 0;
  void start() PIN_PINS_THIS;
};
// Every finding in this file is on a Node.
// expected-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}

struct Plain {
  void start() {}
};

void reg(Node &n PIN_PINS);

#if !defined(IF_CONSTEXPR) && !defined(CONSTANT_CONDITIONS)

// ----- straight code -----

void straight_must() {
  Node n;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void straight_move_before_pin() {
  Node n;
  Node m = std::move(n);
  Node c = n;
  n.start();
}

// ----- branches -----

void if_without_else(bool c) {
  Node n;
  if (c)
    n.start(); // expected-note {{'n' may be pinned here: pinning member function 'start' is called on it}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
}

// A pin on some paths, then one on every path: the note shows the pin after
// which it is pinned on every path (docs/diagnostics.md, notes item 1).
void may_then_must(bool c) {
  Node n;
  if (c)
    n.start();
  (void)&n; // expected-note {{'n' is pinned here: its address is taken}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void if_else_both_pin(bool c) {
  Node n;
  if (c)
    n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  else
    reg(n);
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void if_else_other_branch_moves(bool c) {
  Node n;
  if (c)
    n.start();
  else
    Node m = std::move(n);
}

void switch_some_cases(int k) {
  Node n;
  switch (k) {
  case 0:
    n.start(); // expected-note {{'n' may be pinned here: pinning member function 'start' is called on it}}
    break;
  case 1:
    reg(n);
    break;
  default:
    break;
  }
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
}

void switch_every_case(int k) {
  Node n;
  switch (k) {
  case 0:
    reg(n); // expected-note {{'n' is pinned here: it is passed to pinning parameter 'n' of 'reg'}}
    break;
  default:
    n.start();
    break;
  }
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void switch_case_not_pinning_moves(int k) {
  Node n;
  switch (k) {
  case 0:
    n.start();
    break;
  case 1: {
    Node m = std::move(n);
    break;
  }
  }
}

// ----- loops -----

void while_pin_inside_move_after(int k) {
  Node n;
  while (k--)
    n.start(); // expected-note {{'n' may be pinned here: pinning member function 'start' is called on it}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
}

void for_pin_inside_move_after(int k) {
  Node n;
  for (int i = 0; i < k; ++i)
    reg(n); // expected-note {{'n' may be pinned here: it is passed to pinning parameter 'n' of 'reg'}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
}

void do_pin_inside_move_after(int k) {
  Node n;
  do
    n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  while (--k > 0);
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// The pin at the bottom of one iteration reaches the move at the top of the next.
void for_move_at_top_pin_at_bottom(int k) {
  Node n;
  for (int i = 0; i < k; ++i) {
    Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
    n.start(); // expected-note {{'n' may be pinned here: pinning member function 'start' is called on it}}
  }
}

void while_move_at_top_pin_at_bottom(int k) {
  Node n;
  while (k--) {
    Node c = n; // expected-warning {{'n' is copied after it was pinned on some paths; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
    reg(n); // expected-note {{'n' may be pinned here: it is passed to pinning parameter 'n' of 'reg'}}
  }
}

// Declared in the body: a new, unpinned object every iteration.
void loop_body_variable(int k) {
  for (int i = 0; i < k; ++i) {
    Node n;
    Node m = std::move(n);
    n.start();
  }
  while (k--) {
    Node n;
    Node c = n;
    reg(n);
  }
  do {
    Node n;
    Node m = std::move(n);
    n.start();
  } while (k++ < 10);
}

// ----- early exits and goto -----

void early_return_before_pin(bool c) {
  Node n;
  if (c)
    return;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void move_on_the_early_return_path(bool c) {
  Node n;
  if (c) {
    Node m = std::move(n);
    return;
  }
  n.start();
}

void goto_skips_pin(bool c) {
  Node n;
  if (c)
    goto skip;
  n.start(); // expected-note {{'n' may be pinned here: pinning member function 'start' is called on it}}
skip:
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
}

void goto_after_pin() {
  Node n;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  goto done;
done:
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void goto_backwards(bool c) {
  Node n;
again:
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
  n.start(); // expected-note {{'n' may be pinned here: pinning member function 'start' is called on it}}
  if (c)
    goto again;
}

void goto_jumps_over_move(bool c) {
  Node n;
  if (c)
    goto pin;
  {
    Node m = std::move(n);
  }
pin:
  n.start();
}

// ----- unevaluated operands are not pins -----

void unevaluated_address() {
  Node n;
  (void)sizeof(&n);
  (void)sizeof(reg(n), 0);
  decltype(&n) p = nullptr;
  using T = decltype(n.start());
  using U = decltype(std::addressof(n));
  (void)noexcept(&n);
  (void)noexcept(n.start());
  (void)p;
  Node m = std::move(n);
}

// ----- lambdas -----

// A pin in the lambda body happens when (if) the lambda runs, not here.
void lambda_body_pin_does_not_pin_outer() {
  Node n;
  auto by_ref_default = [&] { n.start(); };
  auto by_ref_named = [&n] { Node *p = &n; (void)p; };
  auto pinning = [&n] { reg(n); };
  Node m = std::move(n);
  (void)by_ref_default, (void)by_ref_named, (void)pinning;
}

// The lambda's own body is analysed as a function of its own.
void lambda_body_is_analysed() {
  auto l = [] {
    Node k;
    k.start(); // expected-note {{'k' is pinned here: pinning member function 'start' is called on it}}
    Node m = std::move(k); // expected-warning {{'k' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  };
  l();
}

// ----- templates -----

// Instantiated twice: one finding, at the template's line.
template <class T> void twice(T) {
  Node n;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Reported for T = Node only; Plain is not address-sensitive.
template <class T> void per_type() {
  T n;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  T m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// Never instantiated: nothing.
template <class T> void never_instantiated(T t) {
  Node n;
  n.start();
  Node m = std::move(n);
  pin::mark_pinned(t);
  T u = std::move(t);
}

template <class T> struct NeverInstantiatedClass {
  void f() {
    T n;
    n.start();
    T m = std::move(n);
  }
};

void use_templates() {
  twice(1);
  twice(2.0);
  per_type<Plain>();
  per_type<Node>();
  per_type<Plain>();
}

#elif defined(IF_CONSTEXPR)

// ----- if constexpr -----

// The discarded branch is not analysed; the branch taken is.
template <bool Move> void move_or_copy() {
  Node n;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  if constexpr (Move) {
    Node m = std::move(n);
  } else {
    Node c = n; // expected-warning {{'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  }
}

template <class T> void pin_if_large() {
  Node n;
  if constexpr (sizeof(T) > 64)
    n.start();
  Node m = std::move(n);
}

void constexpr_not_taken() {
  Node n;
  n.start();
  if constexpr (sizeof(int) == 0) {
    Node m = std::move(n);
  }
}

void use_if_constexpr() {
  move_or_copy<false>();
  pin_if_large<int>();
}

#else // CONSTANT_CONDITIONS

// ----- constant conditions -----

void while_true_left_by_break() {
  Node n;
  while (true) {
    n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
    break;
  }
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void for_ever_move_at_top(bool c) {
  Node n;
  for (;;) {
    Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned on some paths; pointers to its old address now see a moved-from object [pin-move]}}
    n.start(); // expected-note {{'n' may be pinned here: pinning member function 'start' is called on it}}
    if (c)
      break;
  }
}

void do_while_false() {
  Node n;
  do {
    reg(n); // expected-note {{'n' is pinned here: it is passed to pinning parameter 'n' of 'reg'}}
  } while (false);
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

void if_true() {
  Node n;
  if (true)
    n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

int constant_conditional() {
  Node n;
  n.start(); // expected-note {{'n' is pinned here: pinning member function 'start' is called on it}}
  int x = true ? 1 : 2;
  Node m = std::move(n); // expected-warning {{'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  return x;
}

#endif
