// Checks the exact text the plugin prints for a finding (docs/model.md "The shape of a finding",
// docs/diagnostics.md): the primary "file:line:col: warning: <message>
// [pin-move]" at the relocating expression with its range underlined, then
// the note saying where the value was pinned (at the pinning expression), then
// one note per link of the type chain, outermost first, each at the
// declaration it names; for a finding reached through a reference, the alias
// note sits between the pin note and the type notes. Every line of the output
// is matched in full, with its line:col, the source excerpt and the caret
// line, and nothing else may appear.
// The line numbers below are this file's: keep the code where it is.
//
// RUN: %pincc -fsyntax-only -std=c++17 %s 2>&1 \
// RUN:   | FileCheck %s --strict-whitespace --match-full-lines \
// RUN:       --implicit-check-not=warning: --implicit-check-not=note: \
// RUN:       --implicit-check-not=error:

#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node {
  Node *self = nullptr;
};

struct Outer {
  int tag = 0;
  Node n;
};

void one_finding() {
  Outer o;
  Outer *keep = &o;
  Outer moved = std::move(o);
  (void)keep;
}

void through_alias() {
  Node n;
  Node &r = n;
  pin::mark_pinned(n);
  Node copy = r;
}

// The first finding: primary, pin note, then the type chain (Outer, then Node).
// CHECK:{{.*}}diagnostic-shape.cpp:33:17: warning: 'o' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]
// CHECK-NEXT:   33 |   Outer moved = std::move(o);
// CHECK-NEXT:      |                 ^~~~~~~~~~~~
// CHECK-NEXT:{{.*}}diagnostic-shape.cpp:32:17: note: 'o' is pinned here: its address is taken
// CHECK-NEXT:   32 |   Outer *keep = &o;
// CHECK-NEXT:      |                 ^
// CHECK-NEXT:{{.*}}diagnostic-shape.cpp:27:8: note: 'Outer' is address-sensitive because member 'n' has type 'Node'
// CHECK-NEXT:   27 |   Node n;
// CHECK-NEXT:      |        ^
// CHECK-NEXT:{{.*}}diagnostic-shape.cpp:21:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
// CHECK-NEXT:   21 | struct PIN_ADDRESS_SENSITIVE Node {
// CHECK-NEXT:      |                              ^
//
// The second finding, reached through a reference: the alias note comes
// after the pin note and before the type note.
// CHECK-NEXT:{{.*}}diagnostic-shape.cpp:41:15: warning: 'n' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]
// CHECK-NEXT:   41 |   Node copy = r;
// CHECK-NEXT:      |               ^
// CHECK-NEXT:{{.*}}diagnostic-shape.cpp:40:3: note: 'n' is pinned here: it is marked pinned by 'pin::mark_pinned'
// CHECK-NEXT:   40 |   pin::mark_pinned(n);
// CHECK-NEXT:      |   ^
// CHECK-NEXT:{{.*}}diagnostic-shape.cpp:39:9: note: 'r' refers to 'n'
// CHECK-NEXT:   39 |   Node &r = n;
// CHECK-NEXT:      |         ^
// CHECK-NEXT:{{.*}}diagnostic-shape.cpp:21:30: note: 'Node' is address-sensitive because it is annotated address-sensitive
// CHECK-NEXT:   21 | struct PIN_ADDRESS_SENSITIVE Node {
// CHECK-NEXT:      |                              ^
// CHECK-NEXT:2 warnings generated.
