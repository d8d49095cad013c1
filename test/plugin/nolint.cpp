// NOLINT comments in the plugin, decided as clang-tidy decides them (the
// same comments silence the same findings in the module and the lint tool:
// test/frontends/identity.test). Each suppressed line sits next to one the
// same comment must not silence.
//
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s
// Under werror the findings left are errors, and the comments still apply.
// RUN: not %pincc -fsyntax-only -std=c++20 -fplugin-arg-pincheck-werror %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WERROR --implicit-check-not=error: --implicit-check-not=warning:
// WERROR-COUNT-9: error: {{.*}} [pin-
// WERROR: warning: unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment [pincheck-nolint]
// WERROR: 9 errors generated.

#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
};
void link(PIN_PINS Node &n);

#define MOVE_INTO(dst, src) Node dst = std::move(src)

// Every finding below has this note.
// expected-note@#node 9 {{'Node' is address-sensitive because it is annotated address-sensitive}}

void same_line() {
  Node a;
  link(a); // #same_line_pin
  Node b = std::move(a); // NOLINT
  Node c = std::move(a); // NOLINT(pin-move)
  Node d = std::move(a); // NOLINT( pin-copy , pin-move )
  Node e = std::move(a); // NOLINT(pin-*)
  Node f = std::move(a); // NOLINT(pin-move
  Node g = std::move(a); // NOLINT(pin-copy)
  // expected-warning@-1 {{'a' is moved after it was pinned}}
  Node h = std::move(a); // NOLINT()
  // expected-warning@-1 {{'a' is moved after it was pinned}}
  Node i = std::move(a); // NOLINT(-pin-move)
  // expected-warning@-1 {{'a' is moved after it was pinned}}
  Node j = std::move(a); // nolint (lower case) is not recognised
  // expected-warning@-1 {{'a' is moved after it was pinned}}
  // expected-note@#same_line_pin 4 {{'a' is pinned here}}
}

void next_line() {
  Node a;
  link(a);
  // NOLINTNEXTLINE
  Node b = a;
  // NOLINTNEXTLINE(pin-copy)
  Node c = a;
  // NOLINTNEXTLINE(pin-copy)

  Node d = a; // a blank line between: not the next line
  // expected-warning@-1 {{'a' is copied after it was pinned}}
  // expected-note@-9 {{'a' is pinned here}}
  // NOLINTNEXTLINE(pin-move)
  Node e = a;
  // expected-warning@-1 {{'a' is copied after it was pinned}}
  // expected-note@-13 {{'a' is pinned here}}
}

void blocks() {
  Node a;
  link(a);
  // NOLINTBEGIN
  Node b = a;
  Node c = std::move(a);
  // NOLINTEND
  // NOLINTBEGIN(pin-copy)
  Node d = a;
  Node e = std::move(a);
  // expected-warning@-1 {{'a' is moved after it was pinned}}
  // expected-note@-9 {{'a' is pinned here}}
  // NOLINTEND(pin-copy)
}

void in_macro() {
  Node a;
  link(a);
  MOVE_INTO(b, a); // NOLINT(pin-move)
  MOVE_INTO(c, a);
  // expected-warning@-1 {{'a' is moved after it was pinned}}
  // expected-note@-4 {{'a' is pinned here}}
}

// A block left open suppresses nothing and is reported, as in clang-tidy
// (there as an error [clang-tidy-nolint]; here a warning, since a comment is
// not worth failing a build over).
void unmatched() {
  Node a;
  link(a);
  // NOLINTBEGIN
  // expected-warning@-1 {{unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment [pincheck-nolint]}}
  Node b = a;
  // expected-warning@-1 {{'a' is copied after it was pinned}}
  // expected-note@-5 {{'a' is pinned here}}
}
