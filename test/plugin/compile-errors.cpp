// Checks that the plugin survives code that does not compile: clang reports
// its errors and exits with 1, and the plugin neither crashes nor reports
// anything false. Each input is compiled on its own; the output must hold
// clang's errors (each at its line), the plugin's findings on the code that
// is still valid, and nothing else: no other error or warning, and no
// "PLEASE submit a bug report" / "Stack dump" / "frontend command failed"
// (a crash; `not` alone would accept its exit code).
// Inputs: undeclared identifiers inside functions that move pinned values; an
// incomplete type (a variable, a member, an annotated class only declared);
// a broken class template and a function template whose instantiation fails
// or that does not parse; missing semicolons; errors inside classes
// annotated PIN_ADDRESS_SENSITIVE (an unknown member type, an unknown base, a
// deleted move constructor, a class containing itself); recovery expressions
// (RecoveryExpr) as the argument of std::move, of std::swap, of memcpy, of
// pin::mark_pinned and as the initialiser of a reference or pointer; a fatal
// error (a missing #include), after which nothing is analysed
// (docs/plugin.md, "Code with errors"); annotation kinds named by constants
// whose initialisers do not compile (the reliability sweep's mutant that
// crashed the plugin evaluating one).
//
// RUN: rm -rf %t && split-file %s %t
// RUN: not %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics %t/undeclared.cpp 2>&1 \
// RUN:   | FileCheck %t/undeclared.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
// RUN: not %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics %t/incomplete.cpp 2>&1 \
// RUN:   | FileCheck %t/incomplete.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
// RUN: not %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics %t/broken-template.cpp 2>&1 \
// RUN:   | FileCheck %t/broken-template.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
// RUN: not %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics %t/missing-semicolon.cpp 2>&1 \
// RUN:   | FileCheck %t/missing-semicolon.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
// RUN: not %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics %t/annotated-class.cpp 2>&1 \
// RUN:   | FileCheck %t/annotated-class.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
// RUN: not %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics %t/annotation-kind.cpp 2>&1 \
// RUN:   | FileCheck %t/annotation-kind.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
// RUN: not %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics %t/recovery-expr.cpp 2>&1 \
// RUN:   | FileCheck %t/recovery-expr.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
// A fatal error (a missing #include): clang stops, the plugin reports nothing.
// RUN: not %pincc -fsyntax-only -std=c++17 -fno-crash-diagnostics %t/fatal.cpp 2>&1 \
// RUN:   | FileCheck %t/fatal.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
// The same inputs in C++20.
// RUN: not %pincc -fsyntax-only -std=c++20 -fno-crash-diagnostics %t/recovery-expr.cpp 2>&1 \
// RUN:   | FileCheck %t/recovery-expr.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
// RUN: not %pincc -fsyntax-only -std=c++20 -fno-crash-diagnostics %t/annotated-class.cpp 2>&1 \
// RUN:   | FileCheck %t/annotated-class.cpp --implicit-check-not=error: --implicit-check-not=warning: \
// RUN:       --implicit-check-not="PLEASE submit" --implicit-check-not="Stack dump" \
// RUN:       --implicit-check-not="frontend command failed"
//
// Clang prints its errors while parsing and the plugin's findings at the end
// of the translation unit, so the CHECK-DAG lines sit next to the code they
// are about and the last CHECK fixes the totals.

//--- common.h
#include <cstring>
#include <utility>

#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node {
  Node *self = nullptr;
  void start() PIN_PINS_THIS;
};
void reg(Node &n PIN_PINS);
Node make(int);

//--- undeclared.cpp
#include "common.h"

void move_then_error() {
  Node n;
  n.start();
  Node m = std::move(n);
  // CHECK-DAG: undeclared.cpp:[[@LINE-1]]:12: warning: 'n' is moved after it was pinned; {{.*}} [pin-move]
  undeclared_fn(n);
  // CHECK-DAG: undeclared.cpp:[[@LINE-1]]:3: error: use of undeclared identifier 'undeclared_fn'
}

void error_then_move() {
  Node n;
  n.start();
  Node m = std::move(undeclared_var);
  // CHECK-DAG: undeclared.cpp:[[@LINE-1]]:22: error: use of undeclared identifier 'undeclared_var'
  Node k = std::move(n);
  // CHECK-DAG: undeclared.cpp:[[@LINE-1]]:12: warning: 'n' is moved after it was pinned; {{.*}} [pin-move]
}

void unknown_type_of_the_destination() {
  Node n;
  reg(n);
  undeclared_type x = std::move(n);
  // CHECK-DAG: undeclared.cpp:[[@LINE-1]]:3: error: unknown type name 'undeclared_type'
}

void still_checked() {
  Node n;
  n.start();
  Node m = std::move(n);
  // CHECK-DAG: undeclared.cpp:[[@LINE-1]]:12: warning: 'n' is moved after it was pinned; {{.*}} [pin-move]
}
// CHECK: 3 warnings and 3 errors generated.

//--- incomplete.cpp
#include "common.h"

struct Incomplete;

void pinned_incomplete(Incomplete &i) {
  pin::mark_pinned(i);
  Incomplete j = std::move(i);
  // CHECK-DAG: incomplete.cpp:[[@LINE-1]]:14: error: variable has incomplete type 'Incomplete'
}

struct Holder {
  Incomplete x;
  // CHECK-DAG: incomplete.cpp:[[@LINE-1]]:14: error: field has incomplete type 'Incomplete'
  Node n;
};

void pinned_holder() {
  Holder h;
  pin::mark_pinned(h);
  Holder k = std::move(h);
}

struct PIN_ADDRESS_SENSITIVE OnlyDeclared;

void through_pointer(OnlyDeclared *p) {
  pin::mark_pinned(*p);
  OnlyDeclared q = std::move(*p);
  // CHECK-DAG: incomplete.cpp:[[@LINE-1]]:16: error: variable has incomplete type 'OnlyDeclared'
  std::memcpy(p, p, 4);
  // A pointer parameter's object is a place (heap objects), even of an
  // incomplete type: both operands are reported.
  // CHECK-DAG: incomplete.cpp:[[@LINE-3]]:3: warning: '*p' is overwritten as raw bytes by 'memcpy' after it was pinned; {{.*}} [pin-memcpy]
  // CHECK-DAG: incomplete.cpp:[[@LINE-4]]:3: warning: '*p' is copied as raw bytes by 'memcpy' after it was pinned; {{.*}} [pin-memcpy]
}

void still_checked() {
  Node n;
  n.start();
  Node m = std::move(n);
  // CHECK-DAG: incomplete.cpp:[[@LINE-1]]:12: warning: 'n' is moved after it was pinned; {{.*}} [pin-move]
}
// CHECK: 3 warnings and 3 errors generated.

//--- broken-template.cpp
#include "common.h"

template <class T> struct Box {
  T value;
  typename T::missing extra;
  // CHECK-DAG: broken-template.cpp:[[@LINE-1]]:15: error: no type named 'missing' in 'Node'
};

void broken_instantiation() {
  Box<Node> b;
  pin::mark_pinned(b);
  Box<Node> c = std::move(b);
}

template <class T> void fails_in_instantiation(T t) {
  T u;
  u.start();
  T v = std::move(u);
  t.nosuch();
  // CHECK-DAG: broken-template.cpp:[[@LINE-1]]:5: error: no member named 'nosuch' in 'Node'
}

void use() { fails_in_instantiation(Node()); }

template <class T> void does_not_parse() {
  T u;
  u.start(;
  // CHECK-DAG: broken-template.cpp:[[@LINE-1]]:11: error: expected expression
  T v = std::move(u);
}

void use_unparsed() { does_not_parse<Node>(); }

void still_checked() {
  Node n;
  n.start();
  Node m = std::move(n);
  // CHECK-DAG: broken-template.cpp:[[@LINE-1]]:12: warning: 'n' is moved after it was pinned; {{.*}} [pin-move]
}
// CHECK: 1 warning and 3 errors generated.

//--- missing-semicolon.cpp
#include "common.h"

struct PIN_ADDRESS_SENSITIVE Widget {
  int x
  // CHECK-DAG: missing-semicolon.cpp:[[@LINE-1]]:8: error: expected ';' at end of declaration list
}
// CHECK-DAG: missing-semicolon.cpp:[[@LINE-1]]:2: error: expected ';' after struct

void missing_after_move() {
  Node n;
  n.start();
  Node m = std::move(n)
  // CHECK-DAG: missing-semicolon.cpp:[[@LINE-1]]:24: error: expected ';' at end of declaration
  // CHECK-DAG: missing-semicolon.cpp:[[@LINE-2]]:12: warning: 'n' is moved after it was pinned; {{.*}} [pin-move]
}

void still_checked() {
  Node n;
  n.start();
  Node m = std::move(n);
  // CHECK-DAG: missing-semicolon.cpp:[[@LINE-1]]:12: warning: 'n' is moved after it was pinned; {{.*}} [pin-move]
}
// CHECK: 2 warnings and 3 errors generated.

//--- annotated-class.cpp
#include "common.h"

struct PIN_ADDRESS_SENSITIVE BadMember {
  UnknownType member;
  // CHECK-DAG: annotated-class.cpp:[[@LINE-1]]:3: error: unknown type name 'UnknownType'
  void start() PIN_PINS_THIS;
};

void use_bad_member() {
  BadMember b;
  b.start();
  BadMember c = std::move(b);
  BadMember d = b;
  std::swap(b, c);
  std::memcpy(&c, &b, sizeof b);
}

struct PIN_ADDRESS_SENSITIVE BadBase : UnknownBase {
  // CHECK-DAG: annotated-class.cpp:[[@LINE-1]]:40: error: expected class name
  void start() PIN_PINS_THIS;
};

void use_bad_base() {
  BadBase b;
  b.start();
  BadBase c = std::move(b);
  // CHECK-DAG: annotated-class.cpp:[[@LINE-1]]:15: warning: 'b' is moved after it was pinned; {{.*}} [pin-move]
}

struct PIN_ADDRESS_SENSITIVE NoMove {
  NoMove();
  NoMove(NoMove &&) = delete;
  void start() PIN_PINS_THIS;
};

void use_no_move() {
  NoMove b;
  b.start();
  NoMove c = std::move(b);
  // CHECK-DAG: annotated-class.cpp:[[@LINE-1]]:10: error: call to deleted constructor of 'NoMove'
}

struct PIN_ADDRESS_SENSITIVE ContainsItself {
  ContainsItself self;
  // CHECK-DAG: annotated-class.cpp:[[@LINE-1]]:18: error: field has incomplete type 'ContainsItself'
};

void use_contains_itself() {
  ContainsItself b;
  pin::mark_pinned(b);
  ContainsItself c = std::move(b);
}

struct PIN_ADDRESS_SENSITIVE BadMethod {
  void start() PIN_PINS_THIS { undeclared_in_method(); }
  // CHECK-DAG: annotated-class.cpp:[[@LINE-1]]:32: error: use of undeclared identifier 'undeclared_in_method'
};

void use_bad_method() {
  BadMethod b;
  b.start();
  BadMethod c = std::move(b);
  // CHECK-DAG: annotated-class.cpp:[[@LINE-1]]:17: warning: 'b' is moved after it was pinned; {{.*}} [pin-move]
}

void still_checked() {
  Node n;
  n.start();
  Node m = std::move(n);
  // CHECK-DAG: annotated-class.cpp:[[@LINE-1]]:12: warning: 'n' is moved after it was pinned; {{.*}} [pin-move]
}
// CHECK: 3 warnings and 5 errors generated.

//--- recovery-expr.cpp
#include "common.h"

void move_of_undeclared() {
  Node n;
  n.start();
  Node m = std::move(undeclared);
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:22: error: use of undeclared identifier 'undeclared'
}

void move_of_missing_member() {
  Node n;
  n.start();
  Node m = std::move(n.nosuch);
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:24: error: no member named 'nosuch' in 'Node'
}

// A call with the wrong arguments: a RecoveryExpr that keeps the type Node.
void move_of_typed_recovery() {
  Node n;
  n.start();
  Node m = std::move(make());
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:22: error: no matching function for call to 'make'
  Node k = std::move(make(1, 2));
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:22: error: no matching function for call to 'make'
  pin::mark_pinned(make());
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:20: error: no matching function for call to 'make'
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-2]]:3: error: no matching function for call to 'mark_pinned'
}

void swap_and_memcpy_with_recovery() {
  Node n;
  n.start();
  std::swap(n, undeclared);
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:16: error: use of undeclared identifier 'undeclared'
  std::memcpy(&n, undeclared, sizeof n);
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:19: error: use of undeclared identifier 'undeclared'
  std::memcpy(undeclared, &n, sizeof(undeclared));
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:15: error: use of undeclared identifier 'undeclared'
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-2]]:38: error: use of undeclared identifier 'undeclared'
}

void pins_with_recovery() {
  Node n;
  pin::mark_pinned(undeclared);
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:20: error: use of undeclared identifier 'undeclared'
  n.start(undeclared);
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:11: error: use of undeclared identifier 'undeclared'
  reg(undeclared);
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:7: error: use of undeclared identifier 'undeclared'
  Node m = std::move(n);
}

void aliases_with_recovery() {
  Node n;
  n.start();
  Node &r = undeclared;
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:13: error: use of undeclared identifier 'undeclared'
  Node m = std::move(r);
  Node *p = &undeclared;
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:14: error: use of undeclared identifier 'undeclared'
  Node q = std::move(*p);
}

void still_checked() {
  Node n;
  n.start();
  Node m = std::move(n);
  // CHECK-DAG: recovery-expr.cpp:[[@LINE-1]]:12: warning: 'n' is moved after it was pinned; {{.*}} [pin-move]
}
// CHECK: 1 warning and 15 errors generated.

//--- annotation-kind.cpp
constexpr char Broken[] = {'u', ,'n' 'p', 'i', 'n', 0};
// CHECK-DAG: annotation-kind.cpp:[[@LINE-1]]:33: error: expected expression
// CHECK-DAG: annotation-kind.cpp:[[@LINE-2]]:38: error: expected '}'
constexpr const char *Undeclared = nowhere;
// CHECK-DAG: annotation-kind.cpp:[[@LINE-1]]:36: error: use of undeclared identifier 'nowhere'
struct __attribute__((annotate("pin", Broken))) A {};
// CHECK-DAG: annotation-kind.cpp:[[@LINE-1]]:23: warning: the kind of a pincheck annotation must be a string; this annotation has no effect; {{.*}} [pin-annotation]
struct __attribute__((annotate("pin", Undeclared))) B {};
// CHECK-DAG: annotation-kind.cpp:[[@LINE-1]]:39: error: 'annotate' attribute requires parameter 1 to be a constant expression
// CHECK: 1 warning and 4 errors generated.

//--- fatal.cpp
#include "common.h"
#include <no_such_header_for_pincheck.h>
// CHECK: fatal.cpp:[[@LINE-1]]:10: fatal error: 'no_such_header_for_pincheck.h' file not found

void pinned_and_moved() {
  Node n;
  n.start();
  Node m = std::move(n);
}
// CHECK: 1 error generated.
