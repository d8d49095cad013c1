// The clang-tidy module: every check of checks/Checks.def is listed, findings
// come with their notes, the three NOLINT comment forms (same line, next
// line, begin/end block) suppress them, and the option MaxBlockVisits
// round-trips through .clang-tidy and --dump-config.
//
// RUN: %clang_tidy --checks='-*,pin-*' --list-checks | FileCheck %s --check-prefix=LIST
// LIST:      Enabled checks:
// LIST-NEXT:   pin-annotation
// LIST-NEXT:   pin-container-relocation
// LIST-NEXT:   pin-copy
// LIST-NEXT:   pin-memcpy
// LIST-NEXT:   pin-move
// LIST-NEXT:   pin-self-reference
// LIST-NEXT:   pin-storage-reuse
// LIST-NEXT:   pin-swap
// LIST-NEXT:   pin-trivially-relocatable
// LIST-EMPTY:
//
// RUN: %clang_tidy --checks='-*,pin-*' %s -- -std=c++20 -I %pin_include -nostdinc++ -isystem %mock_std 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf 'Checks: "-*,pin-*"\nCheckOptions:\n  pin-move.MaxBlockVisits: 77\n' > %t/.clang-tidy
// RUN: cp %s %t/input.cpp
// RUN: %clang_tidy --dump-config %t/input.cpp -- | FileCheck %s --check-prefix=CONFIG
// CONFIG-DAG: pin-move.MaxBlockVisits: '77'
// CONFIG-DAG: pin-copy.MaxBlockVisits: '200000'

#include <utility>

#include "pin/pin.h"

struct PIN_ADDRESS_SENSITIVE Node {
  Node *self = nullptr;
};

void use(Node *);

void f() {
  Node n;
  Node early = std::move(n); // before the pin: nothing
  use(&n);
  Node a = std::move(n);
  // CHECK: module.cpp:[[@LINE-1]]:12: warning: 'n' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]
  // CHECK: module.cpp:[[@LINE-3]]:7: note: 'n' is pinned here: its address is taken
  // CHECK: module.cpp:[[@LINE-13]]:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
  Node b = n; // NOLINT(pin-copy)
  // NOLINTNEXTLINE(pin-copy)
  Node c = n;
  // NOLINTBEGIN(pin-*)
  Node d = n;
  std::swap(n, d);
  // NOLINTEND(pin-*)
  Node e = n;
  // CHECK: module.cpp:[[@LINE-1]]:12: warning: 'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]
  // CHECK: module.cpp:[[@LINE-14]]:7: note: 'n' is pinned here: its address is taken
  // CHECK: module.cpp:[[@LINE-24]]:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
}
