// Functions Clang builds no control-flow graph for: a '__finally' block
// (SEH) or an Objective-C '@finally'. pincheck analyses them in parts, in
// source order: the statements around the construct, the try body, its
// handlers (which may not run) and its finally block, a loop's body twice.
// A pin before, inside or in the finally block of the try reaches what
// follows; a pin in a handler only "on some paths"; a pin on a path that
// returns inside the try does not reach past it; a move before any pin is
// silent. With report-skipped a remark says which construct and that the
// function was analysed in parts; the lint tool counts it in its summary.
//
// RUN: %pincc -fsyntax-only -std=c++17 --target=x86_64-windows-msvc -fms-extensions \
// RUN:   -Xclang -verify=seh %s
// RUN: %pincc -fsyntax-only -std=c++17 -x objective-c++ -fobjc-exceptions -DOBJC \
// RUN:   -Xclang -verify=objc %s
// RUN: %pincc -fsyntax-only -std=c++17 --target=x86_64-windows-msvc -fms-extensions \
// RUN:   -fplugin-arg-pincheck-report-skipped %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=REMARK
// REMARK: no-cfg.cpp:[[# @LINE + 25]]:6: remark: pincheck analysed 'pinned_before' in parts: Clang builds no control-flow graph for the whole of it (it has '__finally'); its {{[0-9]+}} parts were analysed in source order, and what crosses them (a return or an exception inside one) is approximated
// RUN: not %pincheck %s --report-skipped -- -std=c++17 --target=x86_64-windows-msvc -fms-extensions \
// RUN:   -I %pin_include -nostdinc++ -isystem %mock_std 2>&1 | FileCheck %s --check-prefix=LINT
// LINT: pincheck: analysed in parts {{.*}}no-cfg.cpp:[[# @LINE + 22]]:6: 'pinned_before': Clang builds no control-flow graph for the whole of it (it has '__finally')
// LINT: pincheck: {{[0-9]+}} functions analysed in parts: Clang builds no control-flow graph for the whole of them (list them with --report-skipped)

#include <utility>
#include <pin/pin.h>

struct PIN_ADDRESS_SENSITIVE Node { // #node
  Node *self = nullptr;
};
// seh-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}
// objc-note@#node 1+ {{'Node' is address-sensitive because it is annotated address-sensitive}}
void use(Node *);

#ifdef OBJC
#define TRY @try
#define FINALLY @finally
#define VERIFY objc
#else
#define TRY __try
#define FINALLY __finally
#endif

void pinned_before(bool b) {
  Node n;
  Node early = std::move(n); // silent: not pinned yet
  use(&n); // seh-note {{'n' is pinned here: its address is taken}} objc-note {{'n' is pinned here: its address is taken}}
  TRY {
    if (b)
      return;
  } FINALLY {
    (void)b;
  }
  Node late = std::move(n); // seh-warning {{'n' is moved after it was pinned}} objc-warning {{'n' is moved after it was pinned}}
}

void pinned_inside(bool b) {
  Node n;
  TRY {
    use(&n); // seh-note {{'n' is pinned here: its address is taken}} objc-note {{'n' is pinned here: its address is taken}}
  } FINALLY {
    (void)b;
  }
  Node late = std::move(n); // seh-warning {{'n' is moved after it was pinned}} objc-warning {{'n' is moved after it was pinned}}
}

void pinned_in_finally(bool b) {
  Node n;
  TRY {
    (void)b;
  } FINALLY {
    use(&n); // seh-note {{'n' is pinned here: its address is taken}} objc-note {{'n' is pinned here: its address is taken}}
  }
  Node late = std::move(n); // seh-warning {{'n' is moved after it was pinned}} objc-warning {{'n' is moved after it was pinned}}
}

// A path that pins and returns inside the try does not reach past it.
void pinned_then_returned(bool b) {
  Node n;
  TRY {
    if (b) {
      use(&n);
      return;
    }
  } FINALLY {
    (void)b;
  }
  Node late = std::move(n); // silent
}

// A branch's parts may not run: a pin in one is "on some paths".
void pinned_in_branch(bool b) {
  Node n;
  if (b) {
    TRY {
      use(&n); // seh-note {{'n' may be pinned here: its address is taken}} objc-note {{'n' may be pinned here: its address is taken}}
    } FINALLY {
      (void)b;
    }
  }
  Node late = std::move(n); // seh-warning {{'n' is moved after it was pinned on some paths}} objc-warning {{'n' is moved after it was pinned on some paths}}
}

// What one iteration pins, the next sees.
void pinned_in_loop(int k) {
  static Node kept;
  for (int i = 0; i < k; ++i) {
    Node moved = std::move(kept); // seh-warning {{'kept' is moved after it was pinned on some paths}} objc-warning {{'kept' is moved after it was pinned on some paths}}
    TRY {
      use(&kept); // seh-note {{'kept' may be pinned here: its address is taken}} objc-note {{'kept' may be pinned here: its address is taken}}
    } FINALLY {
      (void)i;
    }
  }
}
