// Checks dump-facts (plugin argument dump-facts=<function>): what the
// analysis finds and concludes about a function, below the level of a
// finding. Each function below shows one part of it: places, pointers and
// aliases with the access path of every event and operand; the place each
// pin reached (or that it reached none); each operand's verdict (pinned,
// pinned on some paths, not pinned, no tracked place, unreached); container
// borrows, growths and the relocation that outlives a borrow; and why a
// function was not analysed (the prefilter, or nothing meeting in it).
// Functions not named are not dumped (the dump of 'other' does not appear).
//
// RUN: %pincc -fsyntax-only -std=c++20 -fplugin-arg-pincheck-dump-facts=paths %s 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=PATHS --match-full-lines --implicit-check-not=pincheck
// RUN: %pincc -fsyntax-only -std=c++20 -fplugin-arg-pincheck-dump-facts=verdicts %s 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=VERDICTS --match-full-lines --implicit-check-not=pincheck
// RUN: %pincc -fsyntax-only -std=c++20 -fplugin-arg-pincheck-dump-facts=containers %s 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=CONTAINERS --match-full-lines --implicit-check-not=pincheck
// RUN: %pincc -fsyntax-only -std=c++20 -fplugin-arg-pincheck-dump-facts=S::method %s 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=METHOD --match-full-lines --implicit-check-not=pincheck
// RUN: %pincc -fsyntax-only -std=c++20 -fplugin-arg-pincheck-dump-facts=nothing_to_track %s 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=SKIPPED --match-full-lines --implicit-check-not=pincheck
// RUN: %pincc -fsyntax-only -std=c++20 -fplugin-arg-pincheck-dump-facts=nothing_meets %s 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=TRIVIAL --match-full-lines --implicit-check-not=pincheck
//
// The dump does not change the findings: the same diagnostics with and without it.
// RUN: %pincc -fsyntax-only -std=c++20 %s 2> %t.plain
// RUN: %pincc -fsyntax-only -std=c++20 -fplugin-arg-pincheck-dump-facts=* %s 2> %t.dump > /dev/null
// RUN: diff %t.plain %t.dump

#include <utility>
#include <vector>
#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node {
  Node *self = nullptr;
  int value = 0;
  void start() PIN_PINS_THIS;
};
struct Outer {
  int tag = 0;
  Node n;
};
Node *make();

// PATHS:      pincheck facts: 'paths' at [[# @LINE + 15]]:6
// PATHS-NEXT:   places:
// PATHS-NEXT:     #0 variable 'n' : Node
// PATHS-NEXT:     #1 variable 'o' : Outer
// PATHS-NEXT:     #2 pointee '*p' : Node
// PATHS-NEXT:     #3 variable 'm' : Node
// PATHS-NEXT:   pointer 'p', its own object #2
// PATHS-NEXT:   alias 'r'
// PATHS-NEXT:   pins:
// PATHS-NEXT:     pin#0 at [[# @LINE + 10]]:3 pins-this via 'start' path 'n' . alias(r) -> #0
// PATHS-NEXT:     pin#1 at [[# @LINE + 10]]:13 address-of path 'o' . field(n) -> #1
// PATHS-NEXT:     pin#2 at [[# @LINE + 11]]:9 address-of path 'x' -> no place
// PATHS-NEXT:   operations:
// PATHS-NEXT:     op#0 at [[# @LINE + 10]]:12 move
// PATHS-NEXT:       operand 0 moved path pointer 'p' . deref: pinned (#1 since pin#1)
void paths() {
  Node n;
  Node &r = n;
  Outer o;
  r.start();
  Node *p = &o.n;
  int x = 0;
  (void)&x;
  Node m = std::move(*p);
  (void)m;
}
// PATHS-NEXT:   flow: solved

// VERDICTS:      pincheck facts: 'verdicts' at [[# @LINE + 24]]:6
// VERDICTS-NEXT:   places:
// VERDICTS-NEXT:     #0 variable 'a' : Node
// VERDICTS-NEXT:     #1 variable 'b' : Node
// VERDICTS-NEXT:     #2 variable 'c' : Node
// VERDICTS-NEXT:     #3 variable 'm1' : Node
// VERDICTS-NEXT:     #4 variable 'm2' : Node
// VERDICTS-NEXT:     #5 variable 'm3' : Node
// VERDICTS-NEXT:     #6 variable 'm4' : Node
// VERDICTS-NEXT:     #7 variable 'm5' : Node
// VERDICTS-NEXT:   pins:
// VERDICTS-NEXT:     pin#0 at [[# @LINE + 15]]:9 address-of path 'a' -> #0
// VERDICTS-NEXT:     pin#1 at [[# @LINE + 16]]:11 address-of path 'b' -> #1
// VERDICTS-NEXT:   operations:
// VERDICTS-NEXT:     op#0 at [[# @LINE + 15]]:13 move
// VERDICTS-NEXT:       operand 0 moved path 'a': pinned (#0 since pin#0)
// VERDICTS-NEXT:     op#1 at [[# @LINE + 14]]:13 move
// VERDICTS-NEXT:       operand 0 moved path 'b': pinned on some paths (#1 since pin#1)
// VERDICTS-NEXT:     op#2 at [[# @LINE + 13]]:13 move
// VERDICTS-NEXT:       operand 0 moved path 'c': not pinned
// VERDICTS-NEXT:     op#3 at [[# @LINE + 12]]:13 move
// VERDICTS-NEXT:       operand 0 moved path (none): no tracked place
// VERDICTS-NEXT:     op#4 at [[# @LINE + 12]]:13 move
// VERDICTS-NEXT:       operand 0 moved path 'a': unreached
void verdicts(bool cond) {
  Node a, b, c;
  (void)&a;
  if (cond)
    (void)&b;
  Node m1 = std::move(a);
  Node m2 = std::move(b);
  Node m3 = std::move(c);
  Node m4 = std::move(*make());
  return;
  Node m5 = std::move(a);
}
// VERDICTS-NEXT:   flow: solved

// CONTAINERS:      pincheck facts: 'containers' at [[# @LINE + 13]]:6
// CONTAINERS-NEXT:   places:
// CONTAINERS-NEXT:   alias 'first'
// CONTAINERS-NEXT:   alias 'again'
// CONTAINERS-NEXT:   pins:
// CONTAINERS-NEXT:   operations:
// CONTAINERS-NEXT:   borrow#0 at [[# @LINE + 8]]:17 of 'v' by 'first'
// CONTAINERS-NEXT:   borrow#1 at [[# @LINE + 10]]:17 of 'v' by 'again'
// CONTAINERS-NEXT:   growth#0 at [[# @LINE + 7]]:3 'push_back' on 'v'
// CONTAINERS-NEXT:   growth#1 at [[# @LINE + 9]]:3 'reserve' on 'v'
// CONTAINERS-NEXT:   relocation: growth#0 while borrow#0 is used at [[# @LINE + 6]]:9
// CONTAINERS-NEXT:   relocation: growth#1 while borrow#0 is used at [[# @LINE + 8]]:9
// CONTAINERS-NEXT:   flow: solved
void containers(std::vector<Node> &v) {
  Node &first = v[0];
  v.push_back(Node());
  (void)first.value;
  Node &again = v[0];
  v.reserve(10);
  (void)first;
}

struct PIN_ADDRESS_SENSITIVE S {
  S *self = nullptr;
  // METHOD:      pincheck facts: 'S::method' at [[# @LINE + 11]]:8
  // METHOD-NEXT:   places:
  // METHOD-NEXT:     #0 this '*this' : S
  // METHOD-NEXT:     #1 variable 'm' : S
  // METHOD-NEXT:   pins:
  // METHOD-NEXT:     pin#0 at [[# @LINE + 7]]:10 this-handed-out path this -> #0
  // METHOD-NEXT:   operations:
  // METHOD-NEXT:     op#0 at [[# @LINE + 6]]:11 move
  // METHOD-NEXT:       operand 0 moved path this . deref: pinned (#0 since pin#0)
  // METHOD-NEXT:   flow: solved
  static void keep(S *);
  void method() {
    keep(this);
    S m = std::move(*this);
    (void)m;
  }
};

// SKIPPED:      pincheck facts: 'nothing_to_track' at [[# @LINE + 2]]:6
// SKIPPED-NEXT:   not analysed: nothing to track (no variable, parameter, pointer, container or *this of an address-sensitive type)
void nothing_to_track() {
  int i = 0;
  (void)&i;
}

// TRIVIAL:      pincheck facts: 'nothing_meets' at [[# @LINE + 6]]:6
// TRIVIAL-NEXT:   places:
// TRIVIAL-NEXT:     #0 variable 'n' : Node
// TRIVIAL-NEXT:   pins:
// TRIVIAL-NEXT:   operations:
// TRIVIAL-NEXT:   flow: not run: no pin event, operation or place meets another
void nothing_meets() {
  Node n;
  (void)n.value;
}

void other() {
  Node n;
  (void)&n;
}
